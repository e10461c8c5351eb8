"""109 file uploads: the answer's model, form, view and template through the
test client: multipart POST saves under upload_to with strftime codes, only
the relative name is stored, url is MEDIA_URL + name, a duplicate name gets a
suffix, a non-multipart POST leaves request.FILES empty, upload handler
limits and defaults, static() is a no-op without DEBUG, ImageField without
Pillow is fields.E210, deleting the row keeps the file."""
import datetime as dt
import os
import tempfile
from pathlib import Path

from djqcheck import claim, create_tables, equal, setup

BASE_DIR = Path(tempfile.mkdtemp())
# settings.py
MEDIA_ROOT = BASE_DIR / "media"  # where files are written
MEDIA_URL = "media/"             # URL prefix for file.url

TEMPLATE = """<form method="post" enctype="multipart/form-data">
  {% csrf_token %}
  {{ form }}
  <button>Upload</button>
</form>"""
setup(MEDIA_ROOT=MEDIA_ROOT, MEDIA_URL=MEDIA_URL, templates={"documents/upload.html": TEMPLATE})

# documents/models.py
from django.db import models


def receipt_path(instance, filename):
    return f"receipts/user_{instance.owner_id}/{filename}"


class Document(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    title = models.CharField(max_length=100)
    file = models.FileField(upload_to="documents/%Y/%m/")
    receipt = models.FileField(upload_to=receipt_path, blank=True)


from django import forms
from django.shortcuts import redirect, render


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "file"]


def upload(request):
    if request.method == "POST":
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            document = form.save(commit=False)
            document.owner = request.user
            document.save()
            return redirect("document-list")
    else:
        form = DocumentForm()
    return render(request, "documents/upload.html", {"form": form})


from django.http import HttpResponse
from django.urls import path

# urls.py
from django.conf import settings
from django.conf.urls.static import static

equal(static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT), [], "static() does nothing when DEBUG is false")

urlpatterns = [
    path("upload/", upload),
    path("documents/", lambda r: HttpResponse("list"), name="document-list"),
]

create_tables()
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

user = User.objects.create_user("u")
c = Client()
c.force_login(user)

r = c.get("/upload/")
claim('enctype="multipart/form-data"' in r.content.decode(), "the template's form has the enctype")
claim('type="file"' in r.content.decode(), "the form renders a file input")

r = c.post("/upload/", {"title": "Tax", "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4 data")})
equal(r.status_code, 302, "a valid multipart upload redirects")
doc = Document.objects.get()
month = dt.date.today().strftime("%Y/%m")
equal(doc.file.name, f"documents/{month}/report.pdf", "the file is saved under upload_to with strftime codes")
equal(doc.file.url, f"/media/documents/{month}/report.pdf", "file.url is MEDIA_URL plus the name")
claim((MEDIA_ROOT / doc.file.name).exists(), "the file is written under MEDIA_ROOT")
equal(doc.file.size, 13, "file.size works")
from django.db import connection

with connection.cursor() as cur:
    cur.execute("SELECT file FROM djqcheck_document")
    equal(cur.fetchone()[0], doc.file.name, "only the relative path is stored in the database")
    desc = connection.introspection.get_table_description(cur, "djqcheck_document")
equal([d.type_code for d in desc if d.name == "file"][0].lower().split("(")[0], "varchar", "the column is a varchar")

r = c.post("/upload/", {"title": "Tax", "file": SimpleUploadedFile("report.pdf", b"other")})
second = Document.objects.latest("pk")
claim(second.file.name != doc.file.name and second.file.name.startswith(f"documents/{month}/report_"),
      "an existing name gets a random suffix instead of being overwritten (%s)" % second.file.name)

doc.receipt.save("r.txt", SimpleUploadedFile("r.txt", b"x"))
equal(doc.receipt.name, f"receipts/user_{user.pk}/r.txt", "upload_to as a function gets the instance and file name")

# Without multipart the file is not sent: request.FILES is empty.
seen = {}


def probe(request):
    seen["files"] = dict(request.FILES)
    return HttpResponse("ok")


urlpatterns.append(path("probe/", probe))
from django.urls import clear_url_caches

clear_url_caches()
c.post("/probe/", "title=Tax&file=report.pdf", content_type="application/x-www-form-urlencoded")
equal(seen["files"], {}, "without the enctype request.FILES is empty")
r = c.post("/upload/", "title=Tax&file=report.pdf", content_type="application/x-www-form-urlencoded")
equal(r.status_code, 200, "and the form is invalid (re-rendered)")
c.post("/probe/", {"file": SimpleUploadedFile("a.txt", b"a")})
claim("file" in seen["files"], "a multipart POST fills request.FILES")

from django.conf import global_settings

equal(global_settings.FILE_UPLOAD_MAX_MEMORY_SIZE, 2621440, "FILE_UPLOAD_MAX_MEMORY_SIZE is 2.5 MB")
from django.core.files.uploadedfile import InMemoryUploadedFile, TemporaryUploadedFile

kinds = {}


def kind(request):
    kinds.update({k: type(v) for k, v in request.FILES.items()})
    return HttpResponse("ok")


urlpatterns.append(path("kind/", kind))
clear_url_caches()
big = b"x" * (2621440 + 1)
c.post("/kind/", {"small": SimpleUploadedFile("s.bin", b"x")})
equal(kinds["small"], InMemoryUploadedFile, "small uploads stay in memory")
c.post("/kind/", {"big": SimpleUploadedFile("b.bin", big)})
equal(kinds["big"], TemporaryUploadedFile, "larger ones are streamed to a temporary file")
kinds.clear()
c.post("/kind/", {"small": SimpleUploadedFile("s.bin", b"x"), "big": SimpleUploadedFile("b.bin", big)})
equal(kinds["small"], TemporaryUploadedFile, "the limit applies to the whole request body: a small file next to a big one goes to disk too")
equal(global_settings.DATA_UPLOAD_MAX_MEMORY_SIZE, 2621440, "DATA_UPLOAD_MAX_MEMORY_SIZE default")
from django.test import override_settings

with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000):
    r = c.post("/kind/", {"big": SimpleUploadedFile("b.bin", b"y" * 5000)})
    equal(r.status_code, 200, "DATA_UPLOAD_MAX_MEMORY_SIZE does not limit files")

# Deleting the instance keeps the file.
path_on_disk = MEDIA_ROOT / second.file.name
second.delete()
claim(path_on_disk.exists(), "deleting a model instance does not delete its file")

from django.core.validators import FileExtensionValidator
from django.core.exceptions import ValidationError

v = FileExtensionValidator(["pdf"])
v(SimpleUploadedFile("evil.pdf", b"<html><script>"))  # passes: only the name is checked
try:
    v(SimpleUploadedFile("a.exe", b"x"))
    claim(False, "FileExtensionValidator rejects other extensions")
except ValidationError:
    pass

# ImageField needs Pillow.
try:
    import PIL  # noqa: F401
    has_pillow = True
except ImportError:
    has_pillow = False


class Avatar(models.Model):
    image = models.ImageField(upload_to="avatars/")


from django.core.checks import run_checks

ids = [e.id for e in run_checks()]
if not has_pillow:
    claim("fields.E210" in ids, "ImageField without Pillow fails the check with fields.E210")
