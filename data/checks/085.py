"""085 Subquery/OuterRef/Exists: the answer's queries return the right rows
in one statement, Exists strips ordering, get() fails, aggregates in a
subquery, OuterRef(OuterRef())."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup()

from django.db import models


class Post(models.Model):
    title = models.CharField(max_length=20)
    length = models.IntegerField()


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    email = models.EmailField()
    created_at = models.DateTimeField()
    length = models.IntegerField()


create_tables()
from django.utils import timezone as tz

now = tz.now()
p1 = Post.objects.create(title="p1", length=100)
p2 = Post.objects.create(title="p2", length=10)
p3 = Post.objects.create(title="p3", length=5)
Comment.objects.create(post=p1, email="old@x", created_at=now - tz.timedelta(days=5), length=30)
Comment.objects.create(post=p1, email="new@x", created_at=now - tz.timedelta(hours=1), length=30)
Comment.objects.create(post=p2, email="p2@x", created_at=now - tz.timedelta(days=3), length=50)

# --- the answer's code, verbatim ---
from datetime import timedelta

from django.db.models import Exists, OuterRef, Subquery, Sum
from django.utils import timezone

# Email of the newest commenter on each post: one column, one row
newest = Comment.objects.filter(post=OuterRef("pk")).order_by(
    "-created_at"
)
posts = Post.objects.annotate(
    last_commenter=Subquery(newest.values("email")[:1]),
)

# Posts with (or without) a comment in the last day
recent = Comment.objects.filter(
    post=OuterRef("pk"),
    created_at__gte=timezone.now() - timedelta(days=1),
)
active = Post.objects.filter(Exists(recent))
quiet = Post.objects.filter(~Exists(recent))
flagged = Post.objects.annotate(has_recent_comment=Exists(recent))

# Aggregate inside a subquery: posts longer than all their comments
# together
comment_length = (
    Comment.objects.filter(post=OuterRef("pk"))
    .order_by()
    .values("post")
    .annotate(total=Sum("length"))
    .values("total")
)
long_posts = Post.objects.filter(length__gt=Subquery(comment_length))
# --- end ---

with queries(1, "a Subquery annotation still runs as one SQL statement") as ctx:
    got = {p.title: p.last_commenter for p in posts.order_by("pk")}
equal(got, {"p1": "new@x", "p2": "p2@x", "p3": None}, "email of the newest commenter per post")
claim(ctx.captured_queries[0]["sql"].count("SELECT") == 2, "the subquery is nested in the outer SELECT")
equal([p.title for p in active], ["p1"], "Exists filter: posts with a recent comment")
equal(sorted(p.title for p in quiet), ["p2", "p3"], "~Exists negates it")
equal({p.title: p.has_recent_comment for p in flagged}, {"p1": True, "p2": False, "p3": False}, "Exists annotation is a boolean")
equal([p.title for p in long_posts], ["p1"], "Sum inside a subquery via values().annotate().values()")

sql = str(active.query)
claim("EXISTS" in sql, "Exists compiles to EXISTS (...)")
outer_select = sql.split("FROM")[0]
claim("EXISTS" not in outer_select, "Exists passed to filter() stays out of the SELECT list")
claim("EXISTS" in str(flagged.query).split(" FROM ")[0], "annotating Exists adds a column")
claim("ORDER BY" not in str(Post.objects.filter(Exists(newest)).query), "Django strips the ordering inside Exists")

with raises(ValueError, "outer query", what="get() on a QuerySet with OuterRef fails outside a subquery"):
    newest.get()
from django.db.models import Case, Value, When

labels = Post.objects.annotate(has_recent_comment=Exists(recent)).annotate(
    label=Case(When(has_recent_comment=True, then=Value("hot")), default=Value("cold"))
)
equal(labels.get(pk=p1.pk).label, "hot", "an annotated Exists can be used in When()")
equal(
    sorted(Post.objects.filter(pk__in=Subquery(Post.objects.filter(length__gt=5).values("pk"))).values_list("title", flat=True)),
    ["p1", "p2"],
    "__in takes a many-row, one-column subquery",
)
# Two levels: posts that have a comment whose email another post also has
inner = Comment.objects.filter(post=OuterRef(OuterRef("pk")), email=OuterRef("email"))
two = Post.objects.annotate(n=Exists(Comment.objects.filter(Exists(inner))))
equal(len(list(two)), 3, "OuterRef(OuterRef('pk')) reaches two levels up")
