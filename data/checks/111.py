"""111 private media: the answer's permission-checked download view through
the test client: anonymous users are sent to login, other users get 404,
the owner and staff get a FileResponse attachment with the content type and
length set, USE_X_ACCEL hands nginx an X-Accel-Redirect with no body;
nosniff is on by default; path traversal in names is refused."""
import tempfile
from pathlib import Path

from djqcheck import claim, create_tables, equal, raises, setup

PRIVATE = Path(tempfile.mkdtemp())
setup(USE_X_ACCEL=False, LOGIN_URL="/login/")

from django.core.files.storage import FileSystemStorage
from django.db import models

private = FileSystemStorage(location=PRIVATE)


class Invoice(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    pdf = models.FileField(storage=private, upload_to="invoices/")


from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404


@login_required
def download_invoice(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk)
    if invoice.owner_id != request.user.pk and not request.user.is_staff:
        raise Http404  # do not reveal that the file exists
    name = f"invoice-{invoice.pk}.pdf"

    if settings.USE_X_ACCEL:  # nginx sends the bytes
        response = HttpResponse(content_type="application/pdf")
        response["X-Accel-Redirect"] = f"/protected/{invoice.pdf.name}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    return FileResponse(  # Django streams the file
        invoice.pdf.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/pdf",
    )


from django.urls import path

urlpatterns = [path("invoices/<int:pk>/", download_invoice)]
create_tables()

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client, override_settings

alice = User.objects.create_user("alice")
bob = User.objects.create_user("bob")
staff = User.objects.create_user("staff", is_staff=True)
inv = Invoice(owner=alice)
inv.pdf.save("secret.pdf", ContentFile(b"%PDF-1.4 secret"))
url = f"/invoices/{inv.pk}/"

r = Client().get(url)
equal(r.status_code, 302, "anonymous users are redirected to login")
claim(r["Location"].startswith("/login/"), "to LOGIN_URL")
c = Client()
c.force_login(bob)
equal(c.get(url).status_code, 404, "another user gets 404, not 403")
equal(c.get("/invoices/999/").status_code, 404, "a missing invoice is also 404: both look the same")

c.force_login(alice)
r = c.get(url)
equal(r.status_code, 200, "the owner can download")
claim(isinstance(r, FileResponse) and r.streaming, "FileResponse streams the file")
equal(b"".join(r.streaming_content), b"%PDF-1.4 secret", "with the file's bytes")
equal(r["Content-Type"], "application/pdf", "the content type is set by the view")
equal(r["Content-Disposition"], f'attachment; filename="invoice-{inv.pk}.pdf"', "as_attachment sets Content-Disposition")
equal(r["Content-Length"], "15", "FileResponse sets Content-Length")
equal(r["X-Content-Type-Options"], "nosniff", "SECURE_CONTENT_TYPE_NOSNIFF is on by default")
r.close()

c.force_login(staff)
equal(c.get(url).status_code, 200, "staff may download too")

with override_settings(USE_X_ACCEL=True):
    c.force_login(alice)
    r = c.get(url)
    equal(r["X-Accel-Redirect"], f"/protected/{inv.pdf.name}", "nginx gets the internal path")
    equal(r.content, b"", "Django sends no bytes itself")
    equal(r["Content-Disposition"], f'attachment; filename="invoice-{inv.pk}.pdf"', "the download name is set")

from django.conf import global_settings

claim(global_settings.SECURE_CONTENT_TYPE_NOSNIFF is True, "nosniff defaults to True")

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.uploadedfile import SimpleUploadedFile

up = SimpleUploadedFile("../../etc/passwd.pdf", b"x")
equal(up.name, "passwd.pdf", "Django strips directory parts from uploaded names")
with raises(SuspiciousFileOperation, what="a traversal path is refused"):
    private.save("../outside.pdf", ContentFile(b"x"))
