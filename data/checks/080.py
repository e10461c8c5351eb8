"""080 DRF serializers: the answer's EventSerializer and create_event view,
run: output data, validate_<field>, validate() with partial updates,
non_field_errors, model clean() not called, save() with extra kwargs,
create vs update, 201/400 responses, fields/exclude required, unique
validators, nested serializers read-only by default."""
from djqcheck import claim, create_tables, equal, raises, setup, since

setup(installed_apps=["rest_framework"])
import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils import timezone

CLEAN_CALLS = []


class Event(models.Model):
    title = models.CharField(max_length=100)
    slug = models.SlugField(unique=True, null=True, blank=True)
    start = models.DateTimeField()
    finish = models.DateTimeField()
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)

    def clean(self):
        CLEAN_CALLS.append(self)
        raise DjangoValidationError("model clean ran")


create_tables()

# --- the answer's serializer, verbatim (relative import dropped) ---
from rest_framework import serializers


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "title", "start", "finish", "owner"]
        read_only_fields = ["owner"]

    def validate_title(self, value):
        if value.strip().lower() == "untitled":
            raise serializers.ValidationError(
                "Give the event a real title."
            )
        return value.strip()

    def validate(self, attrs):
        # On a partial update, fall back to the stored values
        start = attrs.get("start", getattr(self.instance, "start", None))
        finish = attrs.get(
            "finish", getattr(self.instance, "finish", None)
        )
        if start and finish and finish <= start:
            raise serializers.ValidationError(
                {"finish": "Must be after start."}
            )
        return attrs


from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def create_event(request):
    serializer = EventSerializer(
        data=request.data, context={"request": request}
    )
    # invalid -> 400 with the errors
    serializer.is_valid(raise_exception=True)
    # extra kwargs go into validated_data
    event = serializer.save(owner=request.user)
    return Response(EventSerializer(event).data, status=201)
# --- end ---
from django.urls import path

urlpatterns = [path("events/", create_event)]

from django.contrib.auth.models import User
from rest_framework.test import APIClient

ann = User.objects.create_user("ann", password="pw")
c = APIClient()
c.force_authenticate(ann)
t0 = timezone.now().replace(microsecond=0)
good = {"title": "  Launch ", "start": t0.isoformat(), "finish": (t0 + datetime.timedelta(hours=1)).isoformat(), "owner": 999}
r = c.post("/events/", good, format="json")
equal(r.status_code, 201, "a valid POST returns 201")
equal(r.data["title"], "Launch", "validate_title returns the cleaned value")
equal(r.data["owner"], ann.pk, "save(owner=request.user) merges into validated_data; read-only owner input is ignored")
equal(CLEAN_CALLS, [], "DRF does not call the model's clean()/full_clean()")

r = c.post("/events/", {**good, "title": "untitled"}, format="json")
equal((r.status_code, [str(e) for e in r.data["title"]]), (400, ["Give the event a real title."]), "invalid -> 400 with validate_title's message")
r = c.post("/events/", {**good, "finish": good["start"]}, format="json")
equal([str(e) for e in r.data["finish"]], ["Must be after start."], "validate() can attach errors to a field")
r = c.post("/events/", {"title": "x"}, format="json")
claim(set(r.data) == {"start", "finish"}, "required fields are checked first, and validate() does not run when fields fail")

event = Event.objects.get()
# partial update falls back to stored values
s = EventSerializer(event, data={"finish": (event.start - datetime.timedelta(minutes=1)).isoformat()}, partial=True)
claim(not s.is_valid() and "finish" in s.errors, "on a partial update validate() compares with the stored start")
s = EventSerializer(event, data={"title": "New"}, partial=True)
claim(s.is_valid(), "a partial update without start/finish passes")
updated = s.save()
claim(updated.pk == event.pk and Event.objects.count() == 1 and Event.objects.get().title == "New", "save() calls update() when an instance was passed")
equal(EventSerializer(event).data["id"], event.pk, "Serializer(instance).data gives primitives")

# Non-field errors
class Pair(serializers.Serializer):
    a = serializers.IntegerField()
    b = serializers.IntegerField()

    def validate(self, attrs):
        if attrs["a"] == attrs["b"]:
            raise serializers.ValidationError("a and b must differ")
        return attrs


p = Pair(data={"a": 1, "b": 1})
p.is_valid()
equal(list(p.errors), ["non_field_errors"], "errors without a field key appear under non_field_errors")

class NoDest(serializers.Serializer):
    opt = serializers.CharField(required=False)

    def validate_opt(self, value):
        raise serializers.ValidationError("ran")


claim(NoDest(data={}).is_valid(), "validate_<field> is skipped when a required=False field is absent")

class Bare(serializers.ModelSerializer):
    class Meta:
        model = Event


with raises(AssertionError, "fields", what="ModelSerializer needs fields or exclude"):
    Bare().fields

class WithSlug(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["slug"]


from rest_framework.validators import UniqueValidator

claim(any(isinstance(v, UniqueValidator) for v in WithSlug().fields["slug"].validators), "ModelSerializer adds validators for unique fields")

class OwnerSer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["username"]


class Nested(serializers.ModelSerializer):
    owner = OwnerSer()

    class Meta:
        model = Event
        fields = ["title", "start", "finish", "owner"]


n = Nested(data={**good, "owner": {"username": "zed"}})
n.is_valid(raise_exception=True)
with raises(AssertionError, "writable nested", what="writable nesting needs your own create()"):
    n.save()
many = EventSerializer(Event.objects.all(), many=True)
equal(len(many.data), 1, "many=True handles lists")

# N+1 when serializing related fields, and the fixes
from djqcheck import queries


class WithOwner(serializers.ModelSerializer):
    owner_name = serializers.CharField(source="owner.username")

    class Meta:
        model = Event
        fields = ["title", "owner_name"]


bob = User.objects.create_user("bob")
for i in range(3):
    Event.objects.create(title=f"e{i}", start=t0, finish=t0 + datetime.timedelta(hours=1), owner=bob if i % 2 else ann)
n = Event.objects.count()
with queries(1 + n, "source='owner.username' costs one query per object"):
    WithOwner(Event.objects.all(), many=True).data
with queries(1, "select_related('owner') makes it one query"):
    WithOwner(Event.objects.select_related("owner"), many=True).data
if since(6, 1):
    with queries(2, "6.1: FETCH_PEERS batches the foreign key into one extra query"):
        WithOwner(Event.objects.fetch_mode(models.FETCH_PEERS), many=True).data
