"""161 APIView vs GenericAPIView vs concrete views vs ViewSets: the answer's
four versions verbatim, run side by side: same list output, 201/200/204/404,
lookup_field, router names book-list/book-detail, pagination applied by the
generic layers only, GenericAPIView alone is 405, missing queryset
AssertionError, as_view() on a viewset without actions TypeError,
get_object() runs object permissions while APIView does not, serializer
context."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(
    installed_apps=["rest_framework"],
    REST_FRAMEWORK={"DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination", "PAGE_SIZE": 2},
)
from django.db import models
from rest_framework import serializers


class Book(models.Model):
    title = models.CharField(max_length=100)
    isbn = models.CharField(max_length=13, unique=True)


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "isbn"]


# --- the answer's example, verbatim ---
from rest_framework import generics, mixins, status, viewsets
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView


# 1. APIView: everything by hand
class BookList(APIView):
    def get(self, request):
        books = Book.objects.order_by("title")
        return Response(BookSerializer(books, many=True).data)

    def post(self, request):
        serializer = BookSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data, status=status.HTTP_201_CREATED)


# 2. GenericAPIView + mixins: you map methods to actions
class BookListMixins(
    mixins.ListModelMixin, mixins.CreateModelMixin,
    generics.GenericAPIView,
):
    queryset = Book.objects.order_by("title")
    serializer_class = BookSerializer

    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.create(request, *args, **kwargs)


# 3. Concrete generic views: the mapping is done
class BookListCreate(generics.ListCreateAPIView):
    queryset = Book.objects.order_by("title")
    serializer_class = BookSerializer


class BookDetail(generics.RetrieveUpdateDestroyAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    lookup_field = "isbn"


# 4. ViewSet + router: one class, URLs generated
class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.order_by("title")
    serializer_class = BookSerializer
    lookup_field = "isbn"


router = DefaultRouter()
router.register("books", BookViewSet)
# --- end ---
from rest_framework.permissions import BasePermission


class NeverOnObject(BasePermission):
    def has_object_permission(self, request, view, obj):
        return False


class GuardedDetail(generics.RetrieveAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    lookup_field = "isbn"
    permission_classes = [NeverOnObject]


class GuardedAPIView(APIView):
    permission_classes = [NeverOnObject]

    def get(self, request, isbn):
        return Response(BookSerializer(Book.objects.get(isbn=isbn)).data)


class Bare(generics.GenericAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer


from django.urls import include, path

urlpatterns = [
    path("v1/books/", BookList.as_view()),
    path("v2/books/", BookListMixins.as_view()),
    path("v3/books/", BookListCreate.as_view()),
    path("books/<str:isbn>/", BookDetail.as_view()),
    path("v4/", include(router.urls)),
    path("guarded/<str:isbn>/", GuardedDetail.as_view()),
    path("guarded-apiview/<str:isbn>/", GuardedAPIView.as_view()),
    path("bare/", Bare.as_view()),
]

create_tables()
from django.urls import reverse
from rest_framework.test import APIClient

c = APIClient()
for i, (t, isbn) in enumerate([("C", "3"), ("A", "1"), ("B", "2")]):
    prefix = ["/v1/books/", "/v2/books/", "/v3/books/"][i]
    r = c.post(prefix, {"title": t, "isbn": isbn}, format="json")
    equal(r.status_code, 201, f"POST {prefix} creates with 201")
r = c.post("/v4/books/", {"title": "D", "isbn": "4"}, format="json")
equal(r.status_code, 201, "the viewset's POST creates with 201")

v1 = c.get("/v1/books/").json()
claim(isinstance(v1, list) and len(v1) == 4, "the APIView version still returns a bare list (no pagination)")
for prefix in ["/v2/books/", "/v3/books/", "/v4/books/"]:
    body = c.get(prefix).json()
    equal((body["count"], [b["title"] for b in body["results"]]), (4, ["A", "B"]), f"{prefix} is paginated {{count, results}} by the generic layer")

equal(reverse("book-list"), "/v4/books/", "the router names the list book-list")
equal(reverse("book-detail", kwargs={"isbn": "1"}), "/v4/books/1/", "and the detail book-detail, keyed by lookup_field")

for prefix in ["/books/", "/v4/books/"]:
    equal(c.get(prefix + "1/").json()["isbn"], "1", f"{prefix}<isbn>/ looks up by isbn")
    equal(c.patch(prefix + "1/", {"title": "A2"}, format="json").status_code, 200, "PATCH -> partial_update 200")
    equal(c.get(prefix + "999/").status_code, 404, "get_object() raises 404")
equal(c.put("/books/2/", {"title": "B2", "isbn": "2"}, format="json").status_code, 200, "PUT -> update 200")
equal(c.delete("/books/3/").status_code, 204, "DELETE -> destroy 204")
equal(c.delete("/v4/books/4/").status_code, 204, "viewset DELETE -> 204")

equal(c.get("/bare/").status_code, 405, "GenericAPIView alone has no handlers: 405")
equal(c.get("/guarded/1/").status_code, 403, "get_object() runs check_object_permissions()")
equal(c.get("/guarded-apiview/1/").status_code, 200, "APIView does not check object permissions unless you call it")


class NoQS(generics.ListAPIView):
    serializer_class = BookSerializer


with raises(AssertionError, "queryset", what="GenericAPIView without queryset or get_queryset() raises AssertionError"):
    NoQS().get_queryset()
with raises(TypeError, "actions", what="a viewset's as_view() without actions is a TypeError"):
    BookViewSet.as_view()

v = BookListCreate()
from rest_framework.test import APIRequestFactory
from rest_framework.request import Request

v.request = Request(APIRequestFactory().get("/"))
v.format_kwarg = None
equal(sorted(v.get_serializer_context()), ["format", "request", "view"], "get_serializer() passes request, view and format")
qs1, qs2 = v.get_queryset(), v.get_queryset()
claim(qs1 is not qs2 and qs1 is not BookListCreate.queryset, "get_queryset() returns queryset.all(), a fresh queryset each time")

for name in ["ListAPIView", "CreateAPIView", "RetrieveAPIView", "UpdateAPIView", "DestroyAPIView", "ListCreateAPIView", "RetrieveUpdateAPIView", "RetrieveDestroyAPIView", "RetrieveUpdateDestroyAPIView"]:
    claim(issubclass(getattr(generics, name), generics.GenericAPIView), f"{name} is a concrete generic view")
claim(issubclass(viewsets.GenericViewSet, generics.GenericAPIView) and issubclass(viewsets.ViewSet, APIView), "GenericViewSet is on GenericAPIView, ViewSet on APIView")
