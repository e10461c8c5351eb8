"""084 exists()/count()/iterator(): the answer's code, query counts with
and without the result cache, iterator() chunking and prefetch rules."""
import csv
import io

from djqcheck import claim, create_tables, equal, queries, raises, setup

setup()

from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=20)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    status = models.CharField(max_length=10)
    total = models.IntegerField()
    created = models.DateTimeField()


class Message(models.Model):
    recipient = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    read = models.BooleanField(default=False)


class Author(models.Model):
    name = models.CharField(max_length=20)


class Book(models.Model):
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)


create_tables()
from datetime import datetime, timezone

from django.contrib.auth.models import User

customer = Customer.objects.create(name="c")
for i in range(5):
    Order.objects.create(customer=customer, status="open", total=i, created=datetime(2025, 1, 1 + i, 12, tzinfo=timezone.utc))
user = User.objects.create(username="u")
Message.objects.create(recipient=user)
for i in range(5):
    a = Author.objects.create(name=f"a{i}")
    Book.objects.create(author=a)
notified, indexed = [], []
notify = notified.append
index_author = indexed.append
out = io.StringIO()
writer = csv.writer(out)

with queries(1, "exists() runs one query") as ctx:
    claim(Order.objects.filter(status="open").exists(), "exists()")
sql = ctx.captured_queries[0]["sql"]
claim("SELECT 1" in sql and "LIMIT 1" in sql, "exists() is trimmed to SELECT 1 ... LIMIT 1")
with queries(1) as ctx:
    Order.objects.count()
claim("COUNT(*)" in ctx.captured_queries[0]["sql"], "count() runs SELECT COUNT(*)")

# --- the answer's code block, verbatim ---
with queries(6, "the answer's block: exists 1, count 1, evaluate once 1, iterator 1, prefetch chunk 2"):
    open_orders = Order.objects.filter(customer=customer, status="open")

    if open_orders.exists():        # no rows loaded
        notify(customer)

    unread = Message.objects.filter(recipient=user, read=False).count()

    if open_orders:                 # one query; the rows are cached
        total = len(open_orders)    # no query
        for order in open_orders:   # no query
            print(order.pk)

    # Stream a large export once, 5,000 rows at a time
    rows = Order.objects.filter(created__year=2025).values_list("id", "total")
    for order_id, amount in rows.iterator(chunk_size=5000):
        writer.writerow([order_id, amount])

    # With prefetch_related(), chunk_size is required
    authors = Author.objects.prefetch_related("books")
    for author in authors.iterator(chunk_size=500):
        index_author(author)
equal((unread, total, len(indexed)), (1, 5, 5), "results of the block")
equal(len(out.getvalue().splitlines()), 5, "the export wrote every row")

with queries(0, "on an evaluated QuerySet exists(), count() and len() use the cache"):
    open_orders.exists(), open_orders.count(), len(open_orders)
qs = Order.objects.all()
with queries(2, "iterator() does not fill the cache: iterating again repeats the query"):
    list(qs.iterator())
    list(qs.iterator())
claim(qs._result_cache is None, "iterator() leaves the result cache empty")
list(qs)
with queries(1, "iterator() on an evaluated QuerySet queries again"):
    list(qs.iterator())
with raises(ValueError, "chunk_size must be provided", what="prefetch_related() + iterator() without chunk_size is an error"):
    Author.objects.prefetch_related("books").iterator()
with queries(1 + 3, "one query for the authors, then each chunk runs its own prefetch query (3 chunks of 2)"):
    list(Author.objects.prefetch_related("books").iterator(chunk_size=2))
claim(Order.objects.all().contains(Order.objects.first()), "qs.contains(obj)")
import inspect

from django.db.models import QuerySet

equal(inspect.signature(QuerySet.aiterator).parameters["chunk_size"].default, 2000, "chunk_size defaults to 2000")
for name in ("aexists", "acount", "aiterator", "acontains"):
    claim(hasattr(QuerySet, name), f"async version {name}() exists")
