"""025 managers: the answer's QuerySet/Manager code runs as written; what
as_manager() copies (not _private, queryset_only or delete), from_queryset(),
default manager = first declared (and dumpdata uses it), base manager for
forward relations, reverse manager selection, instance access, abstract
managers."""
import datetime
import io
import json

from djqcheck import claim, create_tables, equal, raises, setup

setup()

from django.conf import settings
from django.db import models
from django.utils import timezone


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            status="published", pub_date__lte=timezone.now()
        )

    def by(self, user):
        return self.filter(author=user)

    def _private(self):
        return self

    def only_on_qs(self):
        return self

    only_on_qs.queryset_only = True


class PublishedManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status="published")


class Article(models.Model):
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, default="draft")
    pub_date = models.DateTimeField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE
    )

    # first declared: the default manager
    objects = ArticleQuerySet.as_manager()
    published_only = PublishedManager()  # changes the starting queryset


# A model whose default manager filters, to show what that does.
class Post(models.Model):
    status = models.CharField(max_length=20, default="draft")
    visible = PublishedManager()
    objects = models.Manager()


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted=False)


class Base(models.Model):
    deleted = models.BooleanField(default=False)
    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        abstract = True


class Page(Base):
    name = models.CharField(max_length=10)


from djqcheck import queries, since

if since(6, 1):
    class BookManager(models.Manager):
        def get_queryset(self):
            return super().get_queryset().fetch_mode(models.FETCH_PEERS)

    class Book(models.Model):
        author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
        objects = BookManager()

    class Review(models.Model):
        book = models.ForeignKey(Book, on_delete=models.CASCADE)

create_tables()
from django.contrib.auth.models import User

u, other = User.objects.create(username="u"), User.objects.create(username="o")
past = timezone.now() - datetime.timedelta(days=1)
Article.objects.create(title="a", status="published", pub_date=past, author=u)
Article.objects.create(title="b", status="published", pub_date=timezone.now() + datetime.timedelta(days=9), author=u)
Article.objects.create(title="c", status="draft", pub_date=past, author=u)
Article.objects.create(title="d", status="published", pub_date=past, author=other)

equal([a.title for a in Article.objects.published().by(u).order_by("-pub_date")], ["a"],
      "published().by(user) chains")
equal(sorted(a.title for a in Article.published_only.all()), ["a", "b", "d"],
      "PublishedManager changes the starting queryset")
for name, copied in (("published", True), ("by", True), ("_private", False), ("only_on_qs", False),
                     ("delete", False)):
    equal(hasattr(Article.objects, name), copied,
          "as_manager() %s %s" % ("copies" if copied else "does not copy", name))
claim(hasattr(Article.objects.all(), "delete"), "delete() stays on the queryset")


class DraftManager(models.Manager.from_queryset(ArticleQuerySet)):
    def create_draft(self, **kw):
        return self.create(status="draft", **kw)


claim(issubclass(models.Manager.from_queryset(ArticleQuerySet), models.Manager),
      "from_queryset() returns a Manager subclass")
m = DraftManager()
m.model = Article
claim(hasattr(m, "published") and hasattr(m, "create_draft"), "carrying the queryset's methods plus your own")

equal(Article._default_manager.name, "objects", "the first declared manager is the default")
equal(Post._default_manager.name, "visible", "even when it filters")
equal(type(Article._base_manager), models.Manager, "the base manager is a plain Manager")

draft = Post.objects.create(status="draft")
Post.objects.create(status="published")
cm = Comment.objects.create(post=draft)
equal(Comment.objects.get(pk=cm.pk).post, draft,
      "following comment.post uses the base manager and finds the hidden draft")
from django.core.management import call_command

out = io.StringIO()
call_command("dumpdata", "djqcheck.Post", stdout=out)
equal(len(json.loads(out.getvalue())), 1, "dumpdata uses the default manager: filtered rows vanish")

equal(sorted(a.title for a in u.article_set.all()), ["a", "b", "c"],
      "reverse managers start from the default manager")
equal(sorted(a.title for a in u.article_set(manager="published_only").all()), ["a", "b"],
      "article_set(manager='published_only') selects another manager")

with raises(AttributeError, "isn't accessible via", what="managers are reached through the class"):
    Article.objects.first().objects

Page.objects.create(name="x")
Page.objects.create(name="y", deleted=True)
equal([p.name for p in Page.objects.alive()], ["x"], "managers on abstract bases are inherited")
with raises(AttributeError, "abstract", what="an abstract model's manager cannot query"):
    Base.objects.all()

if since(6, 1):
    for i in range(4):
        Book.objects.create(author=User.objects.create(username=f"w{i}"))
    with queries(2, "a manager returning fetch_mode(FETCH_PEERS) makes it the model's default"):
        for b in Book.objects.all():
            b.author.username
    claim(Book.objects.first()._state.fetch_mode is models.FETCH_PEERS,
          "instances the manager returns carry FETCH_PEERS")
    Review.objects.create(book=Book.objects.first())
    followed = Review.objects.first().book
    claim(followed._state.fetch_mode is models.FETCH_ONE,
          "a Book reached through review.book comes from the base manager, with the review's mode")
