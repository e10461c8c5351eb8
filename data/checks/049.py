"""049 ModelAdmin: the answer's ArticleAdmin passes the system checks and
renders (columns, boolean icon, readonly preview in its fieldset, collapse
class), searches with ^slug/email, list_select_related keeps the change list
at a constant query count, prepopulated/autocomplete check ids, defaults,
the automatic select_related (every non-null FK on 5.2, only the shown ones
on 6.1), and 6.1's removed 'wide' class and deprecated list_select_related = True."""
from djqcheck import claim, create_tables, equal, queries, setup, since

setup(installed_apps=["django.contrib.admin"], templates=None)

from django.conf import settings
from django.db import models


class Article(models.Model):  # the answer imports it from .models
    title = models.CharField(max_length=200)
    slug = models.SlugField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=[("draft", "Draft"), ("live", "Live")], default="draft")
    published_at = models.DateTimeField(null=True)
    priority = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/articles/{self.slug}/"


# --- the answer's code, verbatim (minus "from .models import Article") ---
from django.contrib import admin
from django.utils.html import format_html


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    # Change list
    list_display = [
        "title",
        "author",
        "status",
        "published_at",
        "is_featured",
    ]
    list_display_links = ["title"]
    list_filter = ["status", "published_at", "author__is_staff"]
    search_fields = ["title", "^slug", "author__email"]
    ordering = ["-published_at"]
    date_hierarchy = "published_at"
    list_per_page = 50
    list_select_related = ["author"]

    # Add/change form
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "body"]}),
        (
            "Publishing",
            {
                "classes": ["collapse"],
                "fields": ["status", "published_at"],
            },
        ),
        ("Audit", {"fields": ["created_at", "preview_link"]}),
    ]
    readonly_fields = ["created_at", "preview_link"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]

    @admin.display(boolean=True, description="Featured")
    def is_featured(self, obj):
        return obj.priority > 5

    @admin.display(description="Preview")
    def preview_link(self, obj):
        return format_html(
            '<a href="{}">View</a>', obj.get_absolute_url()
        )
# --- end ---

from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
create_tables()

from django.core.checks import run_checks

errors = [m.id for m in run_checks() if m.id.startswith("admin")]
equal(errors, [], "the ArticleAdmin passes the admin system checks")

from django.contrib.auth.models import User
from django.test import Client

root = User.objects.create_superuser("root", "root@example.com", "pw")
import datetime

from django.utils import timezone

for i in range(8):
    u = User.objects.create_user(f"u{i}", f"u{i}@example.com")
    Article.objects.create(title=f"Post {i}", slug=f"post-{i}", author=u, priority=i,
                           published_at=timezone.now() - datetime.timedelta(days=i))
c = Client()
c.force_login(root)
r = c.get("/admin/djqcheck/article/")
html = r.content.decode()
equal(r.status_code, 200, "the change list renders")
for col in ("column-title", "column-author", "column-status", "column-published_at", "column-is_featured"):
    claim(col in html, "list_display sets the columns: " + col)
claim("Featured" in html and "icon-yes.svg" in html and "icon-no.svg" in html, "boolean=True gives yes/no icons under the description")
claim(">u3<" in html, "a ForeignKey column shows the related object's __str__()")
equal(ArticleAdmin.list_per_page, 50, "list_per_page as set")
equal(admin.ModelAdmin.list_per_page, 100, "list_per_page defaults to 100")
claim(admin.ModelAdmin.show_facets is not None, "show_facets exists (5.0+)")


def count_list():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        c.get("/admin/djqcheck/article/")
    return len(ctx.captured_queries)


n1 = count_list()
for i in range(8, 14):
    u = User.objects.create_user(f"u{i}", f"u{i}@example.com")
    Article.objects.create(title=f"Post {i}", slug=f"post-{i}", author=u)
equal(count_list(), n1, "list_select_related keeps the change list's query count independent of the rows")

import re


def found(q):
    html = c.get("/admin/djqcheck/article/", {"q": q}).content.decode()
    return int(re.search(r"(\d+) results? \(", html).group(1))


equal(found("post-1"), 5, "^slug matches with startswith (post-1, post-10..13)")
equal(found("u7@example"), 1, "author__email is searched with icontains")

a = Article.objects.get(slug="post-3")
html = c.get(f"/admin/djqcheck/article/{a.pk}/change/").content.decode()
claim('<a href="/articles/post-3/">View</a>' in html, "readonly preview_link appears in its fieldset")
claim("collapse" in html, "the collapse class is applied")
claim('name="slug"' in html and "prepopulated" in html, "prepopulated_fields fills the slug with JavaScript")
claim("admin-autocomplete" in html, "autocomplete_fields uses the autocomplete widget")


class BadAdmin(admin.ModelAdmin):
    prepopulated_fields = {"published_at": ["title"]}
    autocomplete_fields = ["author"]


ids = [e.id for e in BadAdmin(Article, admin.site).check()]
claim("admin.E028" in ids, "prepopulated_fields does not accept a DateTimeField")
from django.contrib.admin.sites import AdminSite

bare = AdminSite(name="bare")
bare.register(User)  # no search_fields
ids = [e.id for e in BadAdmin(Article, bare).check()]
claim("admin.E040" in ids, "autocomplete needs search_fields on the related model's admin")

# automatic select_related when list_display shows a ForeignKey
class Note(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    text = models.CharField(max_length=20)


class NoteAdmin(admin.ModelAdmin):
    list_display = ["text", "article"]


create_tables()
from django.test import RequestFactory

rq = RequestFactory().get("/admin/djqcheck/note/")
rq.user = root
cl = NoteAdmin(Note, admin.site).get_changelist_instance(rq)
if since(6, 1):
    equal(cl.queryset.query.select_related, {"article": {}}, "6.1: only the foreign keys shown in list_display are joined")
else:
    equal(cl.queryset.query.select_related, True, "5.2: a ForeignKey in list_display makes it follow every non-null foreign key")

if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning
    from djqcheck import warns

    with warns(RemovedInDjango70Warning, what="6.1: list_select_related = True is deprecated"):
        class AllRelated(admin.ModelAdmin):
            list_select_related = True
    from django.contrib.admin import ActionLocation  # noqa: F401

import pathlib

css = (pathlib.Path(admin.__file__).parent / "static/admin/css/forms.css").read_text()
equal(".wide" in css, not since(6, 1), "the 'wide' fieldset class exists on 5.2 and is gone in 6.1")
