"""166 HyperlinkedModelSerializer: the answer's models, serializers,
viewsets and router verbatim: the JSON shown for /api/books/dune/, default
view names and lookup_field, the ImproperlyConfigured on a lookup mismatch
and under a namespace, the AssertionError without the request, relative
links with request None, fields='__all__' has url but no id, writing with
absolute and path-only URLs, the three 'Invalid hyperlink' errors, https
links behind a proxy with SECURE_PROXY_SSL_HEADER."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's example, verbatim ---
from django.db import models
from django.urls import include, path
from rest_framework import serializers, viewsets
from rest_framework.routers import DefaultRouter


class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    author = models.ForeignKey(
        Author, related_name="books", on_delete=models.CASCADE
    )


class BookSerializer(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Book
        fields = ["url", "title", "slug", "author"]
        extra_kwargs = {"url": {"lookup_field": "slug"}}


class AuthorSerializer(serializers.HyperlinkedModelSerializer):
    books = serializers.HyperlinkedRelatedField(
        many=True, read_only=True,
        view_name="book-detail", lookup_field="slug",
    )

    class Meta:
        model = Author
        fields = ["url", "id", "name", "books"]


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.select_related("author")
    serializer_class = BookSerializer
    lookup_field = "slug"


class AuthorViewSet(viewsets.ModelViewSet):
    queryset = Author.objects.prefetch_related("books")
    serializer_class = AuthorSerializer


router = DefaultRouter()
router.register("books", BookViewSet)
router.register("authors", AuthorViewSet)
urlpatterns = [path("api/", include(router.urls))]
# --- end ---

create_tables()
from django.core.exceptions import ImproperlyConfigured
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

frank = Author.objects.create(name="Frank")
dune = Book.objects.create(title="Dune", slug="dune", author=frank)
c = APIClient()
r = c.get("/api/books/dune/")
equal(r.json(), {"url": "http://testserver/api/books/dune/", "title": "Dune", "slug": "dune", "author": f"http://testserver/api/authors/{frank.pk}/"}, "GET /api/books/dune/ returns the JSON shown")
r = c.get(f"/api/authors/{frank.pk}/")
equal(r.json(), {"url": f"http://testserver/api/authors/{frank.pk}/", "id": frank.pk, "name": "Frank", "books": ["http://testserver/api/books/dune/"]}, "AuthorSerializer lists id next to url, books as slug links")
equal(BookSerializer().fields["author"].view_name, "author-detail", "the default view_name is <model_name>-detail")
claim(isinstance(BookSerializer().fields["author"], serializers.HyperlinkedRelatedField) and isinstance(BookSerializer().fields["url"], serializers.HyperlinkedIdentityField), "relations are HyperlinkedRelatedField, url is HyperlinkedIdentityField")
equal(BookSerializer().fields["author"].lookup_field, "pk", "links use pk by default")

req = Request(APIRequestFactory().get("/"))


class NoSlug(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Book
        fields = ["url", "title"]


with raises(ImproperlyConfigured, 'Could not resolve URL for hyperlinked relationship using view name "book-detail"', what="a lookup_field mismatch fails at render time"):
    NoSlug(dune, context={"request": req}).data
with raises(AssertionError, "`HyperlinkedIdentityField` requires the request in the serializer context", what="no request in context is an AssertionError"):
    BookSerializer(dune).data
equal(BookSerializer(dune, context={"request": None}).data["url"], "/api/books/dune/", "request None gives relative links")


class All(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Book
        fields = "__all__"


f = list(All().fields)
claim("url" in f and "id" not in f, "id is not included by default; url is")
from rest_framework.settings import api_settings

equal(api_settings.URL_FIELD_NAME, "url", "the url name comes from URL_FIELD_NAME")

# --- the answer's write example, verbatim (request from the factory) ---
request = req
serializer = BookSerializer(
    data={
        "title": "Emma",
        "slug": "emma",
        "author": "http://testserver/api/authors/1/",
    },
    context={"request": request},
)
serializer.is_valid(raise_exception=True)
# --- end ---
equal(serializer.validated_data["author"], frank, "an absolute URL resolves to the author")
s = BookSerializer(data={"title": "E", "slug": "e", "author": f"/api/authors/{frank.pk}/"}, context={"request": req})
claim(s.is_valid(), "a path-only URL is accepted")


def err(author):
    s = BookSerializer(data={"title": "E", "slug": "e2", "author": author}, context={"request": req})
    s.is_valid()
    return [str(e) for e in s.errors.get("author", [])]


equal(err("http://testserver/nowhere/"), ["Invalid hyperlink - No URL match."], "no route")
equal(err("http://testserver/api/books/dune/"), ["Invalid hyperlink - Incorrect URL match."], "another view")
equal(err("http://testserver/api/authors/999/"), ["Invalid hyperlink - Object does not exist."], "missing object")
r = c.post("/api/books/", {"title": "E", "slug": "e3", "author": "http://testserver/api/authors/999/"}, format="json")
equal(r.status_code, 400, "invalid hyperlinks are 400s")
r = c.post("/api/books/", {"title": "Emma", "slug": "emma", "author": f"http://testserver/api/authors/{frank.pk}/"}, format="json")
equal((r.status_code, r.json()["url"]), (201, "http://testserver/api/books/emma/"), "creating through the viewset with a link")

# namespaced include: the default view name no longer resolves
import types

from django.urls import set_urlconf

ns = types.ModuleType("nsurls")
ns.urlpatterns = [path("api/", include((router.urls, "api")))]
set_urlconf(ns)
try:
    with raises(ImproperlyConfigured, "book-detail", what="under a namespace the default view_name fails"):
        BookSerializer(dune, context={"request": req}).data

    class NsBook(serializers.HyperlinkedModelSerializer):
        class Meta:
            model = Book
            fields = ["url", "author"]
            extra_kwargs = {"url": {"lookup_field": "slug", "view_name": "api:book-detail"}, "author": {"view_name": "api:author-detail"}}

    equal(NsBook(dune, context={"request": None}).data["url"], "/api/books/dune/", "view_name='api:book-detail' fixes it")
finally:
    set_urlconf(None)

# behind a proxy
from django.test import override_settings

with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
    r = c.get("/api/books/dune/", HTTP_X_FORWARDED_PROTO="https")
    claim(r.json()["url"].startswith("https://"), "SECURE_PROXY_SSL_HEADER makes links https")
r = c.get("/api/books/dune/", HTTP_X_FORWARDED_PROTO="https")
claim(r.json()["url"].startswith("http://"), "without it links say http://")
