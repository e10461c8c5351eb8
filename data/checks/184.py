"""184 testing Celery tasks: the answer's OrderTaskTests run as a real
Django TestCase (task called directly, apply() with state and result, delay
patched under captureOnCommitCallbacks); apply() storing exceptions unless
throw=True; the answer's eager settings: exceptions
swallowed without task_eager_propagates, countdown ignored, delay_on_commit
still bound by the TestCase transaction; eager delay() serializing while
direct calls and apply() do not; override_settings switching eager mode."""
import os
import sys
import types
import unittest

from djqcheck import claim, create_tables, equal, raises, setup

setup()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")

from celery import Celery

app = Celery("proj", broker="memory://")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.set_current()

from django.db import models, transaction


class Order(models.Model):
    email = models.EmailField()


create_tables()

from celery import shared_task
from django.core.mail import send_mail


@shared_task
def send_order_confirmation(order_id):
    try:
        order = Order.objects.get(pk=order_id)
    except Order.DoesNotExist:
        return "gone"
    send_mail(subject="Confirmed", message="Thanks.", from_email=None, recipient_list=[order.email])
    return "sent"


from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST


@require_POST
@transaction.atomic
def place_order(request):
    order = Order.objects.create(email=request.POST["email"])
    send_order_confirmation.delay_on_commit(order.pk)
    return JsonResponse({"order": order.pk}, status=201)


urlpatterns = [path("order/", place_order)]

for name in ("shop", "shop.models", "shop.tasks"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["shop.models"].Order = Order
sys.modules["shop.tasks"].send_order_confirmation = send_order_confirmation

# --- the answer's tests, verbatim ---
from unittest import mock

from django.core import mail
from django.test import TestCase

from shop.models import Order
from shop.tasks import send_order_confirmation


class OrderTaskTests(TestCase):
    def test_task_logic(self):
        order = Order.objects.create(email="ann@example.com")
        self.assertEqual(send_order_confirmation(order.pk), "sent")
        self.assertEqual(mail.outbox[0].to, ["ann@example.com"])

    def test_apply_gives_a_result(self):
        result = send_order_confirmation.apply(args=[0])
        self.assertEqual(result.state, "SUCCESS")
        self.assertEqual(result.get(), "gone")

    def test_view_enqueues_after_commit(self):
        with mock.patch.object(send_order_confirmation, "delay") as delay:
            with self.captureOnCommitCallbacks(execute=True) as callbacks:
                response = self.client.post(
                    "/order/", {"email": "bob@example.com"}
                )
        self.assertEqual(response.status_code, 201)
        self.assertEqual(len(callbacks), 1)
        delay.assert_called_once_with(response.json()["order"])
# --- end ---


def run(case):
    result = unittest.TestResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(case).run(result)
    return result


res = run(OrderTaskTests)
equal((res.testsRun, [str(e[1]).splitlines()[-1] for e in res.failures + res.errors]), (3, []), "the answer's three tests pass")


class WithoutCapture(TestCase):
    def test(self):
        with mock.patch.object(send_order_confirmation, "delay") as delay:
            self.client.post("/order/", {"email": "c@example.com"})
        self.assertEqual(delay.call_count, 0)


equal(run(WithoutCapture).wasSuccessful(), True, "without captureOnCommitCallbacks a delay_on_commit() view enqueues nothing in TestCase")


class Boom(Exception):
    pass


@shared_task
def fails():
    raise Boom()


r = fails.apply()
equal(r.state, "FAILURE", "apply() stores an exception in the result")
claim(isinstance(r.result, Boom), "the exception is the result")
with raises(Boom, what="apply(throw=True) raises it"):
    fails.apply(throw=True)

# override_settings reaches an app configured from django.conf:settings
from django.test import override_settings

equal(app.conf.task_always_eager, False, "eager mode is off by default")
with override_settings(CELERY_TASK_ALWAYS_EAGER=True):
    equal(app.conf.task_always_eager, True, "the app reads Django's settings object, so override_settings reaches it")
    equal(send_order_confirmation.delay(0).get(), "gone", "under override_settings delay() runs inline")
equal(app.conf.task_always_eager, False, "and eager mode ends with the block")

# --- the answer's test settings, verbatim ---
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# --- end ---
test_settings = types.ModuleType("test_settings")
test_settings.CELERY_TASK_ALWAYS_EAGER = CELERY_TASK_ALWAYS_EAGER
test_settings.CELERY_TASK_EAGER_PROPAGATES = CELERY_TASK_EAGER_PROPAGATES
eager = Celery("eager", broker="memory://")
eager.config_from_object(test_settings, namespace="CELERY")
half = Celery("half", broker="memory://")
half.conf.task_always_eager = True
equal(half.conf.task_eager_propagates, False, "task_eager_propagates is off by default")

ran = []


@eager.task
def touch(order):
    ran.append(order)
    return "ok"


@eager.task
def eager_fails():
    raise Boom()


@half.task
def half_fails():
    raise Boom()


order = Order.objects.create(email="d@example.com")
from kombu.exceptions import EncodeError

with raises(EncodeError, "not JSON serializable", "an eager delay() round-trips the arguments through the serializer (5.6)"):
    touch.delay(order)
equal(touch(order), "ok", "calling the task directly skips serialization")
equal(touch.apply(args=[order]).get(), "ok", "apply() skips serialization")

prod = Celery("prod", broker="memory://")


@prod.task
def touch_prod(order):
    return "ok"


with raises(EncodeError, what="the real call fails in production with EncodeError (JSON)"):
    touch_prod.delay(order)

r = half_fails.delay()
equal(r.state, "FAILURE", "without task_eager_propagates delay() returns a failed EagerResult and does not raise")
with raises(Boom, what="with task_eager_propagates the exception propagates"):
    eager_fails.delay()

import time

t0 = time.monotonic()
equal(touch.apply_async(args=[1], countdown=3600).get(), "ok", "countdown=3600 runs at once in eager mode")
claim(time.monotonic() - t0 < 5, "without waiting")


class EagerStillNeedsCommit(TestCase):
    def test(self):
        ran.clear()
        touch.delay_on_commit(5)
        self.assertEqual(ran, [])
        with self.captureOnCommitCallbacks(execute=True):
            touch.delay_on_commit(6)
        self.assertEqual(ran, [6])


res = run(EagerStillNeedsCommit)
equal((res.wasSuccessful(), [str(e[1]).splitlines()[-1] for e in res.failures + res.errors]), (True, []),
      "even eager, delay_on_commit() in a TestCase runs only with captureOnCommitCallbacks")
