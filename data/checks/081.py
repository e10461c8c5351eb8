"""081 DRF viewsets and routers: the answer's EventViewSet/TagViewSet and
DefaultRouter, run through the URLconf: generated names and routes, the
custom @action routes, per-action serializer, owner filtering, basename
derivation and the error without it, the API root, trailing_slash and
use_regex_path."""
import datetime
import sys
import types

from djqcheck import claim, create_tables, equal, raises, setup, since

setup(installed_apps=["rest_framework"])
from django.conf import settings
from django.db import models


class Event(models.Model):
    title = models.CharField(max_length=50)
    start = models.DateTimeField()
    cancelled = models.BooleanField(default=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


class Tag(models.Model):
    name = models.CharField(max_length=20)


create_tables()
from rest_framework import serializers


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "title", "start", "cancelled", "owner"]
        read_only_fields = ["owner"]


class EventSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "title"]


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["name"]


for name, attrs in {
    "djqcheck.serializers": dict(EventSerializer=EventSerializer, EventSummarySerializer=EventSummarySerializer, TagSerializer=TagSerializer),
    "djqcheck.views": {},
}.items():
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m

# --- the answer's views, verbatim (".models" is this module) ---
# events/views.py
from datetime import timedelta

from django.utils import timezone
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Event, Tag
from .serializers import (
    EventSerializer,
    EventSummarySerializer,
    TagSerializer,
)


class EventViewSet(viewsets.ModelViewSet):
    serializer_class = EventSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Event.objects.filter(owner=self.request.user).order_by(
            "-start"
        )

    def get_serializer_class(self):
        if self.action == "list":
            return EventSummarySerializer
        return EventSerializer

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        event = self.get_object()
        event.cancelled = True
        event.save(update_fields=["cancelled"])
        return Response({"status": "cancelled"})

    @action(detail=False, url_path="upcoming-week")
    def upcoming_week(self, request):
        today = timezone.localdate()
        qs = self.get_queryset().filter(
            start__date__range=(today, today + timedelta(days=7))
        )
        return Response(self.get_serializer(qs, many=True).data)


class TagViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    # router derives basename "tag"
    queryset = Tag.objects.order_by("name")
    serializer_class = TagSerializer
# --- end ---
sys.modules["djqcheck.views"].EventViewSet = EventViewSet
sys.modules["djqcheck.views"].TagViewSet = TagViewSet

# --- the answer's urls, verbatim ---
# events/urls.py
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from .views import EventViewSet, TagViewSet

router = DefaultRouter()
router.register("events", EventViewSet, basename="event")
router.register("tags", TagViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
]
# --- end ---

from django.contrib.auth.models import User
from django.urls import reverse
from rest_framework.test import APIClient

equal(
    (reverse("event-list"), reverse("event-detail", args=[1]), reverse("event-cancel", args=[1]), reverse("event-upcoming-week"), reverse("tag-list")),
    ("/api/events/", "/api/events/1/", "/api/events/1/cancel/", "/api/events/upcoming-week/", "/api/tags/"),
    "the router generates these routes and names",
)
from django.urls import NoReverseMatch

with raises(NoReverseMatch, what="TagViewSet has only the list action"):
    reverse("tag-detail", args=[1])

ann, bob = User.objects.create_user("ann"), User.objects.create_user("bob")
now = timezone.now()
c = APIClient()
equal(c.get("/api/events/").status_code, 403, "IsAuthenticated refuses anonymous users")
c.force_authenticate(ann)
r = c.post("/api/events/", {"title": "Mine", "start": (now + timedelta(days=2)).isoformat()}, format="json")
equal((r.status_code, r.data["owner"]), (201, ann.pk), "POST on the list route creates; perform_create sets the owner")
Event.objects.create(title="Old", start=now - timedelta(days=30), owner=ann)
Event.objects.create(title="Bob's", start=now, owner=bob)
r = c.get("/api/events/")
equal([e["title"] for e in r.data], ["Mine", "Old"], "get_queryset filters by owner, ordered by -start")
equal(set(r.data[0]), {"id", "title"}, "self.action == 'list' picks the summary serializer")
mine = Event.objects.get(title="Mine")
equal(set(c.get(f"/api/events/{mine.pk}/").data), {"id", "title", "start", "cancelled", "owner"}, "retrieve uses the full serializer")
equal(c.patch(f"/api/events/{mine.pk}/", {"title": "Renamed"}, format="json").status_code, 200, "PATCH is partial_update on the detail route")
bobs = Event.objects.get(title="Bob's")
equal(c.get(f"/api/events/{bobs.pk}/").status_code, 404, "get_object() only sees the user's own events")
equal(c.get(f"/api/events/{mine.pk}/cancel/").status_code, 405, "the cancel action accepts only POST")
r = c.post(f"/api/events/{mine.pk}/cancel/")
equal((r.data, Event.objects.get(pk=mine.pk).cancelled), ({"status": "cancelled"}, True), "detail=True action on one object")
equal([e["title"] for e in c.get("/api/events/upcoming-week/").data], ["Renamed"], "detail=False action with url_path, GET by default")
equal(c.delete(f"/api/events/{mine.pk}/").status_code, 204, "DELETE is destroy")

r = c.get("/api/")
equal((r.status_code, set(r.data)), (200, {"events", "tags"}), "DefaultRouter adds an API root view")
equal(c.get("/api/tags.json").status_code, 200, "DefaultRouter adds format suffixes such as .json")

from rest_framework.routers import SimpleRouter

with raises(AssertionError, "basename", what="without queryset the basename must be passed"):
    SimpleRouter().register("events", EventViewSet)
    SimpleRouter().get_urls()
sr = SimpleRouter(trailing_slash=False)
sr.register("tags", TagViewSet)
equal([str(u.pattern) for u in sr.urls], ["^tags$"], "SimpleRouter: no root view; trailing_slash=False")
pr = SimpleRouter(use_regex_path=False)
pr.register("events", EventViewSet, basename="event")
claim("events/<str:pk>/" in [str(u.pattern) for u in pr.urls], "use_regex_path=False builds path()-style routes")
