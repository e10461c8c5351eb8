"""218 email login: the answer's custom User (USERNAME_FIELD="email") and
manager as written: the address is stored lowercased, authenticate() and the
LoginView accept any case (the form field is "username", labelled "Email
address"), the default get_by_natural_key is exact, normalize_email lowercases
only the domain, the Lower() constraint rejects a case-variant saved past the
manager (IntegrityError) and full_clean() reports it, auth.E002 and auth.E003
(a Lower() constraint alone does not satisfy it), and the Route 2 EmailBackend
(any case, wrong password, unknown address, username via ModelBackend)."""
from djqcheck import claim, create_tables, equal, raises, setup

import os
import sys
import tempfile

# The answer's accounts app, written out as files (verbatim).
ACCOUNTS_MODELS = """\
# accounts/models.py
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    username = None
    email = models.EmailField("email address", unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="user_email_ci_unique"
            ),
        ]
"""
ACCOUNTS_BACKENDS = """\
# accounts/backends.py
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        email = kwargs.get("email", username)
        if email is None or password is None:
            return None
        User = get_user_model()
        matches = list(User._default_manager.filter(email__iexact=email)[:2])
        if len(matches) != 1:
            User().set_password(password)  # same cost as a real check
            return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
"""
root = tempfile.mkdtemp()
os.mkdir(os.path.join(root, "accounts"))
for name, text in {"__init__.py": "", "models.py": ACCOUNTS_MODELS, "backends.py": ACCOUNTS_BACKENDS}.items():
    with open(os.path.join(root, "accounts", name), "w") as f:
        f.write(text)
sys.path.insert(0, root)

setup(
    AUTH_USER_MODEL="accounts.User",
    AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend"],
    installed_apps=["accounts"],
    templates={"registration/login.html": "{{ form.username.label }}|{{ form.errors }}"},
)
from accounts.backends import EmailBackend
from accounts.models import User
from django.contrib.auth.models import BaseUserManager

from django.contrib.auth.views import LoginView
from django.urls import path

urlpatterns = [path("login/", LoginView.as_view())]

create_tables()

from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

alice = User.objects.create_user("Alice@Example.COM", "s3cret-pass")
equal(alice.email, "alice@example.com", "the manager lowercases the whole address")
equal(BaseUserManager.normalize_email("Alice@Example.COM"), "Alice@example.com", "normalize_email() lowercases only the domain")
with raises(ValueError, "email address is required", "create_user() without an email fails"):
    User.objects.create_user("", "x")
admin = User.objects.create_superuser("boss@example.com", "pw")
claim(admin.is_staff and admin.is_superuser, "create_superuser sets is_staff and is_superuser")

equal(authenticate(None, username="ALICE@example.com", password="s3cret-pass"), alice, "authenticate(username=email) works, any case")
equal(authenticate(None, email="alice@EXAMPLE.com", password="s3cret-pass"), alice, "authenticate(email=...) works too")
equal(authenticate(None, username="alice@example.com", password="wrong"), None, "a wrong password fails")
with raises(User.DoesNotExist, what="get_by_natural_key() is an exact match by default"):
    BaseUserManager.get_by_natural_key(User.objects, "ALICE@example.com")

from django.test import Client

c = Client()
r = c.get("/login/")
claim(r.content.decode().startswith("Email address|"), "LoginView's form labels its username field 'Email address': %r" % r.content[:60])
r = c.post("/login/", {"username": "Alice@EXAMPLE.com", "password": "s3cret-pass"})
equal(r.status_code, 302, "logging in through LoginView with any case redirects")
equal(int(c.session["_auth_user_id"]), alice.pk, "and logs the user in")

with raises(IntegrityError, what="the Lower('email') constraint rejects a case variant saved past the manager"):
    with transaction.atomic():
        User(email="ALICE@example.com").save()
with raises(ValidationError, "user_email_ci_unique", "full_clean() validates the constraint, so forms show an error"):
    User(email="ALICE@example.com", password="x").full_clean()

# System checks
from django.contrib.auth.checks import check_user_model

ids = lambda: [e.id for e in check_user_model(None)]
equal(ids(), [], "the model passes the auth system checks")
User.REQUIRED_FIELDS = ["email"]
claim("auth.E002" in ids(), "REQUIRED_FIELDS must not repeat USERNAME_FIELD (auth.E002)")
User.REQUIRED_FIELDS = []
field = User._meta.get_field("email")
field.__dict__["unique"] = False  # cached_property
try:
    claim("auth.E003" in ids(), "without unique=True, a Lower() constraint alone does not satisfy auth.E003")
finally:
    del field.__dict__["unique"]

# Route 2
from django.test import override_settings

with override_settings(AUTHENTICATION_BACKENDS=["accounts.backends.EmailBackend", "django.contrib.auth.backends.ModelBackend"]):
    u = authenticate(None, email="ALICE@example.COM", password="s3cret-pass")
    equal((u, u.backend), (alice, "accounts.backends.EmailBackend"), "EmailBackend finds the user by email, any case")
    equal(authenticate(None, username="alice@example.com", password="nope"), None, "a wrong password fails")
    equal(authenticate(None, email="nobody@example.com", password="x"), None, "an unknown address fails")
    claim(EmailBackend().has_perm(admin, "auth.view_group"), "subclassing ModelBackend keeps its permission methods")
    equal(EmailBackend().get_user(alice.pk), alice, "and get_user()")

# Route 2 on the default User (its email is neither required nor unique), in a
# separate process because this one already swapped AUTH_USER_MODEL.
import json
import subprocess

ROUTE2 = """
import json, sys
sys.path.insert(0, %r)
from django.conf import settings
settings.configure(
    SECRET_KEY="x", INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    AUTHENTICATION_BACKENDS=["accounts.backends.EmailBackend", "django.contrib.auth.backends.ModelBackend"],
)
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
ann = User.objects.create_user("ann", "Ann@Example.com", "pw-ann")
out = {}
u = authenticate(None, username="ann@example.COM", password="pw-ann")
out["email_any_case"] = [u == ann, u.backend if u else None]
u = authenticate(None, username="ann", password="pw-ann")
out["username"] = [u == ann, u.backend if u else None]
User.objects.create_user("ann2", "ann@example.com", "pw-ann")
out["ambiguous"] = authenticate(None, email="ann@example.com", password="pw-ann") is None
print(json.dumps(out))
""" % root
res = subprocess.run([sys.executable, "-c", ROUTE2], capture_output=True, text=True, env=os.environ)
claim(res.returncode == 0, "Route 2 script ran: %s" % res.stderr[-500:])
got = json.loads(res.stdout.strip().splitlines()[-1])
equal(got["email_any_case"], [True, "accounts.backends.EmailBackend"], "default User: EmailBackend logs in by email, any case")
equal(got["username"], [True, "django.contrib.auth.backends.ModelBackend"], "usernames still work through ModelBackend")
claim(got["ambiguous"], "two accounts sharing an address: the login is refused")
