"""128 twelve-factor settings: the answer's env() helper and parsing (missing
secret fails loudly, DEBUG and ALLOWED_HOSTS parsing, bool("False") is True),
the stdout LOGGING dict, SECRET_KEY_FALLBACKS keeping old signatures valid
during a rotation, diffsettings and check --deploy. dj-database-url and
django-environ are not installed here."""
import os

from djqcheck import claim, equal, raises

SETTINGS = '''
# settings.py
import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable")
    return value


SECRET_KEY = env("SECRET_KEY")  # no default: fail loudly
DEBUG = env("DJANGO_DEBUG", "false").lower() in {"1", "true", "yes"}
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "").split(",") if h]
'''
MAILERS_SRC = '''
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST", default="localhost"),
            "username": env("EMAIL_USER", default=""),
            "password": env("EMAIL_PASSWORD", default=""),
            "use_tls": True,
        },
    },
}
'''
LOGGING_SRC = '''
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
'''


def load(**environ):
    for k in ("SECRET_KEY", "DJANGO_DEBUG", "ALLOWED_HOSTS", "LOG_LEVEL"):
        os.environ.pop(k, None)
    os.environ.update(environ)
    ns = {}
    exec(SETTINGS, ns)
    return ns


from django.core.exceptions import ImproperlyConfigured

with raises(ImproperlyConfigured, "Set the SECRET_KEY environment variable", "no default for secrets: fail loudly"):
    load()
ns = load(SECRET_KEY="s3cret")
equal(ns["DEBUG"], False, "DEBUG is off by default")
equal(ns["ALLOWED_HOSTS"], [], "ALLOWED_HOSTS defaults to an empty list")
equal(load(SECRET_KEY="x", DJANGO_DEBUG="True")["DEBUG"], True, "DJANGO_DEBUG=True turns DEBUG on")
equal(load(SECRET_KEY="x", DJANGO_DEBUG="False")["DEBUG"], False, "DJANGO_DEBUG=False keeps it off")
claim(bool("False") is True, 'bool("False") is True')
equal(load(SECRET_KEY="x", ALLOWED_HOSTS="a.example,b.example")["ALLOWED_HOSTS"], ["a.example", "b.example"],
      "ALLOWED_HOSTS is split on commas")

ns = load(SECRET_KEY="new-key", ALLOWED_HOSTS="shop.example", LOG_LEVEL="WARNING")
ns["env"] = ns["env"]
exec(LOGGING_SRC, ns)

from djqcheck import setup

setup(SECRET_KEY=ns["SECRET_KEY"], DEBUG=ns["DEBUG"], ALLOWED_HOSTS=ns["ALLOWED_HOSTS"], LOGGING=ns["LOGGING"],
      SECRET_KEY_FALLBACKS=[])
urlpatterns = []

import logging

equal(logging.getLogger().level, logging.WARNING, "LOG_LEVEL sets the root level")
claim(any(isinstance(h, logging.StreamHandler) for h in logging.getLogger().handlers), "logs go to a stream handler")

from django.conf import global_settings
from django.core import signing
from django.test import override_settings

equal(global_settings.SECRET_KEY, "", "Django's own default SECRET_KEY is empty")
old = signing.dumps({"user": 1}, key="old-key")
with raises(signing.BadSignature, what="after a rotation without fallbacks old signatures fail"):
    signing.loads(old)
with override_settings(SECRET_KEY_FALLBACKS=["old-key"]):
    equal(signing.loads(old), {"user": 1}, "SECRET_KEY_FALLBACKS keeps old signed values valid")

from django.core.management import get_commands

claim("diffsettings" in get_commands(), "manage.py diffsettings exists")
from django.core.checks import run_checks

ids = {m.id for m in run_checks(include_deployment_checks=True)}
for i in ("security.W004", "security.W008", "security.W012", "security.W016"):
    claim(i in ids, "check --deploy warns about unsafe production values (%s)" % i)

from djqcheck import since

if since(6, 1):
    os.environ.update(EMAIL_HOST="smtp.example.com", EMAIL_USER="u", EMAIL_PASSWORD="p")
    exec(MAILERS_SRC, ns)
    with override_settings(MAILERS=ns["MAILERS"], EMAIL_BACKEND=None):
        from django.core import mail

        backend = mail.mailers["default"]
        equal((backend.host, backend.username, backend.use_tls), ("smtp.example.com", "u", True),
              "on 6.1 the default mailer's OPTIONS come from the environment")
    from django.utils.deprecation import RemovedInDjango70Warning
    from djqcheck import warns

    with warns(RemovedInDjango70Warning, "EMAIL_HOST", "the EMAIL_* settings are deprecated in 6.1"):
        with override_settings(EMAIL_HOST="smtp.example.com"):
            pass
