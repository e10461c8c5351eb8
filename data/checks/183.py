"""183 enqueue from a view: the answer's task and view through the test
client with a memory broker (no eager mode): delay_on_commit publishes after
the commit, nothing on rollback; plain delay() inside atomic publishes before
the commit and survives a rollback; on_commit in autocommit runs at once;
model instances raise EncodeError; delay_on_commit returns None; the
pre-chosen task_id; DjangoTask only when DJANGO_SETTINGS_MODULE is set."""
import os
import sys
import types

from djqcheck import claim, create_tables, equal, raises, setup

setup()

from celery import Celery

no_django = Celery("nodj", broker="memory://")


@no_django.task
def plain(x):
    return x


claim(not hasattr(plain, "delay_on_commit"), "without DJANGO_SETTINGS_MODULE the app does not use DjangoTask")

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")
app = Celery("proj", broker="memory://")
app.set_current()

from django.db import models


class Order(models.Model):
    email = models.EmailField()


create_tables()
shop = types.ModuleType("shop")
shop.__path__ = []
sys.modules["shop"] = shop
sys.modules["shop.models"] = sys.modules[__name__]

# --- the answer's task, verbatim (relative import made absolute) ---
from celery import shared_task
from django.core.mail import send_mail

from shop.models import Order


@shared_task
def send_order_confirmation(order_id):
    try:
        order = Order.objects.get(pk=order_id)
    except Order.DoesNotExist:
        return "gone"  # deleted since: nothing to do
    send_mail(
        subject=f"Order {order.pk} confirmed",
        message="Thanks for your order.",
        from_email=None,
        recipient_list=[order.email],
    )
    return "sent"


# --- the answer's view, verbatim ---
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
@transaction.atomic
def place_order(request):
    order = Order.objects.create(email=request.POST["email"])
    send_order_confirmation.delay_on_commit(order.pk)
    return JsonResponse({"order": order.pk}, status=201)
# --- end ---

from celery.contrib.django.task import DjangoTask

claim(isinstance(send_order_confirmation._get_current_object(), DjangoTask), "with DJANGO_SETTINGS_MODULE set, tasks are DjangoTask")

from django.urls import path

urlpatterns = [path("order/", place_order)]


def queued():
    """Drain the memory broker's 'celery' queue: [(task name, args)]."""
    out = []
    with app.connection_for_read() as conn:
        q = conn.SimpleQueue("celery")
        while True:
            try:
                m = q.get(block=False)
            except q.Empty:
                break
            out.append((m.headers["task"].rsplit(".", 1)[-1], m.payload[0]))
            m.ack()
        q.close()
    return out


from django.core import mail
from django.test import Client

r = Client().post("/order/", {"email": "ann@example.com"})
equal(r.status_code, 201, "the view answers 201")
pk = r.json()["order"]
msgs = queued()
equal(msgs, [("send_order_confirmation", [pk])], "delay_on_commit publishes one message with the primary key after the commit")
equal(send_order_confirmation(*msgs[0][1]), "sent", "the task re-reads the order by id and sends the mail")
equal(mail.outbox[-1].to, ["ann@example.com"], "to the order's email")
Order.objects.filter(pk=pk).delete()
equal(send_order_confirmation(pk), "gone", "a deleted order is handled, not an error")

# rollback: nothing sent with delay_on_commit; a plain delay() is already out
try:
    with transaction.atomic():
        o = Order.objects.create(email="b@example.com")
        send_order_confirmation.delay_on_commit(o.pk)
        equal(queued(), [], "inside the transaction nothing is published yet")
        raise RuntimeError
except RuntimeError:
    pass
equal(queued(), [], "if the transaction rolls back the message is never sent")

try:
    with transaction.atomic():
        o = Order.objects.create(email="c@example.com")
        send_order_confirmation.delay(o.pk)
        early = queued()
        raise RuntimeError
except RuntimeError:
    pass
equal(early, [("send_order_confirmation", [o.pk])], "task.delay() publishes immediately, before the commit")
claim(not Order.objects.filter(pk=o.pk).exists(), "... and the row it names was rolled back")

ret = send_order_confirmation.delay_on_commit(99)
equal(ret, None, "delay_on_commit() returns None")
equal(queued(), [("send_order_confirmation", [99])], "outside any transaction on_commit runs the callback straight away")

with transaction.atomic():
    send_order_confirmation.apply_async_on_commit(args=[5], countdown=60)
equal(queued(), [("send_order_confirmation", [5])], "apply_async_on_commit() takes apply_async options")

# --- the answer's pre-Celery-5.4 form and the task id recipe, verbatim ---
order = Order.objects.create(email="d@example.com")
with transaction.atomic():
    from functools import partial

    transaction.on_commit(partial(send_order_confirmation.delay, order.pk))

    from celery import uuid

    task_id = uuid()
    transaction.on_commit(
        partial(send_order_confirmation.apply_async, args=[order.pk], task_id=task_id)
    )
# --- end ---
ids = []
with app.connection_for_read() as conn:
    q = conn.SimpleQueue("celery")
    while True:
        try:
            m = q.get(block=False)
        except q.Empty:
            break
        ids.append(m.headers["id"])
        m.ack()
equal(len(ids), 2, "both on_commit forms publish after the commit")
equal(ids[1], task_id, "apply_async(task_id=...) lets you know the id before the message is sent")

from kombu.exceptions import EncodeError

with raises(EncodeError, "not JSON serializable", "passing a model instance fails with EncodeError (JSON serializer)"):
    send_order_confirmation.delay(order)
equal(app.conf.task_serializer, "json", "the default serializer is JSON")

# ATOMIC_REQUESTS: every view runs in a transaction, so a plain delay() races the commit.
from django.db import connection

seen = {}


def plain_view(request):
    o = Order.objects.create(email="e@example.com")
    send_order_confirmation.delay(o.pk)
    seen["in_atomic"] = connection.in_atomic_block
    seen["queued_before_commit"] = queued()
    return JsonResponse({"order": o.pk})


urlpatterns.append(path("plain/", plain_view))
connection.settings_dict["ATOMIC_REQUESTS"] = True
Client().post("/plain/")
connection.settings_dict["ATOMIC_REQUESTS"] = False
claim(seen["in_atomic"], "ATOMIC_REQUESTS wraps the view in a transaction")
equal(len(seen["queued_before_commit"]), 1, "a plain delay() in such a view is published before the commit")
