"""212 caching DRF responses: the answer's ProductViewSet (cache_page on
list/retrieve, vary_on_cookie), the dispatch variant leaking to anonymous
clients, Vary: Accept / Cookie / Authorization, private responses not stored,
only GET 200 cached, CategoryList low-level cache with signal invalidation,
and the ETag viewset (304 after one query, 412 on a stale If-Match)."""
from djqcheck import claim, create_tables, equal, queries, setup

setup(installed_apps=["rest_framework", "rest_framework.authtoken"],
      CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})

from django.contrib.auth.models import User
from django.db import models
from rest_framework import serializers


class Product(models.Model):
    name = models.CharField(max_length=50)
    updated_at = models.DateTimeField(auto_now=True)


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name"]


class Category(models.Model):
    name = models.CharField(max_length=50)


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["id", "name"]


# --- the answer's first block, verbatim ---
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_page
from django.views.decorators.vary import vary_on_cookie
from rest_framework import permissions, viewsets


class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [permissions.IsAuthenticated]

    @method_decorator(cache_page(60 * 5))
    @method_decorator(vary_on_cookie)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @method_decorator(cache_page(60 * 5))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)
# --- end ---


@method_decorator(cache_page(300), name="dispatch")
class DispatchCached(viewsets.ReadOnlyModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [permissions.IsAuthenticated]


class NoVary(ProductViewSet):
    @method_decorator(cache_page(60 * 5))
    def list(self, request, *args, **kwargs):
        return viewsets.ReadOnlyModelViewSet.list(self, request, *args, **kwargs)


class WrongOrder(ProductViewSet):
    @method_decorator(vary_on_cookie)
    @method_decorator(cache_page(60 * 5))
    def list(self, request, *args, **kwargs):
        return viewsets.ReadOnlyModelViewSet.list(self, request, *args, **kwargs)


from django.http import HttpResponse


def plain_list(request):
    return HttpResponse(",".join(Product.objects.values_list("name", flat=True)))


plain_wrong = vary_on_cookie(cache_page(300)(plain_list))
plain_right = cache_page(300)(vary_on_cookie(plain_list))


def plain_client(username):
    from django.test import Client

    cl = Client()
    cl.force_login(User.objects.get(username=username))
    return cl


from rest_framework.authentication import TokenAuthentication


class TokenCached(ProductViewSet):
    authentication_classes = [TokenAuthentication]

    @method_decorator(cache_page(60 * 5))
    def list(self, request, *args, **kwargs):
        return viewsets.ReadOnlyModelViewSet.list(self, request, *args, **kwargs)


from django.views.decorators.cache import cache_control


class Private(ProductViewSet):
    permission_classes = []

    @method_decorator(cache_page(60 * 5))
    @method_decorator(cache_control(private=True))
    def list(self, request, *args, **kwargs):
        return viewsets.ReadOnlyModelViewSet.list(self, request, *args, **kwargs)


class Public(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = []

    @method_decorator(cache_page(300))
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)


# --- the answer's second block, verbatim ---
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework.response import Response
from rest_framework.views import APIView

CATEGORIES_KEY = "api:categories:v1"


class CategoryList(APIView):
    def get(self, request):
        data = cache.get(CATEGORIES_KEY)
        if data is None:
            data = CategorySerializer(Category.objects.all(), many=True).data
            cache.set(CATEGORIES_KEY, data, 60 * 60)
        return Response(data)


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def clear_categories(**kwargs):
    cache.delete(CATEGORIES_KEY)
# --- end ---

# --- the answer's third block, verbatim ---
from django.views.decorators.http import condition


def product_etag(request, pk=None, **kwargs):
    updated = (
        Product.objects.filter(pk=pk)
        .values_list("updated_at", flat=True)
        .first()
    )
    return updated.isoformat() if updated else None


class ProductDetailViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer

    @method_decorator(condition(etag_func=product_etag))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @method_decorator(condition(etag_func=product_etag))
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)
# --- end ---

ProductDetailViewSet.permission_classes = []
ProductDetailViewSet.authentication_classes = []

from django.urls import include, path
from rest_framework.routers import SimpleRouter

router = SimpleRouter()
router.register("products", ProductViewSet, basename="p")
router.register("dispatch", DispatchCached, basename="d")
router.register("novary", NoVary, basename="n")
router.register("wrong", WrongOrder, basename="w")
router.register("token", TokenCached, basename="t")
router.register("private", Private, basename="priv")
router.register("public", Public, basename="pub")
router.register("etag", ProductDetailViewSet, basename="e")
urlpatterns = [path("", include(router.urls)), path("categories/", CategoryList.as_view()),
               path("plain-wrong/", plain_wrong), path("plain-right/", plain_right)]

create_tables()
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

ann = User.objects.create_user("ann", password="p")
bob = User.objects.create_user("bob", password="p")
p1 = Product.objects.create(name="one")


def names(r):
    return [x["name"] for x in r.json()]


a, b, anon = APIClient(), APIClient(), APIClient()
a.login(username="ann", password="p")
b.login(username="bob", password="p")

# handler-level: permissions still run; vary_on_cookie separates users
r = a.get("/products/", HTTP_ACCEPT="application/json")
equal(r.status_code, 200, "ann gets the list")
claim("max-age=300" in r["Cache-Control"] and r.has_header("Expires"), "cache_page sets Cache-Control max-age and Expires")
claim("Accept" in r["Vary"] and "Cookie" in r["Vary"], "Vary has Accept (DRF, several renderers) and Cookie (vary_on_cookie): %r" % r["Vary"])
equal(anon.get("/products/", HTTP_ACCEPT="application/json").status_code, 403,
      "on the handler, a cached response is only returned to a request that passed the permission checks")
Product.objects.create(name="two")
with queries(2, "served from the cache: only authentication runs (session + user), the list query is skipped"):
    equal(names(a.get("/products/", HTTP_ACCEPT="application/json")), ["one"], "ann's entry is cached (stale)")
equal(names(b.get("/products/", HTTP_ACCEPT="application/json")), ["one", "two"], "vary_on_cookie: bob has his own entry")
r = a.get("/products/?format=api", HTTP_ACCEPT="text/html")
claim(r["Content-Type"].startswith("text/html"), "HTML and JSON are separate entries (Vary: Accept)")
equal(names(a.get("/products/?page=1", HTTP_ACCEPT="application/json")), ["one", "two"], "each query string is its own entry")

# dispatch-level: anonymous clients get the cached 200
cache.clear()
equal(a.get("/dispatch/", HTTP_ACCEPT="application/json").status_code, 200, "ann fills the dispatch-level cache")
r = anon.get("/dispatch/", HTTP_ACCEPT="application/json")
equal(r.status_code, 200, "cache_page on dispatch serves a cached 200 to an anonymous client")
equal(APIClient().get("/products/", HTTP_ACCEPT="application/json").status_code, 403, "(the handler-level view refuses it)")

# SessionMiddleware's Vary: Cookie comes too late
cache.clear()
Product.objects.create(name="three")
ra = a.get("/novary/", HTTP_ACCEPT="application/json")
claim("Cookie" in ra["Vary"], "the final response does say Vary: Cookie (SessionMiddleware)")
Product.objects.create(name="four")
equal(names(b.get("/novary/", HTTP_ACCEPT="application/json")), names(ra),
      "without vary_on_cookie bob gets ann's cached entry: Vary: Cookie was added after cache_page stored it")

# Decorator order: for a DRF Response cache_page runs at render time, so
# vary_on_cookie counts in either order; for a plain HttpResponse it does not.
cache.clear()
ra = a.get("/wrong/", HTTP_ACCEPT="application/json")
Product.objects.create(name="four-b")
claim(names(b.get("/wrong/", HTTP_ACCEPT="application/json")) != names(ra),
      "with a DRF Response, vary_on_cookie works in either decorator order")
cache.clear()
ca, cb = plain_client("ann"), plain_client("bob")
first = ca.get("/plain-wrong/").content
Product.objects.create(name="four-c")
equal(cb.get("/plain-wrong/").content, first,
      "for a plain HttpResponse with vary_on_cookie inside, bob gets ann's entry: cache_page must be the outer decorator")
cache.clear()
first = ca.get("/plain-right/").content
Product.objects.create(name="four-d")
claim(cb.get("/plain-right/").content != first, "with cache_page outside, the plain view varies on the cookie")

# Authorization: automatic Vary on 5.2.15+ / 6.0.6+
cache.clear()
ta, tb = Token.objects.create(user=ann), Token.objects.create(user=bob)
r = APIClient().get("/token/", HTTP_AUTHORIZATION=f"Token {ta.key}", HTTP_ACCEPT="application/json")
claim("Authorization" in r["Vary"], "cache_page adds Vary: Authorization when the request carries it")
Product.objects.create(name="five")
r2 = APIClient().get("/token/", HTTP_AUTHORIZATION=f"Token {tb.key}", HTTP_ACCEPT="application/json")
claim(len(r2.json()) == len(r.json()) + 1, "another token gets its own entry")

# private responses are not stored
Product.objects.create(name="six")
c = APIClient()
n1 = len(c.get("/private/", HTTP_ACCEPT="application/json").json())
Product.objects.create(name="seven")
equal(len(c.get("/private/", HTTP_ACCEPT="application/json").json()), n1 + 1,
      "with cache_control(private=True) cache_page does not store the response")

# only GET/HEAD 200
n = Product.objects.count()
r = c.post("/public/", {"name": "p"}, format="json")
equal(r.status_code, 201, "POST is not served from the cache")
r = c.post("/public/", {"name": "q"}, format="json")
equal((r.status_code, Product.objects.count()), (201, n + 2), "and not stored: each POST runs")
equal(c.get("/products/999/").status_code, 403, "(anonymous)")
b.get("/products/99999/", HTTP_ACCEPT="application/json")
with queries(3, "a 404 is not cached: session, user and the lookup run again") as ctx:
    equal(b.get("/products/99999/", HTTP_ACCEPT="application/json").status_code, 404, "404")

# low-level cache with invalidation
cache.clear()
Category.objects.create(name="books")
with queries(1, "the first request queries"):
    c.get("/categories/")
with queries(0, "the second is served from the cache"):
    equal(c.get("/categories/").json(), [{"id": 1, "name": "books"}], "cached data")
Category.objects.create(name="games")
with queries(1, "post_save cleared the key"):
    equal(len(c.get("/categories/").json()), 2, "fresh after a save")
Category.objects.filter(name="games").update(name="toys")
equal([x["name"] for x in c.get("/categories/").json()], ["books", "games"], "QuerySet.update() sends no signal: stale")
Category.objects.get(name="toys").delete()
equal(len(c.get("/categories/").json()), 1, "post_delete clears it")

# ETags
r = c.get(f"/etag/{p1.pk}/")
etag = r["ETag"]
claim(etag.startswith('"') and etag.endswith('"'), "the response carries the ETag, quoted by Django: %r" % etag)
with queries(1, "a 304 after one small query"):
    r = c.get(f"/etag/{p1.pk}/", HTTP_IF_NONE_MATCH=etag)
equal((r.status_code, r.content), (304, b""), "If-None-Match with the ETag gives an empty 304")
r = c.put(f"/etag/{p1.pk}/", {"name": "renamed"}, format="json", HTTP_IF_MATCH=etag)
equal(r.status_code, 200, "PUT with the current ETag succeeds")
r = c.put(f"/etag/{p1.pk}/", {"name": "again"}, format="json", HTTP_IF_MATCH=etag)
equal(r.status_code, 412, "PUT with a stale If-Match gets 412 Precondition Failed")
equal(c.get(f"/etag/{p1.pk}/", HTTP_IF_NONE_MATCH=etag).status_code, 200, "the old ETag no longer matches")

# ConditionalGetMiddleware: 304 but the view still runs
from django.conf import settings
from django.test.utils import override_settings

with override_settings(MIDDLEWARE=["django.middleware.http.ConditionalGetMiddleware"] + list(settings.MIDDLEWARE)):
    m = APIClient()
    r = m.get("/categories/")
    claim(r.has_header("ETag"), "ConditionalGetMiddleware adds an ETag")
    cache.clear()
    with queries(1, "ConditionalGetMiddleware: the view still runs for a 304"):
        r = m.get("/categories/", HTTP_IF_NONE_MATCH=r["ETag"])
    equal(r.status_code, 304, "and a match becomes 304")
