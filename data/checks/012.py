"""012 models: the answer's Author/Book run as written (choices default,
ordering, __str__, get_absolute_url, PROTECT, reverse accessor), the
null/blank split, the implicit id type by version, CompositePrimaryKey and
6.1's database-level on_delete options."""
from djqcheck import claim, create_tables, equal, raises, setup, since

setup()

from django.db import models
from django.urls import reverse


class Author(models.Model):
    name = models.CharField(max_length=200)

    def __str__(self):
        return self.name


class Book(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField("book title", max_length=200)
    slug = models.SlugField(unique=True)
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="books"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-published"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("book-detail", kwargs={"slug": self.slug})


from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("books/<slug:slug>/", lambda r, slug: HttpResponse(slug), name="book-detail")]

if since(6, 1):
    class Shelf(models.Model):
        name = models.CharField(max_length=10)

    class Slot(models.Model):
        shelf = models.ForeignKey(Shelf, on_delete=models.DB_CASCADE)

create_tables()
import datetime

ann = Author.objects.create(name="Ann")
b1 = Book.objects.create(title="Old", slug="old", author=ann, published=datetime.date(2020, 1, 1))
b2 = Book.objects.create(title="New", slug="new", author=ann, published=datetime.date(2025, 1, 1))
equal(b1.status, "draft", "status defaults to Status.DRAFT")
equal(Book._meta.get_field("title").verbose_name, "book title", "the first positional argument is verbose_name")
equal([str(b) for b in Book.objects.all()], ["New", "Old"], "Meta.ordering = ['-published'] and __str__")
equal(b2.get_absolute_url(), "/books/new/", "get_absolute_url reverses book-detail")
equal(sorted(b.title for b in ann.books.all()), ["New", "Old"], "related_name='books' gives author.books")

from django.db.models import ProtectedError

with raises(ProtectedError, what="on_delete=PROTECT blocks deleting an author with books"):
    ann.delete()

from django.core.exceptions import ValidationError

b3 = Book(title="x", slug="x", author=ann)
b3.full_clean()  # blank=True: published may be empty in validation
with raises(ValidationError, "slug", what="blank=False fields are required by validation"):
    Book(title="y", author=ann).full_clean()
with raises(ValidationError, "status", what="choices are validated"):
    Book(title="z", slug="z", author=ann, status="gone").full_clean()

# The implicit id field.
from django.conf import global_settings

equal(global_settings.DEFAULT_AUTO_FIELD,
      "django.db.models.BigAutoField" if since(6, 0) else "django.db.models.AutoField",
      "BigAutoField became the built-in default in 6.0")
equal(type(Author._meta.pk).__name__, "BigAutoField", "with DEFAULT_AUTO_FIELD = BigAutoField, id is a BigAutoField")
equal(Author._meta.pk.name, "id", "Django adds an id primary key")
claim(hasattr(models, "CompositePrimaryKey"), "CompositePrimaryKey exists since 5.2")


class Release(models.Model):
    pk = models.CompositePrimaryKey("product", "version")
    product = models.CharField(max_length=20)
    version = models.IntegerField()


equal([f.name for f in Release._meta.pk_fields], ["product", "version"], "a multi-column primary key")
claim("db_default" in models.Field.__init__.__code__.co_varnames,
      "fields accept db_default")

for opt in ("CASCADE", "PROTECT", "SET_NULL", "SET_DEFAULT", "RESTRICT", "DO_NOTHING"):
    claim(hasattr(models, opt), "on_delete option %s exists" % opt)
for opt in ("DB_CASCADE", "DB_SET_NULL", "DB_SET_DEFAULT"):
    equal(hasattr(models, opt), since(6, 1), "database-level %s is new in 6.1" % opt)
with raises(TypeError, "on_delete", what="on_delete is required"):
    models.ForeignKey(Author)
equal(Book._meta.get_field("author").remote_field.get_accessor_name(), "books", "reverse accessor name")


class Note(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE)


claim(hasattr(ann, "note_set"), "without related_name the reverse accessor is note_set")

if since(6, 1):
    from django.db.models.signals import pre_delete

    seen = []
    pre_delete.connect(lambda sender, **kw: seen.append(sender.__name__), weak=False)
    shelf = Shelf.objects.create(name="a")
    Slot.objects.create(shelf=shelf)
    shelf.delete()
    equal(Slot.objects.count(), 0, "DB_CASCADE: the database deletes the referring rows")
    equal(seen, ["Shelf"], "no pre_delete is sent for rows removed by DB_CASCADE")
