"""052 form validation: the answer's BookingForm and book view through the
test client; the per-field order (to_python, validate, validators,
clean_<field>), clean() running after field failures, add_error, error codes,
non-field errors, once-only validation, unbound forms."""
import datetime

from djqcheck import claim, create_tables, equal, setup

setup(templates={"bookings/book.html": "{{ form.errors.as_json|safe }}"})

from django.db import models


class Booking(models.Model):  # the answer imports it from .models
    email = models.EmailField()
    start = models.DateField()
    end = models.DateField()


# --- the answer's code, verbatim (minus the relative imports) ---
from django import forms
from django.core.exceptions import ValidationError


class BookingForm(forms.Form):
    email = forms.EmailField()
    start = forms.DateField()
    end = forms.DateField()

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if email.endswith("@example.invalid"):
            raise ValidationError(
                "Use a real address.", code="bad_domain"
            )
        return email

    def clean(self):
        cleaned_data = super().clean()
        start = cleaned_data.get("start")
        end = cleaned_data.get("end")
        if start and end and end < start:
            self.add_error(
                "end", "The end date must be after the start date."
            )
        return cleaned_data


from django.shortcuts import redirect, render


def book(request):
    if request.method == "POST":
        form = BookingForm(request.POST)
        if form.is_valid():
            Booking.objects.create(**form.cleaned_data)
            return redirect("booking-done")
    else:
        form = BookingForm()
    return render(request, "bookings/book.html", {"form": form})
# --- end ---

from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("book/", book), path("done/", lambda r: HttpResponse("done"), name="booking-done")]
create_tables()

from django.test import Client

c = Client()
equal(c.get("/book/").content, b"{}", "an unbound form has no errors")
r = c.post("/book/", {"email": "Ann@Example.com", "start": "2025-01-01", "end": "2025-01-05"})
equal(r["Location"], "/done/", "a valid form is saved and redirects")
b = Booking.objects.get()
equal((b.email, b.start), ("ann@example.com", datetime.date(2025, 1, 1)),
      "cleaned_data holds the value clean_email() returned and converted dates")

f = BookingForm({"email": "a@example.invalid", "start": "2025-02-01", "end": "2025-01-01"})
claim(not f.is_valid(), "the form is invalid")
claim(f.has_error("email", code="bad_domain"), "the error code can be tested with has_error()")
equal(list(f.errors["end"]), ["The end date must be after the start date."], "add_error() attaches the error to one field")
claim("end" not in f.cleaned_data and "email" not in f.cleaned_data, "failed fields are removed from cleaned_data")
equal(f.errors.as_data()["email"][0].code, "bad_domain", "as_data() keeps the code")

f = BookingForm({"email": "x", "start": "nope", "end": "2025-01-01"})
claim(not f.is_valid() and set(f.errors) == {"email", "start"}, "to_python/validators errors per field")
claim("start" not in f.cleaned_data and f.cleaned_data["end"] == datetime.date(2025, 1, 1),
      "Form.clean() still ran with the surviving fields (cleaned_data.get() needed)")
claim(BookingForm().is_valid() is False and not BookingForm().errors, "an unbound form is never valid and has no errors")

order = []


class Traced(forms.CharField):
    def to_python(self, value):
        order.append("to_python")
        return super().to_python(value)

    def validate(self, value):
        order.append("validate")
        super().validate(value)

    def run_validators(self, value):
        order.append("run_validators")
        super().run_validators(value)


def v1(value):
    raise ValidationError("one", code="one")


def v2(value):
    raise ValidationError("two", code="two")


class OrderForm(forms.Form):
    a = Traced()
    b = Traced(validators=[v1, v2])

    def clean_a(self):
        order.append("clean_a")
        return self.cleaned_data["a"]

    def clean_b(self):
        order.append("clean_b")
        return self.cleaned_data["b"]

    def clean(self):
        order.append("clean")
        raise ValidationError([ValidationError("x", code="x"), ValidationError("y", code="y")])


f = OrderForm({"a": "1", "b": "2"})
f.is_valid()
f.errors
f.is_valid()
equal(order, ["to_python", "validate", "run_validators", "clean_a", "to_python", "validate", "run_validators", "clean"],
      "per field: to_python, validate, run_validators, clean_<field> (skipped on failure), then clean(), and only once")
equal([e.code for e in f.errors.as_data()["b"]], ["one", "two"], "run_validators gathers every validator's error")
equal(list(f.non_field_errors()), ["x", "y"], "an exception from clean() is a non-field error; a list raises several")
claim("__all__" in f.errors, "non-field errors are stored under __all__")


class Forgetful(forms.Form):
    a = forms.CharField()

    def clean_a(self):
        pass


g = Forgetful({"a": "kept?"})
g.is_valid()
equal(g.cleaned_data["a"], None, "a clean_<field>() that forgets to return stores None")
h = BookingForm({"email": "a@b.com", "start": "2025-01-01", "end": "2025-01-02"})
h.is_valid()
h.add_error(None, "API said no")
equal(list(h.non_field_errors()), ["API said no"], "add_error(None, ...) adds a form error, also from a view")
