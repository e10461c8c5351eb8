"""169 testing a DRF API: the answer's NoteViewSet and NoteApiTests run with
unittest; format="json" vs the multipart default; force_authenticate(None);
credentials() with a token; CSRF not enforced unless asked; APIRequestFactory
with force_authenticate and an unrendered response."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework", "rest_framework.authtoken"])

from django.contrib.auth.models import User
from django.db import models


class Note(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    title = models.CharField(max_length=100)
    tags = models.JSONField(default=list)


create_tables()

# --- the answer's API, verbatim (relative import dropped) ---
from rest_framework import permissions, serializers, viewsets


class NoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Note
        fields = ["id", "title", "tags"]


class NoteViewSet(viewsets.ModelViewSet):
    serializer_class = NoteSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Note.objects.filter(owner=self.request.user)

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
# --- end ---

from django.urls import include, path
from rest_framework.routers import DefaultRouter

router = DefaultRouter()
router.register("notes", NoteViewSet, basename="note")
urlpatterns = [path("", include(router.urls))]

# --- the answer's test case, verbatim ---
from django.contrib.auth.models import User
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APITestCase


class NoteApiTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ann = User.objects.create_user("ann", password="pw")
        cls.bob = User.objects.create_user("bob", password="pw")

    def test_anonymous_is_rejected(self):
        response = self.client.get(reverse("note-list"))
        self.assertEqual(response.status_code, status.HTTP_403_FORBIDDEN)

    def test_create_sends_json(self):
        self.client.force_authenticate(user=self.ann)
        response = self.client.post(
            reverse("note-list"),
            {"title": "Groceries", "tags": ["home", "weekly"]},
            format="json",
        )
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(response.data["tags"], ["home", "weekly"])
        self.assertEqual(Note.objects.get().owner, self.ann)

    def test_users_only_see_their_own_notes(self):
        Note.objects.create(owner=self.bob, title="Bob's", tags=[])
        self.client.force_authenticate(user=self.ann)
        response = self.client.get(reverse("note-list"))
        self.assertEqual(response.json(), [])
# --- end ---

import io
import unittest

from django.test import TestCase
from rest_framework.test import APIClient

claim(issubclass(APITestCase, TestCase) and APITestCase.client_class is APIClient,
      "APITestCase is Django's TestCase with client_class = APIClient")
from django.test import Client

claim(issubclass(APIClient, Client), "APIClient extends Django's test Client")

suite = unittest.defaultTestLoader.loadTestsFromTestCase(NoteApiTests)
result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
equal((result.testsRun, len(result.failures), len(result.errors)), (3, 0, 0),
      "the answer's NoteApiTests pass (403 for anonymous with session auth first, 201 with format='json', owner filter)")
equal(Note.objects.count(), 0, "every APITestCase test runs in a rolled-back transaction")

from rest_framework.settings import DEFAULTS

equal(DEFAULTS["TEST_REQUEST_DEFAULT_FORMAT"], "multipart", "TEST_REQUEST_DEFAULT_FORMAT is 'multipart'")

ann = User.objects.create_user("ann2", password="pw")
c = APIClient()
c.force_authenticate(user=ann)
with raises(TypeError, "None", what="multipart cannot express None (encoding fails with a TypeError)"):
    c.post("/notes/", {"title": "x", "tags": None})
r = c.post("/notes/", {"title": "Groceries", "tags": ["home", "weekly"]})
equal((r.status_code, [str(e) for e in r.data.get("tags", [])]), (400, ["Value must be valid JSON."]),
      "without format='json' the list is sent as form keys and the JSONField answers 400 'Value must be valid JSON.'")
r = c.post("/notes/", {"title": "Groceries", "tags": ["home", "weekly"]}, format="json")
equal((r.status_code, r.data["tags"], r.json()["tags"]), (201, ["home", "weekly"], ["home", "weekly"]),
      "format='json' sends JSON; response.data and response.json() agree")

# force_authenticate(user=None) undoes it and logs out the session
c2 = APIClient()
claim(c2.login(username="ann2", password="pw"), "client.login works for session auth")
equal(c2.get("/notes/").status_code, 200, "a session login authenticates")
c2.force_authenticate(user=None)
equal(c2.get("/notes/").status_code, 403, "force_authenticate(user=None) also logs out any session")

# CSRF: not enforced by default, enforced with enforce_csrf_checks=True
c3 = APIClient()
c3.login(username="ann2", password="pw")
equal(c3.post("/notes/", {"title": "a"}, format="json").status_code, 201, "APIClient does not enforce CSRF by default")
c4 = APIClient(enforce_csrf_checks=True)
c4.login(username="ann2", password="pw")
r = c4.post("/notes/", {"title": "a"}, format="json")
equal(r.status_code, 403, "enforce_csrf_checks=True makes session auth check CSRF")
claim("CSRF" in str(r.data["detail"]), "the 403 is the CSRF failure")

# real token credentials; with TokenAuthentication first, anonymous gets 401
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

NoteViewSet.authentication_classes = [TokenAuthentication]
token = Token.objects.create(user=ann)
c5 = APIClient()
r = c5.get("/notes/")
equal((r.status_code, r.headers.get("WWW-Authenticate")), (401, "Token"), "with token auth first, the same request sees 401")
c5.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
equal(c5.get("/notes/").status_code, 200, "credentials() adds the header to every request")
del NoteViewSet.authentication_classes

# --- the answer's APIRequestFactory block, verbatim ---
from rest_framework.test import APIRequestFactory, force_authenticate

factory = APIRequestFactory()
view = NoteViewSet.as_view({"get": "list"})

request = factory.get("/notes/")
force_authenticate(request, user=ann)
response = view(request)
assert response.status_code == 200
# --- end ---
claim(not response.is_rendered, "a factory response is not rendered")
with raises(Exception, "render", what="response.content needs render() first"):
    response.content
response.render()
claim(response.content.startswith(b"["), "render() then content works")
with raises(TypeError, what="a viewset needs an action map for as_view()"):
    NoteViewSet.as_view()
