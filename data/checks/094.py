"""094 custom authentication backend: the answer's EmailOrUsernameBackend,
backend order and skipping, PermissionDenied, the backend path stored in the
session, login() with several backends, has_perm rules, and the async trap
of ModelBackend.aauthenticate()."""
from djqcheck import claim, create_tables, equal, raises, setup

BACKEND = "djqcheck.models.EmailOrUsernameBackend"
setup(AUTHENTICATION_BACKENDS=[BACKEND])

# --- the answer's backend, verbatim ---
from django.contrib.auth import get_user_model  # accounts/backends.py
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

User = get_user_model()


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(
        self, request, username=None, password=None, **kwargs
    ):
        if username is None or password is None:
            return None
        try:
            user = User._default_manager.get(
                Q(username__iexact=username) | Q(email__iexact=username)
            )
        except (User.DoesNotExist, User.MultipleObjectsReturned):
            # similar timing for unknown users
            User().set_password(password)
            return None
        if (
            user.check_password(password)
            and self.user_can_authenticate(user)
        ):
            return user
        return None
# --- end ---

from django.contrib.auth.backends import BaseBackend
from django.core.exceptions import PermissionDenied


class TokenOnly(BaseBackend):
    calls = 0

    def authenticate(self, request, token=None):
        TokenOnly.calls += 1
        return None


class Blocker(BaseBackend):
    def authenticate(self, request, username=None, password=None):
        raise PermissionDenied

    def has_perm(self, user_obj, perm, obj=None):
        raise PermissionDenied if perm == "x.deny" else None


class Granter(BaseBackend):
    def has_perm(self, user_obj, perm, obj=None):
        return perm == "x.grant"


urlpatterns = []
create_tables()
from django.contrib.auth import authenticate, login
from django.test import override_settings

ada = User.objects.create_user("ada", "ada@example.com", "pw")
equal(authenticate(None, username="ADA@example.com", password="pw"), ada, "log in with the email (case-insensitive)")
equal(authenticate(None, username="Ada", password="pw"), ada, "or with the username")
equal(authenticate(None, username="ada", password="bad"), None, "a wrong password gives None")
ada.is_active = False
ada.save()
equal(authenticate(None, username="ada", password="pw"), None, "user_can_authenticate() rejects inactive users")
ada.is_active = True
ada.save()
User.objects.create_user("twin", "ada@example.com", "pw")
equal(authenticate(None, username="ada@example.com", password="pw"), None, "MultipleObjectsReturned returns None")
User.objects.filter(username="twin").delete()

with override_settings(AUTHENTICATION_BACKENDS=["djqcheck.models.TokenOnly", BACKEND]):
    equal(authenticate(None, username="ada", password="pw"), ada, "a backend whose signature does not fit is skipped")
    equal(TokenOnly.calls, 0, "TokenOnly.authenticate() was never called")
with override_settings(AUTHENTICATION_BACKENDS=["djqcheck.models.Blocker", BACKEND]):
    equal(authenticate(None, username="ada", password="pw"), None, "PermissionDenied stops the whole process")

# login() stores the backend's dotted path; get_user() runs only on that backend.
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest


def fresh_request():
    r = HttpRequest()
    r.session = SessionStore()
    return r


req = fresh_request()
login(req, authenticate(None, username="ada", password="pw"))
equal(req.session[BACKEND_SESSION_KEY], BACKEND, "login() stores the winning backend's dotted path")
equal(get_user(req), ada, "get_user() loads the user through that backend")
with override_settings(AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend"]):
    claim(get_user(req).is_anonymous, "renaming/removing the backend makes existing sessions anonymous")

with override_settings(AUTHENTICATION_BACKENDS=[BACKEND, "django.contrib.auth.backends.ModelBackend"]):
    with raises(ValueError, "backend", what="login() without authenticate() and several backends needs backend="):
        login(fresh_request(), User.objects.get(pk=ada.pk))
    login(fresh_request(), User.objects.get(pk=ada.pk), backend=BACKEND)

with override_settings(AUTHENTICATION_BACKENDS=["djqcheck.models.Granter", "djqcheck.models.Blocker"]):
    u = User.objects.get(pk=ada.pk)
    claim(u.has_perm("x.grant"), "has_perm() is granted if any backend grants it")
    claim(not u.has_perm("x.deny"), "PermissionDenied from a backend's has_perm() denies")
    boss = User.objects.create_superuser("boss", "b@example.com", "pw")
    claim(boss.has_perm("x.deny"), "an active superuser gets every permission at once")

# Async: ModelBackend has its own aauthenticate() that ignores the custom lookup.
from asgiref.sync import async_to_sync
from django.contrib.auth import aauthenticate

claim("aauthenticate" in vars(ModelBackend), "ModelBackend has a native aauthenticate()")
claim("aauthenticate" in vars(BaseBackend), "BaseBackend supplies an async default")
equal(async_to_sync(aauthenticate)(None, username="ada@example.com", password="pw"), None,
      "without an override, async login by email skips the custom lookup")
equal(async_to_sync(aauthenticate)(None, username="ada", password="pw"), ada, "(the USERNAME_FIELD lookup still works)")
from asgiref.sync import sync_to_async


class Fixed(EmailOrUsernameBackend):
    async def aauthenticate(self, request, **kwargs):
        return await sync_to_async(self.authenticate)(request, **kwargs)


with override_settings(AUTHENTICATION_BACKENDS=["djqcheck.models.Fixed"]):
    equal(async_to_sync(aauthenticate)(None, username="ada@example.com", password="pw"), ada,
          "overriding aauthenticate() with sync_to_async(self.authenticate) fixes it")
