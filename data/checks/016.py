"""016 static vs media: the answer's settings as written, the static tag,
collectstatic into STATIC_ROOT, ManifestStaticFilesStorage names, uploads
through default storage storing a relative path, the static() URL helper only
while DEBUG, ImageField's Pillow requirement."""
import io
import os
import tempfile
from pathlib import Path

from djqcheck import claim, create_tables, equal, setup

BASE_DIR = Path(tempfile.mkdtemp())
(BASE_DIR / "assets" / "books").mkdir(parents=True)
(BASE_DIR / "assets" / "books" / "style.css").write_text("body{}")

# settings.py
STATIC_URL = "static/"                    # URL prefix used in pages
STATICFILES_DIRS = [BASE_DIR / "assets"]  # extra source folders
STATIC_ROOT = BASE_DIR / "staticfiles"    # collectstatic copies here

# settings.py
MEDIA_ROOT = BASE_DIR / "media"  # filesystem path where uploads are saved
MEDIA_URL = "media/"             # URL prefix for uploaded files

setup(installed_apps=["django.contrib.staticfiles"],
      templates={"page.html": """{% load static %}
<link rel="stylesheet" href="{% static 'books/style.css' %}">"""},
      STATIC_URL=STATIC_URL, STATICFILES_DIRS=STATICFILES_DIRS, STATIC_ROOT=STATIC_ROOT,
      MEDIA_ROOT=MEDIA_ROOT, MEDIA_URL=MEDIA_URL)

urlpatterns = []
from django.template.loader import render_to_string

equal(render_to_string("page.html").strip(), '<link rel="stylesheet" href="/static/books/style.css">',
      "the static tag builds the URL from STATIC_URL")

from django.conf import global_settings
from django.core.management import call_command

call_command("collectstatic", "--noinput", stdout=io.StringIO())
claim((STATIC_ROOT / "books" / "style.css").is_file(), "collectstatic copies STATICFILES_DIRS into STATIC_ROOT")
from django.contrib.staticfiles.finders import AppDirectoriesFinder

claim("django.contrib.staticfiles.finders.AppDirectoriesFinder" in global_settings.STATICFILES_FINDERS
      and AppDirectoriesFinder.source_dir == "static", "and each app's static/ directory")
claim(not (MEDIA_ROOT).exists(), "collectstatic never touches MEDIA_ROOT")

equal(global_settings.STORAGES, {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}, "default storage is FileSystemStorage; STORAGES has a staticfiles entry")
claim(not hasattr(global_settings, "STATICFILES_STORAGE"), "STATICFILES_STORAGE was removed in 5.1")

from django.test import override_settings

with override_settings(STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}):
    call_command("collectstatic", "--noinput", stdout=io.StringIO())
    from django.templatetags.static import static as static_url

    url = static_url("books/style.css")
    claim(url.startswith("/static/books/style.") and url.endswith(".css") and url != "/static/books/style.css",
          "ManifestStaticFilesStorage gives hashed, cache-busting names")

# Media: the answer's model; the field stores the relative path.
from django.db import models


class Profile(models.Model):
    # ImageField needs Pillow
    avatar = models.ImageField(upload_to="avatars/")


from django.core import checks

ids = [e.id for e in checks.run_checks()]
try:
    import PIL  # noqa: F401
    have_pillow = True
except ImportError:
    have_pillow = False
equal("fields.E210" in ids, not have_pillow, "ImageField needs Pillow (fields.E210 without it)")

create_tables()
from django.core.files.base import ContentFile

p = Profile()
p.avatar.save("me.png", ContentFile(b"\x89PNG"), save=True)
row = Profile.objects.values_list("avatar", flat=True).get()
equal(row, "avatars/me.png", "the database stores only the relative path")
claim((MEDIA_ROOT / "avatars" / "me.png").is_file(), "the file goes under MEDIA_ROOT")
equal(p.avatar.url, "/media/avatars/me.png", "instance.avatar.url builds the public URL")

# The static() helper only adds patterns while DEBUG is true.
from django.conf import settings
from django.conf.urls.static import static

equal(static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT), [], "static() does nothing with DEBUG off")
with override_settings(DEBUG=True):
    urlpatterns = [
        # ... your patterns ...
    ] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    equal(len(urlpatterns), 1, "static() adds a pattern while DEBUG is true")
    from django.test import Client
    from django.urls import clear_url_caches

    clear_url_caches()
    r = Client().get("/media/avatars/me.png")
    equal((r.status_code, r.getvalue()), (200, b"\x89PNG"), "uploads are served in development")

from django.core.checks import run_checks

with override_settings(MEDIA_URL="/static/"):
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.contrib.staticfiles.utils import check_settings

        check_settings()
        claim(False, "STATIC_URL and MEDIA_URL must differ")
    except ImproperlyConfigured:
        pass
