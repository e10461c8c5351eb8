"""083 only()/defer(): which fields are deferred, the extra query per field
per instance, partial saves, the select_related error, async, and 6.1 fetch
modes on deferred fields."""
import asyncio

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=50)


class Article(models.Model):
    title = models.CharField(max_length=50)
    slug = models.SlugField()
    body = models.TextField()
    metadata = models.JSONField(default=dict)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    updated = models.DateTimeField(auto_now=True)


create_tables()
au = Author.objects.create(name="ann")
for i in range(4):
    Article.objects.create(title=f"t{i}", slug=f"s{i}", body="x" * 100, author=au)


def deferred(qs):
    return qs.first().get_deferred_fields()


ALL = {"title", "slug", "body", "metadata", "author_id", "updated"}
equal(deferred(Article.objects.defer("body", "metadata")), {"body", "metadata"}, "defer() leaves out these two")
equal(deferred(Article.objects.only("title", "slug")), ALL - {"title", "slug"}, "only() loads just these (and the pk)")
equal(deferred(Article.objects.defer("body").defer("metadata")), {"body", "metadata"}, "defer() calls add up")
equal(deferred(Article.objects.only("body", "title").only("title")), ALL - {"title"}, "only() replaces the previous only()")
equal(deferred(Article.objects.only("title", "body").defer("body")), ALL - {"title"}, "only().defer(): only title is loaded")
equal(deferred(Article.objects.defer("body").defer(None)), set(), "defer(None) clears all deferrals")
equal(deferred(Article.objects.only("pk")), ALL, "the primary key is never deferred")
a = Article.objects.select_related("author").only("title", "author__name").first()
with queries(0, "only() across a select_related() join loads author.name"):
    a.author.name

from django.core.exceptions import FieldError

with raises(FieldError, "deferred and traversed", what="deferring the FK a select_related() join follows is an error"):
    list(Article.objects.select_related("author").only("title"))
from django.db.models import Count

with raises(Exception, what="annotated values cannot be deferred"):
    list(Author.objects.annotate(n=Count("article")).defer("n"))

# Pitfall 1: one query per field, per object.
with queries(1 + 4, "only('title') then reading author_id: one extra query per article"):
    for article in Article.objects.only("title"):
        print(article.title, article.author_id)  # one extra query per article
art = Article.objects.only("title").first()
with queries(2, "one query per deferred field, not all at once"):
    art.body, art.slug


lazy = Article.objects.only("title").first()


async def touch():  # (in-memory SQLite: the row is loaded outside the loop)
    return lazy.body


from django.core.exceptions import SynchronousOnlyOperation

with raises(SynchronousOnlyOperation, what="in async code a deferred field raises SynchronousOnlyOperation"):
    asyncio.run(touch())

# Pitfall 2: partial saves.
from django.db.models.signals import post_save

seen = []
post_save.connect(lambda sender, update_fields, **kw: seen.append(update_fields), sender=Article, weak=False)
art = Article.objects.only("title").get(pk=1)
before = Article.objects.get(pk=1).updated
art.title = "new"
with queries(1) as ctx:
    art.save()
equal(set(seen[-1]), {"title"}, "save() after only() behaves like save(update_fields=<loaded fields>)")
claim('"body"' not in ctx.captured_queries[0]["sql"], "deferred fields are not written")
equal(Article.objects.get(pk=1).updated, before, "a deferred auto_now field is not updated")

# 6.1 fetch modes also cover deferred fields.
if since(6, 1):
    with queries(2, "FETCH_PEERS: a deferred field is loaded for all peers in one query"):
        for article in Article.objects.only("title").fetch_mode(models.FETCH_PEERS):
            article.body
    from django.core.exceptions import FieldFetchBlocked

    with raises(FieldFetchBlocked, what="FETCH_RAISE blocks loading a deferred field"):
        Article.objects.only("title").fetch_mode(models.FETCH_RAISE).first().body
    calls = []
    orig_refresh = Article.refresh_from_db

    def spy(self, *a, **kw):
        calls.append(kw.get("fields"))
        return orig_refresh(self, *a, **kw)

    Article.refresh_from_db = spy
    for article in Article.objects.only("title").fetch_mode(models.FETCH_PEERS):
        article.body
    equal(calls, [], "the FETCH_PEERS batch load goes around refresh_from_db()")
    Article.objects.only("title").first().body
    equal(calls, [["body"]], "the default FETCH_ONE load calls refresh_from_db(fields=[...])")
    Article.refresh_from_db = orig_refresh

# Both versions: a deferred access calls refresh_from_db(fields=[the field]).
seen_fields = []
_orig = Article.refresh_from_db


def _spy(self, *a, **kw):
    seen_fields.append(kw.get("fields"))
    return _orig(self, *a, **kw)


Article.refresh_from_db = _spy
Article.objects.only("title").first().slug
equal(seen_fields, [["slug"]], "reading a deferred attribute calls refresh_from_db(fields=[...]) for that instance")
Article.refresh_from_db = _orig
