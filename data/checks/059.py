"""059 database functions, on PostgreSQL: the answer's text, NULL/type,
date and Func examples, with their results (Concat and NULL, Coalesce,
register_lookup, Trunc/Extract in the current time zone, Now() as
STATEMENT_TIMESTAMP, INITCAP via Func, Greatest and NULL, 6.1 UUID4)."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup(database="postgresql", installed_apps=["django.contrib.postgres"])

import datetime
import time
import zoneinfo

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100, default="")
    first_name = models.CharField(max_length=50, default="")
    last_name = models.CharField(max_length=50, null=True)
    code = models.CharField(max_length=10, default="")
    nickname = models.CharField(max_length=50, null=True)
    username = models.CharField(max_length=50, default="")
    age = models.IntegerField(default=0)


class Order(models.Model):
    created = models.DateTimeField()


class Article(models.Model):
    published = models.DateTimeField()


create_tables()
Author.objects.create(name="bob", first_name="Bob", last_name=None, code="ab", nickname=None, username="bobby", age=30)
Author.objects.create(name="Ada lovelace king", first_name="Ada", last_name="Lovelace", code="cd", nickname="", username="ada", age=36)

# --- Text, verbatim ---
from django.db.models import CharField, Value
from django.db.models.functions import Concat, Length, Lower, Upper

Author.objects.order_by(Lower("name"))  # case-insensitive sort
Author.objects.annotate(name_len=Length("name")).filter(name_len__gt=20)
Author.objects.annotate(
    display=Concat(
        "first_name", Value(" "), "last_name", output_field=CharField()
    )
)
Author.objects.update(code=Upper("code"))
# --- end ---
equal(list(Author.objects.order_by(Lower("name")).values_list("name", flat=True)), ["Ada lovelace king", "bob"], "Lower() gives a case-insensitive sort")
equal(list(Author.objects.annotate(name_len=Length("name")).filter(name_len__gt=10).values_list("age", flat=True)), [36], "Length() can be filtered on")
displays = dict(Author.objects.annotate(display=Concat("first_name", Value(" "), "last_name", output_field=CharField())).values_list("age", "display"))
equal(displays, {30: "Bob ", 36: "Ada Lovelace"}, "Concat never returns NULL: a NULL part becomes ''")
equal(sorted(Author.objects.values_list("code", flat=True)), ["AB", "CD"], "update(code=Upper('code'))")
CharField.register_lookup(Lower)
equal(Author.objects.filter(name__lower="bob").count(), 1, "register_lookup(Lower) enables name__lower")
CharField._unregister_lookup(Lower)

# --- NULLs and types, verbatim ---
from django.db.models import FloatField, Sum
from django.db.models.functions import Cast, Coalesce

Author.objects.annotate(screen_name=Coalesce("nickname", "username"))
# the same as Sum("age", default=0):
Author.objects.aggregate(total_age=Coalesce(Sum("age"), 0))
Author.objects.annotate(age_float=Cast("age", output_field=FloatField()))
# --- end ---
equal(dict(Author.objects.annotate(screen_name=Coalesce("nickname", "username")).values_list("age", "screen_name")), {30: "bobby", 36: ""}, "Coalesce takes the first non-null value; '' is not null")
equal(Author.objects.filter(age__gt=99).aggregate(total_age=Coalesce(Sum("age"), 0)), {"total_age": 0}, "Coalesce(Sum(...), 0) gives 0 on no rows")
equal(Author.objects.filter(age__gt=99).aggregate(total_age=Sum("age", default=0)), {"total_age": 0}, "same as Sum(default=0)")
claim(isinstance(Author.objects.annotate(age_float=Cast("age", output_field=FloatField())).first().age_float, float), "Cast to FloatField gives a float")
from django.core.exceptions import FieldError
from django.db import DataError, ProgrammingError, transaction

with raises((DataError, ProgrammingError, FieldError), what="Coalesce needs arguments of compatible types"):
    with transaction.atomic():
        list(Author.objects.annotate(x=Coalesce("nickname", "age")))
from django.db.models.functions import Greatest

equal(Author.objects.annotate(g=Greatest("age", Value(None, output_field=models.IntegerField()))).order_by("age").first().g, 30, "Greatest ignores NULL on PostgreSQL")

# --- Dates, verbatim ---
from django.db.models import Count
from django.db.models.functions import (
    ExtractYear,
    Now,
    TruncDate,
    TruncMonth,
)

# Orders per month
(
    Order.objects.annotate(month=TruncMonth("created"))
    .values("month")
    .annotate(n=Count("id"))
)

# Orders per calendar day
(
    Order.objects.annotate(day=TruncDate("created"))
    .values("day")
    .annotate(n=Count("id"))
)

Order.objects.annotate(year=ExtractYear("created"))
Article.objects.filter(published__lte=Now())
# --- end ---
from django.utils import timezone

UTC = datetime.timezone.utc
Order.objects.create(created=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=UTC))
Order.objects.create(created=datetime.datetime(2025, 1, 15, 10, 0, tzinfo=UTC))
Order.objects.create(created=datetime.datetime(2025, 1, 16, 10, 0, tzinfo=UTC))
months = list(Order.objects.annotate(month=TruncMonth("created")).values("month").annotate(n=Count("id")).order_by("month"))
equal([(r["month"].month, r["n"]) for r in months], [(12, 1), (1, 2)], "TruncMonth + values() + annotate() counts per month (UTC)")
with timezone.override(zoneinfo.ZoneInfo("Europe/Paris")):
    days = list(Order.objects.annotate(day=TruncDate("created")).values("day").annotate(n=Count("id")).order_by("day"))
    equal(days[0]["day"], datetime.date(2025, 1, 1), "TruncDate converts to the current time zone first")
    equal(Order.objects.annotate(year=ExtractYear("created")).order_by("created").first().year, 2025, "ExtractYear uses the current time zone")
equal(Order.objects.filter(created__year=2025).count(), 2, "__year is backed by Extract")
Article.objects.create(published=timezone.now() - datetime.timedelta(days=1))
Article.objects.create(published=timezone.now() + datetime.timedelta(days=1))
equal(Article.objects.filter(published__lte=Now()).count(), 1, "Now() compares against the database clock")
from django.contrib.postgres.functions import TransactionNow

with transaction.atomic():
    Author.objects.count()
    time.sleep(0.05)
    row = Author.objects.annotate(n=Now(), t=TransactionNow()).first()
    claim(row.n > row.t, "on PostgreSQL Now() is the statement's start time, not the transaction's")

# --- Func, verbatim ---
from django.db.models import CharField, F, Func

class InitCap(Func):          # PostgreSQL and Oracle provide INITCAP()
    function = "INITCAP"
    output_field = CharField()
    arity = 1

Author.objects.annotate(pretty=InitCap(F("name")))
# --- end ---
equal(Author.objects.annotate(pretty=InitCap(F("name"))).get(age=36).pretty, "Ada Lovelace King", "a Func subclass wraps INITCAP()")
from django.core.exceptions import FieldError

with raises(TypeError, "takes exactly 1 argument", what="arity = 1 is enforced"):
    InitCap(F("name"), F("code"))

from django.db.models.functions import JSONArray

equal(Author.objects.annotate(j=JSONArray("age", "code")).get(age=30).j, [30, "AB"], "JSONArray (new in 5.2)")

import django.db.models.functions as fn

if since(6, 1):
    import uuid

    u = Author.objects.annotate(u=fn.UUID4()).first().u
    equal(uuid.UUID(str(u)).version, 4, "6.1 adds UUID4()")
    from django.db import NotSupportedError, connection

    if connection.pg_version < 180000:
        with raises(NotSupportedError, what="UUID7 needs PostgreSQL 18"):
            list(Author.objects.annotate(u=fn.UUID7()))
else:
    claim(not hasattr(fn, "UUID4"), "UUID4 is new in 6.1")
