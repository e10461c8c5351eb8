"""063 model validation: the answer's Event model, full_clean()'s four
steps and message_dict, save()/create() skipping validation, the
constraint's violation_error_message, and ModelForm excluding fields."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

# --- the answer's model, verbatim ---
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q


class Event(models.Model):
    title = models.CharField(max_length=200)
    seats = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    starts = models.DateTimeField()
    ends = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")),
                name="event_ends_after_start",
                violation_error_message=(
                    "An event must end after it starts."
                ),
            ),
        ]

    def clean(self):
        if self.title.isupper():
            raise ValidationError(
                {"title": "Please do not write the title in capitals."}
            )
# --- end ---


class Slot(models.Model):
    code = models.CharField(max_length=5, unique=True)


create_tables()
import datetime

from django.utils import timezone

start = timezone.now()
end = start + datetime.timedelta(hours=1)

# --- the answer's usage, verbatim ---
printed = []
print = printed.append
event = Event(title="LAUNCH", seats=0, starts=start, ends=end)
try:
    event.full_clean()
except ValidationError as exc:
    print(exc.message_dict)  # errors for "title" and "seats"
else:
    event.save()
# --- end ---
del print
equal(sorted(printed[0]), ["seats", "title"], "message_dict has errors for 'title' and 'seats'")
claim("Please do not write the title in capitals." in printed[0]["title"], "clean() attaches a dict error to the field")
equal(Event.objects.count(), 0, "the invalid event is not saved")

# save() and create() do not validate
with queries(1, "save() runs no validation queries, only the INSERT"):
    Event(title="LAUNCH", seats=0, starts=start, ends=end).save()
equal(Event.objects.count(), 1, "save() stores data that fails validators and clean()")

# validate_constraints with violation_error_message -> NON_FIELD_ERRORS
from django.core.exceptions import NON_FIELD_ERRORS

bad = Event(title="Talk", seats=5, starts=end, ends=start)
with raises(ValidationError, what="full_clean() checks Meta.constraints") as box:
    bad.full_clean()
equal(box[0].message_dict, {NON_FIELD_ERRORS: ["An event must end after it starts."]}, "the constraint's violation_error_message goes under __all__")
equal(NON_FIELD_ERRORS, "__all__", "NON_FIELD_ERRORS is '__all__'")
bad.full_clean(validate_constraints=False)  # skip step 4

# The four steps, in order
calls = []
for name in ("clean_fields", "clean", "validate_unique", "validate_constraints"):
    orig = getattr(Event, name)
    setattr(Event, name, (lambda o, n: lambda self, *a, **k: (calls.append(n), o(self, *a, **k))[1])(orig, name))
Event(title="Ok", seats=1, starts=start, ends=end).full_clean()
equal(calls, ["clean_fields", "clean", "validate_unique", "validate_constraints"], "full_clean() runs the four steps in order")

# The database constraint is the real guard
from django.db import IntegrityError, transaction

with raises(IntegrityError, what="the database constraint raises IntegrityError when validation was skipped"):
    with transaction.atomic():
        Event.objects.create(title="x", seats=1, starts=end, ends=start)

# validate_unique queries
Slot.objects.create(code="A")
with queries(1, "validate_unique() checks with a database query"):
    with raises(ValidationError, "already exists"):
        Slot(code="A").validate_unique()

# ModelForm: model validation runs, excluding fields not on the form
from django import forms


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "seats"]


f = EventForm(data={"title": "SHOUT", "seats": "0"}, instance=Event(starts=end, ends=start))
claim(not f.is_valid(), "ModelForm.is_valid() runs model validation")
claim("seats" in f.errors and "title" in f.errors, "field validators and clean() errors reach the form")
claim(NON_FIELD_ERRORS not in f.errors, "a constraint that needs an excluded field is skipped")
