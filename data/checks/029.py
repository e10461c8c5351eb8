"""029 request/response lifecycle: signal order, middleware onion order,
early return, process_view/process_template_response, exception → status
mapping, and the answer's TimingMiddleware, through the test client."""
from djqcheck import claim, create_tables, equal, setup

events = []


class Outer:
    def __init__(self, get_response):
        events.append("init Outer")
        self.get_response = get_response

    def __call__(self, request):
        events.append("outer in")
        if request.path == "/short/":
            from django.http import HttpResponse

            return HttpResponse("short")
        response = self.get_response(request)
        events.append("outer out")
        return response


class Inner:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        events.append("inner in")
        response = self.get_response(request)
        events.append("inner out")
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        events.append("process_view %s" % view_func.__name__)

    def process_template_response(self, request, response):
        events.append("process_template_response")
        response.context_data["extra"] = "added"
        return response


# --- the answer's code, verbatim ---
import time


class TimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response  # runs once, at startup

    def __call__(self, request):
        start = time.monotonic()  # request phase, before the view
        # inner layers, URL resolution, view
        response = self.get_response(request)
        # response phase
        response["X-Elapsed"] = f"{time.monotonic() - start:.3f}s"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        return None  # None means: carry on to the view
# --- end ---

setup(
    middleware=["djqcheck.models.TimingMiddleware", "djqcheck.models.Outer", "djqcheck.models.Inner"],
    templates={"t.html": "{{ extra }}"},
)

from django.core.exceptions import PermissionDenied
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import got_request_exception, request_finished, request_started
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path


def view(request, n):
    events.append("view %r %s" % (n, type(request).__name__))
    return HttpResponse("ok")


def tview(request):
    return TemplateResponse(request, "t.html", {})


def missing(request):
    raise Http404


def denied(request):
    raise PermissionDenied


def boom(request):
    raise ValueError("boom")


urlpatterns = [
    path("v/<int:n>/", view),
    path("t/", tview),
    path("404/", missing),
    path("403/", denied),
    path("500/", boom),
]

request_started.connect(lambda **kw: events.append("request_started"), weak=False)
request_finished.connect(lambda **kw: events.append("request_finished"), weak=False)
got = []
got_request_exception.connect(lambda **kw: got.append(kw["request"].path), weak=False)

from django.test import Client

c = Client(raise_request_exception=False)
r = c.get("/v/5/")
equal(
    events,
    ["init Outer", "request_started", "outer in", "inner in", "process_view view",
     "view 5 WSGIRequest", "inner out", "outer out", "request_finished"],
    "request_started, middleware top-down, process_view, the view (with the converted argument), "
    "middleware bottom-up, request_finished when the response is closed",
)
claim(r["X-Elapsed"].endswith("s"), "TimingMiddleware adds X-Elapsed in the response phase")

events.clear()
c.get("/v/6/")
claim("init Outer" not in events, "the middleware chain is built once, not per request")

events.clear()
r = c.get("/short/")
equal(r.content, b"short", "a middleware may return a response early")
claim("inner in" not in events and not any(e.startswith("view") for e in events),
      "after an early return the inner layers and the view never run")

r = c.get("/t/")
equal(r.content.decode(), "added", "process_template_response may change a TemplateResponse's context before it is rendered")

equal(c.get("/404/").status_code, 404, "Http404 becomes a 404")
equal(c.get("/403/").status_code, 403, "PermissionDenied becomes a 403")
import logging

with_log = []


class H(logging.Handler):
    def emit(self, record):
        with_log.append(record.getMessage())


logging.getLogger("django.request").addHandler(H())
equal(c.get("/500/").status_code, 500, "an unknown exception becomes a 500")
claim("/500/" in got, "got_request_exception announces the 500")
claim(any("/500/" in m for m in with_log), "the 500 is logged by the django.request logger")
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest

claim(issubclass(WSGIRequest, HttpRequest), "WSGIRequest is an HttpRequest subclass")

claim(issubclass(ASGIRequest, HttpRequest), "ASGIRequest is an HttpRequest subclass")
from django.db import close_old_connections

import weakref

live = lambda sig: [r() if isinstance(r, weakref.ReferenceType) else r for _, r, *rest in sig.receivers]
claim(close_old_connections in live(request_started) and close_old_connections in live(request_finished),
      "old or broken connections are closed at the start and the end of each request")
