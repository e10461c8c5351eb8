"""142 null vs blank: defaults, the answer's Customer model, form behaviour
(empty -> "" or None), save() skips validation, full_clean's message, and
the NOT NULL error wording on SQLite vs PostgreSQL."""
from djqcheck import claim, create_tables, equal, raises, setup

# database="postgresql": the default database is PostgreSQL, "lite" is SQLite.
setup(database="postgresql", sqlite_alias="lite")

from django.core.management import call_command
from django.db import models


# --- the answer's model, as written ---
class Customer(models.Model):
    name = models.CharField(max_length=100)  # required everywhere
    # Optional text: empty string means "no value", no NULLs
    nickname = models.CharField(max_length=50, blank=True)
    # Optional date, number or relation: needs both
    birth_date = models.DateField(null=True, blank=True)
    referrer = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL
    )
    # Unique but optional text: NULL, because NULLs never collide
    tax_id = models.CharField(
        max_length=20, unique=True, null=True, blank=True
    )
# --- end ---


class Event(models.Model):
    day = models.DateField(blank=True)  # blank without null


create_tables()
call_command("migrate", database="lite", run_syncdb=True, verbosity=0)

f = models.IntegerField()
equal((f.null, f.blank), (False, False), "null and blank both default to False")

from django.db import IntegrityError, connection, connections, transaction

for alias in ("default", "lite"):
    with connections[alias].cursor() as c:
        desc = {col.name: col.null_ok for col in connections[alias].introspection.get_table_description(c, Customer._meta.db_table)}
    equal(
        (desc["name"], desc["nickname"], desc["birth_date"], desc["referrer_id"], desc["tax_id"]),
        (False, False, True, True, True),
        "null=True makes the column nullable; blank=True alone does not (%s)" % alias,
    )

# save() does not validate blank.
Customer(name="").save()
equal(Customer.objects.filter(name="").count(), 1, 'Customer(name="").save() succeeds')

# The NOT NULL failure comes from the database, worded per backend.
with raises(IntegrityError, r'null value in column "nickname" .*violates not-null constraint', what="PostgreSQL says 'null value in column ... violates not-null constraint'"):
    with transaction.atomic():
        Customer.objects.create(nickname=None)
with raises(IntegrityError, "NOT NULL constraint failed", what="SQLite says 'NOT NULL constraint failed'"):
    with transaction.atomic(using="lite"):
        Customer.objects.using("lite").create(nickname=None)

from django.core.exceptions import ValidationError

with raises(ValidationError) as box:
    Customer(name="").full_clean()
equal(box[0].message_dict, {"name": ["This field cannot be blank."]}, "full_clean reports 'This field cannot be blank.'")

# A model form: empty nickname -> "", empty tax_id / date -> None; many customers may leave tax_id empty.
from django import forms


class CustomerForm(forms.ModelForm):
    class Meta:
        model = Customer
        fields = ["name", "nickname", "birth_date", "tax_id"]


form = CustomerForm({"name": "", "nickname": "", "birth_date": "", "tax_id": ""})
equal(list(form.errors.get("name")), ["This field is required."], "a field without blank=True is required in forms")
for n in ("Ann", "Bob"):
    form = CustomerForm({"name": n, "nickname": "", "birth_date": "", "tax_id": ""})
    claim(form.is_valid(), "blank=True fields accept empty input")
    obj = form.save()
    equal((obj.nickname, obj.birth_date, obj.tax_id), ("", None, None), "empty input: '' for nickname, None for a nullable CharField and a date")
equal(Customer.objects.filter(tax_id__isnull=True).count(), 3, "NULLs never collide in a unique column")
with raises(IntegrityError, what="two rows with '' break the unique constraint"):
    with transaction.atomic():
        Customer.objects.create(name="x", tax_id="")
        Customer.objects.create(name="y", tax_id="")


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["day"]


form = EventForm({"day": ""})
claim(form.is_valid(), "blank=True without null=True on a date: the form accepts an empty input")
with raises(IntegrityError, what="... that the database then rejects"):
    with transaction.atomic():
        form.save()
