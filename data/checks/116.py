"""116 custom model field: the answer's TagListField and form field as
written: a text column, lists in and out (also via values_list), lookups
through get_prep_value (and the contains pitfall), the separator check,
deconstruct() only returning a non-default separator, migration
serialization by import path, ModelForm widget value and cleaning, and
dumpdata via value_to_string, and pre_save() running more than once per save
since 6.0."""
from djqcheck import claim, create_tables, equal, raises, setup

setup()
urlpatterns = []

from django import forms
from django.db import models


class TagListFormField(forms.CharField):
    def prepare_value(self, value):  # list -> "a, b" in the widget
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):      # "a, b" -> ["a", "b"]
        value = super().to_python(value)
        return [t.strip() for t in value.split(",") if t.strip()]


class TagListField(models.Field):
    description = "List of tags"

    def __init__(self, *args, separator=",", **kwargs):
        self.separator = separator
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.separator != ",":
            kwargs["separator"] = self.separator
        return name, path, args, kwargs

    def get_internal_type(self):
        return "TextField"  # reuse TextField's column on every backend

    def from_db_value(self, value, expression, connection):
        return None if value is None else self._split(value)

    def to_python(self, value):
        if value is None or isinstance(value, list):
            return value
        return self._split(value)

    def get_prep_value(self, value):
        value = self.to_python(super().get_prep_value(value))
        if value is None:
            return None
        if any(self.separator in tag for tag in value):
            raise ValueError(f"a tag may not contain {self.separator!r}")
        return self.separator.join(value)

    def value_to_string(self, obj):  # used by serializers (dumpdata)
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        defaults = {"form_class": TagListFormField, **kwargs}
        return super().formfield(**defaults)

    def _split(self, value):
        return [t for t in value.split(self.separator) if t]


class Article(models.Model):
    title = models.CharField(max_length=100)
    tags = TagListField(blank=True, default=list)
    keywords = TagListField(separator="|", null=True, blank=True)


create_tables()
a = Article.objects.create(title="x", tags=["django", "orm"])
from django.db import connection

with connection.cursor() as cur:
    cur.execute("SELECT tags FROM djqcheck_article WHERE id = %s", [a.pk])
    equal(cur.fetchone()[0], "django,orm", "the list is stored as django,orm")
    desc = {d.name: d for d in connection.introspection.get_table_description(cur, "djqcheck_article")}
equal(desc["tags"].type_code.lower(), "text", "in a text column (TextField's type)")
equal(Article.objects.get(pk=a.pk).tags, ["django", "orm"], "it comes back as a list")
equal(list(Article.objects.values_list("tags", flat=True)), [["django", "orm"]], "from_db_value also runs for values_list()")
equal(Article.objects.filter(tags=["django", "orm"]).count(), 1, "filter(tags=[...]) works through get_prep_value")
equal(Article.objects.filter(tags__contains="orm").count(), 1, "tags__contains='orm' works")
Article.objects.create(title="y", tags=["normal"])
equal(Article.objects.filter(tags__contains="orm").count(), 2, "and also matches 'normal': the storage format limits queries")

k = Article.objects.create(title="z", keywords=["a", "b"])
with connection.cursor() as cur:
    cur.execute("SELECT keywords FROM djqcheck_article WHERE id = %s", [k.pk])
    equal(cur.fetchone()[0], "a|b", "the custom separator is used")
equal(Article.objects.get(pk=k.pk).keywords, ["a", "b"], "and read back")
with raises(ValueError, "may not contain", "a tag containing the separator is refused"):
    Article.objects.create(title="bad", tags=["a,b"])
equal(Article.objects.get(pk=a.pk).keywords, None, "null stays None")

claim(not hasattr(models.Field, "from_db_value"), "from_db_value() is not defined on Field")

name, path, args, kwargs = Article._meta.get_field("keywords").deconstruct()
equal(kwargs.get("separator"), "|", "deconstruct() returns the custom separator")
equal(path, "djqcheck.models.TagListField", "the field is recorded by its import path")
name, path, args, kwargs = Article._meta.get_field("tags").deconstruct()
claim("separator" not in kwargs, "and may omit the default")
from django.db.migrations.writer import MigrationWriter

src, imports = MigrationWriter.serialize(Article._meta.get_field("keywords"))
equal(src, "djqcheck.models.TagListField(blank=True, null=True, separator='|')", "migrations store the path and arguments")

from django import forms


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "tags"]


f = ArticleForm(instance=Article.objects.get(pk=a.pk))
claim(isinstance(f.fields["tags"], TagListFormField), "formfield() picks TagListFormField")
claim('value="django, orm"' in str(f["tags"]), "a ModelForm shows 'django, orm' in a text input")
f = ArticleForm({"title": "t", "tags": "web, api ,"})
claim(f.is_valid(), "the form validates")
equal(f.cleaned_data["tags"], ["web", "api"], "'a, b' is cleaned to a list")
equal(f.save().tags, ["web", "api"], "and saved")

from io import StringIO

from django.core.management import call_command

out = StringIO()
call_command("dumpdata", "djqcheck.article", stdout=out)
claim('"tags": "django,orm"' in out.getvalue(), "value_to_string() serializes for dumpdata")

# pre_save() may run more than once per save since 6.0.
from djqcheck import since

calls = []


class CountingField(models.CharField):
    def pre_save(self, model_instance, add):
        calls.append(add)
        return super().pre_save(model_instance, add)


class Note(models.Model):
    text = CountingField(max_length=10, default="")


create_tables()
Note.objects.create(text="a")
if since(6, 0):
    claim(len(calls) > 1, "since 6.0 pre_save() may run more than once for one save (got %d)" % len(calls))
else:
    equal(len(calls), 1, "on 5.2 pre_save() runs once per insert")
