"""021 Q objects: the answer's OR / AND-NOT / XOR / mixed queries run as
written, odd-parity XOR, operator precedence, the reduce() builder, Q in
Count(filter=), When(), CheckConstraint(condition=), and duplicate rows from
OR across a multi-valued relation."""
import datetime
import operator
from functools import reduce

from djqcheck import claim, create_tables, equal, queries, raises, setup

setup()

from django.conf import settings
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=100)
    summary = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, default="draft")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    is_featured = models.BooleanField(default=False)
    is_pinned = models.BooleanField(default=False)
    pub_date = models.DateField(default=datetime.date(2025, 1, 1))


class Comment(models.Model):
    article = models.ForeignKey(Article, related_name="comments", on_delete=models.CASCADE)
    approved = models.BooleanField(default=False)


class Product(models.Model):
    price = models.DecimalField(max_digits=8, decimal_places=2)
    stock = models.IntegerField(default=0)
    discontinued = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gte=0), name="price_non_negative"),
        ]


create_tables()
from django.contrib.auth.models import User

on = User.objects.create(username="on")
off = User.objects.create(username="off", is_active=False)
A = Article.objects.create
a1 = A(title="Django tips", status="published", author=on, is_featured=True, pub_date=datetime.date(2024, 5, 1))
a2 = A(title="Cooking", summary="no django here", status="published", author=off, is_pinned=True)
a3 = A(title="Other", status="draft", author=on, is_featured=True, is_pinned=True, pub_date=datetime.date(2023, 1, 1))


def titles(qs):
    return sorted(qs.values_list("title", flat=True))


from django.db.models import Q

# OR
with queries(0, "combining Q objects does not hit the database"):
    qs = Article.objects.filter(
        Q(title__icontains="django") | Q(summary__icontains="django")
    )
equal(titles(qs), ["Cooking", "Django tips"], "| is OR")
claim(isinstance(Q(a=1) | Q(b=2), Q), "combining two Q objects returns a Q")

# AND with a negated condition
equal(titles(Article.objects.filter(
    Q(status="published") & ~Q(author__is_active=False)
)), ["Django tips"], "& with ~ is AND NOT")

# XOR: exactly one of the conditions is true
equal(titles(Article.objects.filter(Q(is_featured=True) ^ Q(is_pinned=True))), ["Cooking", "Django tips"],
      "^ is XOR")

# Q objects and keyword arguments mix, but Q objects must come first
equal(titles(Article.objects.filter(
    Q(pub_date__year=2024) | Q(pub_date__year=2025),
    status="published",
)), ["Cooking", "Django tips"], "Q objects and keyword arguments are ANDed")
with raises(SyntaxError, what="a Q object after keyword arguments is a syntax error"):
    compile('Article.objects.filter(status="published", Q(pub_date__year=2024))', "x", "eval")

equal(titles(Article.objects.filter(Q(is_featured=True) ^ Q(is_pinned=True) ^ Q(status="draft"))),
      ["Cooking", "Django tips", "Other"], "with three operands XOR is true for an odd number of true ones")
x = Q(a=1) | Q(b=2) & Q(c=3)
equal(x, Q(a=1) | (Q(b=2) & Q(c=3)), "& binds tighter than |")
equal(Q(a=1) ^ Q(b=2) & Q(c=3), Q(a=1) ^ (Q(b=2) & Q(c=3)), "& binds tighter than ^")
equal(Q(a=1) | Q(b=2) ^ Q(c=3), Q(a=1) | (Q(b=2) ^ Q(c=3)), "^ binds tighter than |")

terms = ["django", "orm", "queryset"]
condition = reduce(operator.or_, (Q(title__icontains=t) for t in terms))
equal(titles(Article.objects.filter(condition)), ["Django tips"], "reduce(operator.or_) builds an OR")

from django.db.models import Count, Value, When, Case, CharField

Comment.objects.create(article=a1, approved=True)
Comment.objects.create(article=a1, approved=False)
Comment.objects.create(article=a1, approved=True)
n = Article.objects.annotate(ok=Count("comments", filter=Q(comments__approved=True))).get(pk=a1.pk).ok
equal(n, 2, "Count(filter=Q(...)) counts conditionally")

p = Product.objects.create(price=1, stock=0)
label = Product.objects.annotate(s=Case(
    When(Q(stock=0) | Q(discontinued=True), then=Value("unavailable")),
    default=Value("ok"), output_field=CharField())).get().s
equal(label, "unavailable", "When() takes a Q object")
from django.db import IntegrityError, transaction

with raises(IntegrityError, what="CheckConstraint(condition=Q(price__gte=0)) is enforced"):
    with transaction.atomic():
        Product.objects.create(price=-1)

# OR across a multi-valued relation duplicates rows.
dup = Article.objects.filter(Q(comments__approved=True) | Q(title="none"))
equal(dup.count(), 2, "OR across a reverse FK returns duplicate rows")
equal(dup.distinct().count(), 1, ".distinct() removes them")

# Negation across a multi-valued relation: "has no related row matching".
a4 = Article.objects.create(title="Quiet", author=on)
Comment.objects.create(article=a3, approved=False)
equal(titles(Article.objects.exclude(comments__approved=True)), ["Cooking", "Other", "Quiet"],
      "exclude() on a reverse FK keeps articles with no approved comment")
equal(titles(Article.objects.filter(comments__approved=False).distinct()), ["Django tips", "Other"],
      "which differs from 'has a comment that is not approved'")
