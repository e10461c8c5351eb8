"""106 sending email: on 6.1 the answer's MAILERS block (smtp mailer built
from OPTIONS, port 587 from use_tls, flat settings unavailable), on 5.2 the
flat EMAIL_* block; then the answer's send_* functions against the locmem
backend: outbox contents, DEFAULT_FROM_EMAIL, attachments, alternatives,
send_mass_mail, header injection, keyword-only deprecations, using=."""
import os

os.environ["SMTP_USER"] = "mailer"
os.environ["SMTP_PASSWORD"] = "secret"
import django
from django.conf import LazySettings

from djqcheck import claim, equal, raises, setup, since, warns

TEMPLATES = {"emails/receipt.txt": "Order {{ order.pk }} total {{ order.total }}",
             "emails/receipt.html": "<p>Order {{ order.pk }}</p>"}
if since(6, 1):
    # --- the answer's 6.1 settings, verbatim ---
    # settings.py (Django 6.1+)
    import os

    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "smtp.example.net",
                "use_tls": True,  # port then defaults to 587
                "username": os.environ["SMTP_USER"],
                "password": os.environ["SMTP_PASSWORD"],
                "timeout": 10,
            },
        },
    }
    DEFAULT_FROM_EMAIL = "Shop <noreply@example.com>"
    SERVER_EMAIL = "errors@example.com"  # sender of error mails
    # --- end ---
    _configure = LazySettings.configure

    def configure(self, *a, **kw):  # the harness always sets EMAIL_BACKEND; MAILERS forbids it
        kw.pop("EMAIL_BACKEND", None)
        return _configure(self, *a, **kw)

    LazySettings.configure = configure
    setup(MAILERS=MAILERS, DEFAULT_FROM_EMAIL=DEFAULT_FROM_EMAIL, SERVER_EMAIL=SERVER_EMAIL, templates=TEMPLATES)
    from django.conf import settings
    from django.core import mail

    smtp = mail.mailers["default"]
    equal(type(smtp).__module__, "django.core.mail.backends.smtp", "the default mailer is the SMTP backend")
    equal((smtp.host, smtp.port, smtp.use_tls, smtp.username, smtp.password, smtp.timeout),
          ("smtp.example.net", 587, True, "mailer", "secret", 10), "OPTIONS configure it; use_tls makes the port default to 587")
    with raises(AttributeError, "not available when MAILERS is defined", what="the flat EMAIL_* settings give way to MAILERS"):
        settings.EMAIL_HOST
    tpl = open(os.path.join(os.path.dirname(django.__file__), "conf/project_template/project_name/settings.py-tpl")).read()
    claim("MAILERS = {" in tpl and "django.core.mail.backends.console.EmailBackend" in tpl, "startproject generates MAILERS with the console backend")
    from django.test import override_settings

    locmem = override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
                                        "marketing": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}})
else:
    # --- the answer's flat settings, verbatim ---
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "smtp.example.net"
    EMAIL_PORT = 587
    EMAIL_USE_TLS = True
    EMAIL_HOST_USER = os.environ["SMTP_USER"]
    EMAIL_HOST_PASSWORD = os.environ["SMTP_PASSWORD"]
    # --- end ---
    setup(EMAIL_BACKEND=EMAIL_BACKEND, EMAIL_HOST=EMAIL_HOST, EMAIL_PORT=EMAIL_PORT, EMAIL_USE_TLS=EMAIL_USE_TLS,
          EMAIL_HOST_USER=EMAIL_HOST_USER, EMAIL_HOST_PASSWORD=EMAIL_HOST_PASSWORD,
          DEFAULT_FROM_EMAIL="Shop <noreply@example.com>", templates=TEMPLATES)
    from django.conf import settings
    from django.core import mail

    smtp = mail.get_connection()
    equal((smtp.host, smtp.port, smtp.use_tls, smtp.username, smtp.password), ("smtp.example.net", 587, True, "mailer", "secret"),
          "the flat EMAIL_* settings configure the SMTP backend on 5.2")
    claim(not hasattr(settings, "MAILERS"), "MAILERS is new in 6.1")
    from django.test import override_settings

    locmem = override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")

urlpatterns = []
import importlib

for b in ("console", "filebased", "locmem", "dummy", "smtp"):
    importlib.import_module(f"django.core.mail.backends.{b}")

# --- the answer's sending code, verbatim ---
from django.core.mail import (
    EmailMessage,
    EmailMultiAlternatives,
    send_mail,
    send_mass_mail,
)
from django.template.loader import render_to_string


def send_welcome(user):
    send_mail(
        "Welcome to the shop",
        f"Hi {user.username}, thanks for signing up.",
        None,  # DEFAULT_FROM_EMAIL
        [user.email],
    )


def send_invoice(order, pdf_bytes):
    email = EmailMessage(
        subject=f"Invoice for order {order.pk}",
        body="Your invoice is attached.",
        to=[order.email],
        reply_to=["billing@example.com"],
    )
    email.attach(f"invoice-{order.pk}.pdf", pdf_bytes, "application/pdf")
    email.send()


def send_receipt(order):
    context = {"order": order}
    msg = EmailMultiAlternatives(
        subject="Your receipt",
        body=render_to_string("emails/receipt.txt", context),
        to=[order.email],
    )
    msg.attach_alternative(
        render_to_string("emails/receipt.html", context), "text/html"
    )
    msg.send()


def send_newsletter(subject, body, addresses):
    # one message per address, all over one connection
    datatuple = [(subject, body, None, [a]) for a in addresses]
    return send_mass_mail(datatuple)
# --- end ---


class Obj:
    def __init__(self, **kw):
        self.__dict__.update(kw)


with locmem:
    user = Obj(username="ada", email="ada@example.com")
    order = Obj(pk=7, email="c@example.com", total=5)
    send_welcome(user)
    m = mail.outbox[-1]
    equal((m.subject, m.to, m.from_email), ("Welcome to the shop", ["ada@example.com"], "Shop <noreply@example.com>"),
          "send_mail with from_email=None uses DEFAULT_FROM_EMAIL")
    send_invoice(order, b"%PDF-1.4")
    m = mail.outbox[-1]
    equal((m.reply_to, m.attachments[0][0], m.attachments[0][2]), (["billing@example.com"], "invoice-7.pdf", "application/pdf"),
          "EmailMessage with reply_to and an attachment")
    send_receipt(order)
    m = mail.outbox[-1]
    equal((m.body, m.alternatives[0][1]), ("Order 7 total 5", "text/html"), "EmailMultiAlternatives: text body plus an HTML part")
    n = len(mail.outbox)
    equal(send_newsletter("News", "Hello", ["a@x.org", "b@x.org", "c@x.org"]), 3, "send_mass_mail returns the number sent")
    equal([x.to for x in mail.outbox[n:]], [["a@x.org"], ["b@x.org"], ["c@x.org"]], "one message per address")

    send_mail("s", "b", None, ["a@x.org", "b@x.org"])
    claim("a@x.org, b@x.org" in mail.outbox[-1].message()["To"], "every address in recipient_list sees the others")
    EmailMessage("s", "b", None, ["a@x.org"], bcc=["hidden@x.org"]).send()
    claim(mail.outbox[-1].message()["Bcc"] is None and "hidden@x.org" in mail.outbox[-1].recipients(), "bcc= hides recipients")
    send_mail("s", "text", None, ["a@x.org"], html_message="<b>hi</b>")
    equal(mail.outbox[-1].alternatives[0][1], "text/html", "html_message= is a shortcut for the HTML-plus-text case")
    path = os.path.join(os.path.dirname(django.__file__), "contrib/admin/static/admin/css/base.css")
    e = EmailMessage("s", "b", None, ["a@x.org"])
    e.attach_file(path)
    equal(e.attachments[0][2], "text/css", "attach_file() guesses the MIME type")
    with raises(ValueError, what="Django rejects newlines in headers"):
        send_mail("Hi\nBcc: victim@x.org", "b", None, ["a@x.org"])

    if since(6, 0):
        from django.utils.deprecation import RemovedInDjango70Warning

        with warns(RemovedInDjango70Warning, what="positional arguments after the first four are deprecated since 6.0"):
            EmailMessage("s", "b", None, ["a@x.org"], ["bcc@x.org"])
    if since(6, 1):
        send_mail("s", "b", None, ["a@x.org"], using="marketing")
        equal(mail.outbox[-1].sent_using, "marketing", "using='alias' picks a mailer")
        with warns(RemovedInDjango70Warning, what="fail_silently= is deprecated in 6.1"):
            send_mail("s", "b", None, ["a@x.org"], fail_silently=True)
        with warns(RemovedInDjango70Warning, what="connection= is deprecated in 6.1"):
            send_mail("s", "b", None, ["a@x.org"], connection=mail.mailers["default"])

if since(6, 1):
    from django.core import checks

    with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}):
        claim("mail.E001" in {m.id for m in checks.run_checks(include_deployment_checks=True)},
              "check --deploy flags a development backend (console) as the default mailer: mail.E001")
    claim("mail.E001" not in {m.id for m in checks.run_checks(include_deployment_checks=True)}, "the SMTP mailer passes")
    with override_settings(MAILERS={"other": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}):
        claim("mail.W001" in {m.id for m in checks.run_checks()}, "MAILERS without 'default' gives mail.W001")
if since(6, 0):
    import warnings

    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, "BadHeaderError is deprecated", what="6.0 deprecates BadHeaderError"):
        from django.core.mail import BadHeaderError
    claim(BadHeaderError is ValueError, "the deprecated BadHeaderError name is now just an alias of ValueError")
    with locmem, raises(ValueError, what="6.x rejects a newline in a header with ValueError") as box:
        send_mail("Hi\nBcc: victim@x.org", "b", None, ["a@x.org"])
    equal(type(box[0]), ValueError, "a plain ValueError")
else:
    from django.core.mail import BadHeaderError

    with locmem, raises(BadHeaderError, what="on 5.2 the newline is rejected with BadHeaderError"):
        send_mail("Hi\nBcc: victim@x.org", "b", None, ["a@x.org"])
