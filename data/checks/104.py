"""104 translating text: a real project with the answer's settings and code;
makemessages collects the strings into locale/de/...po, compilemessages
builds the .mo, and the view then answers in German; lazy vs eager
translation, f-strings never match, fuzzy entries are skipped."""
import os
import pathlib
import sys
import tempfile

root = pathlib.Path(tempfile.mkdtemp())
(root / "shop").mkdir()
(root / "locale").mkdir()
(root / "shop" / "__init__.py").write_text("")
# The answer's Python code, verbatim, as the app's module:
(root / "shop" / "models.py").write_text('''
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext


class Order(models.Model):
    # Evaluated at import time: must be lazy
    note = models.TextField(gettext_lazy("note"), blank=True)


def dashboard(request):
    count = Order.objects.count()
    text = ngettext(
        "%(count)d new order", "%(count)d new orders", count
    ) % {"count": count}
    return HttpResponse(_("Welcome") + " " + text)
''')
sys.path.insert(0, str(root))
BASE_DIR = root

# --- the answer's settings, verbatim ---
# settings.py
from django.utils.translation import gettext_lazy as _

USE_I18N = True                       # the default; False skips it all
LANGUAGE_CODE = "en"                  # fallback language
LANGUAGES = [("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]  # project-wide translations
# --- end ---

from djqcheck import claim, equal, setup

setup(installed_apps=["shop"], USE_I18N=USE_I18N, LANGUAGE_CODE=LANGUAGE_CODE, LANGUAGES=LANGUAGES, LOCALE_PATHS=LOCALE_PATHS)
from django.conf import global_settings

equal(global_settings.USE_I18N, True, "USE_I18N defaults to True")
from django.urls import path
from shop.models import Order, dashboard

urlpatterns = [path("", dashboard)]
from djqcheck import create_tables

create_tables()
Order.objects.create()

from django.core.management import call_command

os.chdir(root)
call_command("makemessages", locale=["de"], verbosity=0)
po = root / "locale/de/LC_MESSAGES/django.po"
text = po.read_text()
claim('msgid "Welcome"' in text and 'msgid "note"' in text, "makemessages -l de writes locale/de/LC_MESSAGES/django.po with the marked strings")
claim('msgid_plural "%(count)d new orders"' in text, "ngettext gives a plural entry")
claim("#: shop/models.py" in text, "entries point at the source line")
text = text.replace('msgid "Welcome"\nmsgstr ""', 'msgid "Welcome"\nmsgstr "Willkommen"')
text = text.replace('msgid "note"\nmsgstr ""', '#, fuzzy\nmsgid "note"\nmsgstr "Notiz"')
text = text.replace('msgstr[0] ""\nmsgstr[1] ""', 'msgstr[0] "%(count)d neue Bestellung"\nmsgstr[1] "%(count)d neue Bestellungen"')
po.write_text(text)
call_command("compilemessages", verbosity=0)
claim((root / "locale/de/LC_MESSAGES/django.mo").exists(), "compilemessages turns .po into .mo")

from django.test import Client

equal(Client(headers={"accept-language": "de"}).get("/").content.decode(), "Welcome 1 new order",
      "without LocaleMiddleware every request uses LANGUAGE_CODE")
from django.utils import translation

with translation.override("de"):
    equal(Client().get("/").content.decode(), "Willkommen 1 neue Bestellung", "the view answers in German once 'de' is active")
    equal(str(Order._meta.get_field("note").verbose_name), "note", "a #, fuzzy entry is skipped by compilemessages")
    greeting = "Welcome"
    equal(translation.gettext(f"{greeting}"), "Willkommen", "(a constant string matches)")
    name = "Ada"
    equal(translation.gettext(f"Welcome {name}"), "Welcome Ada", "an f-string is formatted first and never matches the catalog")
    equal(str(_("German")), "Deutsch", "Django's own catalogs come last and still translate")

import time

time.sleep(0.01)
po.touch()  # compilemessages skips a .mo that is newer than its .po
call_command("compilemessages", use_fuzzy=True, verbosity=0)
from django.utils.translation.reloader import translation_file_changed

claim(translation_file_changed(sender=None, file_path=root / "locale/de/LC_MESSAGES/django.mo"),
      "catalogs are cached per process; the autoreloader's hook drops them when a .mo file changes")
with translation.override("de"):
    equal(str(Order._meta.get_field("note").verbose_name), "Notiz", "--use-fuzzy includes fuzzy entries; the lazy verbose_name follows the active language")

eager = translation.gettext("Welcome")  # evaluated with 'en' active, like gettext() at import time
with translation.override("de"):
    equal(eager, "Welcome", "plain gettext() freezes the language active when it ran")
    equal(str(translation.gettext_lazy("Welcome")), "Willkommen", "gettext_lazy() translates when turned into a string")
    equal(translation.pgettext("alt. month", "May"), "Mai", "pgettext() adds a context")
