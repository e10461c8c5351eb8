"""137 zero-downtime migrations on PostgreSQL: AddField with default= drops
the database default, db_default keeps it without rewriting the table, the
backfill runs in batches, AddIndexConcurrently refuses to run in a
transaction, SeparateDatabaseAndState changes state without SQL."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(database="postgresql", installed_apps=["django.contrib.postgres"])

from django.db import NotSupportedError, connection, migrations, models
from django.db.migrations.state import ProjectState


class Shipment(models.Model):
    status = models.CharField(max_length=20, null=True)
    created_at = models.DateTimeField(auto_now_add=True)


create_tables()
table = Shipment._meta.db_table


def relfilenode():
    with connection.cursor() as c:
        c.execute("SELECT relfilenode FROM pg_class WHERE relname = %s", [table])
        return c.fetchone()[0]


def column_default(col):
    with connection.cursor() as c:
        c.execute(
            "SELECT column_default FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
            [table, col],
        )
        return c.fetchone()[0]


for i in range(12):
    Shipment.objects.create()

# AddField with default=: existing rows filled, then the database default dropped.
f = models.CharField(max_length=10, default="x")
f.set_attributes_from_name("kind")
f.model = Shipment
with connection.schema_editor(collect_sql=True) as ed:
    ed.add_field(Shipment, f)
sql = " ".join(ed.collected_sql)
claim("DEFAULT 'x'" in sql and "DROP DEFAULT" in sql, "AddField with default= sets a DEFAULT to fill rows, then drops it")
with connection.schema_editor() as ed:
    ed.add_field(Shipment, f)
equal(column_default("kind"), None, "after AddField(default=...) the column has no database default")
from django.db import IntegrityError, transaction

with raises(IntegrityError, "not-null", what="old code inserting rows without the new column then violates NOT NULL"):
    with transaction.atomic(), connection.cursor() as c:
        c.execute("INSERT INTO %s (created_at) VALUES (now())" % table)

# db_default keeps a real default, and (PostgreSQL 11+) does not rewrite the table.
before = relfilenode()
g = models.CharField(max_length=10, db_default="new")
g.set_attributes_from_name("state")
g.model = Shipment
with connection.schema_editor() as ed:
    ed.add_field(Shipment, g)
claim(column_default("state") is not None and "new" in column_default("state"), "db_default keeps a real default in the database")
equal(relfilenode(), before, "adding a column with a constant default does not rewrite the table")
with connection.cursor() as c:  # old code inserting without the column still works
    c.execute("INSERT INTO %s (created_at, kind) VALUES (now(), 'x') RETURNING state" % table)
    equal(c.fetchone()[0], "new", "an insert that omits a db_default column gets the database default")
Shipment.objects.filter(status__isnull=False).delete()


# The answer's backfill, as written.
def backfill(apps, schema_editor):
    Shipment = apps.get_model("shop", "Shipment")
    while True:
        ids = list(
            Shipment.objects.filter(status__isnull=True)
            .values_list("pk", flat=True)[:5000]
        )
        if not ids:
            break
        Shipment.objects.filter(pk__in=ids).update(status="new")


class FakeApps:  # stands in for the historical apps registry
    def get_model(self, app, name):
        return Shipment


with queries(3, "the backfill loop: select ids, update them, select again (empty)") as ctx:
    backfill(FakeApps(), None)
claim(ctx.captured_queries[0]["sql"].rstrip().endswith("LIMIT 5000"), "each batch selects at most 5000 pks")
equal(Shipment.objects.filter(status__isnull=True).count(), 0, "the backfill fills every row")

# AddIndexConcurrently: not inside a transaction.
from django.contrib.postgres.operations import (
    AddConstraintNotValid,
    AddIndexConcurrently,
    RemoveIndexConcurrently,
    ValidateConstraint,
)

state = ProjectState.from_apps(__import__("django.apps").apps.apps)
op = AddIndexConcurrently(
    "shipment",
    models.Index(fields=["status", "created_at"],
                 name="shipment_status_created_idx"),
)
new_state = state.clone()
op.state_forwards("djqcheck", new_state)
with raises(NotSupportedError, "cannot be executed inside a transaction", what="AddIndexConcurrently needs atomic = False"):
    with connection.schema_editor(atomic=True) as ed:
        op.database_forwards("djqcheck", ed, state, new_state)
with queries(1, "outside a transaction the index is built") as ctx:
    with connection.schema_editor(atomic=False) as ed:
        op.database_forwards("djqcheck", ed, state, new_state)
claim("CREATE INDEX CONCURRENTLY" in ctx.captured_queries[0]["sql"], "AddIndexConcurrently runs CREATE INDEX CONCURRENTLY")
rop = RemoveIndexConcurrently("shipment", "shipment_status_created_idx")
s3 = new_state.clone()
rop.state_forwards("djqcheck", s3)
with queries(1) as ctx:
    with connection.schema_editor(atomic=False) as ed:
        rop.database_forwards("djqcheck", ed, new_state, s3)
claim("DROP INDEX CONCURRENTLY" in ctx.captured_queries[0]["sql"], "RemoveIndexConcurrently drops it the same way")

# AddConstraintNotValid + ValidateConstraint.
cop = AddConstraintNotValid("shipment", models.CheckConstraint(condition=models.Q(status__isnull=False), name="status_set"))
s4 = s3.clone()
cop.state_forwards("djqcheck", s4)
with queries(1) as ctx:
    with connection.schema_editor(atomic=False) as ed:
        cop.database_forwards("djqcheck", ed, s3, s4)
claim("NOT VALID" in ctx.captured_queries[0]["sql"], "AddConstraintNotValid adds the check constraint NOT VALID")
with connection.schema_editor() as ed:
    ValidateConstraint("shipment", "status_set").database_forwards("djqcheck", ed, s4, s4)

# SeparateDatabaseAndState: the field leaves the state, the column stays.
sep = migrations.SeparateDatabaseAndState(
    state_operations=[migrations.RemoveField("shipment", "status")], database_operations=[]
)
s5 = s4.clone()
sep.state_forwards("djqcheck", s5)
claim("status" not in s5.models["djqcheck", "shipment"].fields, "state_operations remove the field from Django's state")
with queries(0, "database_operations=[] runs no SQL, so the column stays for old code"):
    with connection.schema_editor(atomic=False) as ed:
        sep.database_forwards("djqcheck", ed, s4, s5)


# makemigrations generates a plain AddIndex, never the concurrent operation.
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.graph import MigrationGraph
from django.db.migrations.state import ModelState

fields = [("id", models.AutoField(primary_key=True)), ("status", models.CharField(max_length=20, null=True))]
before = ProjectState()
before.add_model(ModelState("shop", "Shipment", fields))
after = ProjectState()
after.add_model(ModelState("shop", "Shipment", [(n, f.clone()) for n, f in fields],
                           options={"indexes": [models.Index(fields=["status"], name="shipment_status_idx")]}))
changes = MigrationAutodetector(before, after)._detect_changes()
ops = [type(op).__name__ for m in changes["shop"] for op in m.operations]
equal(ops, ["AddIndex"], "makemigrations generates a plain AddIndex; edit the migration by hand")
