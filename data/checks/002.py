"""002 Django vs Flask: the Django half of the answer's endpoint runs as
written (JSON body, content type, converter) and the built-ins it lists exist."""
import importlib.util
import json

from djqcheck import claim, equal, setup

setup()

# Django: views.py and urls.py inside an app
from django.http import JsonResponse
from django.urls import path


def hello(request, name):
    return JsonResponse({"message": f"Hello, {name}"})


urlpatterns = [
    path("hello/<str:name>/", hello),
]

from django.test import Client

c = Client()
r = c.get("/hello/Ada/")
equal(r.status_code, 200, "the Django endpoint answers")
equal(json.loads(r.content), {"message": "Hello, Ada"}, "it returns the JSON message")
equal(r["Content-Type"], "application/json", "JsonResponse sets a JSON content type")
equal(c.get("/hello/a/b/").status_code, 404, "<str:name> does not match a slash")

# "Django: ... Jinja2 is also supported, ... caching, i18n, a test framework"
for mod in ("django.template.backends.jinja2", "django.contrib.admin",
            "django.contrib.auth", "django.contrib.sessions", "django.forms",
            "django.middleware.csrf", "django.middleware.clickjacking",
            "django.core.cache", "django.utils.translation", "django.test",
            "django.core.handlers.asgi"):
    claim(importlib.util.find_spec(mod) is not None, "Django ships %s" % mod)


# "Django supports ASGI natively and can run async views"
async def ahello(request):
    return JsonResponse({"async": True})


from django.test import AsyncClient
from django.urls import clear_url_caches

urlpatterns.append(path("ahello/", ahello))
clear_url_caches()
import asyncio

r = asyncio.run(AsyncClient().get("/ahello/"))
equal(json.loads(r.content), {"async": True}, "async views run under ASGI")
