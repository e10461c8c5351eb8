"""121 CORS with django-cors-headers: the answer's settings, origin echo,
CORS_URLS_REGEX, preflight answers and defaults, middleware order versus
CommonMiddleware redirects, credentials, old setting aliases, and the CSRF
side of a cross-site SPA (SameSite defaults, token hand-over, trusted origins)."""
from djqcheck import claim, equal, setup

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # as high as possible
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

CORS_ALLOWED_ORIGINS = [
    "https://app.example.com",
    "http://localhost:5173",  # the dev server of the frontend
]
CORS_URLS_REGEX = r"^/api/.*$"  # only the API gets CORS headers

# the answer's credentials settings for a frontend on another site
CORS_ALLOW_CREDENTIALS = True
CSRF_TRUSTED_ORIGINS = ["https://app.example.com"]
SESSION_COOKIE_SAMESITE = "None"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "None"
CSRF_COOKIE_SECURE = True

setup(
    installed_apps=["corsheaders"],
    middleware=MIDDLEWARE,
    ALLOWED_HOSTS=["api.example.com", "testserver"],
    CORS_ALLOWED_ORIGINS=CORS_ALLOWED_ORIGINS,
    CORS_URLS_REGEX=CORS_URLS_REGEX,
    CORS_ALLOW_CREDENTIALS=CORS_ALLOW_CREDENTIALS,
    CSRF_TRUSTED_ORIGINS=CSRF_TRUSTED_ORIGINS,
    SESSION_COOKIE_SAMESITE=SESSION_COOKIE_SAMESITE,
    SESSION_COOKIE_SECURE=SESSION_COOKIE_SECURE,
    CSRF_COOKIE_SAMESITE=CSRF_COOKIE_SAMESITE,
    CSRF_COOKIE_SECURE=CSRF_COOKIE_SECURE,
)

from django.conf import global_settings
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

# The answer's hand-over endpoint.
def csrf(request):
    return JsonResponse({"csrfToken": get_token(request)})


calls = []


def data(request):
    calls.append(request.method)
    return JsonResponse({"ok": True})


urlpatterns = [
    path("api/csrf/", csrf),
    path("api/data/", data),
    path("api/open/", csrf_exempt(data)),
    path("other/", data),
]

from django.test import Client, override_settings

c = Client(HTTP_HOST="api.example.com")
APP = "https://app.example.com"

r = c.get("/api/data/", HTTP_ORIGIN=APP)
equal(r["Access-Control-Allow-Origin"], APP, "with credentials the exact origin is echoed, never *")
equal(r["Access-Control-Allow-Credentials"], "true", "CORS_ALLOW_CREDENTIALS sends Allow-Credentials")
claim("origin" in r["Vary"].lower(), "responses vary on Origin")

r = c.get("/api/data/", HTTP_ORIGIN="https://evil.example")
claim("Access-Control-Allow-Origin" not in r, "an origin not listed gets no CORS header")
r = c.get("/api/data/", HTTP_ORIGIN="https://app.example.com/")
claim("Access-Control-Allow-Origin" in r, "origins are compared by scheme and host")
r = c.get("/other/", HTTP_ORIGIN=APP)
claim("Access-Control-Allow-Origin" not in r, "CORS_URLS_REGEX limits the headers to /api/")

# Preflight: answered by the middleware itself.
calls.clear()
r = c.options("/api/data/", HTTP_ORIGIN=APP, HTTP_ACCESS_CONTROL_REQUEST_METHOD="PUT",
              HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type")
equal(r.status_code, 200, "the preflight is answered with 200")
equal(calls, [], "the middleware answers preflights itself (the view does not run)")
for m in ("PUT", "DELETE", "PATCH"):
    claim(m in r["Access-Control-Allow-Methods"], "Allow-Methods lists %s" % m)
for h in ("authorization", "content-type", "x-csrftoken"):
    claim(h in r["Access-Control-Allow-Headers"], "%s is in the default CORS_ALLOW_HEADERS" % h)
equal(r["Access-Control-Max-Age"], "86400", "CORS_PREFLIGHT_MAX_AGE is one day by default")

# Middleware order: the slash redirect from CommonMiddleware.
r = c.get("/api/data", HTTP_ORIGIN=APP)
equal(r.status_code, 301, "CommonMiddleware redirects the missing slash")
equal(r.get("Access-Control-Allow-Origin"), APP, "with CorsMiddleware above it, the redirect has the header")
low = [MIDDLEWARE[0], "django.middleware.common.CommonMiddleware", "corsheaders.middleware.CorsMiddleware"] + MIDDLEWARE[3:]
with override_settings(MIDDLEWARE=low):
    r = Client(HTTP_HOST="api.example.com").get("/api/data", HTTP_ORIGIN=APP)
    equal(r.status_code, 301, "still a redirect")
    claim("Access-Control-Allow-Origin" not in r, "below CommonMiddleware the redirect lacks the header")

# Old names still work.
with override_settings(CORS_ALLOWED_ORIGINS=None):
    from django.conf import settings

    del settings.CORS_ALLOWED_ORIGINS
    with override_settings(CORS_ORIGIN_WHITELIST=["https://old.example"]):
        r = c.get("/api/data/", HTTP_ORIGIN="https://old.example")
        equal(r.get("Access-Control-Allow-Origin"), "https://old.example", "CORS_ORIGIN_WHITELIST still works")

with override_settings(CORS_ALLOW_ALL_ORIGINS=True):
    r = c.get("/api/data/", HTTP_ORIGIN="https://evil.example")
    equal(r["Access-Control-Allow-Origin"], "https://evil.example",
          "ALLOW_ALL with credentials echoes any origin: any site can read with the user's cookies")
with override_settings(CORS_ALLOW_ALL_ORIGINS=True, CORS_ALLOW_CREDENTIALS=False):
    r = c.get("/api/data/", HTTP_ORIGIN="https://evil.example")
    equal(r["Access-Control-Allow-Origin"], "*", "without credentials ALLOW_ALL sends *")

# CSRF: the defaults are Lax cookies, so a cross-site SPA needs the settings above.
equal(global_settings.CSRF_COOKIE_SAMESITE, "Lax", "CSRF_COOKIE_SAMESITE defaults to Lax")
equal(global_settings.SESSION_COOKIE_SAMESITE, "Lax", "SESSION_COOKIE_SAMESITE defaults to Lax")
spa = Client(HTTP_HOST="api.example.com", enforce_csrf_checks=True)
r = spa.get("/api/csrf/", HTTP_ORIGIN=APP, secure=True)
token = r.json()["csrfToken"]
cookie = r.cookies["csrftoken"]
equal(cookie["samesite"], "None", "the CSRF cookie is sent with SameSite=None")
claim(cookie["secure"], "and Secure")
calls.clear()
r = spa.post("/api/data/", "{}", content_type="application/json", HTTP_ORIGIN=APP,
             HTTP_X_CSRFTOKEN=token, secure=True)
equal(r.status_code, 200, "a cross-origin POST with the handed-over token and a trusted origin passes CSRF")
r = spa.post("/api/data/", "{}", content_type="application/json", HTTP_ORIGIN=APP, secure=True)
equal(r.status_code, 403, "without the token CSRF still rejects it")
with override_settings(CSRF_TRUSTED_ORIGINS=[]):
    spa = Client(HTTP_HOST="api.example.com", enforce_csrf_checks=True)  # fresh middleware
    spa.cookies["csrftoken"] = cookie.value
    r = spa.post("/api/data/", "{}", content_type="application/json", HTTP_ORIGIN=APP,
                 HTTP_X_CSRFTOKEN=token, secure=True)
    equal(r.status_code, 403, "without CSRF_TRUSTED_ORIGINS the other origin is rejected")

# CORS is not CSRF protection: a disallowed origin's request still runs the view.
calls.clear()
r = c.post("/api/open/", {"a": "1"}, HTTP_ORIGIN="https://evil.example")
equal(calls, ["POST"], "a cross-site POST still reaches the view")
claim("Access-Control-Allow-Origin" not in r, "even though CORS blocks the read")
