"""131 security headers: the answer's test class run as written against the
default middleware (nosniff, Referrer-Policy, COOP, X-Frame-Options DENY; the
301 to HTTPS and the exact HSTS value with secure=True), the defaults in its
table (6.0+ CSP settings empty), HSTS only on HTTPS, a view's own header
winning, the per-view xframe decorators, no X-XSS-Protection, and the deploy
checks it mentions."""
import unittest

from djqcheck import claim, equal, setup, since

setup(middleware=[
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
])

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.clickjacking import xframe_options_exempt, xframe_options_sameorigin


def home(request):
    return HttpResponse("home")


def own(request):
    r = HttpResponse("own")
    r["Referrer-Policy"] = "no-referrer"
    return r


urlpatterns = [
    path("", home),
    path("own/", own),
    path("embed/", xframe_options_sameorigin(home)),
    path("free/", xframe_options_exempt(home)),
]

from django.test import TestCase, override_settings


class SecurityHeadersTests(TestCase):
    def test_defaults(self):
        r = self.client.get("/")
        self.assertEqual(r["X-Content-Type-Options"], "nosniff")
        self.assertEqual(r["Referrer-Policy"], "same-origin")
        self.assertEqual(r["Cross-Origin-Opener-Policy"], "same-origin")
        self.assertEqual(r["X-Frame-Options"], "DENY")

    @override_settings(SECURE_HSTS_SECONDS=31536000,
                       SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
                       SECURE_SSL_REDIRECT=True)
    def test_https(self):
        r = self.client.get("/")
        self.assertEqual(r.status_code, 301)  # to https://
        r = self.client.get("/", secure=True)
        self.assertEqual(r["Strict-Transport-Security"],
                         "max-age=31536000; includeSubDomains")


from django.core.management import call_command

call_command("migrate", verbosity=0, run_syncdb=True)
result = unittest.TextTestRunner(verbosity=0).run(unittest.defaultTestLoader.loadTestsFromTestCase(SecurityHeadersTests))
equal((result.testsRun, len(result.failures), len(result.errors)), (2, 0, 0),
      "the answer's SecurityHeadersTests pass: %s" % (result.failures + result.errors))

from django.conf import global_settings as g

equal(g.SECURE_CONTENT_TYPE_NOSNIFF, True, "SECURE_CONTENT_TYPE_NOSNIFF default")
equal(g.SECURE_REFERRER_POLICY, "same-origin", "SECURE_REFERRER_POLICY default")
equal(g.SECURE_CROSS_ORIGIN_OPENER_POLICY, "same-origin", "SECURE_CROSS_ORIGIN_OPENER_POLICY default")
equal(g.SECURE_HSTS_SECONDS, 0, "HSTS off by default")
equal(g.SECURE_SSL_REDIRECT, False, "no redirect by default")
equal(g.X_FRAME_OPTIONS, "DENY", "X_FRAME_OPTIONS default")
if since(6, 0):
    equal((g.SECURE_CSP, g.SECURE_CSP_REPORT_ONLY), ({}, {}), "CSP settings default to {} (6.0+)")
else:
    claim(not hasattr(g, "SECURE_CSP"), "no CSP settings on 5.2")

from django.test import Client, override_settings

c = Client()
r = c.get("/")
claim("X-XSS-Protection" not in r, "X-XSS-Protection is not sent")
claim("Permissions-Policy" not in r and "Cross-Origin-Embedder-Policy" not in r, "Django does not set Permissions-Policy or COEP")
equal(c.get("/own/")["Referrer-Policy"], "no-referrer", "a header the view sets itself wins")
equal(c.get("/embed/")["X-Frame-Options"], "SAMEORIGIN", "@xframe_options_sameorigin")
claim("X-Frame-Options" not in c.get("/free/"), "@xframe_options_exempt")
with override_settings(SECURE_HSTS_SECONDS=3600):
    c = Client()  # SecurityMiddleware reads its settings when it is created
    claim("Strict-Transport-Security" not in c.get("/"), "HSTS is only sent on HTTPS responses")
    equal(c.get("/", secure=True)["Strict-Transport-Security"], "max-age=3600", "and is sent on HTTPS")

from django.core.checks import run_checks

ids = {m.id for m in run_checks(include_deployment_checks=True)}
for i in ("security.W004", "security.W008", "security.W012"):
    claim(i in ids, "check --deploy warns about missing HSTS, redirect and secure cookies (%s)" % i)
