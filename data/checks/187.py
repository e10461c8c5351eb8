"""187 moving data SQLite -> PostgreSQL: the answer's dumpdata --database old
--natural-foreign -e contenttypes -e auth.Permission -e sessions + loaddata
on a migrated PostgreSQL database keeps every row and id, writes content
types as natural keys, resets sequences; loading content types by pk fails
when ids differ; --natural-primary renumbers users; the copy_table helper
leaves the sequence behind until sqlsequencereset; an over-long CharField
value SQLite kept fails with DataError on PostgreSQL."""
import io
import json
import os
import tempfile

from djqcheck import claim, equal, raises, setup

tmp = tempfile.mkdtemp()
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": os.environ.get("DJQ_CHECK_PG_USER", "djq"),
        "HOST": os.environ.get("DJQ_CHECK_PG_HOST", ""),
    },
    "old": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tmp, "db.sqlite3")},
}
setup(database="postgresql", installed_apps=["django.contrib.admin"], DATABASES=DATABASES)
urlpatterns = []

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)


from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DataError, IntegrityError, connections, transaction

# The old SQLite database: migrated long ago, with a stale content type that
# shifted the ids of the later ones.
call_command("migrate", database="old", verbosity=0)
ContentType.objects.db_manager("old").filter(app_label="djqcheck").delete()
ContentType.objects.db_manager("old").create(app_label="gone", model="oldthing")
ContentType.objects.clear_cache()
call_command("migrate", database="old", run_syncdb=True, verbosity=0)
for i in range(3):
    User.objects.db_manager("old").create_user(f"tmp{i}")
User.objects.using("old").filter(username__startswith="tmp").delete()
ada = User.objects.db_manager("old").create_user("ada")  # id 4 on the old database
ada.user_permissions.add(Permission.objects.using("old").get(codename="view_book"))
authors = [Author.objects.using("old").create(name=f"a{i}") for i in range(3)]
for a in authors:
    Book.objects.using("old").create(title=f"t-{a.name}", author=a)
book_ct = ContentType.objects.db_manager("old").get_for_model(Book)
LogEntry.objects.using("old").create(user=ada, content_type=book_ct, object_id="1", object_repr="t-a0", action_flag=ADDITION)

# The new PostgreSQL database.
call_command("migrate", verbosity=0)
call_command("migrate", run_syncdb=True, verbosity=0)
new_ct = ContentType.objects.get_for_model(Book)
claim(new_ct.pk != book_ct.pk, "(setup) content type ids differ between the two databases")

fixture = os.path.join(tmp, "data.json")
call_command("dumpdata", database="old", natural_foreign=True,
             exclude=["contenttypes", "auth.Permission", "sessions"], output=fixture, verbosity=0)
data = json.load(open(fixture))
dumped = {o["model"] for o in data}
claim(not dumped & {"contenttypes.contenttype", "auth.permission"}, "-e contenttypes -e auth.Permission leaves them out")
log = next(o for o in data if o["model"] == "admin.logentry")
equal(log["fields"]["content_type"], ["djqcheck", "book"], "--natural-foreign writes the content type as [app_label, model]")
user = next(o for o in data if o["model"] == "auth.user")
equal(user["fields"]["user_permissions"], [["view_book", "djqcheck", "book"]], "permissions are referenced by natural key")

call_command("loaddata", fixture, verbosity=0)
equal(Book.objects.count(), 3, "loaddata loads every row into default")
equal(User.objects.get(username="ada").pk, 4, "without --natural-primary ids survive")
equal(LogEntry.objects.get().content_type, new_ct, "the log entry points at the new database's content type")
equal(list(User.objects.get(username="ada").user_permissions.values_list("codename", flat=True)), ["view_book"], "permissions resolved by natural key")
nxt = Author.objects.create(name="new")
claim(nxt.pk > max(a.pk for a in authors), "loaddata resets the sequences: the next create() continues after the highest id")

# Without the exclusions: content types are written over by primary key and collide.
raw = os.path.join(tmp, "raw.json")
call_command("dumpdata", "contenttypes", database="old", output=raw, verbosity=0)
with raises(IntegrityError, what="loading the old content types by pk fails with IntegrityError when ids do not line up"):
    with transaction.atomic():
        call_command("loaddata", raw, verbosity=0)

# --natural-primary drops the pk of models with natural keys: users get new ids.
np = os.path.join(tmp, "np.json")
call_command("dumpdata", "auth.User", database="old", natural_foreign=True, natural_primary=True, output=np, verbosity=0)
claim("pk" not in json.load(open(np))[0], "--natural-primary leaves the primary key out")
User.objects.all().delete()
call_command("loaddata", np, verbosity=0)
claim(User.objects.get(username="ada").pk != 4, "with --natural-primary users get new ids on the target")

# copy_table, as written in the answer.
Book.objects.all().delete()
Author.objects.all().delete()

from itertools import islice


def copy_table(model, batch=2000):
    rows = model.objects.using("old").order_by("pk").iterator(chunk_size=batch)
    while chunk := list(islice(rows, batch)):
        model.objects.using("default").bulk_create(chunk)


for model in (Author, Book):  # parents before children
    copy_table(model, batch=2)
equal(sorted(Book.objects.values_list("pk", "author_id")), sorted(Book.objects.using("old").values_list("pk", "author_id")),
      "copy_table keeps the ids")
with connections["default"].cursor() as c:
    c.execute("SELECT setval(pg_get_serial_sequence('djqcheck_author', 'id'), 1, false)")  # a fresh sequence, as after COPY
with raises(IntegrityError, "duplicate key value violates unique constraint", "explicit ids do not advance the sequence: the next create() fails"):
    with transaction.atomic():
        Author.objects.create(name="x")
sql = call_command("sqlsequencereset", "djqcheck", "auth", no_color=True)
claim("setval(pg_get_serial_sequence('\"djqcheck_author\"','id')" in sql, "sqlsequencereset prints setval(...) SQL for each table")
claim(Author.objects.count() == 3, "sqlsequencereset itself changed nothing (it only prints)")
with raises(IntegrityError, what="still failing until the SQL is run"):
    with transaction.atomic():
        Author.objects.create(name="x")
with connections["default"].cursor() as c:
    c.execute(sql)
claim(Author.objects.create(name="x").pk == max(a.pk for a in authors) + 1, "after running the SQL the next id follows the maximum")

# SQLite keeps an over-long value; PostgreSQL refuses it.
with connections["old"].cursor() as c:
    c.execute("INSERT INTO djqcheck_author (name) VALUES (%s)", ["x" * 300])
claim(len(Author.objects.using("old").latest("pk").name) == 300, "SQLite stores 300 characters in a max_length=100 column")
with raises(DataError, "value too long for type character varying\\(100\\)", "PostgreSQL raises DataError: value too long"):
    with transaction.atomic():
        Author.objects.create(name="x" * 300)
