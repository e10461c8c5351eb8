"""089 data migration: the answer's fill_slugs/clear_slugs run forwards and
backwards through RunPython on a historical "catalog" model; historical
models lack custom methods; reversibility rules; LookupError."""
import os
import sys
import tempfile

root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "catalog", "migrations"))
for name, text in {
    "catalog/__init__.py": "",
    "catalog/migrations/__init__.py": "",
    "catalog/migrations/0007_product_slug.py": "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    operations = []\n",
}.items():
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
sys.path.insert(0, root)

from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["catalog"])
urlpatterns = []

# makemigrations --empty catalog --name backfill_product_slugs
import importlib

from django.core.management import call_command

call_command("makemigrations", "catalog", empty=True, name="backfill_product_slugs", verbosity=0)
empty = importlib.import_module("catalog.migrations.0008_backfill_product_slugs").Migration
equal(empty.dependencies, [("catalog", "0007_product_slug")], "makemigrations --empty writes the right dependencies")
equal(empty.operations, [], "and an empty operations list")

from django.db import connection, migrations, models
from django.db.migrations.state import ProjectState

# The history: catalog.Product as of migration 0007 (with slug).
create_product = migrations.CreateModel(
    "Product",
    [
        ("id", models.BigAutoField(primary_key=True)),
        ("name", models.CharField(max_length=50)),
        ("slug", models.SlugField(default="", blank=True)),
    ],
)
state0 = ProjectState()
state1 = state0.clone()
create_product.state_forwards("catalog", state1)
with connection.schema_editor() as editor:
    create_product.database_forwards("catalog", editor, state0, state1)

# --- the answer's migration, verbatim ---
from django.db import migrations
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    # The historical model, as it was at this point in the history
    Product = apps.get_model("catalog", "Product")
    db_alias = schema_editor.connection.alias
    for product in Product.objects.using(db_alias).filter(slug=""):
        product.slug = slugify(product.name)
        product.save(update_fields=["slug"])


def clear_slugs(apps, schema_editor):
    Product = apps.get_model("catalog", "Product")
    Product.objects.using(schema_editor.connection.alias).update(slug="")


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0007_product_slug"),
    ]

    operations = [
        migrations.RunPython(fill_slugs, reverse_code=clear_slugs),
    ]
# --- end ---

Product = state1.apps.get_model("catalog", "Product")
Product.objects.create(name="Blue Shirt")
Product.objects.create(name="Red Hat", slug="kept")
op = Migration("0008_backfill_product_slugs", "catalog").operations[0]
claim(op.reversible, "with reverse_code the operation is reversible")
state2 = state1.clone()
op.state_forwards("catalog", state2)
with connection.schema_editor() as editor:
    op.database_forwards("catalog", editor, state1, state2)
equal(sorted(Product.objects.values_list("slug", flat=True)), ["blue-shirt", "kept"], "fill_slugs backfills empty slugs")
with connection.schema_editor() as editor:
    op.database_backwards("catalog", editor, state2, state1)
equal(set(Product.objects.values_list("slug", flat=True)), {""}, "migrating back runs clear_slugs")

# Historical models have fields but not custom methods or plain managers.
from django.apps import apps as live_apps


class GadgetManager(models.Manager):
    def cheap(self):
        return self.all()


class LoggedManager(models.Manager):
    use_in_migrations = True


class Gadget(models.Model):
    name = models.CharField(max_length=10)
    objects = GadgetManager()
    logged = LoggedManager()

    def label(self):
        return self.name.upper()

    def save(self, *args, **kwargs):
        self.name = "custom"
        super().save(*args, **kwargs)


HGadget = ProjectState.from_apps(live_apps).apps.get_model("djqcheck", "Gadget")
claim(hasattr(Gadget, "label") and not hasattr(HGadget, "label"), "historical models have none of the custom methods")
claim("save" not in vars(HGadget), "no custom save()")
claim(not hasattr(HGadget.objects, "cheap"), "a manager without use_in_migrations is not kept")
claim(isinstance(HGadget.logged, models.Manager) and hasattr(HGadget, "logged"), "a manager marked use_in_migrations = True is kept")
with raises(LookupError, what="get_model() for an app not in the state raises LookupError"):
    state1.apps.get_model("shop", "Order")

claim(not migrations.RunPython(fill_slugs).reversible, "without reverse_code the migration is irreversible")
claim(migrations.RunPython(fill_slugs, migrations.RunPython.noop).reversible, "RunPython.noop makes it reversible")
from django.db.migrations.exceptions import IrreversibleError

with raises(IrreversibleError, what="reversing an irreversible RunPython fails"):
    with connection.schema_editor() as editor:
        irrev = type("Migration", (migrations.Migration,), {"operations": [migrations.RunPython(fill_slugs)]})
        irrev("0009_oneway", "catalog").unapply(state2, editor)
claim(migrations.RunPython(fill_slugs, elidable=True).elidable, "elidable=True marks one-off backfills")
claim(migrations.Migration.atomic is True, "migrations are atomic unless atomic = False")
