"""122 locking on PostgreSQL: the answer's reserve() with select_for_update()
inside atomic(), TransactionManagementError outside a transaction, a second
transaction waiting on the lock, nowait raising DatabaseError, skip_locked
leaving locked rows out, nowait+skip_locked refused, of=("self",) and
no_key=True SQL, SQLite ignoring it, the single conditional F() update, and
the optimistic version-column update raising ConflictError on a stale version."""
import threading
import time

from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(database="postgresql")
urlpatterns = []

from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=20)


class Product(models.Model):
    name = models.CharField(max_length=20)
    stock = models.IntegerField()
    status = models.CharField(max_length=10, default="queued")
    category = models.ForeignKey(Category, null=True, on_delete=models.SET_NULL)


class Reservation(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    quantity = models.IntegerField()


class OutOfStock(Exception):
    pass


from django.db import transaction


@transaction.atomic
def reserve(product_id, quantity):
    product = (
        Product.objects.select_for_update().get(pk=product_id)
    )  # SELECT ... FOR UPDATE: waits if someone else holds the row
    if product.stock < quantity:
        raise OutOfStock(product_id)
    product.stock -= quantity
    product.save(update_fields=["stock"])
    return Reservation.objects.create(product=product, quantity=quantity)


from django.db.models import F


class Document(models.Model):
    title = models.CharField(max_length=100)
    body = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)


class ConflictError(Exception):
    pass


def save_document(doc_id, expected_version, title, body):
    updated = Document.objects.filter(
        pk=doc_id, version=expected_version
    ).update(title=title, body=body, version=F("version") + 1)
    if updated == 0:
        raise ConflictError("the document was changed by someone else")
    return expected_version + 1


create_tables()
cat = Category.objects.create(name="c")
p = Product.objects.create(name="pen", stock=5, category=cat)
res = reserve(p.pk, 2)
equal(Product.objects.get(pk=p.pk).stock, 3, "reserve() decrements the stock under the lock")
with raises(OutOfStock, what="and refuses to oversell"):
    reserve(p.pk, 10)

from django.db import DatabaseError, connection, transaction
from django.db.transaction import TransactionManagementError

with raises(TransactionManagementError, "outside of a transaction", "select_for_update() outside atomic() raises"):
    Product.objects.select_for_update().get(pk=p.pk)

from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

SQLiteFeatures = SQLiteWrapper.features_class

claim(not SQLiteFeatures.has_select_for_update, "SQLite ignores select_for_update()")

# Another transaction holds the row.
holding, release = threading.Event(), threading.Event()


def holder():
    with transaction.atomic():
        Product.objects.select_for_update().get(pk=p.pk)
        holding.set()
        release.wait(10)
    connection.close()


t = threading.Thread(target=holder)
t.start()
holding.wait(10)
with raises(DatabaseError, what="nowait=True raises DatabaseError at once"):
    with transaction.atomic():
        Product.objects.select_for_update(nowait=True).get(pk=p.pk)
q = Product.objects.create(name="ink", stock=1)
with transaction.atomic():
    got = list(Product.objects.filter(status="queued").select_for_update(skip_locked=True)[:10])
equal([x.name for x in got], ["ink"], "skip_locked silently leaves locked rows out")

waited = {}


def waiter():
    start = time.monotonic()
    reserve(p.pk, 1)
    waited["s"] = time.monotonic() - start
    connection.close()


w = threading.Thread(target=waiter)
w.start()
time.sleep(0.5)
claim(w.is_alive(), "a plain select_for_update() waits while someone else holds the row")
release.set()
t.join(10)
w.join(10)
claim(waited["s"] >= 0.4, "and continues once the lock is released")
equal(Product.objects.get(pk=p.pk).stock, 2, "after which its update applies")

with raises(ValueError, what="nowait and skip_locked cannot be combined"):
    with transaction.atomic():
        list(Product.objects.select_for_update(nowait=True, skip_locked=True))

with transaction.atomic():
    with queries(1) as ctx:
        list(Product.objects.select_related("category").select_for_update(of=("self",)))
claim('FOR UPDATE OF "djqcheck_product"' in ctx.captured_queries[0]["sql"], "of=('self',) limits the lock to the main table")
with transaction.atomic():
    with queries(1) as ctx:
        list(Product.objects.select_for_update(no_key=True))
claim("FOR NO KEY UPDATE" in ctx.captured_queries[0]["sql"], "no_key=True takes the weaker lock")

# The single conditional UPDATE.
from django.db.models import F

pk, qty = p.pk, 5
equal(Product.objects.filter(pk=pk, stock__gte=qty).update(stock=F("stock") - qty), 0, "the row count says it failed")
qty = 2
equal(Product.objects.filter(pk=pk, stock__gte=qty).update(stock=F("stock") - qty), 1, "or worked")

# Optimistic locking.
doc = Document.objects.create(title="a")
equal(save_document(doc.pk, 1, "b", "x"), 2, "a write with the current version returns the next one")
with raises(ConflictError, "changed by someone else", "a stale version is a conflict"):
    save_document(doc.pk, 1, "c", "y")
d = Document.objects.get(pk=doc.pk)
equal((d.title, d.version), ("b", 2), "the first write was kept")
