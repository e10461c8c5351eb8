"""046 SQL injection: parameterized ORM queries keep hostile input as data,
the answer's books_by_author (raw + cursor with params), what the f-string
version would do, placeholder rules (%s, no quotes, %%), the sort allow-list,
RawSQL params."""
from djqcheck import claim, create_tables, equal, raises, setup

setup()

from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.CharField(max_length=100)
    published = models.DateField(null=True)

    class Meta:
        db_table = "shop_book"  # the answer's table name


create_tables()
import datetime

Book.objects.create(title="Alpha", author="ann", published=datetime.date(2020, 1, 1))
Book.objects.create(title="Beta", author="bob", published=datetime.date(2024, 1, 1))
Book.objects.create(title="Gamma", author="ann", published=datetime.date(2022, 1, 1))

evil = "'; DROP TABLE shop_book; --"
qs = Book.objects.filter(title__icontains=evil)
sql, params = qs.query.sql_with_params()
claim("DROP" not in sql and any("DROP TABLE" in str(p) for p in params), "the SQL has placeholders; the value travels separately")
equal(list(qs), [], "hostile input is treated as data")
equal(Book.objects.count(), 3, "the table is still there")


class request:  # stands in for the view's request
    GET = {"q": evil, "sort": "title; DROP TABLE shop_book"}


# Safe: the search text is passed as a parameter, whatever it contains.
books = Book.objects.filter(title__icontains=request.GET.get("q", ""))
equal(list(books), [], "the answer's filter() is safe")

# --- the answer's code, verbatim (minus "from shop.models import Book") ---
from django.db import connection


def books_by_author(author_name):
    # WRONG: the value becomes part of the SQL text.
    # Book.objects.raw(
    #     f"SELECT * FROM shop_book WHERE author = '{author_name}'"
    # )

    # RIGHT: a %s placeholder plus a params list.
    books = Book.objects.raw(
        "SELECT * FROM shop_book WHERE author = %s", [author_name]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM shop_book WHERE author = %s",
            [author_name],
        )
        (count,) = cursor.fetchone()
    return books, count
# --- end ---

books, count = books_by_author("ann")
equal((sorted(b.title for b in books), count), (["Alpha", "Gamma"], 2), "raw() and cursor.execute() with params work")
books, count = books_by_author("x' OR '1'='1")
equal((list(books), count), ([], 0), "with params, a quote trick matches nothing")
hostile = "x' OR '1'='1"
wrong = Book.objects.raw(f"SELECT * FROM shop_book WHERE author = '{hostile}'")
equal(len(list(wrong)), 3, "the f-string version lets the input change the query (it returns every row)")

from django.db import ProgrammingError

with raises(ProgrammingError, what="a quoted placeholder '%s' is no placeholder at all"):
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM shop_book WHERE author = '%s'", ["ann"])
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM shop_book WHERE title LIKE 'A%%' AND author = %s", ["ann"])
    equal(cursor.fetchone()[0], 1, "with params, a literal percent sign is written %%")

# identifiers: an allow-list
SORTS = {"title": "title", "newest": "-published"}
order = SORTS.get(request.GET.get("sort"), "title")
books = Book.objects.order_by(order)
equal([b.title for b in books], ["Alpha", "Beta", "Gamma"], "an unknown sort falls back to the allow-listed default")
equal([b.title for b in Book.objects.order_by(SORTS["newest"])], ["Beta", "Gamma", "Alpha"], "allow-listed sorts work")
from django.core.exceptions import FieldError

with raises(FieldError, what="order_by() refuses a string that is not a field"):
    list(Book.objects.order_by(request.GET["sort"]))

from django.db.models.expressions import RawSQL

pk = Book.objects.get(title="Beta").pk
ann = Book.objects.annotate(is_it=RawSQL("SELECT COUNT(*) FROM shop_book WHERE id = %s", (pk,)))
equal(ann.get(pk=pk).is_it, 1, "RawSQL takes params the same way")
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM shop_book WHERE author = %s", [evil])
    equal(cursor.fetchone()[0], 0, "%s works on SQLite too (Django converts it)")
