"""175 PUT vs PATCH vs POST: the answer's ArticleViewSet through a router:
POST 201 (twice = two items), PUT full validation (400 for missing required
field), PATCH partial, optional fields kept on PUT, PUT to a missing id 404,
DELETE 204 then 404, SAFE_METHODS, router action mapping, request.POST vs
request.data for JSON."""
from djqcheck import claim, create_tables, equal, setup

setup(installed_apps=["rest_framework"])

from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=20, default="draft")


create_tables()

# --- the answer's code, verbatim (relative import dropped) ---
from rest_framework import serializers, viewsets


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "body", "status"]


class ArticleViewSet(viewsets.ModelViewSet):
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer
# --- end ---

from django.urls import include, path
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter


@api_view(["POST", "PUT"])
def echo(request):
    return Response({"POST": dict(request._request.POST), "data": request.data})


router = DefaultRouter()
router.register("articles", ArticleViewSet)
urlpatterns = [path("", include(router.urls)), path("echo/", echo)]

from rest_framework import permissions
from rest_framework.test import APIClient

equal(tuple(permissions.SAFE_METHODS), ("GET", "HEAD", "OPTIONS"), "SAFE_METHODS is ('GET', 'HEAD', 'OPTIONS')")

routes = {}
for route in router.get_routes(ArticleViewSet):
    routes.update({(m, route.detail): a for m, a in route.mapping.items()})
equal({k: v for k, v in routes.items() if k[0] in ("get", "post", "put", "patch", "delete")},
      {("get", False): "list", ("post", False): "create", ("get", True): "retrieve", ("put", True): "update",
       ("patch", True): "partial_update", ("delete", True): "destroy"},
      "the router maps POST list->create, PUT->update, PATCH->partial_update, DELETE->destroy")

c = APIClient()
r1 = c.post("/articles/", {"title": "A", "body": "b"}, format="json")
r2 = c.post("/articles/", {"title": "A", "body": "b"}, format="json")
equal((r1.status_code, r2.status_code, Article.objects.count()), (201, 201, 2), "POST returns 201, and sending it twice creates two items")
equal(r1.data["status"], "draft", "status has the model default 'draft', so it is optional")
aid = r1.data["id"]
Article.objects.filter(pk=aid).update(status="published")

r = c.put(f"/articles/{aid}/", {"title": "New"}, format="json")
equal((r.status_code, [str(e) for e in r.data.get("body", [])]), (400, ["This field is required."]),
      "a PUT missing a required field is a 400 'This field is required.'")
r = c.patch(f"/articles/{aid}/", {"title": "New"}, format="json")
a = Article.objects.get(pk=aid)
equal((r.status_code, a.title, a.body, a.status), (200, "New", "b", "published"), "PATCH: 200, body and status unchanged")

r = c.put(f"/articles/{aid}/", {"title": "T", "body": "B"}, format="json")
a = Article.objects.get(pk=aid)
equal((r.status_code, a.status), (200, "published"), "an optional field left out of a PUT keeps its stored value (not reset to the default)")
r_again = c.put(f"/articles/{aid}/", {"title": "T", "body": "B"}, format="json")
equal((r_again.status_code, r_again.data), (200, r.data), "repeating a PUT leaves the same result")

r = c.put("/articles/9999/", {"title": "T", "body": "B"}, format="json")
equal((r.status_code, Article.objects.filter(pk=9999).exists()), (404, False), "PUT to a missing id is 404 and does not create")

r = c.delete(f"/articles/{aid}/")
equal((r.status_code, r.content), (204, b""), "DELETE returns 204 with no body")
equal(c.delete(f"/articles/{aid}/").status_code, 404, "a second DELETE returns 404")

equal(c.head("/articles/").status_code, 200, "HEAD is handled")
equal(c.options("/articles/").status_code, 200, "OPTIONS is handled")

r = c.put("/echo/", {"a": 1}, format="json")
equal((r.data["POST"], r.data["data"]), ({}, {"a": 1}), "request.POST is empty for JSON; request.data parses it for PUT")
r = c.post("/echo/", {"a": 1}, format="json")
equal((r.data["POST"], r.data["data"]), ({}, {"a": 1}), "request.POST is only filled for form-encoded bodies")
r = c.post("/echo/", {"a": "1"})
claim(r.data["POST"] != {}, "form-encoded (multipart) POST fills request.POST")
