"""138 DRF versioning: URLPathVersioning sets request.version, the view picks
a serializer per version, v1 responses carry Deprecation/Sunset headers, a
version outside ALLOWED_VERSIONS is 404 (406 for the Accept header), no
versioning class means request.version is None, DRF's reverse keeps the version."""
from djqcheck import claim, create_tables, equal, setup

setup(
    installed_apps=["rest_framework"],
    REST_FRAMEWORK={
        "DEFAULT_VERSIONING_CLASS":
            "rest_framework.versioning.URLPathVersioning",
        "DEFAULT_VERSION": "v2",
        "ALLOWED_VERSIONS": ["v1", "v2"],
        "VERSION_PARAM": "version",  # the default
    },
)

from django.db import models
from django.urls import path
from rest_framework import generics, serializers, versioning
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView


class Product(models.Model):
    name = models.CharField(max_length=50)
    price = models.IntegerField()


class ProductSerializerV1(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name"]


class ProductSerializerV2(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name", "price"]


# --- the answer's view, as written ---
class ProductList(generics.ListAPIView):
    queryset = Product.objects.order_by("id")

    def get_serializer_class(self):
        if self.request.version == "v1":
            return ProductSerializerV1
        return ProductSerializerV2

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(
            request, response, *args, **kwargs)
        # version is unset if negotiation itself failed (404)
        if getattr(request, "version", None) == "v1":
            # deprecated since 2026-07-01, removed on 2027-01-01
            response["Deprecation"] = "@1782864000"
            response["Sunset"] = "Fri, 01 Jan 2027 00:00:00 GMT"
        return response
# --- end ---


seen = {}


class Probe(ProductList):
    def finalize_response(self, request, response, *args, **kwargs):
        seen["has_version"] = hasattr(request, "version")
        return super().finalize_response(request, response, *args, **kwargs)


class Links(APIView):
    def get(self, request, version):
        return Response({"self": reverse("product-list", request=request), "version": request.version})


class Plain(APIView):
    versioning_class = None

    def get(self, request):
        return Response({"version": request.version})


class AcceptView(APIView):
    versioning_class = versioning.AcceptHeaderVersioning

    def get(self, request):
        return Response({"version": request.version})


class QueryView(APIView):
    versioning_class = versioning.QueryParameterVersioning

    def get(self, request):
        return Response({"version": request.version})


urlpatterns = [
    path("api/<str:version>/products/", ProductList.as_view(), name="product-list"),
    path("api/<str:version>/links/", Links.as_view()),
    path("plain/", Plain.as_view()),
    path("probe/<str:version>/", Probe.as_view()),
    path("accept/", AcceptView.as_view()),
    path("query/", QueryView.as_view()),
]

create_tables()
Product.objects.create(name="Pen", price=3)

from django.test import Client

c = Client()
r = c.get("/api/v1/products/")
equal(r.status_code, 200, "v1 is allowed")
equal(list(r.json()[0]), ["id", "name"], "request.version == 'v1' picks the v1 serializer")
equal(r["Deprecation"], "@1782864000", "v1 responses carry a Deprecation header")
equal(r["Sunset"], "Fri, 01 Jan 2027 00:00:00 GMT", "and a Sunset HTTP date")
import datetime

equal(datetime.datetime.fromtimestamp(1782864000, datetime.UTC).date(), datetime.date(2026, 7, 1), "@1782864000 is 2026-07-01")
r = c.get("/api/v2/products/")
equal(list(r.json()[0]), ["id", "name", "price"], "v2 gets the v2 serializer")
claim("Deprecation" not in r, "v2 is not marked deprecated")
r = c.get("/api/v3/products/")
equal(r.status_code, 404, "a version outside ALLOWED_VERSIONS is 404 for URL-based schemes")
claim("Deprecation" not in r, "finalize_response survives the failed negotiation (getattr default)")
equal(c.get("/plain/").json(), {"version": None}, "without a versioning class request.version is None")
equal(c.get("/accept/", HTTP_ACCEPT="application/json; version=v2").json(), {"version": "v2"}, "AcceptHeaderVersioning reads the media type parameter")
equal(c.get("/accept/", HTTP_ACCEPT="application/json; version=v9").status_code, 406, "an unknown Accept-header version is 406")
equal(c.get("/query/?version=v1").json(), {"version": "v1"}, "QueryParameterVersioning reads ?version=")
r = c.get("/api/v1/links/").json()
equal(r, {"self": "http://testserver/api/v1/products/", "version": "v1"}, "rest_framework.reverse keeps the request's version in links")
c.get("/probe/v9/")
equal(seen, {"has_version": False}, "request.version is unset when negotiation itself failed")
