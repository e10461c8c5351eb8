"""196 common exceptions: the status the test client sees for each one
escaping a view (DEBUG off and on), the class hierarchy, DoesNotExist's
message, get_object_or_404 and MultipleObjectsReturned, the security
logger, ImproperlyConfigured from ListView, DRF's handler."""
import logging

from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework"], templates={})

from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)
    is_private = models.BooleanField(default=False)


# --- the answer's view, as written (minus the relative import) ---
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse


def book_detail(request, pk):
    try:
        book = Book.objects.get(pk=pk)
    except Book.DoesNotExist:
        raise Http404("No such book")
    if book.is_private and not request.user.is_staff:
        raise PermissionDenied
    return HttpResponse(book.title)
# --- end ---

from django.core import exceptions as ex
from django.shortcuts import get_object_or_404
from django.urls import path
from django.views.generic import ListView


def raw_get(request, pk):
    return HttpResponse(Book.objects.get(pk=pk).title)


def by_title(request, title):
    return HttpResponse(get_object_or_404(Book, title=title).title)


def raise_(exc):
    def view(request):
        raise exc

    return view


from rest_framework.decorators import api_view


@api_view(["GET"])
def drf_view(request, kind):
    raise {"404": Http404(), "403": PermissionDenied(), "val": ex.ValidationError("bad")}[kind]


urlpatterns = [
    path("book/<int:pk>/", book_detail),
    path("raw/<int:pk>/", raw_get),
    path("title/<str:title>/", by_title),
    path("validation/", raise_(ex.ValidationError("bad"))),
    path("suspicious/", raise_(ex.SuspiciousFileOperation("outside storage"))),
    path("badrequest/", raise_(ex.BadRequest("malformed"))),
    path("improper/", raise_(ex.ImproperlyConfigured("oops"))),
    path("multi/", raise_(Book.MultipleObjectsReturned("two"))),
    path("list/", ListView.as_view()),
    path("api/<str:kind>/", drf_view),
]

create_tables()
pub = Book.objects.create(title="Public")
priv = Book.objects.create(title="Secret", is_private=True)
Book.objects.create(title="Twin")
Book.objects.create(title="Twin")

# Hierarchy.
claim(issubclass(Book.DoesNotExist, ex.ObjectDoesNotExist), "every model's DoesNotExist subclasses ObjectDoesNotExist")
claim(issubclass(Book.MultipleObjectsReturned, ex.MultipleObjectsReturned), "... and MultipleObjectsReturned the core one")
with raises(Book.DoesNotExist, r"^Book matching query does not exist\.$", what="'Book matching query does not exist.'"):
    Book.objects.get(pk=999)
with raises(Book.MultipleObjectsReturned, what="get() matching two rows raises MultipleObjectsReturned"):
    Book.objects.get(title="Twin")
equal(Book.objects.filter(pk=999).first(), None, "first() returns None")
claim(issubclass(ex.DisallowedHost, ex.SuspiciousOperation) and issubclass(ex.TooManyFieldsSent, ex.SuspiciousOperation)
      and issubclass(ex.SuspiciousFileOperation, ex.SuspiciousOperation), "DisallowedHost, TooManyFieldsSent, SuspiciousFileOperation are SuspiciousOperations")
claim(not issubclass(ex.BadRequest, ex.SuspiciousOperation), "BadRequest is separate from SuspiciousOperation")

# RelatedObjectDoesNotExist: both DoesNotExist and AttributeError.
from django.contrib.auth.models import User


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE)


create_tables()
u = User.objects.create(username="ann")
with raises(Profile.DoesNotExist, what="a missing reverse one-to-one raises the related model's DoesNotExist") as box:
    u.profile
claim(isinstance(box[0], AttributeError) and type(box[0]).__name__ == "RelatedObjectDoesNotExist", "RelatedObjectDoesNotExist is also an AttributeError")

from django.test import Client, override_settings

c = Client(raise_request_exception=False)
equal(c.get("/book/%d/" % pub.pk).status_code, 200, "the view works")
equal(c.get("/book/999/").status_code, 404, "Http404 -> 404")
r = c.get("/book/%d/" % priv.pk)
equal(r.status_code, 403, "PermissionDenied -> 403")
claim(b"403 Forbidden" in r.content, "rendered by handler403")
equal(c.get("/raw/999/").status_code, 500, "DoesNotExist escaping a view -> 500")
equal(c.get("/title/Twin/").status_code, 500, "get_object_or_404 does not convert MultipleObjectsReturned: 500")
equal(c.get("/title/Nope/").status_code, 404, "get_object_or_404 converts DoesNotExist to 404")
equal(c.get("/multi/").status_code, 500, "MultipleObjectsReturned -> 500")
equal(c.get("/validation/").status_code, 500, "ValidationError escaping a view -> 500")
equal(c.get("/improper/").status_code, 500, "ImproperlyConfigured in a request -> 500")
r = c.get("/badrequest/")
equal(r.status_code, 400, "BadRequest -> 400")
claim(b"Bad Request (400)" in r.content, "rendered by handler400")

# SuspiciousOperation: 400, logged to django.security.<ClassName>, not django.request.
records = []


class Grab(logging.Handler):
    def emit(self, record):
        records.append(record.name)


h = Grab()
logging.getLogger("django").addHandler(h)
logging.getLogger("django").setLevel(logging.DEBUG)
equal(c.get("/suspicious/").status_code, 400, "SuspiciousOperation -> 400")
claim("django.security.SuspiciousFileOperation" in records, "logged to django.security.SuspiciousFileOperation")
claim("django.request" not in records, "... not to django.request")
records.clear()
equal(c.get("/book/1/", headers={"host": "evil.example"}).status_code, 400, "a bad Host header -> 400")
claim("django.security.DisallowedHost" in records, "logged to django.security.DisallowedHost")
records.clear()
c.get("/badrequest/")
claim(not any(n.startswith("django.security") for n in records), "BadRequest is not logged to django.security")

# ImproperlyConfigured from a ListView without model/queryset.
with raises(ex.ImproperlyConfigured, "missing a QuerySet", what="ListView without model or queryset raises ImproperlyConfigured"):
    Client().get("/list/")

# The test client re-raises 500s by default.
with raises(Book.DoesNotExist, what="the test client re-raises a 500's exception"):
    Client().get("/raw/999/")

# got_request_exception is sent for a 500, not for a 404.
from django.core.signals import got_request_exception

sent = []
got_request_exception.connect(lambda **kw: sent.append(1), weak=False)
c.get("/book/999/")
equal(sent, [], "no got_request_exception for a 404")
c.get("/raw/999/")
equal(sent, [1], "a 500 sends got_request_exception")

# DEBUG = True.
with override_settings(DEBUG=True):
    r = c.get("/book/999/")
    equal(r.status_code, 404, "DEBUG: still 404")
    claim(b"Page not found" in r.content and b"URLconf" in r.content, "DEBUG: technical 404 page listing the URL patterns")
    r = c.get("/badrequest/")
    claim(r.status_code == 400 and b"Traceback" in r.content, "DEBUG: BadRequest shows the debug page with status 400")
    r = c.get("/raw/999/")
    claim(r.status_code == 500 and b"Traceback" in r.content, "DEBUG: a 500 shows the debug page")
    r = c.get("/book/%d/" % priv.pk)
    claim(r.status_code == 403 and b"Traceback" not in r.content and b"403 Forbidden" in r.content, "DEBUG: a 403 still goes through handler403")

# DRF.
equal(c.get("/api/404/").status_code, 404, "DRF turns Http404 into 404")
equal(c.get("/api/403/").json(), {"detail": "You do not have permission to perform this action."}, "DRF turns PermissionDenied into a JSON 403")
equal(c.get("/api/val/").status_code, 500, "DRF does not handle Django's ValidationError: 500")
