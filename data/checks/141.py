"""141 soft delete: the answer's base model; delete() and queryset delete()
mark rows; objects hides, all_objects sees; forward FK still returns a
soft-deleted author; reverse manager hides; filters across relations leak;
CASCADE never fires; the conditional UniqueConstraint frees the slug."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup()

from django.db import models
from django.db.models import Q
from django.utils import timezone


# --- the answer's code, as written ---
class SoftDeleteQuerySet(models.QuerySet):
    def delete(self):
        return self.update(deleted_at=timezone.now())

    def hard_delete(self):
        return super().delete()


class SoftDeleteManager(models.Manager.from_queryset(SoftDeleteQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeleteModel(models.Model):
    deleted_at = models.DateTimeField(
        null=True, blank=True, db_index=True
    )

    objects = SoftDeleteManager()  # first manager: the default one
    all_objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, using=None, keep_parents=False):
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])

    def restore(self):
        self.deleted_at = None
        self.save(update_fields=["deleted_at"])


class Author(SoftDeleteModel):  # (the answer leaves Author out)
    name = models.CharField(max_length=50)


class Book(SoftDeleteModel):
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="books"
    )
    slug = models.SlugField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(deleted_at__isnull=True),
                name="uniq_live_book_slug",
            )
        ]
# --- end ---

create_tables()
ann = Author.objects.create(name="Ann")
b1 = Book.objects.create(author=ann, slug="dune")
b2 = Book.objects.create(author=ann, slug="emma")
b3 = Book.objects.create(author=ann, slug="ulysses")

equal(Book._default_manager.name, "objects", "the first manager is the default one")
with queries(1, "book.delete() is one UPDATE, no DELETE") as ctx:
    b1.delete()
claim(ctx.captured_queries[0]["sql"].startswith("UPDATE"), "delete() marks the row with an UPDATE")
Book.objects.filter(slug="emma").delete()
equal(list(Book.objects.values_list("slug", flat=True)), ["ulysses"], "Book.objects hides soft-deleted rows")
equal(Book.all_objects.count(), 3, "Book.all_objects sees everything")
equal(list(ann.books.values_list("slug", flat=True)), ["ulysses"], "the reverse relation author.books is built from the default manager and hides deleted books")

b1.restore()
equal(Book.objects.count(), 2, "restore() brings a row back")

ann.delete()
claim(Author.objects.count() == 0, "the author is soft-deleted")
equal(Book.objects.count(), 2, "CASCADE never fires: the author's books stay alive")
book = Book.objects.get(slug="dune")
equal(book.author.name, "Ann", "book.author still returns a soft-deleted author (base manager)")
equal(type(Author._base_manager), models.Manager, "the base manager is a plain Manager")
equal(Book.objects.filter(author__name="Ann").count(), 2, "filters across relations ignore the author's manager")
equal(Book.objects.filter(author__name="Ann", author__deleted_at__isnull=True).count(), 0, "add author__deleted_at__isnull=True yourself")

# The conditional unique constraint: a live duplicate fails, a deleted one doesn't block.
from django.db import IntegrityError, transaction

with raises(IntegrityError, what="two live books cannot share a slug"):
    with transaction.atomic():
        Book.objects.create(author=ann, slug="dune")
Book.objects.create(author=ann, slug="emma")  # emma is soft-deleted: allowed
equal(Book.all_objects.filter(slug="emma").count(), 2, "the constraint applies only among live rows")

# hard_delete() really deletes.
Book.all_objects.filter(slug="emma", deleted_at__isnull=False).hard_delete()
equal(Book.all_objects.filter(slug="emma").count(), 1, "hard_delete() issues a real DELETE")

# The admin's delete action goes through queryset.delete(): soft.
from django.contrib.admin import ModelAdmin, site

ma = ModelAdmin(Book, site)
ma.delete_queryset(None, Book.objects.filter(slug="ulysses"))
equal(Book.all_objects.filter(slug="ulysses", deleted_at__isnull=False).count(), 1, "the admin's delete action soft-deletes")

# Without partial indexes (MySQL, MariaDB, Oracle) the conditional constraint
# is not created at all, and the system check warns with models.W036.
from importlib import import_module

from django.db import connection

from importlib.util import find_spec

equal(import_module("django.db.backends.mysql.features").DatabaseFeatures.supports_partial_indexes, False, "MySQL/MariaDB have no partial indexes")
with open(find_spec("django.db.backends.oracle.features").origin) as f:  # importing it needs oracledb
    claim("supports_partial_indexes = False" in f.read(), "Oracle has no partial indexes")
connection.features.supports_partial_indexes = False
try:
    warnings = [e for e in Book.check(databases=["default"]) if e.id == "models.W036"]
    equal(len(warnings), 1, "a backend without partial indexes gets models.W036")
    claim("won't be created" in warnings[0].hint, "... and the constraint is not created")
    with connection.schema_editor(collect_sql=True) as editor:
        sql = editor._create_unique_sql(Book, fields=["slug"], name="x", condition=Q(deleted_at__isnull=True))
    equal(sql, None, "the schema editor emits no SQL for a conditional unique constraint there")
finally:
    connection.features.supports_partial_indexes = True
