"""098 async views and the async ORM: the answer's author_detail and PingView
through the test client, mixed handlers, a def returning a coroutine, the
a-prefixed API, SynchronousOnlyOperation for lazy loads, version-specific
pieces (ahas_perm 5.2, AsyncPaginator 6.0, iscoroutinefunction source)."""
import inspect

from djqcheck import claim, create_tables, equal, raises, setup, since

setup()

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=20)


class Book(models.Model):
    title = models.CharField(max_length=20)
    published = models.BooleanField(default=True)
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)


# --- the answer's views, verbatim (its import of .models dropped) ---
from django.http import HttpResponse, JsonResponse
from django.shortcuts import aget_object_or_404
from django.views import View


async def author_detail(request, pk):
    author = await aget_object_or_404(Author, pk=pk)
    titles = [b.title async for b in author.books.filter(published=True)]
    total = await author.books.acount()
    data = {"name": author.name, "titles": titles, "total": total}
    return JsonResponse(data)


class PingView(View):
    async def get(self, request):
        return HttpResponse("pong")
# --- end ---


class Mixed(View):
    async def get(self, request):
        return HttpResponse("a")

    def post(self, request):
        return HttpResponse("b")


async def lazy_fk(request, pk):
    book = await Book.objects.aget(pk=pk)
    return HttpResponse(book.author.name)


async def plain_list(request):
    return HttpResponse(str(len(list(Book.objects.all()))))


def wrapper_view(request):  # a def that returns a coroutine
    return author_detail(request, 1)


from asgiref.sync import markcoroutinefunction


def marked(request):
    return author_detail(request, 1)


markcoroutinefunction(marked)

from django.urls import path

urlpatterns = [
    path("a/<int:pk>/", author_detail),
    path("ping/", PingView.as_view()),
    path("lazy/<int:pk>/", lazy_fk),
    path("plain/", plain_list),
    path("wrapped/", wrapper_view),
    path("marked/", marked),
]
create_tables()
ann = Author.objects.create(name="Ann")
b1 = Book.objects.create(title="One", author=ann)
Book.objects.create(title="Draft", author=ann, published=False)
from django.test import Client

c = Client(raise_request_exception=True)
equal(c.get(f"/a/{ann.pk}/").json(), {"name": "Ann", "titles": ["One"], "total": 2}, "author_detail with aget_object_or_404, async for and acount()")
equal(c.get("/a/999/").status_code, 404, "aget_object_or_404 raises Http404")
equal(c.get("/ping/").content, b"pong", "a class-based view with async def handlers")
claim(PingView.view_is_async and inspect.iscoroutinefunction(PingView.as_view()), "as_view() marks async class-based views")
from django.core.exceptions import ImproperlyConfigured, SynchronousOnlyOperation

with raises(ImproperlyConfigured, "must either be all sync or all async", what="mixing sync and async handlers raises ImproperlyConfigured"):
    Mixed.as_view()
import gc
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    with raises(ValueError, "unawaited coroutine", what="a plain def returning a coroutine fails with ValueError about an unawaited coroutine"):
        c.get("/wrapped/")
    gc.collect()
equal(c.get("/marked/").status_code, 200, "markcoroutinefunction() makes Django treat it as async")
with raises(SynchronousOnlyOperation, what="reading an unloaded foreign key in an async view raises SynchronousOnlyOperation"):
    c.get(f"/lazy/{b1.pk}/")
with raises(SynchronousOnlyOperation, what="list(qs) in an async view raises SynchronousOnlyOperation"):
    c.get("/plain/")

from django.db.models import QuerySet

for name in ("aget", "acreate", "aget_or_create", "aupdate_or_create", "afirst", "alast", "acount", "aexists",
             "aaggregate", "aupdate", "adelete", "abulk_create", "aiterator"):
    claim(hasattr(QuerySet, name), f"QuerySet.{name}()")
for name in ("filter", "exclude", "order_by", "select_related", "annotate"):
    claim(not hasattr(QuerySet, "a" + name), f"{name}() has no async version")
for name in ("asave", "adelete", "arefresh_from_db"):
    claim(hasattr(models.Model, name), f"Model.{name}()")
from django import shortcuts
from django.contrib import auth
from django.contrib.auth.models import User

u = User(pk=1)
claim(all(hasattr(u.groups, m) for m in ("aadd", "aset", "aremove", "aclear")), "related managers have aadd/aset/aremove/aclear")

claim(hasattr(shortcuts, "aget_list_or_404") and hasattr(auth, "alogin") and hasattr(auth, "aauthenticate"), "aget_list_or_404, alogin, aauthenticate")
claim(hasattr(User, "ahas_perm"), "async permission methods such as ahas_perm() (5.2)")
from django.core import paginator

equal(hasattr(paginator, "AsyncPaginator"), since(6, 0), "AsyncPaginator is new in 6.0")

import django.core.handlers.base as hb

src = inspect.getsource(hb)
if since(6, 0):
    claim("from inspect import iscoroutinefunction" in src, "6.x checks with inspect.iscoroutinefunction")
else:
    claim("from asgiref.sync import async_to_sync, iscoroutinefunction" in src, "5.2 checks with asgiref.sync.iscoroutinefunction")
