"""220 Django behind a SPA: the answer's DRF settings, api/views.py and urls.py
as written: GET /api/session/ sets csrftoken, the login POST is CSRF-checked
thanks to csrf_protect (a bare APIView would not check an anonymous POST),
login with X-CSRFToken works and rotates the token, bad credentials 400,
anonymous requests to protected views get 403 (not 401), an authenticated POST
without the header fails with "CSRF Failed", logout 204; the cookie defaults
(csrftoken readable, session HttpOnly, SameSite Lax); the catch-all serves
index.html with a CSRF cookie but leaves /api/ 404s alone; cross-origin:
corsheaders with credentials, and CSRF_TRUSTED_ORIGINS deciding an HTTPS
POST from another origin."""
from djqcheck import claim, equal, create_tables, setup

import json
import os
import re
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
q = open(os.path.join(here, "..", "questions", "220-django-backend-for-spa.md")).read()
blocks = re.findall(r"```python\n(.*?)```", q, re.S)
SETTINGS, VIEWS, URLS = blocks
assert VIEWS.startswith("# api/views.py") and URLS.startswith("# urls.py")
API_URLS = """
from django.urls import path
from rest_framework.views import APIView
from rest_framework.response import Response
from rest_framework import permissions

from . import views


class Items(APIView):
    def get(self, request):
        return Response([])


class OpenPost(APIView):  # no csrf_protect: what the answer warns about
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        return Response({"ok": True})


urlpatterns = [
    path("session/", views.SessionView.as_view()),
    path("login/", views.LoginView.as_view()),
    path("logout/", views.LogoutView.as_view()),
    path("items/", Items.as_view()),
    path("open/", OpenPost.as_view()),
]
"""
root = tempfile.mkdtemp()
os.mkdir(os.path.join(root, "api"))
for name, text in {"__init__.py": "", "views.py": VIEWS, "urls.py": API_URLS}.items():
    with open(os.path.join(root, "api", name), "w") as f:
        f.write(text)
sys.path.insert(0, root)

ns = {}
exec(SETTINGS, ns)
setup(
    installed_apps=["rest_framework", "django.contrib.admin", "corsheaders"],
    middleware=[
        "corsheaders.middleware.CorsMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ],
    templates={"index.html": "<div id=app></div>"},
    REST_FRAMEWORK=ns["REST_FRAMEWORK"],
    ALLOWED_HOSTS=["testserver", "api.example.com"],
    CORS_ALLOWED_ORIGINS=["https://app.example.com"],
    CORS_ALLOW_CREDENTIALS=True,
)
exec(URLS)

create_tables()
from django.contrib.auth.models import User
from django.test import Client

User.objects.create_user("alice", password="pw-123456")
c = Client(enforce_csrf_checks=True)
r = c.get("/api/session/")
equal(r.json(), {"authenticated": False, "username": None}, "GET /api/session/ reports the anonymous state")
claim("csrftoken" in r.cookies, "ensure_csrf_cookie sets the csrftoken cookie on the first GET")
token = r.cookies["csrftoken"].value

creds = json.dumps({"username": "alice", "password": "pw-123456"})
r = c.post("/api/login/", creds, content_type="application/json")
equal(r.status_code, 403, "csrf_protect: the login POST without X-CSRFToken is refused")
r = Client(enforce_csrf_checks=True).post("/api/open/", creds, content_type="application/json")
equal(r.status_code, 200, "a plain DRF view does not check CSRF for an anonymous POST")
r = c.post("/api/login/", json.dumps({"username": "alice", "password": "bad"}), content_type="application/json", HTTP_X_CSRFTOKEN=token)
equal((r.status_code, r.json()), (400, {"detail": "Invalid credentials."}), "bad credentials give 400")
r = c.post("/api/login/", creds, content_type="application/json", HTTP_X_CSRFTOKEN=token)
equal((r.status_code, r.json()), (200, {"username": "alice"}), "login with the X-CSRFToken header works")
claim("sessionid" in r.cookies, "and sets the session cookie")
new_token = r.cookies["csrftoken"].value
claim(new_token != token, "Django rotates the CSRF token on login")
equal(c.get("/api/session/").json(), {"authenticated": True, "username": "alice"}, "the session now authenticates API calls")
equal(c.get("/api/items/").status_code, 200, "a protected view is reachable")

anon = Client()
r = anon.get("/api/items/")
equal(r.status_code, 403, "with only SessionAuthentication, unauthenticated requests get 403, not 401")
claim("WWW-Authenticate" not in r, "no WWW-Authenticate scheme")

r = c.post("/api/logout/")
equal(r.status_code, 403, "an authenticated POST without the token is refused (DRF enforces CSRF)")
claim("CSRF Failed" in r.json()["detail"], "with 'CSRF Failed'")
r = c.post("/api/logout/", HTTP_X_CSRFTOKEN=token)
equal(r.status_code, 403, "the pre-login token no longer works after rotation")
r = c.post("/api/logout/", HTTP_X_CSRFTOKEN=new_token)
equal(r.status_code, 204, "logout with the current token: 204")
equal(c.get("/api/session/").json()["authenticated"], False, "and the session is gone")

from django.conf import global_settings as g

equal((g.CSRF_COOKIE_HTTPONLY, g.SESSION_COOKIE_HTTPONLY), (False, True), "csrftoken is readable by script, the session cookie is HttpOnly")
equal((g.SESSION_COOKIE_SAMESITE, g.CSRF_COOKIE_SAMESITE), ("Lax", "Lax"), "both default to SameSite=Lax")

# The catch-all
r = Client().get("/dashboard/settings/")
equal((r.status_code, r.content), (200, b"<div id=app></div>"), "client-side routes get index.html")
claim("csrftoken" in r.cookies, "with the CSRF cookie set")
equal(Client().get("/api/nope/").status_code, 404, "an unknown /api/ path is a real 404")
equal(Client().get("/admin/").status_code, 302, "the admin still works")

# Cross-origin
r = Client().options("/api/items/", HTTP_ORIGIN="https://app.example.com", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST", HTTP_HOST="api.example.com")
equal(r.get("Access-Control-Allow-Origin"), "https://app.example.com", "CORS_ALLOWED_ORIGINS lets the SPA's origin in")
equal(r.get("Access-Control-Allow-Credentials"), "true", "CORS_ALLOW_CREDENTIALS lets cookies through")
from django.test import override_settings

x = Client(enforce_csrf_checks=True, HTTP_HOST="api.example.com")
x.get("/api/session/", secure=True)
tok = x.cookies["csrftoken"].value
x.post("/api/login/", creds, content_type="application/json", HTTP_X_CSRFTOKEN=tok, secure=True, HTTP_REFERER="https://api.example.com/")
tok = x.cookies["csrftoken"].value
r = x.get("/api/items/", secure=True)
equal(r.status_code, 200, "logged in on api.example.com")
hdrs = dict(HTTP_X_CSRFTOKEN=tok, HTTP_ORIGIN="https://app.example.com", secure=True)
r = x.post("/api/logout/", **hdrs)
equal(r.status_code, 403, "an unsafe request from another origin fails the CSRF Origin check")
claim("Origin checking failed" in r.json()["detail"], "because of the Origin header: %s" % r.json()["detail"])
with override_settings(CSRF_TRUSTED_ORIGINS=["https://app.example.com"]):
    r = x.post("/api/logout/", **hdrs)
equal(r.status_code, 204, "CSRF_TRUSTED_ORIGINS lets the SPA's origin through")
