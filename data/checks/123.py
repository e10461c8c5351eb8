"""123 idempotency keys: the answer's models and view on PostgreSQL: a replay
returns the stored 201 body with one order, a reused key with another body
gets 422, missing key 400, anonymous 401, a concurrent duplicate blocks on the
unique index and then sees IntegrityError (409 while in progress), the
savepoint claim, and the conditional update that affects 0 rows the second time."""
import threading
import time

from djqcheck import claim, create_tables, equal, raises, setup

setup(database="postgresql")

from django.conf import settings
from django.db import models


class Order(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE)
    total = models.DecimalField(max_digits=10, decimal_places=2)


class IdempotencyKey(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True)
    response_body = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], name="uniq_idem_user_key"
            )
        ]

import hashlib
import json

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def create_order(request):
    if not request.user.is_authenticated:  # keys are scoped per user
        return JsonResponse({"error": "login required"}, status=401)
    key = request.headers.get("Idempotency-Key")
    if not key:
        return JsonResponse({"error": "key required"}, status=400)
    digest = hashlib.sha256(request.body).hexdigest()
    try:
        with transaction.atomic():
            record = IdempotencyKey.objects.create(
                user=request.user, key=key, request_hash=digest
            )
            data = json.loads(request.body)
            order = Order.objects.create(user=request.user,
                                         total=data["total"])
            body = {"id": order.pk, "total": str(order.total)}
            record.status_code, record.response_body = 201, body
            record.save(update_fields=["status_code", "response_body"])
    except IntegrityError:
        # The key exists: a retry, or a concurrent duplicate.
        record = IdempotencyKey.objects.get(user=request.user, key=key)
        if record.request_hash != digest:
            return JsonResponse({"error": "key reused"}, status=422)
        if record.status_code is None:  # two-step variant, see below
            return JsonResponse({"error": "in progress"}, status=409)
        return JsonResponse(record.response_body,
                            status=record.status_code)
    return JsonResponse(body, status=201)


from django.urls import path

urlpatterns = [path("orders/", create_order)]

from django.core.management import call_command

call_command("migrate", "auth", verbosity=0)  # auth_user first: PostgreSQL checks the FKs
create_tables()
from django.contrib.auth.models import User
from django.test import Client

alice = User.objects.create_user("alice")
bob = User.objects.create_user("bob")
c = Client()
c.force_login(alice)

def post(client, body, key="k1"):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post("/orders/", body, content_type="application/json", **headers)

r1 = post(c, '{"total": "19.90"}')
equal(r1.status_code, 201, "the first request creates the order: 201")
r2 = post(c, '{"total": "19.90"}')
equal(r2.status_code, 201, "the same request again gets the same 201")
equal(r2.json(), r1.json(), "with the same body")
equal(Order.objects.count(), 1, "and only one order exists")
r3 = post(c, '{"total": "5.00"}')
equal(r3.status_code, 422, "reusing the key with a different body is refused")
equal(post(c, '{"total": "1"}', key=None).status_code, 400, "a missing key gives 400")
equal(post(Client(), '{"total": "1"}').status_code, 401, "an anonymous POST gets 401, not a 500")
equal(c.get("/orders/").status_code, 405, "require_POST refuses GET")

# Scoped per user: bob's k1 is his own.
cb = Client()
cb.force_login(bob)
equal(post(cb, '{"total": "7.00"}').status_code, 201, "keys are scoped per user")

# Concurrency: the second insert waits on the unique index, then fails.
from django.db import connection, connections, transaction

holding = threading.Event()
release = threading.Event()


def first():
    with transaction.atomic():
        IdempotencyKey.objects.create(user=alice, key="k2", request_hash="x")
        holding.set()
        release.wait(10)
    connection.close()


result = {}


def second():
    result["response"] = post(c, '{"total": "3.00"}', key="k2")
    connection.close()


t1 = threading.Thread(target=first)
t1.start()
holding.wait(10)
t2 = threading.Thread(target=second)
t2.start()
time.sleep(0.7)
claim(t2.is_alive(), "the second insert blocks on the unique index while the first transaction is open")
release.set()
t1.join(10)
t2.join(10)
r = result["response"]
# request_hash "x" differs from the body's hash: the loser saw IntegrityError
# and read the winner's row.
equal(r.status_code, 422, "after the first commits, the second fails with IntegrityError and reads the stored row")
IdempotencyKey.objects.filter(key="k2").update(request_hash=__import__("hashlib").sha256(b'{"total": "3.00"}').hexdigest())
equal(post(c, '{"total": "3.00"}', key="k2").status_code, 409, "a key row without a result answers 409 (in progress)")

# Inside an outer transaction the inner atomic() (a savepoint) keeps it usable.
from django.db import IntegrityError

with transaction.atomic():
    try:
        with transaction.atomic():
            IdempotencyKey.objects.create(user=alice, key="k1", request_hash="y")
    except IntegrityError:
        pass
    equal(IdempotencyKey.objects.filter(user=alice).count(), 2, "after a savepoint rollback the transaction still works")
from django.db.transaction import TransactionManagementError

with raises(TransactionManagementError, what="without its own atomic() the whole transaction is unusable"):
    with transaction.atomic():
        try:
            IdempotencyKey.objects.create(user=alice, key="k1", request_hash="y")
        except IntegrityError:
            pass
        IdempotencyKey.objects.count()

# Natural idempotency: a conditional update affects 0 rows the second time.

equal(Order.objects.filter(total=19.90).update(total=20), 1, "the first conditional update changes the row")
equal(Order.objects.filter(total=19.90).update(total=20), 0, "the second affects 0 rows")
