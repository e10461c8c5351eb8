"""057 F expressions: atomic UPDATEs, assigning F() to an instance (5.2 keeps
the expression, 6.0+ refreshes it), field comparisons, annotations,
nulls_last ordering and the conditional decrement."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

import datetime
from decimal import Decimal

from django.db import models


class Article(models.Model):
    views = models.IntegerField(default=0)


class Product(models.Model):
    category = models.CharField(max_length=20, default="books")
    price = models.DecimalField(max_digits=8, decimal_places=2, default=10)
    stock = models.IntegerField(default=0)
    reorder_level = models.IntegerField(default=5)


class Blog(models.Model):
    name = models.CharField(max_length=50)


class Author(models.Model):
    name = models.CharField(max_length=50)


class Entry(models.Model):
    blog = models.ForeignKey(Blog, on_delete=models.CASCADE)
    authors = models.ManyToManyField(Author)


class OrderLine(models.Model):
    quantity = models.IntegerField()
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)


class Ticket(models.Model):
    active_at = models.DateTimeField()
    duration = models.DurationField()


class Company(models.Model):
    last_contacted = models.DateTimeField(null=True)


create_tables()
article_id = Article.objects.create(views=41).pk
Product.objects.create(price=Decimal("10.00"), stock=3, reorder_level=5)
Product.objects.create(category="toys", price=Decimal("10.00"), stock=9)

# --- answer block 1, verbatim ---
from decimal import Decimal

from django.db.models import F

with queries(1, "one UPDATE ... SET views = views + 1") as ctx:
    # One UPDATE ... SET views = views + 1 WHERE id = ...
    Article.objects.filter(pk=article_id).update(views=F("views") + 1)

# Raise every book price by 10 % in a single statement
Product.objects.filter(category="books").update(
    price=F("price") * Decimal("1.10")
)
# --- end ---
sql = ctx.captured_queries[0]["sql"]
claim(sql.startswith("UPDATE") and '"views" = ("djqcheck_article"."views" + 1)' in sql, "the database computes views + 1 itself")
equal(Article.objects.get(pk=article_id).views, 42, "F('views') + 1 increments")
equal(Product.objects.get(category="books").price, Decimal("11.00"), "price * 1.10 in one statement")
equal(Product.objects.get(category="toys").price, Decimal("10.00"), "only the filtered rows change")

# --- answer block 2, verbatim ---
article = Article.objects.get(pk=article_id)
article.views = F("views") + 1
article.save(update_fields=["views"])
# --- end ---
from django.db.models.expressions import CombinedExpression

if since(6, 0):
    with queries(0, "Django 6.0 refreshes an expression-assigned field after save() (RETURNING on SQLite)"):
        equal(article.views, 43, "the attribute is a number after save() on 6.0+")
else:
    claim(isinstance(article.views, CombinedExpression), "on 5.2 the attribute still holds the expression after save()")
    article.save(update_fields=["views"])
    article.refresh_from_db(fields=["views"])
    equal(article.views, 44, "a later save() applies + 1 again on 5.2")
    Article.objects.filter(pk=article_id).update(views=43)
article.refresh_from_db(fields=["views"])
equal(article.views, 43, "refresh_from_db() reloads the field")

# --- answer block 3, verbatim ---
from django.db.models import DateTimeField, ExpressionWrapper, F

# Products whose stock fell below their own reorder level
Product.objects.filter(stock__lt=F("reorder_level"))

# Lookups can span relations on both sides
Entry.objects.filter(authors__name=F("blog__name"))

# Computed column
OrderLine.objects.annotate(line_total=F("quantity") * F("unit_price"))

# Mixed types need an explicit output_field
Ticket.objects.annotate(
    expires=ExpressionWrapper(
        F("active_at") + F("duration"), output_field=DateTimeField()
    )
)

# Control where NULLs go when sorting
Company.objects.order_by(F("last_contacted").desc(nulls_last=True))
# --- end ---
from django.utils import timezone

equal(list(Product.objects.filter(stock__lt=F("reorder_level")).values_list("category", flat=True)), ["books"], "stock__lt=F('reorder_level') compares two columns")
b = Blog.objects.create(name="Ann")
e = Entry.objects.create(blog=b)
e.authors.add(Author.objects.create(name="Ann"))
Entry.objects.create(blog=Blog.objects.create(name="Zed")).authors.add(Author.objects.create(name="Bob"))
equal(list(Entry.objects.filter(authors__name=F("blog__name"))), [e], "F() lookups span relations on both sides")
OrderLine.objects.create(quantity=3, unit_price=Decimal("2.50"))
equal(OrderLine.objects.annotate(line_total=F("quantity") * F("unit_price")).get().line_total, Decimal("7.50"), "computed column")
now = timezone.now()
Ticket.objects.create(active_at=now, duration=datetime.timedelta(hours=2))
equal(
    Ticket.objects.annotate(expires=ExpressionWrapper(F("active_at") + F("duration"), output_field=DateTimeField())).get().expires,
    now + datetime.timedelta(hours=2),
    "ExpressionWrapper with output_field adds a duration to a datetime",
)
c_null = Company.objects.create(last_contacted=None)
c_old = Company.objects.create(last_contacted=now - datetime.timedelta(days=1))
c_new = Company.objects.create(last_contacted=now)
equal(list(Company.objects.order_by(F("last_contacted").desc(nulls_last=True))), [c_new, c_old, c_null], "desc(nulls_last=True) puts NULLs last")
equal(Entry.objects.annotate(b=F("blog")).get(pk=e.pk).b, b.pk, "F() on a ForeignKey gives the related primary key value")

# --- answer block 4, verbatim ---
product_id = Product.objects.get(category="books").pk
Product.objects.filter(pk=product_id).update(stock=0)
with raises(ValueError, "out of stock", what="the conditional update reports 0 rows when stock is 0"):
    updated = Product.objects.filter(pk=product_id, stock__gt=0).update(
        stock=F("stock") - 1
    )
    if not updated:
        raise ValueError(f"Product {product_id} is out of stock")
