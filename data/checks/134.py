"""134 rate-limited public API with DRF: the answer's ApiKeyAuthentication and
PlanRateThrottle as written: a valid key authenticates as its owner, a bad
one gets 401 with WWW-Authenticate: Api-Key, no header falls through to the
next authenticator, the free plan gets 60/min and then 429 with Retry-After,
the pro plan more, keys are counted separately, anonymous traffic is left to
AnonRateThrottle; and the local-memory cache is per process."""
import hashlib
import secrets

from djqcheck import claim, create_tables, equal, setup

setup(
    installed_apps=["rest_framework"],
    REST_FRAMEWORK={
        "DEFAULT_AUTHENTICATION_CLASSES": ["djqcheck.models.ApiKeyAuthentication",
                                           "rest_framework.authentication.SessionAuthentication"],
        "DEFAULT_THROTTLE_CLASSES": ["djqcheck.models.PlanRateThrottle",
                                     "rest_framework.throttling.AnonRateThrottle"],
        "DEFAULT_THROTTLE_RATES": {"anon": "5/min", "plan": "60/min"},
    },
)

from django.conf import settings
from django.db import models
from rest_framework import authentication, exceptions
from rest_framework.throttling import SimpleRateThrottle


class ApiKey(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    prefix = models.CharField(max_length=12, unique=True)
    hashed_key = models.CharField(max_length=64)
    plan = models.CharField(max_length=10, default="free")
    revoked = models.BooleanField(default=False)


import hashlib
import secrets

from rest_framework import authentication, exceptions

from .models import ApiKey  # prefix, hashed_key, owner, plan, revoked


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Api-Key "):
            return None  # let other authenticators try
        prefix, _, secret = header.removeprefix("Api-Key ").partition(".")
        digest = hashlib.sha256(secret.encode()).hexdigest()
        key = (ApiKey.objects.select_related("owner")
               .filter(prefix=prefix, revoked=False).first())
        if key is None or not secrets.compare_digest(
                key.hashed_key, digest):
            raise exceptions.AuthenticationFailed("Invalid API key")
        return (key.owner, key)  # request.user, request.auth

    def authenticate_header(self, request):
        return "Api-Key"  # if listed first: 401, not 403


from rest_framework.throttling import SimpleRateThrottle


class PlanRateThrottle(SimpleRateThrottle):
    scope = "plan"
    rates = {"free": "60/min", "pro": "1000/min"}

    def get_rate(self):
        return self.rates["free"]

    def allow_request(self, request, view):
        if isinstance(request.auth, ApiKey):
            self.rate = self.rates[request.auth.plan]
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiKey):
            return None  # anonymous traffic: AnonRateThrottle
        return self.cache_format % {"scope": self.scope,
                                    "ident": request.auth.prefix}


from rest_framework.response import Response
from rest_framework.views import APIView


class Items(APIView):
    def get(self, request):
        return Response({"user": getattr(request.user, "username", None)})


from django.urls import path

urlpatterns = [path("items/", Items.as_view())]
create_tables()

from django.contrib.auth.models import User
from rest_framework.test import APIClient


def issue(user, plan):
    prefix, secret = secrets.token_hex(4), secrets.token_urlsafe(24)
    ApiKey.objects.create(owner=user, prefix=prefix, plan=plan,
                          hashed_key=hashlib.sha256(secret.encode()).hexdigest())
    return f"Api-Key {prefix}.{secret}"


alice, bob = User.objects.create_user("alice"), User.objects.create_user("bob")
free, pro = issue(alice, "free"), issue(bob, "pro")
c = APIClient()

r = c.get("/items/", HTTP_AUTHORIZATION=free)
equal((r.status_code, r.json()), (200, {"user": "alice"}), "a valid key authenticates as its owner")
r = c.get("/items/", HTTP_AUTHORIZATION=free[:-2] + "xx")
equal(r.status_code, 401, "a wrong secret gets 401")
equal(r["WWW-Authenticate"], "Api-Key", "with WWW-Authenticate: Api-Key (authenticate_header, listed first)")
ApiKey.objects.filter(owner=bob).update(revoked=True)
equal(c.get("/items/", HTTP_AUTHORIZATION=pro).status_code, 401, "a revoked key is refused")
ApiKey.objects.filter(owner=bob).update(revoked=False)

codes = [c.get("/items/", HTTP_AUTHORIZATION=free).status_code for _ in range(60)]
equal(codes.count(200), 59, "the free plan allows 60 requests a minute (1 already used)")
r = c.get("/items/", HTTP_AUTHORIZATION=free)
equal(r.status_code, 429, "then DRF answers 429")
claim(int(r["Retry-After"]) > 0, "with a Retry-After header from wait()")

codes = [c.get("/items/", HTTP_AUTHORIZATION=pro).status_code for _ in range(100)]
equal(codes.count(200), 100, "the pro plan's higher limit applies, counted per key")

anon = [c.get("/items/").status_code for _ in range(6)]
equal(anon, [200] * 5 + [429], "requests without a key fall through to AnonRateThrottle")

from django.conf import global_settings

equal(global_settings.CACHES["default"]["BACKEND"], "django.core.cache.backends.locmem.LocMemCache",
      "the default cache is local memory: each process counts separately")
