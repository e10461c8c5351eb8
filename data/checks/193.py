"""193 CharField vs TextField: column types, form widgets, where max_length
is enforced (full_clean, forms, PostgreSQL, not SQLite), E120, the _like index."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(database="postgresql", sqlite_alias="lite")

from django.core.management import call_command

# --- the answer's model, as written ---
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200, db_index=True)
    code = models.CharField(max_length=12, unique=True)
    body = models.TextField()
    # max_length on a TextField only reaches the form
    teaser = models.TextField(max_length=300, blank=True)
# --- end ---


class Note(models.Model):
    ref = models.CharField()  # no max_length
    text = models.TextField(db_index=True)


create_tables()
call_command("migrate", database="lite", run_syncdb=True, verbosity=0)

from django.db import DataError, connection, connections, transaction

# Column types per backend.
f = Article._meta.get_field
for alias in ("default", "lite"):
    c = connections[alias]
    equal((f("title").db_type(c), f("body").db_type(c)), ("varchar(200)", "text"), "varchar(200) and text on %s" % alias)
    equal(Note._meta.get_field("ref").db_type(c), "varchar", "CharField() without max_length is a plain varchar on %s" % alias)
    claim(c.features.supports_unlimited_charfield, "PostgreSQL and SQLite support unlimited VARCHAR (%s)" % alias)
# MySQL and Oracle drivers are not installed: read their column types from the source.
import importlib.util


def base_src(backend):
    return open(importlib.util.find_spec("django.db.backends.%s.base" % backend).origin).read()


for backend, char, text in (("mysql", "varchar(%(max_length)s)", "longtext"), ("oracle", "NVARCHAR2(%(max_length)s)", "NCLOB")):
    src = base_src(backend)
    claim('"CharField": "%s"' % char in src and '"TextField": "%s"' % text in src, "%s: CharField is %s, TextField is %s" % (backend, char, text))

# E120 where unlimited VARCHAR is not supported.
connection.features.supports_unlimited_charfield = False
errs = [e.id for e in Note._meta.get_field("ref").check()]
connection.features.supports_unlimited_charfield = True
equal(errs, ["fields.E120"], "without max_length the check fields.E120 fires on backends without unlimited VARCHAR")
equal([e.id for e in Note._meta.get_field("ref").check()], [], "models.CharField() is allowed on PostgreSQL")

# Forms.
from django import forms


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "body", "teaser"]


form = ArticleForm()
w = {n: form.fields[n].widget for n in form.fields}
claim(type(w["title"]) is forms.TextInput and w["title"].attrs.get("maxlength") == "200", 'CharField: TextInput with maxlength="200"')
claim(type(w["body"]) is forms.Textarea, "TextField: Textarea")
equal(w["teaser"].attrs.get("maxlength"), "300", 'TextField max_length adds maxlength="300" to the textarea')
form = ArticleForm({"title": "t", "body": "b", "teaser": "x" * 301})
claim("teaser" in form.errors, "the generated form field checks a TextField's max_length")

# full_clean.
from django.core.exceptions import ValidationError

with raises(ValidationError) as box:
    Article(title="x" * 201, code="c", body="b").full_clean()
equal(box[0].message_dict, {"title": ["Ensure this value has at most 200 characters (it has 201)."]}, "full_clean: 'Ensure this value has at most 200 characters (it has 201).'")
Article(title="t", code="c2", body="b", teaser="x" * 1000).full_clean()  # accepted

# Database enforcement.
with raises(DataError, r"value too long for type character varying\(200\)", what="PostgreSQL: DataError value too long for type character varying(200)"):
    with transaction.atomic():
        Article.objects.create(title="x" * 201, code="c3", body="b")
a = Article.objects.create(title="t", code="c4", body="b", teaser="x" * 1000)
equal(len(Article.objects.get(pk=a.pk).teaser), 1000, "the database accepts a TextField longer than its max_length")
a = Article.objects.using("lite").create(title="x" * 500, code="c5", body="b")
equal(len(Article.objects.using("lite").get(pk=a.pk).title), 500, "SQLite does not enforce VARCHAR lengths")

# Indexes on PostgreSQL: db_index adds a *_like pattern_ops index, for text too.
with connection.cursor() as cur:
    cons = connection.introspection.get_constraints(cur, Article._meta.db_table)
    ncons = connection.introspection.get_constraints(cur, Note._meta.db_table)
like = [n for n, c in cons.items() if c["columns"] == ["title"] and c["index"] and n.endswith("_like")]
plain = [n for n, c in cons.items() if c["columns"] == ["title"] and c["index"] and not n.endswith("_like")]
claim(len(like) == 1 and len(plain) == 1, "db_index=True on a CharField: a second index ending in _like")
claim(any(n.endswith("_like") and c["columns"] == ["text"] for n, c in ncons.items()), "... and on a TextField too")

# The _like index serves prefix matches (startswith); contains ('%x%') cannot use a B-tree index.
for i in range(50):
    Article.objects.create(title="t%d" % i, code="k%d" % i, body="b")
with connection.cursor() as cur:
    cur.execute("SET enable_seqscan = off")
    cur.execute("ANALYZE %s" % Article._meta.db_table)
plan_sw = Article.objects.filter(title__startswith="t1").explain()
plan_ct = Article.objects.filter(title__contains="1").explain()
with connection.cursor() as cur:
    cur.execute("RESET enable_seqscan")
claim("Index" in plan_sw and "title" in plan_sw, "startswith can use an index: %s" % plan_sw)
claim("Seq Scan" in plan_ct and "Index" not in plan_ct, "contains cannot use the B-tree index: %s" % plan_ct)
