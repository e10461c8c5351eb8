"""079 WSGI vs ASGI: the answer's entry points (application callables), an
async view served through WSGI in a one-off event loop, sync middleware
forcing a thread under ASGI, SynchronousOnlyOperation for the sync ORM in
async code, and CONN_MAX_AGE's default."""
import asyncio
import os
import threading

from djqcheck import claim, create_tables, equal, raises, setup, since

import tempfile

# a file database, so the threads that async code uses see the same tables
setup(DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": tempfile.mktemp(suffix=".db")}})
from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=10)


create_tables()

# --- the answer's entry points, verbatim (settings module line kept) ---
# mysite/wsgi.py
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
application = get_wsgi_application()
wsgi_application = application

# mysite/asgi.py
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
application = get_asgi_application()
# --- end ---
asgi_application = application

from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler

claim(isinstance(wsgi_application, WSGIHandler) and isinstance(asgi_application, ASGIHandler), "startproject's entry points expose WSGI and ASGI application objects")
claim(asyncio.iscoroutinefunction(type(asgi_application).__call__), "the ASGI application is an async callable")

from django.http import HttpResponse
from django.urls import path

seen = {}


async def async_view(request):
    loop = asyncio.get_running_loop()
    seen.setdefault("loops", []).append(id(loop))
    try:
        Item.objects.count()
    except Exception as e:  # sync ORM inside async code
        seen["error"] = type(e).__name__
    n = await Item.objects.acount()
    return HttpResponse(str(n))


def sync_view(request):
    seen["sync_thread_main"] = threading.current_thread() is threading.main_thread()
    return HttpResponse("sync")


urlpatterns = [path("a/", async_view), path("s/", sync_view)]

from django.test import AsyncClient, Client

c = Client()  # drives the WSGI-style handler
equal(c.get("/a/").content, b"0", "async views work under WSGI")
c.get("/a/")
equal(len(set(seen["loops"])), 2, "under WSGI each async view runs in its own one-off event loop")
equal(seen["error"], "SynchronousOnlyOperation", "the sync ORM raises SynchronousOnlyOperation inside async code")


async def via_asgi():
    ac = AsyncClient()
    r = await ac.get("/s/")
    return r.content


equal(asyncio.run(via_asgi()), b"sync", "sync views work under ASGI")
claim(seen["sync_thread_main"] is False, "under ASGI a sync view is sent to a thread (sync_to_async)")

from django.db import connection

equal(connection.settings_dict["CONN_MAX_AGE"], 0, "the CONN_MAX_AGE database option defaults to 0 (what the docs recommend under ASGI)")

# Sync-only middleware: Django adapts the async view, which costs a context switch per call.
from django.core.handlers.base import BaseHandler
from django.test import override_settings

with override_settings(MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware"]):
    from django.contrib.sessions.middleware import SessionMiddleware

    claim(SessionMiddleware.async_capable and SessionMiddleware.sync_capable, "Django's own middleware is async-capable")


class SyncOnly:
    sync_capable, async_capable = True, False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seen["mw_thread_main"] = threading.current_thread() is threading.main_thread()
        return self.get_response(request)


import sys

sys.modules[__name__].SyncOnly = SyncOnly
with override_settings(MIDDLEWARE=[__name__ + ".SyncOnly"]):
    async def via_asgi_async_view():
        return (await AsyncClient().get("/a/")).content

    equal(asyncio.run(via_asgi_async_view()), b"0", "an async view behind sync-only middleware still works under ASGI")
    claim(seen["mw_thread_main"] is False, "but the sync middleware runs in a thread for the request")
