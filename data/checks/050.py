"""050 JsonResponse/StreamingHttpResponse/FileResponse: the answer's three
views through the test client (JSON with Decimal, streamed CSV without
Content-Length, PDF download headers, owner check), safe=False, encoder and
json_dumps_params, streaming_content only, sync/async iterator warnings."""
import asyncio
import tempfile
import warnings

from djqcheck import claim, create_tables, equal, raises, setup, warns

media = tempfile.mkdtemp()
setup(MEDIA_ROOT=media)

from django.conf import settings
from django.db import models


class Order(models.Model):  # the answer imports these from .models
    status = models.CharField(max_length=10)
    total = models.DecimalField(max_digits=8, decimal_places=2)
    created = models.DateField(auto_now_add=True)


class Invoice(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    pdf = models.FileField(upload_to="invoices")


# --- the answer's code, verbatim (minus "from .models import Invoice, Order") ---
import csv

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404


def order_status(request, pk):
    order = get_object_or_404(Order, pk=pk)
    data = {"id": order.pk, "status": order.status, "total": order.total}
    return JsonResponse(data)


class Echo:
    """A pseudo-buffer: write() returns the row instead of storing it."""

    def write(self, value):
        return value


def export_orders(request):
    writer = csv.writer(Echo())
    rows = Order.objects.values_list("pk", "created", "total").iterator()
    return StreamingHttpResponse(
        (writer.writerow(row) for row in rows),
        content_type="text/csv",
        headers={
            "Content-Disposition": 'attachment; filename="orders.csv"',
        },
    )


@login_required
def download_invoice(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk, owner=request.user)
    return FileResponse(
        invoice.pdf.open("rb"),
        as_attachment=True,
        filename=f"invoice-{pk}.pdf",
    )
# --- end ---

from django.urls import path

urlpatterns = [
    path("orders/<int:pk>/", order_status),
    path("orders.csv", export_orders),
    path("invoices/<int:pk>/", download_invoice),
]
create_tables()

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import AsyncClient, Client

o1 = Order.objects.create(status="paid", total="9.50")
Order.objects.create(status="new", total="1.00")
c = Client()
r = c.get(f"/orders/{o1.pk}/")
equal((r["Content-Type"], r.json()), ("application/json", {"id": o1.pk, "status": "paid", "total": "9.50"}),
      "JsonResponse serializes the dict; DjangoJSONEncoder handles Decimal")
with raises(TypeError, "safe", what="non-dict data raises TypeError unless safe=False"):
    JsonResponse([1, 2])
equal(JsonResponse([1, 2], safe=False).content, b"[1, 2]", "safe=False sends a list")
equal(JsonResponse({"a": 1}, json_dumps_params={"indent": 2}).content, b'{\n  "a": 1\n}', "json_dumps_params reaches json.dumps()")
import datetime
import uuid

u = uuid.UUID(int=1)
claim(JsonResponse({"d": datetime.date(2025, 1, 2), "u": u}).content == b'{"d": "2025-01-02", "u": "%s"}' % str(u).encode(),
      "DjangoJSONEncoder handles dates and UUIDs")

r = c.get("/orders.csv")
claim(r.streaming, "export_orders streams")
today = datetime.date.today().isoformat()
equal(b"".join(r.streaming_content).decode().splitlines(), [f"1,{today},9.50", f"2,{today},1.00"], "one CSV row per chunk")
equal((r["Content-Type"], r["Content-Disposition"]), ("text/csv", 'attachment; filename="orders.csv"'), "CSV headers")
claim(not r.has_header("Content-Length"), "no Content-Length for a streaming response")
with raises(AttributeError, "content", what="a streaming response has no content attribute"):
    StreamingHttpResponse(iter([b"x"])).content
with raises(AttributeError, what="...and no text attribute"):
    StreamingHttpResponse(iter([b"x"])).text

ann = User.objects.create_user("ann", password="pw")
bob = User.objects.create_user("bob", password="pw")
inv = Invoice(owner=ann)
inv.pdf.save("a.pdf", ContentFile(b"%PDF-1.4 fake"))
equal(c.get(f"/invoices/{inv.pk}/").status_code, 302, "login_required guards the download")
c.force_login(bob)
equal(c.get(f"/invoices/{inv.pk}/").status_code, 404, "another user's invoice is a 404")
c.force_login(ann)
r = c.get(f"/invoices/{inv.pk}/")
claim(isinstance(r, FileResponse) and issubclass(FileResponse, StreamingHttpResponse), "FileResponse is a StreamingHttpResponse subclass")
equal((r["Content-Type"], r["Content-Length"], r["Content-Disposition"]),
      ("application/pdf", "13", f'attachment; filename="invoice-{inv.pk}.pdf"'),
      "FileResponse sets Content-Type, Content-Length and an attachment Content-Disposition")
equal(b"".join(r.streaming_content), b"%PDF-1.4 fake", "the file is streamed")
r.close()
f = open(inv.pdf.path, "rb")
fr = FileResponse(f)
claim(fr["Content-Disposition"].startswith("inline; filename="), "without as_attachment: inline when the name is known")
fr.close()
claim(f.closed, "FileResponse closes the file itself")


# wrong iterator type: consumed whole, with a warning
async def agen():
    yield b"a"


urlpatterns += [path("sync/", lambda r: StreamingHttpResponse(iter([b"a", b"b"]))),
                path("async/", lambda r: StreamingHttpResponse(agen()))]
from django.urls import clear_url_caches

clear_url_caches()
with warns(Warning, "synchronous iterators", what="under ASGI a sync iterator is consumed first, with a warning"):
    async def fetch():
        r = await AsyncClient().get("/sync/")
        return [chunk async for chunk in r]

    equal(asyncio.run(fetch()), [b"a", b"b"], "the content still arrives")
with warns(Warning, "asynchronous iterators", what="under WSGI an async iterator is consumed first, with a warning"):
    equal(b"".join(iter(Client().get("/async/"))), b"a", "the content still arrives")
