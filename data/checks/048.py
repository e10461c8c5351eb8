"""048 DEBUG = False: 404/500/400/403 templates (500 with an empty context)
vs the technical pages, runserver refusing an empty ALLOWED_HOSTS, static()
adding no patterns, connection.queries, template debug default, the default
logging/email behaviour, and 6.1's mail.E001 deploy check."""
from djqcheck import claim, create_tables, equal, raises, setup, since

setup(
    templates={"404.html": "custom 404", "500.html": "custom 500 [{{ request.path }}]", "400.html": "custom 400",
               "403.html": "custom 403"},
    MEDIA_URL="/media/", MEDIA_ROOT="/tmp",
)
create_tables()

from django.conf import settings
from django.conf.urls.static import static
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.test import Client, override_settings
from django.urls import path


def boom(request):
    raise ValueError("secret local variable")


def bad(request):
    raise SuspiciousOperation("x")


def denied(request):
    raise PermissionDenied


urlpatterns = [path("boom/", boom), path("bad/", bad), path("denied/", denied)]
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

equal(len(urlpatterns), 3, "static() adds no patterns when DEBUG is False")
c = Client(raise_request_exception=False)
r = c.get("/nope/")
equal((r.status_code, r.content), (404, b"custom 404"), "a 404 renders your 404.html")
r = c.get("/boom/")
equal((r.status_code, r.content), (500, b"custom 500 []"), "a 500 renders 500.html with an empty context")
equal(c.get("/bad/").content, b"custom 400", "400.html is used the same way")
equal(c.get("/denied/").content, b"custom 403", "403.html is used the same way")

with override_settings(DEBUG=True):
    r = c.get("/nope/")
    claim(b"boom/" in r.content and b"URLconf" in r.content, "with DEBUG on, the technical 404 lists your URL patterns")
    r = c.get("/boom/")
    claim(b"secret local variable" in r.content and b"Traceback" in r.content, "with DEBUG on, the 500 page shows the traceback")
    equal(len(static("/media/", document_root="/tmp")), 1, "static() adds a pattern when DEBUG is True")

from django.db import connection, reset_queries
from django.contrib.auth.models import User

reset_queries()
list(User.objects.all())
equal(len(connection.queries), 0, "connection.queries records nothing when DEBUG is False")
with override_settings(DEBUG=True):
    reset_queries()
    list(User.objects.all())
    equal(len(connection.queries), 1, "and records queries when DEBUG is True")

from django.template import engines

claim(engines["django"].engine.debug is False, "the template engine's debug option follows DEBUG")

from django.core.management import call_command
from django.core.management.base import CommandError

with override_settings(ALLOWED_HOSTS=[], DEBUG=False):
    with raises(CommandError, "ALLOWED_HOSTS", what="runserver refuses to start with DEBUG = False and an empty list"):
        call_command("runserver", use_reloader=False)

from django.utils.log import DEFAULT_LOGGING

equal(DEFAULT_LOGGING["handlers"]["mail_admins"]["filters"], ["require_debug_false"], "with DEBUG False, errors go to AdminEmailHandler")
from django.core import mail

admins = ["ops@example.com"] if since(6, 0) else [("Ops", "ops@example.com")]
with override_settings(ADMINS=admins, SERVER_EMAIL="errors@example.com"):
    c.get("/boom/")
equal((len(mail.outbox), mail.outbox[0].to, mail.outbox[0].from_email),
      (1, ["ops@example.com"], "errors@example.com"), "the error is emailed to ADMINS from SERVER_EMAIL")
mail.outbox.clear()
c.get("/nope/")
equal(len(mail.outbox), 0, "404s are not reported without BrokenLinkEmailsMiddleware")

from django.core.checks import run_checks

if since(6, 1):
    with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}):
        claim("mail.E001" in [m.id for m in run_checks(include_deployment_checks=True)],
              "6.1: check --deploy errors on a development-only default mailer")
        claim("mail.E001" not in [m.id for m in run_checks()], "mail.E001 is deploy-only")
