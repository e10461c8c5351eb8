"""170 OpenAPI schemas: drf-spectacular is not installable here, so this runs
DRF 3.18's built-in generator as the answer shows it: get_schema_view served
as YAML and JSON, generateschema, openapi 3.0.2, operationIds, components
named after serializers with required fields, no securitySchemes,
SerializerMethodField as string, duplicated-operationId warning, schema=None
exclusion, AutoSchema options, no CoreAPI, and no deprecation warning."""
from djqcheck import claim, create_tables, equal, no_warnings, setup, warns

setup(installed_apps=["rest_framework"])

import json

import yaml
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)
    isbn = models.CharField(max_length=13, blank=True)


create_tables()

from rest_framework import serializers, viewsets


class BookSerializer(serializers.ModelSerializer):
    shelf = serializers.SerializerMethodField()

    class Meta:
        model = Book
        fields = ["id", "title", "isbn", "shelf"]

    def get_shelf(self, obj) -> int:
        return 3


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer


# --- the answer's urls.py, verbatim (relative import dropped) ---
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from rest_framework.schemas import get_schema_view

router = DefaultRouter()
router.register("books", BookViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
    path(
        "api/schema/",
        get_schema_view(
            title="Library API", version="1.0.0", public=True
        ),
        name="openapi-schema",
    ),
]
# --- end ---

from rest_framework.test import APIClient

c = APIClient()
from djqcheck import raises
import importlib.util as _u

claim(_u.find_spec("inflection") is None, "inflection is not installed in the check environment")
with raises(AssertionError, "inflection", what="the built-in generator needs inflection (list operation ids are pluralised)"):
    c.get("/api/schema/")
# Scaffolding: a stand-in for inflection.pluralize (the real package gives the same "Books").
import types

import rest_framework.schemas.openapi as _openapi

_openapi.inflection = types.SimpleNamespace(pluralize=lambda w: w + "s")
with no_warnings(DeprecationWarning, "generating a schema emits no deprecation warning in 3.18"):
    r = c.get("/api/schema/")
equal((r.status_code, r["Content-Type"].split(";")[0]), (200, "application/vnd.oai.openapi"), "GET /api/schema/ returns YAML (application/vnd.oai.openapi)")
schema = yaml.safe_load(r.content)
equal(schema["openapi"], "3.0.2", "the built-in generator produces OpenAPI 3.0 ('3.0.2')")
equal((schema["info"]["title"], schema["info"]["version"]), ("Library API", "1.0.0"), "title and version from get_schema_view")
r = c.get("/api/schema/?format=openapi-json")
equal(json.loads(r.content), schema, "?format=openapi-json returns the same schema as JSON")

ops = {op["operationId"] for p in schema["paths"].values() for op in p.values()}
equal(ops, {"listBooks", "createBook", "retrieveBook", "updateBook", "partialUpdateBook", "destroyBook"},
      "operationIds are built from the action and the model name")
comp = schema["components"]["schemas"]
equal(list(comp), ["Book"], "the serializer becomes a component named without its Serializer suffix")
claim("title" in comp["Book"]["required"] and "isbn" not in comp["Book"]["required"], "required fields are listed (title yes, blank isbn no)")
equal(comp["Book"]["properties"]["shelf"].get("type"), "string", "a SerializerMethodField is typed as a plain string, even with an int return hint")
claim("securitySchemes" not in json.dumps(schema) and "security" not in schema, "the built-in schema has no securitySchemes")

# generateschema
import io

from django.core.management import call_command

out = io.StringIO()
call_command("generateschema", stdout=out)
equal(yaml.safe_load(out.getvalue())["paths"].keys(), schema["paths"].keys(), "./manage.py generateschema writes the same document (YAML)")
out = io.StringIO()
call_command("generateschema", "--format", "openapi-json", stdout=out)
claim(json.loads(out.getvalue())["openapi"] == "3.0.2", "--format openapi-json writes JSON")

# no CoreAPI left
import importlib.util
import pathlib

import rest_framework

src = "".join(p.read_text() for p in pathlib.Path(rest_framework.__file__).parent.rglob("*.py"))
claim("coreapi" not in src.lower(), "the CoreAPI-based generator is gone from the codebase")

# duplicated operationId warning; operation_id_base fixes it; schema=None excludes
from rest_framework.schemas.openapi import AutoSchema, SchemaGenerator


class OtherBooks(viewsets.ReadOnlyModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer


class Hidden(viewsets.ReadOnlyModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    schema = None


from django.urls import re_path  # noqa: F401
from rest_framework.routers import SimpleRouter

r2 = SimpleRouter()
r2.register("books", BookViewSet)
r2.register("old-books", OtherBooks, basename="old")
r2.register("hidden", Hidden, basename="hidden")
with warns(UserWarning, "duplicated operationId", what="two views on the same model produce the same operationId; DRF only warns"):
    s2 = SchemaGenerator(patterns=r2.urls).get_schema(public=True)
claim(not any(p.startswith("/hidden") for p in s2["paths"]), "schema = None on a view excludes it")

OtherBooks.schema = AutoSchema(tags=["books"], operation_id_base="OldBook", component_name="Book")
with no_warnings(UserWarning, "operation_id_base removes the clash"):
    s3 = SchemaGenerator(patterns=r2.urls).get_schema(public=True)
claim(s3["paths"]["/old-books/"]["get"]["operationId"] == "listOldBooks" and s3["paths"]["/old-books/"]["get"]["tags"] == ["books"],
      "AutoSchema(tags=..., operation_id_base=...) customises a view")

claim(importlib.util.find_spec("drf_spectacular") is None, "drf-spectacular is not installed here (its part is not run)")
