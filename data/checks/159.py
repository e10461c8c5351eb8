"""159 custom lookups and transforms, on PostgreSQL and SQLite: the answer's
DivisibleBy lookup (SQL with the value as a parameter, exclude, F(), field
subclasses) and EmailDomain transform (chaining, __in, values/annotate,
order_by, as_postgresql), per-instance registration, Lower as a transform,
the Mod/Exact alternatives, an expression index, None rejected as rhs."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

# database="postgresql" is the default; "lite" is SQLite.
setup(database="postgresql", sqlite_alias="lite")

# --- shop/lookups.py, as written ---
from django.db import models
from django.db.models import Lookup, Transform


@models.IntegerField.register_lookup
class DivisibleBy(Lookup):
    lookup_name = "divisible_by"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"MOD({lhs}, {rhs}) = 0", (*lhs_params, *rhs_params)


@models.EmailField.register_lookup
class EmailDomain(Transform):
    lookup_name = "domain"
    output_field = models.CharField()

    def as_sql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        sql = f"SUBSTR({lhs}, INSTR({lhs}, '@') + 1)"
        return sql, (*params, *params)  # lhs appears twice

    def as_postgresql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"SPLIT_PART({lhs}, '@', 2)", params
# --- end ---


class Book(models.Model):
    title = models.CharField(max_length=50)
    pages = models.PositiveIntegerField()
    chapters = models.IntegerField()


class Subscriber(models.Model):
    email = models.EmailField()

    class Meta:
        indexes = [models.Index(EmailDomain("email"), name="sub_domain_idx")]


create_tables()
from django.core.management import call_command

call_command("migrate", database="lite", run_syncdb=True, verbosity=0)

from django.db.models import Count, F

for db in ("default", "lite"):
    B, S = Book.objects.using(db), Subscriber.objects.using(db)
    for t, p, c in [("a", 100, 10), ("b", 120, 7), ("c", 150, 3)]:
        B.create(title=t, pages=p, chapters=c)
    for e in ["x@example.com", "y@EXAMPLE.com", "z@a.org", "w@b.org", "v@c.net"]:
        S.create(email=e)
    # --- the answer's queries ---
    equal(sorted(B.filter(pages__divisible_by=50).values_list("title", flat=True)), ["a", "c"], "pages__divisible_by=50 (%s)" % db)
    equal(sorted(B.exclude(pages__divisible_by=50).values_list("title", flat=True)), ["b"], "exclude works (%s)" % db)
    equal(sorted(B.filter(pages__divisible_by=F("chapters")).values_list("title", flat=True)), ["a", "c"], "process_rhs handles F() (%s)" % db)
    equal(S.filter(email__domain="example.com").count(), 1, "the transform (%s)" % db)
    equal(S.filter(email__domain__iexact="example.com").count(), 2, "CharField lookups chain after it (%s)" % db)
    equal(S.filter(email__domain__in=["a.org", "b.org"]).count(), 2, "__in after the transform (%s)" % db)
    equal(sorted(S.values("email__domain").annotate(n=Count("pk")).values_list("email__domain", "n")), [("EXAMPLE.com", 1), ("a.org", 1), ("b.org", 1), ("c.net", 1), ("example.com", 1)], "values() + annotate (%s)" % db)
    equal(list(S.order_by("email__domain").values_list("email", flat=True))[-1], "x@example.com", "order_by the transform (%s)" % db)

from django.db import connection, connections

with queries(1) as ctx:
    list(Book.objects.filter(pages__divisible_by=50))
sql, params = ctx.captured_queries[0]["sql"], None
claim('MOD("djqcheck_book"."pages", 50) = 0' in sql, "WHERE MOD(\"shop_book\".\"pages\", 50) = 0")
q = Book.objects.filter(pages__divisible_by=50).query
_, params = q.get_compiler("default").as_sql()
equal(tuple(params), (50,), "50 is sent as a parameter")
q = Subscriber.objects.filter(email__domain="a.org").query
s_pg, _ = q.get_compiler("default").as_sql()
s_lite, p_lite = q.get_compiler("lite").as_sql()
claim("SPLIT_PART" in s_pg and "INSTR" in s_lite, "as_postgresql overrides the SQL on PostgreSQL only")
claim(issubclass(models.BigIntegerField, models.IntegerField) and "divisible_by" in models.BigIntegerField.get_lookups(), "registering on IntegerField covers its subclasses")

from djqcheck import since

# Return params as a tuple (6.0 expects it).
lk = Book.objects.filter(pages__divisible_by=50).query.where.children[0]
_, p = lk.as_sql(Book.objects.all().query.get_compiler("default"), connection)
claim(isinstance(p, tuple), "the lookup returns its params as a tuple")

# Per-instance registration (4.2+).


class Multiple(Lookup):
    lookup_name = "multiple_of"

    def as_sql(self, compiler, connection):
        lhs, lp = self.process_lhs(compiler, connection)
        rhs, rp = self.process_rhs(compiler, connection)
        return f"MOD({lhs}, {rhs}) = 0", (*lp, *rp)


Book._meta.get_field("chapters").register_lookup(Multiple)
equal(Book.objects.filter(chapters__multiple_of=5).count(), 1, "register_lookup on one field instance")
from django.core.exceptions import FieldError

with raises(FieldError, "Unsupported lookup 'multiple_of'", what="... and only that field"):
    Book.objects.filter(pages__multiple_of=5).count()

from django.db.models.functions import Lower, Mod
from django.db.models.lookups import Exact

models.CharField.register_lookup(Lower)
equal(Book.objects.filter(title__lower__startswith="a").count(), 1, "a function with lookup_name registered as a transform")
equal(Book.objects.annotate(rest=Mod("pages", 50)).filter(rest=0).count(), 2, "annotate(Mod(...)).filter(rest=0)")
equal(Book.objects.filter(Exact(Mod("pages", 50), 0)).count(), 2, "a lookup expression in filter()")

with connection.cursor() as c:
    c.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'sub_domain_idx'")
    claim("split_part" in c.fetchone()[0].lower(), "an expression index on the transform")

with raises(ValueError, "Cannot use None as a query value", what="field__lookup=None is rejected unless can_use_none_as_rhs"):
    Book.objects.filter(pages__divisible_by=None)

tr = Subscriber.objects.filter(email__domain="a.org").query.where.children[0].lhs
for alias in ("default", "lite"):
    comp = Subscriber.objects.all().query.get_compiler(alias)
    _, p = comp.compile(tr)
    if since(6, 0):
        claim(isinstance(p, tuple), "6.0+: compiled params are tuples (%s)" % alias)

# 6.0+: Django's own helpers (process_lhs/process_rhs) give tuples.
comp = Book.objects.all().query.get_compiler("default")
helper_params = (lk.process_lhs(comp, connection)[1], lk.process_rhs(comp, connection)[1])
if since(6, 0):
    claim(all(isinstance(p, tuple) for p in helper_params), "6.0+: process_lhs() and process_rhs() return tuples")
