"""145 redirect/reverse/{% url %}: reverse by namespaced name with kwargs,
args, query/fragment (5.2+), get_absolute_url, the url tag (and `as var`
swallowing NoReverseMatch), redirect() status codes 302/301/307/308, URLs
used as-is, NoReverseMatch for a bad name or argument."""
import sys
import types

from djqcheck import claim, create_tables, equal, raises, setup, since

setup(templates={
    "t.html": """<a href="{% url 'shop:book-list' %}">All books</a>
<a href="{% url 'shop:book-detail' slug=book.slug %}">{{ book }}</a>
<a href="{% url 'shop:book-detail' book.slug %}">same, positional</a>
<a href="{{ book.get_absolute_url }}">same, via the model</a>

{% url 'shop:book-list' as list_url %}
{% if list_url %}<a href="{{ list_url }}">Books</a>{% endif %}
{% url 'shop:nope' as missing %}[{{ missing }}]""",
})

from django.db import models
from django.http import HttpResponse
from django.urls import include, path, reverse
from django.views.generic import DetailView, ListView


class Book(models.Model):
    slug = models.SlugField(unique=True)

    def get_absolute_url(self):
        return reverse("shop:book-detail", kwargs={"slug": self.slug})

    def __str__(self):
        return self.slug


class BookListView(ListView):
    model = Book


class BookDetailView(DetailView):
    model = Book


views = types.SimpleNamespace(BookListView=BookListView, BookDetailView=BookDetailView)

# --- shop/urls.py, as written ---
app_name = "shop"  # namespace: names become "shop:book-detail"
shop_urlpatterns = [
    path("books/", views.BookListView.as_view(), name="book-list"),
    path(
        "books/<slug:slug>/",
        views.BookDetailView.as_view(),
        name="book-detail",
    ),
]
# --- end ---
shop_urls = types.ModuleType("shop_urls")
shop_urls.app_name, shop_urls.urlpatterns = app_name, shop_urlpatterns
sys.modules["shop_urls"] = shop_urls

# --- the answer's views, as written ---
from django.shortcuts import get_object_or_404, redirect


def book_moved(request, pk):
    book = get_object_or_404(Book, pk=pk)
    return redirect(book, permanent=True)    # 301 to get_absolute_url()


def after_save(request):
    return redirect("shop:book-detail", slug="dune")  # 302, by name


def to_docs(request):
    return redirect("https://docs.djangoproject.com/")  # used as-is
# --- end ---


def resend(request):
    return redirect("shop:book-list", preserve_request=True)


def relative(request):
    return redirect("../")


urlpatterns = [
    path("", include("shop_urls")),
    path("moved/<int:pk>/", book_moved),
    path("saved/", after_save),
    path("docs/", to_docs),
    path("resend/", resend),
    path("rel/", relative),
]

create_tables()
book = Book.objects.create(slug="dune")

equal(reverse("shop:book-list"), "/books/", 'reverse("shop:book-list")')
equal(reverse("shop:book-detail", kwargs={"slug": "dune"}), "/books/dune/", "reverse with kwargs")
equal(reverse("shop:book-detail", args=["dune"]), "/books/dune/", "reverse with args: same")
if since(5, 2):
    equal(reverse("shop:book-list", query={"page": 2}, fragment="results"), "/books/?page=2#results", "5.2+: query and fragment")
equal(book.get_absolute_url(), "/books/dune/", "get_absolute_url uses reverse")

from django.template.loader import render_to_string

html = render_to_string("t.html", {"book": book})
equal(html.count('href="/books/dune/"'), 3, "the url tag with keyword or positional args, and get_absolute_url, give the same URL")
claim('<a href="/books/">Books</a>' in html, "{% url ... as var %} stores the URL")
claim("[]" in html, "with `as var`, a missing URL gives an empty string instead of an error")

from django.template import Context, Template
from django.urls import NoReverseMatch

with raises(NoReverseMatch, what="the url tag without `as` raises NoReverseMatch for a missing name"):
    Template("{% url 'shop:nope' %}").render(Context())
with raises(NoReverseMatch, what="a missing namespace prefix is NoReverseMatch"):
    reverse("book-list")
with raises(NoReverseMatch, what="an argument that doesn't fit the converter is NoReverseMatch"):
    reverse("shop:book-detail", kwargs={"slug": "a b"})
with raises(ValueError, "Don't mix", what="positional and keyword arguments cannot be mixed in one tag"):
    Template("{% url 'shop:book-detail' 'x' slug='y' %}").render(Context())

from django.test import Client

c = Client()
r = c.get("/moved/%d/" % book.pk)
equal((r.status_code, r["Location"]), (301, "/books/dune/"), "redirect(obj, permanent=True): 301 to get_absolute_url()")
r = c.get("/saved/")
equal((r.status_code, r["Location"]), (302, "/books/dune/"), "redirect by name: 302")
r = c.get("/docs/")
equal(r["Location"], "https://docs.djangoproject.com/", "a full URL is used as-is")
r = c.get("/rel/")
equal(r["Location"], "../", "relative paths are sent as-is")
if since(5, 2):
    equal(c.post("/resend/").status_code, 307, "5.2+: preserve_request=True sends 307")
    equal(redirect("/x/", permanent=True, preserve_request=True).status_code, 308, "... and 308 when permanent")
if since(6, 1):
    from django.views.generic import RedirectView

    rv = RedirectView.as_view(url="/books/", preserve_request=True)
    from django.test import RequestFactory

    equal(rv(RequestFactory().post("/")).status_code, 307, "6.1: RedirectView.preserve_request")
else:
    from django.views.generic import RedirectView

    with raises(TypeError, what="5.2: RedirectView has no preserve_request attribute yet (new in 6.1)"):
        RedirectView.as_view(url="/books/", preserve_request=True)

from django.utils.http import url_has_allowed_host_and_scheme

claim(not url_has_allowed_host_and_scheme("https://evil.example/", allowed_hosts={"testserver"}), "url_has_allowed_host_and_scheme rejects a foreign host")
from django.urls import reverse_lazy

lazy = reverse_lazy("shop:book-list")
equal(str(lazy), "/books/", "reverse_lazy resolves when used")
