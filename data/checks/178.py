"""178 session vs token vs JWT: cookie defaults (session cookie HttpOnly, CSRF
cookie readable), SessionAuthentication enforcing CSRF while
TokenAuthentication does not, DRF tokens as revocable rows, and the answer's
CookieJWTAuthentication + cookie_login through APIClient with CSRF enforced
(no CSRF cookie until an ensure_csrf_cookie view is loaded)."""
from djqcheck import claim, create_tables, equal, setup

setup(installed_apps=["rest_framework", "rest_framework.authtoken"], SECRET_KEY="k" * 50)

from django.conf import global_settings as g

equal(g.SESSION_COOKIE_HTTPONLY, True, "Django's session cookie is HttpOnly by default")
equal(g.CSRF_COOKIE_HTTPONLY, False, "the CSRF cookie is not HttpOnly: JavaScript has to read it")

# --- the answer's authentication class, verbatim ---
from rest_framework.authentication import SessionAuthentication
from rest_framework_simplejwt.authentication import JWTAuthentication


class CookieJWTAuthentication(JWTAuthentication):
    """Read the access token from an HttpOnly cookie."""

    def authenticate(self, request):
        raw_token = request.COOKIES.get("access")
        if raw_token is None:
            return None
        validated = self.get_validated_token(raw_token)
        # the browser attaches cookies to forged requests too
        SessionAuthentication().enforce_csrf(request)
        return self.get_user(validated), validated


# --- the answer's login view, verbatim ---
from django.contrib.auth import authenticate
from rest_framework.decorators import (
    api_view, authentication_classes, permission_classes,
)
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework_simplejwt.tokens import RefreshToken


@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
def cookie_login(request):
    user = authenticate(
        request,
        username=request.data.get("username"),
        password=request.data.get("password"),
    )
    if user is None:
        return Response({"detail": "Invalid credentials."}, status=401)
    refresh = RefreshToken.for_user(user)
    response = Response({"detail": "Logged in."})
    response.set_cookie(
        "access", str(refresh.access_token), max_age=300,
        httponly=True, secure=True, samesite="Lax",
    )
    return response
# --- end ---

from django.urls import path
from django.views.decorators.csrf import ensure_csrf_cookie
from rest_framework.authentication import TokenAuthentication
from rest_framework.permissions import IsAuthenticated


def make(auth):
    @api_view(["GET", "POST"])
    @authentication_classes([auth])
    @permission_classes([IsAuthenticated])
    def view(request):
        return Response({"user": request.user.username})
    return view


@ensure_csrf_cookie
def csrf(request):
    from django.http import HttpResponse
    return HttpResponse("ok")


urlpatterns = [
    path("login/", cookie_login),
    path("session/", make(SessionAuthentication)),
    path("token/", make(TokenAuthentication)),
    path("cookiejwt/", make(CookieJWTAuthentication)),
    path("csrf/", csrf),
]
create_tables()

from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

user = User.objects.create_user("ann", password="pw-123456")

# Session: CSRF enforced on unsafe methods for logged-in users.
c = APIClient(enforce_csrf_checks=True)
c.force_login(user)
equal(c.get("/session/").status_code, 200, "session auth: GET works without a CSRF token")
r = c.post("/session/", {}, format="json")
equal(r.status_code, 403, "SessionAuthentication enforces CSRF on POST")
claim("CSRF Failed" in r.json()["detail"], "with a 'CSRF Failed' error")

# Token: a header, no CSRF needed, revocable by deleting the row.
token = Token.objects.create(user=user)
t = APIClient(enforce_csrf_checks=True)
t.credentials(HTTP_AUTHORIZATION="Token " + token.key)
equal(t.post("/token/", {}, format="json").status_code, 200, "TokenAuthentication skips CSRF: a forged request cannot add the header")
token.delete()
equal(t.get("/token/").status_code, 401, "deleting the token row revokes it")

# Cookie JWT
b = APIClient(enforce_csrf_checks=True)
equal(b.post("/login/", {"username": "ann", "password": "bad"}, format="json").status_code, 401, "wrong password: 401")
r = b.post("/login/", {"username": "ann", "password": "pw-123456"}, format="json")
equal(r.status_code, 200, "cookie_login answers 200")
morsel = r.cookies["access"]
claim(morsel["httponly"] and morsel["secure"], "the access cookie is HttpOnly and Secure")
equal((morsel["samesite"], morsel["max-age"]), ("Lax", 300), "SameSite=Lax, max-age 300")
claim("access" not in r.json(), "the token is not in the JSON body, so scripts never see it")
equal(b.get("/cookiejwt/").json(), {"user": "ann"}, "the cookie authenticates a GET")
claim("csrftoken" not in b.cookies, "cookie_login does not set the CSRF cookie itself")
r = b.post("/cookiejwt/", {}, format="json")
equal(r.status_code, 403, "a POST with the cookie but no CSRF token is refused")
claim("CSRF cookie not set" in r.json()["detail"], "until the CSRF cookie is fetched: 'CSRF cookie not set' (%r)" % r.json())
b.get("/csrf/")  # a view decorated with ensure_csrf_cookie
csrftoken = b.cookies["csrftoken"].value
claim(not b.cookies["csrftoken"]["httponly"], "the csrftoken cookie is readable by JavaScript")
r = b.post("/cookiejwt/", {}, format="json", HTTP_X_CSRFTOKEN=csrftoken)
equal(r.status_code, 200, "with X-CSRFToken echoing the csrftoken cookie the POST works")
