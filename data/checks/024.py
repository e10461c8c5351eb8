"""024 third-party packages: the ones importable here do what the answer says
(django-filter with DRF, django-cors-headers, WhiteNoise), and the built-in
replacements it names exist by version (Redis cache, shell auto-imports,
django.tasks backends, CSP, partials)."""
import importlib.util
import os
import tempfile
from pathlib import Path

from djqcheck import claim, create_tables, equal, setup, since

root = Path(tempfile.mkdtemp())
(root / "static").mkdir()
(root / "static" / "app.css").write_text("body{}")
setup(installed_apps=["rest_framework", "django_filters", "corsheaders", "django.contrib.staticfiles"],
      middleware=[
          "django.middleware.security.SecurityMiddleware",
          "whitenoise.middleware.WhiteNoiseMiddleware",
          "corsheaders.middleware.CorsMiddleware",
          "django.middleware.common.CommonMiddleware",
      ],
      STATIC_URL="static/", STATIC_ROOT=root / "static",
      CORS_ALLOWED_ORIGINS=["https://app.example.com"])

from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=50)
    genre = models.CharField(max_length=20)


from django.urls import include, path
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import routers, serializers, viewsets


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["title", "genre"]


class BookViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["genre"]


router = routers.DefaultRouter()
router.register("books", BookViewSet)
urlpatterns = [path("api/", include(router.urls))]

create_tables()
Book.objects.create(title="Dune", genre="sf")
Book.objects.create(title="Emma", genre="novel")

from django.test import Client

c = Client()
equal([b["title"] for b in c.get("/api/books/?genre=sf", HTTP_ACCEPT="application/json").json()], ["Dune"],
      "django-filter filters querysets from query parameters, integrated with DRF")
r = c.get("/api/books/", HTTP_ORIGIN="https://app.example.com", HTTP_ACCEPT="application/json")
equal(r["Access-Control-Allow-Origin"], "https://app.example.com",
      "django-cors-headers adds CORS headers for another origin")
claim("Access-Control-Allow-Origin" not in c.get("/api/books/", HTTP_ORIGIN="https://evil.example").headers,
      "only for allowed origins")
r = c.get("/static/app.css")
equal((r.status_code, b"".join(r.streaming_content)), (200, b"body{}"),
      "WhiteNoise serves static files from the app server")

def exists(mod):
    return importlib.util.find_spec(mod) is not None

claim(exists("django.core.cache.backends.redis"), "the Redis cache backend is built in (since 4.0)")
from django.core.management.commands.shell import Command as Shell

claim(hasattr(Shell, "get_auto_imports"), "since 5.2 the shell auto-imports models")
auto = Shell().get_auto_imports()
claim(any(a.endswith(".Book") for a in auto), "the check's Book model is among the auto-imports")
equal(exists("django.middleware.csp"), since(6, 0), "CSP support is built in since 6.0")
equal(exists("django.tasks"), since(6, 0), "django.tasks exists since 6.0")
if since(6, 0):
    from django.tasks.backends.dummy import DummyBackend
    from django.tasks.backends.immediate import ImmediateBackend

    claim(ImmediateBackend and DummyBackend, "ImmediateBackend and DummyBackend are the built-in backends")
    from django.template import engines

    equal(engines["django"].from_string("{% partialdef p %}ok{% endpartialdef %}{% partial p %}").render({}),
          "ok", "template partials are built in since 6.0")
for util in ("django.conf.settings", "django.utils.timezone"):
    equal(util in auto, since(6, 0), "since 6.0 the shell also auto-imports %s" % util)
