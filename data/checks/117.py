"""117 choices: the answer's Ticket enumerations and Review (dict and callable
choices) as written: members and their values/labels, get_FOO_display(),
save() storing an invalid value while full_clean() reports both fields with
the quoted messages, a CheckConstraint enforcing it, ModelForm select
validation, unknown values displayed as-is, callable choices kept by
reference in migrations, and the blank choice label (dashes up to 6.0,
"- Select an option -" in 6.1, USE_BLANK_CHOICE_DASH)."""
from djqcheck import claim, create_tables, equal, raises, setup, since

setup()
urlpatterns = []

from django.db import models


class Ticket(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        CLOSED = "closed"  # label generated from the name: "Closed"

    class Priority(models.IntegerChoices):
        LOW = 1
        NORMAL = 2
        HIGH = 3, "High!"

    status = models.CharField(
        max_length=20, choices=Status, default=Status.OPEN
    )
    priority = models.IntegerField(
        choices=Priority, default=Priority.NORMAL
    )

create_tables()
Ticket.Status.choices      # [("open", "Open"), ("in_progress", ...]
Ticket.Status.values       # ["open", "in_progress", "closed"]
Ticket.Status.IN_PROGRESS.label            # "In progress"
Ticket.Status("closed").label              # "Closed"
Ticket.Status.CLOSED == "closed"           # True: members are str

ticket = Ticket.objects.create(status=Ticket.Status.IN_PROGRESS)
ticket.get_status_display()                # "In progress"
Ticket.objects.filter(status=Ticket.Status.OPEN)

def rating_choices():
    return [(i, str(i)) for i in range(1, 6)]


class Review(models.Model):
    channel = models.CharField(
        max_length=10,
        blank=True,
        choices={"web": "Website", "phone": "Phone"},  # 5.0+
    )
    rating = models.IntegerField(choices=rating_choices)  # 5.0+


equal(Ticket.Status.choices, [("open", "Open"), ("in_progress", "In progress"), ("closed", "Closed")],
      "Status.choices, with the generated 'Closed' label")
equal(Ticket.Status.values, ["open", "in_progress", "closed"], "Status.values")
equal(Ticket.Status.IN_PROGRESS.label, "In progress", ".label")
equal(Ticket.Status("closed").label, "Closed", "lookup by value")
claim(Ticket.Status.CLOSED == "closed" and isinstance(Ticket.Status.CLOSED, str), "members are str")
equal(Ticket.Priority.choices, [(1, "Low"), (2, "Normal"), (3, "High!")], "IntegerChoices labels")
equal(ticket.get_status_display(), "In progress", "get_status_display()")
equal(Ticket._meta.get_field("status").choices, Ticket.Status.choices, "choices=Status (the class) works")

create_tables()
r = Review(channel="web", rating=3)
r.full_clean()
equal(r.get_channel_display(), "Website", "a dict works as choices")
equal(Review._meta.get_field("rating").choices, [(i, str(i)) for i in range(1, 6)], "a callable is evaluated")

from django.core.exceptions import ValidationError

bad = Ticket.objects.create(status="bogus", priority=99)  # saved!
equal(Ticket.objects.filter(status="bogus").count(), 1, "save() stores a value outside choices")
with raises(ValidationError, what="full_clean() rejects it") as box:
    bad.full_clean()
equal(box[0].message_dict, {"status": ["Value 'bogus' is not a valid choice."],
                            "priority": ["Value 99 is not a valid choice."]}, "with these messages")
equal(bad.get_status_display(), "bogus", "get_FOO_display() returns an unknown value itself")

from django.db import IntegrityError, transaction
from django.db.models import Q


class Strict(models.Model):
    status = models.CharField(max_length=20, choices=Ticket.Status)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(status__in=Ticket.Status.values), name="status_valid")]


create_tables()
with raises(IntegrityError, what="a CheckConstraint enforces the choices in the database"):
    with transaction.atomic():
        Strict.objects.create(status="bogus")

from django import forms


class TicketForm(forms.ModelForm):
    class Meta:
        model = Ticket
        fields = ["status", "priority"]


f = TicketForm({"status": "bogus", "priority": 2})
claim(not f.is_valid() and "status" in f.errors, "ModelForm validates choices")
claim(isinstance(f.fields["priority"], forms.TypedChoiceField), "through a TypedChoiceField for integers")

from django.db.migrations.writer import MigrationWriter

src, _ = MigrationWriter.serialize(Review._meta.get_field("rating"))
claim("rating_choices" in src, "a callable is recorded in migrations by reference: %s" % src)
src, _ = MigrationWriter.serialize(Ticket._meta.get_field("status"))
claim("'in_progress'" in src, "literal choices are copied into the migration")


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["channel"]


first = ReviewForm().fields["channel"].choices[0]
if since(6, 1):
    equal(first, ("", "- Select an option -"), "the blank choice label in 6.1")
    from django.test import override_settings
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with override_settings(USE_BLANK_CHOICE_DASH=True):
            class DashForm(forms.ModelForm):  # choices are built when the form class is created
                class Meta:
                    model = Review
                    fields = ["channel"]

            equal(DashForm().fields["channel"].choices[0], ("", "---------"), "USE_BLANK_CHOICE_DASH brings back the dashes")
else:
    equal(first, ("", "---------"), "the blank choice label up to 6.0")

# The empty option: blank=True or no default adds it; a default without blank does not.
rating_first = forms.modelform_factory(Review, fields=["rating"])().fields["rating"].choices[0]
equal(rating_first[0], "", "a field without a default (rating) also gets the empty option")
status_choices = TicketForm().fields["status"].choices
claim(all(v != "" for v, _ in status_choices), "a field with a default and no blank=True (status) gets none")
