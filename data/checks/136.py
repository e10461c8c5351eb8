"""136 CSV import: the answer's management command streams, validates with
line numbers, upserts in batches; ignore_conflicts leaves pks unset; a batch
touching one key twice fails on PostgreSQL; COPY through the Django cursor."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(database="postgresql")

import io
import os
import tempfile

from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=50)
    price = models.DecimalField(max_digits=8, decimal_places=2)


create_tables()

# --- the answer's command, as written (minus `from shop.models import Product`) ---
import csv
from decimal import Decimal, InvalidOperation
from itertools import batched  # Python 3.12+

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.db import transaction


def parse(rows, errors):
    for line_no, row in enumerate(rows, start=2):  # 1 is the header
        try:
            product = Product(
                sku=row["sku"].strip(),
                name=row["name"].strip(),
                price=Decimal(row["price"]),
            )
            product.full_clean(validate_unique=False,
                               validate_constraints=False)
        except (KeyError, InvalidOperation, ValidationError) as exc:
            errors.append((line_no, str(exc)))
        else:
            yield product


class Command(BaseCommand):
    help = "Import or update products from a CSV file"

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, path, batch_size, **options):
        errors, total = [], 0
        with open(path, newline="", encoding="utf-8") as f:
            products = parse(csv.DictReader(f), errors)
            for batch in batched(products, batch_size):
                with transaction.atomic():
                    Product.objects.bulk_create(
                        batch,
                        update_conflicts=True,
                        unique_fields=["sku"],
                        update_fields=["name", "price"],
                    )
                total += len(batch)
        self.stdout.write(f"{total} rows imported, {len(errors)} errors")
        for line_no, msg in errors[:20]:
            self.stderr.write(f"line {line_no}: {msg}")
# --- end ---

from django.core.management import call_command

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "p.csv")
with open(path, "w", encoding="utf-8") as f:
    f.write("sku,name,price\n")
    for i in range(10):
        f.write(f"S{i},Item {i},{i}.50\n")
    f.write("BAD,Broken,abc\n")  # line 12: InvalidOperation
    f.write("S99," + "x" * 60 + ",1\n")  # line 13: too long for max_length

out, err = io.StringIO(), io.StringIO()
with queries(12, "one INSERT per batch of 3 (10 good rows: 4 batches), each in its own transaction (BEGIN/INSERT/COMMIT)") as ctx:
    call_command(Command(), path, batch_size=3, stdout=out, stderr=err)
inserts = [q for q in ctx.captured_queries if q["sql"].startswith("INSERT")]
equal(len(inserts), 4, "bulk_create inserts one batch per query")
equal(sum(q["sql"] == "COMMIT" for q in ctx.captured_queries), 4, "one transaction (commit) per batch")
claim("ON CONFLICT" in inserts[0]["sql"] and "DO UPDATE" in inserts[0]["sql"], "update_conflicts becomes INSERT ... ON CONFLICT ... DO UPDATE on PostgreSQL")
equal(out.getvalue().strip(), "10 rows imported, 2 errors", "the command reports rows and errors")
claim("line 12:" in err.getvalue() and "line 13:" in err.getvalue(), "bad rows are reported with their line number (header is line 1)")

# Run again with changed prices: an upsert, no duplicates.
with open(path, "w", encoding="utf-8") as f:
    f.write("sku,name,price\nS1,Renamed,9.99\n")
call_command(Command(), path, stdout=io.StringIO(), stderr=io.StringIO())
equal(Product.objects.count(), 10, "re-running the import updates instead of duplicating")
equal(Product.objects.get(sku="S1").name, "Renamed", "update_fields are updated on conflict")

# update_conflicts without unique_fields is refused on PostgreSQL.
with raises(ValueError, "Unique fields", what="PostgreSQL and SQLite require unique_fields for update_conflicts"):
    Product.objects.bulk_create([Product(sku="S1", name="n", price=1)], update_conflicts=True, update_fields=["name"])

# ignore_conflicts: pks not set.
objs = Product.objects.bulk_create([Product(sku="S1", name="dup", price=1), Product(sku="N1", name="new", price=1)], ignore_conflicts=True)
claim(all(o.pk is None for o in objs), "with ignore_conflicts primary keys are not set on the returned objects")
equal(Product.objects.get(sku="S1").name, "Renamed", "ignore_conflicts skips the conflicting row")

# One batch touching the same key twice fails on PostgreSQL.
from django.db import ProgrammingError, DataError, Error

with raises(Error, "second time", what="on PostgreSQL, one upsert batch may not touch the same key twice"):
    with transaction.atomic():
        Product.objects.bulk_create(
            [Product(sku="S2", name="a", price=1), Product(sku="S2", name="b", price=2)],
            update_conflicts=True, unique_fields=["sku"], update_fields=["name", "price"],
        )

# bulk_create() turns a generator into a list (evaluates it all).
seen = []
def gen():
    for i in range(3):
        seen.append(i)
        yield Product(sku=f"G{i}", name="g", price=1)
Product.objects.bulk_create(gen(), batch_size=1)
equal(seen, [0, 1, 2], "bulk_create consumes the whole generator")

# COPY with psycopg 3 through Django's cursor.
from django.db import connection

with connection.cursor() as c:
    c.execute("CREATE TABLE product_staging (sku text, name text, price numeric)")
copy_path = os.path.join(tmp, "copy.csv")
with open(copy_path, "w") as f:
    f.write("sku,name,price\n" + "".join(f"C{i},c{i},{i}\n" for i in range(1000)))
UPSERT_FROM_STAGING_SQL = (
    "INSERT INTO %s (sku, name, price) SELECT sku, name, price FROM product_staging "
    "ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price" % Product._meta.db_table
)
path = copy_path
with connection.cursor() as cursor, open(path, "rb") as f:
    with cursor.copy(
        "COPY product_staging (sku, name, price) "
        "FROM STDIN WITH (FORMAT csv, HEADER true)"
    ) as copy:
        while data := f.read(1 << 20):
            copy.write(data)
    cursor.execute(UPSERT_FROM_STAGING_SQL)  # INSERT ... ON CONFLICT
equal(Product.objects.filter(sku__startswith="C").count(), 1000, "COPY into a staging table then one INSERT ... ON CONFLICT moves the rows")

# Background imports: django.tasks (6.0+) queues, but ships no worker.
import pkgutil

from djqcheck import since

if since(6, 0):
    import django.tasks.backends
    from django.tasks import TaskResultStatus, task, task_backends
    from django.test import override_settings

    equal(sorted(m.name for m in pkgutil.iter_modules(django.tasks.backends.__path__)), ["base", "dummy", "immediate"], "6.x ships only the immediate and dummy backends: no worker")
    ran = []

    @task
    def import_products(import_id):
        ran.append(import_id)

    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}):
        result = import_products.enqueue(7)
        equal((result.status, ran), (TaskResultStatus.READY, []), "a queued task waits for a worker; Django does not run it")
else:
    with raises(ImportError, what="django.tasks is new in 6.0"):
        import django.tasks
