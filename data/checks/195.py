"""195 custom validators: the answer's function and @deconstructible class on
a model and a form; save() skips them, full_clean() reports both; empty values
skipped; form validators see converted values; error_messages by code;
migration serialization; DRF ModelSerializer copies them."""
import contextlib
import io

from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's validators, as written ---
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


def validate_sku(value):
    if not value.startswith("SKU-") or not value[4:].isdigit():
        raise ValidationError(
            _("%(value)s is not a valid SKU (SKU- then digits)."),
            code="invalid_sku",
            params={"value": value},
        )


@deconstructible
class EmailDomainValidator:
    message = _("Use an address at %(domain)s.")
    code = "wrong_domain"

    def __init__(self, domain):
        self.domain = domain.lower()

    def __call__(self, value):
        if not value.lower().endswith("@" + self.domain):
            raise ValidationError(
                self.message, code=self.code, params={"domain": self.domain}
            )

    def __eq__(self, other):
        return (
            isinstance(other, EmailDomainValidator)
            and self.domain == other.domain
        )


from django import forms
from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=20, validators=[validate_sku])
    contact = models.EmailField(
        validators=[EmailDomainValidator("example.com")]
    )


class ReorderForm(forms.Form):
    sku = forms.CharField(validators=[validate_sku])
# --- end ---


create_tables()

# The answer's full_clean block, verbatim (print captured).
out = io.StringIO()
with contextlib.redirect_stdout(out):
    from django.core.exceptions import ValidationError

    p = Product(sku="ABC", contact="bob@other.org")
    p.save()  # no error: save() does not validate
    try:
        p.full_clean()
    except ValidationError as e:
        print(e.message_dict)
claim(Product.objects.filter(sku="ABC").exists(), "save() does not run validators")
equal(
    out.getvalue().strip(),
    str({"sku": ["ABC is not a valid SKU (SKU- then digits)."], "contact": ["Use an address at example.com."]}),
    "full_clean() reports both validators' messages",
)
Product.objects.bulk_create([Product(sku="bad", contact="x@y.z")])
Product.objects.update(sku="also bad")
equal(Product.objects.filter(sku="also bad").count(), 2, "bulk_create() and update() never validate")

with raises(ValidationError) as box:
    validate_sku("XYZ")
equal(box[0].code, "invalid_sku", "errors carry a code")
equal(EmailDomainValidator("Example.COM")("ann@example.com"), None, "the return value is ignored (None when valid)")

# Empty values are skipped at both layers.
calls = []


def spy(value):
    calls.append(value)


class Opt(models.Model):
    note = models.CharField(max_length=10, blank=True, validators=[spy])


Opt(note="").full_clean()
forms.CharField(required=False, validators=[spy]).clean("")
equal(calls, [], "validators are skipped for empty values (model and form)")

# Form field: validator gets the converted value; all errors collected; code override.
seen = []
f = forms.IntegerField(validators=[lambda v: seen.append(type(v))])
f.clean("42")
equal(seen, [int], "a form validator receives an int for an IntegerField")


def never(value):
    raise ValidationError("second problem", code="second")


with raises(ValidationError) as box:
    forms.CharField(validators=[validate_sku, never]).clean("bad")
equal(len(box[0].messages), 2, "all validators of a field run and their errors are collected")
with raises(ValidationError, "^\\['Wrong SKU'\\]$", what="a form field's error_messages override a validator's text by code"):
    forms.CharField(validators=[validate_sku], error_messages={"invalid_sku": "Wrong SKU"}).clean("bad")
form = ReorderForm({"sku": "nope"})
equal(list(form.errors["sku"]), ["nope is not a valid SKU (SKU- then digits)."], "the form runs its field validators")


# ModelForm: error next to the field via full_clean(), though the form field lacks the validator.
class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = ["sku", "contact"]


pf = ProductForm({"sku": "ABC", "contact": "a@example.com"})
claim(validate_sku not in pf.fields["sku"].validators, "the generated form field does not carry the model validator")
claim(not pf.is_valid(), "ModelForm.is_valid() runs model validators")
equal(list(pf.errors["sku"]), ["ABC is not a valid SKU (SKU- then digits)."], "the error shows next to the form field")

# Migrations: serialization.
from django.db.migrations.writer import MigrationWriter

equal(MigrationWriter.serialize(validate_sku)[0], "djqcheck.models.validate_sku", "a module-level function is written as its import path")
equal(MigrationWriter.serialize(EmailDomainValidator("example.com"))[0], "djqcheck.models.EmailDomainValidator('example.com')", "@deconstructible records the constructor arguments")
claim(EmailDomainValidator("example.com") == EmailDomainValidator("example.com"), "__eq__ makes equal arguments compare equal")


class PlainValidator:
    def __call__(self, value):
        pass


with raises(ValueError, "Cannot serialize", what="a plain class instance: ValueError: Cannot serialize"):
    MigrationWriter.serialize(PlainValidator())
with raises(ValueError, what="lambdas cannot be serialized"):
    MigrationWriter.serialize(lambda v: None)


def outer():
    def inner(v):
        pass

    return inner


with raises(ValueError, what="nested functions cannot be serialized"):
    MigrationWriter.serialize(outer())

# DRF copies model validators onto ModelSerializer fields.
from rest_framework import serializers


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["sku", "contact"]


s = ProductSerializer(data={"sku": "ABC", "contact": "bob@other.org"})
claim(validate_sku in s.fields["sku"].validators, "ModelSerializer copies the model field's validators")
claim(not s.is_valid(), "the API applies the same rule")
equal([str(x) for x in s.errors["sku"]], ["ABC is not a valid SKU (SKU- then digits)."], "Django's ValidationError becomes a DRF validation error")

# Built-ins named in the answer exist.
from django.core import validators as v

for name in ("RegexValidator", "MinValueValidator", "MaxValueValidator", "MinLengthValidator", "MaxLengthValidator",
             "FileExtensionValidator", "validate_email", "URLValidator", "StepValueValidator",
             "ProhibitNullCharactersValidator", "BaseValidator"):
    claim(hasattr(v, name), "django.core.validators has %s" % name)
claim(hasattr(v.BaseValidator, "compare"), "BaseValidator subclasses override compare()")
