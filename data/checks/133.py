"""133 Django vs FastAPI: FastAPI and django-ninja are not installed, so this
checks the answer's claims about Django's side: async views work, the async
ORM interface (aget, acount, async for) exists and runs the database work in
a thread via sync_to_async, sync ORM calls are refused inside the event loop,
transactions do not work in async code, and sync_to_async is the bridge."""
import asyncio
import threading

from djqcheck import claim, create_tables, equal, raises, setup

import os
import tempfile

# a file database: the async ORM's thread opens its own connection
db = os.path.join(tempfile.mkdtemp(), "db.sqlite3")
setup(DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": db}})

from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=50)
    price = models.FloatField()


async def create_item(request):  # an async Django view
    from django.http import JsonResponse

    item = await Item.objects.acreate(name="pen", price=1.5)
    return JsonResponse({"id": item.pk, "count": await Item.objects.acount()}, status=201)


from django.urls import path

urlpatterns = [path("items/", create_item)]
create_tables()

from django.test import AsyncClient

r = asyncio.run(AsyncClient().post("/items/"))
equal(r.status_code, 201, "async views work")
equal(r.json()["count"], 1, "the async ORM interface (acreate, acount) works")

for name in ("aget", "acount", "acreate", "__aiter__", "aupdate"):
    claim(hasattr(Item.objects.all(), name), "QuerySet has %s" % name)

from django.db import connection, transaction

threads = []
from django.db.models.query import QuerySet

original_get = QuerySet.get


def recording_get(self, *args, **kwargs):
    threads.append(threading.get_ident())
    return original_get(self, *args, **kwargs)


QuerySet.get = recording_get


async def main():
    await Item.objects.aget(name="pen")
    return threading.get_ident()


loop_thread = asyncio.run(main())
QuerySet.get = original_get
claim(threads and all(t != loop_thread for t in threads),
      "aget() runs the synchronous get() in another thread (sync_to_async)")

from django.core.exceptions import SynchronousOnlyOperation


async def sync_call():
    return Item.objects.count()


with raises(SynchronousOnlyOperation, what="plain ORM calls are refused inside the event loop"):
    asyncio.run(sync_call())


async def in_transaction():
    with transaction.atomic():
        await Item.objects.acreate(name="x", price=1)


with raises(SynchronousOnlyOperation, what="transactions are not supported in async mode"):
    asyncio.run(in_transaction())

from asgiref.sync import sync_to_async


def transfer():
    with transaction.atomic():
        Item.objects.create(name="y", price=2)
        return Item.objects.count()


equal(asyncio.run(sync_to_async(transfer)()), 2, "wrap transactional code in sync_to_async")

import django

claim(django.VERSION >= (4, 1), "the async ORM interface exists since 4.1")
