"""044 CSRF: the answer's form template through an enforcing test client
(token masked per render, 403 without it, header variant), safe methods,
Origin/Referer checks and CSRF_TRUSTED_ORIGINS (wildcard, scheme system
check), rotation on login, logging, decorators, test-client default."""
import logging
import re

from djqcheck import claim, create_tables, equal, setup

FORM = """<form method="post" action="{% url 'profile-update' %}">
  {% csrf_token %}
  {{ form }}
  <button type="submit">Save</button>
</form>"""

CSRF_TRUSTED_ORIGINS = [
    "https://app.example.com",
    "https://*.example.com",
]
setup(templates={"form.html": FORM}, CSRF_TRUSTED_ORIGINS=CSRF_TRUSTED_ORIGINS)
create_tables()

from django.conf import global_settings as g
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.csrf import csrf_exempt, ensure_csrf_cookie, requires_csrf_token


def profile(request):
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return render(request, "form.html", {"form": ""})
    return HttpResponse("saved")


def do_login(request):
    from django.contrib.auth import authenticate, login

    login(request, authenticate(request, username="ann", password="pw"))
    return HttpResponse("in")


@ensure_csrf_cookie
def spa(request):
    return HttpResponse("no form here")


@csrf_exempt
def webhook(request):
    return HttpResponse("ok")


@requires_csrf_token
def lenient(request):
    return HttpResponse("ok")


urlpatterns = [
    path("profile/", profile, name="profile-update"),
    path("spa/", spa),
    path("login/", do_login),
    path("hook/", webhook),
    path("lenient/", lenient),
]

from django.test import Client

c = Client(enforce_csrf_checks=True)
r1 = c.get("/profile/")
html = r1.content.decode()
claim('action="/profile/"' in html, "the form posts to the named URL")
tok1 = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
tok2 = re.search(r'value="([^"]+)"', c.get("/profile/").content.decode().split("csrfmiddlewaretoken")[1]).group(1)
claim(tok1 != tok2, "the masked token differs on every page")
secret = c.cookies["csrftoken"].value
claim(tok1 != secret, "the token is the secret masked, not the secret itself")

logs = []


class H(logging.Handler):
    def emit(self, record):
        logs.append(record.getMessage())


logging.getLogger("django.security.csrf").addHandler(H())
equal(c.post("/profile/").status_code, 403, "a POST without a token gets 403 Forbidden")
claim(any("CSRF" in m for m in logs), "failures are logged to django.security.csrf")
equal(c.post("/profile/", {"csrfmiddlewaretoken": tok1}).content, b"saved", "the form token passes")
equal(c.post("/profile/", {"csrfmiddlewaretoken": tok2}).content, b"saved", "every masked token for the same secret passes")
equal(c.post("/profile/", headers={"X-CSRFToken": tok1}).content, b"saved", "the X-CSRFToken header works")
equal(g.CSRF_HEADER_NAME, "HTTP_X_CSRFTOKEN", "CSRF_HEADER_NAME sets the header")
for m in ("put", "patch", "delete"):
    equal(getattr(c, m)("/profile/").status_code, 403, m.upper() + " is checked too")
equal([c.head("/profile/").status_code, c.options("/profile/").status_code], [200, 200], "GET, HEAD, OPTIONS are not checked")

equal(c.post("/profile/", {"csrfmiddlewaretoken": tok1}, headers={"Origin": "https://evil.example"}).status_code, 403,
      "a foreign Origin is rejected")
equal(c.post("/profile/", {"csrfmiddlewaretoken": tok1}, headers={"Origin": "http://testserver"}).status_code, 200,
      "the request's own scheme and host pass")
equal(c.post("/profile/", {"csrfmiddlewaretoken": tok1}, secure=True).status_code, 403,
      "HTTPS without Origin falls back to a strict Referer check")

from django.test import override_settings

if True:  # the answer's CSRF_TRUSTED_ORIGINS, set in setup() (the middleware reads it once)
    equal(c.post("/profile/", {"csrfmiddlewaretoken": tok1}, headers={"Origin": "https://x.example.com"}).status_code,
          200, "a wildcard CSRF_TRUSTED_ORIGINS entry admits subdomains")
from django.core.checks import run_checks

with override_settings(CSRF_TRUSTED_ORIGINS=["app.example.com"]):
    claim("4_0.E001" in [m.id for m in run_checks()], "every CSRF_TRUSTED_ORIGINS entry must include the scheme")

equal(c.post("/hook/").status_code, 200, "csrf_exempt turns the check off for one view")
from django.test import RequestFactory

equal(lenient(RequestFactory().post("/lenient/")).status_code, 200,
      "requires_csrf_token (called without the middleware) never rejects")
equal(csrf_exempt(profile).csrf_exempt, True, "csrf_exempt marks the view")
fresh = Client(enforce_csrf_checks=True)
fresh.get("/spa/")
claim("csrftoken" in fresh.cookies, "ensure_csrf_cookie sets the cookie on a page with no form")
equal(Client().post("/profile/").status_code, 200, "the test client skips CSRF checks by default")

from django.contrib.auth.models import User

User.objects.create_user("ann", password="pw")
before = c.cookies["csrftoken"].value
equal(c.post("/login/", {"csrfmiddlewaretoken": tok1}).content, b"in", "logged in through a view")
claim(c.cookies["csrftoken"].value != before, "the secret is rotated when a user logs in")

with override_settings(CSRF_USE_SESSIONS=True):
    s = Client(enforce_csrf_checks=True)
    s.get("/profile/")
    claim("csrftoken" not in s.cookies, "with CSRF_USE_SESSIONS there is no CSRF cookie")
equal((g.CSRF_COOKIE_SECURE, g.CSRF_COOKIE_HTTPONLY, g.CSRF_FAILURE_VIEW),
      (False, False, "django.views.csrf.csrf_failure"), "defaults of CSRF_COOKIE_SECURE/HTTPONLY and CSRF_FAILURE_VIEW")
