"""198 ordering querysets: the answer's models and one-liners, replacing
order_by calls, reverse(), ordered, related-field ordering, NULL placement
on PostgreSQL vs SQLite, nulls_last/first, Lower, random SQL, Meta.ordering
and GROUP BY/exists(), the pagination warning, first() by pk."""
import contextlib
import datetime
from decimal import Decimal

from djqcheck import claim, create_tables, equal, queries, raises, setup, warns

setup(database="postgresql", sqlite_alias="lite")

# --- the answer's models, as written ---
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    price = models.DecimalField(max_digits=6, decimal_places=2)
    published = models.DateField(null=True)

    class Meta:
        ordering = ["-published", "title"]
# --- end ---


class Plain(models.Model):
    n = models.IntegerField()


create_tables()
from django.core.management import call_command

call_command("migrate", database="lite", run_syncdb=True, verbosity=0)

D = datetime.date
for db in ("default", "lite"):
    zed = Author.objects.using(db).create(name="Zed")
    amy = Author.objects.using(db).create(name="Amy")
    for title, a, price, pub in [
        ("b", zed, "10.00", D(2020, 1, 1)),
        ("a", zed, "30.00", D(2020, 1, 1)),
        ("C", amy, "20.00", None),
        ("d", amy, "30.00", D(2022, 1, 1)),
    ]:
        Book.objects.using(db).create(title=title, author=a, price=Decimal(price), published=pub)


def titles(qs):
    return [b.title for b in qs]


# The answer's one-liners (on PostgreSQL).
equal(titles(Book.objects.all()), ["C", "d", "a", "b"], "Meta.ordering: newest first, then title (PostgreSQL: NULL first when descending)")
equal(titles(Book.objects.order_by("price")), ["b", "C", "a", "d"], "order_by('price'): cheapest first")
equal(titles(Book.objects.order_by("-price", "title")), ["a", "d", "C", "b"], "'-price', 'title': dearest first, ties by title")
equal({b.author.name for b in Book.objects.order_by("author__name")[:2]}, {"Amy"}, "order_by('author__name') sorts by the author's name")
with queries(1) as ctx:
    list(Book.objects.order_by("?"))
claim("RANDOM()" in ctx.captured_queries[0]["sql"], "order_by('?') uses RANDOM() on PostgreSQL")
claim("ORDER BY" not in str(Book.objects.order_by().query), "order_by() with no arguments: no ORDER BY at all")
from django.db.models.functions import Random
import inspect

claim('function="RAND"' in inspect.getsource(Random.as_mysql), "RAND() on MySQL")

# Replacing, reverse(), ordered.
equal(Book.objects.order_by("title").order_by("price").query.order_by, ("price",), "each order_by() call replaces the previous ordering")
equal(titles(Book.objects.order_by("price", "title").reverse()), ["d", "a", "C", "b"], "reverse() flips the ordering")
equal(titles(Book.objects.reverse())[0], "b", "reverse() also flips Meta.ordering")
equal(str(Plain.objects.reverse().query), str(Plain.objects.all().query), "reverse() on an unordered queryset does nothing")
claim(Book.objects.all().ordered and not Plain.objects.all().ordered and Plain.objects.order_by("n").ordered, "qs.ordered reports whether any ordering applies")

# Ordering by the relation itself uses the related model's Meta.ordering.
sql = str(Book.objects.order_by("author").query)
claim('"djqcheck_author"."name" ASC' in sql, "order_by('author') uses Author's Meta.ordering (name)")


class Note(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    plain = models.ForeignKey(Plain, null=True, on_delete=models.CASCADE)


create_tables()
claim('"djqcheck_note"."plain_id" ASC' in str(Note.objects.order_by("plain").query), "... or its primary key when it has none")

# Many-valued ordering repeats objects; distinct() with it still shows duplicates.
equal(len(list(Author.objects.order_by("book__title"))), 4, "ordering by a reverse FK repeats each author per book")
equal(len(list(Author.objects.order_by("book__title").distinct())), 4, "distinct() with ordering on a related field returns apparent duplicates")

# NULL placement.
asc_pg = [b.published for b in Book.objects.order_by("published")]
asc_lite = [b.published for b in Book.objects.using("lite").order_by("published")]
equal(asc_pg[-1], None, "PostgreSQL: NULL last in ascending order")
equal([b.published for b in Book.objects.order_by("-published")][0], None, "PostgreSQL: NULL first in descending order")
equal(asc_lite[0], None, "SQLite: NULL first in ascending order")

# --- the answer's expression block, as written ---
from django.db.models import Count, F
from django.db.models.functions import Lower

Book.objects.order_by(F("published").desc(nulls_last=True))
Book.objects.order_by(F("published").asc(nulls_first=True))
Book.objects.order_by(Lower("title"))  # case-insensitive
Author.objects.annotate(n=Count("book")).order_by("-n")
# --- end ---
for db in ("default", "lite"):
    equal([b.published for b in Book.objects.using(db).order_by(F("published").desc(nulls_last=True))][-1], None, "desc(nulls_last=True) puts NULL last (%s)" % db)
    equal([b.published for b in Book.objects.using(db).order_by(F("published").asc(nulls_first=True))][0], None, "asc(nulls_first=True) puts NULL first (%s)" % db)
equal(titles(Book.objects.order_by("title")), ["C", "a", "b", "d"], "plain ordering is case-sensitive on PostgreSQL with the C locale")
equal(titles(Book.objects.order_by(Lower("title"))), ["a", "b", "C", "d"], "Lower() gives a case-insensitive order")
with raises(ValueError, "must be True or None", what="nulls_first=False raises ValueError"):
    F("published").asc(nulls_first=False)


class Dated(models.Model):
    day = models.DateField(null=True)

    class Meta:
        ordering = [F("day").desc(nulls_last=True)]


create_tables()
Dated.objects.create(day=None)
Dated.objects.create(day=D(2020, 1, 1))
equal([d.day for d in Dated.objects.all()][-1], None, "expressions work in Meta.ordering")

# Meta.ordering and GROUP BY / exists().
rows = list(Book.objects.values("author").annotate(n=Count("id")))
equal(len(rows), 2, "Meta.ordering does not change values().annotate() GROUP BY results")
with queries(1) as ctx:
    Book.objects.all().exists()
claim("ORDER BY" not in ctx.captured_queries[0]["sql"], "exists() drops Meta.ordering")
with queries(1) as ctx:
    list(Book.objects.all())
claim("ORDER BY" in ctx.captured_queries[0]["sql"], "a plain list() keeps Meta.ordering")

# Pagination warning, first() by pk.
from django.core.paginator import Paginator, UnorderedObjectListWarning

with warns(UnorderedObjectListWarning, what="paginating an unordered queryset warns"):
    Paginator(Plain.objects.all(), 10)
with queries(1) as ctx:
    Plain.objects.first()
claim('ORDER BY "djqcheck_plain"."id" ASC' in ctx.captured_queries[0]["sql"], "first() orders by the primary key when unordered")
