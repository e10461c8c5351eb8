"""222 deadlocks and serialization failures on PostgreSQL: locking in
opposite orders deadlocks (OperationalError, __cause__.sqlstate 40P01, after
deadlock_timeout = 1s) while the answer's transfer() (pk order) only waits;
the answer's retry_on_conflict() as written re-runs the whole atomic block
(both opposite transfers succeed, on_commit runs once), does not retry an
IntegrityError, does not retry inside an outer atomic; catching inside
atomic() breaks the transaction; READ COMMITTED is the default and the
IsolationLevel option switches to REPEATABLE READ, where a concurrent update
fails with 40001 and the decorator retries it."""
import threading
import time
from decimal import Decimal

from djqcheck import claim, create_tables, equal, raises, setup

setup(database="postgresql")
urlpatterns = []

from django.db import models


class Account(models.Model):
    owner = models.CharField(max_length=100)
    balance = models.DecimalField(max_digits=12, decimal_places=2)


def transfer(from_id, to_id, amount):
    # Lock both rows in primary key order, whichever way the money goes
    accounts = {
        a.pk: a
        for a in Account.objects.select_for_update()
        .filter(pk__in=[from_id, to_id])
        .order_by("pk")
    }
    src, dst = accounts[from_id], accounts[to_id]
    src.balance -= amount
    dst.balance += amount
    src.save(update_fields=["balance"])
    dst.save(update_fields=["balance"])


import random
import time
from functools import wraps

from django.db import OperationalError, connection, transaction

RETRYABLE = {"40001", "40P01"}  # serialization_failure, deadlock_detected


def retry_on_conflict(max_attempts=3, base_delay=0.05):
    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            if connection.in_atomic_block:
                # Not the outermost transaction: the caller must retry
                return func(*args, **kwargs)
            for attempt in range(1, max_attempts + 1):
                try:
                    with transaction.atomic():
                        return func(*args, **kwargs)
                except OperationalError as exc:
                    # the driver's error: .sqlstate on psycopg 3, .pgcode on psycopg2
                    cause = exc.__cause__
                    sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
                    if sqlstate not in RETRYABLE or attempt == max_attempts:
                        raise
                    time.sleep(base_delay * 2 ** (attempt - 1) * random.random())
        return wrapper
    return decorator


safe_transfer = retry_on_conflict()(transfer)

create_tables()
from django.db import connection, transaction

with connection.cursor() as c:
    c.execute("SHOW deadlock_timeout")
    equal(c.fetchone()[0], "1s", "deadlock_timeout is 1 second by default")
    c.execute("SHOW transaction_isolation")
    equal(c.fetchone()[0], "read committed", "Django uses READ COMMITTED by default")

a1 = Account.objects.create(owner="a", balance=100)
a2 = Account.objects.create(owner="b", balance=100)


def total():
    return sum(a.balance for a in Account.objects.all())


def run_pair(f1, f2):
    results = {}

    def run(name, f):
        try:
            results[name] = f()
        except Exception as e:  # noqa: BLE001
            results[name] = e
        finally:
            connection.close()

    ts = [threading.Thread(target=run, args=("t1", f1)), threading.Thread(target=run, args=("t2", f2))]
    for t in ts:
        t.start()
    for t in ts:
        t.join(20)
    return results


def lock_naively(from_id, to_id, amount, pause):
    """The deadlock-prone version: lock from_id, then to_id."""
    src = Account.objects.select_for_update().get(pk=from_id)
    time.sleep(pause)
    dst = Account.objects.select_for_update().get(pk=to_id)
    src.balance -= amount
    dst.balance += amount
    src.save(update_fields=["balance"])
    dst.save(update_fields=["balance"])
    return "ok"


def atomic_call(f, *args):
    def go():
        with transaction.atomic():
            return f(*args)
    return go


# 1. Opposite lock orders deadlock: one is aborted with 40P01.
start = time.monotonic()
res = run_pair(atomic_call(lock_naively, a1.pk, a2.pk, 1, 0.3), atomic_call(lock_naively, a2.pk, a1.pk, 1, 0.3))
errors = [r for r in res.values() if isinstance(r, Exception)]
equal(len(errors), 1, "PostgreSQL aborts one of the two transactions and lets the other go on: %r" % res)
claim(isinstance(errors[0], OperationalError), "Django raises a deadlock as django.db.OperationalError: %r" % errors[0])
equal(errors[0].__cause__.sqlstate, "40P01", "SQLSTATE 40P01")
claim("deadlock detected" in str(errors[0]), "the message says deadlock detected")
claim(time.monotonic() - start >= 1.0, "detection happens after deadlock_timeout")
equal(total(), Decimal(200), "the aborted transfer was rolled back")


# 2. The answer's transfer() locks in pk order: the second waits, no deadlock.
def hold(f, *args):
    def go():
        with transaction.atomic():
            f(*args)
            time.sleep(0.5)
        return "ok"
    return go


def later(f, *args):
    def go():
        time.sleep(0.1)
        with transaction.atomic():
            f(*args)
        return "ok"
    return go


a1.refresh_from_db()
a2.refresh_from_db()
b1, b2 = a1.balance, a2.balance
start = time.monotonic()
res = run_pair(hold(transfer, a1.pk, a2.pk, Decimal(10)), later(transfer, a2.pk, a1.pk, Decimal(3)))
equal(res, {"t1": "ok", "t2": "ok"}, "locking in primary key order: opposite transfers both succeed")
claim(time.monotonic() - start >= 0.5, "the second one queued for the first row")
a1.refresh_from_db()
a2.refresh_from_db()
equal((a1.balance, a2.balance), (b1 - 7, b2 + 7), "both transfers applied")

# 3. The retry decorator turns the deadlock into a retry.
calls = []
committed = []


def naive_with_side_effect(from_id, to_id, amount):
    calls.append(from_id)
    transaction.on_commit(lambda: committed.append(from_id))
    return lock_naively(from_id, to_id, amount, 0.3)


safe_naive = retry_on_conflict()(naive_with_side_effect)
before = total()
res = run_pair(lambda: safe_naive(a1.pk, a2.pk, 1), lambda: safe_naive(a2.pk, a1.pk, 1))
equal(res, {"t1": "ok", "t2": "ok"}, "retrying the whole atomic block: both transfers succeed")
equal(len(calls), 3, "the deadlock victim ran the whole function again")
equal(sorted(committed), sorted([a1.pk, a2.pk]), "on_commit callbacks of the rolled-back attempt are discarded")
equal(total(), before, "money is neither created nor lost")

# Non-retryable errors are raised at once.
from django.db import IntegrityError

n = []


@retry_on_conflict()
def bad():
    n.append(1)
    Account.objects.create(owner="x", balance=None)


with raises(IntegrityError, what="an IntegrityError is not retried"):
    bad()
equal(len(n), 1, "it ran once")

# Inside an outer atomic block the decorator does not retry.
n.clear()


@retry_on_conflict()
def inner():
    n.append(1)
    return connection.in_atomic_block


with transaction.atomic():
    claim(inner(), "inside an outer transaction it just calls the function")
equal(len(n), 1, "without its own retry loop")

# ATOMIC_REQUESTS: the view's transaction is the outermost one.
from django.http import HttpResponse
from django.test import Client
from django.urls import path


def atomic_view(request):
    n.clear()
    inner()
    return HttpResponse(str(connection.in_atomic_block))


@transaction.non_atomic_requests
def own_view(request):
    return HttpResponse(str(connection.in_atomic_block))


urlpatterns[:] = [path("a/", atomic_view), path("b/", own_view)]
from django.conf import settings

settings.DATABASES["default"]["ATOMIC_REQUESTS"] = True
equal(Client().get("/a/").content, b"True", "with ATOMIC_REQUESTS the view already runs in the outermost transaction, so the decorator cannot retry there")
equal(Client().get("/b/").content, b"False", "@transaction.non_atomic_requests leaves the transaction to the decorator")
settings.DATABASES["default"]["ATOMIC_REQUESTS"] = False

# Catching a database error inside atomic() breaks the transaction.
from django.db.transaction import TransactionManagementError

with raises(TransactionManagementError, what="after catching an error inside atomic(), the next query raises TransactionManagementError"):
    with transaction.atomic():
        try:
            Account.objects.create(owner="x", balance=None)
        except IntegrityError:
            pass
        Account.objects.count()

# 4. Isolation levels: the answer's OPTIONS, then a serialization failure.
from django.conf import settings
from django.db.backends.postgresql.psycopg_any import IsolationLevel

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        # ...
        "OPTIONS": {"isolation_level": IsolationLevel.SERIALIZABLE},
    }
}
settings.DATABASES["default"]["OPTIONS"] = DATABASES["default"]["OPTIONS"]
connection.close()
with transaction.atomic(), connection.cursor() as c:
    c.execute("SHOW transaction_isolation")
    equal(c.fetchone()[0], "serializable", "the isolation_level option sets SERIALIZABLE")
settings.DATABASES["default"]["OPTIONS"] = {"isolation_level": IsolationLevel.REPEATABLE_READ}
connection.close()


def read_then_update(pause, attempts):
    def f():
        attempts.append(1)
        acc = Account.objects.get(pk=a1.pk)  # the snapshot starts here
        time.sleep(pause)
        acc.balance += 1
        acc.save(update_fields=["balance"])
        return "ok"
    return f


def concurrent_update():
    time.sleep(0.1)
    Account.objects.filter(pk=a1.pk).update(balance=models.F("balance") + 100)
    return "ok"


att = []
res = run_pair(atomic_call(read_then_update(0.4, att)), concurrent_update)
err = res["t1"]
claim(isinstance(err, OperationalError), "REPEATABLE READ: updating a row changed after the snapshot fails: %r" % err)
equal(err.__cause__.sqlstate, "40001", "with SQLSTATE 40001")
claim("could not serialize access due to concurrent update" in str(err), "could not serialize access due to concurrent update")
a1.refresh_from_db()
b = a1.balance
att = []
res = run_pair(retry_on_conflict()(read_then_update(0.4, att)), concurrent_update)
equal(res, {"t1": "ok", "t2": "ok"}, "the decorator retries the serialization failure")
equal(len(att), 2, "by running the whole transaction again")
a1.refresh_from_db()
equal(a1.balance, b + 101, "and no update is lost")
settings.DATABASES["default"]["OPTIONS"] = {}
connection.close()

# psycopg2 (not installed here) names the SQLSTATE .pgcode: the decorator reads it too.
class FakePsycopg2Error(Exception):
    pgcode = "40P01"


tries = []


@retry_on_conflict(base_delay=0)
def flaky():
    tries.append(1)
    if len(tries) == 1:
        raise OperationalError("deadlock detected") from FakePsycopg2Error()
    return "ok"


equal((flaky(), len(tries)), ("ok", 2), "a psycopg2-style error (.pgcode 40P01) is retried as well")
