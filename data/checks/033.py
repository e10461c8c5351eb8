"""033 UUIDs in URLs: the answer's models, URLconf and views through the test
client; the uuid converter hands a uuid.UUID and matches only the canonical
lowercase dashed form; reverse with a UUID or str; column types; 6.1's UUID4
database function."""
import uuid

from djqcheck import claim, create_tables, equal, raises, setup, since

setup(templates={
    "billing/invoice_detail.html": "invoice {{ invoice.total }}",
    "djqcheck/order_detail.html": "order {{ object.public_id }}",
})

# --- the answer's code, verbatim ---
import uuid

from django.db import models


class Invoice(models.Model):
    # Option A: UUID as the primary key
    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False
    )
    total = models.DecimalField(max_digits=10, decimal_places=2)


class Order(models.Model):
    # Option B: keep the integer primary key, expose a public UUID
    public_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False
    )
    created = models.DateTimeField(auto_now_add=True)


from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView

seen = []


def invoice_detail(request, pk):  # pk is a uuid.UUID
    seen.append(type(pk))
    invoice = get_object_or_404(Invoice, pk=pk)
    return render(
        request, "billing/invoice_detail.html", {"invoice": invoice}
    )


class OrderDetail(DetailView):
    model = Order
    slug_field = "public_id"  # model field to filter on
    slug_url_kwarg = "public_id"  # name captured in the URL


from django.urls import path


class views:  # stands in for "from . import views"
    invoice_detail = invoice_detail
    OrderDetail = OrderDetail


urlpatterns = [
    path(
        "invoices/<uuid:pk>/", views.invoice_detail, name="invoice-detail"
    ),
    path(
        "orders/<uuid:public_id>/",
        views.OrderDetail.as_view(),
        name="order-detail",
    ),
]
# --- end ---
create_tables()

from django.db import connection
from django.test import Client
from django.urls import reverse

inv = Invoice.objects.create(total="9.50")
claim(isinstance(inv.pk, uuid.UUID), "default=uuid.uuid4 gives every row a UUID")
order = Order.objects.create()
claim(Order._meta.get_field("public_id").unique and Order._meta.pk.name == "id",
      "option B keeps the integer pk and a unique public_id")
claim(not Invoice._meta.get_field("id").editable, "editable=False")

c = Client()
url = reverse("invoice-detail", kwargs={"pk": inv.pk})
equal(url, f"/invoices/{inv.pk}/", "reverse works with a UUID object")
equal(reverse("invoice-detail", kwargs={"pk": str(inv.pk)}), url, "reverse works with the UUID's string")
r = c.get(url)
equal((r.status_code, r.content), (200, b"invoice 9.50"), "the view finds the invoice")
equal(seen, [uuid.UUID], "the converter hands the view a uuid.UUID")
equal(c.get(f"/invoices/{uuid.uuid4()}/").status_code, 404, "an unknown UUID is a 404 from get_object_or_404")
equal(c.get(f"/invoices/{str(inv.pk).upper()}/").status_code, 404, "uppercase does not match")
equal(c.get(f"/invoices/{inv.pk.hex}/").status_code, 404, "the dash-less form does not match")
equal(c.get("/invoices/not-a-uuid/").status_code, 404, "a malformed UUID does not match the pattern")
equal(len(seen), 2, "non-canonical spellings never reach the view")
r = c.get(reverse("order-detail", kwargs={"public_id": order.public_id}))
equal(r.content.decode(), f"order {order.public_id}", "DetailView looks the order up by its slug_field")

equal(Invoice._meta.get_field("id").db_type(connection), "char(32)", "outside PostgreSQL/MariaDB it is char(32)")

from django.db.backends.postgresql.base import DatabaseWrapper as PG

equal(PG.data_types["UUIDField"], "uuid", "PostgreSQL uses a native uuid column")

if since(6, 1):
    from django.db.models.functions import UUID4

    class Token(models.Model):
        key = models.UUIDField(db_default=UUID4())

    create_tables()
    t = Token.objects.create()
    claim(isinstance(t.key, uuid.UUID) and t.key.version == 4, "6.1: UUID4() lets the database generate the value")

    import sys

    from django.db import NotSupportedError, transaction
    from django.db.models.functions import UUID7

    class Event(models.Model):
        key = models.UUIDField(db_default=UUID7())

    if sys.version_info < (3, 14):
        with raises(NotSupportedError, what="6.1: UUID7() on SQLite needs Python 3.14+"):
            with transaction.atomic():
                create_tables()
                Event.objects.create()
    else:
        create_tables()
        claim(Event.objects.create().key.version == 7, "6.1: UUID7() on SQLite with Python 3.14+")
else:
    import django.db.models.functions as f

    claim(not hasattr(f, "UUID4"), "UUID4/UUID7 functions are new in 6.1")
