"""119 composite primary keys: the answer's models, pk as a tuple, what the
system checks reject (fields.E347), the virtual pk field in get_fields(), the
admin, aggregates, forms, raw() (6.0+), and generic relations failing at run
time."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup(installed_apps=["django.contrib.admin"])
urlpatterns = []

from django.db import models


class Order(models.Model):
    reference = models.CharField(max_length=20, primary_key=True)


class Product(models.Model):
    name = models.CharField(max_length=100)


class OrderLineItem(models.Model):
    pk = models.CompositePrimaryKey("order_id", "product_id")
    order = models.ForeignKey(Order, on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    quantity = models.IntegerField(default=1)


from django.core import checks

# Relations from the composite-key model (its two ForeignKeys) pass the checks.
errors = [e for e in checks.run_checks() if e.id.startswith("fields.")]
equal(errors, [], "ForeignKeys declared on the composite-key model are fine")

create_tables()
order = Order.objects.create(reference="A755H")
Order.objects.create(reference="B142C")
apple = Product.objects.create(name="apple")
pear = Product.objects.create(name="pear")
OrderLineItem.objects.create(order_id="B142C", product=pear)

item = OrderLineItem.objects.create(order=order, product=apple)
equal(item.pk, ("A755H", 1), "item.pk is a tuple of the key fields")
equal(OrderLineItem.objects.get(pk=("A755H", 1)).quantity, 1, "get(pk=tuple) works")
equal(
    OrderLineItem.objects.filter(pk__in=[("A755H", 1), ("B142C", 2)]).count(),
    2,
    "pk__in takes tuples",
)
equal(list(OrderLineItem.objects.in_bulk([("A755H", 1)])), [("A755H", 1)], "in_bulk takes tuples")
equal(
    [f.name for f in OrderLineItem._meta.pk_fields],
    ["order", "product"],
    "_meta.pk_fields lists the key fields",
)

# The virtual pk field is what get_fields() reports with primary_key=True.
pk_fields = [f for f in OrderLineItem._meta.get_fields() if getattr(f, "primary_key", False)]
equal([f.name for f in pk_fields], ["pk"], "get_fields() returns only the virtual pk with primary_key=True")
claim(pk_fields[0].column is None, "the virtual pk field has no column")
claim(
    not OrderLineItem._meta.get_field("order").primary_key,
    "the member fields have primary_key=False",
)

# Assigning a tuple sets the columns.
item2 = OrderLineItem(quantity=3)
item2.pk = ("B142C", 1)
equal((item2.order_id, item2.product_id), ("B142C", 1), "assigning a tuple to pk sets the key fields")

# Aggregates: Max("pk") raises ValueError, Count("pk") works.
with raises(ValueError, what='Max("pk") raises ValueError'):
    OrderLineItem.objects.aggregate(models.Max("pk"))
equal(OrderLineItem.objects.aggregate(n=models.Count("pk"))["n"], 2, 'Count("pk") works')

# Admin refuses the model.
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured

with raises(ImproperlyConfigured, "composite primary key", "registering it in the admin raises ImproperlyConfigured"):
    admin.site.register(OrderLineItem)

# Forms: pk is not a form field; the key fields are.
from django import forms


class OrderLineItemForm(forms.ModelForm):
    class Meta:
        model = OrderLineItem
        fields = "__all__"


equal(sorted(OrderLineItemForm().fields), ["order", "product", "quantity"], "pk is not a form field")

# raw(): supported since 6.0, fails on 5.2.
sql = "SELECT * FROM djqcheck_orderlineitem"
if since(6, 0):
    equal(len(list(OrderLineItem.objects.raw(sql))), 2, "QuerySet.raw() works since 6.0")
else:
    from django.core.exceptions import FieldDoesNotExist

    with raises(Exception, "Raw query must include the primary key", "raw() fails on 5.2"):
        list(OrderLineItem.objects.raw(sql))

# Relations to the model, and a ManyToManyField declared on it: fields.E347.
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType


class Shipment(models.Model):
    item = models.ForeignKey(OrderLineItem, on_delete=models.CASCADE)
    line = models.OneToOneField(OrderLineItem, on_delete=models.CASCADE, related_name="+")
    items = models.ManyToManyField(OrderLineItem, related_name="shipments")


class Bundle(models.Model):
    pk = models.CompositePrimaryKey("name", "size")
    name = models.CharField(max_length=10)
    size = models.IntegerField()
    products = models.ManyToManyField(Product)


class TaggedItem(models.Model):
    tag = models.SlugField()
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=100)
    content_object = GenericForeignKey("content_type", "object_id")


found = {}
for e in checks.run_checks():
    if e.id.startswith("fields."):
        found.setdefault(getattr(e.obj, "name", None), []).append(e.id)
equal(found.get("item"), ["fields.E347"], "a ForeignKey to the model fails with fields.E347")
equal(found.get("line"), ["fields.E347"], "a OneToOneField to the model fails with fields.E347")
equal(found.get("items"), ["fields.E347"], "a ManyToManyField to the model fails with fields.E347")
equal(found.get("products"), ["fields.E347"], "a ManyToManyField declared on a composite-key model fails with fields.E347")
claim("content_object" not in found and "object_id" not in found, "no system check catches a generic relation")

# A generic relation to a composite-key object fails at run time.
from django.db import connection

with connection.schema_editor() as editor:
    editor.create_model(TaggedItem)
tag = TaggedItem.objects.create(tag="x", content_object=item)
tag = TaggedItem.objects.get(pk=tag.pk)
with raises(ValueError, "'exact' lookup of 'pk' must be a tuple or a list", "a generic relation fails at run time"):
    tag.content_object

# The migration makemigrations generates (RemoveField id + AddField pk) is not
# safe: on SQLite it leaves the table without a primary key.
from django.db import migrations
from django.db.migrations.state import ProjectState

create = migrations.CreateModel(
    "Stock",
    [
        ("id", models.BigAutoField(primary_key=True)),
        ("warehouse", models.CharField(max_length=10)),
        ("product", models.ForeignKey("djqcheck.Product", models.CASCADE)),
    ],
)
switch = [
    migrations.RemoveField("stock", "id"),
    migrations.AddField(
        "stock",
        "pk",
        models.CompositePrimaryKey(
            "warehouse", "product", blank=True,
            editable=False, primary_key=True,
        ),
    ),
]
state = ProjectState.from_apps(apps)
with connection.schema_editor() as editor:
    new = state.clone()
    create.state_forwards("djqcheck", new)
    create.database_forwards("djqcheck", editor, state, new)
    state = new
    for op in switch:
        new = state.clone()
        op.state_forwards("djqcheck", new)
        op.database_forwards("djqcheck", editor, state, new)
        state = new
with connection.cursor() as cursor:
    cols = [c.name for c in connection.introspection.get_table_description(cursor, "djqcheck_stock")]
    pk_cols = connection.introspection.get_primary_key_columns(cursor, "djqcheck_stock")
claim("id" not in cols, "the generated migration drops the id column on SQLite")
claim(not pk_cols, "and adds no new key, leaving the table without a primary key (got %r)" % (pk_cols,))

# The answer's hand-written migration: its state_operations are what
# makemigrations generates, and they leave a composite pk in the state.
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.graph import MigrationGraph
from django.db.migrations.state import ModelState
from django.db.migrations.questioner import MigrationQuestioner

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("sales", "0002_stock")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(  # PostgreSQL
                    "ALTER TABLE sales_stock "
                    "DROP CONSTRAINT sales_stock_pkey; "
                    "ALTER TABLE sales_stock "
                    "ADD PRIMARY KEY (warehouse, product_id); "
                    "ALTER TABLE sales_stock DROP COLUMN id;"
                ),
            ],
            state_operations=[  # as makemigrations generated them
                migrations.RemoveField("stock", "id"),
                migrations.AddField(
                    "stock",
                    "pk",
                    models.CompositePrimaryKey(
                        "warehouse", "product", blank=True,
                        editable=False, primary_key=True,
                    ),
                ),
            ],
        ),
    ]


def stock_state(composite):
    fields = [
        ("warehouse", models.CharField(max_length=10)),
        ("product", models.ForeignKey("djqcheck.Product", models.CASCADE)),
    ]
    if composite:
        fields.insert(0, ("pk", models.CompositePrimaryKey("warehouse", "product")))
    else:
        fields.insert(0, ("id", models.BigAutoField(primary_key=True)))
    s = ProjectState.from_apps(apps)
    s.add_model(ModelState("sales", "Stock", fields))
    return s


before, after = stock_state(False), stock_state(True)
changes = MigrationAutodetector(before, after, MigrationQuestioner(defaults={"ask_initial": True})).changes(graph=MigrationGraph())
generated = changes["sales"][0].operations
state_ops = Migration.operations[0].state_operations
equal([(type(o).__name__, o.name) for o in generated], [(type(o).__name__, o.name) for o in state_ops],
      "the state_operations are what makemigrations generates (RemoveField id, AddField pk)")
equal(generated[1].field.deconstruct()[3], state_ops[1].field.deconstruct()[3], "with the same CompositePrimaryKey arguments")
s = before.clone()
Migration.operations[0].state_forwards("sales", s)
Stock = s.apps.get_model("sales", "Stock")
equal([f.name for f in Stock._meta.pk_fields], ["warehouse", "product"], "after the migration the state has the composite key")
claim(Migration.operations[0].database_operations[0].sql.count("ALTER TABLE") == 3, "the database part is the hand-written SQL")
