"""088 indexes and constraints: the answer's Booking model, the migration
operations, partial unique and check constraints enforced by the database,
validate_constraints() via full_clean(), name rules, check= removal."""
from djqcheck import claim, create_tables, equal, raises, setup, since, warns

setup()

from django.db import models


class Room(models.Model):
    number = models.IntegerField()


# --- the answer's code, verbatim ---
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower


class Booking(models.Model):
    # indexed automatically
    room = models.ForeignKey("Room", on_delete=models.CASCADE)
    # unique implies an index
    reference = models.CharField(max_length=12, unique=True)
    guest_email = models.EmailField()
    date = models.DateField()
    nights = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, default="pending")

    class Meta:
        indexes = [
            models.Index(
                fields=["date", "-nights"], name="booking_date_nights_idx"
            ),
            models.Index(
                fields=["guest_email"],
                condition=Q(status="pending"),
                name="booking_pending_email_idx",
            ),
            models.Index(
                Lower("guest_email"), name="booking_email_lower_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["room", "date"],
                condition=~Q(status="cancelled"),
                name="uniq_active_room_date",
            ),
            models.CheckConstraint(
                condition=Q(nights__gte=1, nights__lte=30),
                name="nights_1_to_30",
            ),
        ]
# --- end ---

urlpatterns = []
from django.core import checks

equal([m.id for m in checks.run_checks() if m.level >= checks.ERROR], [], "the model passes the system checks")

# makemigrations: AddIndex / AddConstraint operations
from django.apps import apps
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.state import ModelState, ProjectState

before = ProjectState()
before.add_model(ModelState.from_model(Room))
before.add_model(ModelState.from_model(Booking))
for name in ("indexes", "constraints"):
    before.models["djqcheck", "booking"].options[name] = []
for label in ("auth", "contenttypes", "sessions"):
    for model in apps.get_app_config(label).get_models():
        before.add_model(ModelState.from_model(model))
after = ProjectState.from_apps(apps)
from django.db.migrations.graph import MigrationGraph

from django.db.migrations.questioner import MigrationQuestioner

changes = MigrationAutodetector(before, after, MigrationQuestioner(defaults={"ask_initial": True})).changes(graph=MigrationGraph())
ops = [type(op).__name__ for m in changes.get("djqcheck", []) for op in m.operations]
equal(sorted(ops), sorted(["AddIndex"] * 3 + ["AddConstraint"] * 2), "makemigrations turns them into AddIndex and AddConstraint operations")

create_tables()
from django.db import connection

with connection.cursor() as cur:
    cons = connection.introspection.get_constraints(cur, Booking._meta.db_table)
for name in ("booking_date_nights_idx", "booking_pending_email_idx", "booking_email_lower_idx", "uniq_active_room_date"):
    claim(name in cons, f"{name} exists in the database (SQLite supports partial and functional indexes)")
claim(any(c["foreign_key"] is None and c["index"] and c["columns"] == ["room_id"] for c in cons.values()), "the foreign key is indexed automatically")
claim(any(c["unique"] and c["columns"] == ["reference"] for c in cons.values()), "unique=True creates a unique index")

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

room = Room.objects.create(number=1)
d = datetime.date(2026, 1, 1)
Booking.objects.create(room=room, reference="A", guest_email="a@x", date=d, nights=2, status="cancelled")
Booking.objects.create(room=room, reference="B", guest_email="b@x", date=d, nights=2, status="cancelled")
Booking.objects.create(room=room, reference="C", guest_email="c@x", date=d, nights=2)
with raises(IntegrityError, what="a second active booking for the room and date is rejected by the database"):
    with transaction.atomic():
        Booking.objects.create(room=room, reference="D", guest_email="d@x", date=d, nights=2)
with raises(IntegrityError, what="save() does not validate: the CheckConstraint raises IntegrityError"):
    with transaction.atomic():
        Booking.objects.create(room=room, reference="E", guest_email="e@x", date=datetime.date(2026, 2, 1), nights=31)
bad = Booking(room=room, reference="F", guest_email="f@example.com", date=d, nights=31)
with raises(ValidationError, what="full_clean() runs validate_constraints()") as box:
    bad.full_clean()
msgs = str(box[0].message_dict)
claim("nights_1_to_30" in msgs and "uniq_active_room_date" in msgs, "both constraints are reported as validation errors")

# Name rules (system checks)
from django.test.utils import isolate_apps


@isolate_apps("djqcheck")
def name_checks():
    class Long(models.Model):
        a = models.IntegerField()

        class Meta:
            app_label = "djqcheck"
            indexes = [models.Index(fields=["a"], name="x" * 31), models.Index(fields=["a"], name="_bad")]

    return {e.id for e in Long.check(databases=["default"])}


ids = name_checks()
claim({"models.E034", "models.E033"} <= ids, "index names are limited to 30 characters and must not start with _ or a digit")

with raises(ValueError, "name", what="a functional index needs an explicit name"):
    models.Index(Lower("guest_email"))
with raises(ValueError, "name", what="a partial index needs an explicit name"):
    models.Index(fields=["guest_email"], condition=Q(status="x"))

if since(6, 0):
    with raises(TypeError, what="check= was removed in 6.0"):
        models.CheckConstraint(check=Q(nights__gte=1), name="x")
else:
    from django.utils.deprecation import RemovedInDjango60Warning

    with warns(RemovedInDjango60Warning, what="check= was deprecated in 5.1"):
        models.CheckConstraint(check=Q(nights__gte=1), name="x")
