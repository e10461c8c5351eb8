"""144 get_object_or_404 and error pages: Http404 vs DoesNotExist (404 vs 500),
managers/querysets/Q accepted, MultipleObjectsReturned, get_list_or_404,
404.html with request_path, 500.html rendered without context processors, and
the answer's fixed handler500 vs a render()-based one when a context processor fails."""
from djqcheck import claim, create_tables, equal, raises, setup, since

TEMPLATES_SRC = {
    "404.html": "Not found: {{ request_path }} / {{ path }}",
    "500.html": "Server error{% if user %} for {{ user }}{% endif %}",
    "shop/book_detail.html": "{{ book.slug }}",
    "shop/book_list.html": "{{ books|length }}",
}
setup(templates=TEMPLATES_SRC)

from django.conf import settings
from django.db import models
from django.urls import path


class Book(models.Model):
    slug = models.SlugField()
    published = models.BooleanField(default=True)
    author_id = models.IntegerField(default=1)
    owner = models.CharField(max_length=20, default="ann")


# --- the answer's views, as written ---
from django.http import Http404
from django.shortcuts import get_list_or_404, get_object_or_404, render


def book_detail(request, slug):
    book = get_object_or_404(Book, slug=slug, published=True)
    return render(request, "shop/book_detail.html", {"book": book})


def author_books(request, author_id):
    # filter() as a list; Http404 if the list is empty
    books = get_list_or_404(Book, author_id=author_id)
    return render(request, "shop/book_list.html", {"books": books})


def shelf(request, name):
    if name not in {"new", "popular"}:
        raise Http404("No such shelf")
    ...


# project/errors.py
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def not_found(request, exception):
    return render(request, "404.html", {"path": request.path}, status=404)


def server_error(request):  # no exception argument
    # no request and no context: context processors can't fail here
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())
# --- end ---


def old_server_error(request):  # the version the answer used to show
    return render(request, "500.html", status=500)


def raw_get(request, slug):
    return render(request, "shop/book_detail.html", {"book": Book.objects.get(slug=slug)})


urlpatterns = [
    path("books/<slug:slug>/", book_detail),
    path("raw/<slug:slug>/", raw_get),
    path("authors/<int:author_id>/", author_books),
    path("shelf/<str:name>/", shelf),
]

create_tables()
Book.objects.create(slug="dune")
Book.objects.create(slug="draft", published=False)

from django.test import Client
import logging

logging.getLogger("django.request").disabled = True
c = Client(raise_request_exception=False)
equal(c.get("/books/dune/").content, b"dune", "get_object_or_404 returns the object")
equal(c.get("/books/draft/").status_code, 404, "no match with all lookups: Http404, a 404 response")
equal(c.get("/raw/nope/").status_code, 500, "an uncaught DoesNotExist is a 500")
equal(c.get("/authors/1/").content, b"2", "get_list_or_404 returns filter() as a list")
equal(c.get("/authors/9/").status_code, 404, "get_list_or_404: Http404 if the list is empty")
r = c.get("/shelf/old/")
equal((r.status_code, r.content), (404, b"Not found: /shelf/old/ / "), "the default 404 view renders 404.html with request_path")

from django.db.models import Q

equal(get_object_or_404(Book.objects.filter(published=True), Q(slug="dune")).slug, "dune", "accepts a queryset and Q objects as positional arguments")
equal(get_object_or_404(Book.objects, slug="dune").slug, "dune", "accepts a manager")
Book.objects.create(slug="dune")
with raises(Book.MultipleObjectsReturned, what="it still raises MultipleObjectsReturned"):
    get_object_or_404(Book, slug="dune")
from django import shortcuts

claim(hasattr(shortcuts, "aget_object_or_404") and hasattr(shortcuts, "aget_list_or_404"), "async versions exist")

equal(settings.DEBUG, False, "error pages only appear with DEBUG = False (the check runs with it)")

# The custom handlers, set in the root URLconf (this module).
handler404 = "djqcheck.models.not_found"
handler500 = "djqcheck.models.server_error"
from django.urls import clear_url_caches

clear_url_caches()
r = c.get("/nowhere/")
equal((r.status_code, r.content), (404, b"Not found:  / /nowhere/"), "handler404 points at your view, which must set status=404")
r = c.get("/raw/nope/")
equal((r.status_code, r.content), (500, b"Server error"), "handler500 renders 500.html with an empty context")

# A failing context processor breaks a render()-based 500 handler, not the fixed one.
from django.test import RequestFactory, override_settings


def broken(request):
    raise RuntimeError("context processor failed")


tpl = dict(settings.TEMPLATES[0])
tpl["OPTIONS"] = dict(tpl["OPTIONS"], context_processors=tpl["OPTIONS"]["context_processors"] + ["djqcheck.models.broken"])
with override_settings(TEMPLATES=[tpl]):
    req = RequestFactory().get("/")
    with raises(RuntimeError, "context processor failed", what="render(request, '500.html') runs every context processor, so it can fail again"):
        old_server_error(req)
    r = server_error(req)
    equal((r.status_code, r.content), (500, b"Server error"), "loader.get_template('500.html').render() runs no context processors")
    from django.views import defaults

    equal(defaults.server_error(req).content, b"Server error", "Django's own server_error renders the same way")
