"""001 What is Django: the answer's Article model, view and URLconf run as
written; the secure-by-default claims, the startproject skeleton and the 6.x
additions (tasks backends, CSP, partials, fetch modes)."""
import os

from djqcheck import claim, create_tables, equal, setup, since

setup(templates={
    "news/article_list.html":
        "{% for a in articles %}[{{ a }}]{% endfor %}",
})

from django.db import models


# news/models.py
class Article(models.Model):
    headline = models.CharField(max_length=200)
    pub_date = models.DateField()

    def __str__(self):
        return self.headline


# news/views.py
from django.shortcuts import render


def article_list(request):
    articles = Article.objects.order_by("-pub_date")
    context = {"articles": articles}
    return render(request, "news/article_list.html", context)


class views:  # stands in for "from . import views"
    article_list = article_list


# news/urls.py
from django.urls import path

urlpatterns = [
    path("", views.article_list, name="article-list"),
]

create_tables()
import datetime

Article.objects.create(headline="old", pub_date=datetime.date(2024, 1, 1))
Article.objects.create(headline="<b>new</b>", pub_date=datetime.date(2025, 1, 1))

from django.test import Client

r = Client().get("/")
equal(r.status_code, 200, "the URLconf routes '' to article_list")
body = r.content.decode()
equal(body, "[&lt;b&gt;new&lt;/b&gt;][old]",
      "newest first, and template autoescaping is on by default")

from django.urls import reverse

equal(reverse("article-list"), "/", "the pattern is named article-list")

# Secure by default: the startproject settings enable CSRF and clickjacking
# protection; passwords are stored salted and hashed.
import django

tpl = os.path.join(os.path.dirname(django.__file__), "conf", "project_template",
                   "project_name", "settings.py-tpl")
src = open(tpl).read()
for mw in ("django.middleware.csrf.CsrfViewMiddleware",
           "django.middleware.clickjacking.XFrameOptionsMiddleware",
           "django.middleware.security.SecurityMiddleware"):
    claim(mw in src, "startproject enables %s" % mw)

from django.conf import global_settings
from django.contrib.auth.hashers import make_password

equal(global_settings.PASSWORD_HASHERS[0],
      "django.contrib.auth.hashers.PBKDF2PasswordHasher",
      "passwords are hashed (PBKDF2 by default)")
h1, h2 = make_password("s3cret"), make_password("s3cret")
claim(h1 != h2 and "s3cret" not in h1, "password hashes are salted")

# The 6.x additions named in the answer.
import importlib.util

if since(6, 0):
    from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends

    equal(global_settings.TASKS["default"]["BACKEND"],
          "django.tasks.backends.immediate.ImmediateBackend",
          "ImmediateBackend is the default tasks backend")
    claim(importlib.util.find_spec("django.tasks.backends.dummy") is not None,
          "a DummyBackend ships with django.tasks")
    claim(importlib.util.find_spec("django.middleware.csp") is not None,
          "6.0 has built-in Content Security Policy support")
    from django.template import engines

    t = engines["django"].from_string(
        "{% partialdef p %}x{% endpartialdef %}{% partial p %}")
    equal(t.render({}), "x", "6.0 has template partials")

    ran = []

    @task
    def remember(x):
        ran.append(x)
        return x * 2

    result = remember.enqueue(21)
    equal(ran, [21], "ImmediateBackend runs the task at once in the caller's process")
    equal(result.return_value, 42, "the result is available straight away")

    from django.test import override_settings

    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}):
        ran.clear()
        pending = remember.enqueue(5)
        equal(ran, [], "DummyBackend only records the task, it never runs it")
        equal(pending.status.name, "READY", "the recorded task stays queued")
else:
    claim(importlib.util.find_spec("django.tasks") is None, "django.tasks is new in 6.0")
    claim(importlib.util.find_spec("django.middleware.csp") is None, "CSP support is new in 6.0")
claim(hasattr(models, "FETCH_PEERS") == since(6, 1), "fetch modes are new in 6.1")
