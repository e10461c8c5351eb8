"""041 Meta options: the answer's TimeStamped/Article models (db_table,
ordering, get_latest_by, default_related_name, index, constraints enforced and
validated, custom permission), derived verbose names, removed index_together,
check= vs condition= by version, ordering vs GROUP BY."""
import datetime

from djqcheck import claim, create_tables, equal, raises, setup, since, warns

setup()

# --- the answer's code, verbatim ---
from django.conf import settings
from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Article(TimeStamped):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField()
    price = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta(TimeStamped.Meta):
        db_table = "articles"
        ordering = ["-created"]
        get_latest_by = "created"
        verbose_name = "article"
        verbose_name_plural = "articles"
        default_related_name = "articles"
        indexes = [
            models.Index(
                fields=["author", "created"],
                name="article_author_created_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "slug"], name="unique_author_slug"
            ),
            models.CheckConstraint(
                condition=models.Q(price__gte=0),
                name="price_not_negative",
            ),
        ]
        permissions = [("publish_article", "Can publish article")]
# --- end ---


class Category(models.Model):
    name = models.CharField(max_length=20)


create_tables()

from django.contrib.auth.models import Permission, User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

claim(not TimeStamped._meta.managed or TimeStamped._meta.abstract, "abstract = True")
claim("articles" in connection.introspection.table_names(), "db_table overrides the table name; the child gets its own table")
equal(str(Category._meta.verbose_name_plural), "categorys", "without Meta the plural just adds an s")
equal(Category._meta.db_table, "djqcheck_category", "the default table name is <app_label>_<model_name>")
claim(not Article._meta.abstract, "Django resets abstract to False for children")

u = User.objects.create_user("ann")
a1 = Article.objects.create(author=u, title="A", slug="a", price=1)
a2 = Article.objects.create(author=u, title="B", slug="b", price=2)
Article.objects.filter(pk=a1.pk).update(created=a1.created - datetime.timedelta(days=1))
equal(list(Article.objects.all()), [a2, a1], "ordering = ['-created'] sorts newest first")
equal(Article.objects.latest(), a2, "latest() uses get_latest_by")
equal(Article.objects.earliest(), a1, "earliest() too")
equal(list(u.articles.order_by("pk")), [a1, a2], "default_related_name gives user.articles")
claim(User.objects.filter(articles__slug="a").exists(), "default_related_name also sets the reverse query name")

idx = {c for c, info in connection.introspection.get_constraints(connection.cursor(), "articles").items() if info["index"]}
claim("article_author_created_idx" in idx, "the named index exists")

with raises(IntegrityError, what="UniqueConstraint is enforced by the database"):
    with transaction.atomic():
        Article.objects.create(author=u, title="dup", slug="a", price=1)
with raises(IntegrityError, what="CheckConstraint is enforced by the database"):
    with transaction.atomic():
        Article.objects.create(author=u, title="neg", slug="n", price=-1)
with raises(ValidationError, "price_not_negative", what="constraints are checked during model validation"):
    Article(author=u, title="neg", slug="n", price=-1).full_clean()

claim(Permission.objects.filter(codename="publish_article").exists(), "permissions adds a custom permission")
equal(sorted(Article._meta.default_permissions), ["add", "change", "delete", "view"], "the automatic permissions")
u = User.objects.get(pk=u.pk)
claim(not u.has_perm("djqcheck.publish_article"), "the user lacks it at first")
u.user_permissions.add(Permission.objects.get(codename="publish_article"))
u = User.objects.get(pk=u.pk)
claim(u.has_perm("djqcheck.publish_article"), "has_perm('<app_label>.publish_article') checks it")

with raises(TypeError, "index_together", what="index_together was removed in 5.1"):
    class Old(models.Model):
        class Meta:
            index_together = [["id"]]

if since(6, 0):
    with raises(TypeError, what="the check= argument is gone in 6.0"):
        models.CheckConstraint(check=models.Q(price__gte=0), name="x")
else:
    from django.utils.deprecation import RemovedInDjango60Warning

    with warns(RemovedInDjango60Warning, what="on 5.2 check= is deprecated"):
        models.CheckConstraint(check=models.Q(price__gte=0), name="x")

from djqcheck import queries
from django.db.models import Count

with queries(1) as ctx:
    list(Article.objects.values("author").annotate(n=Count("id")))
claim("ORDER BY" not in ctx.captured_queries[0]["sql"], "ordering is not applied to values().annotate() GROUP BY queries")
