"""061 model inheritance: the answer's abstract, multi-table and proxy
models, their tables, Meta inheritance, the parent link and its errors."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

# --- the answer's models, verbatim ---
from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-created"]


class Article(TimeStamped):
    title = models.CharField(max_length=200)


class Place(models.Model):
    name = models.CharField(max_length=50)


class Restaurant(Place):
    serves_pizza = models.BooleanField(default=False)


class Person(models.Model):
    first_name = models.CharField(max_length=30)
    last_name = models.CharField(max_length=30)


class OrderedPerson(Person):
    class Meta:
        proxy = True
        ordering = ["last_name"]

    def full_name(self):
        return f"{self.first_name} {self.last_name}"
# --- end ---


class Draft(TimeStamped):
    class Meta(TimeStamped.Meta):
        verbose_name = "draft"


class NoUpdated(TimeStamped):
    updated = None


class OrderedPlace(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        ordering = ["name"]
        verbose_name = "spot"


class Cafe(OrderedPlace):
    pass


create_tables()
from django.db import connection

tables = connection.introspection.table_names()
claim("djqcheck_timestamped" not in tables, "an abstract base class gets no table")
equal([f.name for f in Article._meta.local_fields], ["id", "created", "updated", "title"], "fields are copied into the child's one table")
equal(Article._meta.ordering, ["-created"], "a child with no Meta inherits the parent's Meta")
claim(not Article._meta.abstract, "Django sets abstract=False on the child")
equal((Draft._meta.ordering, Draft._meta.verbose_name), (["-created"], "draft"), "class Meta(TimeStamped.Meta) extends it")
claim("updated" not in [f.name for f in NoUpdated._meta.fields], "an inherited abstract field can be removed with None")
claim(not hasattr(TimeStamped, "objects"), "an abstract model gets no manager")
with raises(TypeError, "Abstract models cannot be instantiated", what="you cannot create an abstract model"):
    TimeStamped()

# related_name in an abstract class needs %(class)s
from django.core import checks as dj_checks

claim("djqcheck_place" in tables and "djqcheck_restaurant" in tables, "multi-table inheritance: both models get a table")
ptr = Restaurant._meta.get_field("place_ptr")
claim(isinstance(ptr, models.OneToOneField) and ptr.remote_field.parent_link, "Django adds place_ptr, a OneToOneField with parent_link=True")
with queries(1) as ctx:
    list(Restaurant.objects.all())
claim("JOIN" in ctx.captured_queries[0]["sql"], "reading a Restaurant joins the two tables")
from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as ctx:
    r = Restaurant.objects.create(name="Luigi", serves_pizza=True)
equal([q["sql"].split('"')[1] for q in ctx.captured_queries if q["sql"].startswith("INSERT")], ["djqcheck_place", "djqcheck_restaurant"], "saving a child writes to both tables")
p = Place.objects.get(pk=r.pk)
equal(p.restaurant, r, "place.restaurant reaches the child")
plain = Place.objects.create(name="Park")
with raises(Restaurant.DoesNotExist, what="place.restaurant raises Restaurant.DoesNotExist for a plain place"):
    plain.restaurant
equal((Cafe._meta.ordering, Cafe._meta.verbose_name), (["name"], "cafe"), "an MTI child inherits ordering but not the rest of Meta")
with raises(ValueError, what="bulk_create does not support MTI children"):
    Restaurant.objects.bulk_create([Restaurant(name="x")])

claim("djqcheck_orderedperson" not in tables and OrderedPerson._meta.db_table == "djqcheck_person", "a proxy uses the parent's table")
Person.objects.create(first_name="Zoe", last_name="Adams")
Person.objects.create(first_name="Al", last_name="Zed")
equal([p.full_name() for p in OrderedPerson.objects.all()], ["Zoe Adams", "Al Zed"], "the proxy orders by last_name and adds methods")
claim(type(Person.objects.first()) is Person, "queries on Person still return Person objects")
class BadProxy(Person):
    age = models.IntegerField()

    class Meta:
        proxy = True


equal([e.id for e in BadProxy.check()], ["models.E017"], "a proxy cannot add fields (system check models.E017)")
with raises(TypeError, "has no non-abstract model base class", what="a proxy must inherit from a concrete model"):
    class Base(models.Model):
        class Meta:
            abstract = True

    class BadProxy2(Base):
        class Meta:
            proxy = True
with raises(TypeError, "more than one non-abstract model base", what="a proxy must inherit from exactly one concrete model"):
    class BadProxy3(Person, Place):
        class Meta:
            proxy = True
from django.core.exceptions import FieldError

with raises(FieldError, "clashes", what="a child cannot reuse a concrete parent's field name"):
    class Clash(Place):
        name = models.CharField(max_length=10)
