"""069 SimpleTestCase / TestCase / TransactionTestCase: the hierarchy, the
database block in SimpleTestCase, TestCase rollback, setUpTestData deep
copies, on_commit and captureOnCommitCallbacks (the answer's OrderTests,
run), TransactionTestCase commits and flushes, LiveServerTestCase's base."""
import io
import unittest

from djqcheck import claim, create_tables, equal, raises, setup, since

setup()
from django.core import mail
from django.db import models, transaction
from django.http import HttpResponse
from django.test.utils import setup_test_environment

setup_test_environment()


class Order(models.Model):
    number = models.CharField(max_length=10)
    total = models.IntegerField()
    confirmed = models.BooleanField(default=False)


def confirm(request, pk):
    Order.objects.filter(pk=pk).update(confirmed=True)
    transaction.on_commit(lambda: mail.send_mail("Confirmed", "ok", "shop@example.com", ["c@example.com"]))
    return HttpResponse("ok")


from django.urls import path

urlpatterns = [path("orders/<int:pk>/confirm/", confirm)]
create_tables()

from django.test import LiveServerTestCase, SimpleTestCase, TestCase, TransactionTestCase

claim(issubclass(SimpleTestCase, unittest.TestCase) and SimpleTestCase.__mro__[1] is unittest.TestCase, "SimpleTestCase extends unittest.TestCase")
claim(TransactionTestCase.__mro__[1] is SimpleTestCase and TestCase.__mro__[1] is TransactionTestCase, "TransactionTestCase extends SimpleTestCase; TestCase extends TransactionTestCase")
claim(LiveServerTestCase.__mro__[1] is TransactionTestCase, "LiveServerTestCase is a TransactionTestCase")


# --- the answer's OrderTests, verbatim ---
class OrderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.order = Order.objects.create(number="A-1", total=100)

    def test_confirmation_email_sent_on_commit(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            self.client.post(f"/orders/{self.order.pk}/confirm/")

        self.assertEqual(len(callbacks), 1)
        self.assertEqual(len(mail.outbox), 1)

    def test_detail_query_count(self):
        with self.assertNumQueries(1):
            Order.objects.get(pk=self.order.pk)
# --- end ---


class Probe(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.order = Order.objects.create(number="P", total=1)

    def test_a_changes_copy(self):
        self.order.total = 999
        self.client.post(f"/orders/{self.order.pk}/confirm/")
        self.assertEqual(len(mail.outbox), 0)  # on_commit never fires: nothing commits

    def test_b_sees_fresh_copy(self):
        self.assertEqual(self.order.total, 1)


class NoDb(SimpleTestCase):
    def test_query(self):
        Order.objects.count()


class Real(TransactionTestCase):
    def test_commit(self):
        Order.objects.create(number="T", total=1)
        with transaction.atomic():
            transaction.on_commit(lambda: mail.send_mail("x", "y", "a@example.com", ["b@example.com"]))
        self.assertEqual(len(mail.outbox), 1)


def run(case):
    return unittest.TextTestRunner(stream=io.StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(case))


r = run(OrderTests)
claim(r.wasSuccessful(), "the answer's OrderTests pass: captureOnCommitCallbacks(execute=True) runs the callback")
equal(r.testsRun, 2, "both tests ran")
equal(Order.objects.count(), 0, "TestCase rolls everything back; nothing is committed")
claim(run(Probe).wasSuccessful(), "setUpTestData objects are deep-copied per test; on_commit callbacks do not fire in TestCase")
r = run(NoDb)

claim(len(r.failures) == 1 and "Database queries to 'default' are not allowed in SimpleTestCase" in r.failures[0][1], "SimpleTestCase refuses database queries")
Order.objects.create(number="keep", total=1)
claim(run(Real).wasSuccessful(), "TransactionTestCase allows real commits, so on_commit fires")
equal(Order.objects.count(), 0, "after each TransactionTestCase test, all tables are flushed")
claim(hasattr(TransactionTestCase, "serialized_rollback") and TransactionTestCase.serialized_rollback is False, "serialized_rollback exists, off by default")
