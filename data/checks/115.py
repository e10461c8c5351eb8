"""115 JSONField on SQLite: the answer's Product model and lookups (keys,
nested paths, array index, chained lookups, numeric comparison, missing key),
negative indexes (SQLite since 6.0), has_key/has_keys/has_any_keys,
contains raising NotSupportedError on SQLite, KT() annotations and ordering,
SQL NULL vs JSON null (JSONNull in 6.1, Value(None, JSONField()) on 5.2 and
the 6.1 deprecation of filter(x=None)), exclude() skipping rows without the
key, and the default={} warning fields.E010."""
from djqcheck import claim, create_tables, equal, raises, setup, since, warns

setup()
urlpatterns = []

from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=50)
    attrs = models.JSONField(default=dict, blank=True)


create_tables()
Product.objects.create(name="lamp", attrs={"color": "red", "size": {"w": 30}, "tags": ["home"], "stock": 5})
Product.objects.create(name="mug", attrs={"color": "blue", "size": {"w": 8}, "tags": ["kitchen", "home"], "stock": 12})
Product.objects.create(name="pen", attrs={"owner": None, "stock": 100})


def names(qs):
    return sorted(p.name for p in qs)


# the answer's lookups, verbatim
Product.objects.filter(attrs__color="red")            # key
Product.objects.filter(attrs__size__w__gte=10)        # nested path
Product.objects.filter(attrs__tags__0="home")         # array index
Product.objects.filter(attrs__color__icontains="RE")  # + lookup
Product.objects.filter(attrs__stock__gt=10)           # JSON numbers
Product.objects.filter(attrs__color__isnull=True)     # key missing
Product.objects.values_list("attrs__size__w", flat=True)

r_color = names(Product.objects.filter(attrs__color="red"))
r_size__w__gte = names(Product.objects.filter(attrs__size__w__gte=10))
r_tags__0 = names(Product.objects.filter(attrs__tags__0="home"))
r_color__icontains = names(Product.objects.filter(attrs__color__icontains="RE"))
r_stock__gt = names(Product.objects.filter(attrs__stock__gt=10))
r_color__isnull = names(Product.objects.filter(attrs__color__isnull=True))
vl = Product.objects.values_list("attrs__size__w", flat=True)

equal(r_color, ["lamp"], "key transform")
equal(r_size__w__gte, ["lamp"], "nested path")
equal(r_tags__0, ["lamp"], "array index")
equal(r_color__icontains, ["lamp"], "chained with an ordinary lookup")
equal(r_stock__gt, ["mug", "pen"], "JSON numbers compare as numbers (12 > 10, 100 > 10, 5 is not)")
equal(r_color__isnull, ["pen"], "isnull=True on a key: the key is missing")
equal(sorted(vl, key=lambda v: (v is None, v or 0)), [8, 30, None], "values_list on a path")

if since(6, 0):
    equal(names(Product.objects.filter(**{"attrs__tags__-1": "home"})), ["lamp", "mug"], "negative indexes work on SQLite since 6.0")
else:
    from django.db import NotSupportedError

    with raises(Exception, what="negative indexes are not supported on SQLite in 5.2"):
        list(Product.objects.filter(**{"attrs__tags__-1": "home"}))

equal(names(Product.objects.filter(attrs__has_key="tags")), ["lamp", "mug"], "has_key")
equal(names(Product.objects.filter(attrs__has_keys=["tags", "stock"])), ["lamp", "mug"], "has_keys: all")
equal(names(Product.objects.filter(attrs__has_any_keys=["owner", "size"])), ["lamp", "mug", "pen"], "has_any_keys: any")
from django.db import NotSupportedError

with raises(NotSupportedError, what="contains is not supported on SQLite"):
    list(Product.objects.filter(attrs__contains={"color": "red"}))
with raises(NotSupportedError, what="contained_by is not supported on SQLite"):
    list(Product.objects.filter(attrs__contained_by={"color": "red", "stock": 5}))

from django.db.models.fields.json import KT

kt = Product.objects.annotate(
    color=KT("attrs__color"),
    first_tag=KT("attrs__tags__0"),
).filter(first_tag__startswith="ho").order_by("color")

equal([(p.name, p.color, p.first_tag) for p in kt], [("lamp", "red", "home")], "KT() extracts text for filtering")
equal([p.color for p in Product.objects.annotate(color=KT("attrs__color")).order_by("color")], [None, "blue", "red"],
      "KT() for ordering")

# exclude() skips rows without the key.
equal(names(Product.objects.exclude(attrs__color="red")), ["mug"], "exclude(attrs__color='red') leaves out the product with no color")
from django.db.models import Q

equal(names(Product.objects.exclude(attrs__color="red") | Product.objects.filter(attrs__color__isnull=True)), ["mug", "pen"],
      "add isnull=True to get them")
equal(names(Product.objects.filter(attrs__colour="red")), [], "a typo is a valid key lookup that matches nothing")

if since(6, 1):
    from django.db import models
    from django.db.models import JSONNull  # new in Django 6.1
    
    
    class Event(models.Model):
        payload = models.JSONField(null=True)  # SQL NULL allowed

    create_tables()  # scaffolding
    
    
    Event.objects.create(payload=None)        # SQL NULL
    Event.objects.create(payload=JSONNull())  # JSON null
    sql_null = Event.objects.filter(payload__isnull=True)     # SQL NULL only
    json_null = Event.objects.filter(payload=JSONNull())       # JSON null only
    owner_null = Event.objects.filter(payload__owner=None)      # key holds null
    a, b = Event.objects.order_by("pk")
    Event.objects.create(payload={"owner": None})
    equal([e.pk for e in sql_null], [a.pk], "isnull=True: SQL NULL only")
    equal([e.pk for e in json_null], [b.pk], "JSONNull(): JSON null only")
    equal(owner_null.count(), 1, "payload__owner=None: key holds JSON null")
    equal((a.payload, Event.objects.get(pk=b.pk).payload), (None, None), "both come back as Python None")
    equal(Event.objects.filter(payload__owner__iexact=None).count(), 1, "since 6.1 iexact=None on a key means JSON null")
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, what="filter(payload=None) is deprecated in 6.1"):
        list(Event.objects.filter(payload=None))
else:
    from django.db import models as m
    from django.db.models import JSONField, Value

    class Event(m.Model):
        payload = m.JSONField(null=True)

    create_tables()
    a = Event.objects.create(payload=None)
    b = Event.objects.create(payload=Value(None, JSONField()))
    equal([e.pk for e in Event.objects.filter(payload__isnull=True)], [a.pk], "isnull=True: SQL NULL only")
    equal([e.pk for e in Event.objects.filter(payload=None)], [b.pk], "on 5.2 filter(payload=None) matches JSON null")

from django.db import IntegrityError, transaction

with raises(IntegrityError, what="Product.attrs (no null=True) refuses None"):
    with transaction.atomic():
        Product.objects.create(name="x", attrs=None)


class Bad(models.Model):
    data = models.JSONField(default={})


from django.core.checks import Warning as CheckWarning, run_checks

found = [e for e in run_checks() if e.id == "fields.E010"]
claim(found and isinstance(found[0], CheckWarning), "default={} gets fields.E010, a warning despite its id")
