"""216 the test database: the answer's OrderTests and ReceiptTests run with
Django's own test runner (setUpTestData once, rollback between tests, deepcopy
per test, on_commit not run in TestCase but run in TransactionTestCase, flush
afterwards), databases= guard, test database names and clone names, SQLite in
memory, MIGRATE False, --keepdb keeping the database, --parallel parsing."""
import atexit
import os
import shutil
import tempfile
import unittest

from djqcheck import claim, equal, setup

tmp = tempfile.mkdtemp()
atexit.register(shutil.rmtree, tmp, True)
setup(DATABASES={
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
    "other": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tmp, "other.sqlite3"),
              "TEST": {"NAME": os.path.join(tmp, "test_other.sqlite3")}},
})

from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=50)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    total = models.IntegerField()


setup_calls = []

# --- the answer's tests, verbatim (setUpTestData also counts its calls) ---
from django.db import transaction
from django.test import TestCase, TransactionTestCase


class OrderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        setup_calls.append(1)
        # runs once for the whole class, inside a class-wide transaction
        cls.customer = Customer.objects.create(name="Ada")

    def test_place_order(self):
        Order.objects.create(customer=self.customer, total=10)
        self.assertEqual(Order.objects.count(), 1)

    def test_rename(self):
        self.customer.name = "Grace"
        self.customer.save()
        self.assertEqual(Customer.objects.get().name, "Grace")

    def test_starts_clean(self):
        # the other tests' writes were rolled back
        self.assertEqual(Order.objects.count(), 0)
        self.assertEqual(Customer.objects.get().name, "Ada")
        self.assertEqual(self.customer.name, "Ada")  # a fresh copy per test


class ReceiptTests(TransactionTestCase):
    def test_receipt_sent_after_commit(self):
        sent = []
        with transaction.atomic():
            transaction.on_commit(lambda: sent.append("receipt"))
        self.assertEqual(sent, ["receipt"])
# --- end ---

observed = {}


class Probe(TestCase):
    def test_on_commit_not_run(self):
        sent = []
        with transaction.atomic():
            transaction.on_commit(lambda: sent.append("x"))
        observed["testcase_on_commit"] = list(sent)
        with self.captureOnCommitCallbacks(execute=True):
            transaction.on_commit(lambda: sent.append("captured"))
        observed["captured"] = list(sent)
        observed["in_atomic"] = transaction.get_connection().in_atomic_block

    def test_other_alias_forbidden(self):
        try:
            list(Customer.objects.using("other").all())
            observed["other"] = "allowed"
        except AssertionError as e:
            observed["other"] = str(e)


class CommitWriter(TransactionTestCase):
    def test_commit(self):
        Customer.objects.create(name="committed")
        observed["committed_visible"] = Customer.objects.filter(name="committed").exists()


class AfterCommitWriter(TransactionTestCase):
    def test_after(self):
        observed["after_flush"] = Customer.objects.count()


class Multi(TestCase):
    databases = {"default", "other"}

    def test_other(self):
        observed["multi"] = Customer.objects.using("other").count()


from django.db import connections
from django.test.runner import DiscoverRunner

claim(connections["default"].creation.is_in_memory_db(connections["default"].creation._get_test_db_name()),
      "SQLite uses an in-memory test database by default")
runner = DiscoverRunner(verbosity=0, interactive=False)
old = runner.setup_databases()
equal(connections["other"].settings_dict["NAME"], os.path.join(tmp, "test_other.sqlite3"),
      "the connection is pointed at the test database (TEST NAME)")
claim(os.path.exists(os.path.join(tmp, "test_other.sqlite3")), "the test database is created")
claim(not os.path.exists(os.path.join(tmp, "other.sqlite3")), "the real database is never touched")
loader = unittest.TestLoader()
suite = unittest.TestSuite([loader.loadTestsFromTestCase(c) for c in
                            (OrderTests, ReceiptTests, Probe, CommitWriter, AfterCommitWriter, Multi)])
result = runner.run_suite(suite)
runner.teardown_databases(old)
problems = [str(t) + "\n" + tb for t, tb in result.failures + result.errors]
equal(problems, [], "the answer's tests pass: rollback between tests, fresh deepcopy per test, on_commit in TransactionTestCase")
equal(result.testsRun, 9, "all the tests ran")
equal(len(setup_calls), 1, "setUpTestData runs once for the whole class of three tests")
equal(observed["testcase_on_commit"], [], "on_commit callbacks never run in a TestCase")
equal(observed["captured"], ["captured"], "captureOnCommitCallbacks(execute=True) runs them")
claim(observed["in_atomic"], "each TestCase test runs inside a transaction")
claim("Database queries to 'other' are not allowed in this test" in observed["other"],
      "querying an undeclared alias fails: %r" % observed["other"])
equal(observed["multi"], 0, "databases = {'default', 'other'} allows it")
claim(observed["committed_visible"], "TransactionTestCase commits for real")
equal(observed["after_flush"], 0, "and empties every table after each test")
claim(not os.path.exists(os.path.join(tmp, "test_other.sqlite3")), "the test database is destroyed at the end")

# names: test_ + NAME, TEST NAME, clones
from django.db.utils import ConnectionHandler

h = ConnectionHandler({
    "default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "USER": "shop"},
    "custom": {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "USER": "shop", "TEST": {"NAME": "shop_test"}},
})
equal(h["default"].creation._get_test_db_name(), "test_shop", "the name is test_ plus NAME")
equal(h["custom"].creation._get_test_db_name(), "shop_test", "TEST NAME overrides it")
h["default"].settings_dict["NAME"] = "test_shop"
equal([h["default"].creation.get_test_db_clone_settings(str(i))["NAME"] for i in (1, 2)], ["test_shop_1", "test_shop_2"],
      "--parallel clones are test_shop_1, test_shop_2 on PostgreSQL")
from django.test.utils import get_runner  # noqa: F401

# the answer's DATABASES block, verbatim
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "TEST": {"NAME": "shop_test"},  # default: test_shop
    }
}
equal(ConnectionHandler(DATABASES)["default"].creation._get_test_db_name(), "shop_test", "the answer's settings name it shop_test")

# --keepdb: kept between runs
kr = DiscoverRunner(verbosity=0, interactive=False, keepdb=True)
old = kr.setup_databases()
Customer.objects.using("other").create(name="survivor")  # committed (autocommit), outside any test
kr.teardown_databases(old)
claim(os.path.exists(os.path.join(tmp, "test_other.sqlite3")), "--keepdb does not drop the test database")
old = kr.setup_databases()
equal(list(Customer.objects.using("other").values_list("name", flat=True)), ["survivor"],
      "the kept database is reused, and committed rows survive into the next run")
kr.teardown_databases(old)

# MIGRATE False still creates the tables
from django.test.utils import override_settings  # noqa: F401

conn = connections["other"]
conn.settings_dict["TEST"]["MIGRATE"] = False
conn.settings_dict["TEST"]["NAME"] = os.path.join(tmp, "nomigrate.sqlite3")
from django.db.migrations.recorder import MigrationRecorder

old_name = conn.creation.create_test_db(verbosity=0, autoclobber=True)
claim(Customer.objects.using("other").count() == 0, "MIGRATE False creates the tables from the models")
equal(MigrationRecorder(conn).migration_qs.count() if MigrationRecorder(conn).has_table() else 0, 0,
      "without applying migrations")
conn.creation.destroy_test_db(old_name, verbosity=0)

# --parallel parsing and DJANGO_TEST_PROCESSES
import argparse

p = argparse.ArgumentParser()
DiscoverRunner.add_arguments(p)
equal(p.parse_args(["--parallel"]).parallel, "auto", "--parallel without a value means auto")
equal(p.parse_args(["--parallel", "4"]).parallel, 4, "--parallel 4")
claim(p.parse_args(["--keepdb"]).keepdb, "--keepdb is a test option")
from django.test.runner import get_max_test_processes

os.environ["DJANGO_TEST_PROCESSES"] = "4"
equal(get_max_test_processes(), 4, "DJANGO_TEST_PROCESSES sets the number for auto")
del os.environ["DJANGO_TEST_PROCESSES"]
import multiprocessing

equal(get_max_test_processes(), multiprocessing.cpu_count(), "otherwise one process per core")
