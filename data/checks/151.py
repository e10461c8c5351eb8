"""151 slugs: SlugField defaults, the answer's slugify() outputs, the
Article.save() suffixing (hello-world, -2, -3), the fallback for an empty
slug, the <slug:> converter pattern, DetailView lookup by slug, Unicode
slugs, and the admin's prepopulated_fields passing its checks."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["django.contrib.admin"], templates={"djqcheck/article_detail.html": "{{ object.title }}"})

from django.db import models
from django.urls import reverse
from django.utils.text import slugify


# --- the answer's model, as written ---
class Article(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True)

    def save(self, *args, **kwargs):
        if not self.slug:  # only on first save: keep URLs stable
            base = slugify(self.title)[:190] or "article"
            slug, n = base, 2
            others = Article.objects.exclude(pk=self.pk)
            while others.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"slug": self.slug})
# --- end ---

from django.contrib import admin
from django.urls import path
from django.views.generic import DetailView


class ArticleDetailView(DetailView):
    model = Article


urlpatterns = [
    path("articles/<slug:slug>/", ArticleDetailView.as_view(),
         name="article-detail"),
]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    prepopulated_fields = {"slug": ["title"]}


create_tables()

f = models.SlugField()
equal((f.max_length, f.db_index), (50, True), "SlugField: max_length 50 and indexed by default")
claim(issubclass(models.SlugField, models.CharField), "SlugField is a CharField")

equal(slugify("Hello, World!  Django 6.1"), "hello-world-django-61", "slugify example 1")
equal(slugify("Crème brûlée"), "creme-brulee", "accents become ASCII")
equal(slugify("Straße 東京"), "strae", "other characters are dropped")
equal(slugify("Straße 東京", allow_unicode=True), "straße-東京", "allow_unicode keeps them")
equal(slugify("!!!"), "", "an empty result is possible")

slugs = [Article.objects.create(title="Hello World").slug for _ in range(3)]
equal(slugs, ["hello-world", "hello-world-2", "hello-world-3"], "three 'Hello World' articles")
equal(Article.objects.create(title="!!!").slug, "article", "the fallback for an empty slug")
a = Article.objects.get(slug="hello-world")
a.title = "Changed"
a.save()
equal(a.slug, "hello-world", "the slug is kept when the title changes")
equal(len(Article.objects.create(title="x " * 150).slug), 190, "truncated before adding a suffix")

from django.test import Client

c = Client()
equal(c.get(a.get_absolute_url()).content, b"Changed", "DetailView looks up slug in the slug field")

from django.urls.converters import SlugConverter

equal(SlugConverter.regex, "[-a-zA-Z0-9_]+", "the slug converter matches only [-a-zA-Z0-9_]+")
Article.objects.create(title="東京", slug="東京")
equal(c.get("/articles/東京/").status_code, 404, "Unicode slugs don't match <slug:slug>")

from django.core.exceptions import ValidationError

with raises(ValidationError):
    models.SlugField().clean("東京", None)
equal(models.SlugField(allow_unicode=True).clean("東京", None), "東京", "SlugField(allow_unicode=True) accepts non-Latin letters")

from django.core import checks

errors = [e for e in checks.run_checks() if e.obj is ArticleAdmin]
equal(errors, [], "prepopulated_fields = {'slug': ['title']} passes the admin checks")

from django.db import IntegrityError, transaction

with raises(IntegrityError, what="unique=True is the real guarantee"):
    with transaction.atomic():
        Article(title="t", slug="hello-world").save()

from djqcheck import since
from django.urls import register_converter


class UnicodeSlug:
    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


if since(6, 0):
    with raises(ValueError, "already registered", what="6.0+: register_converter() refuses to replace 'slug'"):
        register_converter(UnicodeSlug, "slug")
else:
    from djqcheck import warns
    from django.utils.deprecation import RemovedInDjango60Warning

    with warns(RemovedInDjango60Warning, what="5.2: replacing 'slug' still works but is deprecated"):
        register_converter(UnicodeSlug, "slug")
    from django.urls.converters import get_converters

    claim(isinstance(get_converters()["slug"], UnicodeSlug), "5.2: the existing converter is replaced")
register_converter(UnicodeSlug, "uslug")  # a new name works everywhere
