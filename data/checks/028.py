"""028 sessions: defaults of the SESSION_* settings, the answer's two views
(assignment vs nested mutation + modified=True), cycle_key on login, flush on
logout, the async API, and 6.1's SessionBase.__bool__."""
from djqcheck import claim, create_tables, equal, setup, since

setup()

from django.conf import global_settings as g
from django.http import HttpResponse, JsonResponse
from django.urls import path

# --- the answer's views, verbatim ---
from django.shortcuts import redirect


def add_to_cart(request, product_id):
    cart = request.session.get("cart", [])
    cart.append(product_id)
    # assignment marks the session modified
    request.session["cart"] = cart
    return redirect("cart")


def set_theme(request):
    prefs = request.session.setdefault("prefs", {})
    prefs["theme"] = "dark"  # mutating a nested dict is not detected...
    request.session.modified = True  # ...so flag it explicitly
    return redirect("home")
# --- end of the answer's code ---


def set_theme_unflagged(request):
    prefs = request.session.setdefault("prefs", {})
    prefs["font"] = "big"  # no modified = True
    return HttpResponse("ok")


def show(request):
    return JsonResponse(dict(request.session.items()))


urlpatterns = [
    path("add/<int:product_id>/", add_to_cart),
    path("theme/", set_theme),
    path("font/", set_theme_unflagged),
    path("cart/", show, name="cart"),
    path("", show, name="home"),
]

create_tables()

equal(g.SESSION_ENGINE, "django.contrib.sessions.backends.db", "the db backend is the default")
equal(g.SESSION_COOKIE_NAME, "sessionid", "the cookie is named sessionid by default")
equal(g.SESSION_SERIALIZER, "django.contrib.sessions.serializers.JSONSerializer", "JSONSerializer is the default")
import django.contrib.sessions.serializers as ser

claim(not hasattr(ser, "PickleSerializer"), "the pickle serializer is gone")
equal(
    (g.SESSION_COOKIE_SECURE, g.SESSION_COOKIE_HTTPONLY, g.SESSION_COOKIE_SAMESITE,
     g.SESSION_COOKIE_AGE, g.SESSION_EXPIRE_AT_BROWSER_CLOSE, g.SESSION_SAVE_EVERY_REQUEST),
    (False, True, "Lax", 1209600, False, False),
    "cookie defaults: SECURE False, HTTPONLY True, SAMESITE Lax, AGE two weeks, EXPIRE_AT_BROWSER_CLOSE False; saved only when modified",
)

from django.test import Client

c = Client()
r = c.get("/add/7/")
equal(r.status_code, 302, "add_to_cart redirects")
claim("sessionid" in r.cookies, "the browser gets only a session id cookie")
c.get("/add/8/")
equal(c.get("/cart/").json()["cart"], [7, 8], "assignment marks the session modified, so the cart is saved")
c.get("/theme/")
equal(c.get("/").json()["prefs"], {"theme": "dark"}, "modified = True saves a mutated nested dict")
c.get("/font/")
equal(c.get("/").json()["prefs"], {"theme": "dark"}, "mutating a nested dict is not detected without modified = True")

from django.contrib.sessions.models import Session

equal(Session.objects.count(), 1, "the data lives in the django_session table")

# login() cycles the key (keeping the data), logout() flushes
from django.contrib.auth import get_user_model, login, logout
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

User = get_user_model()
u = User.objects.create_user("ann", password="pw")
req = RequestFactory().get("/")
req.session = SessionStore()
req.session["cart"] = [1]
req.session.save()
old = req.session.session_key
login(req, u)
claim(req.session.session_key != old, "login() calls cycle_key(): a new key")
equal(req.session["cart"], [1], "cycle_key keeps the data")
logout(req)
claim(req.session.session_key is None and "cart" not in req.session, "logout() flushes the session")

for name in ("aget", "aset", "acycle_key", "aflush"):
    claim(hasattr(SessionStore, name), "async counterparts such as %s exist (since 5.1)" % name)

s = SessionStore()
if since(6, 1):
    claim(not s, "6.1: an empty session is falsy")
    s["x"] = 1
    claim(bool(s), "6.1: a session with data is truthy")
    k = SessionStore()
    k.create()  # a saved session: it has a key but no data
    claim(k.session_key and not k.keys() and bool(k), "6.1: a session with a key but no data is truthy too (not 'has data')")
    claim(bool(SessionStore(session_key=k.session_key)), "6.1: a session loaded from a cookie's key is truthy before any data is read")
else:
    claim(bool(s), "on 5.2 a session object is always truthy, even empty")

from django.core.management import call_command

call_command("clearsessions")  # exists and runs on the db backend
