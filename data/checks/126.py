"""126 GraphQL: graphene and strawberry are not installed here, so this checks
the N+1 claims the answer makes about the resolvers' querysets on its
Author/Book models: per-book author resolution is 1 + N queries, the root
resolver's select_related() makes it 1, prefetch_related() covers author.books,
a DataLoader-style batch is one pk__in query, and (6.1) FETCH_PEERS makes
author and the reverse one-to-one 2 queries but leaves reverse managers N+1, FETCH_RAISE blocks lazy loads."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()
urlpatterns = []

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)


class Bio(models.Model):  # a one-to-one, to check the reverse accessor
    author = models.OneToOneField(Author, related_name="bio", on_delete=models.CASCADE)
    text = models.CharField(max_length=100)


create_tables()
for i in range(4):
    a = Author.objects.create(name=f"a{i}")
    Bio.objects.create(author=a, text=f"bio{i}")
    for j in range(2):
        Book.objects.create(title=f"b{i}{j}", author=a)


def resolve_books(root, info):  # the answer's graphene root resolver
    return Book.objects.select_related("author")


# { books { title author { name } } } resolved field by field:
def run(books):
    return [{"title": b.title, "author": {"name": b.author.name}} for b in books]


with queries(1 + 8, "author resolved once per book: 1 + N queries"):
    run(Book.objects.all())
with queries(1, "select_related in the root resolver: one query"):
    data = run(resolve_books(None, None))
equal(len(data), 8, "all books resolved")

# { authors { name books { title } } }
with queries(1 + 4, "nested lists: one query per author"):
    [[b.title for b in a.books.all()] for a in Author.objects.all()]
with queries(2, "prefetch_related('books'): two queries"):
    [[b.title for b in a.books.all()] for a in Author.objects.prefetch_related("books")]


# A DataLoader's batch function: all keys of one tick in one pk__in query.
def batch_load_authors(keys):
    found = Author.objects.in_bulk(keys)
    return [found.get(k) for k in keys]


keys = list(Book.objects.values_list("author_id", flat=True))
with queries(1, "a DataLoader batches the keys into one filter(pk__in=...) query") as ctx:
    authors = batch_load_authors(keys)
claim(" IN (" in ctx.captured_queries[0]["sql"], "the batch query uses IN")
equal(len(authors), 8, "one result per key")

if since(6, 1):
    with queries(2, "FETCH_PEERS: author costs one extra query, not one per book"):
        run(Book.objects.fetch_mode(models.FETCH_PEERS))
    with queries(1, "FETCH_PEERS costs nothing when author is not requested"):
        [b.title for b in Book.objects.fetch_mode(models.FETCH_PEERS)]
    with queries(1 + 4, "FETCH_PEERS does not cover reverse managers such as author.books"):
        [[b.title for b in a.books.all()] for a in Author.objects.fetch_mode(models.FETCH_PEERS)]
    with queries(2, "FETCH_PEERS also covers the reverse side of a one-to-one"):
        [a.bio.text for a in Author.objects.fetch_mode(models.FETCH_PEERS)]
    with queries(1 + 4, "without it the reverse one-to-one is one query per author"):
        [a.bio.text for a in Author.objects.all()]
    from django.core.exceptions import FieldFetchBlocked

    with raises(FieldFetchBlocked, what="FETCH_RAISE turns a lazy load into FieldFetchBlocked"):
        run(Book.objects.fetch_mode(models.FETCH_RAISE))
else:
    claim(not hasattr(models, "FETCH_PEERS"), "on 5.2 fetch modes do not exist")
