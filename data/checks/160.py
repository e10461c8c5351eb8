"""160 streaming and SSE: the answer's sse() format and async SSE view run
under Django's ASGI handler (headers, retry, events after Last-Event-ID,
keep-alive comment, cancelled on client disconnect), a mismatched iterator
is buffered with a warning either way, and a streaming response has no
content/Content-Length."""
import asyncio

from djqcheck import claim, create_tables, equal, raises, setup, warns

setup(database="postgresql")

from django.db import models


class Sale(models.Model):
    amount = models.DecimalField(max_digits=8, decimal_places=2)


# --- the answer's code, as written (minus `from .models import Sale`) ---
import asyncio
import json

from django.http import StreamingHttpResponse


def sse(data, event=None, id=None):
    lines = [f"id: {id}"] if id is not None else []
    if event:
        lines.append(f"event: {event}")
    lines.append(f"data: {json.dumps(data)}")
    return "\n".join(lines) + "\n\n"   # blank line ends the message


async def sale_events(request):
    # EventSource sends the last id it saw when it reconnects
    last_id = int(request.headers.get("Last-Event-ID") or 0)

    async def stream():
        nonlocal last_id
        yield "retry: 5000\n\n"   # reconnect delay for the browser
        try:
            while True:
                new = Sale.objects.filter(pk__gt=last_id).order_by("pk")
                async for sale in new:
                    last_id = sale.pk
                    data = {"amount": str(sale.amount)}
                    yield sse(data, event="sale", id=sale.pk)
                yield ": keep-alive\n\n"  # comment line, ignored
                await asyncio.sleep(5)
        except asyncio.CancelledError:
            # client disconnected (handled since Django 5.0): clean up
            cancelled.append(True)
            raise

    return StreamingHttpResponse(
        stream(),
        content_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
# --- end (one line added in the except block to observe the cancellation) ---

cancelled = []
from django.urls import path

urlpatterns = [path("events/sales/", sale_events)]
create_tables()
from decimal import Decimal

s1 = Sale.objects.create(amount=Decimal("1.00"))
s2 = Sale.objects.create(amount=Decimal("2.50"))
s3 = Sale.objects.create(amount=Decimal("3.75"))

equal(sse({"a": 1}, event="sale", id=7), 'id: 7\nevent: sale\ndata: {"a": 1}\n\n', "sse(): id, event and data lines, then a blank line")
equal(sse("x"), 'data: "x"\n\n', "id and event are optional")

from django.core.handlers.asgi import ASGIHandler


async def run_asgi():
    sent, seen_keepalive, first = [], asyncio.Event(), [True]

    async def receive():
        if first:
            first.pop()
            return {"type": "http.request", "body": b"", "more_body": False}
        await seen_keepalive.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)
        if message["type"] == "http.response.body" and b"keep-alive" in message.get("body", b""):
            seen_keepalive.set()

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": "/events/sales/", "raw_path": b"/events/sales/", "query_string": b"",
        "root_path": "", "headers": [(b"host", b"testserver"), (b"last-event-id", str(s1.pk).encode())],
        "client": ("127.0.0.1", 1), "server": ("testserver", 80),
    }
    await asyncio.wait_for(ASGIHandler()(scope, receive, send), timeout=4)
    return sent


sent = asyncio.run(run_asgi())
start = sent[0]
headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
equal((start["status"], headers["content-type"], headers["cache-control"], headers["x-accel-buffering"]),
      (200, "text/event-stream", "no-cache", "no"), "200 text/event-stream with no-cache and X-Accel-Buffering: no")
claim("content-length" not in headers, "a streaming response has no Content-Length")
bodies = [m.get("body", b"").decode() for m in sent[1:] if m.get("body")]
equal(bodies[0], "retry: 5000\n\n", "the first chunk sets the reconnect delay")
equal(bodies[1:4], [sse({"amount": "2.50"}, event="sale", id=s2.pk), sse({"amount": "3.75"}, event="sale", id=s3.pk), ": keep-alive\n\n"],
      "each event is sent as its own chunk, only those after Last-Event-ID, then a keep-alive comment")
equal(cancelled, [True], "on client disconnect the generator gets CancelledError (and the handler returns)")

# Mismatched iterators: buffered, with a warning.
def sync_gen():
    yield "a"
    yield "b"


async def async_gen():
    yield "a"
    yield "b"


async def consume(resp):
    return [c async for c in resp]


with warns(Warning, "must consume synchronous iterators", what="a sync generator under ASGI is read whole first, with a warning"):
    equal(asyncio.run(consume(StreamingHttpResponse(sync_gen()))), [b"a", b"b"], "... and still delivered")
with warns(Warning, "must consume asynchronous iterators", what="an async generator under WSGI is read whole first, with a warning"):
    equal(list(StreamingHttpResponse(async_gen())), [b"a", b"b"], "... and still delivered")

r = StreamingHttpResponse(sync_gen())
with raises(AttributeError, "no `content` attribute", what="response.content doesn't exist on a streaming response"):
    r.content
claim(r.streaming and not r.has_header("Content-Length"), "no Content-Length on a streaming response")
