"""118 GeneratedField and db_default on SQLite: the answer's OrderLine model:
the column SQL it quotes, the DatabaseDefault placeholder before save and the
value after, generated values after insert and after an update save (fresh
since 6.0, stale on 5.2), filtering on a generated field, Python default
winning over db_default for ORM inserts, and migrate refusing to modify a
GeneratedField."""
import decimal

from djqcheck import claim, create_tables, equal, raises, setup, since

setup()
urlpatterns = []

from django.db import models
from django.db.models import F
from django.db.models.functions import Lower, Now


class OrderLine(models.Model):
    sku = models.CharField(max_length=20)
    quantity = models.PositiveIntegerField(db_default=1)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)
    created_at = models.DateTimeField(db_default=Now())
    total = models.GeneratedField(
        expression=F("quantity") * F("unit_price"),
        output_field=models.DecimalField(max_digits=12, decimal_places=2),
        db_persist=True,   # stored: computed on write
    )
    sku_lower = models.GeneratedField(
        expression=Lower("sku"),
        output_field=models.CharField(max_length=20),
        db_persist=False,  # virtual: computed on read
    )


from django.db import connection

with connection.schema_editor(collect_sql=True) as editor:
    editor.create_model(OrderLine)
sql = " ".join(editor.collected_sql)
for part in ('"quantity" integer unsigned DEFAULT 1 NOT NULL', '"created_at" datetime DEFAULT (STRFTIME(',
             '"total" decimal GENERATED ALWAYS AS (', ') STORED',
             '"sku_lower" varchar(20) GENERATED ALWAYS AS (LOWER("sku")) VIRTUAL'):
    claim(part in sql, "the SQLite migration produces %s" % part)

create_tables()
from django.db.models.expressions import DatabaseDefault

line = OrderLine(sku="AB-1", unit_price=decimal.Decimal("2.50"))
claim(isinstance(line.quantity, DatabaseDefault), "before save the attribute holds a DatabaseDefault placeholder")
line.save()
equal(line.quantity, 1, "after save SQLite returns the database default")
claim(line.created_at is not None and not isinstance(line.created_at, DatabaseDefault), "created_at is filled in by the database")
equal(line.total, decimal.Decimal("2.50"), "the generated total is fetched on insert")
equal(OrderLine.objects.get(pk=line.pk).sku_lower, "ab-1", "the virtual column computes LOWER(sku)")
equal(OrderLine.objects.filter(total__gt=2).count(), 1, "generated fields can be filtered")

line.quantity = 4
line.save()
if since(6, 0):
    equal(line.total, decimal.Decimal("10.00"), "since 6.0 generated fields are re-read after save()")
else:
    equal(line.total, decimal.Decimal("2.50"), "on 5.2 the value stays stale after an update save")
    line.refresh_from_db()
    equal(line.total, decimal.Decimal("10.00"), "until refresh_from_db()")

from django.db.models import Value


class Both(models.Model):
    n = models.IntegerField(default=5, db_default=7)


create_tables()
equal(Both.objects.create().n, 5, "with both, Python's default wins for ORM inserts")
with connection.cursor() as cur:
    cur.execute("INSERT INTO djqcheck_both DEFAULT VALUES")
equal(sorted(Both.objects.values_list("n", flat=True)), [5, 7], "the database default covers other writers")

new_total = models.GeneratedField(
    expression=F("quantity") * F("unit_price") * 2,
    output_field=models.DecimalField(max_digits=12, decimal_places=2),
    db_persist=True,
)
from django.apps import apps
from django.db import migrations
from django.db.migrations.state import ProjectState

op = migrations.AlterField("orderline", "total", new_total)
state = ProjectState.from_apps(apps)
new_state = state.clone()
op.state_forwards("djqcheck", new_state)
with raises(ValueError, "Modifying GeneratedFields is not supported", "migrate cannot alter a generated column"):
    with connection.schema_editor() as editor:
        op.database_forwards("djqcheck", editor, state, new_state)

with raises(Exception, what="db_default cannot reference another field"):
    class Bad(models.Model):
        a = models.IntegerField()
        b = models.IntegerField(db_default=F("a"))

    from django.core.checks import run_checks

    errs = [e for e in run_checks(databases=["default"]) if e.id.startswith("fields.") and "db_default" in e.msg]
    if errs:
        raise Exception(errs[0].msg)
