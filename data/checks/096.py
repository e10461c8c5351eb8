"""096 finding slow queries (PostgreSQL): connection.queries and the
django.db.backends logger with DEBUG, explain(analyze=True), the fixes'
query counts, assertNumQueries, and 6.1 fetch modes (and what they do not
cover: reverse FK and many-to-many managers)."""
import logging
import unittest

from djqcheck import claim, create_tables, equal, queries, raises, setup, since, warns

setup(database="postgresql", DEBUG=True)

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=20)


class Book(models.Model):
    title = models.CharField(max_length=20)
    published = models.BooleanField(default=True)
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)


class Order(models.Model):
    customer_id = models.IntegerField()
    status = models.CharField(max_length=10)


create_tables()
for i in range(3):
    a = Author.objects.create(name=f"a{i}")
    Book.objects.create(title=f"b{i}", author=a)
    Book.objects.create(title=f"c{i}", author=a)
Order.objects.create(customer_id=42, status="open")

# --- the answer's snippet, verbatim ---
from django.db import connection, reset_queries

reset_queries()
books = list(Book.objects.filter(published=True))
for q in connection.queries:
    print(q["time"], q["sql"])

print(Book.objects.filter(published=True).query)   # SQL for one queryset
# --- end ---
equal(len(connection.queries), 1, "with DEBUG = True Django records each query per connection")
claim(set(connection.queries[0]) >= {"sql", "time"}, "each entry has sql and time")
claim("WHERE" in str(Book.objects.filter(published=True).query), "print(qs.query) shows the SQL")
from django.test import override_settings

with override_settings(DEBUG=False):
    reset_queries()
    list(Book.objects.all())
    equal(len(connection.queries), 0, "without DEBUG nothing is recorded")

# --- the answer's LOGGING dict, verbatim ---
LOGGING = {  # development settings only
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.db.backends": {"handlers": ["console"], "level": "DEBUG"}
    },
}
# --- end ---
import logging.config

logging.config.dictConfig(LOGGING)
seen = []
h = logging.Handler()
h.emit = seen.append
logging.getLogger("django.db.backends").addHandler(h)
logging.getLogger("django.db.backends").handlers[0].setStream(open("/dev/null", "w"))
list(Book.objects.all())
claim(any("djqcheck_book" in r.getMessage() for r in seen), "the django.db.backends logger emits every query at DEBUG")
seen.clear()
with override_settings(DEBUG=False):
    list(Book.objects.all())
equal(seen, [], "the logger is silent without DEBUG")

# --- explain(), verbatim ---
qs = Order.objects.filter(customer_id=42, status="open")
print(qs.explain(analyze=True))
# --- end ---
plan = qs.explain(analyze=True)
claim("actual time" in plan, "analyze=True on PostgreSQL actually runs the query")
claim("Seq Scan" in qs.explain(), "without an index the plan is a sequential scan")

# Fixes
with queries(1 + 6, "the N+1 loop"):
    for b in Book.objects.all():
        b.author.name
with queries(1, "select_related() for foreign keys"):
    for b in Book.objects.select_related("author"):
        b.author.name
with queries(2, "prefetch_related() for many-valued relations"):
    for a in Author.objects.prefetch_related("books"):
        list(a.books.all())

# assertNumQueries, with the answer's test class
from django.http import HttpResponse
from django.urls import path, reverse


def book_list(request):
    names = [b.title for a in Author.objects.prefetch_related("books") for b in a.books.all()]
    return HttpResponse(", ".join(names))


urlpatterns = [path("books/", book_list, name="book-list")]

from django.test import TestCase
from django.urls import reverse


class BookListTests(TestCase):
    def test_query_count(self):
        with self.assertNumQueries(2):
            self.client.get(reverse("book-list"))


def n_failures(count):
    class T(TestCase):
        def test(self):
            with self.assertNumQueries(count):
                self.client.get(reverse("book-list"))
    return len(unittest.TextTestRunner(stream=open("/dev/null", "w")).run(unittest.defaultTestLoader.loadTestsFromTestCase(T)).failures)


result = unittest.TextTestRunner(stream=open("/dev/null", "w")).run(unittest.defaultTestLoader.loadTestsFromTestCase(BookListTests))
equal((len(result.failures), len(result.errors)), (0, 0), "the answer's test passes for a 2-query view")
equal(n_failures(1), 1, "assertNumQueries fails when the count differs")

from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as ctx:
    list(Book.objects.all())
claim("djqcheck_book" in ctx.captured_queries[0]["sql"], "CaptureQueriesContext exposes the SQL")

if since(6, 1):
    with queries(2, "6.1 FETCH_PEERS turns the N+1 loop into 2 queries"):
        for b in Book.objects.fetch_mode(models.FETCH_PEERS):
            b.author.name
    from django.core.exceptions import FieldFetchBlocked

    with raises(FieldFetchBlocked, what="FETCH_RAISE makes an unplanned lazy load raise"):
        for b in Book.objects.fetch_mode(models.FETCH_RAISE):
            b.author.name
    with queries(1 + 3, "fetch modes do not cover reverse FK managers: still N+1"):
        for a in Author.objects.fetch_mode(models.FETCH_PEERS):
            list(a.books.all())
    with queries(1 + 3, "FETCH_RAISE does not block related-manager queries either"):
        for a in Author.objects.fetch_mode(models.FETCH_RAISE):
            list(a.books.all())
    # The answer's fetch-mode block, verbatim:
    with queries(2, "the answer's FETCH_PEERS loop runs 2 queries"):
        from django.db import models

        # 2 queries instead of 1 + N: the first book.author loads every
        # author for the books of this QuerySet
        for book in Book.objects.fetch_mode(models.FETCH_PEERS):
            print(book.author.name)

        # Any lazy load raises FieldFetchBlocked instead of querying
        books = Book.objects.select_related("author").fetch_mode(models.FETCH_RAISE)
    with queries(1, "select_related + FETCH_RAISE: the joined author needs no lazy load"):
        for book in books:
            book.author.name
    with raises(FieldFetchBlocked, what="a deferred field under FETCH_RAISE raises"):
        Book.objects.only("pk").fetch_mode(models.FETCH_RAISE).first().title

    class PeersManager(models.Manager):
        def get_queryset(self):
            return super().get_queryset().fetch_mode(models.FETCH_PEERS)

    class Review(models.Model):
        book = models.ForeignKey(Book, on_delete=models.CASCADE)
        objects = PeersManager()

    with connection.schema_editor() as ed:
        ed.create_model(Review)
    for b in Book.objects.all():
        Review.objects.create(book=b)
    with queries(2, "a custom manager can make FETCH_PEERS the model's default"):
        for r in Review.objects.all():
            r.book.title
    class Shelf(models.Model):
        books = models.ManyToManyField(Book)

    with connection.schema_editor() as ed:
        ed.create_model(Shelf)
    for _ in range(3):
        Shelf.objects.create().books.set(Book.objects.all()[:2])
    with queries(1 + 3, "fetch modes do not cover many-to-many managers: still N+1"):
        for shelf in Shelf.objects.fetch_mode(models.FETCH_PEERS):
            list(shelf.books.all())
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, what="select_related() with no arguments is deprecated in 6.1"):
        list(Book.objects.select_related())
else:
    claim(not hasattr(models, "FETCH_PEERS"), "fetch modes are new in 6.1")
