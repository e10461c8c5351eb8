"""157 get_or_create/update_or_create under concurrency (PostgreSQL): a lost
race is answered by the unique constraint (IntegrityError caught, get()
again, created=False), the create runs in a savepoint, no constraint means
duplicates and MultipleObjectsReturned, unique field only in defaults lets
the IntegrityError through; update_or_create locks with FOR UPDATE, saves
only defaults' fields, uses create_defaults on insert; 6.0+ reads F()
results back after save(), 5.2 keeps the expression."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup(database="postgresql")

from django.db import models


# --- the answer's model, as written ---
class Subscriber(models.Model):
    email = models.EmailField(unique=True)  # this is the safety net
    name = models.CharField(max_length=100, blank=True)
    visits = models.IntegerField(default=0)
    source = models.CharField(max_length=20, blank=True)
# --- end ---


class Loose(models.Model):  # no unique constraint
    email = models.EmailField()


create_tables()
from unittest import mock

from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet

email, name = "ann@example.com", "Ann"

# A normal first call creates.
sub, created = Subscriber.objects.get_or_create(
    email=email,                        # lookup: must be unique
    defaults={"name": name},            # used only when inserting
)
equal((created, sub.name), (True, "Ann"), "defaults are used when inserting")


# Simulate losing the race: our get() misses although the row exists (B inserted it).
def racing_get(real):
    calls = {"n": 0}

    def get(self, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 1:
            raise self.model.DoesNotExist
        return real(self, *a, **kw)

    return get, calls


get, calls = racing_get(QuerySet.get)
with mock.patch.object(QuerySet, "get", get):
    with queries(7, "BEGIN, SAVEPOINT, failing INSERT, ROLLBACK TO SAVEPOINT, RELEASE, get again, COMMIT") as ctx:
        with transaction.atomic():
            sub2, created = Subscriber.objects.get_or_create(email=email, defaults={"name": "B"})
equal((created, sub2.pk, calls["n"]), (False, sub.pk, 2), "the IntegrityError is caught and the second get() returns the other request's row")
claim(any("SAVEPOINT" in q["sql"] for q in ctx.captured_queries), "inside your own atomic() the insert runs in a savepoint")

# Unique field only in defaults: the retried get finds nothing, the error reaches you.
get, calls = racing_get(QuerySet.get)
with mock.patch.object(QuerySet, "get", get):
    with raises(IntegrityError, what="with the unique field only in defaults, the IntegrityError reaches your code"):
        Subscriber.objects.get_or_create(name="Someone", defaults={"email": email})

# Without a constraint: both inserts succeed, then MultipleObjectsReturned.
get, calls = racing_get(QuerySet.get)
Loose.objects.create(email=email)
with mock.patch.object(QuerySet, "get", get):
    obj, created = Loose.objects.get_or_create(email=email)
equal((created, Loose.objects.count()), (True, 2), "without a unique constraint both requests insert")
with raises(Loose.MultipleObjectsReturned, what="every later get_or_create() raises MultipleObjectsReturned"):
    Loose.objects.get_or_create(email=email)

# update_or_create
from django.db.models import F

with queries(4, "update_or_create: BEGIN, SELECT ... FOR UPDATE, UPDATE, COMMIT") as ctx:
    # --- the answer's call, as written ---
    sub, created = Subscriber.objects.update_or_create(
        email=email,
        defaults={"visits": F("visits") + 1},        # on update
        create_defaults={"visits": 1, "source": "signup"},  # on insert
    )
sqls = [q["sql"] for q in ctx.captured_queries]
claim(sqls[0] == "BEGIN" and sqls[-1] == "COMMIT", "it runs in a transaction")
claim(sqls[1].endswith("FOR UPDATE"), "it fetches the row with select_for_update()")
claim(sqls[2].startswith("UPDATE") and '"visits"' in sqls[2] and '"name"' not in sqls[2] and '"source"' not in sqls[2], "it saves only the fields in defaults")
equal(created, False, "existing row: updated")
if since(6, 0):
    equal(sub.visits, 1, "6.0+: the F() result is read back after save() (RETURNING on PostgreSQL)")
    claim("RETURNING" in sqls[2], "the UPDATE uses RETURNING")
else:
    claim(not isinstance(sub.visits, int), "5.2: the attribute still holds the expression")
    sub.refresh_from_db()
    equal(sub.visits, 1, "... until refresh_from_db()")

sub, created = Subscriber.objects.update_or_create(
    email="new@example.com",
    defaults={"visits": F("visits") + 1},
    create_defaults={"visits": 1, "source": "signup"},
)
equal((created, sub.visits, sub.source), (True, 1, "signup"), "create_defaults supplies the values for the insert")

# A pure counter: one UPDATE, no read.
with queries(1, "filter(pk=...).update(visits=F(...) + 1) is one statement"):
    Subscriber.objects.filter(pk=sub.pk).update(visits=F("visits") + 1)

# get_or_create targets the write database.
qs = Subscriber.objects.all()
qs.get_or_create(email=email)
claim(qs._for_write, "get_or_create() always queries the write database")

# Bulk upsert.
from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as ctx:
    Subscriber.objects.bulk_create([Subscriber(email=email, visits=9)], update_conflicts=True, unique_fields=["email"], update_fields=["visits"])
inserts = [q["sql"] for q in ctx.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")]
claim(len(inserts) == 1 and "ON CONFLICT" in inserts[0], "bulk_create(update_conflicts=True) is INSERT ... ON CONFLICT DO UPDATE on PostgreSQL")
equal(Subscriber.objects.get(email=email).visits, 9, "the upsert updated the row")
