"""015 template system: the answer's TEMPLATES setting as written (DIRS
searched first, APP_DIRS, default cached loaders even with DEBUG on), render()
and render_to_string(), the DTL sample with autoescaping, partials (6.0)."""
import os
import tempfile
from pathlib import Path

from djqcheck import claim, create_tables, equal, raises, setup, since

BASE_DIR = Path(tempfile.mkdtemp())
(BASE_DIR / "templates" / "admin").mkdir(parents=True)
(BASE_DIR / "templates" / "books").mkdir()
(BASE_DIR / "templates" / "emails").mkdir()
(BASE_DIR / "templates" / "admin" / "login.html").write_text("project override")
(BASE_DIR / "templates" / "base.html").write_text("<main>{% block content %}{% endblock %}</main>")
(BASE_DIR / "templates" / "emails" / "welcome.txt").write_text("Hi {{ user }} & co")
(BASE_DIR / "templates" / "books" / "book_list.html").write_text("""{% extends "base.html" %}
{% block content %}
  <h1>{{ title|upper }}</h1>
  {% for book in books %}
    <a href="{% url 'book-detail' book.pk %}">{{ book.title }}</a>
  {% empty %}
    <p>No books yet.</p>
  {% endfor %}
{% endblock %}""")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

setup(installed_apps=["django.contrib.admin"], TEMPLATES=TEMPLATES, DEBUG=True)

from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)


from django.shortcuts import render
from django.template.loader import render_to_string


def book_list(request):
    return render(
        request, "books/book_list.html", {"books": Book.objects.all()}
    )


def welcome_email_body(user):
    return render_to_string("emails/welcome.txt", {"user": user})


from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("", book_list),
    path("books/<int:pk>/", lambda r, pk: HttpResponse(""), name="book-detail"),
]
create_tables()

from django.template import engines

engine = engines["django"].engine
loaders = engine.template_loaders
equal([type(l).__module__ for l in loaders], ["django.template.loaders.cached"],
      "without loaders, Django wraps them in the cached loader, even with DEBUG on")
equal([type(l).__module__ for l in loaders[0].loaders],
      ["django.template.loaders.filesystem", "django.template.loaders.app_directories"],
      "the filesystem and app-directories loaders")
from django.template.loader import get_template

equal(get_template("admin/login.html").render(), "project override",
      "a project template in DIRS overrides an app's template of the same name")
claim("admin/base.html" in get_template("admin/base.html").origin.name,
      "APP_DIRS finds templates/ inside installed apps")

from django.test import Client

Book.objects.create(title="<Dune>")
html = Client().get("/").content.decode()
claim("<main>" in html and "<h1>" in html, "the template extends base.html")
claim('<a href="/books/1/">&lt;Dune&gt;</a>' in html, "url tag and automatic HTML escaping")
Book.objects.all().delete()
claim("No books yet." in Client().get("/").content.decode(), "{% empty %} renders for an empty list")
equal(welcome_email_body("Ann"), "Hi Ann & co", "render_to_string renders a template to a string")

# The DTL cannot run arbitrary Python: calls with arguments are a syntax error.
from django.template import Template, TemplateSyntaxError

with raises(TemplateSyntaxError, what="the DTL does not call functions with arguments"):
    Template("{{ foo(1) }}")

import inspect

from django.template import Engine

params = inspect.signature(Engine.__init__).parameters
for opt in ("context_processors", "loaders", "builtins", "libraries", "autoescape", "string_if_invalid"):
    claim(opt in params, "DTL OPTIONS include %s" % opt)

if since(6, 0):
    t = engines["django"].from_string(
        "{% partialdef card %}[{{ x }}]{% endpartialdef %}{% partial card %}{% partial card %}")
    equal(t.render({"x": 1}), "[1][1]", "6.0 partials: partialdef defines, partial renders")
else:
    with raises(TemplateSyntaxError, what="partials are new in 6.0"):
        engines["django"].from_string("{% partialdef card %}x{% endpartialdef %}")

# Jinja2 backend: looks in each app's jinja2/ directory.
import django

src = open(os.path.join(os.path.dirname(django.__file__), "template", "backends", "jinja2.py")).read()
claim('app_dirname = "jinja2"' in src, "with APP_DIRS, Jinja2 looks in jinja2/ folders")
from django.template.backends.django import DjangoTemplates

equal(DjangoTemplates.app_dirname, "templates", "the DTL looks in templates/ folders")
