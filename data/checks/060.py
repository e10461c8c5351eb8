"""060 bulk_create/bulk_update: the answer's example (inserts, upsert,
bulk_update count), save()/signals skipped, pks set on SQLite,
ignore_conflicts leaves pks unset, MTI children refused, duplicates in a
batch, generator input and SQLite batching."""
import sys
import types

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=50)
    price = models.IntegerField()
    saved_by_save = models.BooleanField(default=False)

    def save(self, *args, **kwargs):
        self.saved_by_save = True
        super().save(*args, **kwargs)


class Place(models.Model):
    name = models.CharField(max_length=50)


class Restaurant(Place):
    pizza = models.BooleanField(default=False)


create_tables()
myapp = types.ModuleType("myapp")
myapp.models = types.ModuleType("myapp.models")
myapp.models.Product = Product
sys.modules["myapp"], sys.modules["myapp.models"] = myapp, myapp.models

from django.db.models.signals import post_save, pre_save

signals = []
pre_save.connect(lambda **kw: signals.append("pre"), sender=Product, weak=False)
post_save.connect(lambda **kw: signals.append("post"), sender=Product, weak=False)

# --- the answer's example, verbatim ---
from myapp.models import Product

rows = [
    Product(sku="A-1", name="Mug", price=9),
    Product(sku="B-2", name="Cap", price=15),
]
from django.db import connection
from django.test.utils import CaptureQueriesContext


def stmts(ctx, verb):
    return sum(q["sql"].startswith(verb) for q in ctx.captured_queries)


with CaptureQueriesContext(connection) as ctx:
    Product.objects.bulk_create(rows, batch_size=500)
equal(stmts(ctx, "INSERT"), 1, "bulk_create inserts the list with one INSERT")

# Upsert (sku has unique=True): update name and price when the sku exists
incoming = [
    Product(sku="A-1", name="Mug", price=10),  # exists: updated
    Product(sku="C-3", name="Hat", price=12),  # new: inserted
]
Product.objects.bulk_create(
    incoming,
    update_conflicts=True,
    unique_fields=["sku"],
    update_fields=["name", "price"],
)

# Change one field on many existing rows
products = list(Product.objects.filter(price__lt=10))
for product in products:
    product.price += 1
updated = Product.objects.bulk_update(products, ["price"], batch_size=500)
# --- end ---

claim(all(r.pk is not None for r in rows), "pks are set on SQLite (3.35+)")
equal(dict(Product.objects.values_list("sku", "price")), {"A-1": 10, "B-2": 15, "C-3": 12}, "update_conflicts upserts name and price")
equal(Product.objects.count(), 3, "the existing sku is updated, not duplicated")
equal(updated, 0, "bulk_update returns the number of rows updated (none were below 10 after the upsert)")
products = list(Product.objects.filter(price__lt=13))
for p in products:
    p.price += 1
with CaptureQueriesContext(connection) as ctx:
    equal(Product.objects.bulk_update(products, ["price"]), 2, "bulk_update returns the number of rows it updated")
equal(stmts(ctx, "UPDATE"), 1, "bulk_update writes the objects in one UPDATE per batch")
claim("CASE WHEN" in ctx.captured_queries[-2]["sql"] or any("CASE WHEN" in q["sql"] for q in ctx.captured_queries), "bulk_update builds a CASE WHEN expression")
equal(signals, [], "pre_save/post_save are not sent")
claim(not Product.objects.filter(saved_by_save=True).exists(), "the model's save() is not called")
res = Product.objects.bulk_create([Product(sku="D-4", name="x", price=1)])
claim(isinstance(res, list) and res[0].sku == "D-4", "bulk_create returns the objects in order")
claim(hasattr(Product.objects, "abulk_create") and hasattr(Product.objects, "abulk_update"), "async versions exist")

# Caveats
with raises(ValueError, "multi-table inherited", what="bulk_create refuses multi-table inheritance children"):
    Restaurant.objects.bulk_create([Restaurant(name="r")])
ig = [Product(sku="A-1", name="dup", price=1), Product(sku="E-5", name="new", price=1)]
Product.objects.bulk_create(ig, ignore_conflicts=True)
claim(all(p.pk is None for p in ig), "ignore_conflicts=True stops the primary keys from being set")
equal(Product.objects.get(sku="A-1").name, "Mug", "ignore_conflicts skips the conflicting row")


def gen():
    for i in range(3):
        yield Product(sku=f"G-{i}", name="g", price=1)


g = gen()
Product.objects.bulk_create(g)
equal(list(g), [], "a generator is consumed completely")

# bulk_update: duplicates in a batch, pk cannot change, MTI parent fields
a = Product.objects.get(sku="A-1")
a2 = Product.objects.get(sku="A-1")
a.price, a2.price = 100, 200
equal(Product.objects.bulk_update([a, a2], ["price"]), 1, "duplicates in one batch: returned count is lower than len(objs)")
equal(Product.objects.get(sku="A-1").price, 100, "only the first copy counts")
with raises(ValueError, "primary key", what="bulk_update cannot change the primary key"):
    Product.objects.bulk_update([a], ["id"])
r1 = Restaurant.objects.create(name="r1")
r2 = Restaurant.objects.create(name="r2")
r1.name, r1.pizza, r2.name, r2.pizza = "R1", True, "R2", True
with CaptureQueriesContext(connection) as ctx:
    Restaurant.objects.bulk_update([r1, r2], ["name", "pizza"])
equal(stmts(ctx, "UPDATE"), 2, "fields on an MTI parent cost one extra query per parent")

# SQLite limits parameters, so large bulk_create is split into batches.
n = connection.features.max_query_params // 4 + 10  # 4 columns per row
with CaptureQueriesContext(connection) as ctx:
    Product.objects.bulk_create([Product(sku=f"S-{i}", name="s", price=1) for i in range(n)])
equal(stmts(ctx, "INSERT"), 2, "SQLite's parameter limit splits a large insert into batches")
with CaptureQueriesContext(connection) as ctx:
    Product.objects.bulk_create([Product(sku=f"T-{i}", name="t", price=1) for i in range(4)], batch_size=1)
equal(stmts(ctx, "INSERT"), 4, "an explicit batch_size sets the statement size")
