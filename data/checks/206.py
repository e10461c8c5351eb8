"""206 personal data: the answer's decorated view and function, log filter and
retention command run as written: with DEBUG=False the admin error email masks
the marked POST parameters and locals (names stay), DEBUG=True disables the
filter, settings/META names are masked, the filter redacts emails, the command
deletes dormant non-staff users and anonymises old messages."""
import logging
import sys

from djqcheck import claim, create_tables, equal, setup, since

setup(
    ADMINS=["ops@example.com"] if since(6, 0) else [("Ops", "ops@example.com")],
    LOGGING={
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"mail_html": {"class": "django.utils.log.AdminEmailHandler", "include_html": True}},
        "loggers": {"django.request": {"handlers": ["mail_html"], "level": "ERROR", "propagate": False}},
    },
    PAYOUT_API_KEY="sk-live-123",
)

from django.db import models


class ContactMessage(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    body = models.TextField()
    created = models.DateTimeField(auto_now_add=True)


class payout_api:  # scaffolding: the provider is down
    @staticmethod
    def create(**kwargs):
        raise RuntimeError("provider unavailable")


from django.http import HttpResponse
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables


@sensitive_variables("iban", "account_holder")
def register_payout(user, iban, account_holder):
    provider_response = payout_api.create(iban=iban, name=account_holder)
    return provider_response["id"]


@sensitive_post_parameters("iban", "account_holder")
def payout_settings(request):
    register_payout(request.user, request.POST["iban"], request.POST["account_holder"])
    return HttpResponse("saved")

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class RedactEmails(logging.Filter):
    def filter(self, record):
        record.msg = EMAIL.sub("[email]", record.getMessage())
        record.args = None
        return True

# accounts/management/commands/purge_personal_data.py
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete dormant accounts and anonymise old contact messages."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=730)

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - timedelta(days=days)
        User = get_user_model()
        dormant = User.objects.filter(is_staff=False).filter(
            Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)
        )
        with transaction.atomic():
            anonymised = ContactMessage.objects.filter(created__lt=cutoff).exclude(
                email="").update(name="", email="", body="[removed]")
            _, per_model = dormant.delete()
        self.stdout.write(
            f"deleted {per_model.get(User._meta.label, 0)} users, "
            f"anonymised {anonymised} messages")

from django.urls import path

urlpatterns = [path("payout/", payout_settings)]
create_tables()

from django.core import mail
from django.test import Client, override_settings
from django.contrib.auth.models import User

IBAN = "DE89370400440532013000"
c = Client(raise_request_exception=False)
r = c.post("/payout/", {"iban": IBAN, "account_holder": "Ann Example", "note": "visible-note"})
equal(r.status_code, 500, "the view fails (provider down)")
equal(len(mail.outbox), 1, "AdminEmailHandler emails ADMINS when DEBUG is False")
msg = mail.outbox[0]
text = msg.body
html = msg.alternatives[0][0]
claim(IBAN not in text and "Ann Example" not in text, "POST values marked sensitive are not in the emailed report")
claim("iban = '********************'" in text, "the parameter name stays, its value becomes stars")
claim("visible-note" in text, "other POST parameters are still reported")
from django.views.debug import ExceptionReporter


def frame_vars(exc_info, req=None):
    data = ExceptionReporter(req, *exc_info).get_traceback_data()
    return {f["function"]: dict(f["vars"]) for f in data["frames"]}


try:
    register_payout(None, IBAN, "Ann Example")
except RuntimeError:
    info = sys.exc_info()
fv = frame_vars(info)
equal((fv["register_payout"]["iban"], fv["register_payout"]["account_holder"]), ("'" + "*" * 20 + "'",) * 2,
      "sensitive_variables replaces the listed locals and arguments with stars")
claim("provider_response" in fv["register_payout"] or "user" in fv["register_payout"], "variable names stay visible")
claim(IBAN in fv["create"]["kwargs"], "a callee that gets the value under another name (kwargs) still shows it")
claim(IBAN in html and "Local Vars" in html, "the emailed HTML report shows that callee's kwargs")


@sensitive_variables()
def register_payout_all(user, iban, account_holder):
    provider_response = payout_api.create(iban=iban, name=account_holder)
    return provider_response["id"]


try:
    register_payout_all(None, IBAN, "Ann Example")
except RuntimeError:
    info2 = sys.exc_info()
fv2 = frame_vars(info2)
claim(IBAN not in str(fv2["create"]) and IBAN not in str(fv2["register_payout_all"]),
      "@sensitive_variables() with no arguments hides every local of the frames below it")
claim("sk-live-123" not in html and "PAYOUT_API_KEY" in html, "settings whose names contain KEY are masked")

# DEBUG=True: the filter is not active
from django.views.debug import ExceptionReporter
from django.test import RequestFactory

req = RequestFactory().post("/payout/", {"iban": IBAN, "account_holder": "Ann Example"})
req.sensitive_post_parameters = ["iban", "account_holder"]
with override_settings(DEBUG=True):
    shown = ExceptionReporter(req, *info).get_traceback_text()
    shown_html = ExceptionReporter(req, *info).get_traceback_html()
claim(IBAN in shown and IBAN in shown_html, "with DEBUG=True the filter is inactive and values are shown")
hidden = ExceptionReporter(req, *info).get_traceback_text()
claim(IBAN not in hidden, "with DEBUG=False the same report hides the POST values")
claim(fv["register_payout"]["iban"] != repr(IBAN), "with DEBUG=False the locals are hidden")
with override_settings(DEBUG=True):
    claim(frame_vars(info)["register_payout"]["iban"] == repr(IBAN), "with DEBUG=True locals are shown")

# META names are always masked, even with DEBUG=True
from django.views.debug import SafeExceptionReporterFilter

with override_settings(DEBUG=True):
    req2 = RequestFactory().get("/", HTTP_AUTHORIZATION="Bearer abc", HTTP_COOKIE="sessionid=xyz")
    meta = SafeExceptionReporterFilter().get_safe_request_meta(req2)
equal((meta["HTTP_AUTHORIZATION"], meta["HTTP_COOKIE"]), ("*" * 20, "*" * 20),
      "request.META entries named AUTH or HTTP_COOKIE are always masked")
pattern = SafeExceptionReporterFilter.hidden_settings.pattern
equal(pattern, "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE", "the masked name fragments")

# the log filter
records = []


class Keep(logging.Handler):
    def emit(self, record):
        records.append(self.format(record))


log = logging.getLogger("djq206")
h = Keep()
h.addFilter(RedactEmails())
log.addHandler(h)
log.warning("login failed for %s from %s", "ann.smith+x@example.co.uk", "10.0.0.1")
equal(records, ["login failed for [email] from 10.0.0.1"], "RedactEmails masks email addresses in log messages")

# retention
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

old = timezone.now() - timedelta(days=800)
recent = timezone.now() - timedelta(days=10)
a = User.objects.create_user("dormant", last_login=old)
User.objects.create_user("never", date_joined=old)
User.objects.create_user("newbie", date_joined=recent)
User.objects.create_user("active", last_login=recent)
User.objects.create_user("oldstaff", last_login=old, is_staff=True)

for who in ("old", "new"):
    ContactMessage.objects.create(name=who, email=f"{who}@example.com", body="hello")
ContactMessage.objects.filter(name="old").update(created=old)

import io

out = io.StringIO()
call_command(Command(), stdout=out)
equal(out.getvalue().strip(), "deleted 2 users, anonymised 1 messages",
      "dormant users (old last_login, or never logged in and joined long ago) are deleted; staff kept")
equal(sorted(User.objects.values_list("username", flat=True)), ["active", "newbie", "oldstaff"],
      "recent and staff users are kept")
equal(list(ContactMessage.objects.order_by("id").values_list("name", "email", "body")),
      [("", "", "[removed]"), ("new", "new@example.com", "hello")], "old messages are anonymised, new ones kept")
out = io.StringIO()
call_command(Command(), stdout=out)
equal(out.getvalue().strip(), "deleted 0 users, anonymised 0 messages", "a second run finds nothing (anonymised rows excluded)")

# delete() counts cascades in the total
from django.contrib.auth.models import Group

u = User.objects.create_user("cascade", last_login=old)
u.groups.add(Group.objects.create(name="g"))
total, per_model = User.objects.filter(username="cascade").delete()
equal((total, per_model["auth.User"]), (2, 1), "delete() returns the total with cascades and a per-model dict")
