"""129 health checks: the answer's livez/readyz views and HealthCheckMiddleware
through the test client: a pod-IP Host header gets 400 from ALLOWED_HOSTS,
SECURE_SSL_REDIRECT sends plain-HTTP probes a 301 unless the path is in
SECURE_REDIRECT_EXEMPT (matched without the leading slash), the middleware
placed first answers /livez before both, readyz reports 200 when the database
and cache work and 503 with the error class otherwise, and connections are
closed at request_finished. Gunicorn and Kubernetes cannot run here."""
import os
import tempfile

from djqcheck import claim, equal, setup

MIDDLEWARE = [
    "djqcheck.models.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
setup(
    middleware=MIDDLEWARE,
    ALLOWED_HOSTS=["shop.example.com"],
    SECURE_SSL_REDIRECT=True,
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tempfile.mkdtemp(), "db.sqlite3")}},
)

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse


def livez(request):
    # Liveness: the process can serve a request. No dependencies.
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # report, don't crash
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        cache.set("readyz", "1", timeout=5)
        checks["cache"] = "ok" if cache.get("readyz") == "1" else "miss"
    except Exception as exc:
        checks["cache"] = f"error: {exc.__class__.__name__}"
    ok = all(v == "ok" for v in checks.values())
    return JsonResponse(checks, status=200 if ok else 503)
class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/livez":
            return HttpResponse("ok", content_type="text/plain")
        return self.get_response(request)


from django.urls import path

urlpatterns = [path("livez", livez), path("readyz", readyz)]

from django.test import Client, override_settings

probe = Client(HTTP_HOST="10.0.0.7:8000")
public = Client(HTTP_HOST="shop.example.com")

r = probe.get("/livez")
equal((r.status_code, r.content), (200, b"ok"), "the middleware answers /livez before the host and scheme checks")

without = MIDDLEWARE[1:]
with override_settings(MIDDLEWARE=without):
    c = Client(HTTP_HOST="10.0.0.7:8000")
    equal(c.get("/readyz").status_code, 400, "a pod-IP Host header gets 400 (DisallowedHost)")
    c = Client(HTTP_HOST="shop.example.com")
    r = c.get("/livez")
    equal(r.status_code, 301, "SECURE_SSL_REDIRECT sends plain-HTTP probes a 301")
    with override_settings(SECURE_REDIRECT_EXEMPT=[r"^livez$"]):
        equal(Client(HTTP_HOST="shop.example.com").get("/livez").status_code, 200,
              "SECURE_REDIRECT_EXEMPT patterns match the path without its leading slash")
    with override_settings(SECURE_REDIRECT_EXEMPT=[r"^/livez$"]):
        equal(Client(HTTP_HOST="shop.example.com").get("/livez").status_code, 301, "a leading slash never matches")

r = public.get("/readyz", secure=True)
equal((r.status_code, r.json()), (200, {"database": "ok", "cache": "ok"}), "readyz checks database and cache")

from django.db import connection


class Broken:
    def __enter__(self):
        raise connection.Database.OperationalError("down")

    def __exit__(self, *a):
        return False


original = connection.cursor
connection.cursor = lambda: Broken()
r = public.get("/readyz", secure=True)
connection.cursor = original
equal(r.status_code, 503, "readyz answers 503 when a dependency fails")
equal(r.json()["database"], "error: OperationalError", "and reports the error class, not crashing")

from django.core.signals import request_finished

with connection.cursor() as cur:
    cur.execute("SELECT 1")
claim(connection.connection is not None, "a connection is open")
request_finished.send(sender=None)
claim(connection.connection is None, "Django closes it at the end of the request (CONN_MAX_AGE=0)")
