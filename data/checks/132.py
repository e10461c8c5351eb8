"""132 CSP (6.0+): the answer's settings, template and csp_override view
through the test client on 6.1: the enforced and report-only headers, the
per-request nonce in the header only when a template used it, the same nonce
in {{ csp_nonce }} and {% csp_nonce_attr %} (6.1, also for form media), the
CSP constants, True/None directive values, csp_override replacing the whole
policy and {} removing it, a view's own header kept, security.W027 (6.1)
without the context processor; on 5.2 there is no built-in CSP."""
import re

import django

from djqcheck import claim, equal, raises, setup, since

if django.VERSION < (6, 0):
    setup()
    urlpatterns = []
    with raises(ImportError, what="Django 5.2 has no CSP support"):
        import django.middleware.csp  # noqa: F401
    raise SystemExit(0)

PAGE = """
{% load static %}
<script nonce="{{ csp_nonce }}">initChart();</script>
<script src="{% static 'app.js' %}" {% csp_nonce_attr %}></script>
{% csp_nonce_attr form.media %}
"""
PLAIN = "<p>no scripts</p>"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "OPTIONS": {
        "context_processors": ["django.template.context_processors.request"],
        "loaders": [("django.template.loaders.locmem.Loader", {"page.html": PAGE, "plain.html": PLAIN})],
    },
}]

from django.utils.csp import CSP

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ...
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
}
SECURE_CSP_REPORT_ONLY = {
    "default-src": [CSP.SELF],
    "report-uri": "/csp-report/",
}

TEMPLATES[0]["OPTIONS"]["context_processors"].append(
    "django.template.context_processors.csp"
)


MIDDLEWARE[1:1] = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
setup(middleware=MIDDLEWARE, SECURE_CSP=SECURE_CSP, SECURE_CSP_REPORT_ONLY=SECURE_CSP_REPORT_ONLY,
      TEMPLATES=TEMPLATES, STATIC_URL="/static/", installed_apps=["django.contrib.staticfiles"])

from django.utils.csp import CSP
from django.views.decorators.csp import csp_override


@csp_override({
    "default-src": [CSP.SELF],
    "frame-src": ["https://js.stripe.com"],
})
def checkout(request): ...


from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path


class ChartForm(forms.Form):
    class Media:
        js = ["chart.js"]


def page(request):
    return render(request, "page.html", {"form": ChartForm()})


def plain(request):
    return render(request, "plain.html")


def checkout_view(request):
    return HttpResponse("pay")


def own(request):
    r = HttpResponse("own")
    r["Content-Security-Policy"] = "default-src 'none'"
    return r


checkout = csp_override({"default-src": [CSP.SELF], "frame-src": ["https://js.stripe.com"]})(checkout_view)
urlpatterns = [
    path("", page),
    path("plain/", plain),
    path("checkout/", checkout),
    path("off/", csp_override({})(checkout_view)),
    path("own/", own),
]

from django.test import Client

c = Client()
equal(str(CSP.SELF), "'self'", "CSP.SELF is 'self' with the quotes")
equal(str(CSP.NONE), "'none'", "CSP.NONE")

if since(6, 1):
    r = c.get("/")
    html = r.content.decode()
    header = r["Content-Security-Policy"]
    m = re.search(r"'nonce-([^']+)'", header)
    claim(m, "a template that used the nonce puts 'nonce-...' in the header: %s" % header)
    nonce = m.group(1)
    equal(header, f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; img-src 'self' data:; object-src 'none'",
          "the enforced header built from SECURE_CSP")
    equal(r["Content-Security-Policy-Report-Only"], "default-src 'self'; report-uri /csp-report/",
          "the report-only header built from SECURE_CSP_REPORT_ONLY")
    equal(html.count(f'nonce="{nonce}"'), 3, "{{ csp_nonce }}, {% csp_nonce_attr %} and the form media all carry the nonce")
    claim(f'<script src="/static/chart.js" nonce="{nonce}"></script>' in html, "{% csp_nonce_attr form.media %} renders the media with the nonce")
    other = re.search(r"'nonce-([^']+)'", c.get("/")["Content-Security-Policy"]).group(1)
    claim(other != nonce, "the nonce is random per request")

    r = c.get("/plain/")
    equal(r["Content-Security-Policy"], "default-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'",
          "when nothing uses the nonce the placeholder is dropped")

    r = c.get("/checkout/")
    equal(r["Content-Security-Policy"], "default-src 'self'; frame-src https://js.stripe.com",
          "csp_override replaces the whole policy")
    claim("Content-Security-Policy-Report-Only" in r, "csp_override leaves the report-only policy alone")
    claim("Content-Security-Policy" not in c.get("/off/"), "csp_override({}) removes the header for that view")
    equal(c.get("/own/")["Content-Security-Policy"], "default-src 'none'", "a header the view sets itself is kept")

    from django.test import override_settings
    from django.utils.csp import build_policy

    equal(build_policy({"upgrade-insecure-requests": True, "frame-src": None, "img-src": [CSP.SELF]}),
          "upgrade-insecure-requests; img-src 'self'", "True renders a bare directive, None leaves it out")

    from django.core.checks import run_checks

    equal([m.id for m in run_checks() if m.id == "security.W027"], [], "no W027 with the context processor")
    no_cp = [dict(TEMPLATES[0], OPTIONS=dict(TEMPLATES[0]["OPTIONS"], context_processors=[]))]
    with override_settings(TEMPLATES=no_cp):
        claim("security.W027" in [m.id for m in run_checks()], "6.1: security.W027 without the csp context processor")
        from django.template import engines

        r = Client().get("/plain/")

    from django.middleware.csp import get_nonce
    from django.test import RequestFactory
    from django.middleware.csp import ContentSecurityPolicyMiddleware

    req = RequestFactory().get("/")
    ContentSecurityPolicyMiddleware(lambda r: HttpResponse()).process_request(req)
    claim(get_nonce(req) is not None and len(str(get_nonce(req))) > 10, "get_nonce(request) returns the lazy nonce")
    claim(not hasattr(req, "csp_nonce"), "there is no public request.csp_nonce attribute")
else:
    from django.template import TemplateSyntaxError

    with raises(TemplateSyntaxError, "csp_nonce_attr", "{% csp_nonce_attr %} is new in 6.1"):
        c.get("/")
