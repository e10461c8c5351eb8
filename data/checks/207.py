"""207 checkout: the answer's models, place_order and webhook run as written on
PostgreSQL: stock decremented, out-of-stock rolls back, idempotency key returns
the same order (also under concurrency), two buyers of the last item do not
oversell, on_commit email only on commit, select_for_update needs a
transaction, the conditional F() update, the signed idempotent webhook."""
import threading
from decimal import Decimal

from djqcheck import claim, create_tables, equal, raises, setup

setup(database="postgresql", PAYMENT_WEBHOOK_SECRET="whsec-test")

# ---- models (verbatim) ----
# shop/models.py
from django.conf import settings
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=200)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        PAID = "paid"
        CANCELLED = "cancelled"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    status = models.CharField(max_length=20, choices=Status, default=Status.PENDING)
    total = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    idempotency_key = models.CharField(max_length=64, unique=True)
    payment_id = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(auto_now_add=True)


class OrderLine(models.Model):
    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()
    # copied at purchase time: later price changes must not alter old orders
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)

# ---- services (verbatim) ----
# shop/services.py
from functools import partial

from django.core.mail import send_mail
from django.db import IntegrityError, transaction


class OutOfStock(Exception):
    pass


def send_confirmation(order_id):
    order = Order.objects.get(pk=order_id)
    send_mail(f"Order {order.pk}", f"Total: {order.total}", None, [order.user.email])


def place_order(user, cart, idempotency_key):
    """cart maps product ids to quantities; a repeated key returns the first order."""
    try:
        with transaction.atomic():
            order = Order.objects.create(user=user, idempotency_key=idempotency_key)
            # lock the rows, always in the same order, so two checkouts cannot deadlock
            products = Product.objects.select_for_update().filter(pk__in=cart).order_by("pk")
            total = 0
            for product in products:
                quantity = cart[product.pk]
                if product.stock < quantity:
                    raise OutOfStock(product.name)  # rolls back the whole order
                product.stock -= quantity
                product.save(update_fields=["stock"])
                OrderLine.objects.create(order=order, product=product,
                                         quantity=quantity, unit_price=product.price)
                total += product.price * quantity
            order.total = total
            order.save(update_fields=["total"])
            transaction.on_commit(partial(send_confirmation, order.pk))
    except IntegrityError:
        # the unique idempotency_key was taken: a double click or a client retry
        # scoped to the user: a key sent by someone else never returns their order
        return Order.objects.get(user=user, idempotency_key=idempotency_key)
    return order

# ---- webhook (verbatim) ----
# shop/webhooks.py
import hashlib
import hmac
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt  # the provider has no CSRF token; the signature authenticates it
@require_POST
def payment_webhook(request):
    expected = hmac.new(settings.PAYMENT_WEBHOOK_SECRET.encode(), request.body,
                        hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        return HttpResponseBadRequest("bad signature")
    event = json.loads(request.body)
    if event["type"] == "payment.succeeded":
        # conditional update: a redelivered event changes nothing
        Order.objects.filter(pk=event["order_id"], status=Order.Status.PENDING).update(
            status=Order.Status.PAID, payment_id=event["payment_id"])
    return HttpResponse(status=200)

from django.urls import path

urlpatterns = [path("webhooks/payment/", payment_webhook)]

create_tables()

from django.contrib.auth.models import User
from django.core import mail
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError

ann = User.objects.create_user("ann", "ann@example.com", "x")
pen = Product.objects.create(name="Pen", price=Decimal("2.50"), stock=10)
ink = Product.objects.create(name="Ink", price=Decimal("4.00"), stock=1)

order = place_order(ann, {pen.pk: 3, ink.pk: 1}, "key-1")
pen.refresh_from_db(); ink.refresh_from_db()
equal((pen.stock, ink.stock), (7, 0), "stock is decremented inside the transaction")
equal(order.total, Decimal("11.50"), "the total is computed from database prices")
equal(sorted(order.lines.values_list("unit_price", flat=True)), [Decimal("2.50"), Decimal("4.00")],
      "unit_price is copied onto each line")
equal(len(mail.outbox), 1, "on_commit sends the confirmation after the commit")
equal(mail.outbox[0].to, ["ann@example.com"], "the confirmation goes to the buyer")

# same key again: the first order comes back, nothing else changes
again = place_order(ann, {pen.pk: 3, ink.pk: 1}, "key-1")
equal(again.pk, order.pk, "a repeated idempotency key returns the first order")
pen.refresh_from_db()
equal((Order.objects.count(), pen.stock, len(mail.outbox)), (1, 7, 1),
      "a retried checkout creates no second order, stock change or email")

# the same key from another user: the lookup is scoped, the first order never leaks
bob = User.objects.create_user("bob", "bob@example.com", "x")
with raises(Order.DoesNotExist, what="another user's retry with a taken key does not get the first order"):
    place_order(bob, {pen.pk: 1}, "key-1")
pen.refresh_from_db()
equal((Order.objects.count(), pen.stock), (1, 7), "and it changes nothing")

# out of stock: the whole order rolls back, no email
with raises(OutOfStock, what="ordering more than the stock raises OutOfStock"):
    place_order(ann, {pen.pk: 1, ink.pk: 1}, "key-2")
pen.refresh_from_db()
equal((pen.stock, Order.objects.count(), OrderLine.objects.count(), len(mail.outbox)), (7, 1, 2, 1),
      "OutOfStock rolls back the order, its lines, the stock change and the on_commit email")

# select_for_update outside a transaction
with raises(TransactionManagementError, what="select_for_update() outside a transaction raises TransactionManagementError"):
    list(Product.objects.select_for_update())

# the SQL really locks
from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as ctx:
    place_order(ann, {pen.pk: 1}, "key-3")
claim(any("FOR UPDATE" in q["sql"] for q in ctx.captured_queries), "the products are read with SELECT ... FOR UPDATE")
claim(any('ORDER BY "djqcheck_product"."id"' in q["sql"] for q in ctx.captured_queries if "FOR UPDATE" in q["sql"]),
      "rows are locked in a fixed order (by pk)")

# two buyers of the last item at the same time: one wins, no oversell
last = Product.objects.create(name="Last", price=Decimal("9.00"), stock=1)
barrier = threading.Barrier(2)
results = []


def buy(key):
    barrier.wait()
    try:
        results.append(place_order(User.objects.get(username="ann"), {last.pk: 1}, key).pk)
    except OutOfStock:
        results.append("out")
    finally:
        connection.close()


threads = [threading.Thread(target=buy, args=(k,)) for k in ("race-a", "race-b")]
[t.start() for t in threads]; [t.join() for t in threads]
last.refresh_from_db()
equal((sorted(map(str, results))[-1], last.stock), ("out", 0), "two concurrent checkouts of the last item: one gets OutOfStock, stock stays 0")
equal(Order.objects.filter(lines__product=last).count(), 1, "only one order holds the last item")

# the same key from two requests at the same time: both get the same order
barrier = threading.Barrier(2)
results = []
threads = [threading.Thread(target=buy, args=("twin",)) for _ in range(2)]
last.stock = 5; last.save()
[t.start() for t in threads]; [t.join() for t in threads]
last.refresh_from_db()
equal((len(set(results)), last.stock), (1, 4), "a concurrent insert with the same key waits, fails, and returns the same order")

# the conditional F() update, verbatim
def f_version(product_id, quantity):
    from django.db.models import F
    
    updated = Product.objects.filter(pk=product_id, stock__gte=quantity).update(
        stock=F("stock") - quantity
    )
    if not updated:
        raise OutOfStock(product_id)
    return updated


p = Product.objects.create(name="F", price=Decimal("1"), stock=2)
equal(f_version(p.pk, 2), 1, "the conditional update changes one row when stock suffices")
with raises(OutOfStock, what="no row is updated when stock is short"):
    f_version(p.pk, 1)
p.refresh_from_db()
equal(p.stock, 0, "stock never goes below zero")

# the webhook
import hashlib
import hmac
import json

from django.test import Client

c = Client(enforce_csrf_checks=True)
o = Order.objects.get(idempotency_key="key-3")
body = json.dumps({"type": "payment.succeeded", "order_id": o.pk, "payment_id": "pi_1"}).encode()
sig = hmac.new(b"whsec-test", body, hashlib.sha256).hexdigest()
equal(c.post("/webhooks/payment/", body, content_type="application/json", headers={"X-Signature": "00"}).status_code,
      400, "a bad signature gets 400")
o.refresh_from_db()
equal(o.status, "pending", "an unsigned event changes nothing")
r = c.post("/webhooks/payment/", body, content_type="application/json", headers={"X-Signature": sig})
equal(r.status_code, 200, "csrf_exempt lets the signed provider POST through (200)")
o.refresh_from_db()
equal((o.status, o.payment_id), ("paid", "pi_1"), "payment.succeeded marks the order paid")
body2 = json.dumps({"type": "payment.succeeded", "order_id": o.pk, "payment_id": "pi_2"}).encode()
sig2 = hmac.new(b"whsec-test", body2, hashlib.sha256).hexdigest()
equal(c.post("/webhooks/payment/", body2, content_type="application/json", headers={"X-Signature": sig2}).status_code,
      200, "a redelivered event still gets 200")
o.refresh_from_db()
equal(o.payment_id, "pi_1", "a redelivered event changes nothing (conditional update)")
equal(c.get("/webhooks/payment/").status_code, 405, "require_POST refuses GET")
