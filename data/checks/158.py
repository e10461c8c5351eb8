"""158 window functions (SQLite): the answer's ranking table (RowNumber,
Rank, DenseRank), top-N per group by filtering the window (a subquery),
the OR + aggregation case raising NotImplementedError, running totals and
ties, Lag's None, moving average frame, frame exclusion and NotSupportedError,
no window annotation in update()."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup()

from datetime import date
from decimal import Decimal

from django.db import models


class Sale(models.Model):
    region = models.CharField(max_length=5)
    amount = models.IntegerField()
    day = models.DateField()


create_tables()
for region, amount, d in [("EU", 300, 1), ("EU", 300, 2), ("EU", 100, 2), ("EU", 50, 3), ("US", 70, 1), ("US", 90, 2)]:
    Sale.objects.create(region=region, amount=amount, day=date(2026, 1, d))

# --- the answer's code, as written ---
from django.db.models import F, Window
from django.db.models.functions import DenseRank, Rank, RowNumber

by_amount = {"partition_by": "region", "order_by": "-amount"}
sales = Sale.objects.annotate(
    row=Window(RowNumber(), **by_amount),
    rank=Window(Rank(), **by_amount),
    dense=Window(DenseRank(), **by_amount),
).order_by("region", "row")
# --- end ---
eu = [(s.amount, s.row, s.rank, s.dense) for s in sales if s.region == "EU"]
equal(eu, [(300, 1, 1, 1), (300, 2, 1, 1), (100, 3, 3, 2), (50, 4, 4, 3)], "the answer's table: RowNumber 1-4, Rank 1,1,3,4, DenseRank 1,1,2,3")

best = Sale.objects.annotate(
    row=Window(
        RowNumber(),
        partition_by="region",
        order_by=[F("amount").desc(), "day"],  # tie-breaker
    )
).filter(row__lte=3)
with queries(1, "top N per group in one query") as ctx:
    got = sorted((s.region, s.amount, s.row) for s in best)
equal(got, [("EU", 100, 3), ("EU", 300, 1), ("EU", 300, 2), ("US", 70, 2), ("US", 90, 1)], "filter(row__lte=3) keeps the top 3 per region")
claim(ctx.captured_queries[0]["sql"].count("SELECT") == 2, "Django wraps the query in a subquery and filters outside it")
equal(best.filter(region="EU").count(), 3, "window filters mix with normal ones")

from django.db.models import Count, Q

with raises(NotImplementedError, "disjunctive", what="an OR of a window condition and another condition in an aggregating query is not supported"):
    list(Sale.objects.annotate(r=Window(Rank(), partition_by="region", order_by="-amount"), n=Count("pk")).filter(Q(r__lte=1) | Q(amount=50)))

from django.db.models import Avg, Sum
from django.db.models.expressions import RowRange
from django.db.models.functions import Lag

daily = Sale.objects.annotate(
    running=Window(Sum("amount"), partition_by="region",
                   order_by=["day", "pk"]),
    prev=Window(Lag("amount"), partition_by="region", order_by="day"),
    moving=Window(Avg("amount"), partition_by="region", order_by="day",
                  frame=RowRange(start=-2, end=0)),  # this + 2 before
).annotate(change=F("amount") - F("prev"))
eu = [s for s in daily.order_by("day", "pk") if s.region == "EU"]
equal([s.running for s in eu], [300, 600, 700, 750], "ordering by a unique combination gives a row-by-row running total")
equal(eu[0].prev, None, "the first row has no previous row: prev is None")
equal(eu[0].change, None, "... and so is the difference")
equal(float(eu[3].moving), (300 + 100 + 50) / 3, "RowRange(start=-2, end=0): this row and two before")

ties = [s.t for s in Sale.objects.filter(region="EU").annotate(t=Window(Sum("amount"), order_by="day")).order_by("day", "pk")]
equal(ties, [300, 700, 700, 750], "without a unique order, the default frame includes rows that tie on the ordering")
total = {s.region: s.tot for s in Sale.objects.annotate(tot=Window(Sum("amount"), partition_by="region"))}
equal(total, {"EU": 750, "US": 160}, "an aggregate without order_by puts the group total on every row")

from django.db.models.expressions import WindowFrameExclusion

ex = [s.x for s in Sale.objects.filter(region="US").annotate(
    x=Window(Sum("amount"), order_by="day", frame=RowRange(start=None, end=None, exclusion=WindowFrameExclusion.CURRENT_ROW))
).order_by("day")]
equal(ex, [90, 70], "exclusion=CURRENT_ROW leaves out the current row (SQLite supports it)")
from django.db import NotSupportedError, connection

connection.features.__dict__["supports_frame_exclusion"] = False
with raises(NotSupportedError, what="Django raises NotSupportedError when the backend lacks the option"):
    list(Sale.objects.annotate(x=Window(Sum("amount"), frame=RowRange(exclusion=WindowFrameExclusion.TIES))))
del connection.features.__dict__["supports_frame_exclusion"]

from django.core.exceptions import FieldError

with raises(FieldError, "Window expressions are not allowed", what="a window annotation can't be used in update()"):
    Sale.objects.annotate(r=Window(RowNumber(), order_by="pk")).update(amount=F("r"))
ids = list(best.filter(row=1).values_list("pk", flat=True))
equal(Sale.objects.filter(pk__in=ids).update(amount=0), 2, "select the pks first, then update by pk__in")
