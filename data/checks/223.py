"""223 seeing the SQL: on PostgreSQL, str(qs.query) pastes parameters in
unquoted (not valid SQL) and runs no query, EmptyResultSet for pk__in=[],
connection.queries empty with DEBUG=False and filled (sql/time, INSERTs,
BEGIN/COMMIT) with DEBUG=True, reset_queries, the 9000 cap,
CaptureQueriesContext independent of DEBUG (the answer's block verbatim),
the django.db.backends logger only under DEBUG, explain() flags and formats,
ValueError for an unknown flag, and repr fetching 21 rows."""
import contextlib
import io
import logging

from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(database="postgresql")
urlpatterns = []

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)


create_tables()
a = Author.objects.create(name="Herbert")
for i in range(3):
    Book.objects.create(title="Dune" if i == 0 else f"b{i}", published=True, author=a)

# str(qs.query)
out = io.StringIO()
with queries(0, "printing qs.query does not hit the database"), contextlib.redirect_stdout(out):
    qs = Book.objects.filter(title="Dune", published=True).order_by("title")
    print(qs.query)
sql = out.getvalue().replace("djqcheck_book", "library_book")
claim('WHERE ("library_book"."published" AND "library_book"."title" = Dune)' in sql,
      "the WHERE clause prints as shown, with = Dune unquoted: %s" % sql)
claim(sql.rstrip().endswith('ORDER BY "library_book"."title" ASC'), "ORDER BY ... ASC as shown")
from django.db import connection
from django.db.utils import ProgrammingError

with raises(ProgrammingError, what="the printed string is not valid SQL"):
    with connection.cursor() as c:
        c.execute(str(qs.query))
from django.core.exceptions import EmptyResultSet

with raises(EmptyResultSet, what="filter(pk__in=[]) has no SQL: str(qs.query) raises EmptyResultSet"):
    str(Book.objects.filter(pk__in=[]).query)

# connection.queries
from django.db import connection, reset_queries
from django.test.utils import override_settings

reset_queries()
books = list(Book.objects.filter(published=True))
equal(connection.queries, [], "with DEBUG = False connection.queries stays empty")
with override_settings(DEBUG=True):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        from django.db import connection, reset_queries

        reset_queries()
        books = list(Book.objects.filter(published=True))
        for q in connection.queries:
            print(q["time"], q["sql"])
    equal(len(connection.queries), 1, "one entry per executed statement")
    equal(set(connection.queries[0]), {"sql", "time"}, "each entry has sql and time")
    float(connection.queries[0]["time"])
    claim("= true" in connection.queries[0]["sql"].lower() or '"published"' in connection.queries[0]["sql"], "sql is the statement")
    reset_queries()
    from django.db import transaction

    with transaction.atomic():
        Author.objects.create(name="x")
    sqls = [q["sql"] for q in connection.queries]
    claim(any(s.startswith("INSERT") for s in sqls), "INSERTs are recorded")
    claim("BEGIN" in sqls and "COMMIT" in sqls, "transaction statements are recorded: %s" % sqls)
    reset_queries()
    equal(connection.queries, [], "reset_queries() clears it")
    # cleared at the start of each request
    from django.core.signals import request_started

    list(Book.objects.all())
    request_started.send(sender=None)
    equal(connection.queries, [], "Django clears it at the start of each request")
equal(connection.queries_limit, 9000, "it keeps only the last 9000 statements")

# CaptureQueriesContext: the answer's block, verbatim, with DEBUG False
out = io.StringIO()
with contextlib.redirect_stdout(out):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        for book in Book.objects.select_related("author"):
            book.author.name
    print(len(ctx.captured_queries))  # 1
    print(ctx.captured_queries[0]["sql"])
equal(out.getvalue().splitlines()[0], "1", "CaptureQueriesContext counts 1 query, whatever DEBUG says")
claim("JOIN" in out.getvalue(), "and shows its SQL")

# assertNumQueries failure lists the queries
from django.test import TransactionTestCase

tc = TransactionTestCase()
try:
    with tc.assertNumQueries(1):
        list(Book.objects.all())
        list(Author.objects.all())
except AssertionError as e:
    claim("Captured queries were" in str(e) and "djqcheck_author" in str(e), "the failure message lists the queries that ran")
else:
    claim(False, "assertNumQueries fails on a different count")

# Logging: django.db.backends at DEBUG, only under DEBUG = True
records = []


class H(logging.Handler):
    def emit(self, record):
        records.append(record.getMessage())


log = logging.getLogger("django.db.backends")
log.addHandler(H())
log.setLevel(logging.DEBUG)
list(Book.objects.all())
equal(records, [], "with DEBUG = False the logger emits nothing")
with override_settings(DEBUG=True):
    list(Book.objects.filter(title="Dune"))
claim(len(records) == 1 and "args=" in records[0] and records[0].startswith("("), "each statement is logged with its duration and parameters: %s" % records)

# explain()
out = io.StringIO()
with contextlib.redirect_stdout(out):
    print(Book.objects.filter(title="Dune").explain())
    # PostgreSQL: flags and formats
    print(Book.objects.filter(title="Dune").explain(analyze=True, buffers=True))
    print(Book.objects.filter(title="Dune").explain(format="json"))
text = out.getvalue()
claim("Seq Scan" in text, "the plan shows Seq Scan on PostgreSQL")
claim("actual time" in text, "analyze=True really executes the query")
claim('"Plan"' in text, "format='json' returns JSON")
for flag in ("verbose", "costs", "settings", "summary"):
    Book.objects.all().explain(**{flag: True})
Book.objects.all().explain(analyze=True, wal=True, timing=True)
with raises(ValueError, "Unknown option", "Django raises ValueError for a flag it does not know"):
    Book.objects.all().explain(nonsense=True)
import pathlib

import django.db.backends as backends

root = pathlib.Path(backends.__file__).parent
claim("explain_prefix" not in (root / "oracle" / "operations.py").read_text(), "explain() is not supported on Oracle (no explain_prefix)")
for b in ("sqlite3", "mysql", "postgresql"):
    claim("explain_prefix = " in (root / b / "operations.py").read_text(), "but works on the other built-in backends: " + b)

# repr fetches 21 rows
with queries(1) as ctx:
    repr(Book.objects.all())
claim("LIMIT 21" in ctx.captured_queries[0]["sql"], "printing qs evaluates it (repr fetches up to 21 rows)")
