"""100 WebSockets with Channels: channels, daphne and Redis are not installed
here, so only the Django side runs: Django's own ASGI application serves
HTTP but refuses a websocket connection, which is why Channels' router is
needed in asgi.py."""
import asyncio

from djqcheck import claim, equal, raises, setup

setup()
from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("", lambda r: HttpResponse("hi"))]
from django.core.asgi import get_asgi_application

django_asgi_app = get_asgi_application()

with raises(ValueError, "Django can only handle ASGI/HTTP connections, not websocket",
            what="Django has no WebSocket handling of its own"):
    asyncio.run(django_asgi_app({"type": "websocket", "path": "/ws/chat/x/"}, None, None))

sent = []


async def http():
    first = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if first:
            return first.pop()
        await asyncio.Future()  # no disconnect until the response is sent

    async def send(msg):
        sent.append(msg)

    await django_asgi_app({"type": "http", "method": "GET", "path": "/", "headers": [(b"host", b"testserver")],
                           "query_string": b"", "server": ("testserver", 80)}, receive, send)


asyncio.run(http())
equal(sent[0]["status"], 200, "Django serves HTTP over ASGI")
import importlib.util

claim(importlib.util.find_spec("channels") is None, "(channels is not available here)")
