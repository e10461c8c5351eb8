"""174 REST and statelessness: the answer's REST_FRAMEWORK settings with a
ModelViewSet: the token request works from any fresh client with no session
cookie set, anonymous gets 401, ?page=2 gives count/next/previous links as in
the answer's exchange, 406 for an Accept it cannot produce, and by contrast
a session login stores server-side state."""
from djqcheck import claim, create_tables, equal, setup

# --- the answer's settings, verbatim ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
    ],
    "DEFAULT_PAGINATION_CLASS": (
        "rest_framework.pagination.PageNumberPagination"
    ),
    "PAGE_SIZE": 20,
}
# --- end ---
setup(installed_apps=["rest_framework", "rest_framework.authtoken"], REST_FRAMEWORK=REST_FRAMEWORK,
      ALLOWED_HOSTS=["example.com", "testserver"])

from django.contrib.auth.models import User
from django.db import models
from rest_framework import serializers, viewsets


class Article(models.Model):
    title = models.CharField(max_length=100)


create_tables()


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title"]


class ArticleViewSet(viewsets.ModelViewSet):
    queryset = Article.objects.order_by("id")
    serializer_class = ArticleSerializer


from django.urls import include, path
from rest_framework.routers import DefaultRouter

router = DefaultRouter()
router.register("articles", ArticleViewSet)
urlpatterns = [path("api/", include(router.urls))]

from django.contrib.sessions.models import Session
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

for i in range(1, 46):
    Article.objects.create(pk=i, title=f"t{i}")
user = User.objects.create_user("ann", password="pw")
token = Token.objects.create(user=user)
headers = {"HTTP_AUTHORIZATION": f"Token {token.key}", "HTTP_ACCEPT": "application/json", "HTTP_HOST": "example.com"}

responses = [APIClient().get("/api/articles/?page=2", **headers) for _ in range(2)]
equal([r.status_code for r in responses], [200, 200], "every request carries its credentials, so any fresh client (any instance) is answered")
claim(all("sessionid" not in r.cookies and "Set-Cookie" not in r.headers for r in responses), "token authentication sets no session cookie")
equal(Session.objects.count(), 0, "the server stored no session for token requests")
r = responses[0]
equal(r["Content-Type"], "application/json", "Accept: application/json gets JSON")
equal((r.data["count"], r.data["next"], r.data["previous"], r.data["results"][0]["id"]),
      (45, "http://example.com/api/articles/?page=3", "http://example.com/api/articles/", 21),
      "the answer's exchange: count 45, next ?page=3, previous without page, first result id 21")

equal(APIClient().get("/api/articles/").status_code, 401, "a request without credentials is not recognised from earlier ones (401 with token auth)")
r = APIClient().get("/api/articles/", HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT="application/xml")
equal(r.status_code, 406, "DRF answers an Accept it cannot produce with 406")

# Contrast: Django sessions keep state on the server
from django.test import Client

c = Client()
claim(c.login(username="ann", password="pw"), "session login works")
claim("sessionid" in c.cookies, "the browser gets a session id")
equal(Session.objects.count(), 1, "a session login stores state on the server (database backend)")
