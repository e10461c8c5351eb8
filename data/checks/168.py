"""168 DRF exception handling: the default handler's bodies and statuses
(APIException subclasses, Http404 with get_object_or_404's message, Django's
PermissionDenied, string vs list/dict detail, WWW-Authenticate, Retry-After,
rollback under ATOMIC_REQUESTS), None -> a real 500 with
got_request_exception, then the answer's api_exception_handler and Conflict
verbatim via EXCEPTION_HANDLER; DRF's server_error JSON handler500."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(
    installed_apps=["rest_framework"],
    REST_FRAMEWORK={"EXCEPTION_HANDLER": "djqcheck.models.handler_in_use"},
)

# --- the answer's handler, verbatim ---
# api/exceptions.py
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.views import exception_handler


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The resource was modified by someone else."
    default_code = "conflict"


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # unexpected error: let Django log it and return 500

    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        detail = data["detail"]
        error = {
            "code": getattr(detail, "code", "error"),
            "message": str(detail),
            "fields": {},
        }
    else:
        # validation errors: a dict of fields or a list
        if isinstance(data, list):
            data = {"non_field_errors": data}
        error = {
            "code": "invalid",
            "message": "Invalid input.",
            "fields": data,
        }
    response.data = {"error": error}
    return response
# --- end ---

USE_CUSTOM = [False]
CONTEXTS = []


def handler_in_use(exc, context):
    CONTEXTS.append(context)
    return (api_exception_handler if USE_CUSTOM[0] else exception_handler)(exc, context)


from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes, throttle_classes, authentication_classes
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.authentication import BasicAuthentication


class Book(models.Model):
    title = models.CharField(max_length=100)


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title"]


@api_view(["GET", "POST"])
def book(request, pk=None):
    if request.method == "POST":
        s = BookSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        s.save()
        return Response(s.data, status=201)
    return Response(BookSerializer(get_object_or_404(Book, pk=pk)).data)


@api_view(["GET"])
def boom(request, kind):
    if kind == "django403":
        raise DjangoPermissionDenied("Not your book.")
    if kind == "string":
        raise ValidationError("Too late")
    if kind == "conflict":
        raise Conflict()
    if kind == "key":
        raise KeyError("x")
    if kind == "djangoval":
        raise DjangoValidationError({"title": ["bad"]})
    if kind == "write":
        Book.objects.create(title="rolled back?")
        raise ValidationError("after a write")


class Once(AnonRateThrottle):
    rate = "1/min"


@api_view(["GET"])
@permission_classes([AllowAny])
@throttle_classes([Once])
def throttled(request):
    return Response({})


@api_view(["GET"])
@authentication_classes([BasicAuthentication])
@permission_classes([IsAuthenticated])
def secret(request):
    return Response({})


from django.http import JsonResponse
from django.urls import path


def plain(request):
    raise KeyError("plain view")


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def session_secret(request):
    return Response({})


urlpatterns = [
    path("sessionsecret/", session_secret),
    path("books/", book),
    path("books/<int:pk>/", book),
    path("boom/<str:kind>/", boom),
    path("throttled/", throttled),
    path("secret/", secret),
    path("plain/", plain),
]
handler500 = "rest_framework.exceptions.server_error"

create_tables()
from rest_framework.test import APIClient

c = APIClient(raise_request_exception=False)

# --- default handler ---
r = c.get("/books/99/")
equal((r.status_code, r.json()), (404, {"detail": "No Book matches the given query."}), "get_object_or_404 -> 404 {'detail': 'No Book matches the given query.'}")
r = c.get("/boom/django403/")
equal((r.status_code, r.json()), (403, {"detail": "Not your book."}), "Django's PermissionDenied -> DRF's, keeping its message")
r = c.get("/boom/string/")
equal((r.status_code, r.json()), (400, ["Too late"]), "raise ValidationError('Too late') gives ['Too late']")
r = c.post("/books/", {}, format="json")
equal((r.status_code, r.json()), (400, {"title": ["This field is required."]}), "serializer errors are the body as a dict")
r = c.get("/boom/conflict/")
equal((r.status_code, r.json()), (409, {"detail": "The resource was modified by someone else."}), "an APIException subclass keeps its status_code")
r = c.get("/secret/")
equal(r.status_code, 401, "401 for missing credentials with Basic auth")
claim("WWW-Authenticate" in r.headers, "the handler adds WWW-Authenticate for 401")
c.get("/throttled/")
r = c.get("/throttled/")
equal(r.status_code, 429, "Throttled is 429")
claim(r.headers.get("Retry-After", "").isdigit(), "the handler adds Retry-After for throttling")
equal(c.delete("/books/").status_code, 405, "MethodNotAllowed is 405")

from django.core.signals import got_request_exception

SIGNALS = []
got_request_exception.connect(lambda **kw: SIGNALS.append(kw), weak=False)
r = c.get("/boom/key/")
equal(r.status_code, 500, "an unhandled KeyError becomes a 500")
equal(len(SIGNALS), 1, "the 500 fires got_request_exception")
r = c.get("/boom/djangoval/")
equal(r.status_code, 500, "Django's ValidationError is not converted: 500")
with raises(KeyError, what="the exception propagates out of the DRF view (the default handler returned None)"):
    APIClient().get("/boom/key/")
ctx = CONTEXTS[-1]
equal(sorted(ctx), ["args", "kwargs", "request", "view"], "context holds view, args, kwargs and request")

# rollback under ATOMIC_REQUESTS
from django.db import connection

connection.settings_dict["ATOMIC_REQUESTS"] = True
r = c.get("/boom/write/")
equal(r.status_code, 400, "handled error under ATOMIC_REQUESTS")
equal(Book.objects.filter(title="rolled back?").count(), 0, "the default handler marks the transaction for rollback")
connection.settings_dict["ATOMIC_REQUESTS"] = False

# handler500 from DRF for plain views
r = c.get("/plain/")
equal((r.status_code, r.json()), (500, {"error": "Server Error (500)"}), "handler500 = rest_framework.exceptions.server_error returns JSON")

# --- the answer's custom handler ---
USE_CUSTOM[0] = True
r = c.get("/books/99/")
equal((r.status_code, r.json()), (404, {"error": {"code": "not_found", "message": "No Book matches the given query.", "fields": {}}}), "custom envelope for a missing object")
r = c.get("/boom/conflict/")
equal((r.status_code, r.json()["error"]["code"]), (409, "conflict"), "raise Conflict() answers 409 with code conflict")
r = c.post("/books/", {}, format="json")
equal((r.status_code, r.json()), (400, {"error": {"code": "invalid", "message": "Invalid input.", "fields": {"title": ["This field is required."]}}}), "validation errors go under fields")
r = c.get("/boom/string/")
equal(r.json()["error"]["fields"], {"non_field_errors": ["Too late"]}, "a list detail goes under non_field_errors")
r = c.get("/secret/")
equal((r.status_code, r.json()["error"]["code"]), (401, "not_authenticated"), "headers and status are kept; code comes from ErrorDetail.code")
claim("WWW-Authenticate" in r.headers, "calling the default handler keeps WWW-Authenticate")
r = c.get("/boom/key/")
equal(r.status_code, 500, "the custom handler lets unknown exceptions become a 500")

# returning a JSON 500 from the handler hides the exception from Django
def swallow(exc, context):
    return exception_handler(exc, context) or Response({"error": "oops"}, status=500)


USE_CUSTOM[0] = False
SIGNALS.clear()
from rest_framework.views import APIView

orig = APIView.get_exception_handler
APIView.get_exception_handler = lambda self: swallow
r = c.get("/boom/key/")
APIView.get_exception_handler = orig
equal(r.status_code, 500, "a handler can return a JSON 500")
equal(SIGNALS, [], "then got_request_exception does not fire")

# the 401/403 choice is made in handle_exception() before the handler runs
SEEN = []


def recorder(exc, context):
    SEEN.append((exc.status_code, getattr(exc, "auth_header", None)))
    return exception_handler(exc, context)


APIView.get_exception_handler = lambda self: recorder
try:
    r1 = c.get("/secret/")
    r2 = c.get("/sessionsecret/")
finally:
    APIView.get_exception_handler = orig
equal((r1.status_code, r2.status_code), (401, 403), "Basic first -> 401, Session first -> 403")
claim(SEEN[0][0] == 401 and SEEN[0][1] and SEEN[0][1].startswith("Basic"), "the handler already receives status 401 and auth_header for Basic")
equal(SEEN[1], (403, None), "and status 403 without auth_header for Session: the coercion happened before the handler")
