"""040 values()/values_list(): the answer's examples with their shapes,
flat/named, GROUP BY via values().annotate(), entry_feed through the test
client, caveats (only() after values(), repeated/None rows, field order since
5.2), and 6.1's deprecation of values_list(flat=True) without a field."""
import datetime

from djqcheck import claim, create_tables, equal, no_warnings, queries, raises, setup, since, warns

setup()

from django.db import models


class Blog(models.Model):
    name = models.CharField(max_length=50)


class Entry(models.Model):
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE)
    headline = models.CharField(max_length=100)
    rating = models.IntegerField()
    pub_date = models.DateField()


create_tables()
b1 = Blog.objects.create(name="Beatles")
b2 = Blog.objects.create(name="Empty")
for i, (h, r) in enumerate([("First entry", 5), ("Second", 1), ("Third", 2), ("Fourth", 3), ("Fifth", 4)]):
    Entry.objects.create(blog=b1, headline=h, rating=r, pub_date=datetime.date(2025, 1, 1 + i))

# --- the answer's code, verbatim ---
from django.db.models import Count
from django.http import JsonResponse

Entry.objects.values("id", "headline")
# <QuerySet [{'id': 1, 'headline': 'First entry'}, ...]>

Entry.objects.values_list("id", "headline")
# <QuerySet [(1, 'First entry'), ...]>

ids = list(
    Entry.objects.filter(rating__gte=4).values_list("id", flat=True)
)
# [1, 5, 9]

Entry.objects.values_list("id", "headline", named=True).first()
# Row(id=1, headline='First entry')

# values() before annotate() groups the rows (GROUP BY name)
Blog.objects.values("name").annotate(entries=Count("entry"))


def entry_feed(request):
    rows = Entry.objects.order_by("-pub_date").values(
        "id", "headline"
    )[:20]
    return JsonResponse({"entries": list(rows)})
# --- end ---

from django.db.models.query import QuerySet

qs = Entry.objects.values("id", "headline")
claim(isinstance(qs, QuerySet), "values() still returns a lazy QuerySet")
equal(qs.order_by("id")[0], {"id": 1, "headline": "First entry"}, "values() yields one dict per row")
equal(Entry.objects.values_list("id", "headline").order_by("id")[0], (1, "First entry"), "values_list() yields tuples in field order")
equal(ids, [1, 5], "flat=True gives bare values")
row = Entry.objects.values_list("id", "headline", named=True).order_by("id").first()
equal((type(row).__name__, row.headline), ("Row", "First entry"), "named=True gives named tuples (Row)")
with queries(1, "only the named columns are selected") as ctx:
    list(Entry.objects.values("id", "headline"))
claim("rating" not in ctx.captured_queries[0]["sql"], "only the named columns are selected")
equal(
    sorted(Blog.objects.values("name").annotate(entries=Count("entry")).values_list("name", "entries")),
    [("Beatles", 5), ("Empty", 0)], "values() before annotate() groups by name",
)
claim("blog_id" in Entry.objects.values()[0], "with no arguments a foreign key appears as blog_id")
from django.db.models.functions import Lower

equal(Blog.objects.values(lower_name=Lower("name")).order_by("pk")[0], {"lower_name": "beatles"}, "keyword arguments go to annotate()")
equal(Blog.objects.values("name", "entry__headline").filter(name="Empty")[0], {"name": "Empty", "entry__headline": None},
      "a blog without entries comes back with None")
equal(Blog.objects.filter(name="Beatles").values("name", "entry__headline").count(), 5, "crossing a reverse FK repeats rows")
equal(Entry.objects.values_list("headline", flat=True).get(pk=1), "First entry", "the one-column-of-one-row idiom")
with raises(TypeError, "flat", what="flat=True is only allowed with a single field"):
    Entry.objects.values_list("id", "headline", flat=True)
with raises(TypeError, what="only() after values() raises TypeError"):
    Entry.objects.values("id").only("id")
with raises(TypeError, what="defer() after values() raises TypeError"):
    Entry.objects.values("id").defer("id")
import json

with raises(TypeError, what="a QuerySet is not JSON serializable"):
    json.dumps(Entry.objects.values("id"))

from django.urls import path

urlpatterns = [path("feed/", entry_feed)]
from django.test import Client

data = Client().get("/feed/").json()["entries"]
equal(data[0], {"id": 5, "headline": "Fifth"}, "entry_feed returns the newest entries as JSON")

with queries(1) as ctx:
    list(Entry.objects.values("headline", "id"))
sql = ctx.captured_queries[0]["sql"]
claim(sql.index('"headline"') < sql.index('"id"'), "since 5.2 the SELECT follows the order you name the fields")

if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, what="6.1: values_list(flat=True) without a field name is deprecated"):
        Entry.objects.values_list(flat=True)
    equal(Entry.objects.values_list("id", flat=True).in_bulk([1]), {1: 1}, "6.1: in_bulk() chains after values_list()")
    equal(Entry.objects.values("id", "headline").in_bulk([1]), {1: {"id": 1, "headline": "First entry"}},
          "6.1: in_bulk() chains after values()")
else:
    with no_warnings(DeprecationWarning, "5.2 accepts values_list(flat=True) without a field"):
        list(Entry.objects.values_list(flat=True))
    with raises(TypeError, "in_bulk", what="on 5.2 in_bulk() cannot follow values()/values_list()"):
        Entry.objects.values("id").in_bulk([1])
