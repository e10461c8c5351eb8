"""114 PostgreSQL full-text search on a real PostgreSQL: the answer's Entry
model with a generated, GIN-indexed search vector, the __search lookup,
websearch syntax with negation, weighted ranking, the rank-only pitfall,
raw queries failing on bad input, stemming, the immutability requirement
for the generated column, Lexeme (6.0+), SearchHeadline and trigram similarity."""
from djqcheck import claim, create_tables, equal, raises, setup, since

setup(database="postgresql", installed_apps=["django.contrib.postgres"])
urlpatterns = []

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models


class Entry(models.Model):
    headline = models.CharField(max_length=255)
    body_text = models.TextField()
    search_vector = models.GeneratedField(
        expression=SearchVector("headline", weight="A", config="english")
        + SearchVector("body_text", weight="B", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        indexes = [GinIndex(fields=["search_vector"])]


class Author(models.Model):
    name = models.CharField(max_length=100)


create_tables()
Entry.objects.create(headline="Cheese pizza", body_text="A pizza with lots of cheese and pizza dough.")
Entry.objects.create(headline="Cheese board", body_text="Pick three cheeses and some grapes.")
Entry.objects.create(headline="Grapes", body_text="Running through the vineyard, we talked about cheese.")
Entry.objects.create(headline="Salad", body_text="Just vegetables.")

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
)

# quick and unindexed: the __search lookup on one field
Entry.objects.filter(body_text__search="cheese")

vector = (
    SearchVector("headline", weight="A", config="english")
    + SearchVector("body_text", weight="B", config="english")
)
query = SearchQuery("cheese -pizza", search_type="websearch",
                    config="english")
results = (
    Entry.objects.annotate(
        search=vector, rank=SearchRank(vector, query)
    )
    .filter(search=query)  # the @@ match
    .order_by("-rank")
)


equal(Entry.objects.filter(body_text__search="cheese").count(), 3, "the __search lookup matches stemmed words")
titles = [e.headline for e in results]
equal(titles, ["Cheese board", "Grapes"], "websearch 'cheese -pizza' excludes pizza; the headline (weight A) match ranks first")
equal(Entry.objects.filter(body_text__search="run").count(), 1, "stemming: 'run' finds 'Running'")

ranked = {e.headline: e.rank for e in Entry.objects.annotate(rank=SearchRank(vector, query))}
claim(ranked["Cheese pizza"] > 0.05, "ts_rank ignores the negation: the pizza recipe still scores (%r)" % ranked["Cheese pizza"])
claim(ranked["Cheese pizza"] > ranked["Grapes"], "and can outrank a real hit")

from django.db.models import F

stored = Entry.objects.filter(search_vector=query)
equal(sorted(e.headline for e in stored), ["Cheese board", "Grapes"], "filtering on the stored generated column works")
top = Entry.objects.annotate(rank=SearchRank(F("search_vector"), query)).filter(search_vector=query).order_by("-rank")
equal(top[0].headline, "Cheese board", "SearchRank(F('search_vector'), query) ranks on the column")
e = Entry.objects.get(headline="Salad")
e.body_text = "Cheese salad"
e.save()
equal(Entry.objects.filter(search_vector=SearchQuery("cheese", config="english")).filter(pk=e.pk).count(), 1,
      "the generated column is recomputed on every write")

from django.db import connection

with connection.cursor() as cur:
    cur.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'djqcheck_entry'")
    defs = " ".join(r[0] for r in cur.fetchall())
claim("USING gin (search_vector)" in defs, "the GinIndex indexes the stored vector")

from django.db import DatabaseError, transaction

with raises(DatabaseError, what="raw search_type raises errors on malformed input"):
    with transaction.atomic():
        list(Entry.objects.filter(search_vector=SearchQuery("cheese & | (", search_type="raw", config="english")))
equal(Entry.objects.filter(search_vector=SearchQuery("cheese & !pizza", search_type="raw", config="english")).count(), 3,
      "raw to_tsquery syntax works when well formed")
equal(Entry.objects.filter(search_vector=SearchQuery("cheese") & ~SearchQuery("pizza")).count(), 3,
      "queries combine with & and ~")

# Without an explicit config the expression is not immutable: PostgreSQL refuses the column.
class Loose(models.Model):
    headline = models.CharField(max_length=255)
    search_vector = models.GeneratedField(
        expression=SearchVector("headline"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        managed = False


with raises(DatabaseError, "immutable", "the generated expression must be immutable: config has to be explicit"):
    with transaction.atomic():
        with connection.schema_editor() as editor:
            editor.create_model(Loose)

from django.contrib.postgres.search import SearchHeadline

h = Entry.objects.annotate(h=SearchHeadline("body_text", SearchQuery("grapes", config="english"), config="english")).get(headline="Cheese board").h
claim("<b>grapes</b>" in h, "SearchHeadline highlights the matches: %s" % h)

if since(6, 0):
    from django.contrib.postgres.search import Lexeme

    q = SearchQuery(Lexeme("cheese") & ~Lexeme("pizza"), search_type="raw", config="english")
    equal(Entry.objects.filter(search_vector=q).count(), 3, "Lexeme objects (6.0+) build raw queries safely")
    equal(Entry.objects.filter(search_vector=SearchQuery(Lexeme("pizza'); DROP", prefix=False), search_type="raw", config="english")).count(), 0,
          "Lexeme escapes its input")
else:
    import django.contrib.postgres.search as s

    claim(not hasattr(s, "Lexeme"), "Lexeme is new in 6.0")

from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import TrigramSimilarity

with connection.cursor() as cur:
    cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")  # what TrigramExtension() runs
Author.objects.create(name="Katy Stevens")
Author.objects.create(name="Stephen Keats")
Author.objects.create(name="Bob")
names = list(
    Author.objects.annotate(
        similarity=TrigramSimilarity("name", "Katie Stephens"),
    ).filter(similarity__gt=0.3).order_by("-similarity").values_list("name", flat=True)
)
equal(names[0], "Katy Stevens", "trigram similarity finds the typo'd name first")
claim("Bob" not in names, "and leaves unrelated names out")
