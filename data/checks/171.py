"""171 N+1 in nested DRF serializers: the answer's slow BookSerializer and
BookViewSet (1 + 3N queries), the fixed get_queryset (2 queries, plus COUNT
with pagination), Prefetch with to_attr, .all()/.count() vs .filter() on a
prefetched manager, multiplied Counts, and on 6.1 FETCH_PEERS/FETCH_RAISE."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup(installed_apps=["rest_framework"])

from django.contrib.auth.models import User
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Tag(models.Model):
    name = models.CharField(max_length=50)


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    tags = models.ManyToManyField(Tag)


class Review(models.Model):
    book = models.ForeignKey(Book, related_name="reviews", on_delete=models.CASCADE)
    user = models.ForeignKey(User, on_delete=models.CASCADE)
    approved = models.BooleanField(default=False)


create_tables()

# --- the answer's slow version, verbatim (relative import dropped) ---
from rest_framework import serializers, viewsets


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name"]


class BookSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    tags = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )
    review_count = serializers.SerializerMethodField()

    class Meta:
        model = Book
        fields = ["id", "title", "author", "tags", "review_count"]

    def get_review_count(self, obj):
        return obj.reviews.filter(approved=True).count()


class BookViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
# --- end ---
SlowViewSet = BookViewSet
SlowSerializer = BookSerializer

# --- the answer's fix, verbatim ---
from django.db.models import Count, Q


class BookSerializer(serializers.ModelSerializer):
    author = AuthorSerializer(read_only=True)
    tags = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )
    review_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Book
        fields = ["id", "title", "author", "tags", "review_count"]


class BookViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = BookSerializer

    def get_queryset(self):
        return (
            Book.objects.select_related("author")
            .prefetch_related("tags")
            .annotate(
                review_count=Count(
                    "reviews", filter=Q(reviews__approved=True)
                )
            )
            .order_by("id")
        )
# --- end ---
FastViewSet = BookViewSet

from rest_framework.pagination import PageNumberPagination


class Paged(PageNumberPagination):
    page_size = 3


PagedViewSet = type("PagedViewSet", (FastViewSet,), {"pagination_class": Paged})

from django.urls import include, path
from rest_framework.routers import SimpleRouter

router = SimpleRouter()
router.register("slow", SlowViewSet, basename="slow")
router.register("books", FastViewSet, basename="book")
router.register("paged", PagedViewSet, basename="paged")
urlpatterns = [path("", include(router.urls))]

u = User.objects.create_user("u")
tags = [Tag.objects.create(name=f"t{i}") for i in range(3)]


def make_book_with_tags_and_reviews(i):
    a = Author.objects.create(name=f"a{i}")
    b = Book.objects.create(title=f"b{i}", author=a)
    b.tags.set(tags[: 1 + i % 3])
    for j in range(i % 3 + 1):
        Review.objects.create(book=b, user=u, approved=j % 2 == 0)


for i in range(10):
    make_book_with_tags_and_reviews(i)

from rest_framework.test import APIClient

c = APIClient()
with queries(31, "ten books cost 31 queries with the slow version"):
    slow = c.get("/slow/").json()
with queries(2, "the fixed list takes 2 queries: books+author+count, then tags"):
    fast = c.get("/books/").json()
equal(fast, sorted(slow, key=lambda d: d["id"]), "the fix returns the same data")
with queries(3, "pagination adds a COUNT query; the prefetch runs for the page only") as ctx:
    r = c.get("/paged/")
equal(len(r.data["results"]), 3, "one page")
claim(ctx.captured_queries[0]["sql"].upper().startswith("SELECT COUNT"), "the first query is the COUNT")
import re

ids = re.search(r"IN \(([^)]*)\)", ctx.captured_queries[2]["sql"]).group(1).split(",")
equal(len(ids), 3, "the tags prefetch covers the page's rows only")

# the answer's test, verbatim in a TestCase
from rest_framework.test import APITestCase


class T(APITestCase):
    def test_book_list_query_count(self):
        for i in range(5):
            make_book_with_tags_and_reviews(i)
        with self.assertNumQueries(2):
            self.client.get("/books/")


import io
import unittest

res = unittest.TextTestRunner(stream=io.StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
equal((res.testsRun, len(res.failures), len(res.errors)), (1, 0, 0), "the answer's assertNumQueries(2) test passes")

# --- the answer's Prefetch block, verbatim ---
from django.db.models import Prefetch

Book.objects.prefetch_related(
    Prefetch(
        "reviews",
        queryset=Review.objects.filter(approved=True).select_related("user"),
        to_attr="approved_reviews",
    )
)
# --- end ---


class ReviewSerializer(serializers.ModelSerializer):
    user = serializers.ReadOnlyField(source="user.username")

    class Meta:
        model = Review
        fields = ["id", "user"]


class WithReviews(serializers.ModelSerializer):
    approved_reviews = ReviewSerializer(many=True, read_only=True)

    class Meta:
        model = Book
        fields = ["id", "approved_reviews"]


qs = Book.objects.prefetch_related(
    Prefetch("reviews", queryset=Review.objects.filter(approved=True).select_related("user"), to_attr="approved_reviews")
)
with queries(2, "a Prefetch with to_attr (and select_related inside) serializes nested reviews in 2 queries"):
    data = WithReviews(qs, many=True).data
claim(all(len(d["approved_reviews"]) == Review.objects.filter(book_id=d["id"], approved=True).count() for d in data),
      "to_attr holds only the filtered rows")

books = list(Book.objects.prefetch_related("reviews")[:4])
with queries(0, ".all() and .count() use the prefetched rows"):
    for b in books:
        list(b.reviews.all()), b.reviews.count()
with queries(4, ".filter() on a prefetched manager runs a new query per object"):
    for b in books:
        b.reviews.filter(approved=True).count()

# multiplied counts
b = Book.objects.annotate(n_tags=Count("tags"), n_reviews=Count("reviews")).get(title="b2")
right = Book.objects.annotate(n_tags=Count("tags", distinct=True), n_reviews=Count("reviews", distinct=True)).get(title="b2")
equal((right.n_tags, right.n_reviews), (3, 3), "distinct=True gives the right counts")
equal((b.n_tags, b.n_reviews), (9, 9), "two Counts across multi-valued relations multiply each other's rows")

if since(6, 1):
    from django.core.exceptions import FieldFetchBlocked

    n = Book.objects.count()
    with queries(2 + 2 * n, "FETCH_PEERS batches the author into one query but not tags or reviews"):
        SlowSerializer(Book.objects.fetch_mode(models.FETCH_PEERS), many=True).data
    with queries(1 + n, "FETCH_PEERS does not cover many-to-many: tags still one query per book"):
        for b in Book.objects.fetch_mode(models.FETCH_PEERS):
            list(b.tags.all())
    with queries(2, "FETCH_PEERS also batches deferred fields"):
        for b in Book.objects.only("id").fetch_mode(models.FETCH_PEERS):
            b.title
    with raises(FieldFetchBlocked, what="FETCH_RAISE turns a lazy load into FieldFetchBlocked"):
        SlowSerializer(Book.objects.fetch_mode(models.FETCH_RAISE), many=True).data
    with queries(2, "the fixed queryset also works under FETCH_RAISE"):
        BookSerializer(FastViewSet().get_queryset().fetch_mode(models.FETCH_RAISE), many=True).data
else:
    claim(not hasattr(models, "FETCH_PEERS"), "fetch modes do not exist on 5.2")
