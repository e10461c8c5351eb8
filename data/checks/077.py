"""077 cached_property: the answer's Author.published_books (one query however
often the view and template read it), reset with del, AttributeError before
first access, refresh_from_db() not clearing it, functools.cached_property
with __slots__, no name argument, an async def caching a coroutine, and
(6.1) FETCH_PEERS not covering a reverse-FK manager."""
import asyncio
import functools

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup(templates={"author.html": (
    "{% if author.published_books %}\n"
    "  {% for book in author.published_books %}{{ book.title }}{% endfor %}\n"
    "{% endif %}"
)})

# --- the answer's model, verbatim ---
from django.db import models
from django.utils.functional import cached_property


class Author(models.Model):
    name = models.CharField(max_length=100)

    @cached_property
    def published_books(self):
        # One query, however many times the view and template read it
        return list(self.books.filter(published=True).order_by("-year"))
# --- end ---


class Book(models.Model):
    title = models.CharField(max_length=20)
    published = models.BooleanField(default=True)
    year = models.IntegerField(default=2000)
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)


class Plain(Author):
    class Meta:
        proxy = True

    def published_books_method(self):
        return list(self.books.filter(published=True).order_by("-year"))


create_tables()
ada = Author.objects.create(name="Ada")
Book.objects.create(title="B1", author=ada, year=1843)
Book.objects.create(title="B2", author=ada, year=1850)

from django.template.loader import render_to_string

author = Author.objects.get(pk=ada.pk)
with queries(1, "one query however many times the view and template read it"):
    author.published_books
    out = render_to_string("author.html", {"author": author})
claim("B2B1" in out, "the template reads the attribute (no call parentheses)")
claim("published_books" in author.__dict__, "the result is stored in the instance __dict__")

# --- reset, verbatim ---
with queries(2):
    author = Author.objects.get(pk=ada.pk)
    author.published_books          # runs the query
with queries(0):
    author.published_books          # read from author.__dict__
del author.published_books      # forget it; next access recomputes
with queries(1, "after del, the next access recomputes"):
    author.published_books
author.published_books = []     # or set a value by hand
# --- end ---
equal(author.published_books, [], "a value can be set by hand")

fresh = Author.objects.get(pk=ada.pk)
with raises(AttributeError, what="deleting before the first access raises AttributeError"):
    del fresh.published_books
fresh.published_books
Book.objects.create(title="B3", author=ada, year=1900)
fresh.refresh_from_db()
equal(len(fresh.published_books), 2, "refresh_from_db() does not clear cached properties")

# A cached queryset keeps its own result cache once evaluated, but other calls still query.
class QAuthor(Author):
    class Meta:
        proxy = True

    @cached_property
    def published_qs(self):
        return self.books.filter(published=True)


qa = QAuthor.objects.get(pk=ada.pk)
with queries(1, "a cached queryset, once iterated, reuses its result cache"):
    list(qa.published_qs), list(qa.published_qs)
with queries(2, "but each derived queryset (.filter(), .order_by()) queries again"):
    qa.published_qs.filter(year__gt=1845).count(), list(qa.published_qs.order_by("year"))

# Without the decorator: a query per call
p = Plain.objects.get(pk=ada.pk)
with queries(3, "a plain method called three times runs its query three times"):
    p.published_books_method(), p.published_books_method(), p.published_books_method()

# Wrapping an existing method
def get_books(self):
    return list(self.books.all())


class W(Author):
    class Meta:
        proxy = True

    books_cached = cached_property(get_books)


w = W.objects.get(pk=ada.pk)
with queries(1):
    w.books_cached, w.books_cached
with queries(1, "the wrapped method stays available for a fresh computation"):
    get_books(w)

with raises(TypeError, what="the name argument was removed in Django 5.0"):
    cached_property(get_books, name="x")


# functools.cached_property needs a writable __dict__
class Slotted:
    __slots__ = ("x",)

    @functools.cached_property
    def value(self):
        return 1


with raises(TypeError, "__dict__", what="functools.cached_property raises TypeError without an instance __dict__"):
    Slotted().value


class Remote:
    @cached_property
    async def data(self):
        return 42


r = Remote()
equal(asyncio.run(r.data), 42, "first await works")
with raises(RuntimeError, "cannot reuse already awaited coroutine", what="on async def it caches a coroutine that can be awaited only once"):
    asyncio.run(r.data)

if since(6, 1):
    Author.objects.create(name="Bob")
    with queries(3, "FETCH_PEERS does not batch reverse-FK managers such as self.books"):
        for a in Author.objects.fetch_mode(models.FETCH_PEERS):
            a.published_books

from django.db.models import Prefetch

with queries(2, "prefetch_related(Prefetch(..., to_attr=...)) loads a filtered list for every author in one extra query"):
    for a in Author.objects.prefetch_related(Prefetch("books", queryset=Book.objects.filter(published=True).order_by("-year"), to_attr="pub")):
        a.pub
