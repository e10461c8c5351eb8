"""091 migration conflicts: a real "shop" app with two 0004 leaves; migrate
refuses with the quoted message, makemigrations --merge writes an empty
migration depending on both, --check exits non-zero, and an inconsistent
history raises InconsistentMigrationHistory."""
import glob
import io
import os
import sys
import tempfile

root = tempfile.mkdtemp()
mig = os.path.join(root, "shop", "migrations")
os.makedirs(mig)


def write(name, text):
    with open(os.path.join(root, name), "w") as f:
        f.write(text)


write("shop/__init__.py", "")
write("shop/migrations/__init__.py", "")
write("shop/models.py", """
from django.db import models


class Order(models.Model):
    notes = models.TextField(default="")


class Product(models.Model):
    weight = models.IntegerField(default=0)
""")
write("shop/migrations/0003_base.py", """
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    operations = [
        migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True))]),
        migrations.CreateModel("Product", [("id", models.BigAutoField(primary_key=True))]),
    ]
""")
for name, model, field in (("0004_order_notes", "order", 'models.TextField(default="")'),
                           ("0004_product_weight", "product", "models.IntegerField(default=0)")):
    fname = name.split("_", 2)[2]
    write(f"shop/migrations/{name}.py", f"""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0003_base")]
    operations = [migrations.AddField("{model}", "{fname}", {field})]
""")
sys.path.insert(0, root)

from djqcheck import claim, equal, raises, setup

setup(installed_apps=["shop"])
urlpatterns = []
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args, **kw):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out, no_color=True, **kw)
    return out.getvalue()


with raises(CommandError, "Conflicting migrations detected; multiple leaf nodes in the migration graph",
            what="migrate stops with 'Conflicting migrations detected; multiple leaf nodes'") as box:
    run("migrate", "shop")
claim("makemigrations --merge" in str(box[0]), "and suggests makemigrations --merge")

run("makemigrations", "shop", merge=True, interactive=False)
merged = [f for f in glob.glob(os.path.join(mig, "0005_merge*.py"))]
equal(len(merged), 1, "makemigrations --merge writes one merge migration")
import importlib

m = importlib.import_module("shop.migrations." + os.path.basename(merged[0])[:-3]).Migration
equal(sorted(m.dependencies), [("shop", "0004_order_notes"), ("shop", "0004_product_weight")], "it depends on both leaves")
equal(m.operations, [], "and has no operations")
run("migrate", "shop")
from django.db import connection

cols = {c.name for c in connection.introspection.get_table_description(connection.cursor(), "shop_order")}
claim("notes" in cols, "after merging, migrate applies both branches")

# makemigrations --check: non-zero exit and no file written when models changed.
before = sorted(os.listdir(mig))
from django.apps import apps
from django.db import models as dm


class Coupon(dm.Model):  # the model change (registered under the shop app)
    code = dm.CharField(max_length=5)

    class Meta:
        app_label = "shop"


with raises(SystemExit, what="makemigrations --check exits non-zero when migrations are missing") as box:
    run("makemigrations", "shop", check_changes=True, dry_run=False)
equal(box[0].code, 1, "exit status 1")
equal(sorted(os.listdir(mig)), before, "--check writes nothing")

# Inconsistent history: a migration recorded applied while its dependency is not.
from django.db.migrations.exceptions import InconsistentMigrationHistory
from django.db.migrations.recorder import MigrationRecorder

rec = MigrationRecorder(connection)
rec.record_unapplied("shop", "0004_order_notes")
with raises(InconsistentMigrationHistory, "0005_merge", what="applied migration with an unapplied dependency raises InconsistentMigrationHistory"):
    run("migrate", "shop")

from django.core.management.commands.makemigrations import Command

opts = {a.dest for a in Command().create_parser("manage.py", "makemigrations")._actions}
claim({"merge", "check_changes", "update"} <= opts, "makemigrations has --merge, --check and --update")
