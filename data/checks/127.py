"""127 Docker: images, Gunicorn and Compose cannot run here; this checks the
Django claim the Dockerfile depends on: collectstatic runs at build time with
a dummy SECRET_KEY and no reachable database, writing the static files
(hashed names with the manifest storage) into STATIC_ROOT."""
import os
import tempfile

from djqcheck import claim, equal, setup

root = tempfile.mkdtemp()
src = os.path.join(root, "assets", "css")
os.makedirs(src)
with open(os.path.join(src, "site.css"), "w") as f:
    f.write("body { color: red }")
os.environ["SECRET_KEY"] = "build-only"
setup(
    installed_apps=["django.contrib.staticfiles"],
    STATICFILES_DIRS=[os.path.join(root, "assets")],
    SECRET_KEY=os.environ["SECRET_KEY"],
    DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db.invalid", "NAME": "shop",
                           "OPTIONS": {"connect_timeout": 1}}},
    STATIC_URL="static/",
    STATIC_ROOT=os.path.join(root, "static"),
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    },
)
urlpatterns = []

from io import StringIO

from django.core.management import call_command
from django.db import connection

out = StringIO()
call_command("collectstatic", "--noinput", stdout=out)
claim(connection.connection is None, "collectstatic does not need the database (no connection was opened)")
claim(os.path.exists(os.path.join(root, "static", "css", "site.css")), "files are copied into STATIC_ROOT")
claim(os.path.exists(os.path.join(root, "static", "staticfiles.json")), "the manifest storage writes staticfiles.json")
hashed = [f for f in os.listdir(os.path.join(root, "static", "css")) if f.startswith("site.") and f != "site.css"]
claim(hashed, "and hashed copies such as %s" % (hashed[:1],))

from django.db import OperationalError

try:
    connection.ensure_connection()
    claim(False, "the database really is unreachable in this check")
except OperationalError:
    pass

import sys

import django

if django.VERSION >= (6, 0):
    claim(sys.version_info >= (3, 12), "Django 6.x runs on Python 3.12 or newer (the image's 3.13 qualifies)")
