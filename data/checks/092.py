"""092 squashing: a real "orders" app; squashmigrations writes a file whose
Migration lists replaces and whose operations are optimized, migrate works
with it next to the originals, elidable RunPython is dropped, "Manual
porting required", and squashing a squashed migration (refused on 5.2,
allowed since 6.0)."""
import glob
import importlib
import io
import os
import sys
import tempfile

root = tempfile.mkdtemp()
mig = os.path.join(root, "orders", "migrations")
os.makedirs(mig)


def write(name, text):
    with open(os.path.join(root, name), "w") as f:
        f.write(text)


HEAD = "from django.db import migrations, models\n\n\n"
write("orders/__init__.py", "")
write("orders/migrations/__init__.py", "")
write("orders/models.py", HEAD + """class Order(models.Model):
    status = models.CharField(max_length=10, default="new")

    class Meta:
        indexes = [models.Index(fields=["status"], name="order_status_idx")]
""")
write("orders/migrations/0001_initial.py", HEAD + """class Migration(migrations.Migration):
    initial = True
    operations = [migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True))])]
""")
write("orders/migrations/0002_order_status.py", HEAD + """class Migration(migrations.Migration):
    dependencies = [("orders", "0001_initial")]
    operations = [migrations.AddField("order", "status", models.CharField(max_length=10, default="new"))]
""")
write("orders/migrations/0003_backfill.py", HEAD + """def backfill(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("orders", "0002_order_status")]
    operations = [migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True)]
""")
write("orders/migrations/0004_keep.py", HEAD + """def keep(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("orders", "0003_backfill")]
    operations = [migrations.RunPython(keep, migrations.RunPython.noop)]
""")
write("orders/migrations/0005_order_index.py", HEAD + """class Migration(migrations.Migration):
    dependencies = [("orders", "0004_keep")]
    operations = [migrations.AddIndex("order", models.Index(fields=["status"], name="order_status_idx"))]
""")
sys.path.insert(0, root)

from djqcheck import claim, equal, raises, setup, since

setup(installed_apps=["orders"])
urlpatterns = []
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args, **kw):
    out = io.StringIO()
    call_command(*args, stdout=out, no_color=True, **kw)
    return out.getvalue()


# Squash 0001..0002 with a chosen name.
run("squashmigrations", "orders", "0002", squashed_name="base", interactive=False)
files = glob.glob(os.path.join(mig, "*base*.py"))
equal([os.path.basename(f) for f in files], ["0001_base.py"], "--squashed-name names the new file (start number + name)")
sq = importlib.import_module("orders.migrations.0001_base").Migration
equal(sq.replaces, [("orders", "0001_initial"), ("orders", "0002_order_status")], "replaces names the migrations it stands in for")
equal([type(op).__name__ for op in sq.operations], ["CreateModel"], "the optimizer folds AddField into the earlier CreateModel")
claim("status" in dict(sq.operations[0].fields), "the folded field is in CreateModel")

# A new database applies only the squashed migration (and records the originals).
run("migrate", "orders")
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

applied = {n for a, n in MigrationRecorder(connection).applied_migrations() if a == "orders"}
claim({"0001_base", "0001_initial", "0002_order_status", "0005_order_index"} <= applied,
      "migrate works with the squashed file next to the originals")
claim(os.path.exists(os.path.join(mig, "0001_initial.py")), "the originals stay until the transition")

# Squash again, over the squashed migration and the RunPython barriers.
if since(6, 0):
    out = run("squashmigrations", "orders", "0005", interactive=False)
    claim("Manual porting required" in out, "a kept RunPython defined in an old file needs manual porting")
    text = open(glob.glob(os.path.join(mig, "*_squashed_0005_*.py"))[0]).read()
    claim("replaces" in text and "0001_base" in text, "6.0+: a squashed migration can be squashed again")
    claim("0003_backfill.backfill" not in text, "elidable=True operations are dropped")
    claim("0004_keep.keep" in text, "non-elidable RunPython stays")
else:
    with raises(CommandError, "You cannot squash squashed migrations", what="5.2 refuses to squash a squashed migration"):
        run("squashmigrations", "orders", "0005", interactive=False)
    out = run("squashmigrations", "orders", "0003", "0005", interactive=False)
    claim("Manual porting required" in out, "a kept RunPython defined in an old file needs manual porting")
    text = open(glob.glob(os.path.join(mig, "0003_*squashed_0005_*.py"))[0]).read()
    claim("0003_backfill.backfill" not in text and "0004_keep.keep" in text, "elidable=True operations are dropped, others stay")

opts = {a.dest for a in __import__("django.core.management.commands.squashmigrations", fromlist=["Command"]).Command().create_parser("m", "squashmigrations")._actions}
claim({"no_optimize", "squashed_name"} <= opts, "squashmigrations has --no-optimize and --squashed-name")
mopts = {a.dest for a in __import__("django.core.management.commands.migrate", fromlist=["Command"]).Command().create_parser("m", "migrate")._actions}
claim("prune" in mopts, "migrate --prune exists")
