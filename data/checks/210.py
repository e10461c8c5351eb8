"""210 custom DRF permission: the answer's IsOwnerOrPublicReadOnly,
DocumentViewSet and PublishDocument through the test client: 404 vs 403 vs
200 per action, list and create never call has_object_permission, a view
without check_object_permissions leaks, 401 vs 403, message, | composition."""
from djqcheck import claim, create_tables, equal, setup

setup(installed_apps=["rest_framework", "rest_framework.authtoken"])

from django.contrib.auth.models import User
from django.db import models
from rest_framework import serializers


class Document(models.Model):
    title = models.CharField(max_length=50)
    is_public = models.BooleanField(default=False)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "is_public"]


# --- the answer's permission, verbatim ---
from rest_framework import permissions


class IsOwnerOrPublicReadOnly(permissions.BasePermission):
    message = "Only the owner can change this document."

    def has_permission(self, request, view):
        # every request: anonymous users may only read
        if request.method in permissions.SAFE_METHODS:
            return True
        return request.user.is_authenticated

    def has_object_permission(self, request, view, obj):
        # only when the view calls get_object()
        if request.method in permissions.SAFE_METHODS:
            return obj.is_public or obj.owner_id == request.user.id
        return obj.owner_id == request.user.id
# --- end ---


# --- the answer's viewset, verbatim ---
from django.db.models import Q
from rest_framework import viewsets


class DocumentViewSet(viewsets.ModelViewSet):
    serializer_class = DocumentSerializer
    permission_classes = [IsOwnerOrPublicReadOnly]

    def get_queryset(self):
        user = self.request.user
        if not user.is_authenticated:
            return Document.objects.filter(is_public=True)
        return Document.objects.filter(Q(is_public=True) | Q(owner=user))

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)
# --- end ---


# --- the answer's APIView, verbatim ---
from django.shortcuts import get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView


class PublishDocument(APIView):
    permission_classes = [IsOwnerOrPublicReadOnly]

    def post(self, request, pk):
        doc = get_object_or_404(Document, pk=pk)
        self.check_object_permissions(request, doc)  # not automatic here
        doc.is_public = True
        doc.save(update_fields=["is_public"])
        return Response({"is_public": True})
# --- end ---


class PublishNoCheck(APIView):
    permission_classes = [IsOwnerOrPublicReadOnly]

    def post(self, request, pk):
        doc = get_object_or_404(Document, pk=pk)
        doc.is_public = True
        doc.save(update_fields=["is_public"])
        return Response({"is_public": True})


calls = []


class Spy(IsOwnerOrPublicReadOnly):
    def has_object_permission(self, request, view, obj):
        calls.append(request.method)
        return super().has_object_permission(request, view, obj)


class SpyViewSet(DocumentViewSet):
    permission_classes = [Spy]


class LeakyViewSet(viewsets.ModelViewSet):
    queryset = Document.objects.all()
    serializer_class = DocumentSerializer
    permission_classes = [IsOwnerOrPublicReadOnly]


class AdminOrOwner(DocumentViewSet):
    queryset = Document.objects.all()
    permission_classes = [permissions.IsAdminUser | IsOwnerOrPublicReadOnly]

    def get_queryset(self):
        return Document.objects.all()


from rest_framework.authentication import SessionAuthentication, TokenAuthentication


class TokenFirst(DocumentViewSet):
    authentication_classes = [TokenAuthentication, SessionAuthentication]


from django.urls import include, path
from rest_framework.routers import SimpleRouter

router = SimpleRouter()
router.register("docs", DocumentViewSet, basename="doc")
router.register("spy", SpyViewSet, basename="spy")
router.register("leaky", LeakyViewSet, basename="leaky")
router.register("admin", AdminOrOwner, basename="admin")
router.register("token", TokenFirst, basename="token")
urlpatterns = [
    path("", include(router.urls)),
    path("publish/<int:pk>/", PublishDocument.as_view()),
    path("publish-nocheck/<int:pk>/", PublishNoCheck.as_view()),
]

create_tables()
ann = User.objects.create_user("ann")
bob = User.objects.create_user("bob")
boss = User.objects.create_user("boss", is_staff=True)
ann_public = Document.objects.create(title="a-pub", is_public=True, owner=ann)
ann_private = Document.objects.create(title="a-priv", owner=ann)
bob_private = Document.objects.create(title="b-priv", owner=bob)

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.settings import DEFAULTS
from rest_framework.test import APIClient

equal(SAFE_METHODS, ("GET", "HEAD", "OPTIONS"), "SAFE_METHODS is GET, HEAD, OPTIONS")
claim(BasePermission().has_permission(None, None) is True and BasePermission().has_object_permission(None, None, None) is True,
      "both hooks default to True in BasePermission")
equal(DEFAULTS["DEFAULT_PERMISSION_CLASSES"], ["rest_framework.permissions.AllowAny"], "DEFAULT_PERMISSION_CLASSES is AllowAny unless set")

anon = APIClient()
equal({d["title"] for d in anon.get("/docs/").json()}, {"a-pub"}, "anonymous users see only public documents")
r = anon.post("/docs/", {"title": "x"}, format="json")
equal(r.status_code, 403, "unauthenticated with SessionAuthentication first: 403")
equal(r.json()["detail"], "Authentication credentials were not provided.", "NotAuthenticated is raised, not the permission message")
r = APIClient().post("/token/", {"title": "x"}, format="json")
equal(r.status_code, 401, "unauthenticated with a token class first: 401")
claim(r.has_header("WWW-Authenticate"), "with a WWW-Authenticate header")

a, b = APIClient(), APIClient()
a.force_authenticate(ann)
b.force_authenticate(bob)

equal(a.patch(f"/docs/{ann_private.pk}/", {"title": "mine"}, format="json").status_code, 200, "the owner can change it")
equal(b.get(f"/docs/{ann_public.pk}/").status_code, 200, "someone else's public document can be read (200)")
r = b.put(f"/docs/{ann_public.pk}/", {"title": "hack", "is_public": True}, format="json")
equal(r.status_code, 403, "but not changed (403)")
equal(r.json()["detail"], "Only the owner can change this document.", "the class's message is the detail")
equal(b.get(f"/docs/{ann_private.pk}/").status_code, 404, "someone else's private document is a 404: the queryset hides it")
equal(b.delete(f"/docs/{ann_private.pk}/").status_code, 404, "also for delete")
equal({d["title"] for d in b.get("/docs/").json()}, {"a-pub", "b-priv"}, "the filtered list shows public and own documents")

# list and create never call has_object_permission
s = APIClient()
s.force_authenticate(bob)
calls.clear()
s.get("/spy/")
equal(calls, [], "list never calls has_object_permission")
r = s.post("/spy/", {"title": "new"}, format="json")
equal((r.status_code, calls), (201, []), "create runs only has_permission")
s.get(f"/spy/{ann_public.pk}/")
equal(calls, ["GET"], "retrieve calls has_object_permission through get_object()")
calls.clear()
anon_spy = APIClient()
anon_spy.post("/spy/", {"title": "x"}, format="json")
s.force_authenticate(None)
equal(calls, [], "has_object_permission is not reached when has_permission fails")

# without the get_queryset filter, the list leaks private documents
equal(ann_private.pk in {d["id"] for d in b.get("/leaky/").json()}, True, "without the queryset filter every private document is in the list")
equal(b.get(f"/leaky/{ann_private.pk}/").status_code, 403, "while the detail view of it is refused by the object check")

# APIView: the explicit check vs none
equal(b.post(f"/publish/{ann_private.pk}/").status_code, 403, "PublishDocument refuses a non-owner via check_object_permissions")
equal(a.post(f"/publish/{ann_private.pk}/").status_code, 200, "and lets the owner publish")
equal(b.post(f"/publish-nocheck/{bob_private.pk}/").status_code, 200, "(own document)")
equal(b.post(f"/publish-nocheck/{ann_private.pk}/").status_code, 200,
      "leaving out that line lets any logged-in user publish anyone's document")

# composition with |
adm = APIClient()
adm.force_authenticate(boss)
Document.objects.filter(pk=ann_private.pk).update(is_public=False)
equal(adm.patch(f"/admin/{ann_private.pk}/", {"title": "by admin"}, format="json").status_code, 200,
      "IsAdminUser | IsOwnerOrPublicReadOnly lets an admin change anyone's document")
equal(b.patch(f"/admin/{ann_private.pk}/", {"title": "x"}, format="json").status_code, 403,
      "and still refuses other users")
claim(isinstance(permissions.IsAdminUser | IsOwnerOrPublicReadOnly, permissions.OperandHolder), "| composes permission classes")
