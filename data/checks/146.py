"""146 filter/exclude/get: the answer's lookups run and return the right rows;
relation spanning, duplicates and distinct(), one filter() vs two on a
many-valued relation, get() exceptions, first() None, laziness, FieldError,
field=None is IS NULL, contains case handling on SQLite vs PostgreSQL."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

# database="postgresql" is the default; "lite" is SQLite.
setup(database="postgresql", sqlite_alias="lite")

from datetime import date
from decimal import Decimal

from django.core.management import call_command
from django.db import models
from django.db.models import Q


class Tag(models.Model):
    name = models.CharField(max_length=20)


class Author(models.Model):
    name = models.CharField(max_length=50)
    active = models.BooleanField(default=True)


class Book(models.Model):
    title = models.CharField(max_length=100)
    slug = models.SlugField()
    price = models.DecimalField(max_digits=6, decimal_places=2)
    published = models.DateField(null=True)
    on_sale = models.BooleanField(default=False)
    stock = models.IntegerField(default=1)
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)
    tags = models.ManyToManyField(Tag)


create_tables()
call_command("migrate", database="lite", run_syncdb=True, verbosity=0)


def load(db):
    ursula = Author.objects.using(db).create(name="Ursula Le Guin")
    ann = Author.objects.using(db).create(name="Ann", active=False)
    classic = Tag.objects.using(db).create(name="classic")
    sf = Tag.objects.using(db).create(name="sf")
    mk = lambda **kw: Book.objects.using(db).create(**kw)
    b1 = mk(title="Dune", slug="dune", price=Decimal("15"), published=date(1965, 8, 1), author=ursula)
    b2 = mk(title="The Dispossessed", slug="disp", price=Decimal("9"), published=date(2024, 3, 1), author=ursula, on_sale=True)
    b3 = mk(title="Ancillary Justice", slug="aj", price=Decimal("25"), published=None, author=ann, stock=0)
    b1.tags.add(classic, sf)
    b2.tags.add(classic)
    b3.tags.add(sf)
    return ursula, ann


ursula, ann = load("default")
load("lite")
titles = lambda qs: sorted(qs.values_list("title", flat=True))

equal(titles(Book.objects.filter(title="Dune")), ["Dune"], "exact is the default")
equal(titles(Book.objects.filter(title__iexact="dune")), ["Dune"], "iexact is case-insensitive")
equal(titles(Book.objects.filter(title__icontains="justice")), ["Ancillary Justice"], "icontains")
equal(titles(Book.objects.filter(title__startswith="The")), ["The Dispossessed"], "startswith")
equal(titles(Book.objects.filter(price__gte=10, price__lt=20)), ["Dune"], "several kwargs are ANDed")
equal(titles(Book.objects.filter(price__range=(10, 20))), ["Dune"], "range is BETWEEN")
claim("BETWEEN" in str(Book.objects.filter(price__range=(10, 20)).query), "range compiles to BETWEEN")
equal(titles(Book.objects.filter(published__isnull=True)), ["Ancillary Justice"], "isnull=True is IS NULL")
equal(titles(Book.objects.filter(published__year__lt=2000)), ["Dune"], "a transform then a lookup")
equal(titles(Book.objects.filter(published__gte=date(2024, 1, 1))), ["The Dispossessed"], "date comparison")
equal(titles(Book.objects.filter(Q(price__lt=5) | Q(on_sale=True))), ["The Dispossessed"], "Q objects for OR")
claim("IS NULL" in str(Book.objects.filter(published=None).query), "filter(field=None) becomes IS NULL")

equal(titles(Book.objects.filter(author__name__startswith="Ursula")), ["Dune", "The Dispossessed"], "forward FK spanning")
equal(list(Author.objects.filter(books__tags__name="classic").values_list("name", flat=True)), ["Ursula Le Guin", "Ursula Le Guin"], "a many-valued relation returns the same row once per match")
equal(Author.objects.filter(books__tags__name="classic").distinct().count(), 1, ".distinct() removes the duplicates")
equal(titles(Book.objects.exclude(tags__name="classic")), ["Ancillary Justice"], "exclude across a m2m")
equal(titles(Book.objects.filter(author__in=Author.objects.filter(active=True))), ["Dune", "The Dispossessed"], "a queryset in __in")
claim(str(Book.objects.filter(author__in=Author.objects.filter(active=True)).query).count("SELECT") == 2, "a queryset inside __in becomes a subquery")

# one filter() vs two on a many-valued relation
one = Author.objects.filter(books__tags__name="sf", books__on_sale=True)
two = Author.objects.filter(books__tags__name="sf").filter(books__on_sale=True)
equal((one.count(), two.distinct().count()), (0, 1), "one filter(): the same related row must match both; two: different rows may")

# get()
with raises(Book.DoesNotExist):
    Book.objects.get(slug="nope")
with raises(Book.MultipleObjectsReturned):
    Book.objects.get(author=ursula)
equal(Book.objects.filter(slug="nope").first(), None, "first() returns None when missing")
equal(Book.objects.filter(slug="dune").exists(), True, "exists()")

with queries(0, "building querysets and printing .query runs no SQL"):
    qs = Book.objects.filter(published__isnull=False)
    qs = qs.filter(price__lte=20)
    qs = qs.exclude(stock=0).order_by("-published")
    str(qs.query)
with queries(1, "iterating runs one query"):
    equal([b.title for b in qs], ["The Dispossessed", "Dune"], "the chained queryset")

from django.core.exceptions import FieldError

with raises(FieldError, "Choices are", what="a typo raises FieldError listing the valid choices"):
    Book.objects.filter(titel="x")

# contains: case on SQLite vs PostgreSQL
equal(Book.objects.using("lite").filter(title__contains="dune").count(), 1, "on SQLite contains ignores case for ASCII letters")
equal(Book.objects.using("lite").filter(title__startswith="the").count(), 1, "on SQLite startswith ignores case too")
equal(Book.objects.filter(title__contains="dune").count(), 0, "on PostgreSQL contains is case-sensitive")

# first(): pk ordering on an unordered queryset; 6.1 drops it after order_by()
from djqcheck import since

with queries(1) as ctx:
    Book.objects.all().first()
claim('ORDER BY "djqcheck_book"."id" ASC' in ctx.captured_queries[0]["sql"], "first() on an unordered queryset orders by the primary key")
with queries(1) as ctx:
    Book.objects.order_by().first()
equal("ORDER BY" in ctx.captured_queries[0]["sql"], not since(6, 1), "since 6.1 first() doesn't order by pk after order_by() with no arguments")
