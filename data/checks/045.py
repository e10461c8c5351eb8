"""045 XSS: autoescaping of the answer's template lines, json_script output,
URLField rejecting javascript:, format_html vs mark_safe, format_html() with
no args by version, SESSION_COOKIE_HTTPONLY, and (6.0+/6.1) the CSP
middleware, nonce context processor, W027 and csp_nonce_attr."""
import django

from djqcheck import claim, create_tables, equal, raises, setup, since, warns

ESC = """<p>{{ comment.text }}</p>              {# escaped: safe #}
<input value="{{ query }}">            {# escaped and quoted: safe #}
<p>{{ comment.text|safe }}</p>         {# no escaping: dangerous #}
{% autoescape off %}{{ bio }}{% endautoescape %}  {# dangerous #}"""
JSON = """{{ chart_data|json_script:"chart-data" }}
<script>
  const el = document.getElementById("chart-data");
  const data = JSON.parse(el.textContent);
</script>"""
NONCE = """{% load static %}
<script nonce="{{ csp_nonce }}">initMenu();</script>
<script src="{% static 'js/app.js' %}" {% csp_nonce_attr %}></script>
{% csp_nonce_attr form.media %}"""

templates = {"esc.html": ESC, "json.html": JSON, "plain.html": "<script {% csp_nonce_attr %}></script>"}
processors = ["django.template.context_processors.request"]
middleware = ["django.middleware.security.SecurityMiddleware", "django.contrib.sessions.middleware.SessionMiddleware",
              "django.contrib.auth.middleware.AuthenticationMiddleware"]
extra = {}
if django.VERSION >= (6, 0):
    from django.utils.csp import CSP

    # --- the answer's settings, verbatim (minus "# ... the rest") ---
    MIDDLEWARE = [
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.csp.ContentSecurityPolicyMiddleware",
    ]

    SECURE_CSP = {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, CSP.NONCE],
    }
    middleware = MIDDLEWARE + middleware[1:]
    extra["SECURE_CSP"] = SECURE_CSP
    processors.append("django.template.context_processors.csp")
if django.VERSION >= (6, 1):
    templates["nonce.html"] = NONCE
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "OPTIONS": {"context_processors": processors,
                "loaders": [("django.template.loaders.locmem.Loader", templates)]},
}]
setup(middleware=middleware, TEMPLATES=TEMPLATES, STATIC_URL="/static/", **extra)

from django.conf import global_settings as g
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path

out = render_to_string("esc.html", {"comment": {"text": "<script>x</script>"}, "query": '" onfocus="x', "bio": "<b>"})
lines = out.splitlines()
equal(lines[0].split("  ")[0], "<p>&lt;script&gt;x&lt;/script&gt;</p>", "{{ var }} escapes < and >")
claim('value="&quot; onfocus=&quot;x"' in lines[1], "quotes are escaped inside a quoted attribute")
claim("<p><script>x</script></p>" in lines[2], "|safe turns escaping off")
claim(lines[3].startswith("<b>"), "{% autoescape off %} turns escaping off")
equal(render_to_string("esc.html", {"comment": {"text": "'&"}, "query": "", "bio": ""}).splitlines()[0].split("  ")[0],
      "<p>&#x27;&amp;</p>", "' and & are escaped too")

j = render_to_string("json.html", {"chart_data": {"x": "</script><script>alert(1)</script>"}})
claim(j.startswith('<script id="chart-data" type="application/json">'), "json_script writes a <script type=application/json>")
claim("</script><script>alert" not in j.split("</script>")[0] + "</script>" and "\\u003C/script\\u003E" in j,
      "json_script escapes the value for that context")

from django import forms
from django.core.exceptions import ValidationError

f = forms.URLField()
with raises(ValidationError, what="URLField rejects javascript: URLs"):
    f.clean("javascript:alert(1)")
from django.core.validators import URLValidator

equal(URLValidator.schemes, ["http", "https", "ftp", "ftps"], "default schemes http, https, ftp, ftps")

# --- the answer's Python code, verbatim ---
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def author_link(user):
    return format_html(
        '<a href="/users/{}/">{}</a>', user.pk, user.username
    )


def bad_author_link(user):
    # Never do this: the username is inserted without escaping.
    return mark_safe(f"<b>{user.username}</b>")
# --- end ---


class U:
    pk = 7
    username = "<img src=x onerror=alert(1)>"


equal(author_link(U()), '<a href="/users/7/">&lt;img src=x onerror=alert(1)&gt;</a>', "format_html escapes each argument")
equal(bad_author_link(U()), "<b><img src=x onerror=alert(1)></b>", "mark_safe inserts the username without escaping")
if since(6, 0):
    with raises(TypeError, what="since 6.0 format_html() without arguments raises"):
        format_html("<b>x</b>")
else:
    from django.utils.deprecation import RemovedInDjango60Warning

    with warns(RemovedInDjango60Warning, what="on 5.2 format_html() without arguments is deprecated"):
        format_html("<b>x</b>")
equal(g.SESSION_COOKIE_HTTPONLY, True, "SESSION_COOKIE_HTTPONLY is True by default")


def page(request):
    return render(request, "nonce.html" if since(6, 1) else "plain.html", {"form": Media()})


class Media(forms.Form):
    class Media:
        js = ["w.js"]


urlpatterns = [path("", page)]
from django.test import Client

if since(6, 0):
    r = Client().get("/")
    hdr = r["Content-Security-Policy"]
    nonce = hdr.split("'nonce-")[1].split("'")[0]
    equal(hdr, f"default-src 'self'; script-src 'self' 'nonce-{nonce}'", "the middleware sends the policy with a nonce")
    body = r.content.decode()
    claim(f'<script nonce="{nonce}">initMenu();</script>' in body, "inline scripts get nonce={{ csp_nonce }}")
    claim(f'<script src="/static/js/app.js" nonce="{nonce}"></script>' in body, "6.1: {% csp_nonce_attr %} renders the attribute")
    claim(f'src="/static/w.js" nonce="{nonce}"' in body, "6.1: {% csp_nonce_attr form.media %} adds the nonce to each element")
    claim(Client().get("/")["Content-Security-Policy"] != hdr, "a fresh nonce per response")
    equal(render_to_string("plain.html", {}), "<script ></script>", "no nonce available: the tag renders nothing")
    from django.core.checks import run_checks
    from django.test import override_settings

    no_cp = [dict(TEMPLATES[0], OPTIONS=dict(TEMPLATES[0]["OPTIONS"], context_processors=processors[:1]))]
    with override_settings(TEMPLATES=no_cp):
        claim("security.W027" in [m.id for m in run_checks(include_deployment_checks=True)],
              "6.1: security.W027 warns when the nonce is used without the csp context processor")
else:
    import importlib.util

    claim(importlib.util.find_spec("django.middleware.csp") is None, "5.2 LTS has no built-in CSP middleware")
