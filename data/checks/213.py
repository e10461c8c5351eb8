"""213 DRF serializer validation: the answer's Reservation model and
ReservationSerializer: order of the layers, validate() skipped after field
errors, returned values kept, iexact UniqueValidator, custom
UniqueTogetherValidator message, Meta.validators replacing generated ones,
implied required fields, model clean() not called, reusing it from validate()."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's model, verbatim ---
from django.core.exceptions import ValidationError
from django.db import models


class Reservation(models.Model):
    room = models.CharField(max_length=20)
    day = models.DateField()
    checkout = models.DateField()
    guests = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=12, unique=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["room", "day"], name="one_booking_per_room_day"
            ),
        ]

    def clean(self):
        if self.guests > 4:
            raise ValidationError("At most 4 guests per room.")
# --- end ---

# --- the answer's serializer, verbatim ---
from rest_framework import serializers
from rest_framework.validators import UniqueTogetherValidator, UniqueValidator


def no_spaces(value):
    if " " in value:
        raise serializers.ValidationError("No spaces allowed.")


class ReservationSerializer(serializers.ModelSerializer):
    code = serializers.CharField(
        max_length=12,
        validators=[
            no_spaces,
            UniqueValidator(
                queryset=Reservation.objects.all(), lookup="iexact"
            ),
        ],
    )

    class Meta:
        model = Reservation
        fields = ["id", "room", "day", "checkout", "guests", "code"]
        validators = [
            UniqueTogetherValidator(
                queryset=Reservation.objects.all(),
                fields=["room", "day"],
                message="That room is already booked that day.",
            )
        ]

    def validate_room(self, value):
        return value.strip().upper()  # the returned value is what is kept

    def validate(self, attrs):
        # a PATCH sends only some fields: fall back to the stored ones
        day = attrs.get("day", getattr(self.instance, "day", None))
        checkout = attrs.get("checkout", getattr(self.instance, "checkout", None))
        if checkout <= day:
            raise serializers.ValidationError(
                {"checkout": "Checkout must be after the first day."}
            )
        return attrs
# --- end ---


class WithModelClean(ReservationSerializer):
    # --- the answer's second validate(), verbatim ---
    def validate(self, attrs):
        instance = Reservation(**attrs)
        instance.clean()  # a Django ValidationError becomes a 400
        return attrs
    # --- end ---


create_tables()
ok = {"room": " a1 ", "day": "2030-01-01", "checkout": "2030-01-03", "guests": 2, "code": "ABC"}

s = ReservationSerializer(data=ok)
claim(s.is_valid(), "valid data passes: %r" % getattr(s, "errors", None))
equal(s.validated_data["room"], "A1", "the value returned by validate_room() is what is kept")
first = s.save()

# Order and short-circuit: field errors stop before validate().
calls = []


class Spy(ReservationSerializer):
    code = serializers.CharField(max_length=12, validators=[lambda v: calls.append("field validators=")])

    class Meta(ReservationSerializer.Meta):
        validators = [lambda attrs: calls.append("Meta.validators")]

    def validate_code(self, value):
        calls.append("validate_code")
        return value

    def validate(self, attrs):
        calls.append("validate")
        return attrs


claim(Spy(data=dict(ok, day="2031-01-01")).is_valid(), "spy serializer valid")
equal(calls, ["field validators=", "validate_code", "Meta.validators", "validate"],
      "order: field validators=, validate_<field>, Meta.validators, validate()")
calls.clear()
Spy(data=dict(ok, guests="many")).is_valid()
equal(calls, ["field validators=", "validate_code"], "validate() and Meta.validators do not run when a field failed")

# Field validators: no_spaces; a Django ValidationError also works.
s = ReservationSerializer(data=dict(ok, code="A B"))
claim(not s.is_valid() and s.errors["code"] == ["No spaces allowed."], "no_spaces rejects a code with a space")


def django_style(value):
    raise ValidationError("django says no")


class DjangoVal(serializers.Serializer):
    x = serializers.CharField(validators=[django_style])


s = DjangoVal(data={"x": "1"})
claim(not s.is_valid() and s.errors["x"] == ["django says no"], "a Django ValidationError in a field validator becomes a field error")

# UniqueValidator with iexact; update excludes the current instance.
s = ReservationSerializer(data=dict(ok, day="2030-02-01", code="abc"))
claim(not s.is_valid() and "code" in s.errors, "lookup='iexact' makes uniqueness case-insensitive")
equal(str(s.errors["code"][0]), "This field must be unique.", "UniqueValidator's default message")
s = ReservationSerializer(first, data=dict(ok, code="ABC"))
claim(s.is_valid(), "on update UniqueValidator excludes the current instance: %r" % getattr(s, "errors", None))

# UniqueTogetherValidator with the custom message, under non_field_errors.
s = ReservationSerializer(data=dict(ok, code="XYZ"))
claim(not s.is_valid(), "same room and day is rejected")
equal(s.errors.get("non_field_errors"), ["That room is already booked that day."], "the custom message, under non_field_errors")

# validate(): dict error attaches to the field.
s = ReservationSerializer(data=dict(ok, day="2032-01-05", checkout="2032-01-01", code="Q1"))
claim(not s.is_valid(), "checkout before day is rejected")
equal(s.errors, {"checkout": ["Checkout must be after the first day."]}, "a dict error attaches to the field")


class Plain(serializers.Serializer):
    a = serializers.IntegerField()

    def validate(self, attrs):
        raise serializers.ValidationError("plain")


s = Plain(data={"a": 1})
s.is_valid()
equal(s.errors, {"non_field_errors": ["plain"]}, "a plain message from validate() lands under non_field_errors")

# Meta.validators replaces the generated ones.


class Generated(serializers.ModelSerializer):
    class Meta:
        model = Reservation
        fields = ["room", "day", "checkout", "guests", "code"]


class Replaced(Generated):
    class Meta(Generated.Meta):
        validators = []


claim(any(isinstance(v, UniqueTogetherValidator) for v in Generated().validators),
      "ModelSerializer generates a UniqueTogetherValidator from the UniqueConstraint")
equal(Replaced().validators, [], "declaring Meta.validators replaces the generated ones")

# full_clean is not called: 6 guests are saved.
r = ReservationSerializer(data=dict(ok, day="2033-01-01", checkout="2033-01-02", guests=6, code="SIX"))
claim(r.is_valid(), "6 guests pass serializer validation")
claim(r.save().pk is not None, "a reservation with 6 guests is saved: Reservation.clean() is not run")
s = WithModelClean(data=dict(ok, day="2034-01-01", checkout="2034-01-02", guests=6, code="SEV"))
claim(not s.is_valid(), "calling instance.clean() from validate() rejects 6 guests")
equal(s.errors, {"non_field_errors": ["At most 4 guests per room."]}, "the Django ValidationError becomes a 400-style error, not an exception")

from django.urls import path
from rest_framework import generics


class Create(generics.CreateAPIView):
    serializer_class = WithModelClean


urlpatterns = [path("r/", Create.as_view())]
from rest_framework.test import APIClient

equal(APIClient().post("/r/", dict(ok, day="2035-01-01", checkout="2035-01-02", guests=6, code="EIG"), format="json").status_code,
      400, "the client gets a 400, not a 500")

# validate_<field> skipped for missing optional fields and in partial updates.
seen = []


class Opt(serializers.Serializer):
    nick = serializers.CharField(required=False)
    name = serializers.CharField()

    def validate_nick(self, value):
        seen.append(value)
        return value


Opt(data={"name": "x"}).is_valid()
equal(seen, [], "validate_<field> is not called when an optional field is missing")
s = ReservationSerializer(first, data={"checkout": "2029-12-31"}, partial=True)
claim(not s.is_valid() and "checkout" in s.errors, "on a PATCH validate() falls back to the stored day")
claim(ReservationSerializer(first, data={"guests": 3}, partial=True).is_valid(), "a PATCH without the dates passes validate()")


class PartialSpy(ReservationSerializer):
    def validate_room(self, value):
        seen.append(value)
        return value


PartialSpy(first, data={"guests": 3}, partial=True).is_valid()
equal(seen, [], "nor for fields left out of a partial update")

# Forgetting return.


class NoReturn(serializers.Serializer):
    a = serializers.IntegerField()

    def validate_a(self, value):
        pass


s = NoReturn(data={"a": 5})
s.is_valid()
equal(s.validated_data["a"], None, "forgetting return in validate_<field> makes the field None")


class NoReturnValidate(serializers.Serializer):
    a = serializers.IntegerField()

    def validate(self, attrs):
        pass


with raises(AssertionError, "validate", what="a validate() that returns None fails an assertion"):
    NoReturnValidate(data={"a": 1}).is_valid()

# UniqueTogetherValidator implies required; read-only fields drop the generated validator.
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction


class Membership(models.Model):
    team = models.CharField(max_length=10)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)

    class Meta:
        unique_together = [("team", "owner")]


create_tables()
u = User.objects.create_user("u")
Membership.objects.create(team="t", owner=u)


class Implied(serializers.ModelSerializer):
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), required=False)

    class Meta:
        model = Membership
        fields = ["team", "owner"]
        validators = [UniqueTogetherValidator(queryset=Membership.objects.all(), fields=["team", "owner"])]


s = Implied(data={"team": "z"})
claim(not s.is_valid() and s.errors.get("owner") == ["This field is required."],
      "UniqueTogetherValidator makes its fields required on create even with required=False")


class ReadOnlyOwner(serializers.ModelSerializer):
    class Meta:
        model = Membership
        fields = ["team", "owner"]
        read_only_fields = ["owner"]


equal([v for v in ReadOnlyOwner().validators if isinstance(v, UniqueTogetherValidator)], [],
      "with the field read-only the generated validator is left out")
s = ReadOnlyOwner(data={"team": "t"})
claim(s.is_valid(), "so a duplicate passes validation")
with raises(IntegrityError, what="and reaches the database as an IntegrityError"):
    with transaction.atomic():
        s.save(owner=u)


class Hidden(serializers.ModelSerializer):
    owner = serializers.HiddenField(default=serializers.CurrentUserDefault())

    class Meta:
        model = Membership
        fields = ["team", "owner"]


claim(any(isinstance(v, UniqueTogetherValidator) for v in Hidden().validators),
      "a HiddenField(default=CurrentUserDefault()) is included in the check")


class Req:
    user = u


s = Hidden(data={"team": "t"}, context={"request": Req()})
claim(not s.is_valid() and "non_field_errors" in s.errors, "and rejects a duplicate for the current user")
s = Hidden(data={"team": "new"}, context={"request": Req()})
claim(s.is_valid() and s.save().owner == u, "the hidden field is filled from the request")
