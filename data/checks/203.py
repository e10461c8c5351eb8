"""203 external APIs: the answer's task, breaker and on_commit enqueue run as
written against a stub HTTP layer (no network): timeouts and the same
idempotency key on every attempt, transient errors retried up to max_retries,
4xx not retried, backoff delays, the breaker opening and failing fast, no
task for a rolled-back refund, an already-done refund not sent again."""
import sys
import types

from djqcheck import claim, create_tables, equal, raises, setup

setup(PAYMENTS_URL="https://pay.example")

# --- scaffolding: a stub `requests` (no network here) -----------------------
requests = types.ModuleType("requests")


class RequestException(Exception):
    pass


class HTTPError(RequestException):
    pass


requests.RequestException = RequestException
requests.ConnectionError = type("ConnectionError", (RequestException,), {})
requests.Timeout = type("Timeout", (RequestException,), {})
requests.HTTPError = HTTPError
for _name in ("RequestException", "ConnectionError", "Timeout", "HTTPError"):
    # importable as requests.X, so Celery can pickle them like the real ones
    getattr(requests, _name).__module__ = "requests"
    getattr(requests, _name).__qualname__ = _name
calls = []
script = []  # what each call does: an exception class, or a status code


class FakeResponse:
    def __init__(self, status_code):
        self.status_code = status_code

    def raise_for_status(self):
        if self.status_code >= 400:
            raise HTTPError(self.status_code)

    def json(self):
        return {"id": "re_%d" % len(calls)}


def post(url, **kwargs):
    calls.append((url, kwargs))
    step = script.pop(0) if script else 200
    if isinstance(step, type):
        raise step("stub")
    return FakeResponse(step)


requests.post = post
sys.modules["requests"] = requests

from celery import Celery

app = Celery("x", broker="memory://")
app.conf.task_always_eager = True

from django.db import models


class Refund(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        DONE = "done"

    charge_id = models.CharField(max_length=50)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    provider_id = models.CharField(max_length=50, blank=True)


# --- the answer's code, verbatim -------------------------------------------
# payments/tasks.py
import requests
from celery import shared_task
from django.conf import settings
from django.core.cache import cache


class TransientError(Exception):
    """The provider answered 5xx or 429: worth retrying."""


class CircuitOpen(Exception):
    """Too many recent failures: fail fast instead of calling."""


def call_with_breaker(name, func, *, threshold=5, cooldown=30):
    key = f"breaker:{name}"
    failures = cache.get(key, 0)
    if failures >= threshold:
        raise CircuitOpen(name)
    try:
        result = func()
    except (requests.ConnectionError, requests.Timeout, TransientError):
        cache.set(key, failures + 1, cooldown)  # open for `cooldown` seconds
        raise
    cache.delete(key)
    return result


@shared_task(
    autoretry_for=(requests.ConnectionError, requests.Timeout, TransientError, CircuitOpen),
    retry_backoff=2,        # waits 2, 4, 8, 16, 32 s (full jitter: random up to that)
    retry_backoff_max=300,
    max_retries=5,
)
def send_refund(refund_id):
    refund = Refund.objects.get(pk=refund_id)
    if refund.status == Refund.Status.DONE:
        return refund.provider_id  # an earlier attempt already finished

    def call():
        response = requests.post(
            f"{settings.PAYMENTS_URL}/refunds",
            json={"charge": refund.charge_id, "amount": str(refund.amount)},
            # the same key on every attempt: the provider refunds at most once
            headers={"Idempotency-Key": f"refund-{refund.pk}"},
            timeout=(3.05, 10),  # connect, read
        )
        if response.status_code >= 500 or response.status_code == 429:
            raise TransientError(response.status_code)
        response.raise_for_status()  # other 4xx: our bug, retrying will not help
        return response.json()

    data = call_with_breaker("payments", call)
    refund.provider_id = data["id"]
    refund.status = Refund.Status.DONE
    refund.save(update_fields=["provider_id", "status"])
    return refund.provider_id

from functools import partial

from django.db import transaction


def request_refund(order):
    with transaction.atomic():
        refund = Refund.objects.create(charge_id=order.charge_id, amount=order.total)
        transaction.on_commit(partial(send_refund.delay, refund.pk))
    return refund

# --- checks -------------------------------------------------------------------
create_tables()
from decimal import Decimal

from django.core.cache import cache


class Order:
    charge_id = "ch_1"
    total = Decimal("12.50")


# success through on_commit: one call, timeout and key set
refund = request_refund(Order())
refund.refresh_from_db()
equal(refund.status, "done", "on_commit enqueues send_refund after the commit and it completes")
equal(len(calls), 1, "one HTTP call on success")
url, kw = calls[0]
equal(url, "https://pay.example/refunds", "the URL comes from settings")
equal(kw["timeout"], (3.05, 10), "every call passes timeout=(connect, read)")
equal(kw["headers"], {"Idempotency-Key": f"refund-{refund.pk}"}, "the idempotency key is derived from the row")

# already done: no second call
calls.clear()
equal(send_refund.apply(args=[refund.pk]).get(), refund.provider_id, "a DONE refund returns its provider id")
equal(calls, [], "a refund already DONE is not sent again")

# rollback: no task runs
calls.clear()
from django.db import transaction

try:
    with transaction.atomic():
        request_refund(Order())
        raise RuntimeError("rollback")
except RuntimeError:
    pass
equal((calls, Refund.objects.count()), ([], 1), "a rolled-back refund never enqueues the task")

# transient errors are retried with the same key; then it succeeds
r2 = Refund.objects.create(charge_id="ch_2", amount=Decimal("5"))
calls.clear()
script[:] = [requests.Timeout, 503, requests.ConnectionError, 429]
res = send_refund.apply(args=[r2.pk])
equal(res.status, "SUCCESS", "timeouts, 5xx, connection errors and 429 are retried until success")
equal(len(calls), 5, "four transient failures then a success: five attempts")
equal({c[1]["headers"]["Idempotency-Key"] for c in calls}, {f"refund-{r2.pk}"}, "the same key on every attempt")

# 4xx: not retried
cache.clear()
r3 = Refund.objects.create(charge_id="ch_3", amount=Decimal("5"))
calls.clear()
script[:] = [400]
res = send_refund.apply(args=[r3.pk])
equal((res.status, type(res.result).__name__, len(calls)), ("FAILURE", "HTTPError", 1),
      "a 400 raises HTTPError once and is not retried")

# max_retries=5: six attempts, then the original exception (breaker threshold raised to isolate)
cache.clear()
calls.clear()
script[:] = [requests.Timeout] * 10
import functools

orig_breaker = call_with_breaker
call_with_breaker = functools.partial(orig_breaker, threshold=100)
res = send_refund.apply(args=[r3.pk])
call_with_breaker = orig_breaker
equal((res.status, type(res.result).__name__), ("FAILURE", "Timeout"),
      "after max_retries the original exception is raised and the task fails")
equal(len(calls), 6, "max_retries=5: one attempt plus five retries")
equal(send_refund.max_retries, 5, "max_retries is 5")
from celery.app.task import Task

equal(Task.max_retries, 3, "Celery's default max_retries is 3")

# backoff: 2, 4, 8, 16, 32, capped, jitter up to that
from celery.utils.time import get_exponential_backoff_interval

equal([get_exponential_backoff_interval(2, n, 300, False) for n in range(5)], [2, 4, 8, 16, 32],
      "retry_backoff=2 waits 2, 4, 8, 16, 32 s")
equal(get_exponential_backoff_interval(2, 10, 300, False), 300, "retry_backoff_max caps the delay")
claim(all(0 <= get_exponential_backoff_interval(2, 3, 300, True) <= 16 for _ in range(50)),
      "full jitter picks a random delay up to the backoff")

# what the task asks Celery for on each retry (recorded, not slept)
from celery.app import autoretry

seen = []
_real = autoretry.get_exponential_backoff_interval


def _record(**kw):
    seen.append(kw)
    return _real(**kw)


autoretry.get_exponential_backoff_interval = _record
cache.clear()
script[:] = [requests.Timeout] * 2
send_refund.apply(args=[Refund.objects.create(charge_id="ch_4", amount=Decimal("1")).pk])
autoretry.get_exponential_backoff_interval = _real
equal([(k["factor"], k["retries"], k["maximum"], k["full_jitter"]) for k in seen], [(2, 0, 300, True), (2, 1, 300, True)],
      "backoff factor 2, retry_backoff_max 300, jitter on by default")
import inspect

claim("'retry_backoff_max', 600)" in inspect.getsource(autoretry.add_autoretry_behaviour),
      "retry_backoff_max defaults to 600")

# the breaker: opens after 5 failures, then fails fast without calling
cache.clear()
calls.clear()


def boom():
    calls.append(1)
    raise requests.Timeout("x")


for _ in range(5):
    with raises(requests.Timeout, what="failures pass through the breaker"):
        call_with_breaker("svc", boom)
with raises(CircuitOpen, what="after 5 failures the breaker is open"):
    call_with_breaker("svc", boom)
equal(len(calls), 5, "an open breaker does not call the service")
cache.delete("breaker:svc")  # as if the cooldown had passed
equal(call_with_breaker("svc", lambda: "ok"), "ok", "after the cooldown the next call goes through")
equal(cache.get("breaker:svc"), None, "a success resets the count")
with raises(HTTPError, what="a 4xx HTTPError is not one of the breaker's errors"):
    call_with_breaker("svc", lambda: FakeResponse(404).raise_for_status())
equal(cache.get("breaker:svc"), None, "a 4xx does not count as a failure")

# the breaker's CircuitOpen is retried by the task (in autoretry_for)
claim(CircuitOpen in send_refund.autoretry_for, "CircuitOpen is retried with backoff")

# delay_on_commit: Celery's DjangoTask (installed by the Django fixup) defers .delay() to on_commit
from celery.contrib.django.task import DjangoTask

claim("DjangoTask" in inspect.getsource(__import__("celery.fixups.django", fromlist=["x"]).DjangoFixup.install),
      "the Django fixup makes DjangoTask the task class")
app2 = Celery("y", broker="memory://", task_cls=DjangoTask)
app2.conf.task_always_eager = True
ran = []


@app2.task
def noted(x):
    ran.append(x)


claim(isinstance(noted, DjangoTask) and hasattr(noted, "delay_on_commit"), "a DjangoTask has delay_on_commit()")
try:
    with transaction.atomic():
        noted.delay_on_commit(1)
        equal(ran, [], "delay_on_commit does not run before the commit")
        raise RuntimeError("rollback")
except RuntimeError:
    pass
with transaction.atomic():
    noted.delay_on_commit(2)
equal(ran, [2], "delay_on_commit runs only for the committed transaction")
