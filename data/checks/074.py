"""074 Gunicorn/Uvicorn (the servers are not installed here): the entry
points' application objects, that Django's ASGI handler refuses the
lifespan protocol, sync views served under ASGI, and SECURE_PROXY_SSL_HEADER."""
import asyncio
import os

from djqcheck import claim, equal, raises, setup, since

setup(ALLOWED_HOSTS=["www.example.com", "testserver"])

import django

tpl = open(os.path.join(os.path.dirname(django.__file__), "conf/project_template/project_name/wsgi.py-tpl")).read()
claim("from django.core.wsgi import get_wsgi_application" in tpl and "application = get_wsgi_application()" in tpl, "startproject's wsgi.py exposes application = get_wsgi_application()")
atpl = open(os.path.join(os.path.dirname(django.__file__), "conf/project_template/project_name/asgi.py-tpl")).read()
claim("application = get_asgi_application()" in atpl, "asgi.py is the same with get_asgi_application()")

from django.core.asgi import get_asgi_application
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path
import threading


def sync_view(request):
    return HttpResponse(f"{request.is_secure()} {threading.current_thread() is threading.main_thread()}")


urlpatterns = [path("", sync_view)]

wsgi_app = get_wsgi_application()
asgi_app = get_asgi_application()


def wsgi_call(extra=None):
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "SERVER_NAME": "www.example.com", "SERVER_PORT": "80", "wsgi.url_scheme": "http", "wsgi.input": __import__("io").BytesIO(), "HTTP_HOST": "www.example.com"}
    environ.update(extra or {})
    status = []
    body = b"".join(wsgi_app(environ, lambda s, h: status.append(s)))
    return status[0], body


equal(wsgi_call(), ("200 OK", b"False True"), "the WSGI callable takes (environ, start_response)")


async def asgi_call(scope):
    sent = []
    msgs = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if msgs:
            return msgs.pop(0)
        await asyncio.Event().wait()  # the client stays connected

    async def send(m):
        sent.append(m)

    await asgi_app(scope, receive, send)
    return sent


scope = {"type": "http", "method": "GET", "path": "/", "headers": [(b"host", b"www.example.com")], "query_string": b"", "server": ("www.example.com", 80), "scheme": "http", "asgi": {"version": "3.0"}}
sent = asyncio.run(asgi_call(scope))
equal(sent[0]["status"], 200, "the ASGI app serves the request")
equal(sent[1]["body"], b"False False", "a sync view still works under ASGI but runs in a thread (not the event loop's)")

with raises(ValueError, "lifespan", what="Django does not implement the ASGI lifespan protocol"):
    asyncio.run(asgi_call({"type": "lifespan", "asgi": {"version": "3.0"}}))

from django.test import override_settings

with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
    equal(wsgi_call({"HTTP_X_FORWARDED_PROTO": "https"})[1].split()[0], b"True", "SECURE_PROXY_SSL_HEADER makes request.is_secure() trust the proxy's header")
equal(wsgi_call({"HTTP_X_FORWARDED_PROTO": "https"})[1].split()[0], b"False", "without the setting the header is ignored")
with override_settings(ALLOWED_HOSTS=["www.example.com"]):
    equal(wsgi_call({"HTTP_HOST": "evil.example"})[0], "400 Bad Request", "ALLOWED_HOSTS rejects other Host headers")

import sys

if since(6, 0):
    claim(sys.version_info >= (3, 12), "Django 6.x needs Python 3.12 or newer")
