"""065 clickjacking: XFrameOptionsMiddleware's DENY default, the three
decorators, the startproject template, the deploy checks W002/W019, and
(6.0+) CSP: SECURE_CSP needs ContentSecurityPolicyMiddleware, and an
X-Frame-Options exemption does not lift frame-ancestors (csp_override does)."""
import os

from djqcheck import claim, equal, raises, setup, since

MW = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
if since(6, 0):
    # --- the answer's CSP settings block, verbatim ---
    # settings.py (Django 6.0+)
    from django.utils.csp import CSP

    MIDDLEWARE = [
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.csp.ContentSecurityPolicyMiddleware",
        # ...
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ]

    SECURE_CSP = {
        "default-src": [CSP.SELF],
        "frame-ancestors": [CSP.NONE],
    }
    # --- end ---
    MW = MIDDLEWARE
    extra = {"SECURE_CSP": SECURE_CSP}
else:
    extra = {}
setup(middleware=MW, templates={"payment.html": "pay"}, **extra)

import django
from django.conf import global_settings

equal(global_settings.X_FRAME_OPTIONS, "DENY", "X_FRAME_OPTIONS defaults to 'DENY'")
tpl = open(os.path.join(os.path.dirname(django.__file__), "conf/project_template/project_name/settings.py-tpl")).read()
claim("django.middleware.clickjacking.XFrameOptionsMiddleware" in tpl, "startproject's MIDDLEWARE includes XFrameOptionsMiddleware")
claim("ContentSecurityPolicyMiddleware" not in tpl, "startproject does not add the CSP middleware")

# --- the answer's views, verbatim ---
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.clickjacking import (
    xframe_options_deny,
    xframe_options_exempt,
    xframe_options_sameorigin,
)
from django.views.generic import TemplateView


@xframe_options_exempt
def embeddable_widget(request):
    # No X-Frame-Options header: any site may frame this page.
    return HttpResponse("Safe to embed anywhere.")


@xframe_options_sameorigin
def preview(request):
    return HttpResponse("Only my own pages may frame this.")


@method_decorator(xframe_options_deny, name="dispatch")
class PaymentView(TemplateView):
    template_name = "payment.html"
# --- end ---

from django.test import Client, override_settings
from django.urls import path


def plain(request):
    return HttpResponse("plain")


def preset(request):
    r = HttpResponse("preset")
    r["X-Frame-Options"] = "SAMEORIGIN"
    return r


urlpatterns = [
    path("plain/", plain),
    path("preset/", preset),
    path("widget/", embeddable_widget),
    path("preview/", preview),
    path("pay/", PaymentView.as_view()),
]
if since(6, 0):
    from django.views.decorators.csp import csp_override

    @xframe_options_exempt
    @csp_override({"default-src": [CSP.SELF], "frame-ancestors": ["https://partner.example"]})
    def partner_widget(request):
        return HttpResponse("embeddable by partner")

    urlpatterns.append(path("partner/", partner_widget))

c = Client()
equal(c.get("/plain/")["X-Frame-Options"], "DENY", "the middleware adds X-Frame-Options: DENY by default")
with override_settings(X_FRAME_OPTIONS="SAMEORIGIN"):
    equal(c.get("/plain/")["X-Frame-Options"], "SAMEORIGIN", "the value comes from X_FRAME_OPTIONS")
equal(c.get("/preset/")["X-Frame-Options"], "SAMEORIGIN", "the middleware does not overwrite a header the view set")
claim("X-Frame-Options" not in c.get("/widget/"), "xframe_options_exempt: no X-Frame-Options header")
equal(c.get("/preview/")["X-Frame-Options"], "SAMEORIGIN", "xframe_options_sameorigin")
with override_settings(X_FRAME_OPTIONS="SAMEORIGIN"):
    equal(c.get("/pay/")["X-Frame-Options"], "DENY", "method_decorator(xframe_options_deny) on dispatch overrides the middleware")

# deploy checks
from django.core.checks import run_checks

ids = lambda: {m.id for m in run_checks(include_deployment_checks=True)}
claim("security.W002" not in ids() and "security.W019" not in ids(), "no W002/W019 with the middleware and DENY")
with override_settings(X_FRAME_OPTIONS="SAMEORIGIN"):
    claim("security.W019" in ids(), "check --deploy warns (security.W019) when X_FRAME_OPTIONS is not DENY")
with override_settings(MIDDLEWARE=MW[:1]):
    claim("security.W002" in ids(), "check --deploy warns (security.W002) when the middleware is missing")

if since(6, 0):
    equal(c.get("/plain/")["Content-Security-Policy"], "default-src 'self'; frame-ancestors 'none'", "SECURE_CSP with the middleware sends the header")
    w = c.get("/widget/")
    claim("X-Frame-Options" not in w and "frame-ancestors 'none'" in w["Content-Security-Policy"], "with CSP on, xframe_options_exempt alone still leaves frame-ancestors 'none'")
    p = c.get("/partner/")
    claim("X-Frame-Options" not in p and p["Content-Security-Policy"] == "default-src 'self'; frame-ancestors https://partner.example", "csp_override sets the view's own frame-ancestors")
    with override_settings(MIDDLEWARE=[m for m in MW if "csp" not in m]):
        claim("Content-Security-Policy" not in Client().get("/plain/"), "SECURE_CSP alone sends no header without ContentSecurityPolicyMiddleware")
else:
    with raises(ImportError, what="built-in CSP is new in Django 6.0"):
        import django.middleware.csp  # noqa: F401
