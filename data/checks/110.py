"""110 storages: the answer's STORAGES dict and storage calls (save returns the
name used, url, exists, the private alias), a missing alias raising
InvalidStorageError, the removed DEFAULT_FILE_STORAGE, a callable per-field
storage recorded by reference in migrations, InMemoryStorage without path().
django-storages (S3) is not installed here."""
import tempfile
from pathlib import Path

from djqcheck import claim, equal, raises, setup

BASE_DIR = Path(tempfile.mkdtemp())
(BASE_DIR / "private" / "invoices").mkdir(parents=True)
(BASE_DIR / "private" / "invoices" / "1.pdf").write_bytes(b"%PDF")

# settings.py
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage."
                   "ManifestStaticFilesStorage",
    },
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BASE_DIR / "private"},
    },
}

setup(STORAGES=STORAGES, MEDIA_ROOT=BASE_DIR / "media", MEDIA_URL="/media/", STATIC_URL="/static/",
      STATIC_ROOT=BASE_DIR / "static")
urlpatterns = []

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages

path = default_storage.save("exports/report.csv", ContentFile(b"a,b\n"))
default_storage.url(path)     # URL from the backend
default_storage.exists(path)  # True
storages["private"].open("invoices/1.pdf").read()

equal(path, "exports/report.csv", "save() returns the name used")
equal(default_storage.url(path), "/media/exports/report.csv", "url() from the backend")
claim(default_storage.exists(path), "exists() is True")
equal(storages["private"].open("invoices/1.pdf").read(), b"%PDF", "storages['private'] reads from its own location")
again = default_storage.save("exports/report.csv", ContentFile(b"c"))
claim(again != path and again.startswith("exports/report_"), "save() picks another name when the file exists (%s)" % again)
claim(default_storage.path(path).startswith(str(BASE_DIR)), "path() works for local storages")
equal(type(storages["staticfiles"]).__name__, "ManifestStaticFilesStorage", "'staticfiles' is used by collectstatic")

from django.conf import global_settings
from django.core.files.storage import InvalidStorageError
from django.test import override_settings

claim(not hasattr(global_settings, "DEFAULT_FILE_STORAGE") and not hasattr(global_settings, "STATICFILES_STORAGE"),
      "DEFAULT_FILE_STORAGE and STATICFILES_STORAGE were removed (5.1)")
with override_settings(STORAGES={"default": STORAGES["default"]}):
    with raises(InvalidStorageError, "staticfiles", "a missing alias raises InvalidStorageError when used"):
        storages["staticfiles"]

from django.core.files.storage import InMemoryStorage

mem = InMemoryStorage()
name = mem.save("t.txt", ContentFile(b"x"))
claim(mem.exists(name), "InMemoryStorage works without disk")
from django.core.files.storage import Storage

with raises(NotImplementedError, what="path() only exists for local storages (the base Storage refuses it)"):
    Storage().path(name)

from django.core.files.storage import storages
from django.db import models


def private_storage():
    return storages["private"]


class Invoice(models.Model):
    pdf = models.FileField(storage=private_storage, upload_to="invoices/")


field = Invoice._meta.get_field("pdf")
claim(field.storage is storages["private"], "the callable is evaluated when the model class is loaded")
name, path_, args, kwargs = field.deconstruct()
claim(kwargs["storage"] is private_storage, "the migration records a reference to private_storage")
from django.db.migrations.writer import MigrationWriter

src, imports = MigrationWriter.serialize(field)
claim("private_storage" in src, "the serialized field refers to the callable: %s" % src)
claim(str(BASE_DIR) not in src, "not the evaluated backend and its options")
