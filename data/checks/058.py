"""058 annotate() vs aggregate(): dict results and key names, default=,
HAVING, filter= on Count, GROUP BY with values(), the inflated double-join
count and the 6.0 aggregate additions."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from decimal import Decimal

from django.db import models


class Publisher(models.Model):
    name = models.CharField(max_length=50)


class Author(models.Model):
    name = models.CharField(max_length=50)


class Book(models.Model):
    price = models.DecimalField(max_digits=6, decimal_places=2)
    pages = models.IntegerField()
    rating = models.IntegerField(default=5)
    publisher = models.ForeignKey(Publisher, on_delete=models.CASCADE)
    authors = models.ManyToManyField(Author)


class Store(models.Model):
    books = models.ManyToManyField(Book)


class Customer(models.Model):
    country = models.CharField(max_length=2)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    total = models.IntegerField()


create_tables()
big = Publisher.objects.create(name="Big")
small = Publisher.objects.create(name="Small")
ann, bob = Author.objects.create(name="ann"), Author.objects.create(name="bob")
s1, s2, s3 = Store.objects.create(), Store.objects.create(), Store.objects.create()
for i in range(12):
    b = Book.objects.create(price=Decimal(10 + i), pages=100, rating=i % 10, publisher=big)
    b.authors.add(ann)
b1 = Book.objects.create(price=Decimal(5), pages=50, rating=8, publisher=small)
b1.authors.add(ann, bob)
for s in (s1, s2, s3):
    s.books.add(b1)

# --- aggregate() ---
from django.db.models import Avg, Count, Max, Sum

r = Book.objects.aggregate(Avg("price"), Max("price"))
equal(sorted(r), ["price__avg", "price__max"], "keys default to <field>__<function>")
claim(isinstance(r, dict), "aggregate() returns a plain dict")
equal(Book.objects.filter(publisher__name="Acme").aggregate(total_pages=Sum("pages", default=0)), {"total_pages": 0}, "Sum(default=0) gives 0 instead of None on no rows")
equal(Book.objects.filter(publisher__name="Acme").aggregate(s=Sum("pages")), {"s": None}, "Sum returns None on empty input")

# --- annotate() + HAVING ---
with queries(1) as ctx:
    publishers = (
        Publisher.objects.annotate(num_books=Count("book"))
        .filter(num_books__gt=10)
        .order_by("-num_books")
    )
    equal(publishers[0].num_books, 12, "annotate adds num_books per object")
claim("HAVING" in ctx.captured_queries[0]["sql"], "a filter on an aggregate annotation becomes HAVING")
equal(Publisher.objects.filter(book__rating__gte=8).annotate(n=Count("book")).get(name="Big").n, 2, "filter() before annotate() restricts the counted rows")
equal(Book.objects.annotate(n=Count("authors")).aggregate(Avg("n"))["n__avg"], 14 / 13, "you can aggregate an annotation")

# --- Count(filter=) ---
from django.db.models import Count, Q

a = Author.objects.annotate(
    num_books=Count("book"),
    highly_rated=Count("book", filter=Q(book__rating__gte=7)),
).get(name="ann")
equal((a.num_books, a.highly_rated), (13, 4), "Count(..., filter=Q(...)) counts a subset in the same query")

# --- GROUP BY with values() ---
fr, de = Customer.objects.create(country="FR"), Customer.objects.create(country="DE")
for t in (10, 20):
    Order.objects.create(customer=fr, total=t)
Order.objects.create(customer=de, total=5)
rows = list(
    Order.objects.values("customer__country")
    .annotate(orders=Count("id"), revenue=Sum("total"))
    .order_by("-revenue")
)
equal(rows, [{"customer__country": "FR", "orders": 2, "revenue": 30}, {"customer__country": "DE", "orders": 1, "revenue": 5}], "values() before annotate() groups; one dict per group")


# ordering by a non-grouped field splits groups
equal(len(Order.objects.values("customer__country").annotate(n=Count("id")).order_by("total")), 3, "fields in order_by() take part in the grouping and can split groups")

# --- pitfall: two multi-valued joins inflate counts ---
b = Book.objects.annotate(n_authors=Count("authors"), n_stores=Count("store")).get(pk=b1.pk)
equal((b.n_authors, b.n_stores), (6, 6), "Count('authors') and Count('store') together come out too high")
b = Book.objects.annotate(n_authors=Count("authors", distinct=True), n_stores=Count("store", distinct=True)).get(pk=b1.pk)
equal((b.n_authors, b.n_stores), (2, 3), "distinct=True fixes the counts")

# --- 6.0 additions ---
import django.db.models as m

if since(6, 0):
    from django.db.models import AnyValue, StringAgg, Value

    from django.db import NotSupportedError, connection

    r = Author.objects.filter(name="bob").aggregate(names=StringAgg("name", Value(",")))
    equal(r, {"names": "bob"}, "6.0: StringAgg on every backend")
    if connection.features.supports_aggregate_order_by_clause:
        r = Author.objects.aggregate(names=StringAgg("name", Value(","), order_by="-name"))
        equal(r, {"names": "bob,ann"}, "6.0: aggregates take order_by")
    else:
        with raises(NotSupportedError, what="an aggregate order_by needs SQLite 3.44+; older SQLite raises NotSupportedError"):
            Author.objects.aggregate(names=StringAgg("name", Value(","), order_by="-name"))
    equal(Author.objects.filter(name="ann").aggregate(v=AnyValue("name")), {"v": "ann"}, "6.0 adds AnyValue")
else:
    claim(not hasattr(m, "StringAgg") and not hasattr(m, "AnyValue"), "StringAgg/AnyValue are not in django.db.models on 5.2")
    from django.contrib.postgres import aggregates as pg_aggs

    claim(hasattr(pg_aggs, "StringAgg") and hasattr(pg_aggs, "BitOr"), "5.2: StringAgg and the bit aggregates live in django.contrib.postgres.aggregates")
if since(6, 1):
    from django.db.models import BitOr

    equal(Book.objects.aggregate(x=BitOr("rating"))["x"], 15, "6.1: BitAnd/BitOr/BitXor are generally available")
else:
    claim(not hasattr(m, "BitOr"), "BitOr is PostgreSQL-only on 5.2")
