"""163 parsers, renderers, negotiation: the answer's CSVRenderer/PriceList
and format_suffix_patterns URLconf verbatim; request.data types per content
type, lazy 415/400, empty body, Accept / suffix / ?format= selection, 404
for an unknown format, 406 rendered with the first renderer, the CSV
content type, indent, the browsable API for browsers, TypeError for views
without format, request.body after multipart."""
from djqcheck import claim, equal, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's example, verbatim ---
import csv
import io

from django.urls import path
from rest_framework import parsers, renderers
from rest_framework.response import Response
from rest_framework.urlpatterns import format_suffix_patterns
from rest_framework.views import APIView

PRICES = [{"sku": "A1", "price": "9.90"}]


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None,
               renderer_context=None):
        rows = data if isinstance(data, list) else [data]
        out = io.StringIO()
        fields = list(rows[0]) if rows else []
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()


class PriceList(APIView):
    parser_classes = [parsers.JSONParser]
    renderer_classes = [renderers.JSONRenderer, CSVRenderer]

    def get(self, request, format=None):
        return Response(PRICES)

    def post(self, request, format=None):
        item = {
            "sku": request.data.get("sku"),
            "price": request.data.get("price"),
        }
        PRICES.append(item)
        return Response(item, status=201)


urlpatterns = format_suffix_patterns([
    path("prices/", PriceList.as_view()),
])
# --- end ---
from django.http import QueryDict
from rest_framework.decorators import api_view

SEEN = {}


@api_view(["POST"])
def echo(request):
    SEEN["type"] = type(request.data)
    SEEN["data"] = request.data
    SEEN["files"] = list(request.data.keys())
    if request.query_params.get("body"):
        try:
            request.body
            SEEN["body"] = "ok"
        except Exception as e:
            SEEN["body"] = type(e).__name__
    return Response({"ok": True})


@api_view(["POST"])
def ignores_body(request):
    return Response({"ok": True})


class NoFormat(APIView):
    def get(self, request):
        return Response({})


urlpatterns += [path("echo/", echo), path("ignore/", ignores_body)]
urlpatterns += format_suffix_patterns([path("nofmt/", NoFormat.as_view())])

from rest_framework.settings import api_settings
from rest_framework.test import APIClient

equal([c.__name__ for c in api_settings.DEFAULT_PARSER_CLASSES], ["JSONParser", "FormParser", "MultiPartParser"], "default parsers")
equal([c.__name__ for c in api_settings.DEFAULT_RENDERER_CLASSES], ["JSONRenderer", "BrowsableAPIRenderer"], "default renderers")

c = APIClient(raise_request_exception=False)
# request.data per content type
c.post("/echo/", {"a": 1}, format="json")
equal((SEEN["type"], SEEN["data"]), (dict, {"a": 1}), "JSON gives a dict")
c.post("/echo/", [1, 2], format="json")
equal(SEEN["data"], [1, 2], "JSON may give a list")
c.post("/echo/", "a=1&a=2", content_type="application/x-www-form-urlencoded")
claim(isinstance(SEEN["data"], QueryDict) and SEEN["data"].getlist("a") == ["1", "2"], "form data gives a QueryDict with getlist()")
from django.core.files.uploadedfile import SimpleUploadedFile

c.post("/echo/?body=1", {"f": SimpleUploadedFile("x.txt", b"hi"), "n": "1"}, format="multipart")
claim(isinstance(SEEN["data"], QueryDict) and "f" in SEEN["files"], "multipart: a QueryDict with the files in request.data")
equal(SEEN["body"], "RawPostDataException", "request.body after a multipart request.data fails")
r = c.post("/echo/", "hello", content_type="text/plain")
equal((r.status_code, r.json()), (415, {"detail": 'Unsupported media type "text/plain" in request.'}), "an unparsed content type is a 415")
r = c.post("/ignore/", "hello", content_type="text/plain")
equal(r.status_code, 200, "a view that never reads request.data never raises 415")
r = c.post("/echo/", "{bad", content_type="application/json")
claim(r.status_code == 400 and r.json()["detail"].startswith("JSON parse error - "), "malformed JSON is 400 'JSON parse error - ...'")
c.generic("POST", "/echo/")
equal(SEEN["data"], {}, "a request without a body gives empty data")

# negotiation
r = c.get("/prices/")
equal((r.status_code, r["Content-Type"]), (200, "application/json"), "plain /prices/ returns application/json")
r = c.get("/prices/", HTTP_ACCEPT="*/*")
equal(r["Content-Type"], "application/json", "Accept */* picks the first renderer")
r = c.get("/prices/", HTTP_ACCEPT="text/csv")
equal((r["Content-Type"], r.content.decode().splitlines()), ("text/csv; charset=utf-8", ["sku,price", "A1,9.90"]), "Accept: text/csv returns sku,price rows as text/csv; charset=utf-8")
r = c.get("/prices.csv")
equal(r["Content-Type"], "text/csv; charset=utf-8", "/prices.csv returns CSV")
r = c.get("/prices/?format=csv")
equal(r["Content-Type"], "text/csv; charset=utf-8", "?format=csv returns CSV")
equal(c.get("/prices.xml").status_code, 404, "an unknown format suffix is a 404")
equal(c.get("/prices/?format=xml").status_code, 404, "an unknown ?format= is a 404")
r = c.get("/prices/", HTTP_ACCEPT="application/xml")
equal((r.status_code, r["Content-Type"], r.json()), (406, "application/json", {"detail": "Could not satisfy the request Accept header."}), "406, rendered with the first renderer")
r = c.get("/prices.csv", HTTP_ACCEPT="application/json")
equal(r.status_code, 406, "/prices.csv with Accept: application/json is 406")
r = c.post("/prices/", "sku=B2", content_type="application/x-www-form-urlencoded")
equal(r.status_code, 415, "a form-encoded POST is 415 with only JSONParser")
r = c.post("/prices/", {"sku": "B2", "price": "1.00"}, format="json")
equal(r.status_code, 201, "a JSON POST works")
r = c.get("/prices/", HTTP_ACCEPT="application/json; indent=4")
claim(b'\n    {' in r.content, "JSONRenderer honours indent in Accept")
r = c.get("/prices/")
claim(b"\n" not in r.content and b'", "' not in r.content, "compact output otherwise")

# the browsable API for browsers (default renderers)
r = c.get("/echo/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
claim(r["Content-Type"].startswith("text/html"), "browsers get the browsable API")

# the custom renderer gets error bodies
r = c.get("/prices.csv", HTTP_ACCEPT="text/csv")
equal(r.status_code, 200, "suffix and matching Accept")

with raises(TypeError, "format", what="a view without format=None raises TypeError on the suffixed URL"):
    APIClient().get("/nofmt.json")
equal(APIClient().get("/nofmt/").status_code, 200, "the unsuffixed URL works")

from rest_framework.routers import DefaultRouter, SimpleRouter

claim(DefaultRouter.include_format_suffixes and not getattr(SimpleRouter, "include_format_suffixes", False), "DefaultRouter adds suffix patterns, SimpleRouter does not")

# CSV renderer copes with an error dict
out = CSVRenderer().render({"detail": "Not found."})
equal(out.splitlines(), ["detail", "Not found."], "the CSV renderer writes an error dict as one row")

# within equal precedence the renderer order wins, not the order in Accept
r = c.get("/prices/", HTTP_ACCEPT="text/csv, application/json")
equal(r["Content-Type"], "application/json", "equal precedence: renderer_classes order decides")
r = c.get("/prices/", HTTP_ACCEPT="text/*, application/json")
equal(r["Content-Type"], "application/json", "more specific media types first")
