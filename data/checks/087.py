"""087 transactions (PostgreSQL): the answer's transfer() with row locks,
savepoint, on_commit; broken transactions, durable, select_for_update
outside atomic, ATOMIC_REQUESTS, robust callbacks, async."""
import asyncio

from djqcheck import claim, create_tables, equal, raises, setup, since, warns

setup(database="postgresql")

from django.db import models


class Account(models.Model):
    balance = models.IntegerField()


class Transfer(models.Model):
    source = models.ForeignKey(Account, related_name="+", on_delete=models.CASCADE)
    target = models.ForeignKey(Account, related_name="+", on_delete=models.CASCADE)
    amount = models.IntegerField()


class Coupon(models.Model):
    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE)
    code = models.CharField(max_length=10, unique=True)


create_tables()
sent = []


class send_receipt:  # stands in for a Celery task
    delay = staticmethod(sent.append)


# --- the answer's code (its import of its own modules dropped) ---
from django.db import IntegrityError, transaction


@transaction.atomic
def transfer(from_id, to_id, amount, coupon_code=None):
    # Lock both rows, always in the same order, until the transaction ends
    locked = Account.objects.select_for_update().filter(
        pk__in=[from_id, to_id]
    )
    accounts = {account.pk: account for account in locked.order_by("pk")}
    source, target = accounts[from_id], accounts[to_id]
    if source.balance < amount:
        raise ValueError("insufficient funds")  # rolls everything back
    source.balance -= amount
    target.balance += amount
    source.save(update_fields=["balance"])
    target.save(update_fields=["balance"])
    record = Transfer.objects.create(
        source=source, target=target, amount=amount
    )

    if coupon_code:
        try:
            with transaction.atomic():  # inner block = savepoint
                Coupon.objects.create(transfer=record, code=coupon_code)
        except IntegrityError:
            pass  # only the savepoint is rolled back; the transfer stays

    # Runs only after the outermost transaction commits
    transaction.on_commit(lambda: send_receipt.delay(record.pk))
# --- end ---

a = Account.objects.create(balance=100)
b = Account.objects.create(balance=0)
transfer(a.pk, b.pk, 30, "WELCOME")
equal(len(sent), 1, "on_commit ran after the commit")
transfer(a.pk, b.pk, 20, "WELCOME")  # duplicate coupon: IntegrityError in the savepoint
equal(Transfer.objects.count(), 2, "an inner savepoint failure leaves the transfer in place")
equal(Coupon.objects.count(), 1, "only the savepoint was rolled back")
equal(len(sent), 2, "the second receipt was sent too")
with raises(ValueError, "insufficient", what="the exception propagates"):
    transfer(a.pk, b.pk, 1000)
equal((Account.objects.get(pk=a.pk).balance, Account.objects.get(pk=b.pk).balance), (50, 50), "rollback left balances alone")
equal(len(sent), 2, "on_commit callbacks are dropped on rollback")

with transaction.atomic():
    transaction.on_commit(lambda: sent.append("late"))
    claim("late" not in sent, "inside atomic the callback waits")
claim("late" in sent, "after the outermost commit it runs")
transaction.on_commit(lambda: sent.append("now"))
claim(sent[-1] == "now", "outside a transaction on_commit runs immediately")

# Catching a database error inside atomic breaks the transaction.
from django.db.transaction import TransactionManagementError

with raises(TransactionManagementError, what="queries after a caught error in the same atomic block fail"):
    with transaction.atomic():
        try:
            Coupon.objects.create(transfer_id=1, code="WELCOME")
        except IntegrityError:
            pass
        Account.objects.count()

acc = Account.objects.create(balance=5)
try:
    with transaction.atomic():
        acc.balance = 99
        acc.save()
        raise ValueError
except ValueError:
    pass
equal((acc.balance, Account.objects.get(pk=acc.pk).balance), (99, 5), "rollback does not restore attributes in memory")

with raises(RuntimeError, "durable", what="durable=True asserts the outermost block"):
    with transaction.atomic():
        with transaction.atomic(durable=True):
            pass
with raises(TransactionManagementError, what="committing by hand inside atomic raises an error"):
    with transaction.atomic():
        transaction.commit()
with raises(TransactionManagementError, "select_for_update", what="select_for_update() outside a transaction raises"):
    list(Account.objects.select_for_update())
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

SQLiteFeatures = SQLiteWrapper.features_class
claim(not SQLiteFeatures.has_select_for_update, "SQLite has no SELECT ... FOR UPDATE: select_for_update() is ignored there")
with transaction.atomic():
    list(Account.objects.select_for_update(nowait=True))
    list(Account.objects.select_for_update(skip_locked=True))
    list(Account.objects.select_for_update(of=("self",)))

# robust=True: the failure is logged and later callbacks still run.
import logging

logging.disable(logging.CRITICAL)
order = []
with transaction.atomic():
    transaction.on_commit(lambda: 1 / 0, robust=True)
    transaction.on_commit(lambda: order.append("after"))
equal(order, ["after"], "robust=True logs the exception instead of stopping later callbacks")
logging.disable(logging.NOTSET)

# ATOMIC_REQUESTS
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import path


def fails(request):
    Account.objects.create(balance=-1)
    raise ValueError("boom")


@transaction.non_atomic_requests
def fails_non_atomic(request):
    Account.objects.create(balance=-2)
    raise ValueError("boom")


async def async_view(request):
    return HttpResponse("ok")


urlpatterns = [path("f/", fails), path("n/", fails_non_atomic), path("a/", async_view)]
connection.settings_dict["ATOMIC_REQUESTS"] = True
c = Client(raise_request_exception=True)
with raises(ValueError):
    c.get("/f/")
claim(not Account.objects.filter(balance=-1).exists(), "ATOMIC_REQUESTS rolls back when the view raises")
with raises(ValueError):
    c.get("/n/")
claim(Account.objects.filter(balance=-2).exists(), "non_atomic_requests opts a view out")
with raises(RuntimeError, "ATOMIC_REQUESTS with async views", what="ATOMIC_REQUESTS cannot be used with async views"):
    c.get("/a/")
connection.settings_dict["ATOMIC_REQUESTS"] = False

# Async: atomic() is not usable in async code.
from django.core.exceptions import SynchronousOnlyOperation


async def in_async():
    with transaction.atomic():
        pass


with raises(SynchronousOnlyOperation, what="transactions do not work in async mode"):
    asyncio.run(in_async())

# 6.1 renamed the manual savepoint API.
if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    with transaction.atomic():
        sid = transaction.savepoint_create()
        transaction.savepoint_rollback(sid)
        with warns(RemovedInDjango70Warning, "savepoint_create", what="savepoint() is deprecated in 6.1"):
            transaction.savepoint()
else:
    claim(not hasattr(transaction, "savepoint_create"), "savepoint_create() is new in 6.1")
