"""214 Serializer vs ModelSerializer: the answer's Book model, the explicit
Serializer and the ModelSerializer behave alike; generated fields, unique
validator, fields/exclude required, nested writes refused, NotImplementedError."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's model, verbatim ---
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, unique=True)
    pages = models.PositiveIntegerField(default=0)
# --- end ---


# --- the answer's serializers, verbatim ---
from rest_framework import serializers


class BookSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(max_length=200)
    isbn = serializers.CharField(max_length=13)
    pages = serializers.IntegerField(min_value=0, required=False)

    def create(self, validated_data):
        return Book.objects.create(**validated_data)

    def update(self, instance, validated_data):
        for attr, value in validated_data.items():
            setattr(instance, attr, value)
        instance.save()
        return instance


class BookModelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "isbn", "pages"]
# --- end ---

create_tables()

# Both create and update the same way.
s = BookSerializer(data={"title": "Dune", "isbn": "9780441013593"})
claim(s.is_valid(), "the explicit serializer validates")
b1 = s.save()
equal(Book.objects.get(pk=b1.pk).title, "Dune", "the explicit create() saves the book")
s = BookSerializer(b1, data={"title": "Dune II", "isbn": "9780441013593"})
s.is_valid(raise_exception=True)
equal(Book.objects.get(pk=s.save().pk).title, "Dune II", "the explicit update() saves")

m = BookModelSerializer(data={"title": "Emma", "isbn": "111"})
claim(m.is_valid(), "the ModelSerializer validates")
b2 = m.save()
equal((b2.title, b2.pages), ("Emma", 0), "ModelSerializer.create() saves the model (with the default)")
m = BookModelSerializer(b2, data={"title": "Emma 2", "isbn": "111"})
m.is_valid(raise_exception=True)
equal(Book.objects.get(pk=m.save().pk).title, "Emma 2", "ModelSerializer.update() sets attributes and saves")
equal(BookModelSerializer(b2).data, BookSerializer(b2).data, "both give the same output")

# Unique validation: only the ModelSerializer checks the ISBN.
dup = {"title": "X", "isbn": "111"}
m = BookModelSerializer(data=dup)
claim(not m.is_valid() and "isbn" in m.errors, "ModelSerializer checks that the ISBN is unique")
claim(BookSerializer(data=dup).is_valid(), "the plain Serializer does not check uniqueness")

# Generated fields.
fields = BookModelSerializer().fields
claim(fields["id"].read_only, "the auto primary key is read-only")
equal(type(fields["title"]), serializers.CharField, "CharField maps to a serializer CharField")
equal(fields["title"].max_length, 200, "with the same max_length")
claim(fields["pages"].required is False, "a field with a default becomes required=False")
equal(fields["pages"].min_value, 0, "PositiveIntegerField gets min_value=0")
from rest_framework.validators import UniqueValidator

claim(any(isinstance(v, UniqueValidator) for v in fields["isbn"].validators), "unique=True gets a UniqueValidator")
r = repr(BookModelSerializer())
equal(r.splitlines(), [
    "BookModelSerializer():",
    "    id = BigIntegerField(label='ID', read_only=True)",
    "    title = CharField(max_length=200)",
    "    isbn = CharField(max_length=13, validators=[<UniqueValidator(queryset=Book.objects.all())>])",
    "    pages = IntegerField(max_value=9223372036854775807, min_value=0, required=False)",
], "repr() shows the generated fields as in the answer (SQLite, DEFAULT_AUTO_FIELD = BigAutoField)")
from django.db import connection

equal(connection.vendor, "sqlite", "(this check runs on SQLite)")
from django.db.backends.postgresql.operations import DatabaseOperations as PgOps

equal(PgOps.integer_field_ranges["PositiveIntegerField"], (0, 2147483647), "max_value is 2147483647 on PostgreSQL")


class Notes(models.Model):
    body = models.TextField(blank=True)
    book = models.ForeignKey(Book, null=True, on_delete=models.CASCADE)
    code = models.CharField(max_length=5, editable=False, default="x")
    ref = models.CharField(max_length=5, validators=[__import__("django.core.validators", fromlist=["x"]).MinLengthValidator(2)])

    class Meta:
        unique_together = [("book", "ref")]


class NotesSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notes
        fields = "__all__"


f = NotesSerializer().fields
equal(type(f["body"]), serializers.CharField, "a TextField becomes a CharField")
claim(f["body"].required is False and f["body"].allow_blank, "blank=True becomes required=False")
equal(type(f["book"]), serializers.PrimaryKeyRelatedField, "a ForeignKey becomes a PrimaryKeyRelatedField")
claim(f["book"].allow_null, "null=True becomes allow_null=True")
claim(f["code"].read_only, "editable=False fields are read-only")
from django.core.validators import MinLengthValidator
from rest_framework.validators import UniqueTogetherValidator

claim(any(isinstance(v, MinLengthValidator) for v in f["ref"].validators), "model field validators are copied onto the serializer field")
claim(any(isinstance(v, UniqueTogetherValidator) for v in NotesSerializer().get_validators()), "unique_together gets a UniqueTogetherValidator")


class Seat(models.Model):
    row = models.CharField(max_length=2)
    number = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["row", "number"], name="one_seat")]


class SeatSerializer(serializers.ModelSerializer):
    class Meta:
        model = Seat
        fields = ["row", "number"]


claim(any(isinstance(v, UniqueTogetherValidator) for v in SeatSerializer().get_validators()),
      "a multi-field UniqueConstraint gets a UniqueTogetherValidator")


class Tweaked(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "isbn", "pages"]
        read_only_fields = ["isbn"]
        extra_kwargs = {"title": {"max_length": 50}}


tf = Tweaked().fields
claim(tf["isbn"].read_only and tf["title"].max_length == 50, "read_only_fields and extra_kwargs tweak generated fields")


class Overridden(BookModelSerializer):
    title = serializers.IntegerField()


equal(type(Overridden().fields["title"]), serializers.IntegerField, "declared fields override generated ones")


class Tag(models.Model):
    name = models.CharField(max_length=10)


class Shelf(models.Model):
    tags = models.ManyToManyField(Tag)


class ShelfSerializer(serializers.ModelSerializer):
    class Meta:
        model = Shelf
        fields = ["id", "tags"]


create_tables()
t1 = Tag.objects.create(name="a")
sh = ShelfSerializer(data={"tags": [t1.pk]})
sh.is_valid(raise_exception=True)
equal(list(sh.save().tags.all()), [t1], "create() sets many-to-many relations after the save")


class NoFields(serializers.ModelSerializer):
    class Meta:
        model = Book


with raises(AssertionError, "fields", what="leaving out fields and exclude raises an AssertionError"):
    NoFields().fields


class Nested(serializers.ModelSerializer):
    book = BookModelSerializer()

    class Meta:
        model = Notes
        fields = ["ref", "book"]


n = Nested(data={"ref": "ab", "book": {"title": "T", "isbn": "999"}})
n.is_valid(raise_exception=True)
with raises(AssertionError, "does not support writable nested fields by default", what="default create() refuses writable nested serializers"):
    n.save()


class Login(serializers.Serializer):
    username = serializers.CharField()


l = Login(data={"username": "x"})
claim(l.is_valid(), "a plain Serializer can validate input you never save")
with raises(NotImplementedError, "create", what="save() without create() raises NotImplementedError"):
    l.save()

# the id field type follows DEFAULT_AUTO_FIELD: written by 5.2's startproject, the default since 6.0
from django.conf import global_settings
from djqcheck import since

equal(global_settings.DEFAULT_AUTO_FIELD,
      "django.db.models.BigAutoField" if since(6, 0) else "django.db.models.AutoField",
      "DEFAULT_AUTO_FIELD defaults to BigAutoField since 6.0 (AutoField on 5.2)")
import os

import django

tpl = open(os.path.join(os.path.dirname(django.__file__), "conf", "project_template", "project_name", "settings.py-tpl")).read()
equal("DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'" in tpl, not since(6, 0),
      "5.2's startproject writes DEFAULT_AUTO_FIELD = BigAutoField; 6.x's does not need to")


class SmallPk(models.Model):
    id = models.AutoField(primary_key=True)


class SmallPkSerializer(serializers.ModelSerializer):
    class Meta:
        model = SmallPk
        fields = ["id"]


equal(type(SmallPkSerializer().fields["id"]), serializers.IntegerField, "an AutoField primary key maps to an IntegerField")
