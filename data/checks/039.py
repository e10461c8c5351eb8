"""039 lazy QuerySets: the answer's Entry example with exact query counts,
each evaluation trigger, methods that run their own query, what answers from
the cache, slicing/indexing/repr/iterator caveats, and 6.1 fetch modes on
lazy related loads."""
import datetime
import pickle

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=50)


class Entry(models.Model):
    headline = models.CharField(max_length=100)
    pub_date = models.DateField()
    author = models.ForeignKey(Author, null=True, on_delete=models.CASCADE)


create_tables()
au = Author.objects.create(name="a")
for i in range(30):
    Entry.objects.create(headline=f"h{i}", pub_date=datetime.date(2025, 1 + i % 12, 1), author=au)

import contextlib
import io

with contextlib.redirect_stdout(io.StringIO()):
    with queries(0, "building and slicing the QuerySet runs no query"):
        entries = Entry.objects.filter(pub_date__year=2025)  # no query yet
        entries = entries.order_by("-pub_date")              # still no query
        latest = entries[:5]          # a new QuerySet with LIMIT 5, not run yet
    with queries(1, "the SELECT runs on iteration; the list comprehension and count() reuse the cache"):
        for entry in entries:         # the SELECT runs here; rows are cached
            print(entry.headline)
        dates = [e.pub_date for e in entries]  # reuses the cache
        total = entries.count()                # cached length, no COUNT(*)
    equal(total, 30, "count() answers from the cache")
    with queries(2, "Entry.objects.all()[0] queries every time"):
        Entry.objects.all()[0]   # one query with LIMIT 1
        Entry.objects.all()[0]   # another query
with queries(1, "the slice runs with LIMIT") as ctx:
    equal(len(list(latest)), 5, "latest has 5 rows")
claim("LIMIT 5" in ctx.captured_queries[0]["sql"], "slicing becomes LIMIT in SQL")

qs = Entry.objects.all()
for trigger, fn in [
    ("list()", list), ("len()", len), ("bool()", bool),
    ("step slicing", lambda q: q[::2]), ("pickling", pickle.dumps),
]:
    with queries(1, trigger + " evaluates the QuerySet"):
        fn(Entry.objects.all())
claim(isinstance(Entry.objects.all()[::2], list), "step slicing returns a list")
with queries(1, "repr() runs a query"):
    repr(qs)
claim(qs._result_cache is None, "repr() does not fill the cache")
with queries(1, "repr() only fetches a limited slice") as ctx:
    repr(Entry.objects.all())
claim("LIMIT 21" in ctx.captured_queries[0]["sql"], "repr() only fetches a limited slice")

for name, fn in [("get()", lambda q: q.get(pk=1)), ("first()", lambda q: q.first()), ("count()", lambda q: q.count()),
                 ("exists()", lambda q: q.exists()), ("aggregate()", lambda q: q.aggregate(models.Count("id")))]:
    with queries(1, name + " runs its own query"):
        fn(Entry.objects.all())

ev = Entry.objects.order_by("pk")
list(ev)
with queries(0, "after evaluation count(), exists() and (ordered) first() use the cache"):
    ev.count(), ev.exists(), ev.first()
unordered = Entry.objects.all()
list(unordered)
with queries(1, "first() on an unordered evaluated QuerySet queries again"):
    unordered.first()
with queries(1, ".all() on an evaluated QuerySet gives an uncached copy"):
    list(ev.all())

with raises(TypeError, "slice", what="after slicing you can no longer filter"):
    latest.filter(headline="x")
with raises(IndexError, what="indexing raises IndexError when there is no row"):
    Entry.objects.filter(headline="nope")[0]
with raises(ValueError, "Negative", what="negative indexes are not supported"):
    Entry.objects.all()[-1]
s = Entry.objects.all()
with queries(2, "indexing an unevaluated QuerySet does not fill its cache"):
    s[5], s[5]
it = Entry.objects.all()
with queries(1, "iterator() streams"):
    list(it.iterator())
claim(it._result_cache is None, "iterator() does not cache")

# lazy related loads: N+1, and 6.1 fetch modes
with queries(1 + 30, "touching a related object in a loop is N+1"):
    for e in Entry.objects.all():
        e.author.name
if since(6, 1):
    with queries(2, "6.1 FETCH_PEERS loads the related objects in one batch"):
        for e in Entry.objects.fetch_mode(models.FETCH_PEERS):
            e.author.name
    from django.core.exceptions import FieldFetchBlocked

    with raises(FieldFetchBlocked, what="6.1 FETCH_RAISE turns the lazy access into FieldFetchBlocked"):
        for e in Entry.objects.fetch_mode(models.FETCH_RAISE):
            e.author.name
    with queries(1 + 1, "fetch modes do not change reverse managers"):
        for a in Author.objects.fetch_mode(models.FETCH_PEERS):
            list(a.entry_set.all())
