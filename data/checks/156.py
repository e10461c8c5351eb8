"""156 Case/When: the answer's size labels, then="amount" means a field,
filter= on aggregates (FILTER (WHERE ...) on SQLite) and default=0,
conditional update in one UPDATE, NULL without a default, ordering by a
Case, alias() keeps it out of the SELECT."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup()

from datetime import date
from decimal import Decimal

from django.db import models


class Sale(models.Model):
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    status = models.CharField(max_length=10)
    region = models.CharField(max_length=5)
    day = models.DateField()


create_tables()
rows = [("120.00", "paid", "EU", 1), ("300.00", "pending", "EU", 2), ("20.00", "refunded", "US", 3), ("60.00", "paid", "US", 4), ("10.00", "paid", "APAC", 5)]
for a, s, r, d in rows:
    Sale.objects.create(amount=Decimal(a), status=s, region=r, day=date(2026, 1, d))

# --- the answer's code, as written ---
from django.db.models import Case, Value, When

sales = Sale.objects.annotate(
    size=Case(
        When(amount__gte=200, then=Value("large")),
        When(amount__gte=50, then=Value("medium")),
        default=Value("small"),
    )
)
got = list(sales.order_by("pk").values_list("amount", "size"))
equal(got[:2], [(Decimal("120.00"), "medium"), (Decimal("300.00"), "large")], "the first matching When wins; default otherwise")
equal(got[2][1], "small", "default=Value('small')")

from django.core.exceptions import FieldError

with raises(FieldError, "mixed types", what="when the branches mix types, pass output_field="):
    list(Sale.objects.annotate(x=Case(When(status="paid", then="amount"), default=Value(0))))
ref = list(Sale.objects.annotate(x=Case(When(status="paid", then="amount"), default=Value(0), output_field=models.DecimalField())).order_by("pk").values_list("x", flat=True))
equal(ref[0], Decimal("120.00"), 'then="amount" is F("amount"), a field, not a string')

from django.db.models import Count, Q, Sum

with queries(1) as ctx:
    totals = Sale.objects.aggregate(
        paid_total=Sum("amount", filter=Q(status="paid")),
        refunds=Count("pk", filter=Q(status="refunded")),
    )
equal(totals, {"paid_total": Decimal("190.00"), "refunds": 1}, "conditional aggregation")
claim("FILTER (WHERE" in ctx.captured_queries[0]["sql"], "filter= becomes FILTER (WHERE ...) on SQLite")
# per region, one query
with queries(1, "per region, one query"):
    per = list(Sale.objects.values("region").annotate(
        paid=Sum("amount", filter=Q(status="paid"), default=0),
        refunded=Count("pk", filter=Q(status="refunded")),
    ).order_by("region"))
equal(per, [{"region": "APAC", "paid": Decimal("10.00"), "refunded": 0}, {"region": "EU", "paid": Decimal("120.00"), "refunded": 0}, {"region": "US", "paid": Decimal("60.00"), "refunded": 1}], "per-region paid totals and refund counts")
equal(Sale.objects.filter(region="EU").aggregate(r=Sum("amount", filter=Q(status="refunded"), default=0))["r"], 0, "default=0 returns 0 instead of None")
equal(Sale.objects.filter(region="EU").aggregate(r=Sum("amount", filter=Q(status="refunded")))["r"], None, "without default: None")

# On a backend without FILTER support, an equivalent CASE WHEN is used.
from django.db import connection

connection.features.__dict__["supports_aggregate_filter_clause"] = False
with queries(1) as ctx:
    Sale.objects.aggregate(p=Sum("amount", filter=Q(status="paid")))
claim("CASE WHEN" in ctx.captured_queries[0]["sql"], "other databases get an equivalent CASE WHEN inside the aggregate")
del connection.features.__dict__["supports_aggregate_filter_clause"]

from decimal import Decimal

from django.db.models import F

with queries(1, "the conditional update is one SQL statement"):
    Sale.objects.update(
        amount=Case(
            When(region="EU", then=F("amount") * Decimal("1.10")),
            default=F("amount"),
        )
    )
equal(list(Sale.objects.order_by("pk").values_list("amount", flat=True))[:3], [Decimal("132.00"), Decimal("330.00"), Decimal("20.00")], "EU amounts +10%, others unchanged")
# --- end ---

priority = Case(
    When(status="pending", then=Value(0)),
    When(status="paid", then=Value(1)),
    default=Value(2),
)
equal([s.status for s in Sale.objects.order_by(priority, "-day")], ["pending", "paid", "paid", "paid", "refunded"], "order_by(Case) gives a custom order")
qs = Sale.objects.alias(priority=priority).order_by("priority")
with queries(1) as ctx:
    first = qs.values().first()
claim("priority" not in first, "alias() names it without adding it to the selected columns")

Sale.objects.filter(region="US").update(amount=Case(When(status="paid", then=Value(Decimal("1")))))
equal(Sale.objects.get(region="US", status="refunded").amount, None, "without a default, rows matching no When are set to NULL")
