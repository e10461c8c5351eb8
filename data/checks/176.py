"""176 API status codes: the answer's Conflict exception and DocumentViewSet
through the test client (201, 200, 204, 400, 403/401, 404, 405, 409, 429 with
Retry-After), Location only with a url field, Http404/PermissionDenied
mapping, IntegrityError -> 500, and DRF's 401-vs-403 rule per first
authentication class (Token, Basic, JWT, Session)."""
from djqcheck import claim, create_tables, equal, setup

setup(installed_apps=["rest_framework", "rest_framework.authtoken"])

from django.db import models


class Document(models.Model):
    title = models.CharField(max_length=100)
    version = models.PositiveIntegerField(default=1)
    code = models.CharField(max_length=20, null=True, unique=True)


create_tables()

# --- the answer's code, verbatim (relative import dropped) ---
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.exceptions import APIException, ValidationError


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The document was changed by someone else."
    default_code = "conflict"


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "version"]
        read_only_fields = ["version"]


class DocumentViewSet(viewsets.ModelViewSet):
    queryset = Document.objects.all()
    serializer_class = DocumentSerializer
    permission_classes = [permissions.IsAuthenticated]

    def perform_update(self, serializer):
        current = serializer.instance.version
        sent = self.request.data.get("version")
        if sent is not None:
            try:
                sent = int(sent)
            except (TypeError, ValueError):
                raise ValidationError({"version": ["Must be an integer."]})
            if sent != current:
                raise Conflict()
        serializer.save(version=current + 1)
# --- end ---

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.urls import include, path
from rest_framework.authentication import BasicAuthentication, SessionAuthentication, TokenAuthentication
from rest_framework.decorators import api_view, throttle_classes
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.throttling import AnonRateThrottle
from rest_framework_simplejwt.authentication import JWTAuthentication


class OnePerMinute(AnonRateThrottle):
    rate = "1/minute"


@api_view(["GET"])
@throttle_classes([OnePerMinute])
def limited(request):
    return Response({"ok": True})


@api_view(["GET"])
def raise_404(request):
    raise Http404("nope")


@api_view(["GET"])
def raise_perm(request):
    raise DjangoPermissionDenied()


@api_view(["POST"])
def race(request):
    Document.objects.create(title="x", code="same")
    Document.objects.create(title="y", code="same")
    return Response(status=201)


class WithUrl(serializers.HyperlinkedModelSerializer):
    class Meta:
        model = Document
        fields = ["url", "title"]


class UrlViewSet(viewsets.ModelViewSet):
    queryset = Document.objects.all()
    serializer_class = WithUrl


def make(first):
    return type("V", (DocumentViewSet,), {"authentication_classes": [first]})


router = SimpleRouter()
router.register("documents", DocumentViewSet, basename="document")
router.register("withurl", UrlViewSet, basename="document-url")
for name, cls in [("token", TokenAuthentication), ("basic", BasicAuthentication), ("jwt", JWTAuthentication), ("session", SessionAuthentication)]:
    router.register(name, make(cls), basename=name)
urlpatterns = [path("", include(router.urls)), path("limited/", limited), path("r404/", raise_404),
               path("r403/", raise_perm), path("race/", race)]
# the router names the HyperlinkedModelSerializer's view "document-detail"
from django.contrib.auth.models import User
from rest_framework.test import APIClient

ann = User.objects.create_user("ann", password="pw")
anon = APIClient()
c = APIClient()
c.force_authenticate(ann)

r = c.post("/documents/", {"title": "Spec"}, format="json")
equal((r.status_code, r.data["version"]), (201, 1), "create() returns 201")
claim("Location" not in r.headers, "no Location header without a url field")
did = r.data["id"]
r = c.patch(f"/documents/{did}/", {"title": "Spec 2", "version": 1}, format="json")
equal((r.status_code, r.data["version"]), (200, 2), "a successful update is 200 (and bumps the version)")
r = c.patch(f"/documents/{did}/", {"title": "Stale", "version": 1}, format="json")
equal((r.status_code, str(r.data["detail"]), r.data["detail"].code), (409, "The document was changed by someone else.", "conflict"),
      "a stale version raises Conflict: 409 with {'detail': ...}")
r = c.patch(f"/documents/{did}/", {"title": "x", "version": "abc"}, format="json")
equal((r.status_code, r.data), (400, {"version": ["Must be an integer."]}), "a non-number version is a 400, not a 500 from int()")
equal(Document.objects.get(pk=did).version, 2, "and nothing was saved")
r = c.post("/documents/", {"title": ""}, format="json")
equal(r.status_code, 400, "invalid input is 400 (DRF uses 400, not 422, for serializer errors)")
r = c.post("/documents/", b"{not json", content_type="application/json")
equal(r.status_code, 400, "unparseable input (ParseError) is 400")
equal(c.get("/documents/9999/").status_code, 404, "a missing resource is 404")
r = c.post(f"/documents/{did}/", {}, format="json")
equal(r.status_code, 405, "an unsupported method is 405")
claim("Allow" in r.headers, "405 carries an Allow header")
equal(c.delete(f"/documents/{did}/").status_code, 204, "destroy() returns 204")

r = c.post("/withurl/", {"title": "L"}, format="json")
equal((r.status_code, r.headers.get("Location")), (201, r.data["url"]), "create() adds Location when the data has a url field")

equal(c.get("/r404/").status_code, 404, "Django's Http404 becomes 404")
equal(c.get("/r403/").status_code, 403, "Django's PermissionDenied becomes 403")

raw = APIClient(raise_request_exception=True)
try:
    raw.post("/race/")
    claim(False, "IntegrityError is not handled by DRF")
except IntegrityError:
    pass
equal(APIClient(raise_request_exception=False).post("/race/").status_code, 500, "an unhandled IntegrityError becomes a 500")

r1, r2 = anon.get("/limited/"), anon.get("/limited/")
equal((r1.status_code, r2.status_code), (200, 429), "a rate limit hit is 429")
claim(r2.headers.get("Retry-After", "").isdigit(), "Throttled sets Retry-After")

# 401 vs 403
expect = {"token": "Token", "basic": 'Basic realm="api"', "jwt": 'Bearer realm="api"'}
for name, header in expect.items():
    r = anon.get(f"/{name}/")
    equal((r.status_code, r.headers.get("WWW-Authenticate")), (401, header),
          f"{name} first: anonymous gets 401 with WWW-Authenticate: {header}")
r = anon.get("/session/")
equal((r.status_code, r.headers.get("WWW-Authenticate")), (403, None), "session first: no header, so 403")
r = anon.get("/documents/")
equal(r.status_code, 403, "with the default settings (session first) an anonymous request gets 403")
r = anon.get("/token/", HTTP_AUTHORIZATION="Token bad")
equal(r.status_code, 401, "bad credentials (AuthenticationFailed) also 401 with token first")


class Denied(permissions.BasePermission):
    def has_permission(self, request, view):
        return False


T = make(TokenAuthentication)
from rest_framework.authtoken.models import Token
from rest_framework.test import APIRequestFactory

tok = Token.objects.create(user=ann)
view = type("D", (T,), {"permission_classes": [Denied]}).as_view({"get": "list"})
req = APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Token {tok.key}")
equal(view(req).status_code, 403, "a logged-in user without permission always gets 403")
equal(status.HTTP_422_UNPROCESSABLE_ENTITY, 422, "DRF has the 422 constant")
