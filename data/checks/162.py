"""162 @api_view: the answer's notes and ping views run through APIClient:
allowed methods, 405 body, OPTIONS added, GET-only default, request.data /
query_params, 201/400, 403 for anonymous with the default authentication
list and 401 when Basic comes first, the 429 throttle, decorator order
TypeError, Response without @api_view, bare @api_view."""
from djqcheck import claim, equal, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's first example, verbatim ---
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

NOTES = {}


@api_view(["GET", "POST"])
@permission_classes([IsAuthenticated])
def notes(request):
    if request.method == "POST":
        text = request.data.get("text", "").strip()
        if not text:
            return Response(
                {"text": ["This field is required."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        note_id = len(NOTES) + 1
        NOTES[note_id] = text
        return Response(
            {"id": note_id, "text": text},
            status=status.HTTP_201_CREATED,
        )
    limit = int(request.query_params.get("limit", 10))
    items = [{"id": k, "text": v} for k, v in NOTES.items()]
    return Response(items[:limit])


# --- the answer's second example, verbatim ---
from rest_framework.decorators import (
    api_view, permission_classes, throttle_classes,
)
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle


class TwoPerMinute(AnonRateThrottle):
    rate = "2/min"


@api_view(["GET"])
@permission_classes([AllowAny])
@throttle_classes([TwoPerMinute])
def ping(request):
    return Response({"pong": True})
# --- end ---


@api_view()
def default_get(request):
    return Response({"ok": True})


from rest_framework.authentication import BasicAuthentication, SessionAuthentication
from rest_framework.decorators import authentication_classes


@api_view(["GET"])
@authentication_classes([BasicAuthentication, SessionAuthentication])
@permission_classes([IsAuthenticated])
def basic_first(request):
    return Response({})


def plain(request):
    return Response({"x": 1})


@api_view
def bare(request):
    return Response({})


from django.urls import path

urlpatterns = [
    path("notes/", notes),
    path("ping/", ping),
    path("default/", default_get),
    path("basic/", basic_first),
    path("plain/", plain),
    path("bare/", bare),
]

from django.contrib.auth.models import User
from rest_framework.test import APIClient

from djqcheck import create_tables

create_tables()
anon = APIClient()
r = anon.get("/notes/")
equal(r.status_code, 403, "anonymous gets 403 when SessionAuthentication comes first (the default list)")
r = anon.get("/basic/")
equal(r.status_code, 401, "401 when the first authentication class offers a WWW-Authenticate challenge (Basic)")
claim(r.headers.get("WWW-Authenticate", "").startswith("Basic"), "the 401 carries the WWW-Authenticate challenge")

c = APIClient()
c.force_authenticate(User.objects.create_user("ann"))
r = c.post("/notes/", {"text": "  hello "}, format="json")
equal((r.status_code, r.json()), (201, {"id": 1, "text": "hello"}), "POST JSON -> 201 with request.data parsed")
r = c.post("/notes/", {"text": "form body"})  # multipart
equal(r.status_code, 201, "request.data holds multipart/form data too")
r = c.post("/notes/", {}, format="json")
equal((r.status_code, r.json()), (400, {"text": ["This field is required."]}), "missing text -> 400")
r = c.get("/notes/?limit=1")
equal(r.json(), [{"id": 1, "text": "hello"}], "query_params drives the limit")
r = c.delete("/notes/")
equal((r.status_code, r.json()), (405, {"detail": 'Method "DELETE" not allowed.'}), "a method not listed gets 405 with that detail")
r = c.options("/notes/")
equal(r.status_code, 200, "OPTIONS is always added")
claim("OPTIONS" in r.headers["Allow"] and "POST" in r.headers["Allow"], "the Allow header lists the methods plus OPTIONS")
equal(c.get("/default/").status_code, 200, "@api_view() allows GET")
equal(c.post("/default/").status_code, 405, "@api_view() accepts only GET")

codes = [anon.get("/ping/").status_code for _ in range(3)]
equal(codes, [200, 200, 429], "a third call to ping within a minute gets 429")

with raises(TypeError, "must come after", what="a policy decorator above @api_view raises TypeError"):
    @permission_classes([AllowAny])
    @api_view(["GET"])
    def wrong(request):
        return Response({})

with raises(AssertionError, "accepted_renderer not set on Response", what="Response without @api_view cannot render"):
    c.get("/plain/")
with raises(AssertionError, "@api_view missing list of allowed HTTP methods", what="bare @api_view fails on the first request"):
    c.get("/bare/")

# malformed JSON -> 400 when request.data is touched
r = c.post("/notes/", "{bad", content_type="application/json")
equal(r.status_code, 400, "a malformed JSON body becomes a 400")

# CSRF: exempt as a Django view, enforced by SessionAuthentication for a logged-in session
User.objects.create_user("bob", password="pw")
sc = APIClient(enforce_csrf_checks=True)
claim(sc.login(username="bob", password="pw"), "login")
r = sc.post("/notes/", {"text": "x"}, format="json")
equal(r.status_code, 403, "SessionAuthentication enforces CSRF for a logged-in session")
claim("CSRF" in r.json()["detail"], "the 403 is a CSRF failure")

import rest_framework.decorators as d

for name in ["authentication_classes", "renderer_classes", "parser_classes", "throttle_scope", "content_negotiation_class", "metadata_class", "versioning_class", "schema"]:
    claim(callable(getattr(d, name, None)), f"there is a @{name} decorator")
from django.views.decorators.csrf import csrf_exempt

claim(getattr(notes, "csrf_exempt", False), "the view is CSRF-exempt as a Django view")
