"""180 Celery retries: the answer's charge_order (autoretry_for, backoff,
max_retries=5, acks_late) and sync_contact (self.retry) run with apply(), which
replays retries in-process: attempt counts, FAILURE with the original
exception, backoff countdowns within 2**retries, MaxRetriesExceededError
without exc, the idempotency guard, and the defaults (3 retries, 180 s,
acks_late off, acks on failure)."""
import sys
import types
from unittest import mock

from djqcheck import claim, create_tables, equal, raises, setup

setup()
urlpatterns = []

from celery import Celery

app = Celery("x", broker="memory://")
app.set_current()

# scaffolding: a fake payment gateway and CRM
payments = types.ModuleType("payments")


class GatewayTimeout(Exception):
    pass


class Gateway:
    fail_times = 0
    calls = 0

    def charge(self, amount, idempotency_key):
        self.calls += 1
        self.keys.append(idempotency_key)
        if self.calls <= self.fail_times:
            raise GatewayTimeout()
        return "ch_" + idempotency_key


payments.GatewayTimeout = GatewayTimeout
payments.gateway = gateway = Gateway()
gateway.keys = []
sys.modules["payments"] = payments


class RateLimited(Exception):
    retry_after = 7


class Crm:
    RateLimited = RateLimited
    calls = 0

    def push(self, contact_id):
        self.calls += 1
        raise RateLimited()


crm = Crm()

from django.db import models


class Order(models.Model):
    total = models.DecimalField(max_digits=10, decimal_places=2)
    charge_id = models.CharField(max_length=64, blank=True)


create_tables()

# --- the answer's charge_order, verbatim (its `from .models import Order` dropped) ---
from celery import shared_task
from django.db import transaction

from payments import GatewayTimeout, gateway


@shared_task(
    bind=True,
    autoretry_for=(GatewayTimeout,),
    retry_backoff=True,       # 1 s, 2 s, 4 s ... before jitter
    retry_backoff_max=600,    # never wait more than 10 minutes
    max_retries=5,
    acks_late=True,
)
def charge_order(self, order_id):
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        if order.charge_id:  # an earlier attempt got through
            return order.charge_id
        order.charge_id = gateway.charge(
            amount=order.total,
            idempotency_key=f"order-{order.pk}",
        )
        order.save(update_fields=["charge_id"])
    return order.charge_id


# --- the answer's sync_contact, verbatim ---
@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def sync_contact(self, contact_id):
    try:
        crm.push(contact_id)
    except crm.RateLimited as exc:
        raise self.retry(exc=exc, countdown=exc.retry_after)
# --- end ---

from celery.app.task import Task
from celery.exceptions import MaxRetriesExceededError, Retry

equal(Task.max_retries, 3, "max_retries defaults to 3")
equal(Task.default_retry_delay, 180, "the default retry delay is 3 minutes")
equal(app.conf.task_acks_late, False, "task_acks_late defaults to False")
equal(app.conf.task_acks_on_failure_or_timeout, True, "a task that raises is still acknowledged")
claim(charge_order.acks_late is True, "acks_late=True on the task")

task = charge_order._get_current_object()
real_retry = task.retry
countdowns = []


def spy(*args, **kwargs):
    countdowns.append(kwargs.get("countdown"))
    return real_retry(*args, **kwargs)


# Transient failures: retried, then success.
o1 = Order.objects.create(total=10)
gateway.fail_times, gateway.calls = 2, 0
with mock.patch.object(task, "retry", side_effect=spy):
    r = charge_order.apply(args=[o1.pk], task_id="charge-1")
equal(r.id, "charge-1", "a retry is a new message for the same task id")
equal((r.state, r.result, gateway.calls), ("SUCCESS", f"ch_order-{o1.pk}", 3), "two timeouts are retried and the third run succeeds")
equal(len(countdowns), 2, "one retry per timeout")
claim(all(0 <= c <= 2 ** i for i, c in enumerate(countdowns)), "retry_backoff: a jittered delay between 0 and 2**retries seconds (got %r)" % countdowns)

# Always failing: 1 + max_retries runs, then FAILURE with the original exception.
o2 = Order.objects.create(total=20)
gateway.fail_times, gateway.calls = 100, 0
countdowns.clear()
with mock.patch.object(task, "retry", side_effect=spy):
    r = charge_order.apply(args=[o2.pk])
equal(gateway.calls, 6, "max_retries=5 means up to 6 runs")
equal(r.state, "FAILURE", "then the task ends in FAILURE")
claim(isinstance(r.result, GatewayTimeout), "with the last exception, not MaxRetriesExceededError (got %r)" % r.result)
claim(all(c <= min(600, 2 ** i) for i, c in enumerate(countdowns)), "delays stay under 2**retries and retry_backoff_max")

from celery.utils.time import get_exponential_backoff_interval

equal([get_exponential_backoff_interval(1, i, 600) for i in range(5)], [1, 2, 4, 8, 16], "without jitter: 1 s, 2 s, 4 s ...")
equal(get_exponential_backoff_interval(1, 20, 600), 600, "capped by retry_backoff_max")

# Idempotency guard: a second run does not charge again.
gateway.calls = 0
r = charge_order.apply(args=[o1.pk])
equal((r.result, gateway.calls), (f"ch_order-{o1.pk}", 0), "a repeated run returns the stored charge_id without calling the gateway")
claim(set(gateway.keys) == {f"order-{o1.pk}", f"order-{o2.pk}"}, "the idempotency key is derived from the data, the same on every attempt")

# A non-listed exception fails at once.
o3 = Order.objects.create(total=30)
with mock.patch.object(gateway, "charge", side_effect=ValueError("bad card")) as m:
    r = charge_order.apply(args=[o3.pk])
equal((r.state, m.call_count), ("FAILURE", 1), "exceptions not in autoretry_for fail at once")

# Manual retry: 1 + 3 runs, exc re-raised.
r = sync_contact.apply(args=[5])
equal((crm.calls, r.state), (4, "FAILURE"), "sync_contact: max_retries=3 means 4 runs, then FAILURE")
claim(isinstance(r.result, RateLimited), "when the limit is reached exc is re-raised")
equal(sync_contact.default_retry_delay, 30, "default_retry_delay=30 on the task")

with raises(RateLimited, what="called as a plain function, retry() re-raises the original exception"):
    sync_contact(5)

seen = []


@shared_task(bind=True, max_retries=2)
def no_exc(self):
    seen.append(self.request.retries)
    raise self.retry()


r = no_exc.apply()
equal(seen, [0, 1, 2], "self.request.retries tells the attempt number")
claim(isinstance(r.result, MaxRetriesExceededError), "without exc, MaxRetriesExceededError (got %r)" % r.result)



@shared_task(bind=True)
def probe(self):
    try:
        self.retry(countdown=1)
    except Retry:
        return "raised Retry"


equal(probe.apply().result, "raised Retry", "self.retry() raises Retry (the raise in front only makes it obvious)")

# kombu's Redis transport needs the redis client to import; read its source instead.
import pathlib
import re

import kombu

src = pathlib.Path(kombu.__file__).parent.joinpath("transport", "redis.py").read_text()
claim(re.search(r"^    visibility_timeout = 3600\b", src, re.M), "Redis's visibility timeout is 1 hour by default")
