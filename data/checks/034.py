"""034 caching: default backend, the per-site middleware (GET 200 stored,
query string in the key, Expires/Cache-Control), cache_page, the fragment
cache and make_template_fragment_key, get_or_set with the answer's code,
DatabaseCache/DummyCache behaviour, and the fragment key format change in 6.1."""
from djqcheck import claim, create_tables, equal, setup

MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",  # must be first
    "django.middleware.common.CommonMiddleware",
    "django.middleware.cache.FetchFromCacheMiddleware",  # must be last
]
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_SECONDS = 600
CACHE_MIDDLEWARE_KEY_PREFIX = ""

setup(
    middleware=MIDDLEWARE,
    CACHE_MIDDLEWARE_ALIAS=CACHE_MIDDLEWARE_ALIAS,
    CACHE_MIDDLEWARE_SECONDS=CACHE_MIDDLEWARE_SECONDS,
    CACHE_MIDDLEWARE_KEY_PREFIX=CACHE_MIDDLEWARE_KEY_PREFIX,
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "db": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache_table"},
        "dummy": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    },
    templates={"side.html": "{% load cache %}{% cache 500 sidebar request.user.username %}{{ n }}{% endcache %}"},
)

from django.conf import global_settings
from django.core.cache import cache, caches
from django.db import models
from django.http import HttpResponse
from django.urls import path

equal(global_settings.CACHES["default"]["BACKEND"], "django.core.cache.backends.locmem.LocMemCache",
      "LocMemCache is the default backend")
claim(__import__("django.core.cache.backends.redis", fromlist=["RedisCache"]).RedisCache, "RedisCache is built in")

calls = []


def page(request):
    calls.append(request.method)
    return HttpResponse("page %d" % len(calls))


def error(request):
    calls.append("err")
    return HttpResponse("no", status=404)


urlpatterns = [path("p/", page), path("e/", error)]

from django.test import Client

c = Client()
r1 = c.get("/p/")
r2 = c.get("/p/")
equal((r1.content, r2.content, len(calls)), (b"page 1", b"page 1", 1), "the per-site cache stores GET 200 responses")
claim("max-age=600" in r1["Cache-Control"] and "Expires" in r1, "it sets Expires and Cache-Control")
c.get("/p/?a=1")
equal(len(calls), 2, "the query string is part of the key")
c.post("/p/")
equal(len(calls), 3, "POST is not served from the cache")
c.get("/e/"), c.get("/e/")
equal(calls.count("err"), 2, "non-200 responses are not stored")

# per-view (called directly, outside the middleware)
from django.test import RequestFactory
from django.views.decorators.cache import cache_page

n = []


@cache_page(60 * 15)
def product_list(request):
    n.append(1)
    return HttpResponse("list")


rf = RequestFactory()
product_list(rf.get("/products/")), product_list(rf.get("/products/"))
equal(len(n), 1, "cache_page caches the view")
wrapped = cache_page(60 * 15)(lambda request: HttpResponse("x"))
claim(callable(wrapped), "cache_page can wrap a view in the URLconf")

# fragment cache
from django.contrib.auth.models import AnonymousUser, User
from django.core.cache.utils import make_template_fragment_key
from django.template.loader import render_to_string

create_tables()
ann = User(username="ann")
req = rf.get("/")
req.user = ann
equal(render_to_string("side.html", {"n": 1}, request=req), "1", "first render fills the fragment")
equal(render_to_string("side.html", {"n": 2}, request=req), "1", "the fragment is served from the cache")
req2 = rf.get("/")
req2.user = User(username="bob")
equal(render_to_string("side.html", {"n": 3}, request=req2), "3", "extra arguments make a per-user key")
cache.delete(make_template_fragment_key("sidebar", ["ann"]))
equal(render_to_string("side.html", {"n": 4}, request=req), "4", "make_template_fragment_key gives the key to delete")

# 6.1 changed the key format of fragments/pages that vary on extra arguments
import hashlib

from djqcheck import since

vary = b"3:ann," if since(6, 1) else b"ann:"
equal(make_template_fragment_key("sidebar", ["ann"]), "template.cache.sidebar." + hashlib.md5(vary, usedforsecurity=False).hexdigest(),
      "the fragment key format changed in 6.1 (old keys miss once after upgrading)")


# low-level API, the answer's code
class Product(models.Model):
    sold = models.IntegerField()


create_tables()
for i in range(12):
    Product.objects.create(sold=i)


def top_sellers():
    return cache.get_or_set(
        "top_sellers",
        lambda: list(Product.objects.order_by("-sold")[:10]),
        300,
    )


from djqcheck import queries

with queries(1, "the first call runs the query"):
    top = top_sellers()
with queries(0, "the second call is served from the cache"):
    equal(top_sellers(), top, "get_or_set returns the cached list")
equal([p.sold for p in top], list(range(11, 1, -1)), "it caches evaluated data (a list)")
for name in ("get", "set", "add", "delete", "get_many", "set_many", "incr", "touch", "aget"):
    claim(hasattr(cache, name), "the API has " + name)

from django.core.management import call_command

call_command("createcachetable", verbosity=0)
caches["db"].set("k", "v")
equal(caches["db"].get("k"), "v", "DatabaseCache works after createcachetable")
caches["dummy"].set("k", "v")
equal(caches["dummy"].get("k"), None, "DummyCache caches nothing")
