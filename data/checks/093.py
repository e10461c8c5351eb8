"""093 contenttypes and generic relations: ContentType API and cache, the
answer's TaggedItem/Bookmark, GenericRelation reverse side and cascade,
limitations (no filter on content_object, dangling rows, select_related),
prefetching per content type, 6.1 fetch modes on a GenericForeignKey."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

# --- the answer's models, verbatim ---
from django.contrib.contenttypes.fields import (
    GenericForeignKey,
    GenericRelation,
)
from django.contrib.contenttypes.models import ContentType
from django.db import models


class TaggedItem(models.Model):
    tag = models.SlugField()
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]


class Bookmark(models.Model):
    url = models.URLField()
    tags = GenericRelation(TaggedItem, related_query_name="bookmark")
# --- end ---


class Note(models.Model):  # a target without GenericRelation
    text = models.CharField(max_length=20)


class Article(models.Model):
    title = models.CharField(max_length=20)


urlpatterns = []
create_tables()
article = Article.objects.create(title="a")

ct = ContentType.objects.get_for_model(article)
with queries(0, "get_for_model() results are cached"):
    same = ContentType.objects.get_for_model(Article)
claim(ct is same, "get_for_model() takes a class or an instance")
claim(ct.model_class() is Article, "model_class() returns the model")
equal(ct.get_object_for_this_type(pk=article.pk), article, "get_object_for_this_type() is a get() on that model")
equal(ContentType.objects.get_by_natural_key("djqcheck", "article"), ct, "get_by_natural_key(app_label, model)")
with queries(0, "get_for_id() uses the shared cache"):
    ContentType.objects.get_for_id(ct.pk)
from django.contrib.auth.models import Permission

claim(Permission._meta.get_field("content_type").related_model is ContentType, "Permission has a FK to ContentType")

bm = Bookmark.objects.create(url="https://djangoproject.com")
t = TaggedItem(content_object=bm, tag="django")
equal((t.content_type, t.object_id), (ContentType.objects.get_for_model(Bookmark), bm.pk), "content_object= fills both columns")
t.save()
bm.tags.create(tag="web")
other = TaggedItem.objects.create(content_object=Bookmark.objects.create(url="https://x.org"), tag="x")
equal(sorted(bm.tags.values_list("tag", flat=True)), ["django", "web"], "bookmark.tags.all() / create()")
claim(all(hasattr(bm.tags, m) for m in ("add", "create", "set", "remove", "clear")), "the reverse manager has add/create/set")
equal(list(TaggedItem.objects.filter(bookmark__url__contains="django").values_list("tag", flat=True).order_by("tag")), ["django", "web"],
      "related_query_name lets you filter from the tag side")
from django.db.models import Count

equal(Bookmark.objects.annotate(n=Count("tags")).get(pk=bm.pk).n, 2, "Count('tags') works through GenericRelation")

from django.core.exceptions import FieldError

with raises(FieldError, what="you cannot filter() on content_object"):
    TaggedItem.objects.filter(content_object=bm)
with raises(FieldError, what="select_related() cannot follow a GenericForeignKey"):
    list(TaggedItem.objects.select_related("content_object"))
from django.forms import modelform_factory

claim("content_object" not in modelform_factory(TaggedItem, fields="__all__").base_fields, "a GenericForeignKey does not appear in a ModelForm")

note = Note.objects.create(text="n")
TaggedItem.objects.create(content_object=note, tag="n")
TaggedItem.objects.create(content_object=article, tag="a")
with queries(1 + 3, "prefetch_related('content_object') runs one query per content type"):
    items = list(TaggedItem.objects.prefetch_related("content_object"))
    [i.content_object for i in items]

from django.contrib.contenttypes.prefetch import GenericPrefetch

with queries(1 + 3):
    items = list(TaggedItem.objects.prefetch_related(
        GenericPrefetch("content_object", [Bookmark.objects.all(), Note.objects.all(), Article.objects.all()])
    ))
    [i.content_object for i in items]

bm.delete()
claim(not TaggedItem.objects.filter(tag__in=["django", "web"]).exists(), "deleting a Bookmark deletes its TaggedItem rows (GenericRelation)")
note_pk = note.pk
note.delete()
left = TaggedItem.objects.get(tag="n")
claim(left.object_id == note_pk, "without GenericRelation the tag stays behind")
equal(left.content_object, None, "and content_object returns None")
import inspect

claim("on_delete" not in inspect.signature(GenericForeignKey.__init__).parameters, "GenericForeignKey has no on_delete")

if since(6, 1):
    with queries(1 + 3, "6.1 FETCH_PEERS loads a GenericForeignKey for all peers, one query per content type"):
        for item in TaggedItem.objects.fetch_mode(models.FETCH_PEERS):
            item.content_object
    from django.core.exceptions import FieldFetchBlocked

    with raises(FieldFetchBlocked, what="FETCH_RAISE blocks a lazy GenericForeignKey load"):
        TaggedItem.objects.fetch_mode(models.FETCH_RAISE).get(tag="a").content_object
