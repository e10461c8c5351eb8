"""054 context processors: the answer's shop processor and header through
render() with a request (and missing without one), the startproject defaults
(no debug since 5.2), the built-ins' variables, csrf always on, 6.0+'s csp
processor, and who wins a name clash."""
import django

from djqcheck import claim, create_tables, equal, setup, since

HEADER = "<header>{{ SHOP_NAME }} - cart ({{ cart_count }})</header>"
procs = [
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "djqcheck.models.shop",  # the answer's "shop.context_processors.shop"
]
extra_procs = ["django.template.context_processors.debug", "django.template.context_processors.media",
               "django.template.context_processors.static", "django.template.context_processors.tz"]
if django.VERSION >= (6, 0):
    extra_procs.append("django.template.context_processors.csp")
templates = {
    "header.html": HEADER,
    "builtins.html": "{{ request.path }}|{{ user.is_anonymous }}|{{ perms.djqcheck }}|{{ messages|length }}|"
                     "{{ DEFAULT_MESSAGE_LEVELS.INFO }}|{{ MEDIA_URL }}|{{ STATIC_URL }}|{{ TIME_ZONE }}|{{ debug }}|{{ csp_nonce }}",
    "csrf.html": "{% csrf_token %}",
    "clash.html": "{{ SHOP_NAME }}",
}
middleware = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
if django.VERSION >= (6, 0):
    middleware.append("django.middleware.csp.ContentSecurityPolicyMiddleware")
setup(
    middleware=middleware,
    TEMPLATES=[{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {"context_processors": procs + extra_procs,
                    "loaders": [("django.template.loaders.locmem.Loader", templates)]},
    }],
    SHOP_NAME="Acme", MEDIA_URL="/media/", STATIC_URL="/static/", TIME_ZONE="Europe/Paris",
    INTERNAL_IPS=["127.0.0.1"],
)

# --- the answer's processor, verbatim ---
# shop/context_processors.py
from django.conf import settings


def shop(request):
    cart = request.session.get("cart", {})
    return {
        "SHOP_NAME": settings.SHOP_NAME,  # a project-specific setting
        "cart_count": sum(cart.values()),
    }
# --- end ---

from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path


def page(request):
    request.session["cart"] = {"apple": 2, "pear": 3}
    return render(request, "header.html")


urlpatterns = [
    path("", page),
    path("b/", lambda r: render(r, "builtins.html")),
    path("tr/", lambda r: TemplateResponse(r, "clash.html", {"SHOP_NAME": "view wins"})),
]
create_tables()

from django.test import Client, RequestFactory

c = Client()
equal(c.get("/").content, b"<header>Acme - cart (5)</header>", "the processor's values reach every template rendered with a request")
equal(render_to_string("header.html"), "<header> - cart ()</header>", "without a request the values are missing")
from django.contrib.sessions.backends.db import SessionStore

req = RequestFactory().get("/")
req.session = SessionStore()
equal(render_to_string("header.html", request=req), "<header>Acme - cart (0)</header>", "render_to_string(..., request=...) runs them")
from django.template import Context, Template

equal(Template(HEADER).render(Context({})), "<header> - cart ()</header>", "Template.render(Context(...)) does not run them")

out = c.get("/b/").content.decode().split("|")
equal(out[:8], ["/b/", "True", "set()", "0", "20", "/media/", "/static/", "Europe/Paris"],
      "request, user/perms, messages/DEFAULT_MESSAGE_LEVELS, MEDIA_URL, STATIC_URL, TIME_ZONE")
equal(out[8], "", "debug is only set when DEBUG is on")
from django.test import override_settings

with override_settings(DEBUG=True):
    equal(c.get("/b/").content.decode().split("|")[8], "True", "with DEBUG on and the client in INTERNAL_IPS, debug is set")
    with override_settings(INTERNAL_IPS=[]):
        equal(c.get("/b/").content.decode().split("|")[8], "", "not for clients outside INTERNAL_IPS")
if since(6, 0):
    claim(len(out[9]) > 10, "6.0+: the csp processor provides csp_nonce (with ContentSecurityPolicyMiddleware)")
else:
    import django.template.context_processors as cp

    claim(not hasattr(cp, "csp"), "no csp processor on 5.2")

rq0 = RequestFactory().get("/")
rq0.session = SessionStore()
r = render(rq0, "csrf.html")
claim(b'name="csrfmiddlewaretoken"' in r.content, "the csrf processor is always active for a RequestContext")

equal(c.get("/tr/").content, b"view wins", "with render()/TemplateResponse the view's context wins")
from django.template import RequestContext

rq = RequestFactory().get("/")
rq.session = SessionStore()
t = Template("{{ SHOP_NAME }}")
equal(t.render(RequestContext(rq, {"SHOP_NAME": "mine"})), "Acme", "a hand-built RequestContext lets processors overwrite")

import pathlib
import re
import tempfile

from django.core.management import call_command

with tempfile.TemporaryDirectory() as d:
    call_command("startproject", "proj", d, verbosity=0)
    written = (pathlib.Path(d) / "proj" / "settings.py").read_text()
found = re.findall(r"'(django\.[\w.]+context_processors\.\w+)'", written)
equal(found, procs[:3], "a new project enables request, auth and messages (debug dropped in 5.2)")

if since(6, 0):
    from django.template.context_processors import csp

    equal(csp(RequestFactory().get("/"))["csp_nonce"], None, "csp_nonce is None without ContentSecurityPolicyMiddleware")
