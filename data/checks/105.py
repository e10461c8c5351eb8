"""105 language selection: with the answer's middleware and URLconf, the
order prefix > cookie > Accept-Language > LANGUAGE_CODE, de-at -> de, Vary,
redirects to the prefixed URL, set_language with translate_url (and its
limit), the templates' tags, the JavaScript catalog. Also: LocaleMiddleware
after CommonMiddleware still honours Accept-Language (review finding)."""
from djqcheck import claim, equal, setup

LOCALE_MW = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
SWITCHER = """{% load i18n %}
<form action="{% url 'set_language' %}" method="post">
  {% csrf_token %}
  <input name="next" type="hidden" value="{{ request.path }}">
  <select name="language">
    {% get_current_language as CURRENT %}
    {% get_available_languages as LANGS %}
    {% for code, name in LANGS %}
      <option value="{{ code }}"
        {% if code == CURRENT %}selected{% endif %}>{{ name }}</option>
    {% endfor %}
  </select>
  <button>{% translate "Change language" %}</button>
</form>"""
BLOCKS = """{% load i18n %}
<h1>{% translate "Welcome" %}</h1>
<p>{% blocktranslate trimmed with name=user.first_name %}
  Hello {{ name }}
{% endblocktranslate %}</p>
<p>{% blocktranslate trimmed count counter=cart|length %}
  {{ counter }} item
{% plural %}
  {{ counter }} items
{% endblocktranslate %}</p>"""
setup(
    middleware=LOCALE_MW,
    LANGUAGE_CODE="en",
    LANGUAGES=[("en", "English"), ("de", "German"), ("fr", "French")],
    templates={"switch.html": SWITCHER, "blocks.html": BLOCKS},
)
from django.http import HttpResponse
from django.shortcuts import render


class views:  # stands in for shop.views
    @staticmethod
    def product_list(request):
        return HttpResponse(request.LANGUAGE_CODE)


def plain(request):
    return HttpResponse(request.LANGUAGE_CODE)


def switch(request):
    return render(request, "switch.html")


# --- the answer's URLconf, verbatim (its import of shop.views dropped) ---
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),  # set_language
]
urlpatterns += i18n_patterns(
    path("products/", views.product_list, name="product-list"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="js-catalog"),
)
# --- end ---
urlpatterns += [path("plain/", plain), path("switch/", switch)]

from django.test import Client, override_settings

c = Client()
equal(c.get("/plain/", headers={"accept-language": "de-at"}).content, b"de", "Accept-Language de-at falls back to de")
equal(c.get("/plain/", headers={"accept-language": "es"}).content, b"en", "a language not in LANGUAGES cannot win: LANGUAGE_CODE")
equal(c.get("/plain/").content, b"en", "no header: LANGUAGE_CODE")
r = c.get("/plain/", headers={"accept-language": "de"})
claim("Accept-Language" in r["Vary"], "Vary: Accept-Language when the language did not come from the URL")
r = c.get("/de/products/", headers={"accept-language": "fr"})
equal(r.content, b"de", "the URL prefix wins over the header")
claim("Accept-Language" not in r.get("Vary", ""), "no Vary: Accept-Language for a prefixed URL")
r = c.get("/products/", headers={"accept-language": "fr"})
equal((r.status_code, r["Location"]), (302, "/fr/products/"), "/products/ redirects to the detected language's prefix")

cookie = Client()
cookie.cookies["django_language"] = "fr"
equal(cookie.get("/plain/", headers={"accept-language": "de"}).content, b"fr", "the language cookie outranks Accept-Language")
equal(cookie.get("/de/products/").content, b"de", "the URL prefix outranks the cookie")

# Review finding: order relative to CommonMiddleware does not make Django ignore the header.
after = [m for m in LOCALE_MW if "locale" not in m]
after.insert(after.index("django.middleware.common.CommonMiddleware") + 1, "django.middleware.locale.LocaleMiddleware")
with override_settings(MIDDLEWARE=after):
    equal(Client().get("/plain/", headers={"accept-language": "de-at"}).content, b"de",
          "LocaleMiddleware after CommonMiddleware still activates de from Accept-Language")
with override_settings(MIDDLEWARE=[m for m in LOCALE_MW if "locale" not in m]):
    from django.utils import translation

    translation.deactivate()  # (an earlier request in this thread activated de)
    r = Client().get("/switch/", headers={"accept-language": "de"})
    claim('value="en"\n        selected' in r.content.decode(), "without LocaleMiddleware every request uses LANGUAGE_CODE")

# set_language: POST, cookie, redirect through translate_url().
r = Client(headers={"accept-language": "en"}).post("/i18n/setlang/", {"language": "de", "next": "/en/products/"})
equal((r.status_code, r["Location"]), (302, "/de/products/"), "set_language translates next into the new language")
equal(r.cookies["django_language"].value, "de", "and stores the choice in the language cookie")
r = Client(headers={"accept-language": "fr"}).post("/i18n/setlang/", {"language": "de", "next": "/en/products/"})
equal(r["Location"], "/en/products/", "if next does not resolve in the switch request's language it is left unchanged")
r = Client().get("/i18n/setlang/", {"language": "de", "next": "/plain/"})
claim("django_language" not in r.cookies, "set_language only changes the language on POST")
from django.utils import translation as tr

claim(not hasattr(tr, "LANGUAGE_SESSION_KEY"), "the language is no longer stored in the session (4.0)")

r = Client(headers={"accept-language": "de"}).get("/switch/")
html = r.content.decode()
claim('<option value="de"\n        selected>Deutsch</option>' in html, "the switcher marks the current language")
claim('name="next" type="hidden" value="/switch/"' in html and "csrfmiddlewaretoken" in html, "the switcher form renders")

from django.template.loader import render_to_string


class U:
    first_name = "Ada"


out = " ".join(render_to_string("blocks.html", {"user": U(), "cart": [1, 2, 3]}).split())
equal(out, "<h1>Welcome</h1> <p>Hello Ada</p> <p>3 items</p>", "translate / blocktranslate trimmed with / count + plural")
out1 = " ".join(render_to_string("blocks.html", {"user": U(), "cart": [1]}).split())
claim("<p>1 item</p>" in out1, "count selects the singular")
from django.template import Context, Template, TemplateSyntaxError

equal(Template("{% load i18n %}{% trans 'Hi' %}{% blocktrans %}x{% endblocktrans %}").render(Context()), "Hix",
      "trans and blocktrans are the older names")
equal(Template("{% load i18n %}{% blocktranslate %}Hi {{ user.first_name }}{% endblocktranslate %}").render(Context({"user": U()})),
      "Hi ", "inside blocktranslate an attribute lookup does not work (bind it with `with`)")
r = Client().get("/de/jsi18n/")
claim(r["Content-Type"].startswith("text/javascript") and "django.gettext" in r.content.decode() and "ngettext" in r.content.decode(),
      "JavaScriptCatalog serves gettext()/ngettext() for the active language")

# prefix_default_language=False leaves the default language unprefixed.
import sys
import types

alt = types.ModuleType("djq105_alt")
alt.urlpatterns = i18n_patterns(path("products/", views.product_list), prefix_default_language=False)
sys.modules["djq105_alt"] = alt
with override_settings(ROOT_URLCONF="djq105_alt"):
    equal(Client().get("/products/").content, b"en", "prefix_default_language=False: the default language has no prefix")
    equal(Client().get("/de/products/").content, b"de", "other languages keep theirs")
