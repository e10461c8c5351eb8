"""030 save() vs form_valid(): the answer's Article/ArticleCreate through the
test client (author from request.user, slug from save(), redirect, message),
update_fields handling, what skips save(), and 5.2/6.0+ positional save()."""
from djqcheck import claim, create_tables, equal, raises, setup, since, warns

setup(templates={"djqcheck/article_form.html": "{{ form }}"})

from django.urls import path

# --- the answer's code, verbatim ---
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import models
from django.utils.text import slugify
from django.views.generic.edit import CreateView


class Article(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE
    )

    def save(self, **kwargs):
        # true for every save, from anywhere
        self.slug = slugify(self.title)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {"slug"}.union(update_fields)
        super().save(**kwargs)


class ArticleCreate(LoginRequiredMixin, CreateView):
    model = Article
    fields = ["title"]
    success_url = "/articles/"

    def form_valid(self, form):
        form.instance.author = self.request.user  # needs the request
        response = super().form_valid(form)  # saves and sets self.object
        messages.success(self.request, "Article created.")
        return response
# --- end ---

urlpatterns = [path("new/", ArticleCreate.as_view())]
create_tables()

from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.db.models.signals import post_save, pre_save
from django.test import Client

sent = []
pre_save.connect(lambda sender, **kw: sent.append("pre"), sender=Article, weak=False)
post_save.connect(lambda sender, **kw: sent.append("post"), sender=Article, weak=False)

u = User.objects.create_user("ann", password="pw")
c = Client()
equal(c.post("/new/", {"title": "x"}).status_code, 302, "LoginRequiredMixin redirects anonymous users")
equal(Article.objects.count(), 0, "nothing is saved for an anonymous POST")
c.force_login(u)
r = c.post("/new/", {"title": "Hello World"})
equal((r.status_code, r["Location"]), (302, "/articles/"), "form_valid saves and redirects to success_url")
a = Article.objects.get()
equal((a.author, a.slug), (u, "hello-world"), "form_valid sets the author; save() derives the slug")
equal([str(m) for m in get_messages(r.wsgi_request)], ["Article created."], "form_valid adds a flash message")
equal(sent, ["pre", "post"], "save() sends pre_save and post_save")

r = c.post("/new/", {"title": ""})
equal(r.status_code, 200, "an invalid form never reaches form_valid")

# update_fields: the override adds slug when title is saved
a.title = "New Title"
a.save(update_fields=["title"])
a.refresh_from_db()
equal(a.slug, "new-title", "save(update_fields=['title']) also writes the slug")

# save() does not validate
from django.core.exceptions import ValidationError

b = Article(title="", author=u)
with raises(ValidationError, what="full_clean() would reject a blank title"):
    b.full_clean()
b.save()
claim(b.pk is not None, "save() does not run full_clean()")

# QuerySet.update() skips save()
Article.objects.filter(pk=a.pk).update(title="Changed")
a.refresh_from_db()
equal(a.slug, "new-title", "QuerySet.update() skips the logic in save()")


class Plain(models.Model):
    name = models.CharField(max_length=10)


create_tables()
p = Plain(name="p")
if since(6, 0):
    with raises(TypeError, what="since Django 6.0 save() no longer accepts positional arguments"):
        p.save(False)
else:
    from django.utils.deprecation import RemovedInDjango60Warning

    with warns(RemovedInDjango60Warning, "positional", what="on 5.2 positional save() arguments are deprecated"):
        p.save(False)

from django.views.generic.edit import FormMixin, ModelFormMixin

claim("save" not in FormMixin.form_valid.__code__.co_names, "FormMixin.form_valid just redirects")
claim("save" in ModelFormMixin.form_valid.__code__.co_names, "ModelFormMixin.form_valid calls form.save()")

import importlib.util

equal(importlib.util.find_spec("django.tasks") is not None, since(6, 0), "the tasks framework was added in Django 6.0")
