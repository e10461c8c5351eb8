"""219 login brute force: plain LoginView accepts unlimited attempts; the
answer's accounts/throttle.py and urls.py as written: user_login_failed gets
the masked password and the request, five failures lock the username+IP pair
so even the right password is refused (and not checked), another IP is not
affected, the username is case-folded, a success resets the count, the
default cache is per-process LocMemCache, and the admin login uses its own
form."""
from djqcheck import claim, equal, create_tables, setup

import os
import re
import sys
import tempfile

q = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "questions", "219-login-brute-force-protection.md")).read()
blocks = re.findall(r"```python\n(.*?)```", q, re.S)
THROTTLE, URLS = blocks[0], blocks[1]
assert THROTTLE.startswith("# accounts/throttle.py") and URLS.startswith("# urls.py")
root = tempfile.mkdtemp()
os.mkdir(os.path.join(root, "accounts"))
for name, text in {"__init__.py": "", "throttle.py": THROTTLE}.items():
    with open(os.path.join(root, "accounts", name), "w") as f:
        f.write(text)
sys.path.insert(0, root)

setup(templates={"registration/login.html": "{{ form.non_field_errors }}"}, LOGIN_REDIRECT_URL="/")

exec(URLS)  # defines urlpatterns with the throttled login at /login/
from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns.append(path("plain-login/", auth_views.LoginView.as_view()))

create_tables()
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.test import Client

alice = User.objects.create_user("alice", password="correct-horse")

# Plain LoginView: no limit at all (the throttle's receiver still counts, so clear).
c = Client()
for _ in range(20):
    equal(c.post("/plain-login/", {"username": "alice", "password": "nope"}).status_code, 200, "a wrong password re-renders the form")
equal(c.post("/plain-login/", {"username": "alice", "password": "correct-horse"}).status_code, 302, "Django itself never limits login attempts: the 21st try still logs in")
cache.clear()

# The signal's arguments
seen = []


def spy(sender, credentials, request=None, **kwargs):
    seen.append((sender, credentials, request))


user_login_failed.connect(spy)
Client().post("/login/", {"username": "alice", "password": "nope"})
user_login_failed.disconnect(spy)
sender, creds, request = seen[0]
equal(creds["username"], "alice", "user_login_failed receives the credentials")
claim(set(creds["password"]) == {"*"}, "with the password already masked as asterisks: %r" % creds["password"])
claim(request is not None and request.path == "/login/", "and the request")
equal(sender, "django.contrib.auth", "sent by authenticate()")
cache.clear()

from accounts.throttle import LIMIT, failure_key

equal(LIMIT, 5, "limit of 5")
c = Client()
for i in range(5):
    r = c.post("/login/", {"username": "alice", "password": "nope"})
    claim("Too many" not in r.content.decode(), "the first five failures are ordinary errors")
key = "login-fail:alice:127.0.0.1"
equal(cache.get(key), 5, "failures are counted per username and IP")
checked = []
orig = User.check_password
User.check_password = lambda self, raw: checked.append(raw) or orig(self, raw)
r = c.post("/login/", {"username": "alice", "password": "correct-horse"})
User.check_password = orig
equal(r.status_code, 200, "once locked, even the right password is refused")
claim("Too many failed attempts. Try again in 15 minutes." in r.content.decode(), "with the lockout message")
claim("_auth_user_id" not in c.session, "and no login")
equal(checked, [], "the password is not even tested while locked")
equal(cache.get(key), 5, "so no further failure is counted")
r = c.post("/login/", {"username": "ALICE", "password": "correct-horse"})
claim("Too many" in r.content.decode(), "the username is case-folded in the key")

other = Client(REMOTE_ADDR="10.0.0.2")
equal(other.post("/login/", {"username": "alice", "password": "correct-horse"}).status_code, 302, "the same user from another IP is not locked out")

cache.clear()
c = Client()
for _ in range(3):
    c.post("/login/", {"username": "alice", "password": "nope"})
equal(cache.get(key), 3, "three failures counted")
equal(c.post("/login/", {"username": "alice", "password": "correct-horse"}).status_code, 302, "a success below the limit logs in")
equal(cache.get(key), None, "and user_logged_in resets the count")

from django.conf import global_settings

equal(global_settings.CACHES["default"]["BACKEND"], "django.core.cache.backends.locmem.LocMemCache", "the default cache is LocMemCache (per process)")
from django.contrib.admin.sites import AdminSite

claim(AdminSite.login_form is None, "the admin login does not use this form (it uses AdminAuthenticationForm)")

# The PBKDF2 work factor the answer quotes, per version.
import django
from django.contrib.auth.hashers import PBKDF2PasswordHasher

want = 1_500_000 if django.VERSION[:2] == (6, 1) else 1_000_000 if django.VERSION[:2] == (5, 2) else None
if want:
    equal(PBKDF2PasswordHasher.iterations, want, "PBKDF2 iterations on Django %d.%d" % django.VERSION[:2])
