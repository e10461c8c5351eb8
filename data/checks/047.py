"""047 SECRET_KEY and ALLOWED_HOSTS: signing and fallbacks, what depends on
the key (signer, reset tokens, session auth) and what does not (password
hashes), the generator and insecure-key deploy warnings, Host validation
(400, logger, dot/star entries, DEBUG defaults, X-Forwarded-Host), and the
6.1 signed-cookie and salted_hmac changes."""
import logging

from djqcheck import claim, create_tables, equal, raises, setup, since, warns

setup(ALLOWED_HOSTS=["example.com", "www.example.com", ".api.example.com"], SECRET_KEY="k-new-" + "x" * 50)
create_tables()

from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("", lambda r: HttpResponse(r.build_absolute_uri("/x")))]

from django.conf import global_settings as g, settings
from django.core import signing
from django.core.management.utils import get_random_secret_key
from django.test import override_settings

key = get_random_secret_key()
equal(len(key), 50, "get_random_secret_key() gives a long random key")

old = "k-old-" + "y" * 50
with override_settings(SECRET_KEY=old):
    token = signing.Signer().sign("hello")
with raises(signing.BadSignature, what="a value signed with another key is rejected"):
    signing.Signer().unsign(token)
with override_settings(SECRET_KEY_FALLBACKS=[old]):
    equal(signing.Signer().unsign(token), "hello", "SECRET_KEY_FALLBACKS still verifies old signatures")
    claim(signing.Signer().sign("hello") != token, "new signatures always use SECRET_KEY")

# the answer's rotation snippet
import os

os.environ["DJANGO_SECRET_KEY"] = "from-env-" + "z" * 50
os.environ["DJANGO_OLD_SECRET_KEYS"] = "a1,,b2"
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SECRET_KEY_FALLBACKS = [
    key
    for key in os.environ.get("DJANGO_OLD_SECRET_KEYS", "").split(",")
    if key
]
equal(SECRET_KEY_FALLBACKS, ["a1", "b2"], "the snippet drops empty entries")

from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator

u = User.objects.create_user("ann", password="pw")
with override_settings(SECRET_KEY=old):
    t = default_token_generator.make_token(u)
    h = u.get_session_auth_hash()
claim(not default_token_generator.check_token(u, t), "password reset tokens depend on SECRET_KEY")
claim(u.get_session_auth_hash() != h, "the session auth hash depends on SECRET_KEY")
with override_settings(SECRET_KEY_FALLBACKS=[old]):
    claim(default_token_generator.check_token(u, t), "fallbacks keep old reset tokens valid")
with override_settings(SECRET_KEY=old):
    claim(User.objects.get(pk=u.pk).check_password("pw"), "password hashes do not depend on SECRET_KEY")

import pathlib
import re
import tempfile

from django.core.management import call_command

with tempfile.TemporaryDirectory() as d:
    call_command("startproject", "proj", d, verbosity=0)
    written = (pathlib.Path(d) / "proj" / "settings.py").read_text()
claim(re.search(r"SECRET_KEY = 'django-insecure-.{50}'", written), "startproject writes a throwaway key starting with django-insecure-")
from django.core.checks import run_checks

for bad in ("django-insecure-" + "a1b2c3d4e5" * 5, "short"):
    with override_settings(SECRET_KEY=bad):
        claim("security.W009" in [m.id for m in run_checks(include_deployment_checks=True)],
              "check --deploy warns about django-insecure- and short keys")

# ALLOWED_HOSTS
from django.test import Client

logs = []


class H(logging.Handler):
    def emit(self, record):
        logs.append(record.name)


logging.getLogger("django.security.DisallowedHost").addHandler(H())
c = Client()
equal(c.get("/", HTTP_HOST="example.com").content, b"http://example.com/x", "an allowed host builds absolute URLs")
equal(c.get("/", HTTP_HOST="evil.com").status_code, 400, "a forged Host gets 400 Bad Request")
equal(logs, ["django.security.DisallowedHost"], "logged to django.security.DisallowedHost")
equal(c.get("/", HTTP_HOST="v2.api.example.com").status_code, 200, "a leading dot matches subdomains")
equal(c.get("/", HTTP_HOST="api.example.com").status_code, 200, "and the domain itself")
equal(c.get("/", HTTP_HOST="sub.example.com").status_code, 400, "example.com without a dot does not match subdomains")
from django.core.exceptions import DisallowedHost
from django.test import RequestFactory

with override_settings(ALLOWED_HOSTS=["*"]):
    equal(RequestFactory(HTTP_HOST="anything.evil").get("/").get_host(), "anything.evil", "'*' accepts every host")
with override_settings(ALLOWED_HOSTS=[], DEBUG=True):
    for h in ("localhost", "127.0.0.1", "[::1]"):
        equal(RequestFactory(HTTP_HOST=h).get("/").get_host(), h, "DEBUG=True with an empty list allows local hosts")
with override_settings(ALLOWED_HOSTS=[], DEBUG=False):
    with raises(DisallowedHost, what="DEBUG=False with an empty list rejects every request"):
        RequestFactory(HTTP_HOST="localhost").get("/").get_host()
req = RequestFactory(HTTP_HOST="evil.com").get("/")
equal(req.META["HTTP_HOST"], "evil.com", "reading META directly skips the check")
with override_settings(USE_X_FORWARDED_HOST=True):
    equal(RequestFactory(HTTP_HOST="evil.com", HTTP_X_FORWARDED_HOST="www.example.com").get("/").get_host(),
          "www.example.com", "USE_X_FORWARDED_HOST uses X-Forwarded-Host")

# 6.1: signed cookies' salt derivation; salted_hmac default algorithm
equal(g.SIGNED_COOKIE_LEGACY_SALT_FALLBACK, not since(6, 1), "legacy signed cookies accepted by default on 5.2, not on 6.1")
from django.utils.crypto import salted_hmac

if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, what="6.1: relying on salted_hmac()'s sha1 default is deprecated"):
        salted_hmac("salt", "value")
salted_hmac("salt", "value", algorithm="sha256")
r = HttpResponse()
r.set_signed_cookie("c", "v", salt="s")
req = RequestFactory().get("/")
req.COOKIES["c"] = r.cookies["c"].value
equal(req.get_signed_cookie("c", salt="s"), "v", "set_signed_cookie()/get_signed_cookie() round-trip")

# a cookie signed the old way (salt = cookie name + salt)
legacy = signing.get_cookie_signer(salt="c" + "s").sign("v")
req = RequestFactory().get("/")
req.COOKIES["c"] = legacy
if since(6, 1):
    with raises(signing.BadSignature, what="6.1 rejects legacy-signed cookies by default"):
        req.get_signed_cookie("c", salt="s")
else:
    equal(req.get_signed_cookie("c", salt="s"), "v", "5.2 still accepts legacy-signed cookies by default")
