"""172 attaching request.user when saving: the answer's Bookmark model,
serializer and viewset (perform_create/perform_update), read-only owner
ignored in input, HiddenField + CurrentUserDefault with the unique
constraint (400 vs IntegrityError), KeyError without request context,
defaults skipped on PATCH but re-applied on PUT, AnonymousUser ValueError."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's model, verbatim ---
from django.conf import settings
from django.db import models


class Bookmark(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE
    )
    url = models.URLField()
    title = models.CharField(max_length=200)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "url"], name="unique_owner_url"
            )
        ]
# --- end ---

create_tables()

# --- the answer's serializer and viewset, verbatim ---
from rest_framework import permissions, serializers, viewsets


class BookmarkSerializer(serializers.ModelSerializer):
    owner = serializers.ReadOnlyField(source="owner.username")

    class Meta:
        model = Bookmark
        fields = ["id", "url", "title", "owner"]


class BookmarkViewSet(viewsets.ModelViewSet):
    serializer_class = BookmarkSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Bookmark.objects.filter(owner=self.request.user)

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    def perform_update(self, serializer):
        serializer.save(updated_by=self.request.user)
# --- end ---
ReadOnlyOwnerSerializer = BookmarkSerializer

# --- the answer's HiddenField serializer, verbatim ---
class BookmarkSerializer(serializers.ModelSerializer):
    owner = serializers.HiddenField(
        default=serializers.CurrentUserDefault()
    )

    class Meta:
        model = Bookmark
        fields = ["id", "url", "title", "owner"]
# --- end ---
HiddenOwnerSerializer = BookmarkSerializer


class HiddenViewSet(viewsets.ModelViewSet):
    serializer_class = HiddenOwnerSerializer
    queryset = Bookmark.objects.all()


BookmarkViewSet.serializer_class = ReadOnlyOwnerSerializer

from django.urls import include, path
from rest_framework.routers import SimpleRouter

router = SimpleRouter()
router.register("bookmarks", BookmarkViewSet, basename="bookmark")
router.register("hidden", HiddenViewSet, basename="hidden")
urlpatterns = [path("", include(router.urls))]

from django.contrib.auth.models import User
from django.db import IntegrityError
from rest_framework.test import APIClient

ann = User.objects.create_user("ann")
bob = User.objects.create_user("bob")
c = APIClient()
c.force_authenticate(ann)

r = c.post("/bookmarks/", {"url": "https://a.example/", "title": "A", "owner": bob.pk}, format="json")
equal(r.status_code, 201, "create returns 201")
equal(r.data["owner"], "ann", "an 'owner' key in the body is ignored; the response already shows the owner")
equal(Bookmark.objects.get(pk=r.data["id"]).owner, ann, "perform_create's save(owner=request.user) sets the owner")

bid = r.data["id"]
r = c.patch(f"/bookmarks/{bid}/", {"title": "A2"}, format="json")
equal(Bookmark.objects.get(pk=bid).updated_by, ann, "perform_update's save(updated_by=...) is merged into validated_data")

# save() kwargs skip validation; the unique constraint then fails in the DB
claim(not any(type(v).__name__ == "UniqueTogetherValidator" for v in ReadOnlyOwnerSerializer().validators),
      "with save(owner=...) the serializer has no owner at validation time and skips the unique-together validator")
c_raise = APIClient(raise_request_exception=True)
c_raise.force_authenticate(ann)
with raises(IntegrityError, what="a duplicate with the save(owner=...) approach raises IntegrityError (a 500)"):
    c_raise.post("/bookmarks/", {"url": "https://a.example/", "title": "dup"}, format="json")
c_500 = APIClient(raise_request_exception=False)
c_500.force_authenticate(ann)
equal(c_500.post("/bookmarks/", {"url": "https://a.example/", "title": "dup"}, format="json").status_code, 500,
      "which becomes a 500")


class Spy(ReadOnlyOwnerSerializer):
    def validate(self, attrs):
        claim("owner" not in attrs, "values passed to save() are not seen by validate()")
        return attrs


s = Spy(data={"url": "https://v.example/", "title": "v"})
s.is_valid(raise_exception=True)
s.save(owner=ann)

# HiddenField: validator built, duplicate -> 400 non_field_errors
claim(any(type(v).__name__ == "UniqueTogetherValidator" for v in HiddenOwnerSerializer().validators),
      "with HiddenField, ModelSerializer builds a UniqueTogetherValidator for the UniqueConstraint")
h = APIClient()
h.force_authenticate(bob)
r = h.post("/hidden/", {"url": "https://b.example/", "title": "B", "owner": ann.pk}, format="json")
equal((r.status_code, "owner" in r.data), (201, False), "HiddenField takes no input and never appears in the output")
hid = r.data["id"]
equal(Bookmark.objects.get(pk=hid).owner, bob, "CurrentUserDefault returns context['request'].user")
r = h.post("/hidden/", {"url": "https://b.example/", "title": "B again"}, format="json")
equal((r.status_code, list(r.data)), (400, ["non_field_errors"]), "a duplicate gets a clean 400 with non_field_errors")

with raises(KeyError, "request", what="without context={'request': ...} validation fails with KeyError: 'request'"):
    HiddenOwnerSerializer(data={"url": "https://c.example/", "title": "c"}).is_valid()

# Partial update keeps stored owner; full PUT re-applies the default
h2 = APIClient()
h2.force_authenticate(ann)
r = h2.patch(f"/hidden/{hid}/", {"title": "patched"}, format="json")
equal((r.status_code, Bookmark.objects.get(pk=hid).owner), (200, bob), "a PATCH keeps the stored owner")
r = h2.put(f"/hidden/{hid}/", {"url": "https://b.example/", "title": "taken"}, format="json")
equal((r.status_code, Bookmark.objects.get(pk=hid).owner), (200, ann), "a full PUT runs the default again and sets the owner to the sender")

# CreateOnlyDefault exists and is skipped on update
claim(hasattr(serializers, "CreateOnlyDefault"), "serializers.CreateOnlyDefault exists")


class CreateOnly(serializers.ModelSerializer):
    owner = serializers.HiddenField(default=serializers.CreateOnlyDefault(serializers.CurrentUserDefault()))

    class Meta:
        model = Bookmark
        fields = ["id", "url", "title", "owner"]


from rest_framework.test import APIRequestFactory
from rest_framework.request import Request

req = Request(APIRequestFactory().put("/"))
req.user = bob
obj = Bookmark.objects.get(pk=hid)
s = CreateOnly(obj, data={"url": obj.url, "title": "t"}, context={"request": req})
s.is_valid(raise_exception=True)
claim("owner" not in s.validated_data, "CreateOnlyDefault sets the value only on create")

# AnonymousUser assigned to the FK raises ValueError
from django.contrib.auth.models import AnonymousUser

s = ReadOnlyOwnerSerializer(data={"url": "https://z.example/", "title": "z"})
s.is_valid(raise_exception=True)
with raises(ValueError, what="assigning AnonymousUser to a foreign key raises ValueError"):
    s.save(owner=AnonymousUser())
