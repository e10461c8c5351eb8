"""076 cache_page and {% cache %}: the answer's decorated view (cached per
URL and per Cookie, key_prefix, Cache-Control/Expires, GET only), the
URLconf form, the sidebar fragment keyed by product.pk, invalidation with
make_template_fragment_key from a post_save receiver, the template_fragments
alias, and 6.1's changed key format."""
from djqcheck import claim, create_tables, equal, raises, setup, since

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "d"},
}
setup(
    CACHES=CACHES,
    templates={
        "sidebar.html": (
            "{% load cache %}\n"
            "{% cache 600 product_sidebar product.pk %}\n"
            "  {% for item in product.related_items.all %}\n"
            '    <a href="{{ item.get_absolute_url }}">{{ item.name }}</a>\n'
            "  {% endfor %}\n"
            "{% endcache %}"
        ),
    },
)
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=20)
    slug = models.SlugField()
    related = models.ManyToManyField("self", blank=True)

    @property
    def related_items(self):
        return self.related

    def get_absolute_url(self):
        return f"/p/{self.slug}/"


create_tables()
CALLS = []

# --- the answer's view code, verbatim (body filled in) ---
# shop/views.py
from django.views.decorators.cache import cache_page
from django.views.decorators.vary import vary_on_cookie


@cache_page(60 * 15, key_prefix="catalogue")
@vary_on_cookie
def product_list(request):
    CALLS.append(request.path)
    return HttpResponse(f"list {len(CALLS)}")


# shop/urls.py: or keep the view cache-agnostic and decide in the URLconf
from django.urls import path

from django.views.generic import DetailView


class ProductDetailView(DetailView):
    model = Product

    def render_to_response(self, context, **kw):
        CALLS.append(self.request.path)
        return HttpResponse(f"detail {len(CALLS)}")


urlpatterns = [
    path(
        "p/<slug:slug>/", cache_page(60 * 5)(ProductDetailView.as_view())
    ),
]
# --- end ---
from django.http import HttpResponse

urlpatterns += [path("list/", product_list)]

from django.core.cache import cache, caches
from django.test import Client

c = Client()
r1 = c.get("/list/")
r2 = c.get("/list/")
equal((r1.content, r2.content, len(CALLS)), (b"list 1", b"list 1", 1), "the first response is stored and reused")
claim(r1["Cache-Control"] == "max-age=900" and r1.has_header("Expires"), "cache_page sets Cache-Control: max-age and Expires")
claim("Cookie" in r1["Vary"], "vary_on_cookie adds Cookie to Vary")
c.get("/list/?page=2")
equal(len(CALLS), 2, "different query strings are cached separately")
c.cookies["sessionid"] = "other-user"
equal(c.get("/list/").content, b"list 3", "a different Cookie gets its own cached copy")
c.post("/list/")
c.post("/list/")
equal(len(CALLS), 5, "POST responses are not cached")
claim(any(".catalogue." in k for k in cache._cache), "key_prefix becomes part of the key")


# The wrong order: cache_page inside vary_on_cookie never sees Vary: Cookie.
@vary_on_cookie
@cache_page(60 * 15, key_prefix="wrong")
def wrong_order(request):
    CALLS.append(request.path)
    return HttpResponse(f"for {request.COOKIES.get('sessionid')}")


urlpatterns += [path("wrong/", wrong_order)]
w = Client()
w.cookies["sessionid"] = "alice"
equal(w.get("/wrong/").content, b"for alice", "first user's page")
w.cookies["sessionid"] = "bob"
equal(w.get("/wrong/").content, b"for alice", "with cache_page inside vary_on_cookie, another user gets the first user's page")

a = Product.objects.create(name="A", slug="a")
b = Product.objects.create(name="B", slug="b")
c.get("/p/a/"), c.get("/p/a/"), c.get("/p/b/")
equal(CALLS[-2:], ["/p/a/", "/p/b/"], "cache_page in the URLconf: /p/a/ and /p/b/ cached separately")

# Fragment caching
from django.template.loader import render_to_string

a.related.add(b)
out1 = render_to_string("sidebar.html", {"product": a})
claim('<a href="/p/b/">B</a>' in out1, "the fragment renders")
c2 = Product.objects.create(name="C", slug="c")
a.related.add(c2)
equal(render_to_string("sidebar.html", {"product": a}), out1, "the fragment is served from the cache")
claim("B</a>" not in render_to_string("sidebar.html", {"product": b}), "each product gets its own copy")

# --- the answer's invalidation code, verbatim ---
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender=Product)
def drop_sidebar(sender, instance, **kwargs):
    key = make_template_fragment_key("product_sidebar", [instance.pk])
    caches["default"].delete(key)
# --- end ---

claim(caches["default"].get(make_template_fragment_key("product_sidebar", [a.pk])) is not None, "make_template_fragment_key reproduces the tag's key")
a.save()
claim("C</a>" in render_to_string("sidebar.html", {"product": a}), "deleting the key from post_save invalidates the fragment")

# template_fragments alias preferred
from django.test import override_settings

two = {**CACHES, "template_fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tf"}}
with override_settings(CACHES=two):
    from django.core.cache import caches as cs

    render_to_string("sidebar.html", {"product": b})
    claim(cs["template_fragments"].get(make_template_fragment_key("product_sidebar", [b.pk])) is not None, "the tag uses a cache named template_fragments if one exists")

key = make_template_fragment_key("product_sidebar", [1])
OLD = "template.cache.product_sidebar.3afcdbfeb6ecfbdd0ba628696e3cc163"  # 5.2's key
if since(6, 1):
    claim(key != OLD and key.startswith("template.cache.product_sidebar."), "6.1 builds different keys for fragments that vary on arguments")
else:
    equal(key, OLD, "5.2's key for product_sidebar/1")
equal(make_template_fragment_key("product_sidebar"), "template.cache.product_sidebar.d41d8cd98f00b204e9800998ecf8427e", "fragments without vary-on arguments keep their key")
