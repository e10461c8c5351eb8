"""185 backups: pg_dump --format=custom + pg_restore --no-owner into a new
database brings back every table (one without a model, an unmanaged one,
a view), all rows and the sequence position, and migrate --check passes
on the restored copy; dumpdata misses soft-deleted rows behind the default
manager (until --all), and runs no shared transaction."""
import glob
import io
import json
import os
import subprocess
import tempfile

from djqcheck import claim, equal, raises, setup

host = os.environ.get("DJQ_CHECK_PG_HOST", "")
user = os.environ.get("DJQ_CHECK_PG_USER", "djq")
restored = "restore_djq_%d" % os.getpid()
DATABASES = {
    "default": {"ENGINE": "django.db.backends.postgresql", "NAME": "postgres", "USER": user, "HOST": host},
    "restored": {"ENGINE": "django.db.backends.postgresql", "NAME": restored, "USER": user, "HOST": host},
}
setup(database="postgresql", DATABASES=DATABASES)
urlpatterns = []
pg_bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in p.split("/")[-2].split(".")])[-1]

from django.db import connection, connections, models


class LiveManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted=False)


class Order(models.Model):
    number = models.CharField(max_length=20)
    deleted = models.BooleanField(default=False)

    objects = LiveManager()
    all_objects = models.Manager()


class LegacyRate(models.Model):  # a table Django does not manage
    code = models.CharField(max_length=3, primary_key=True)

    class Meta:
        managed = False
        db_table = "legacy_rate"


from djqcheck import create_tables

create_tables()
with connection.cursor() as c:
    c.execute("CREATE TABLE legacy_rate (code varchar(3) PRIMARY KEY)")
    c.execute("INSERT INTO legacy_rate VALUES ('EUR'), ('USD')")
    c.execute("CREATE TABLE raw_audit (msg text)")  # no model at all
    c.execute("INSERT INTO raw_audit VALUES ('kept')")
    c.execute("CREATE VIEW live_orders AS SELECT number FROM djqcheck_order WHERE NOT deleted")
for i in range(5):
    Order.objects.create(number=f"A{i}", deleted=i == 4)
Order.all_objects.filter(number="A0").delete()  # the sequence is now past 5 rows, max id 5
dbname = connection.settings_dict["NAME"]

# dumpdata: what it leaves out.
out = io.StringIO()
from django.core.management import call_command

call_command("dumpdata", stdout=out)
models_seen = [o["model"] for o in json.loads(out.getvalue())]
equal(models_seen.count("djqcheck.order"), 3, "dumpdata uses the default manager: the soft-deleted row is missing")
equal(models_seen.count("djqcheck.legacyrate"), 2, "(dumpdata does include unmanaged models; only tables without a model are missed)")
out = io.StringIO()
call_command("dumpdata", "djqcheck.order", use_base_manager=True, stdout=out)
equal(len(json.loads(out.getvalue())), 4, "--all dumps through the base manager")
import inspect

from django.core.management.commands import dumpdata

src = inspect.getsource(dumpdata)
claim("atomic" not in src and "transaction" not in src, "dumpdata opens no transaction: one query per model, no shared snapshot")

# pg_dump + pg_restore, as in the answer.
tmp = tempfile.mkdtemp()
dump = os.path.join(tmp, "shop-2026-12-06.dump")
conn = ["--host", host, "--username", user]
subprocess.run([f"{pg_bin}/pg_dump", "--format=custom", f"--file={dump}", *conn, dbname], check=True)
with open(dump, "rb") as f:
    equal(f.read(5), b"PGDMP", "--format=custom writes pg_restore's archive format")
subprocess.run([f"{pg_bin}/createdb", *conn, restored], check=True)
import atexit


def _drop():
    connections["restored"].close()
    subprocess.run([f"{pg_bin}/dropdb", *conn, "--force", "--if-exists", restored])


atexit.register(_drop)
subprocess.run([f"{pg_bin}/pg_restore", "--no-owner", "--jobs=4", f"--dbname={restored}", *conn, dump], check=True)

r = connections["restored"]
tables = r.introspection.table_names(include_views=True)
claim({"raw_audit", "legacy_rate", "live_orders", "django_migrations"} <= set(tables),
      "the dump has tables Django does not know, views and the migration history")
equal(Order.all_objects.using("restored").count(), 4, "every row is back, soft-deleted ones included")
with r.cursor() as c:
    c.execute("SELECT msg FROM raw_audit")
    equal(c.fetchall(), [("kept",)], "rows of a table with no model are back")
equal(sorted(LegacyRate.objects.using("restored").values_list("code", flat=True)), ["EUR", "USD"], "unmanaged table rows are back")
new = Order.objects.db_manager("restored").create(number="B1")
equal(new.pk, 6, "sequence values are restored: numbering continues where the old database stopped")
call_command("migrate", check=True, database="restored", verbosity=0)  # SystemExit if unapplied
claim(True, "migrate --check passes on the restored copy")
listing = subprocess.run([f"{pg_bin}/pg_restore", "--list", dump], check=True, capture_output=True, text=True).stdout
claim("TABLE DATA public djqcheck_order" in listing and "VIEW public live_orders" in listing,
      "pg_restore --list shows what the archive holds, for selective restores")
