"""099 sync_to_async / async_to_sync: the answer's transfer view, which
thread each mode uses, async_to_sync inside a running loop, the
SynchronousOnlyOperation guard and its escape hatch, cross-thread
connections. (The channels example cannot run: channels is not installed.)"""
import asyncio
import inspect
import os
import threading

from djqcheck import claim, create_tables, equal, raises, setup

setup(database="postgresql")

from django.db import models


class Account(models.Model):
    balance = models.IntegerField()


thumbs = []


def make_thumbnail(name):  # plain blocking function, no ORM
    thumbs.append((name, threading.get_ident()))


# --- the answer's code, verbatim (its imports of its own modules dropped) ---
from asgiref.sync import sync_to_async
from django.db import transaction
from django.db.models import F
from django.http import JsonResponse


@sync_to_async
def transfer(src_id, dst_id, amount):
    # transactions are not available in async code
    with transaction.atomic():
        Account.objects.filter(pk=src_id).update(
            balance=F("balance") - amount
        )
        Account.objects.filter(pk=dst_id).update(
            balance=F("balance") + amount
        )


async def transfer_view(request):
    await transfer(1, 2, 100)
    await sync_to_async(make_thumbnail, thread_sensitive=False)(
        "avatar.png"
    )
    return JsonResponse({"ok": True})
# --- end ---

from django.urls import path

urlpatterns = [path("t/", transfer_view)]
create_tables()
Account.objects.create(pk=1, balance=500)
Account.objects.create(pk=2, balance=0)
from django.test import Client

equal(Client().get("/t/").json(), {"ok": True}, "the async view awaits the wrapped functions")
equal(list(Account.objects.order_by("pk").values_list("balance", flat=True)), [400, 100], "transfer() ran its transaction")
main = threading.get_ident()
claim(thumbs[0][1] != main, "thread_sensitive=False runs in a fresh thread")

equal(inspect.signature(sync_to_async).parameters["thread_sensitive"].default, True, "thread_sensitive defaults to True")
from asgiref.sync import async_to_sync


async def where():
    return await sync_to_async(threading.get_ident)()


equal(async_to_sync(where)(), main, "with async_to_sync above it, thread-sensitive calls run in the main thread")


def in_other_thread():
    return asyncio.run(where())


claim(in_other_thread() != main, "without it they run in one shared thread")

# async_to_sync inside a running loop
async def bad():
    async_to_sync(asyncio.sleep)(0)


with raises(RuntimeError, "You cannot use AsyncToSync in the same thread as an async event loop",
            what="async_to_sync in a thread with a running loop raises RuntimeError"):
    asyncio.run(bad())

# SynchronousOnlyOperation even through a plain sync helper
from django.core.exceptions import SynchronousOnlyOperation


def helper():
    return Account.objects.count()


async def calls_helper():
    return helper()


with raises(SynchronousOnlyOperation, what="ORM from async code, even via a sync helper, raises SynchronousOnlyOperation"):
    asyncio.run(calls_helper())
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
try:
    equal(async_to_sync(calls_helper)(), 2, "DJANGO_ALLOW_ASYNC_UNSAFE turns the check off")
finally:
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
equal(async_to_sync(sync_to_async(helper))(), 2, "wrapping the helper in sync_to_async fixes it")

# A connection passed to another thread fails the thread-safety check.
from django.db import DatabaseError, connection

connection.ensure_connection()
errors = []
from django.db import connections

conn = connections["default"]
t = threading.Thread(target=lambda: errors.append(_try(conn)))


def _try(c):
    try:
        c.validate_thread_sharing()
    except DatabaseError as e:
        return e


t.start()
t.join()
claim(isinstance(errors[0], DatabaseError) and "same thread" in str(errors[0]), "using a connection from another thread raises DatabaseError")
