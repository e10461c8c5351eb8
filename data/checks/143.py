"""143 relationship fields and on_delete: the answer's models, reverse
accessor names, CASCADE signals, PROTECT/RESTRICT errors, SET(callable),
SET_NULL, DO_NOTHING, m2m join rows, FK index / one-to-one unique; 6.1's
DB_CASCADE (no signals, no mixing: models.E050)."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.conf import settings
from django.db import models


class Publisher(models.Model):
    name = models.CharField(max_length=50)


class Tag(models.Model):
    name = models.CharField(max_length=50)


class Customer(models.Model):
    name = models.CharField(max_length=50)


# --- the answer's models, as written ---
def unknown_publisher():
    return Publisher.objects.get_or_create(name="Unknown")[0].pk


class Author(models.Model):
    name = models.CharField(max_length=100)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(
        Author, on_delete=models.CASCADE, related_name="books"
    )
    publisher = models.ForeignKey(
        "Publisher", on_delete=models.SET(unknown_publisher)
    )
    tags = models.ManyToManyField("Tag", blank=True, related_name="books")


class Order(models.Model):
    customer = models.ForeignKey("Customer", on_delete=models.PROTECT)
    book = models.ForeignKey(Book, on_delete=models.RESTRICT)
# --- end ---


class Note(models.Model):  # default reverse names
    author = models.ForeignKey(Author, on_delete=models.DO_NOTHING)
    profile = models.OneToOneField(Customer, null=True, on_delete=models.SET_NULL)


urlpatterns = []
create_tables()
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.db.models.signals import post_delete, pre_delete

u = User.objects.create_user("ann")
ann = Author.objects.create(name="Ann", user=u)
orbit = Publisher.objects.create(name="Orbit")
b = Book.objects.create(title="AJ", author=ann, publisher=orbit)
t = Tag.objects.create(name="sf")
b.tags.add(t)
equal(u.author_profile, ann, "related_name on a one-to-one: user.author_profile")
equal(list(ann.books.all()), [b], "author.books.all()")
equal(list(t.books.all()), [b], "tag.books.all()")
claim(hasattr(Author, "note_set") and hasattr(Customer, "note"), "without related_name: note_set for a FK, the lowercased model name for a one-to-one")

# Indexes and uniqueness.
equal((Book._meta.get_field("author").db_index, Author._meta.get_field("user").unique), (True, True), "a FK is indexed; a one-to-one is unique")

# SET(callable): the publisher is replaced on delete.
orbit.delete()
b.refresh_from_db()
equal(b.publisher.name, "Unknown", "SET(callable) sets the value the callable returns")

# SET_NULL.
u.delete()
ann.refresh_from_db()
equal(ann.user, None, "SET_NULL sets the column to NULL")

# PROTECT.
c = Customer.objects.create(name="Cy")
o = Order.objects.create(customer=c, book=b)
with raises(ProtectedError, r"Cannot delete some instances of model 'Customer' because they are referenced through protected foreign keys", what="PROTECT raises ProtectedError"):
    c.delete()
claim(issubclass(ProtectedError, IntegrityError) and issubclass(RestrictedError, IntegrityError), "ProtectedError and RestrictedError subclass IntegrityError")

# RESTRICT.
with raises(RestrictedError, what="RESTRICT refuses the direct delete"):
    b.delete()


class Artist(models.Model):
    name = models.CharField(max_length=10)


class Album(models.Model):
    artist = models.ForeignKey(Artist, on_delete=models.CASCADE)


class Song(models.Model):
    artist = models.ForeignKey(Artist, on_delete=models.CASCADE)
    album = models.ForeignKey(Album, on_delete=models.RESTRICT)


from django.db import connection

with connection.schema_editor() as ed:
    for m in (Artist, Album, Song):
        ed.create_model(m)
ar = Artist.objects.create(name="a")
al = Album.objects.create(artist=ar)
Song.objects.create(artist=ar, album=al)
with raises(RestrictedError):
    al.delete()
ar.delete()
equal(Song.objects.count() + Album.objects.count(), 0, "RESTRICT allows the delete when the referring row is deleted by a cascade in the same operation")

# CASCADE sends signals per object; m2m rows go with it.
o.delete()
seen = []
pre_delete.connect(lambda sender, **kw: seen.append(sender.__name__), weak=False)
through = Book.tags.through
Note.objects.create(author=Author.objects.create(name="x"))
ann.delete()
claim("Book" in seen and "Author" in seen, "CASCADE collects rows in Python and sends pre_delete for each")
equal((Book.objects.count(), through.objects.count(), Tag.objects.count()), (0, 0, 1), "deleting one side of a m2m removes only the join rows")

# DO_NOTHING: the database's FK check raises.
with raises(IntegrityError, what="DO_NOTHING leaves it to the database, which raises IntegrityError"):
    with transaction.atomic():
        Author.objects.get(name="x").delete()

if since(6, 1):
    from django.core import checks

    class Shelf(models.Model):
        pass

    class Slot(models.Model):
        shelf = models.ForeignKey(Shelf, on_delete=models.DB_CASCADE)

    class Label(models.Model):
        shelf = models.ForeignKey(Shelf, on_delete=models.DB_CASCADE)
        slot = models.ForeignKey(Slot, on_delete=models.CASCADE)

    with connection.schema_editor() as ed:
        for m in (Shelf, Slot):
            ed.create_model(m)
    with connection.schema_editor(collect_sql=True) as ed:
        ed.create_model(Slot)
    claim("ON DELETE CASCADE" in " ".join(ed.collected_sql), "DB_CASCADE puts ON DELETE CASCADE into the SQL")
    sh = Shelf.objects.create()
    Slot.objects.create(shelf=sh)
    seen.clear()
    with queries(3, "DB_CASCADE: Django does not load the related rows first (BEGIN, one DELETE, COMMIT)") as ctx:
        sh.delete()
    equal(sum("SELECT" in q["sql"] for q in ctx.captured_queries), 0, "no SELECT of the related rows")
    equal((seen, Slot.objects.count()), (["Shelf"], 0), "no delete signals for rows the database removes")
    ids = {e.id for e in checks.run_checks() if e.obj is Label}
    claim("models.E050" in ids, "database-level and Python-level on_delete cannot be mixed (models.E050)")
else:
    claim(not hasattr(models, "DB_CASCADE"), "on 5.2 only the Python-level options exist")
