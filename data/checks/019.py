"""019 REST APIs: the JsonResponse view and the DRF ModelViewSet run as
written; JSON encoding of dates, safe=False, require_GET's 405, the six
viewset actions through the router, and the browsable API."""
import datetime
import json

from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework"])

from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)
    published = models.DateField(null=True)


from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def book_list(request):
    books = list(Book.objects.values("id", "title", "published"))
    return JsonResponse({"results": books})


from django.urls import include, path
from rest_framework import routers, serializers, viewsets


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "published"]


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer


router = routers.DefaultRouter()
router.register(r"books", BookViewSet)

urlpatterns = [path("api/", include(router.urls))]
urlpatterns.append(path("plain/books/", book_list))

create_tables()
Book.objects.create(title="Dune", published=datetime.date(1965, 8, 1))

from django.test import Client

c = Client()
r = c.get("/plain/books/")
equal(r["Content-Type"], "application/json", "JsonResponse sets Content-Type: application/json")
equal(json.loads(r.content), {"results": [{"id": 1, "title": "Dune", "published": "1965-08-01"}]},
      "DjangoJSONEncoder serializes the date")
equal(c.post("/plain/books/").status_code, 405, "require_GET refuses other methods")
with raises(TypeError, "safe", what="JsonResponse only accepts a dict unless safe=False"):
    JsonResponse([1, 2])
equal(JsonResponse([1, 2], safe=False).content, b"[1, 2]", "safe=False allows a list")

# DRF: list, create, retrieve, update, partial update, delete.
ct = "application/json"
equal(c.get("/api/books/", HTTP_ACCEPT=ct).json()[0]["title"], "Dune", "list")
r = c.post("/api/books/", json.dumps({"title": "Emma", "published": None}), content_type=ct)
equal(r.status_code, 201, "create")
pk = r.json()["id"]
equal(c.get(f"/api/books/{pk}/", HTTP_ACCEPT=ct).json()["title"], "Emma", "retrieve")
equal(c.put(f"/api/books/{pk}/", json.dumps({"title": "Emma!", "published": "1815-12-23"}),
            content_type=ct).json()["published"], "1815-12-23", "update")
equal(c.patch(f"/api/books/{pk}/", json.dumps({"title": "E"}), content_type=ct).json()["title"], "E",
      "partial update")
equal(c.delete(f"/api/books/{pk}/").status_code, 204, "delete")
r = c.post("/api/books/", json.dumps({"published": "not a date"}), content_type=ct)
claim(r.status_code == 400 and set(r.json()) == {"title", "published"}, "serializers validate input")
html = c.get("/api/books/", HTTP_ACCEPT="text/html")
claim(html["Content-Type"].startswith("text/html") and b"Django REST framework" in html.content,
      "DRF ships a browsable HTML API")
names = {u.name for u in router.urls}
claim({"book-list", "book-detail", "api-root"} <= names, "the router generates the URLs")

# POST with session auth and no CSRF token is refused for cookie-authenticated writes.
from django.contrib.auth.models import User

User.objects.create_user("u", password="p")
sc = Client(enforce_csrf_checks=True)
sc.login(username="u", password="p")
equal(sc.post("/api/books/", json.dumps({"title": "x"}), content_type=ct).status_code, 403,
      "cookie-authenticated writes need CSRF protection")
