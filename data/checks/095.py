"""095 HTTPS settings: defaults, the answer's stage-1 block through the test
client (redirect, HSTS header, proxy header), check --deploy ids before and
after, removed SECURE_BROWSER_XSS_FILTER, CSP since 6.0."""
from djqcheck import claim, equal, setup, since

# --- the answer's settings block, verbatim ---
# Only behind a proxy that sets this header and strips it from clients
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# HSTS, stage 1: a short max-age while you check that nothing breaks
SECURE_HSTS_SECONDS = 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = False  # see the HSTS section
SECURE_HSTS_PRELOAD = False
# --- end ---

setup(
    SECRET_KEY="x9!k" * 20,
    SECURE_PROXY_SSL_HEADER=SECURE_PROXY_SSL_HEADER,
    SECURE_SSL_REDIRECT=SECURE_SSL_REDIRECT,
    SESSION_COOKIE_SECURE=SESSION_COOKIE_SECURE,
    CSRF_COOKIE_SECURE=CSRF_COOKIE_SECURE,
    SECURE_HSTS_SECONDS=SECURE_HSTS_SECONDS,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=SECURE_HSTS_INCLUDE_SUBDOMAINS,
    SECURE_HSTS_PRELOAD=SECURE_HSTS_PRELOAD,
)
from django.conf import global_settings as g

for name, want in [
    ("SECURE_HSTS_SECONDS", 0), ("SECURE_HSTS_INCLUDE_SUBDOMAINS", False), ("SECURE_HSTS_PRELOAD", False),
    ("SECURE_SSL_REDIRECT", False), ("SESSION_COOKIE_SECURE", False), ("CSRF_COOKIE_SECURE", False),
    ("SESSION_COOKIE_HTTPONLY", True), ("SECURE_CONTENT_TYPE_NOSNIFF", True),
    ("SECURE_REFERRER_POLICY", "same-origin"), ("SECURE_CROSS_ORIGIN_OPENER_POLICY", "same-origin"),
    ("X_FRAME_OPTIONS", "DENY"), ("SECURE_PROXY_SSL_HEADER", None),
]:
    equal(getattr(g, name), want, f"{name} defaults to {want!r}")
claim(not hasattr(g, "SECURE_BROWSER_XSS_FILTER"), "SECURE_BROWSER_XSS_FILTER was removed in 4.0")
import os

import django

tpl = open(os.path.join(os.path.dirname(django.__file__), "conf/project_template/project_name/settings.py-tpl")).read()
mw = tpl.split("MIDDLEWARE = [")[1]
claim(mw.strip().startswith('"django.middleware.security.SecurityMiddleware"') or mw.strip().startswith("'django.middleware.security.SecurityMiddleware'"),
      "startproject puts SecurityMiddleware first")

from django.http import HttpResponse
from django.test import Client
from django.urls import path


def secure(request):
    return HttpResponse(str(request.is_secure()))


urlpatterns = [path("s/", secure)]
c = Client()
r = c.get("/s/")
equal((r.status_code, r["Location"]), (301, "https://testserver/s/"), "SECURE_SSL_REDIRECT answers HTTP with a permanent redirect")
r = c.get("/s/", headers={"X-Forwarded-Proto": "https"})
equal((r.status_code, r.content), (200, b"True"), "with SECURE_PROXY_SSL_HEADER the proxy's header marks the request secure")
equal(r["Strict-Transport-Security"], "max-age=3600", "HSTS header on HTTPS responses, no includeSubDomains/preload yet")
equal(r["X-Content-Type-Options"], "nosniff", "nosniff by default")
equal(r["Referrer-Policy"], "same-origin", "Referrer-Policy by default")
equal(r["Cross-Origin-Opener-Policy"], "same-origin", "COOP by default")

from django.core import checks
from django.test import override_settings


def deploy_ids():
    return {m.id for m in checks.run_checks(include_deployment_checks=True) if not m.is_silenced()}


ids = deploy_ids()
claim({"security.W005", "security.W021"} <= ids, "the stage-1 block still reports W005 and W021")
claim(not ids & {"security.W004", "security.W008", "security.W012", "security.W016"}, "but not W004, W008, W012, W016")
with override_settings(SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False, SECURE_HSTS_SECONDS=0):
    claim({"security.W004", "security.W008", "security.W012", "security.W016"} <= deploy_ids(),
          "W004 HSTS, W008 redirect, W012/W016 cookies when missing")
with override_settings(SILENCED_SYSTEM_CHECKS=["security.W005"]):
    claim("security.W005" not in deploy_ids(), "SILENCED_SYSTEM_CHECKS silences a warning")
with override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True):
    r = Client().get("/s/", headers={"X-Forwarded-Proto": "https"})
    equal(r["Strict-Transport-Security"], "max-age=31536000; includeSubDomains; preload", "the flags add includeSubDomains and preload")

if since(6, 0):
    from django.middleware.csp import ContentSecurityPolicyMiddleware  # noqa: F401

    claim(hasattr(g, "SECURE_CSP") and hasattr(g, "SECURE_CSP_REPORT_ONLY"), "SECURE_CSP settings since 6.0")
else:
    claim(not hasattr(g, "SECURE_CSP"), "no built-in CSP on 5.2")
