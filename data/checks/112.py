"""112 multiple databases: the answer's two routers with three aliases
(default and replica share one SQLite file, analytics its own): reads go to
the replica, writes to default, the analytics app to its own alias, the
instance remembers its alias, cross-database relations are refused,
allow_migrate decides which tables exist where, atomic() is per alias, and
`connection` is always "default"."""
import os
import sys
import tempfile

from djqcheck import claim, equal, raises, setup

tmp = tempfile.mkdtemp()
pkg = os.path.join(tmp, "analytics")
os.makedirs(pkg)
open(os.path.join(pkg, "__init__.py"), "w").close()
with open(os.path.join(pkg, "models.py"), "w") as f:
    f.write(
        "from django.db import models\n\n"
        "class Event(models.Model):\n"
        "    name = models.CharField(max_length=50)\n"
        "    order = models.ForeignKey('djqcheck.Order', null=True, on_delete=models.SET_NULL,\n"
        "                              db_constraint=False)\n"
    )
sys.path.insert(0, tmp)

shop = os.path.join(tmp, "shop.sqlite3")
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": shop},
    "replica": {"ENGINE": "django.db.backends.sqlite3", "NAME": shop, "TEST": {"MIRROR": "default"}},
    "analytics": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tmp, "events.sqlite3")},
}
setup(installed_apps=["analytics"], DATABASES=DATABASES,
      DATABASE_ROUTERS=["djqcheck.models.AnalyticsRouter", "djqcheck.models.PrimaryReplicaRouter"])
urlpatterns = []

class AnalyticsRouter:
    label = "analytics"

    def db_for_read(self, model, **hints):
        if model._meta.app_label == self.label:
            return "analytics"
        return None

    db_for_write = db_for_read

    def allow_relation(self, obj1, obj2, **hints):
        labels = {obj1._meta.app_label, obj2._meta.app_label}
        if self.label in labels:
            return labels == {self.label}
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if app_label == self.label:
            return db == "analytics"
        return False if db == "analytics" else None


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # both aliases hold the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


from django.db import models


class Order(models.Model):
    status = models.CharField(max_length=10)


from django.core.management import call_command

call_command("migrate", verbosity=0, run_syncdb=True)
call_command("migrate", database="analytics", verbosity=0, run_syncdb=True)
from django.db import connection, connections, transaction

tables = {alias: connections[alias].introspection.table_names() for alias in ("default", "analytics")}
claim("analytics_event" in tables["analytics"], "migrate --database=analytics creates the analytics tables there")
claim("analytics_event" not in tables["default"], "and never on the primary")
claim("djqcheck_order" not in tables["analytics"] and "auth_user" not in tables["analytics"],
      "other apps' tables are skipped on analytics")

from analytics.models import Event
from djqcheck import queries

order = Order.objects.create(status="paid")
equal(order._state.db, "default", "writes go to default")
got = Order.objects.get(pk=order.pk)
equal(got._state.db, "replica", "reads go to the replica")
equal(Order.objects.filter(status="paid").db, "replica", "a read queryset uses the replica")
equal(Order.objects.using("default").filter(status="paid").db, "default", "using() picks the alias for this query")

# The answer's explicit selection lines:
Order.objects.using("replica").filter(status="paid")  # this query
order.save(using="default")
with transaction.atomic(using="analytics"):           # per alias
    ...

got.status = "shipped"
got.save()
equal(Order.objects.using("default").get(pk=order.pk).status, "shipped", "the write router sends the save to default")

ev = Event.objects.create(name="click")
equal(ev._state.db, "analytics", "the analytics app reads and writes its own alias")
equal(Event.objects.all().db, "analytics", "reads of analytics go there too")

with raises(ValueError, "router prevents this relation", "relations across databases are refused"):
    ev.order = order

# atomic() without using covers only default.
try:
    with transaction.atomic():
        Order.objects.create(status="new")
        Event.objects.create(name="in-tx")
        raise RuntimeError
except RuntimeError:
    pass
equal(Order.objects.using("default").filter(status="new").count(), 0, "the default write was rolled back")
equal(Event.objects.filter(name="in-tx").count(), 1, "the analytics write was not: transactions are per alias")

equal(connection.alias, "default", "`connection` is always default")
with connections["analytics"].cursor() as cur:
    cur.execute("SELECT COUNT(*) FROM analytics_event")
    equal(cur.fetchone()[0], 2, "connections['analytics'] reaches the other database")

from django.db import router

equal(router.allow_migrate("default", "djqcheck"), True, "PrimaryReplicaRouter lets migrations run on default")
equal(router.allow_migrate("replica", "djqcheck"), False, "and not on the replica")

from django.db import migrations
from djqcheck import since

op = migrations.RunPython(migrations.RunPython.noop, hints={"app_label": "analytics"})
equal(op.hints, {"app_label": "analytics"}, "RunPython takes hints for allow_migrate()")
if since(6, 0):
    from django.contrib.postgres.operations import CreateExtension

    equal(CreateExtension("pg_trgm", hints={"a": 1}).hints, {"a": 1}, "since 6.0 CreateExtension accepts hints")
