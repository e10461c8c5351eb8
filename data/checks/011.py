"""011 ORM: the answer's Entry queries run as written (laziness, LIMIT on
slicing, DoesNotExist, UPDATE on save), raw() and parameterised cursor SQL,
the built-in backends, select_for_update on SQLite, and 6.1 fetch modes."""
import datetime
import importlib.util

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.db import models


class Blog(models.Model):
    name = models.CharField(max_length=100)


class Entry(models.Model):
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE)
    headline = models.CharField(max_length=255)
    body_text = models.TextField()
    pub_date = models.DateField()
    rating = models.IntegerField(default=3)


create_tables()
b = Blog.objects.create(name="Django news")
other = Blog.objects.create(name="Cooking")
for i in range(12):
    Entry.objects.create(blog=b, headline=f"h{i}", body_text="", rating=i % 6,
                         pub_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i))
Entry.objects.create(blog=other, headline="soup", body_text="", rating=5, pub_date=datetime.date(2025, 2, 1))

with queries(0, "building the QuerySet does not run it"):
    # Builds SQL but does not run it yet: QuerySets are lazy.
    recent = (
        Entry.objects.filter(
            pub_date__year=2025, blog__name__icontains="django"
        )
        .exclude(rating__lt=3)
        .order_by("-pub_date")
    )

with queries(1, "evaluated once, with LIMIT 10") as ctx:
    for entry in recent[:10]:  # evaluated here, with LIMIT 10
        entry.headline
claim("LIMIT 10" in ctx.captured_queries[0]["sql"], "slicing adds LIMIT 10")
equal([e.headline for e in recent], ["h11", "h10", "h9", "h5", "h4", "h3"],
      "filter/exclude/order_by give the expected rows")

with raises(Entry.DoesNotExist, what="get() raises Entry.DoesNotExist if no row matches"):
    Entry.objects.get(pk=999)

with queries(1) as ctx:
    # raises Entry.DoesNotExist if no row matches
    entry = Entry.objects.get(pk=1)
with queries(1) as ctx:
    entry.rating = 5
    entry.save()  # UPDATE
claim(ctx.captured_queries[0]["sql"].startswith("UPDATE"), "save() on a fetched row runs an UPDATE")
Entry.objects.create(
    blog=entry.blog, headline="Hi", body_text="...", pub_date="2025-01-01"
)
claim(Entry.objects.filter(headline="Hi").exists(), "create() inserts a row")

with queries(1, "a step slice evaluates the QuerySet"):
    stepped = Entry.objects.all()[::2]
claim(isinstance(stepped, list), "slicing with a step returns a list")
qs = Entry.objects.all()
with queries(1, "bool() evaluates it"):
    bool(qs)

# Raw SQL with parameters.
raw = list(Entry.objects.raw("SELECT * FROM djqcheck_entry WHERE headline = %s", ["soup"]))
claim(len(raw) == 1 and isinstance(raw[0], Entry), "Manager.raw() returns model instances")
from django.db import connection

with connection.cursor() as cur:
    cur.execute("SELECT COUNT(*) FROM djqcheck_entry WHERE headline = %s", ["x' OR '1'='1"])
    equal(cur.fetchone()[0], 0, "parameters are passed as values, not formatted into SQL")

# Backends and select_for_update on SQLite.
for eng in ("postgresql", "mysql", "oracle", "sqlite3"):
    claim(importlib.util.find_spec("django.db.backends." + eng), "built-in backend %s" % eng)
claim(not connection.features.has_select_for_update, "SQLite does not support select_for_update")
from django.db import transaction

with transaction.atomic():
    list(Entry.objects.select_for_update().filter(pk=1))  # accepted, no effect

# The async API.
import asyncio


async def main():
    e = await Entry.objects.aget(pk=1)
    return e.headline, [x async for x in Entry.objects.filter(headline="soup")]


from asgiref.sync import async_to_sync

head, found = async_to_sync(main)()
equal(len(found), 1, "async for iterates a QuerySet")

# 6.1 fetch modes: FETCH_PEERS covers forward FKs, not reverse FK managers.
if since(6, 1):
    with queries(2, "FETCH_PEERS loads the blogs of all entries in one extra query"):
        for e in Entry.objects.fetch_mode(models.FETCH_PEERS):
            e.blog.name
    with queries(3, "fetch modes do not batch reverse foreign key managers"):
        for blog in Blog.objects.fetch_mode(models.FETCH_PEERS):
            list(blog.entry_set.all())
    from django.core.exceptions import FieldFetchBlocked

    with raises(FieldFetchBlocked, what="FETCH_RAISE turns a lazy load into FieldFetchBlocked"):
        for e in Entry.objects.fetch_mode(models.FETCH_RAISE):
            e.blog
else:
    with queries(1 + Entry.objects.count(), "on 5.2 each lazy load fetches for one instance"):
        for e in Entry.objects.all():
            e.blog.name

if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    from djqcheck import warns

    with warns(RemovedInDjango70Warning, what="select_related() with no arguments is deprecated in 6.1"):
        list(Entry.objects.select_related())
