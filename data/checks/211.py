"""211 DRF file uploads: the answer's Document model, DocumentSerializer and
DocumentViewSet through the test client (multipart create, absolute URL,
size and type checks, JSON gets 415, not-a-file and empty errors), RawUpload
with FileUploadParser (URL filename, Content-Disposition, missing name), the
upload size settings and ImageField without Pillow."""
import re
import tempfile

from djqcheck import claim, create_tables, equal, setup

media = tempfile.mkdtemp()
import atexit, shutil

atexit.register(shutil.rmtree, media, True)
setup(installed_apps=["rest_framework"], MEDIA_ROOT=media, MEDIA_URL="/media/")

# --- the answer's first block, verbatim ---
from django.db import models
from rest_framework import serializers, viewsets
from rest_framework.parsers import FormParser, MultiPartParser


class Document(models.Model):
    title = models.CharField(max_length=100)
    file = models.FileField(upload_to="documents/%Y/%m/")
    uploaded_at = models.DateTimeField(auto_now_add=True)


MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "file", "uploaded_at"]

    def validate_file(self, value):
        if value.size > MAX_UPLOAD_BYTES:
            raise serializers.ValidationError("Files must be 5 MB or smaller.")
        if not value.name.lower().endswith((".pdf", ".txt")):
            raise serializers.ValidationError("Only PDF and text files are allowed.")
        return value


class DocumentViewSet(viewsets.ModelViewSet):
    queryset = Document.objects.all()
    serializer_class = DocumentSerializer
    parser_classes = [MultiPartParser, FormParser]
# --- end ---

# --- the answer's second block, verbatim ---
from django.urls import path
from rest_framework.parsers import FileUploadParser
from rest_framework.response import Response
from rest_framework.views import APIView


class RawUpload(APIView):
    parser_classes = [FileUploadParser]

    def put(self, request, filename):
        upload = request.data["file"]
        doc = Document(title=filename)
        doc.file.save(filename, upload)  # saves the model too
        return Response({"id": doc.pk}, status=201)


urlpatterns = [path("upload/<str:filename>/", RawUpload.as_view())]
# --- end ---

seen_types = []


class Probe(APIView):
    def post(self, request):
        f = request.data["file"]
        seen_types.append(type(f).__name__)
        return Response({"n": len(request.data.getlist("file")), "size": f.size})


class RawNoUrlName(APIView):
    parser_classes = [FileUploadParser]

    def put(self, request):
        return Response({"name": request.data["file"].name, "keys": sorted(request.data.keys())})


from django.urls import include
from rest_framework.routers import SimpleRouter

router = SimpleRouter()
router.register("documents", DocumentViewSet)
urlpatterns += [path("", include(router.urls)), path("probe/", Probe.as_view()), path("raw/", RawNoUrlName.as_view())]

create_tables()
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.settings import DEFAULTS, api_settings
from rest_framework.test import APIClient

c = APIClient()

# multipart create; absolute URL output
r = c.post("/documents/", {"title": "Report", "file": SimpleUploadedFile("report.txt", b"hello")}, format="multipart")
equal(r.status_code, 201, "a multipart POST creates the document")
claim(re.fullmatch(r"http://testserver/media/documents/\d{4}/\d{2}/report\.txt", r.json()["file"]),
      "the response has the absolute file URL under upload_to: %r" % r.json()["file"])
doc = Document.objects.get()
equal(doc.file.read(), b"hello", "save() stored the file through the storage")
equal(DEFAULTS["UPLOADED_FILES_USE_URL"], True, "UPLOADED_FILES_USE_URL defaults to True")
equal(DocumentSerializer(doc).data["file"], doc.file.url, "without a request in the context the URL is relative")


class NameOnly(DocumentSerializer):
    file = serializers.FileField(use_url=False)


equal(NameOnly(doc).data["file"], doc.file.name, "use_url=False returns the stored name")

r = c.post("/documents/", {"title": "Again", "file": SimpleUploadedFile("report.txt", b"again")}, format="multipart")
name2 = Document.objects.get(pk=r.json()["id"]).file.name
claim(name2 != doc.file.name and re.fullmatch(r"documents/\d{4}/\d{2}/report_\w{7}\.txt", name2),
      "a taken name gets a random suffix: %r" % name2)

# validation
r = c.post("/documents/", {"title": "x", "file": SimpleUploadedFile("x.exe", b"MZ")}, format="multipart")
equal((r.status_code, r.json().get("file")), (400, ["Only PDF and text files are allowed."]), "the type check rejects .exe")
big = SimpleUploadedFile("big.txt", b"x" * (MAX_UPLOAD_BYTES + 1))
r = c.post("/documents/", {"title": "x", "file": big}, format="multipart")
equal((r.status_code, r.json().get("file")), (400, ["Files must be 5 MB or smaller."]), "the size check rejects a 5 MB + 1 file")
r = c.post("/documents/", {"title": "x", "file": SimpleUploadedFile("e.txt", b"")}, format="multipart")
equal(r.json().get("file"), ["The submitted file is empty."], "empty files are rejected")
ok = serializers.FileField(allow_empty_file=True).run_validation(SimpleUploadedFile("e.txt", b""))
claim(ok.size == 0, "unless allow_empty_file=True")
s = serializers.FileField(max_length=5)
from rest_framework.exceptions import ValidationError

try:
    s.run_validation(SimpleUploadedFile("longname.txt", b"x" * 10))
    claim(False, "max_length limits the file name")
except ValidationError as e:
    claim("filename" in str(e.detail[0]), "max_length limits the file name, not the size")
s = serializers.FileField(max_length=50)
claim(s.run_validation(SimpleUploadedFile("a.txt", b"x" * 1000)).size == 1000, "a 1000-byte file passes max_length=50")

# JSON: 415 on this viewset; "not a file" with a JSON parser
r = c.post("/documents/", {"title": "x", "file": "report.txt"}, format="json")
equal(r.status_code, 415, "limiting parser_classes makes a JSON request fail with 415")
s = DocumentSerializer(data={"title": "x", "file": "report.txt"})
s.is_valid()
equal(s.errors["file"], ["The submitted data was not a file. Check the encoding type on the form."],
      "a string instead of a file gives 'The submitted data was not a file...'")

# FileUploadParser
r = c.put("/upload/notes.txt/", data=b"raw bytes", content_type="application/octet-stream")
equal(r.status_code, 201, "RawUpload stores the raw body")
d = Document.objects.get(pk=r.json()["id"])
equal((d.title, d.file.read()), ("notes.txt", b"raw bytes"), "named by the filename URL keyword")
r = c.put("/raw/", data=b"abc", content_type="image/png", HTTP_CONTENT_DISPOSITION="attachment; filename=pic.png")
equal(r.json(), {"name": "pic.png", "keys": ["file"]}, "or by Content-Disposition; request.data holds only 'file' (any content type)")
r = c.put("/raw/", data=b"abc", content_type="text/plain")
equal(r.status_code, 400, "without a file name DRF answers 400")
claim(r.json()["detail"].startswith("Missing filename"), "with 'Missing filename...'")

# size settings
from django.conf import settings as s_
from django.conf import global_settings as g

equal((g.DATA_UPLOAD_MAX_MEMORY_SIZE, g.FILE_UPLOAD_MAX_MEMORY_SIZE, g.DATA_UPLOAD_MAX_NUMBER_FILES),
      (2621440, 2621440, 100), "defaults: 2.5 MB, 2.5 MB, 100 files")
r = c.post("/probe/", {"file": SimpleUploadedFile("ten.bin", b"x" * (10 * 1024 * 1024))}, format="multipart")
equal((r.status_code, r.json()["size"]), (200, 10 * 1024 * 1024), "a 10 MB file passes DATA_UPLOAD_MAX_MEMORY_SIZE")
equal(seen_types[-1], "TemporaryUploadedFile", "larger than FILE_UPLOAD_MAX_MEMORY_SIZE: streamed to a temporary file")
c.post("/probe/", {"file": SimpleUploadedFile("s.bin", b"x")}, format="multipart")
equal(seen_types[-1], "InMemoryUploadedFile", "small uploads stay in memory")
many = [SimpleUploadedFile(f"f{i}.txt", b"x") for i in range(101)]
r = c.post("/probe/", {"file": many}, format="multipart")
equal(r.status_code, 400, "more than DATA_UPLOAD_MAX_NUMBER_FILES files gives a 400")
r = c.post("/probe/", {"file": many[:100]}, format="multipart")
equal(r.json()["n"], 100, "100 files are accepted")
r = c.post("/probe/", {"file": SimpleUploadedFile("a.txt", b"x"), "big": "y" * 2621441}, format="multipart")
equal(r.status_code, 400, "the non-file part of the body over 2.5 MB is refused")

# deleting the instance keeps the file
import os

path_on_disk = d.file.path
d.delete()
claim(os.path.exists(path_on_disk), "deleting a model instance does not delete its file")

# ImageField needs Pillow
try:
    import PIL  # noqa: F401

    have_pil = True
except ImportError:
    have_pil = False


class Photo(models.Model):
    image = models.ImageField(upload_to="p/")


ids = [e.id for e in Photo.check()]
if have_pil:
    claim("fields.E210" not in ids, "with Pillow there is no E210")
else:
    claim("fields.E210" in ids, "without Pillow a model ImageField fails the system check fields.E210")
claim(issubclass(serializers.ImageField, serializers.FileField), "ImageField works the same way as FileField")
