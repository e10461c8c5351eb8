"""031 logging: the answer's LOGGING applied by django.setup(), what it does to
Django's default handlers (mail_admins gone, django.server reset), adding
mail_admins back (a 500 emails ADMINS), getLogger(__name__) naming, and the
built-in loggers' levels."""
from djqcheck import claim, equal, setup, since

# --- the answer's code, verbatim ---
# settings.py
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "verbose": {
            "format": "{asctime} {levelname} {name} {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "verbose",
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
        },
        "myapp": {
            "handlers": ["console"],
            "level": "DEBUG",
            "propagate": False,
        },
    },
}
# --- end ---
import copy
import io
import logging

import django

# ADMINS: a list of address strings since 6.0; (name, address) tuples on 5.2
admins = ["ops@example.com"] if django.VERSION >= (6, 0) else [("Ops", "ops@example.com")]
setup(LOGGING=copy.deepcopy(LOGGING), ADMINS=admins)

from django.utils.log import DEFAULT_LOGGING, AdminEmailHandler

dj = logging.getLogger("django")
equal([type(h).__name__ for h in dj.handlers], ["StreamHandler"],
      "defining the django logger replaces Django's handlers, mail_admins included")
srv = logging.getLogger("django.server")
claim(srv.handlers == [] and srv.propagate, "django.server loses its own handler and propagates to your django handlers")
equal(DEFAULT_LOGGING["loggers"]["django"]["handlers"], ["console", "mail_admins"],
      "Django's default sends django.* to console and mail_admins")
equal(DEFAULT_LOGGING["handlers"]["console"]["filters"], ["require_debug_true"], "console only when DEBUG is True")
equal((DEFAULT_LOGGING["handlers"]["mail_admins"]["level"], DEFAULT_LOGGING["handlers"]["mail_admins"]["filters"]),
      ("ERROR", ["require_debug_false"]), "ERROR and above emailed when DEBUG is False")
equal(DEFAULT_LOGGING["loggers"]["django"]["level"], "INFO", "django.* of INFO and above")

# myapp/services.py
import logging

logger = logging.getLogger("myapp.services")  # what __name__ is in that module
stream = io.StringIO()
logging.getLogger("myapp").handlers[0].setStream(stream)


class Order:
    pk = 42


def charge(order):
    logger.info("Charging order %s", order.pk)  # lazy %-style arguments


charge(Order())
claim("INFO myapp.services Charging order 42" in stream.getvalue(), "a child logger's record reaches the myapp handler, formatted")


# Adding mail_admins back
from django.conf import settings
from django.core import mail
from django.urls import path
from django.utils.log import configure_logging

LOGGING["filters"] = {
    "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
}
LOGGING["handlers"]["mail_admins"] = {
    "level": "ERROR",
    "filters": ["require_debug_false"],
    "class": "django.utils.log.AdminEmailHandler",
}
LOGGING["loggers"]["django"]["handlers"] = ["console", "mail_admins"]
configure_logging(settings.LOGGING_CONFIG, LOGGING)
for h in logging.getLogger("django").handlers:
    if not isinstance(h, AdminEmailHandler):
        h.setStream(io.StringIO())


def boom(request):
    raise ValueError("boom")


def missing(request):
    from django.http import Http404

    raise Http404


urlpatterns = [path("boom/", boom), path("missing/", missing)]

from django.test import Client

levels = []


class Rec(logging.Handler):
    def emit(self, record):
        levels.append((record.levelname, record.status_code))


logging.getLogger("django.request").addHandler(Rec())
c = Client(raise_request_exception=False)
c.get("/missing/")
equal(c.get("/boom/").status_code, 500, "the view errors")
equal(len(mail.outbox), 1, "with mail_admins added back, a 500 emails ADMINS")
equal(mail.outbox[0].to, ["ops@example.com"], "the email goes to ADMINS")
equal(levels, [("WARNING", 404), ("ERROR", 500)], "django.request logs 4xx as WARNING and 5xx as ERROR")

# django.db.backends logs SQL only when DEBUG is True
from django.db import connection

claim(not connection.queries_logged, "with DEBUG False no SQL is logged")

from django.conf import global_settings

equal(global_settings.LOGGING_CONFIG, "logging.config.dictConfig", "LOGGING is a dictConfig dictionary")
import inspect

claim(("using" in inspect.signature(AdminEmailHandler).parameters) == since(6, 1),
      "AdminEmailHandler's using argument is new in 6.1")

if since(6, 0):
    from django.test import override_settings
    from django.utils.deprecation import RemovedInDjango70Warning
    from djqcheck import warns

    with override_settings(ADMINS=[("Ops", "ops@example.com")]):
        with warns(RemovedInDjango70Warning, "ADMINS", what="6.x still accepts (name, address) tuples but deprecates them"):
            mail.mail_admins("s", "m")
    equal(mail.outbox[-1].to, ["ops@example.com"], "tuples still deliver on 6.x")
