"""014 URL dispatcher: the answer's blog/urls.py and root URLconf run as
written; converters and their types, first match wins, re_path strings,
include() namespaces, reverse() (query/fragment since 5.2), APPEND_SLASH,
Http404, and register_converter no longer overriding in 6.0."""
import os
import sys
import tempfile

from djqcheck import claim, equal, raises, setup, since

setup(installed_apps=["django.contrib.admin"])

tmp = tempfile.mkdtemp()
os.mkdir(os.path.join(tmp, "blog"))
open(os.path.join(tmp, "blog", "__init__.py"), "w").close()
with open(os.path.join(tmp, "blog", "views.py"), "w") as f:
    f.write('''from django.http import HttpResponse

def index(request):
    return HttpResponse("index")

def year_archive(request, year):
    return HttpResponse("%s:%r" % (type(year).__name__, year))

def article_detail(request, year, slug):
    return HttpResponse("%r/%s" % (year, slug))
''')
with open(os.path.join(tmp, "blog", "urls.py"), "w") as f:
    f.write('''# blog/urls.py
from django.urls import path, re_path

from . import views

app_name = "blog"
urlpatterns = [
    path("", views.index, name="index"),
    path("articles/<int:year>/", views.year_archive, name="year-archive"),
    path(
        "articles/<int:year>/<slug:slug>/",
        views.article_detail,
        name="article-detail",
    ),
    re_path(r"^archive/(?P<year>[0-9]{4})/$", views.year_archive),
]
''')
sys.path.insert(0, tmp)

# mysite/urls.py
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("blog/", include("blog.urls")),
]

from django.test import Client

c = Client()
equal(c.get("/blog/articles/2025/").content, b"int:2025", "<int:year> reaches the view as an int")
equal(c.get("/blog/archive/2025/").content, b"str:'2025'", "re_path captures reach the view as strings")
equal(c.get("/blog/articles/2025/hello-world_1/").content, b"2025/hello-world_1", "slug converter")
equal(c.get("/blog/articles/-1/").status_code, 404, "int matches zero or positive integers only")
equal(c.get("/blog/articles/2025/héllo/").status_code, 404, "slug is ASCII only")
equal(c.post("/blog/articles/2025/").content, b"int:2025", "the HTTP method plays no part")
equal(c.get("/blog/articles/2025/?x=1").content, b"int:2025", "the query string plays no part")
equal(c.get("/nowhere/").status_code, 404, "no match raises Http404")

# APPEND_SLASH with CommonMiddleware (default True).
from django.conf import global_settings

claim(global_settings.APPEND_SLASH is True, "APPEND_SLASH defaults to True")
r = c.get("/blog/articles/2025")
equal((r.status_code, r["Location"]), (301, "/blog/articles/2025/"),
      "a slash-less URL that matches nothing is redirected to the slash form")

from django.urls import reverse

equal(reverse("blog:article-detail", kwargs={"year": 2025, "slug": "hello"}),
      "/blog/articles/2025/hello/", "reverse() with the blog namespace")
equal(reverse("blog:index", query={"page": 2}, fragment="top"), "/blog/?page=2#top",
      "reverse() accepts query and fragment since 5.2")

# Converters.
from django.urls import register_converter
from django.urls.converters import get_converters

conv = get_converters()
equal(sorted(conv), ["int", "path", "slug", "str", "uuid"], "the five built-in converters")
claim(conv["str"].regex == "[^/]+" and conv["path"].regex == ".+", "str stops at '/', path does not")
import re
import uuid

claim(re.fullmatch(conv["uuid"].regex, str(uuid.uuid4())) and
      not re.fullmatch(conv["uuid"].regex, str(uuid.uuid4()).upper()),
      "uuid matches lowercase, hyphenated UUIDs only")
claim(isinstance(conv["uuid"].to_python(str(uuid.uuid4())), uuid.UUID), "passed as uuid.UUID")


class FourDigitYear:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return "%04d" % value


register_converter(FourDigitYear, "yyyy")
if since(6, 0):
    with raises(ValueError, "already registered", what="since 6.0 register_converter cannot replace one"):
        register_converter(FourDigitYear, "int")
else:
    from django.utils.deprecation import RemovedInDjango60Warning

    from djqcheck import warns

    with warns(RemovedInDjango60Warning, what="on 5.2 overriding a converter is deprecated"):
        register_converter(FourDigitYear, "slug")

from django.urls import reverse_lazy

lazy = reverse_lazy("blog:index")
equal(str(lazy), "/blog/", "reverse_lazy resolves when used")

from django.test import override_settings


class UrlconfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.urlconf = "blog.urls"
        return self.get_response(request)


with override_settings(MIDDLEWARE=["djqcheck.models.UrlconfMiddleware"]):
    equal(Client().get("/articles/2024/").content, b"int:2024",
          "a middleware can replace the root URLconf with request.urlconf")

with override_settings(DEBUG=True):
    r = Client().get("/nowhere/")
    claim(r.status_code == 404 and b"Django tried these URL patterns" in r.content,
          "with DEBUG = True the 404 page lists the patterns it tried")
