"""102 DRF authentication and permissions: defaults, the answer's settings
(session + simplejwt, IsAuthenticated) and ArticleViewSet with
IsOwnerOrReadOnly through the test client; 401 vs 403; object permissions
not applied to lists; CSRF with session auth; token auth; operators."""
from djqcheck import claim, create_tables, equal, setup

# --- the answer's settings, verbatim ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated"
    ],
}
# --- end ---
setup(installed_apps=["rest_framework", "rest_framework.authtoken"], REST_FRAMEWORK=REST_FRAMEWORK, SECRET_KEY="k" * 50)

from rest_framework.settings import DEFAULTS

equal(DEFAULTS["DEFAULT_AUTHENTICATION_CLASSES"], ["rest_framework.authentication.SessionAuthentication",
      "rest_framework.authentication.BasicAuthentication"], "the defaults are session plus basic authentication")
equal(DEFAULTS["DEFAULT_PERMISSION_CLASSES"], ["rest_framework.permissions.AllowAny"], "with AllowAny")

from django.contrib.auth.models import User
from django.db import models
from rest_framework import serializers


class Article(models.Model):
    title = models.CharField(max_length=50)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title"]


# --- the answer's permission and viewset, verbatim (its imports of its own modules dropped) ---
from rest_framework import permissions, viewsets


class IsOwnerOrReadOnly(permissions.BasePermission):
    message = "Only the author may change this article."

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.owner == request.user


class ArticleViewSet(viewsets.ModelViewSet):
    serializer_class = ArticleSerializer
    permission_classes = [
        permissions.IsAuthenticatedOrReadOnly,
        IsOwnerOrReadOnly,
    ]

    def get_queryset(self):
        return Article.objects.select_related("owner")

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
# --- end ---


class NobodyObject(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        return False


class Locked(viewsets.ReadOnlyModelViewSet):
    serializer_class = ArticleSerializer
    permission_classes = [NobodyObject]
    queryset = Article.objects.all()


from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["GET"])
def default_policy(request):
    return Response({"user": str(request.user), "auth": request.auth is not None})


from django.urls import include, path
from rest_framework.routers import DefaultRouter

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("locked", Locked, basename="locked")
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.decorators import authentication_classes
from rest_framework_simplejwt.authentication import JWTAuthentication


@api_view(["GET"])
@authentication_classes([JWTAuthentication, SessionAuthentication])
def jwt_first(request):
    return Response({"user": str(request.user)})


@api_view(["GET"])
@authentication_classes([TokenAuthentication])
def token_only(request):
    return Response({"user": str(request.user)})


urlpatterns = [path("", include(router.urls)), path("me/", default_policy), path("jwt/", jwt_first), path("tok/", token_only)]
create_tables()

from rest_framework.test import APIClient

ada = User.objects.create_user("ada", password="pw")
bob = User.objects.create_user("bob", password="pw")
anon = APIClient()
equal(anon.get("/articles/").status_code, 200, "IsAuthenticatedOrReadOnly: anonymous reads are allowed")
r = anon.post("/articles/", {"title": "x"})
equal(r.status_code, 403, "unauthenticated, session auth first: 403")
claim("WWW-Authenticate" not in r, "no WWW-Authenticate header with session first")
equal(anon.get("/me/").status_code, 403, "the default policy IsAuthenticated rejects anonymous users")

c = APIClient()
c.force_authenticate(ada)
equal(c.post("/articles/", {"title": "mine"}).status_code, 201, "authenticated create")
art = Article.objects.get()
equal(art.owner, ada, "perform_create sets the owner")
b = APIClient()
b.force_authenticate(bob)
r = b.put(f"/articles/{art.pk}/", {"title": "hijack"})
equal((r.status_code, r.json()["detail"]), (403, "Only the author may change this article."), "authenticated but not allowed: 403 with the message")
equal(b.get(f"/articles/{art.pk}/").status_code, 200, "safe methods pass the object check")
equal(c.put(f"/articles/{art.pk}/", {"title": "edit"}).status_code, 200, "the owner may edit")
equal(len(anon.get("/locked/").json()), 1, "has_object_permission is never applied to list items")
equal(anon.get(f"/locked/{art.pk}/").status_code, 403, "but it is on detail routes (get_object)")

# JWT (simplejwt): Bearer tokens; an unauthenticated request with JWT first gets 401.
from rest_framework_simplejwt.tokens import RefreshToken

jwt = APIClient()
jwt.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(ada).access_token}")
equal(jwt.get("/me/").json(), {"user": "ada", "auth": True}, "JWTAuthentication sets request.user and request.auth")
bad = APIClient()
bad.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
r = bad.get("/articles/")
equal(r.status_code, 403, "invalid credentials fail even on a read anyone may do (AuthenticationFailed; 403 because session comes first)")
claim("token" in r.json()["detail"].lower(), "the failure is the invalid token")
r = APIClient().get("/jwt/")
equal(r.status_code, 401, "with a class that defines WWW-Authenticate first: 401")
claim(r["WWW-Authenticate"].startswith("Bearer"), "with a WWW-Authenticate header")

# Token auth: "Authorization: Token <key>" (the authtoken app's table).
from rest_framework.authtoken.models import Token

t = APIClient()
t.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=bob).key}")
equal(t.get("/tok/").json()["user"], "bob", "TokenAuthentication reads 'Authorization: Token <key>'")
r = APIClient().get("/tok/")
equal((r.status_code, r["WWW-Authenticate"]), (401, "Token"), "token auth: 401 with WWW-Authenticate")

# Session auth enforces CSRF for authenticated unsafe requests.
s = APIClient(enforce_csrf_checks=True)
s.login(username="ada", password="pw")
r = s.post("/articles/", {"title": "csrf"})
equal(r.status_code, 403, "SessionAuthentication enforces CSRF on unsafe methods")
claim("CSRF" in r.json()["detail"], "the 403 says CSRF Failed")

from rest_framework.request import Request
from django.test import RequestFactory

req = Request(RequestFactory().get("/"))
req.user = User(is_staff=False)
claim(not permissions.IsAdminUser().has_permission(req, None), "IsAdminUser requires is_staff")
combined = (permissions.IsAdminUser | ~permissions.IsAuthenticated)()
claim(combined.has_permission(req, None) is False, "permissions combine with | and ~")
