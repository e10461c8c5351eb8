"""017 settings: what startproject writes (by version), global defaults,
DJANGO_SETTINGS_MODULE via manage.py/wsgi.py/asgi.py, django.conf.settings
being an object, getattr fallback, uppercase-only settings, diffsettings,
override_settings, settings.configure() for scripts."""
import io
import os
import re

from djqcheck import claim, equal, raises, setup, since

setup(PAYMENTS_TIMEOUT=45)

import django

tpl_dir = os.path.join(os.path.dirname(django.__file__), "conf", "project_template")
settings_tpl = open(os.path.join(tpl_dir, "project_name", "settings.py-tpl")).read()
for name in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF",
             "WSGI_APPLICATION", "TEMPLATES", "DATABASES", "AUTH_PASSWORD_VALIDATORS",
             "LANGUAGE_CODE", "TIME_ZONE", "USE_I18N", "USE_TZ", "STATIC_URL"):
    claim(re.search(r"^%s = " % name, settings_tpl, re.M), "startproject writes %s" % name)
claim("'ENGINE': 'django.db.backends.sqlite3'" in settings_tpl, "the default database is a SQLite file")
equal("DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'" in settings_tpl, not since(6, 0),
      "5.2 projects get DEFAULT_AUTO_FIELD; 6.0 dropped the line")
equal("MAILERS = {" in settings_tpl, since(6, 1), "6.1 projects get a MAILERS setting")
if since(6, 1):
    claim(re.search(r"MAILERS = \{\s*'default': \{\s*'BACKEND': 'django.core.mail.backends.console.EmailBackend'",
                    settings_tpl), "the generated MAILERS 'default' entry uses the console backend")
for f in ("manage.py-tpl", "project_name/wsgi.py-tpl", "project_name/asgi.py-tpl"):
    claim("os.environ.setdefault('DJANGO_SETTINGS_MODULE', '{{ project_name }}.settings')"
          in open(os.path.join(tpl_dir, f)).read(), "%s sets a default DJANGO_SETTINGS_MODULE" % f)

from django.conf import global_settings, settings

equal(global_settings.DEBUG, False, "Django's own default for DEBUG is False")
equal(global_settings.DEFAULT_AUTO_FIELD,
      "django.db.models.BigAutoField" if since(6, 0) else "django.db.models.AutoField",
      "6.0 made BigAutoField the default value")
equal(settings.APPEND_SLASH, True, "unset settings fall back to global_settings")

if settings.DEBUG:
    ...

# your own setting, with a fallback
timeout = getattr(settings, "PAYMENTS_TIMEOUT", 30)
equal(timeout, 45, "getattr reads a custom setting")
equal(getattr(settings, "MISSING_SETTING", 30), 30, "and falls back when it is not set")

with raises(ModuleNotFoundError, what="from django.conf.settings import DEBUG does not work"):
    exec("from django.conf.settings import DEBUG")

from django.conf import LazySettings

with raises(TypeError, "must be uppercase", what="custom settings must be uppercase"):
    LazySettings().configure(payments_timeout=1)

from django.core.management import call_command

out = io.StringIO()
call_command("diffsettings", stdout=out)
claim("PAYMENTS_TIMEOUT = 45  ###" in out.getvalue() and "APPEND_SLASH" not in out.getvalue(),
      "diffsettings shows what you changed from the defaults")

from django.test import override_settings

with override_settings(DEBUG=True):
    claim(settings.DEBUG, "override_settings changes a setting for a block")
claim(not settings.DEBUG, "and restores it afterwards")

with raises(RuntimeError, "already configured", what="settings.configure() can only run once"):
    settings.configure(DEBUG=True)

if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    from djqcheck import warns

    with warns(RemovedInDjango70Warning, "Migrate to MAILERS",
               what="6.1 deprecates EMAIL_BACKEND and the EMAIL_* settings in favour of MAILERS"):
        settings.EMAIL_HOST
