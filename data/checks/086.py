"""086 raw SQL: the answer's three tools with params, injection-safe values,
raw() pk requirement and deferred columns, %% escaping, RawSQL params,
6.1 alias quoting."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.db import connection, models


class Product(models.Model):
    name = models.CharField(max_length=50)
    price = models.IntegerField()
    stock = models.IntegerField()

    class Meta:
        db_table = "shop_product"


class Promotion(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    code = models.CharField(max_length=10)

    class Meta:
        db_table = "shop_promotion"


create_tables()
p1 = Product.objects.create(name="cheap", price=5, stock=1)
p2 = Product.objects.create(name="dear", price=50, stock=3)
p3 = Product.objects.create(name="Robert'); DROP TABLE shop_product;--", price=1, stock=0)
Promotion.objects.create(product=p2, code="SUMMER")
max_price, quantity, product_id, code = 10, 1, p1.pk, "SUMMER"

# --- the answer's code, verbatim ---
from django.db import connection
from django.db.models.expressions import RawSQL

# 1. Model instances from your own SELECT (it must include the pk)
cheap = Product.objects.raw(
    "SELECT id, name, price FROM shop_product WHERE price < %s",
    [max_price],
)

# 2. Anything else, straight through a cursor
with connection.cursor() as cursor:
    cursor.execute(
        "UPDATE shop_product SET stock = stock - %s WHERE id = %s",
        [quantity, product_id],
    )
    cursor.execute("SELECT COUNT(*) FROM shop_product WHERE stock = 0")
    (out_of_stock,) = cursor.fetchone()

# 3. A fragment inside an ORM query
promoted = Product.objects.filter(
    id__in=RawSQL(
        "SELECT product_id FROM shop_promotion WHERE code = %s", [code]
    ),
)
# --- end ---

rows = list(cheap)
equal(sorted(p.name for p in rows), sorted([p1.name, p3.name]), "raw() maps rows onto model instances")
claim(all(isinstance(p, Product) for p in rows), "raw() returns model instances")
equal(out_of_stock, 2, "the cursor UPDATE and fetchone() ran with params")
equal([p.pk for p in promoted], [p2.pk], "RawSQL fragment inside filter()")

# Values travel separately: an injection string is just a value.
evil = p3.name
equal(len(list(Product.objects.raw("SELECT id, name FROM shop_product WHERE name = %s", [evil]))), 1, "params are escaped by the driver")
equal(Product.objects.count(), 3, "the table survived")

with queries(1, "a field left out of raw() is deferred and costs a query on access"):
    p = rows[0]
    claim("stock" in p.get_deferred_fields(), "stock is deferred")
    p.stock

from django.core.exceptions import FieldDoesNotExist

with raises(FieldDoesNotExist, "primary key", what="raw() needs the primary key"):
    list(Product.objects.raw("SELECT name FROM shop_product"))

mapped = list(Product.objects.raw("SELECT id AS pid, name AS label FROM shop_product", translations={"pid": "id", "label": "name"}))
equal(len(mapped), 3, "translations= maps columns to fields")

with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM shop_product WHERE name LIKE '%%ea%%' AND price > %s", [0])
    equal(cursor.fetchone()[0], 2, "a literal percent sign is doubled when params are passed")
    cursor.execute("SELECT name FROM shop_product WHERE price = %(price)s", {"price": 50})
    equal(cursor.fetchone()[0], "dear", "%(name)s with a dict works on SQLite")
    cursor.execute("SELECT id, name FROM shop_product ORDER BY id")
    claim(isinstance(cursor.fetchone(), tuple), "a cursor returns plain tuples")
    equal([c[0] for c in cursor.description], ["id", "name"], "names come from cursor.description")

with raises(TypeError, what="RawSQL needs params even when empty"):
    RawSQL("SELECT 1")

# Placeholders only work for values: a column name as a param is just a string.
with connection.cursor() as cursor:
    cursor.execute("SELECT %s FROM shop_product ORDER BY id", ["name"])
    equal(cursor.fetchone()[0], "name", "a placeholder for a column name yields the literal string, not the column")

# 6.1 quotes table and join aliases (and annotation aliases) in the generated SQL.
sql = str(Promotion.objects.filter(product__promotion__code="X").query)
claim(("T3" in sql) and (('"T3"' in sql) == since(6, 1)), "join aliases are quoted since 6.1, bare on 5.2: " + sql)
claim('AS "Total"' in str(Product.objects.annotate(Total=models.F("price")).query), "annotation aliases are quoted")
