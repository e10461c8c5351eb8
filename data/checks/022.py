"""022 reverse relations: the answer's models and queries run as written
(book_set, reviews, related_query_name, create() setting the FK), related
manager methods, remove() only with null=True, unsaved instances, '+',
clash checks, RelatedObjectDoesNotExist, prefetch query counts and what 6.1
fetch modes do not cover."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    # reverse accessor: author.book_set
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)


class Review(models.Model):
    book = models.ForeignKey(
        Book,
        on_delete=models.CASCADE,
        related_name="reviews",  # reverse accessor: book.reviews
        related_query_name="review",  # filter(review__rating=5)
    )
    rating = models.PositiveSmallIntegerField()


class Tag(models.Model):
    name = models.CharField(max_length=20)
    books = models.ManyToManyField(Book)


class Profile(models.Model):
    author = models.OneToOneField(Author, on_delete=models.CASCADE)


class Note(models.Model):
    author = models.ForeignKey(Author, null=True, on_delete=models.SET_NULL, related_name="+")


create_tables()
Author.objects.create(pk=1, name="Ann")

author = Author.objects.get(pk=1)
author.book_set.all()
author.book_set.filter(title__startswith="D").count()
book = author.book_set.create(title="Two Scoops")  # author set for you
equal(book.author_id, 1, "create() on the related manager sets the author")

book.reviews.all()
Review.objects.create(book=book, rating=5)
equal(list(Book.objects.filter(review__rating__gte=4).distinct()), [book],
      "related_query_name='review' is used in lookups")
# default query name: the model name
equal(list(Author.objects.filter(book__title__icontains="scoops")), [author],
      "without related_name, the query name is the model name")
with raises(Exception, "review", what="related_name does not change the query name when related_query_name is set"):
    list(Book.objects.filter(reviews__rating=5))

b2 = Book.objects.create(title="Other", author=Author.objects.create(name="Bob"))
with queries(1, "add() on a reverse FK uses QuerySet.update()") as ctx:
    author.book_set.add(b2)
claim(ctx.captured_queries[0]["sql"].startswith("UPDATE"), "add() runs an UPDATE, no save() needed")
claim(not hasattr(author.book_set, "remove") and not hasattr(author.book_set, "clear"),
      "remove() and clear() exist only when the ForeignKey has null=True")
with raises(ValueError, what="add() needs saved objects (bulk=True)"):
    author.book_set.add(Book(title="unsaved"))
author.book_set.add(Book(title="saved for you", author=author), bulk=False)
claim(Book.objects.filter(title="saved for you").exists(), "bulk=False calls save() on each")

with raises(ValueError, what="a reverse FK manager on an unsaved instance raises ValueError"):
    Author(name="new").book_set.all()

t = Tag.objects.create(name="py")
t.books.add(book.pk)
equal(list(book.tag_set.all()), [t], "ManyToMany add() accepts primary keys; reverse is tag_set")
t.books.remove(book.pk)
equal(book.tag_set.count(), 0, "remove() accepts primary keys")
for name in ("aadd", "acreate", "aremove", "aclear", "aset"):
    claim(hasattr(t.books, name), "async %s exists" % name)

with raises(Author.profile.RelatedObjectDoesNotExist, what="reverse one-to-one with no row raises"):
    author.profile
claim(issubclass(Author.profile.RelatedObjectDoesNotExist, Profile.DoesNotExist),
      "RelatedObjectDoesNotExist subclasses Profile.DoesNotExist")
claim(not any(n.startswith("note") for n in dir(author)), "related_name='+' creates no reverse accessor")

# Two FKs to one model without related_name clash.
from django.core import checks


class Loan(models.Model):
    lender = models.ForeignKey(Author, on_delete=models.CASCADE)
    borrower = models.ForeignKey(Author, on_delete=models.CASCADE)


ids = {e.id for e in Loan.check()}
claim({"fields.E304", "fields.E305"} & ids, "two FKs to one model need distinct related_name values")

# Performance.
for i in range(3):
    a = Author.objects.create(name=f"p{i}")
    Book.objects.create(author=a, title=f"t{i}")
n = Author.objects.count()
with queries(1 + n, "one query per author without prefetching"):
    for a in Author.objects.all():
        list(a.book_set.all())
with queries(2, "prefetch_related('book_set') is one extra query"):
    for a in Author.objects.prefetch_related("book_set"):
        list(a.book_set.all())
with queries(2, "prefetch_related('reviews')"):
    for b in Book.objects.prefetch_related("reviews"):
        list(b.reviews.all())
Profile.objects.create(author=author)
with queries(1, "reverse one-to-one can use select_related"):
    for a in Author.objects.select_related("profile").filter(pk=author.pk):
        a.profile
if since(6, 1):
    with queries(1 + n, "FETCH_PEERS does not batch reverse FK managers"):
        for a in Author.objects.fetch_mode(models.FETCH_PEERS):
            list(a.book_set.all())
    others = Author.objects.exclude(pk=author.pk).count()
    for a in Author.objects.exclude(pk=author.pk):
        Profile.objects.create(author=a)
    with queries(2, "FETCH_PEERS batches reverse one-to-one accessors"):
        for a in Author.objects.fetch_mode(models.FETCH_PEERS):
            a.profile

if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    from djqcheck import warns

    with warns(RemovedInDjango70Warning, what="select_related() with no arguments is deprecated in 6.1"):
        list(Book.objects.select_related())
