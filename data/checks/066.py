"""066 check --deploy: the deployment check ids the answer lists, for
insecure settings; exit behaviour (warnings pass, --fail-level WARNING
fails); SILENCED_SYSTEM_CHECKS; the error-level header checks; 6.1's
mail.E001 deploy check."""
from djqcheck import claim, equal, raises, setup, since

setup(
    DEBUG=True,
    ALLOWED_HOSTS=[],
    SECRET_KEY="django-insecure-" + "x" * 60,
    SECRET_KEY_FALLBACKS=["short"],
    SECURE_CONTENT_TYPE_NOSNIFF=False,
    SECURE_REFERRER_POLICY=None,
    SESSION_COOKIE_HTTPONLY=False,
    middleware=["django.contrib.sessions.middleware.SessionMiddleware"],
)

from io import StringIO

urlpatterns = []

from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


def ids(deploy=True):
    return {m.id for m in run_checks(include_deployment_checks=deploy) if not m.is_silenced()}


got = ids()
plain = ids(deploy=False)
equal(plain & {i for i in got if i.startswith("security.")}, set(), "the security checks only run with --deploy")
for cid, what in [
    ("security.W018", "DEBUG is True"),
    ("security.W020", "ALLOWED_HOSTS is empty"),
    ("security.W009", "SECRET_KEY starting with django-insecure-"),
    ("security.W025", "the same test runs on SECRET_KEY_FALLBACKS"),
    ("security.W001", "SecurityMiddleware missing"),
    ("security.W003", "CsrfViewMiddleware missing"),
    ("security.W002", "XFrameOptionsMiddleware missing"),
]:
    claim(cid in got, f"{what} ({cid})")

# The HTTPS/cookie/header checks need SecurityMiddleware etc. in place.
MW = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
with override_settings(MIDDLEWARE=MW):
    got = ids()
    for cid, what in [
        ("security.W004", "SECURE_HSTS_SECONDS not set"),
        ("security.W008", "SECURE_SSL_REDIRECT off"),
        ("security.W006", "SECURE_CONTENT_TYPE_NOSNIFF off"),
        ("security.W022", "SECURE_REFERRER_POLICY unset"),
        ("security.W012", "SESSION_COOKIE_SECURE not True"),
        ("security.W015", "SESSION_COOKIE_HTTPONLY not True (app and middleware both present)"),
        ("security.W016", "CSRF_COOKIE_SECURE not True"),
    ]:
        claim(cid in got, f"{what} ({cid})")
    with override_settings(SECURE_HSTS_SECONDS=3600):
        got = ids()
        claim({"security.W005", "security.W021"} <= got, "SECURE_HSTS_INCLUDE_SUBDOMAINS / SECURE_HSTS_PRELOAD not True (W005, W021)")
    with override_settings(SECURE_REFERRER_POLICY="nonsense", SECURE_CROSS_ORIGIN_OPENER_POLICY="nonsense"):
        msgs = {m.id: m for m in run_checks(include_deployment_checks=True)}
        claim("security.E023" in msgs and "security.E024" in msgs, "invalid referrer / COOP values are reported (E023, E024)")
        claim(msgs["security.E023"].is_serious() and msgs["security.E024"].is_serious(), "these two are errors")
        with raises(SystemCheckError, what="errors make check --deploy fail at the default level"):
            call_command("check", deploy=True, stdout=StringIO(), stderr=StringIO())

    # Exit behaviour: warnings do not fail; --fail-level WARNING does.
    out, err = StringIO(), StringIO()
    call_command("check", deploy=True, stdout=out, stderr=err)
    text = err.getvalue() + out.getvalue()
    claim("?: (security.W018) You should not have DEBUG set to True in deployment." in text, "the output line for W018")
    claim("System check identified some issues:" in text and "WARNINGS:" in text, "typical output shape")
    with raises(SystemCheckError, what="--fail-level WARNING makes warnings fail"):
        call_command("check", deploy=True, fail_level="WARNING", stdout=StringIO(), stderr=StringIO())

    with override_settings(SILENCED_SYSTEM_CHECKS=["security.W008"]):
        claim("security.W008" not in ids(), "SILENCED_SYSTEM_CHECKS hides a deploy warning")
        out = StringIO()
        call_command("check", deploy=True, stdout=out, stderr=out)
        claim("(1 silenced)" in out.getvalue(), "the summary counts silenced checks")

if since(6, 1):
    with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}):
        claim("mail.E001" in ids() and "mail.E001" not in ids(deploy=False), "6.1: a development-only default mailer is a deploy-only error (mail.E001)")
        with raises(SystemCheckError, "mail.E001", what="mail.E001 fails check --deploy at the default level"):
            call_command("check", deploy=True, stdout=StringIO(), stderr=StringIO())
