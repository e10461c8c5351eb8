"""221 MFA: django-otp and allauth are not installed here, so this runs the
answer's own code: the stdlib totp() as written against the RFC 6238 SHA-1
test vectors (6-digit), 30-second steps and zero padding, and the
RecoveryCode model with issue_recovery_codes()/use_recovery_code() as written:
10 codes of 10 hex characters, only SHA-256 hashes stored, a code works once
(one DELETE query), case and spaces ignored, a new set replaces the old; and
Django's login() rotating the session key."""
from djqcheck import claim, create_tables, equal, queries, setup

setup()

import re

import os

here = os.path.dirname(os.path.abspath(__file__))
q = open(os.path.join(here, "..", "questions", "221-multi-factor-authentication.md")).read()
blocks = re.findall(r"```python\n(.*?)```", q, re.S)
TOTP, RECOVERY = blocks[0], blocks[-1]
assert "def totp(" in TOTP and "class RecoveryCode" in RECOVERY
exec(TOTP)
exec(RECOVERY)

# RFC 6238 appendix B, SHA-1, secret "12345678901234567890"
import base64

secret = base64.b32encode(b"12345678901234567890").decode()
equal(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "the base32 form of the RFC secret")
vectors = {59: "94287082", 1111111109: "07081804", 1111111111: "14050471", 1234567890: "89005924", 2000000000: "69279037", 20000000000: "65353130"}
for t, code in vectors.items():
    equal(totp(secret, at=t, digits=8), code, "totp() matches RFC 6238 at T=%d" % t)
    equal(totp(secret, at=t), code[-6:], "the default keeps 6 digits (T=%d)" % t)
equal(totp(secret, at=1111111109), "081804", "codes are zero-padded to 6 digits")
equal(totp(secret, at=60), totp(secret, at=89), "one code per 30-second step")
claim(totp(secret, at=89) != totp(secret, at=90), "and a new one at the next step")
equal(totp(secret.lower(), at=59), "287082", "the secret is accepted in either case")
equal(len(totp(secret)), 6, "the current code has 6 digits")

create_tables()
from django.contrib.auth.models import User

u = User.objects.create_user("alice", password="pw")
codes = issue_recovery_codes(u)
equal(len(codes), 10, "ten recovery codes")
claim(all(re.fullmatch(r"[0-9a-f]{10}", c) for c in codes), "each 10 hex characters (40 bits)")
stored = list(RecoveryCode.objects.values_list("code_hash", flat=True))
equal(len(stored), 10, "one row per code")
claim(all(len(h) == 64 for h in stored) and not set(codes) & set(stored), "only SHA-256 hashes are stored, never the codes")
from django.db import connection
from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as ctx:
    ok = use_recovery_code(u, codes[0])
stmts = [x["sql"] for x in ctx.captured_queries if x["sql"] not in ("BEGIN", "COMMIT")]
claim(len(stmts) == 1 and stmts[0].startswith("DELETE"), "using a code is a single DELETE statement: %s" % stmts)
claim(ok, "a valid code is accepted")
claim(not use_recovery_code(u, codes[0]), "and only once")
claim(use_recovery_code(u, "  " + codes[1].upper() + " "), "case and surrounding spaces are ignored")
claim(not use_recovery_code(u, "0000000000"), "a wrong code is refused")
other = User.objects.create_user("bob", password="pw")
claim(not use_recovery_code(other, codes[2]), "codes belong to one user")
new = issue_recovery_codes(u)
claim(not use_recovery_code(u, codes[2]), "issuing new codes replaces the old set")
claim(use_recovery_code(u, new[0]), "the new ones work")
equal(RecoveryCode.objects.filter(user=u).count(), 9, "nine left")

# login() rotates the session key
from django.test import Client
from django.urls import path
from django.contrib.auth import login
from django.http import HttpResponse


def do_login(request):
    request.session["pending"] = 1
    before = request.session.session_key or request.session.save() or request.session.session_key
    login(request, u, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponse(f"{before}|{request.session.session_key}")


urlpatterns = [path("login/", do_login)]
before, after = Client().get("/login/").content.decode().split("|")
claim(before and after and before != after, "Django's login() rotates the session key")

# cycle_key() rotates the key and keeps the data (for flows that verify after login()).
from django.contrib.sessions.backends.db import SessionStore

s = SessionStore()
s["otp_pending"] = 1
s.save()
k = s.session_key
s.cycle_key()
claim(s.session_key != k and s["otp_pending"] == 1, "session.cycle_key() gives a new key and keeps the data")
