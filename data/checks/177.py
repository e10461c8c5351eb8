"""177 JWT with simplejwt: the answer's settings and URLs through APIClient:
obtain a pair, Bearer access, 401 for a bad token, refresh with rotation and
blacklisting (old refresh rejected as blacklisted), logout via the blacklist
view, the access token still valid afterwards, is_active and
CHECK_REVOKE_TOKEN, defaults, flushexpiredtokens."""
from djqcheck import claim, create_tables, equal, setup

# --- the answer's settings, verbatim (INSTALLED_APPS += ... passed to setup) ---
from datetime import timedelta

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
    ],
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=7),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
}
# --- end ---
setup(
    installed_apps=["rest_framework", "rest_framework_simplejwt.token_blacklist"],
    REST_FRAMEWORK=REST_FRAMEWORK,
    SIMPLE_JWT=SIMPLE_JWT,
    SECRET_KEY="k" * 50,
)

# --- the answer's urls.py, verbatim ---
from django.urls import path
from rest_framework_simplejwt.views import (
    TokenBlacklistView,
    TokenObtainPairView,
    TokenRefreshView,
)

urlpatterns = [
    path("api/token/", TokenObtainPairView.as_view()),
    path("api/token/refresh/", TokenRefreshView.as_view()),
    path("api/token/blacklist/", TokenBlacklistView.as_view()),
]
# --- end ---

from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def me(request):
    return Response({"user": request.user.username})


urlpatterns.append(path("api/me/", me))

create_tables()

from django.contrib.auth.models import User
from django.core.management import call_command
from rest_framework.test import APIClient
from rest_framework_simplejwt.settings import DEFAULTS
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

equal(
    (DEFAULTS["ACCESS_TOKEN_LIFETIME"], DEFAULTS["REFRESH_TOKEN_LIFETIME"]),
    (timedelta(minutes=5), timedelta(days=1)),
    "defaults: 5 minutes for access, 1 day for refresh",
)
equal((DEFAULTS["ROTATE_REFRESH_TOKENS"], DEFAULTS["BLACKLIST_AFTER_ROTATION"]), (False, False),
      "rotation and blacklisting are both off by default")
equal(DEFAULTS["CHECK_USER_IS_ACTIVE"], True, "CHECK_USER_IS_ACTIVE is on by default")
equal(DEFAULTS["SIGNING_KEY"], "k" * 50, "the default signing key is SECRET_KEY")

user = User.objects.create_user("ann", password="pw-123456")
c = APIClient()

r = c.post("/api/token/", {"username": "ann", "password": "pw-123456"}, format="json")
equal((r.status_code, sorted(r.json())), (200, ["access", "refresh"]), "POST /api/token/ answers access and refresh")
access, refresh = r.json()["access"], r.json()["refresh"]
tok = AccessToken(access)
equal((tok["token_type"], tok["user_id"]), ("access", str(user.pk)) if isinstance(tok["user_id"], str) else ("access", user.pk),
      "the access token carries token_type and user_id claims")

equal(c.get("/api/me/").status_code, 401, "no token: 401")
c.credentials(HTTP_AUTHORIZATION="Bearer " + access)
r = c.get("/api/me/")
equal((r.status_code, r.json()), (200, {"user": "ann"}), "Authorization: Bearer <access> authenticates")
c.credentials(HTTP_AUTHORIZATION="Bearer " + access[:-3] + "abc")
equal(c.get("/api/me/").status_code, 401, "a tampered token gives 401")
c.credentials(HTTP_AUTHORIZATION="Bearer " + refresh)
equal(c.get("/api/me/").status_code, 401, "a refresh token is not accepted as an access token (token_type)")
c.credentials()

# expired access token
old = AccessToken.for_user(user)
old.set_exp(lifetime=timedelta(seconds=-1))
c.credentials(HTTP_AUTHORIZATION="Bearer " + str(old))
equal(c.get("/api/me/").status_code, 401, "an expired access token gives 401")
c.credentials()

# refresh with rotation + blacklist
r = c.post("/api/token/refresh/", {"refresh": refresh}, format="json")
equal((r.status_code, sorted(r.json())), (200, ["access", "refresh"]), "with ROTATE_REFRESH_TOKENS the refresh returns a new refresh token too")
new_refresh = r.json()["refresh"]
claim(new_refresh != refresh, "the rotated refresh token is a new one")
r = c.post("/api/token/refresh/", {"refresh": refresh}, format="json")
equal(r.status_code, 401, "reusing the old refresh token fails with 401")
claim("blacklisted" in str(r.json()), "... with 'Token is blacklisted' (got %r)" % r.json())

# logout
r = c.post("/api/token/blacklist/", {"refresh": new_refresh}, format="json")
equal(r.status_code, 200, "POST /api/token/blacklist/ blacklists the refresh token")
r = c.post("/api/token/refresh/", {"refresh": new_refresh}, format="json")
equal(r.status_code, 401, "after logout the refresh token cannot be refreshed")
c.credentials(HTTP_AUTHORIZATION="Bearer " + access)
equal(c.get("/api/me/").status_code, 200, "the access token keeps working after logout until it expires")
claim(BlacklistedToken.objects.count() == 2, "two refresh tokens are on the blacklist")
claim(not hasattr(AccessToken, "check_blacklist"), "access tokens are never checked against the blacklist")
claim(hasattr(RefreshToken, "check_blacklist"), "refresh tokens are")

# is_active
User.objects.filter(pk=user.pk).update(is_active=False)
equal(c.get("/api/me/").status_code, 401, "deactivating the user blocks the next request even with a valid access token")
User.objects.filter(pk=user.pk).update(is_active=True)
c.credentials()

# CHECK_REVOKE_TOKEN
# (simplejwt's modules keep the api_settings object they imported, so the
# setting is switched on that object instead of with override_settings)
from unittest import mock

from rest_framework_simplejwt import authentication, tokens

claim(authentication.api_settings is tokens.api_settings, "one settings object")
with mock.patch.object(authentication.api_settings, "CHECK_REVOKE_TOKEN", True, create=True):
    t = str(AccessToken.for_user(user))
    c.credentials(HTTP_AUTHORIZATION="Bearer " + t)
    equal(c.get("/api/me/").status_code, 200, "CHECK_REVOKE_TOKEN: a fresh token works")
    user.set_password("new-pw-987654")
    user.save()
    equal(c.get("/api/me/").status_code, 401, "CHECK_REVOKE_TOKEN: a password change invalidates earlier access tokens")

# flushexpiredtokens
OutstandingToken.objects.update(expires_at=OutstandingToken.objects.first().created_at)
from io import StringIO

call_command("flushexpiredtokens", stdout=StringIO())
equal(OutstandingToken.objects.count(), 0, "flushexpiredtokens deletes expired rows")
