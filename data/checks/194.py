"""194 auto_now / auto_now_add: which writes bump the timestamp (save,
update_fields, update(), bulk_update, bulk_create, deferred fields), that
auto_now_add ignores a passed value, default=timezone.now can be overridden,
editable=False/blank=True, the ModelForm FieldError, E160, and patching now."""
import contextlib
import io
from datetime import timedelta
from unittest import mock

from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["django.contrib.admin"])

# --- the answer's model, as written ---
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
# --- end ---


from django.utils import timezone as djtz


class Post(models.Model):
    created = models.DateTimeField(default=djtz.now)


create_tables()


def fresh(obj):
    return Article.objects.get(pk=obj.pk).updated


def stamp(a):
    """Put updated far in the past, without save()."""
    past = djtz.now() - timedelta(days=10)
    Article.objects.filter(pk=a.pk).update(updated=past)
    a.updated = past
    return past


# --- the answer's stale-timestamp block, as written (with markers between steps) ---
article = Article.objects.create(title="Draft")
created0 = article.created
equal(created0.tzinfo, djtz.now().tzinfo, "with USE_TZ the values are aware UTC datetimes")
past = stamp(article)

# 1. save() updates it
article.title = "Final"
article.save()  # updated changes
claim(fresh(article) > past, "save() updates auto_now")
past = stamp(article)

# 2. update_fields without it: the UPDATE only writes title
article.title = "Final v2"
article.save(update_fields=["title"])  # updated unchanged
equal(fresh(article), past, "save(update_fields=['title']) leaves auto_now stale")
article.save(update_fields=["title", "updated"])  # updated changes
claim(fresh(article) > past, "listing it in update_fields updates it")
past = stamp(article)

# 3. QuerySet.update() never calls save()
from django.utils import timezone

Article.objects.filter(pk=article.pk).update(title="Bulk")  # unchanged
equal(fresh(article), past, "QuerySet.update() leaves auto_now stale")
Article.objects.filter(pk=article.pk).update(
    title="Bulk", updated=timezone.now()
)  # set it yourself
claim(fresh(article) > past, "passing updated to update() sets it")
# --- end ---

equal(Article.objects.get(pk=article.pk).created, created0, "auto_now_add does not change on later saves")

past = stamp(article)
article.title = "bu"
Article.objects.bulk_update([article], ["title"])
equal(fresh(article), past, "bulk_update() does not call pre_save")
Article.objects.bulk_update([article], ["title", "updated"])
equal(fresh(article), past, "bulk_update() writes the attribute value you already have")

past = stamp(article)
a2 = Article.objects.only("title").get(pk=article.pk)
a2.title = "deferred"
a2.save()
equal(fresh(article), past, "save() on an object loaded with only() without the timestamp leaves it stale")

objs = Article.objects.bulk_create([Article(title="b1")])
claim(objs[0].created is not None and objs[0].updated is not None, "bulk_create() fills both fields")

# auto_now_add ignores a passed value.
from datetime import datetime, timezone as dt_tz

old = datetime(2020, 1, 1, tzinfo=dt_tz.utc)
claim(Article.objects.create(title="Import", created=old).created > old, "auto_now_add ignores a value passed to create()")
# default=timezone.now can be overridden and is set when the instance is built.
equal(Post.objects.create(created=old).created, old, "default=timezone.now can be overridden")
claim(Post().created is not None, "default=timezone.now fills the time when the instance is built")
claim(Post._meta.get_field("created").editable, "a default keeps the field editable")

# Assigning before save is overwritten.
article.updated = old
article.save()
claim(fresh(article) > old, "auto_now overwrites a value you assign before save()")

# editable / blank.
for name in ("created", "updated"):
    f = Article._meta.get_field(name)
    equal((f.editable, f.blank), (False, True), "%s: editable=False and blank=True" % name)

from django import forms
from django.core.exceptions import FieldError

with raises(FieldError, r"'updated' cannot be specified for Article model form as it is a non-editable field", what="naming it in ModelForm fields raises FieldError"):

    class ArticleForm(forms.ModelForm):
        class Meta:
            model = Article
            fields = ["title", "updated"]


class AllForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"


equal(list(AllForm().fields), ["title"], "model forms leave non-editable fields out")

# The answer's admin, with readonly_fields, passes the admin checks and shows the values.
from django.contrib import admin


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    readonly_fields = ["created", "updated"]


equal(admin.site._registry[Article].check(), [], "readonly_fields with the timestamps is valid")


# E160.
class Both(models.Model):
    stamp = models.DateTimeField(auto_now=True, default=djtz.now)


equal([e.id for e in Both._meta.get_field("stamp").check()], ["fields.E160"], "default and auto_now together fail fields.E160")

# Patching django.utils.timezone.now fakes the time at save.
fake = datetime(2021, 6, 1, tzinfo=dt_tz.utc)
with mock.patch("django.utils.timezone.now", return_value=fake):
    a3 = Article.objects.create(title="frozen")
equal((a3.created, a3.updated), (fake, fake), "patching django.utils.timezone.now fakes the time")

# makemigrations offers timezone.now as the one-off default for auto_now_add.
from django.db.migrations.questioner import InteractiveMigrationQuestioner

q = InteractiveMigrationQuestioner(prompt_output=None)
out = io.StringIO()
from django.core.management.base import OutputWrapper

q.prompt_output = OutputWrapper(out)
with mock.patch("builtins.input", side_effect=["1", ""]):
    got = q.ask_auto_now_add_addition("created", "article")
claim("auto_now_add=True" in out.getvalue() and "one-off default" in out.getvalue(), "makemigrations asks for a one-off default")
claim("timezone.now" in out.getvalue(), "it offers timezone.now")
equal(got, djtz.now, "pressing Enter accepts timezone.now as the one-off default")
