"""107 testing email: setup_test_environment() swaps the backend(s) for
locmem, the answer's two TestCase classes pass (signup view, on_commit with
captureOnCommitCallbacks), the inspection snippet, outbox entries are deep
copies, sent_using ("default" with MAILERS, None under EMAIL_BACKEND on
6.1, absent on 5.2), outbox lifecycle, tasks' ImmediateBackend."""
import os
import subprocess
import sys
import unittest

from django.conf import LazySettings

from djqcheck import claim, create_tables, equal, setup, since

LEGACY = os.environ.get("DJQ107_MODE") == "legacy"
SMTP = "django.core.mail.backends.smtp.EmailBackend"
if since(6, 1) and not LEGACY:
    _configure = LazySettings.configure

    def configure(self, *a, **kw):  # the harness always sets EMAIL_BACKEND; MAILERS forbids it
        kw.pop("EMAIL_BACKEND", None)
        return _configure(self, *a, **kw)

    LazySettings.configure = configure
    setup(MAILERS={"default": {"BACKEND": SMTP, "OPTIONS": {"host": "smtp.example.net"}},
                   "marketing": {"BACKEND": SMTP, "OPTIONS": {"host": "smtp.example.net"}}},
          DEFAULT_FROM_EMAIL="noreply@example.com")
else:
    import warnings

    warnings.simplefilter("ignore", DeprecationWarning)
    setup(EMAIL_BACKEND=SMTP, DEFAULT_FROM_EMAIL="noreply@example.com")

from django.conf import settings
from django.core import mail
from django.test.utils import setup_test_environment, teardown_test_environment

setup_test_environment()
if since(6, 1) and not LEGACY:
    equal({a: m["BACKEND"] for a, m in settings.MAILERS.items()},
          {"default": "django.core.mail.backends.locmem.EmailBackend", "marketing": "django.core.mail.backends.locmem.EmailBackend"},
          "on 6.1 the runner swaps the backend of every MAILERS alias for locmem")
else:
    equal(settings.EMAIL_BACKEND, "django.core.mail.backends.locmem.EmailBackend", "the runner swaps EMAIL_BACKEND for locmem")
equal(mail.outbox, [], "set-up creates an empty mail.outbox")

if LEGACY:
    mail.send_mail("s", "b", None, ["a@x.org"])
    equal(mail.outbox[0].sent_using, None, "6.1 under the deprecated EMAIL_BACKEND: sent_using is None")
    sys.exit(0)

from django.db import models, transaction


class Order(models.Model):
    email = models.EmailField()
    total = models.IntegerField()


def send_receipt(order):
    msg = mail.EmailMultiAlternatives("Your receipt", f"Order {order.pk}", None, [order.email])
    msg.attach_alternative(f"<p>Order {order.pk}</p>", "text/html")
    msg.attach(f"invoice-{order.pk}.pdf", b"%PDF", "application/pdf")
    msg.send()


def place_order(order):
    with transaction.atomic():
        order.save()
        transaction.on_commit(lambda: send_receipt(order))


from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.http import HttpResponse


class SignupForm(UserCreationForm):
    email = forms.EmailField()

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")


def signup(request):
    form = SignupForm(request.POST)
    if form.is_valid():
        user = form.save()
        mail.send_mail("Welcome to the shop", f"Hi {user.username}!", None, [user.email])
    return HttpResponse(status=201 if form.is_valid() else 400)


from django.urls import path

urlpatterns = [path("signup/", signup, name="signup")]
create_tables()

# --- the answer's tests, verbatim ---
from django.core import mail
from django.test import TestCase
from django.urls import reverse


class SignupEmailTests(TestCase):
    def test_signup_sends_welcome_email(self):
        data = {"username": "ada", "email": "ada@example.com"}
        data["password1"] = data["password2"] = "s3cret-pass-42"
        self.client.post(reverse("signup"), data)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.subject, "Welcome to the shop")
        self.assertEqual(message.to, ["ada@example.com"])
        self.assertEqual(message.from_email, "noreply@example.com")
        self.assertIn("ada", message.body)


class OrderEmailTests(TestCase):
    def test_receipt_sent_after_commit(self):
        order = Order(email="c@example.com", total=5)
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            place_order(order)  # calls on_commit(send_receipt)
            self.assertEqual(len(mail.outbox), 0)  # not yet
        self.assertEqual(len(callbacks), 1)
        self.assertEqual(len(mail.outbox), 1)
# --- end ---


class WithoutCapture(TestCase):
    def test(self):
        place_order(Order(email="c@example.com", total=5))
        self.assertEqual(len(mail.outbox), 0)


mail.outbox.append("leftover")
before = mail.outbox
result = unittest.TextTestRunner(stream=open(os.devnull, "w")).run(unittest.TestSuite(
    [unittest.defaultTestLoader.loadTestsFromTestCase(c) for c in (SignupEmailTests, OrderEmailTests, WithoutCapture)]))
equal((result.testsRun, len(result.failures), len(result.errors)), (3, 0, 0),
      "the answer's tests pass; without captureOnCommitCallbacks the on_commit mail never arrives in TestCase")
claim(mail.outbox is not before and "leftover" not in mail.outbox, "each test rebinds mail.outbox to a new list")

# --- the inspection snippet, verbatim (on a sent receipt) ---
mail.outbox = []
order = Order.objects.create(pk=1, email="c@example.com", total=5)
send_receipt(order)
message = mail.outbox[0]
message.cc, message.bcc, message.reply_to, message.extra_headers
html, mimetype = message.alternatives[0]     # HTML part
attachment = message.attachments[0]         # EmailAttachment
assert attachment.filename == "invoice-1.pdf"
assert attachment.mimetype == "application/pdf"
assert message.body_contains("Order 1")      # every text part
# --- end ---
equal(type(attachment).__name__, "EmailAttachment", "attachments are EmailAttachment named tuples (5.2)")
equal(type(message.alternatives[0]).__name__, "EmailAlternative", "alternatives are EmailAlternative named tuples")
claim(not message.body_contains("total"), "body_contains() is false when the text is missing")

# Outbox entries are copies of what was sent.
msg = mail.EmailMessage("Original", "b", None, ["a@x.org"])
msg.send()
msg.subject = "changed after sending"
claim(mail.outbox[-1] is not msg and mail.outbox[-1].subject == "Original", "outbox entries are deep copies of the sent messages")

if since(6, 1):
    mail.send_mail("s", "b", None, ["a@x.org"], using="marketing")
    equal((mail.outbox[0].sent_using, mail.outbox[-1].sent_using), ("default", "marketing"), "6.1 records sent_using, the MAILERS alias")
    env = dict(os.environ, DJQ107_MODE="legacy")
    run = subprocess.run([sys.executable, "-m", "djqcheck", __file__], env=env, capture_output=True, text=True)
    claim(run.returncode == 0, "6.1 under EMAIL_BACKEND: sent_using is None\n" + run.stderr[-800:])
else:
    claim(not hasattr(mail.outbox[0], "sent_using"), "sent_using does not exist on 5.2")

if since(6, 0):
    from django.tasks import task

    @task
    def mail_task(to):
        return mail.send_mail("From a task", "b", None, [to])

    n = len(mail.outbox)
    mail_task.enqueue("t@x.org")
    equal(len(mail.outbox), n + 1, "with ImmediateBackend a task's mail lands in the same outbox")

from django.core.management import get_commands

claim("sendtestemail" in get_commands(), "manage.py sendtestemail exists")
from django.core.management import call_command

if since(6, 1):
    n = len(mail.outbox)
    call_command("sendtestemail", "you@example.com", using="marketing")
    equal((len(mail.outbox) - n, mail.outbox[-1].sent_using), (1, "marketing"), "6.1: sendtestemail --using picks the MAILERS alias")
else:
    from django.core.management.commands.sendtestemail import Command

    parser = Command().create_parser("manage.py", "sendtestemail")
    claim("--using" not in parser.format_help(), "sendtestemail has no --using on 5.2")
teardown_test_environment()
claim(not hasattr(mail, "outbox"), "tear-down deletes mail.outbox")
from django.core.mail.backends.locmem import EmailBackend

EmailBackend()
equal(mail.outbox, [], "outside tests the outbox appears once a locmem backend is created")
