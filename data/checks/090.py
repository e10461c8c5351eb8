"""090 reversible migrations: a real "news" app with the answer's migration;
migrate forwards, back to a prefix, to zero, --plan, sqlmigrate --backwards,
and IrreversibleError for a RunPython without reverse_code; on PostgreSQL,
RemoveField under a dependent view (error since 6.0, view dropped on 5.2)."""
import io
import os
import sys
import tempfile

if os.environ.get("DJQ090_MODE") == "pg":
    # The answer's view on PostgreSQL: removing a column it uses.
    from djqcheck import claim, create_tables, raises, setup, since

    setup(database="postgresql")
    from django.db import connection, models

    class Article(models.Model):
        title = models.CharField(max_length=50)
        status = models.CharField(max_length=20)

    create_tables()
    table = Article._meta.db_table
    with connection.cursor() as cur:
        cur.execute(f"CREATE VIEW news_published AS SELECT id, title FROM {table} WHERE status = 'published'")
    views = lambda: set(connection.introspection.table_names(include_views=True))
    if since(6, 0):
        with raises(Exception, "other objects depend on it", what="6.0+: RemoveField fails while a view uses the column"):
            with connection.schema_editor() as editor:
                editor.remove_field(Article, Article._meta.get_field("title"))
        claim("news_published" in views(), "and the view is still there")
    else:
        with connection.schema_editor() as editor:
            editor.remove_field(Article, Article._meta.get_field("title"))
        claim("news_published" not in views(), "5.2: DROP COLUMN ... CASCADE silently dropped the view")
    sys.exit(0)

root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "news", "migrations"))
files = {
    "news/__init__.py": "",
    "news/migrations/__init__.py": "",
    "news/models.py": """
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=50)
    status = models.CharField(max_length=20)
""",
    "news/migrations/0011_article_status.py": """
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    operations = [
        migrations.CreateModel("Article", [
            ("id", models.BigAutoField(primary_key=True)),
            ("title", models.CharField(max_length=50)),
            ("status", models.CharField(max_length=20)),
        ]),
    ]
""",
    # The answer's migration, verbatim:
    "news/migrations/0012_publish_ready.py": '''
from django.db import migrations


def publish_ready(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    Article.objects.filter(status="ready").update(status="published")


class Migration(migrations.Migration):
    dependencies = [("news", "0011_article_status")]

    operations = [
        # Forward change is safe to keep when rolling back
        migrations.RunPython(
            publish_ready, reverse_code=migrations.RunPython.noop
        ),
        migrations.RunSQL(
            sql="CREATE VIEW news_published AS "
            "SELECT id, title FROM news_article "
            "WHERE status = 'published';",
            reverse_sql="DROP VIEW news_published;",
        ),
    ]
''',
}
for name, text in files.items():
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
sys.path.insert(0, root)

from djqcheck import claim, equal, raises, setup

setup(installed_apps=["news"])
urlpatterns = []
from django.core.management import call_command
from django.db import connection


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, verbosity=1, no_color=True)
    return out.getvalue()


def tables():
    return set(connection.introspection.table_names(include_views=True))


run("migrate", "news", "0011")
from news.models import Article

Article.objects.create(title="a", status="ready")
run("migrate", "news")
claim("news_published" in tables(), "forwards: the view is created")
equal(Article.objects.get().status, "published", "forwards: RunPython published the ready article")
claim("[X] 0012_publish_ready" in run("showmigrations", "news"), "showmigrations marks applied migrations with [X]")
plan = run("migrate", "news", "0011", "--plan")
claim("0012_publish_ready" in plan and "DROP VIEW news_published" in plan, "--plan previews the unapplying")
claim("news_published" in tables(), "--plan changes nothing")
claim("DROP VIEW news_published" in run("sqlmigrate", "news", "0012", "--backwards"), "sqlmigrate --backwards shows the reverse SQL")
run("migrate", "news", "0011")  # a unique prefix is enough
claim("news_published" not in tables(), "rolling back ran reverse_sql")
equal(Article.objects.get().status, "published", "RunPython.noop leaves the forward change in place")
claim("[X] 0011_article_status" in run("showmigrations", "news"), "the named migration stays applied")
claim(os.path.exists(os.path.join(root, "news/migrations/0012_publish_ready.py")), "unapplying does not delete the file")
run("migrate", "news", "zero")
claim("news_article" not in tables(), "migrate news zero unapplies all of the app")

# An operation without a reverse makes the whole migration irreversible.
with open(os.path.join(root, "news/migrations/0013_oneway.py"), "w") as f:
    f.write('''
from django.db import migrations


def forwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("news", "0012_publish_ready")]
    operations = [
        migrations.RunSQL("SELECT 1;", reverse_sql=migrations.RunSQL.noop),
        migrations.RunPython(forwards),
    ]
''')
run("migrate", "news")
from django.db.migrations.exceptions import IrreversibleError

with raises(IrreversibleError, "not reversible", what="migrating back over a RunPython without reverse_code raises IrreversibleError"):
    run("migrate", "news", "0012")

from django.db import migrations, models

claim(not migrations.RunSQL("SELECT 1").reversible, "RunSQL without reverse_sql is irreversible")
claim(migrations.RunSQL("SELECT 1", migrations.RunSQL.noop).reversible, "RunSQL.noop makes it reversible")
for op in (migrations.AddField("a", "b", models.IntegerField(null=True)), migrations.RenameField("a", "b", "c"),
           migrations.RemoveField("a", "b"), migrations.DeleteModel("a")):
    claim(op.reversible, f"{type(op).__name__} has a built-in inverse")

# 6.0: dropping a column no longer cascades to dependent objects such as views.
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from djqcheck import since

equal("CASCADE" in BaseDatabaseSchemaEditor.sql_delete_column, not since(6, 0), "DROP COLUMN uses CASCADE only before 6.0")
import subprocess

pg = subprocess.run([sys.executable, "-m", "djqcheck", __file__], env=dict(os.environ, DJQ090_MODE="pg"),
                    capture_output=True, text=True)
claim(pg.returncode == 0, "RemoveField and a dependent view on PostgreSQL (fails on 6.0+, view dropped on 5.2)\n" + pg.stderr[-800:])

# Transactional DDL: PostgreSQL and SQLite roll back a failed migration; MySQL and Oracle cannot.
import importlib

ddl = {b: importlib.import_module(f"django.db.backends.{b}.features").DatabaseFeatures.can_rollback_ddl
       for b in ("sqlite3", "postgresql", "mysql")}  # (oracle needs its driver to import)
equal(ddl, {"sqlite3": True, "postgresql": True, "mysql": False},
      "schema changes roll back on PostgreSQL and SQLite, not on MySQL and Oracle")
