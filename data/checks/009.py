"""009 makemigrations vs migrate: the autodetector compares migration state
with models (field options with no DB effect included), --check flags on both
commands, django_migrations bookkeeping, unapplying to zero, sqlmigrate,
and which backends roll DDL back."""
import io

from djqcheck import claim, create_tables, equal, raises, setup

setup()

from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
from django.db.migrations.state import ModelState, ProjectState


def state(**field_kwargs):
    s = ProjectState()
    s.add_model(ModelState("blog", "Post", [
        ("id", models.AutoField(primary_key=True)),
        ("title", models.CharField(max_length=100, **field_kwargs)),
    ]))
    return s


def ops(before, after):
    changes = MigrationAutodetector(before, after, NonInteractiveMigrationQuestioner())._detect_changes()
    return [type(op).__name__ for m in changes.get("blog", []) for op in m.operations]


equal(ops(state(), state(verbose_name="Headline")), ["AlterField"],
      "a verbose_name change (no database effect) is still recorded as AlterField")
equal(ops(state(), state(choices=[("a", "A")])), ["AlterField"], "so is a choices change")
added = ProjectState()
added.add_model(ModelState("blog", "Post", [
    ("id", models.AutoField(primary_key=True)),
    ("title", models.CharField(max_length=100)),
    ("slug", models.SlugField(default="")),
]))
equal(ops(state(), added), ["AddField"], "a new field becomes AddField")

create_tables()
out = io.StringIO()
call_command("migrate", check_unapplied=True, stdout=out)  # exits 0: nothing unapplied
from django.db.migrations.recorder import MigrationRecorder

claim(MigrationRecorder(connection).migration_qs.filter(app="sessions", name="0001_initial").exists(),
      "each applied migration is recorded in django_migrations")
call_command("migrate", stdout=io.StringIO())  # running it twice is safe

# Unapply to zero, then migrate --check fails.
call_command("migrate", "sessions", "zero", stdout=io.StringIO())
claim("django_session" not in connection.introspection.table_names(),
      "migrate sessions zero reverts all of that app's migrations")
with raises(SystemExit, what="migrate --check exits non-zero with unapplied migrations"):
    call_command("migrate", check_unapplied=True, stdout=io.StringIO())
plan = io.StringIO()
call_command("migrate", plan=True, stdout=plan)
claim("sessions.0001_initial" in plan.getvalue(), "migrate --plan lists what would run")
show = io.StringIO()
call_command("showmigrations", "sessions", stdout=show)
claim("[ ] 0001_initial" in show.getvalue(), "showmigrations marks unapplied ones with [ ]")
call_command("migrate", "sessions", stdout=io.StringIO())
show = io.StringIO()
call_command("showmigrations", "sessions", stdout=show)
claim("[X] 0001_initial" in show.getvalue(), "and applied ones with [X]")

sql = io.StringIO()
call_command("sqlmigrate", "sessions", "0001", stdout=sql)
claim('CREATE TABLE "django_session"' in sql.getvalue(), "sqlmigrate prints the SQL of one migration")


# makemigrations --check: exits non-zero when a model change has no migration,
# without writing files (implies --dry-run).
class Post(models.Model):
    title = models.CharField(max_length=100)


import os

here = os.path.dirname(os.path.abspath(__file__))
with raises(SystemExit, what="makemigrations --check exits non-zero for missing migrations"):
    call_command("makemigrations", "djqcheck", check_changes=True, stdout=io.StringIO())
claim(not os.path.exists(os.path.join(here, "djqcheck", "migrations")),
      "--check writes no migration file")
dry = io.StringIO()
call_command("makemigrations", "djqcheck", dry_run=True, verbosity=3, stdout=dry)
claim("CreateModel" in dry.getvalue() and "class Migration" in dry.getvalue(),
      "--dry-run -v 3 shows the file that would be written")

# DDL rollback: PostgreSQL and SQLite yes, MySQL no.
from django.db.backends.mysql.features import DatabaseFeatures as My
from django.db.backends.postgresql.features import DatabaseFeatures as Pg
from django.db.backends.sqlite3.features import DatabaseFeatures as Lite

equal((Pg.can_rollback_ddl, Lite.can_rollback_ddl, My.can_rollback_ddl), (True, True, False),
      "schema changes are transactional on PostgreSQL and SQLite, not on MySQL")
