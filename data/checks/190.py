"""190 adding migrations to existing tables: makemigrations writes an initial
migration (initial = True); plain migrate fails because the table exists;
--fake-initial records it without SQL even when a column type differs;
a missing table makes it run for real; --fake records a later migration
without running it; migrate app zero --fake forgets the history but keeps the
tables."""
import io
import os
import sys
import tempfile

from djqcheck import claim, equal, raises, setup

tmp = tempfile.mkdtemp()
app = os.path.join(tmp, "catalog")
os.makedirs(os.path.join(app, "migrations"))
open(os.path.join(app, "__init__.py"), "w").close()
open(os.path.join(app, "migrations", "__init__.py"), "w").close()
with open(os.path.join(app, "models.py"), "w") as f:
    f.write(
        "from django.db import models\n\n\n"
        "class Category(models.Model):\n"
        "    name = models.CharField(max_length=50)\n\n\n"
        "class Product(models.Model):\n"
        "    name = models.CharField(max_length=100)\n"
        "    price = models.DecimalField(max_digits=8, decimal_places=2)\n"
        "    category = models.ForeignKey(Category, on_delete=models.PROTECT)\n"
    )
sys.path.insert(0, tmp)
db = os.path.join(tmp, "db.sqlite3")
setup(installed_apps=["catalog"], DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": db}})
urlpatterns = []

from django.core.management import call_command
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder

call_command("migrate", verbosity=0)  # Django's own apps; catalog has no migration yet
# The tables exist already, made by some other tool; price is text, not numeric.
with connection.cursor() as c:
    c.execute('CREATE TABLE "catalog_category" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(50) NOT NULL)')
    c.execute(
        'CREATE TABLE "catalog_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL,'
        ' "price" text NOT NULL, "category_id" bigint NOT NULL REFERENCES "catalog_category" ("id"))'
    )
    c.execute("INSERT INTO catalog_category (name) VALUES ('tools')")


def applied():
    return {n for a, n in MigrationRecorder(connection).applied_migrations() if a == "catalog"}


q = io.StringIO()
call_command("makemigrations", "catalog", stdout=q)
path = os.path.join(app, "migrations", "0001_initial.py")
claim(os.path.exists(path), "makemigrations catalog writes catalog/migrations/0001_initial.py")
claim("initial = True" in open(path).read(), "makemigrations marks it initial = True")

with raises(OperationalError, 'table "catalog_category" already exists', 'plain migrate fails: table "catalog_category" already exists'):
    call_command("migrate", "catalog", verbosity=0)
equal(applied(), set(), "the failed migrate records nothing")

out = io.StringIO()
call_command("migrate", fake_initial=True, stdout=out)
claim("0001_initial... FAKED" in out.getvalue(), "--fake-initial records it as applied (FAKED)")
equal(applied(), {"0001_initial"}, "django_migrations now lists 0001_initial")
cols = {c.name: c.type_code for c in connection.introspection.get_table_description(connection.cursor(), "catalog_product")}
equal(cols["price"].lower(), "text", "no SQL ran: the price column is still text (types are not compared)")
equal(connection.introspection.table_names().count("catalog_category"), 1, "the existing table and its data stay")
show = io.StringIO()
call_command("showmigrations", "catalog", stdout=show)
claim("[X] 0001_initial" in show.getvalue(), "showmigrations catalog shows [X] 0001_initial")

# --fake for a later migration whose change a DBA already made by hand.
with connection.cursor() as c:
    c.execute('ALTER TABLE "catalog_product" ADD COLUMN "sku" varchar(20) NULL')
with open(os.path.join(app, "migrations", "0002_product_sku.py"), "w") as f:
    f.write(
        "from django.db import migrations, models\n\n\n"
        "class Migration(migrations.Migration):\n"
        "    dependencies = [('catalog', '0001_initial')]\n"
        "    operations = [migrations.AddField('product', 'sku', models.CharField(max_length=20, null=True))]\n"
    )
out = io.StringIO()
call_command("migrate", fake_initial=True, plan=True, stdout=out)
claim("0002_product_sku" in out.getvalue(), "later migrations are not covered by --fake-initial: 0002 is planned to run")
with raises(OperationalError, "duplicate column name", "running 0002 for real fails: the column exists"):
    call_command("migrate", "catalog", "0002", fake_initial=True, verbosity=0)
out = io.StringIO()
call_command("migrate", "catalog", "0002", fake=True, stdout=out)
claim("0002_product_sku... FAKED" in out.getvalue(), "migrate catalog 0002 --fake records it without SQL")
equal(applied(), {"0001_initial", "0002_product_sku"}, "both migrations are recorded")

# migrate catalog zero --fake forgets the history but keeps the tables.
call_command("migrate", "catalog", "zero", fake=True, verbosity=0)
equal(applied(), set(), "migrate catalog zero --fake forgets the app's history")
claim("catalog_product" in connection.introspection.table_names(), "and keeps its tables")

# A missing table: --fake-initial does not fake, the migration runs for real and fails.
with connection.cursor() as c:
    c.execute('DROP TABLE "catalog_product"')
with raises(OperationalError, "already exists", "with one table missing the migration runs for real and fails on the one that exists"):
    call_command("migrate", "catalog", "0001", fake_initial=True, verbosity=0)
