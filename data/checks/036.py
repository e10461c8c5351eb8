"""036 HttpRequest/HttpResponse: the answer's echo view through the test
client (GET query, JSON POST 201, bad JSON 400, other methods 405), JSON not
in request.POST, QueryDict immutability/getlist, headers, response.text and
the status codes of the subclasses."""
from djqcheck import claim, equal, raises, setup, since

setup()

# --- the answer's code, verbatim ---
import json

from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    JsonResponse,
)


def echo(request):
    if request.method == "GET":
        name = request.GET.get("name", "world")
        response = HttpResponse(
            f"Hello, {name}", content_type="text/plain"
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    if request.method == "POST":
        try:
            data = json.loads(request.body)
        except json.JSONDecodeError:
            return HttpResponseBadRequest("Body must be JSON")
        return JsonResponse({"received": data}, status=201)

    return HttpResponseNotAllowed(["GET", "POST"])
# --- end ---

seen = {}


def inspect(request):
    seen.update(
        post=dict(request.POST), ua=request.headers["user-agent"], meta=request.META["HTTP_USER_AGENT"],
        user=request.user.__class__.__name__, tags=request.GET.getlist("tag"), get=request.GET,
        match=request.resolver_match.url_name,
    )
    return HttpResponse("ok")


from django.urls import path

urlpatterns = [path("echo/", echo), path("inspect/", inspect, name="inspect")]

from django.test import Client

c = Client()
r = c.get("/echo/", {"name": "Ann"})
equal((r.status_code, r.content, r["Content-Type"], r["Cache-Control"]),
      (200, b"Hello, Ann", "text/plain", "no-store"), "GET reads the query string and sets a header")
equal(c.get("/echo/").content, b"Hello, world", "GET.get() falls back to the default")
r = c.post("/echo/", {"a": 1}, content_type="application/json")
equal((r.status_code, r.json()), (201, {"received": {"a": 1}}), "a JSON POST is decoded from request.body")
r = c.post("/echo/", "not json", content_type="application/json")
equal((r.status_code, r.content), (400, b"Body must be JSON"), "bad JSON gives a 400")
r = c.put("/echo/")
equal((r.status_code, r["Allow"]), (405, "GET, POST"), "other methods get HttpResponseNotAllowed (405)")

c.post("/inspect/?tag=a&tag=b", {"x": 1}, content_type="application/json", headers={"User-Agent": "UA/1"})
equal(seen["post"], {}, "a JSON body never shows up in request.POST")
equal((seen["ua"], seen["meta"]), ("UA/1", "UA/1"), "request.headers is case-insensitive; META has HTTP_USER_AGENT")
equal(seen["tags"], ["a", "b"], "getlist() reads several values per key")
equal(seen["user"], "AnonymousUser", "request.user is an AnonymousUser when nobody is logged in")
equal(seen["match"], "inspect", "resolver_match tells which pattern matched")
with raises(AttributeError, "immutable", what="request.GET is immutable during a request"):
    seen["get"]["tag"] = "c"
m = seen["get"].copy()
m["tag"] = "c"
equal(m["tag"], "c", ".copy() gives a mutable QueryDict")

from django.http import (
    HttpRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)

equal(
    [HttpResponseRedirect("/").status_code, HttpResponsePermanentRedirect("/").status_code,
     HttpResponseBadRequest().status_code, HttpResponseForbidden().status_code,
     HttpResponseNotFound().status_code, HttpResponseNotAllowed(["GET"]).status_code],
    [302, 301, 400, 403, 404, 405],
    "the subclasses set 302, 301, 400, 403, 404, 405",
)
equal(HttpResponse("héllo").text, "héllo", "response.text decodes the body (5.2+)")
claim(hasattr(HttpRequest, "get_preferred_type") and hasattr(HttpRequest, "accepts"), "accepts() and get_preferred_type() (5.2+)")
req = HttpRequest()
req.META = {"HTTP_ACCEPT": "text/html, application/json;q=0.5"}
equal(req.get_preferred_type(["application/json", "text/html"]), "text/html", "get_preferred_type() negotiates")

long_url = "/" + "a" * 20000  # over the 16384-character limit
if since(6, 1):
    HttpResponseRedirect(long_url, max_length=None)  # 6.1: the limit can be changed
from django.core.exceptions import DisallowedRedirect

with raises(DisallowedRedirect, what="redirect URLs have a maximum length"):
    HttpResponseRedirect(long_url)

from django.http.multipartparser import MultiPartParser

if since(6, 1):
    equal(HttpRequest().multipart_parser_class, MultiPartParser, "6.1: request.multipart_parser_class defaults to MultiPartParser")
else:
    claim(not hasattr(HttpRequest, "multipart_parser_class"), "multipart_parser_class is new in 6.1")
