"""103 DRF throttling: the answer's settings and views through the test
client: 429 with Retry-After once a scope's rate is used up, view-level
throttle_classes replacing the defaults, anon vs user keys, rate parsing,
the cache and X-Forwarded-For / NUM_PROXIES."""
from djqcheck import claim, create_tables, equal, setup

# --- the answer's settings, verbatim ---
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
        "rest_framework.throttling.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": "100/day",
        "user": "1000/day",
        "uploads": "20/hour",
    },
}
# --- end ---
setup(installed_apps=["rest_framework", "rest_framework.authtoken"], REST_FRAMEWORK=REST_FRAMEWORK)

# --- the answer's views, verbatim ---
from rest_framework.response import Response
from rest_framework.throttling import UserRateThrottle
from rest_framework.views import APIView


class UploadView(APIView):
    throttle_scope = "uploads"  # used by ScopedRateThrottle

    def post(self, request):
        return Response(status=201)


class ReportView(APIView):
    throttle_classes = [UserRateThrottle]  # replaces the default list

    def get(self, request):
        return Response({"ok": True})
# --- end ---


class Open(APIView):
    def get(self, request):
        return Response({})


from django.urls import path

urlpatterns = [path("upload/", UploadView.as_view()), path("report/", ReportView.as_view()), path("open/", Open.as_view())]
create_tables()
from django.core.cache import cache
from rest_framework.test import APIClient

c = APIClient()
codes = [c.post("/upload/").status_code for _ in range(21)]
equal(codes[:20], [201] * 20, "20/hour for the uploads scope")
r = c.post("/upload/")
equal(r.status_code, 429, "then 429 Too Many Requests")
claim(0 < int(r["Retry-After"]) <= 3600, "with a Retry-After header")
equal(c.get("/report/").status_code, 200, "ReportView's own throttle_classes replace the default list (no scope there)")
for _ in range(100 - 21 - 1):
    c.get("/open/")
equal(c.get("/open/").status_code, 429, "AnonRateThrottle: 100/day for anonymous requests (uploads and reports counted too)")
equal(c.get("/report/").status_code, 200, "ReportView only has UserRateThrottle (1000/day)")

from django.contrib.auth.models import User

u = User.objects.create(username="ada")
a = APIClient()
a.force_authenticate(u)
equal(a.get("/open/").status_code, 200, "AnonRateThrottle applies only to unauthenticated requests")
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, SimpleRateThrottle

claim(all(issubclass(t, SimpleRateThrottle) for t in (AnonRateThrottle, UserRateThrottle, ScopedRateThrottle)), "all three subclass SimpleRateThrottle")
equal((AnonRateThrottle.scope, UserRateThrottle.scope), ("anon", "user"), "rate keys anon and user")
t = UserRateThrottle()
equal(t.parse_rate("20/hour"), (20, 3600), "number/period, period in hours")
equal(t.parse_rate("100/day"), (100, 86400), "or days")
equal(t.parse_rate("5/s"), (5, 1), "or seconds")
from django.core.cache import cache as default_cache

claim(SimpleRateThrottle.cache is default_cache, "the throttles use the default cache")
claim(list(cache._cache), "counters live in the (LocMem) cache")

# Client IP: X-Forwarded-For is trusted verbatim unless NUM_PROXIES is set.
fresh = APIClient()
equal(fresh.get("/open/", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code, 200,
      "a client-chosen X-Forwarded-For gets a fresh budget (spoofable)")
from django.test import RequestFactory
from rest_framework.request import Request
from rest_framework.settings import api_settings

req = Request(RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.1", REMOTE_ADDR="10.0.0.2"))
equal(AnonRateThrottle().get_ident(req), "6.6.6.6,10.0.0.1", "without NUM_PROXIES the whole header is the identity")
from django.test import override_settings

with override_settings(REST_FRAMEWORK={**REST_FRAMEWORK, "NUM_PROXIES": 1}):
    equal(AnonRateThrottle().get_ident(req), "10.0.0.1", "NUM_PROXIES=1 takes the address the proxy added")

from rest_framework.authtoken.views import ObtainAuthToken

equal(tuple(ObtainAuthToken.throttle_classes), (), "obtain_auth_token has no throttles by default")
