"""035 select_related vs prefetch_related: the N+1 loop and the query counts
each fix gives, on the answer's own models."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since, warns

setup()

from django.db import models


class City(models.Model):
    name = models.CharField(max_length=100)


class Author(models.Model):
    name = models.CharField(max_length=100)
    hometown = models.ForeignKey(
        City, null=True, on_delete=models.SET_NULL
    )


class Book(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)
    pub_date = models.DateField(null=True)
    author = models.ForeignKey(
        Author, related_name="books", on_delete=models.CASCADE
    )


create_tables()
city = City.objects.create(name="Lyon")
for i in range(5):
    a = Author.objects.create(name=f"a{i}", hometown=city)
    for j in range(2):
        Book.objects.create(title=f"b{i}{j}", author=a, published=j == 0)

# The N+1 loop: 1 query for the books, then 1 per book.
with queries(1 + Book.objects.count(), "the loop runs 1 + N queries"):
    for book in Book.objects.all():
        book.author.name

# select_related("author__hometown"): 1 query, 2 joins, no further queries.
with queries(1, "select_related runs one query") as ctx:
    books = Book.objects.select_related("author__hometown")
    for book in books:
        book.author.name, book.author.hometown
equal(ctx.captured_queries[0]["sql"].count("JOIN"), 2, "one query with 2 joins")

# It cannot follow reverse foreign keys.
from django.core.exceptions import FieldError

with raises(FieldError, what="select_related cannot follow a reverse foreign key"):
    list(Author.objects.select_related("books"))

# prefetch_related("books"): 2 queries in total.
with queries(2, "prefetch_related('books') is 2 queries in total"):
    authors = Author.objects.prefetch_related("books")
    for author in authors:
        list(author.books.all())

from django.db.models import Prefetch

published = Book.objects.filter(published=True).order_by("-pub_date")
with queries(2, "a Prefetch with to_attr adds one query"):
    authors = Author.objects.prefetch_related(
        Prefetch("books", queryset=published, to_attr="published_books")
    )
    for author in authors:
        claim(isinstance(author.published_books, list), "to_attr gives a plain list")
        equal(len(author.published_books), 1, "the Prefetch queryset filters")

# Filtering a prefetched relation queries again.
authors = list(Author.objects.prefetch_related("books"))
with queries(1, ".filter() on a prefetched relation ignores the cache"):
    list(authors[0].books.filter(published=True))

# Combining: select_related + prefetch_related is 2 queries.
with queries(2, "select_related('hometown').prefetch_related('books') is two queries"):
    for a in Author.objects.select_related("hometown").prefetch_related("books"):
        a.hometown.name, list(a.books.all())

# A prefetch path starting with a select_related relation reuses those objects.
with queries(2, "select_related('author') + prefetch_related('author__books') is 2 queries (authors not fetched again)"):
    for b in Book.objects.select_related("author").prefetch_related("author__books"):
        list(b.author.books.all())

# prefetch_related() with iterator() needs chunk_size (since 5.0).
with raises(ValueError, "chunk_size", what="iterator() without chunk_size after prefetch_related raises ValueError"):
    list(Author.objects.prefetch_related("books").iterator())

# 6.1: select_related() with no arguments is deprecated; fetch modes exist.
if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, what="select_related() with no arguments warns in 6.1"):
        list(Book.objects.select_related())
    with queries(2, "FETCH_PEERS turns the N+1 loop into 2 queries"):
        for book in Book.objects.fetch_mode(models.FETCH_PEERS):
            book.author.name
    from django.core.exceptions import FieldFetchBlocked

    with raises(FieldFetchBlocked, what="FETCH_RAISE makes a lazy load fail"):
        for book in Book.objects.fetch_mode(models.FETCH_RAISE):
            book.author.name

    # The answer's fetch-mode block, verbatim (print captured).
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), queries(2 + 1, "FETCH_PEERS: 2 queries; FETCH_RAISE: only the books query"):
        from django.core.exceptions import FieldFetchBlocked
        from django.db import models

        # FETCH_PEERS: the first lazy access loads the field for every book
        # from the same queryset, so the N+1 loop becomes 2 queries
        for book in Book.objects.fetch_mode(models.FETCH_PEERS):
            print(book.author.name)

        # FETCH_RAISE: any lazy load fails, which exposes N+1 code in tests
        try:
            for book in Book.objects.fetch_mode(models.FETCH_RAISE):
                print(book.author.name)
        except FieldFetchBlocked:
            print("author was not loaded")
    equal(out.getvalue().splitlines()[-1], "author was not loaded", "FETCH_RAISE raises FieldFetchBlocked")
    with queries(1 + Book.objects.count(), "FETCH_ONE (the default) keeps the N+1 pattern"):
        for book in Book.objects.all():
            book.author.name

    # copied to related objects: author then hometown, one batch each
    with queries(3, "book.author.hometown also loads in one batch"):
        for book in Book.objects.fetch_mode(models.FETCH_PEERS):
            book.author.hometown.name

    # deferred fields are covered too
    with queries(2, "FETCH_PEERS loads a deferred field for all peers in one query"):
        for book in Book.objects.only("title").fetch_mode(models.FETCH_PEERS):
            book.pub_date
    with raises(FieldFetchBlocked, what="FETCH_RAISE blocks loading a deferred field"):
        for book in Book.objects.only("title").fetch_mode(models.FETCH_RAISE):
            book.pub_date

    # reverse FK managers are not covered
    n_authors = Author.objects.count()
    with queries(1 + n_authors, "author.books.all() still runs one query per author under FETCH_PEERS"):
        for a in Author.objects.fetch_mode(models.FETCH_PEERS):
            list(a.books.all())
    with queries(1 + n_authors, "FETCH_RAISE does not block reverse managers"):
        for a in Author.objects.fetch_mode(models.FETCH_RAISE):
            list(a.books.all())

    # a custom manager makes a mode a model's default
    class BookManager(models.Manager):
        def get_queryset(self):
            return super().get_queryset().fetch_mode(models.FETCH_PEERS)

    class PeerBook(models.Model):
        author = models.ForeignKey(Author, on_delete=models.CASCADE)
        objects = BookManager()

    create_tables()
    for a in Author.objects.all():
        PeerBook.objects.create(author=a)
    with queries(2, "a manager calling fetch_mode() changes the model's default"):
        for pb in PeerBook.objects.all():
            pb.author.name
else:
    claim(not hasattr(models, "FETCH_PEERS"), "fetch modes are new in 6.1")
    from djqcheck import no_warnings

    with no_warnings(DeprecationWarning, "select_related() with no arguments does not warn on 5.2"):
        list(Book.objects.select_related())
