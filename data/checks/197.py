"""197 __str__ and get_absolute_url: default label, repr, ModelChoiceField
labels, {{ obj }}, redirect(obj), CreateView's default success_url, the
admin's changelist and View on site, sitemaps, get_FOO_display,
get_next_by_FOO, TypeError for non-string __str__, NoReverseMatch."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["django.contrib.admin", "django.contrib.sitemaps"])

# --- the answer's model, as written ---
from django.db import models
from django.urls import reverse


class Book(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    status = models.CharField(
        max_length=10, choices=Status, default=Status.DRAFT
    )

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("book-detail", kwargs={"slug": self.slug})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED
# --- end ---


class Plain(models.Model):
    name = models.CharField(max_length=10)


class Bad(models.Model):
    def __str__(self):
        return self.pk


class Event(models.Model):
    day = models.DateField()


from django.contrib import admin
from django.views.generic import CreateView, DetailView


class views:
    class BookDetailView(DetailView):
        model = Book


class BookCreate(CreateView):
    model = Book
    fields = ["title", "slug"]
    template_name = "unused.html"


admin.site.register(Book)

# --- the answer's urls.py, as written (views is the namespace above) ---
from django.urls import path

urlpatterns = [
    path("books/<slug:slug>/", views.BookDetailView.as_view(), name="book-detail"),
]
# --- end ---
urlpatterns += [path("new/", BookCreate.as_view()), path("admin/", admin.site.urls)]

create_tables()
dune = Book.objects.create(title="Dune", slug="dune")

equal(str(Plain.objects.create(name="x")), "Plain object (1)", "without __str__ an object prints as 'Plain object (1)'")
equal(repr(Book.objects.all()), "<QuerySet [<Book: Dune>]>", "repr is built from __str__")
equal(dune.get_absolute_url(), "/books/dune/", "get_absolute_url returns the reversed path")
equal(dune.get_status_display(), "Draft", "get_status_display() returns 'Draft'")
claim(not dune.is_published, "a property for domain logic")

from django import forms


class PickForm(forms.Form):
    book = forms.ModelChoiceField(queryset=Book.objects.all())


equal([label for _, label in PickForm().fields["book"].choices][1:], ["Dune"], "ModelChoiceField options use str(obj)")

from django.template import Context, Template

equal(Template("{{ book }}|<a href=\"{{ book.get_absolute_url }}\">").render(Context({"book": dune})), 'Dune|<a href="/books/dune/">', "{{ book }} renders str(book); get_absolute_url works in templates")

from django.shortcuts import redirect

r = redirect(dune)
equal((r.status_code, r["Location"]), (302, "/books/dune/"), "redirect(book) is a 302 to get_absolute_url()")

from django.test import Client

c = Client()
r = c.post("/new/", {"title": "Emma", "slug": "emma"})
equal((r.status_code, r["Location"]), (302, "/books/emma/"), "CreateView redirects to get_absolute_url() without success_url")

# Admin.
from django.contrib.auth.models import User

User.objects.create_superuser("admin", "a@example.com", "pw")
c.login(username="admin", password="pw")
r = c.get("/admin/djqcheck/book/")
claim(b">Dune</a>" in r.content, "the admin changelist shows __str__ (no list_display)")
r = c.get("/admin/djqcheck/book/%d/change/" % dune.pk)
claim(b"Dune" in r.content and b"View on site" in r.content, "the change form shows __str__ and a 'View on site' button")
from django.contrib.contenttypes.models import ContentType

ct = ContentType.objects.get_for_model(Book)
r = c.get("/admin/r/%d/%d/" % (ct.pk, dune.pk))
claim(r.status_code == 302 and r["Location"].endswith("/books/dune/"), "View on site leads to get_absolute_url()")
admin.site._registry[Book].view_on_site = False
r = c.get("/admin/djqcheck/book/%d/change/" % dune.pk)
claim(b"View on site" not in r.content, "view_on_site = False turns it off")

# Sitemaps and feeds default to get_absolute_url.
from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed

equal(Sitemap().location(dune), "/books/dune/", "sitemaps use it as the default location")
equal(Feed().item_link(dune), "/books/dune/", "feeds use it as the item link")

# get_next_by_FOO on non-null date fields.
import datetime

e1 = Event.objects.create(day=datetime.date(2024, 1, 1))
e2 = Event.objects.create(day=datetime.date(2024, 1, 2))
equal(e1.get_next_by_day(), e2, "get_next_by_FOO() is generated for date fields")
equal(e2.get_previous_by_day(), e1, "... and get_previous_by_FOO()")

# Pitfalls.
with raises(TypeError, "non-string", what="a __str__ returning an int raises TypeError"):
    str(Bad.objects.create())
from django.urls import NoReverseMatch

with raises(NoReverseMatch, what="get_absolute_url on an unsaved object with an empty slug raises NoReverseMatch"):
    Book(title="x").get_absolute_url()
equal(Book(title="x", slug="unsaved").get_absolute_url(), "/books/unsaved/", "an unsaved object with a slug still reverses")
urlpatterns.append(path("plain/<int:pk>/", views.BookDetailView.as_view(), name="plain-detail"))
from django.urls import clear_url_caches

clear_url_caches()
with raises(NoReverseMatch, what="a pk-based URL for an unsaved object (pk None) raises NoReverseMatch"):
    reverse("plain-detail", kwargs={"pk": Plain().pk})
