"""073 settings per environment: the answer's config/settings package
(production.py verbatim) loaded by DJANGO_SETTINGS_MODULE: values from the
environment, KeyError when a secret is missing, setdefault in the
startproject entry points, check --deploy on the result, diffsettings.
django-environ is not installed here, so option 2 is not run."""
import importlib
import os
import sys
import tempfile

from djqcheck import claim, equal, raises, setup, since

PRODUCTION = '''\
# config/settings/production.py
import os

from .base import *  # noqa: F403

DEBUG = False
# KeyError if missing: fail fast
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
'''
BASE = '''\
DEBUG = True
SECRET_KEY = "dev-only"
ALLOWED_HOSTS = []
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
'''
root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "config", "settings"))
for rel, text in {
    "config/__init__.py": "",
    "config/settings/__init__.py": "",
    "config/settings/base.py": BASE,
    "config/settings/development.py": "from .base import *  # noqa: F403\nDEBUG = True\n",
    "config/settings/production.py": PRODUCTION,
}.items():
    with open(os.path.join(root, rel), "w") as f:
        f.write(text)
sys.path.insert(0, root)

# Missing secret -> KeyError at import time.
os.environ.pop("DJANGO_SECRET_KEY", None)
with raises(KeyError, "DJANGO_SECRET_KEY", what="a missing required value fails fast with KeyError"):
    importlib.import_module("config.settings.production")
sys.modules.pop("config.settings.production", None)

# export DJANGO_SETTINGS_MODULE=config.settings.production
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
os.environ["DJANGO_SECRET_KEY"] = "k" * 60 + "Zq9!"
os.environ["DJANGO_ALLOWED_HOSTS"] = "example.com,www.example.com"

# What manage.py/wsgi.py/asgi.py do: setdefault keeps the value already set.
import django

tpl_dir = os.path.join(os.path.dirname(django.__file__), "conf", "project_template")
for rel in ("manage.py-tpl", "project_name/wsgi.py-tpl", "project_name/asgi.py-tpl"):
    claim("os.environ.setdefault('DJANGO_SETTINGS_MODULE'" in open(os.path.join(tpl_dir, rel)).read(), f"startproject's {rel[:-4]} uses os.environ.setdefault")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
equal(os.environ["DJANGO_SETTINGS_MODULE"], "config.settings.production", "a value already in the environment takes precedence")

mod = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
values = {k: getattr(mod, k) for k in dir(mod) if k.isupper()}
equal(values["ALLOWED_HOSTS"], ["example.com", "www.example.com"], "ALLOWED_HOSTS read from the environment")
equal(values["PASSWORD_HASHERS"], ["django.contrib.auth.hashers.MD5PasswordHasher"], "from .base import * brings in the shared settings")
equal(importlib.import_module("config.settings.development").DEBUG, True, "development keeps DEBUG on")
setup(**values)

from django.conf import settings

equal((settings.DEBUG, settings.SECRET_KEY[:4]), (False, "kkkk"), "code reads the values through django.conf.settings")

from io import StringIO

from django.core.checks import run_checks

urlpatterns = []
ids = {m.id for m in run_checks(include_deployment_checks=True)}
claim(not ids & {"security.W018", "security.W020", "security.W008", "security.W012", "security.W016", "security.W009"}, "check --deploy accepts the production module's DEBUG, hosts, key, SSL redirect and cookie settings")
claim("security.W004" in ids, "it still reports what the module leaves out (HSTS)")

from django.core.management import call_command

out = StringIO()
call_command("diffsettings", stdout=out)
claim("SECURE_SSL_REDIRECT = True" in out.getvalue() and "DEBUG = False" not in out.getvalue(), "diffsettings shows what differs from Django's defaults")

from django.test import override_settings

with override_settings(DEBUG=True):
    equal(settings.DEBUG, True, "override_settings changes a setting in tests")
equal(settings.DEBUG, False, "and restores it")

if since(6, 1):
    os.environ["SMTP_PASSWORD"] = "from-env"
    with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {"host": "smtp.example.com", "password": os.environ["SMTP_PASSWORD"]}}}):
        from django.core import mail

        equal(mail.mailers["default"].password, "from-env", "6.1: the SMTP password goes into the MAILERS OPTIONS")
