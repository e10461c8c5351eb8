"""027 middleware: TimingMiddleware and AsyncTimingMiddleware run as written
(Server-Timing header, process_exception returning None), onion order,
short-circuiting, exceptions turned into responses between layers,
MiddlewareNotUsed, process_view / process_template_response, the default
sync-only flags, and markcoroutinefunction."""
import asyncio
import inspect
import logging

from djqcheck import claim, equal, setup

M = "djqcheck.models."
setup(middleware=[
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    M + "TimingMiddleware",
], templates={"t.html": "{{ word }}"})

# core/middleware.py
import logging
import time

logger = logging.getLogger(__name__)


class TimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response  # runs once, at startup

    def __call__(self, request):
        start = time.monotonic()
        response = self.get_response(request)  # next layer or the view
        elapsed_ms = (time.monotonic() - start) * 1000
        response["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
        return response

    def process_exception(self, request, exception):
        logger.error(
            "Unhandled error on %s", request.path, exc_info=exception
        )
        return None  # let Django's normal error handling continue


# core/middleware.py (async-only variant)
import time
from inspect import markcoroutinefunction


class AsyncTimingMiddleware:
    async_capable = True
    sync_capable = False

    def __init__(self, get_response):
        self.get_response = get_response  # async, Django adapts if needed
        markcoroutinefunction(self)

    async def __call__(self, request):
        start = time.monotonic()
        response = await self.get_response(request)
        elapsed_ms = (time.monotonic() - start) * 1000
        response["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
        return response


from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

trail = []


def ok(request):
    trail.append("view")
    return HttpResponse("ok")


def broken(request):
    raise ValueError("boom")


def missing(request):
    raise Http404


def templated(request):
    return TemplateResponse(request, "t.html", {"word": "view"})


async def aview(request):
    return HttpResponse("async")


urlpatterns = [path("", ok), path("broken/", broken), path("missing/", missing),
               path("tpl/", templated), path("async/", aview)]

from django.test import AsyncClient, Client, override_settings

import re

c = Client(raise_request_exception=False)
r = c.get("/")
claim(re.fullmatch(r"app;dur=\d+\.\d", r["Server-Timing"]), "TimingMiddleware sets Server-Timing")
records = []


class Catch(logging.Handler):
    def emit(self, record):
        records.append(record)


logger.addHandler(Catch())
r = c.get("/broken/")
equal(r.status_code, 500, "process_exception returning None leaves Django's 500 handling")
claim(any(rec.getMessage() == "Unhandled error on /broken/" for rec in records), "and the error was logged")
claim("Server-Timing" in c.get("/missing/"), "Http404 becomes a response before reaching the outer layer")


def layer(name, short=False):
    class L:
        def __init__(self, get_response):
            self.get_response = get_response

        def __call__(self, request):
            trail.append(name + " in")
            if short:
                return HttpResponse("short")
            response = self.get_response(request)
            trail.append(name + " out")
            return response

    return L


A, B, S = layer("A"), layer("B"), layer("S", short=True)
with override_settings(MIDDLEWARE=[M + "A", M + "B"]):
    trail.clear()
    Client().get("/")
    equal(trail, ["A in", "B in", "view", "B out", "A out"], "top to bottom in, bottom to top out")
with override_settings(MIDDLEWARE=[M + "A", M + "S", M + "B"]):
    trail.clear()
    equal(Client().get("/").content, b"short", "a layer can short-circuit")
    equal(trail, ["A in", "S in", "A out"], "inner layers and the view never run")

from django.core.exceptions import MiddlewareNotUsed


class Off:
    def __init__(self, get_response):
        raise MiddlewareNotUsed


class Hooks:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path == "/blocked/":
            return HttpResponse("skipped view")
        return None

    def process_template_response(self, request, response):
        response.context_data["word"] = "changed"
        return response


urlpatterns.append(path("blocked/", ok))
with override_settings(MIDDLEWARE=[M + "Off", M + "Hooks"]):
    from django.urls import clear_url_caches

    clear_url_caches()
    trail.clear()
    equal(Client().get("/blocked/").content, b"skipped view", "process_view can return a response")
    equal(trail, [], "and the view is skipped")
    equal(Client().get("/tpl/").content, b"changed", "process_template_response can change context_data")

# Default flags: sync-only. Async middleware under ASGI.
from django.core.handlers import base

src = inspect.getsource(base.BaseHandler.load_middleware)
claim('getattr(middleware, "sync_capable", True)' in src and 'getattr(middleware, "async_capable", False)' in src,
      "middleware is sync-only unless it says otherwise")
claim(inspect.iscoroutinefunction(AsyncTimingMiddleware(aview)), "markcoroutinefunction(self) marks the instance")


class Unmarked:
    async def __call__(self, request):
        return HttpResponse("")


claim(not inspect.iscoroutinefunction(Unmarked()), "without the mark an async __call__ instance does not count")
with override_settings(MIDDLEWARE=[M + "AsyncTimingMiddleware"]):
    r = asyncio.run(AsyncClient().get("/async/"))
    claim(r.content == b"async" and r["Server-Timing"].startswith("app;dur="),
          "the async-only middleware works under ASGI")
from django.utils.decorators import sync_and_async_middleware

claim(sync_and_async_middleware(lambda g: g).sync_capable, "sync_and_async_middleware exists")
from django.http import StreamingHttpResponse

sr = StreamingHttpResponse(iter([b"x"]))
from djqcheck import raises

with raises(AttributeError, what="a streaming response has no .content; check response.streaming"):
    sr.content
claim(sr.streaming, "streaming responses say so")

from djqcheck import since

if since(6, 0):
    from django.utils.csp import CSP

    with override_settings(MIDDLEWARE=["django.middleware.csp.ContentSecurityPolicyMiddleware"],
                           SECURE_CSP={"default-src": [CSP.SELF]}):
        equal(Client().get("/")["Content-Security-Policy"], "default-src 'self'",
              "6.0's ContentSecurityPolicyMiddleware sends the SECURE_CSP policy")
    import django, os

    tpl = open(os.path.join(os.path.dirname(django.__file__), "conf", "project_template",
                            "project_name", "settings.py-tpl")).read()
    claim("csp" not in tpl.lower(), "startproject does not enable it")
else:
    import importlib.util

    claim(importlib.util.find_spec("django.middleware.csp") is None, "CSP middleware is new in 6.0")

order = []


def exc_layer(name):
    class E:
        def __init__(self, get_response):
            self.get_response = get_response

        def __call__(self, request):
            return self.get_response(request)

        def process_exception(self, request, exception):
            order.append(name)
            return None

    return E


E1, E2 = exc_layer("E1"), exc_layer("E2")
with override_settings(MIDDLEWARE=[M + "E1", M + "E2"]):
    Client(raise_request_exception=False).get("/broken/")
    equal(order, ["E2", "E1"], "process_exception runs in reverse order")
