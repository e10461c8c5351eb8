"""140 audit trail: the answer's middleware + pre_save/post_save receivers
record who changed what; update()/bulk_create()/bulk_update() bypass them;
QuerySet.delete() sends delete signals per object; loaddata sends raw=True."""
from djqcheck import claim, create_tables, equal, queries, setup

setup(MIDDLEWARE=[
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "djqcheck.models.AuditUserMiddleware",
])

from django.conf import settings
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=50)
    price = models.IntegerField()


class AuditEntry(models.Model):
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    model = models.CharField(max_length=50)
    object_pk = models.CharField(max_length=50)
    action = models.CharField(max_length=10)
    changes = models.JSONField()


from djqcheck import since

if since(6, 1):
    class Shelf(models.Model):
        pass

    class Item(models.Model):
        shelf = models.ForeignKey(Shelf, on_delete=models.DB_CASCADE)


# --- the answer's code, as written ---
from contextvars import ContextVar

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.forms.models import model_to_dict

current_user = ContextVar("current_user", default=None)


class AuditUserMiddleware:  # after AuthenticationMiddleware
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if request.user.is_authenticated else None
        token = current_user.set(user)
        try:
            return self.get_response(request)
        finally:
            current_user.reset(token)


@receiver(pre_save, sender=Product)
def remember_old(sender, instance, **kwargs):
    old = sender.objects.filter(pk=instance.pk).first()
    instance._audit_old = model_to_dict(old) if old else {}


@receiver(post_save, sender=Product)
def record_save(sender, instance, created, **kwargs):
    new = model_to_dict(instance)
    old = getattr(instance, "_audit_old", {})
    changes = {
        k: [str(old.get(k)), str(v)]
        for k, v in new.items() if old.get(k) != v
    }
    if changes:
        AuditEntry.objects.create(
            actor=current_user.get(), model="shop.product",
            object_pk=str(instance.pk),
            action="create" if created else "update", changes=changes,
        )
# --- end ---

from django.http import HttpResponse
from django.urls import path


def edit(request, pk):
    p = Product.objects.get(pk=pk)
    p.price = int(request.POST["price"])
    p.save()
    return HttpResponse("ok")


urlpatterns = [path("edit/<int:pk>/", edit)]

create_tables()
from django.contrib.auth.models import User

ann = User.objects.create_user("ann", password="pw")

with queries(3, "a create costs the extra SELECT in pre_save, the INSERT and the audit INSERT"):
    p = Product.objects.create(name="Pen", price=3)
e = AuditEntry.objects.get()
equal((e.action, e.actor, e.changes), ("create", None, {"id": ["None", str(p.pk)], "name": ["None", "Pen"], "price": ["None", "3"]}), "a create is recorded with old values None and no actor outside a request")

from django.test import Client

c = Client()
c.force_login(ann)
r = c.post("/edit/%d/" % p.pk, {"price": "5"})
equal(r.status_code, 200, "the edit view runs")
e = AuditEntry.objects.latest("pk")
equal((e.action, e.actor, e.changes), ("update", ann, {"price": ["3", "5"]}), "the middleware's context variable supplies request.user; only the changed field is recorded")
claim(current_user.get() is None, "the user is reset after the request")

p.refresh_from_db()
n = AuditEntry.objects.count()
p.save()
equal(AuditEntry.objects.count(), n, "a no-op save records nothing")

Product.objects.filter(pk=p.pk).update(price=99)
Product.objects.bulk_create([Product(name="Cup", price=1)])
Product.objects.bulk_update([Product(pk=p.pk, name="Pen", price=100)], ["price"])
equal(AuditEntry.objects.count(), n, "update(), bulk_create() and bulk_update() send no save signals")

from django.db.models.signals import post_delete

deleted = []
post_delete.connect(lambda sender, instance, **kw: deleted.append(instance.name), sender=Product, weak=False)
Product.objects.all().delete()
equal(sorted(deleted), ["Cup", "Pen"], "QuerySet.delete() sends post_delete for each object")

raws = []
pre_save.connect(lambda sender, raw, **kw: raws.append(raw), sender=Product, weak=False)
import json
import os
import tempfile

from django.core.management import call_command

fx = os.path.join(tempfile.mkdtemp(), "p.json")
with open(fx, "w") as f:
    json.dump([{"model": "djqcheck.product", "pk": 50, "fields": {"name": "Fx", "price": 1}}], f)
call_command("loaddata", fx, verbosity=0)
equal(raws, [True], "loaddata sends the save signals with raw=True")

if since(6, 1):
    from django.db.models.signals import pre_delete

    gone = []
    pre_delete.connect(lambda sender, **kw: gone.append(sender.__name__), weak=False)
    shelf = Shelf.objects.create()
    Item.objects.create(shelf=shelf)
    shelf.delete()
    equal(Item.objects.count(), 0, "DB_CASCADE deletes the child rows in the database")
    equal(gone, ["Shelf"], "6.1: rows removed by DB_CASCADE send no delete signals")
else:
    claim(not hasattr(models, "DB_CASCADE"), "DB_CASCADE is new in 6.1")
