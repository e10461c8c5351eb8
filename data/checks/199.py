"""199 adding a field to a table with rows: the makemigrations prompt and
its one-off default (preserve_default=False), --noinput exits 3, the four
choices applied to existing rows on PostgreSQL (NULL, default, db_default,
""), default dropped from the column vs db_default kept, DatabaseDefault
placeholder and RETURNING, the unique callable default warning."""
import io
import sys
from unittest import mock

from djqcheck import claim, equal, raises, setup

setup(database="postgresql")

from django.core.management.base import OutputWrapper
from django.db import IntegrityError, connection, models, transaction
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.questioner import (
    InteractiveMigrationQuestioner,
    MigrationQuestioner,
    NonInteractiveMigrationQuestioner,
)
from django.db.migrations.state import ModelState, ProjectState
from django.test.utils import isolate_apps

# --- the answer's first model, as written ---
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=100)
    stock = models.PositiveIntegerField()  # new
# --- end ---

# The "before" state: Product with name only, and its table with two rows.
before = ProjectState()
before.add_model(ModelState("djqcheck", "Product", [("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")), ("name", models.CharField(max_length=100))]))
with connection.schema_editor() as ed:
    ed.create_model(before.apps.get_model("djqcheck", "Product"))
Old = before.apps.get_model("djqcheck", "Product")
Old.objects.create(name="a")
Old.objects.create(name="b")


def detect(to_model, questioner):
    after = ProjectState()
    after.add_model(ModelState.from_model(to_model))
    return MigrationAutodetector(before, after, questioner)._detect_changes()["djqcheck"][0].operations


# The prompt, answered with 1 then 0.
out = io.StringIO()
q = InteractiveMigrationQuestioner(prompt_output=OutputWrapper(out))
with mock.patch("builtins.input", side_effect=["1", "0"]):
    ops = detect(Product, q)
text = out.getvalue()
claim("It is impossible to add a non-nullable field 'stock' to product without specifying a default. This is because the database needs something to populate existing rows.\nPlease select a fix:" in text, "the prompt text")
claim(" 1) Provide a one-off default now (will be set on all existing rows with a null value for this column)" in text
      and " 2) Quit and manually define a default value in models.py." in text and "Select an option: " in text, "the two options")
claim("Please enter the default value as valid Python." in text and ">>> " in text, "then it asks for the value as Python")
(op,) = ops
equal((type(op).__name__, op.field.default, op.preserve_default), ("AddField", 0, False), "option 1 writes AddField(default=0, preserve_default=False)")

# Option 2 and --noinput exit with status 3.
with mock.patch("builtins.input", side_effect=["2"]), raises(SystemExit) as box:
    detect(Product, InteractiveMigrationQuestioner(prompt_output=OutputWrapper(io.StringIO())))
equal(box[0].code, 3, "option 2 exits")
logged = []
with raises(SystemExit) as box:
    detect(Product, NonInteractiveMigrationQuestioner(verbosity=1, log=logged.append))
equal(box[0].code, 3, "--noinput exits with status 3")
claim("not migrated" in logged[0] and "impossible to add a non-nullable field" in logged[0], "--noinput prints that the migration cannot be created")

# Applying the one-off default: old rows get 0, the model state keeps no default.
after1 = before.clone()
op.state_forwards("djqcheck", after1)
claim(not after1.apps.get_model("djqcheck", "Product")._meta.get_field("stock").has_default(), "the one-off default is then forgotten")

# --- the answer's four choices, as written (isolated: a second Product) ---
with isolate_apps("djqcheck"):
    from django.db import models
    from django.db.models.functions import Now

    class Product(models.Model):
        name = models.CharField(max_length=100)
        # 1. optional: old rows get NULL
        discontinued_on = models.DateField(null=True, blank=True)
        # 2. Python default: old rows get 0, new objects too
        stock = models.PositiveIntegerField(default=0)
        # 3. database default (5.0+): the column keeps DEFAULT now()
        added_at = models.DateTimeField(db_default=Now())
        # 4. optional text: no prompt, old rows get ""
        notes = models.TextField(blank=True)
# --- end ---

    class Asker(MigrationQuestioner):
        def ask_not_null_addition(self, field_name, model_name):
            raise AssertionError("prompted for %s" % field_name)

    ops = detect(Product, Asker())
    equal(sorted(o.name for o in ops), ["added_at", "discontinued_on", "notes", "stock"], "none of the four choices prompts")
    state = before
    sqls = {}
    for o in ops:
        new = state.clone()
        o.state_forwards("djqcheck", new)
        with connection.schema_editor(collect_sql=True) as ed:
            o.database_forwards("djqcheck", ed, state, new)
        sqls[o.name] = " ".join(ed.collected_sql)
        with connection.schema_editor() as ed:
            o.database_forwards("djqcheck", ed, state, new)
        state = new
    claim("DEFAULT 0" in sqls["stock"] and "DROP DEFAULT" in sqls["stock"], "default= fills the old rows, then the migration removes the default from the column")
    claim("DEFAULT" in sqls["added_at"] and "DROP DEFAULT" not in sqls["added_at"], "db_default stays in the table definition")

    rows = list(Product.objects.order_by("name").values_list("discontinued_on", "stock", "notes"))
    equal(rows, [(None, 0, ""), (None, 0, "")], "old rows get NULL, 0 and ''")
    claim(all(r is not None for r in Product.objects.values_list("added_at", flat=True)), "old rows get the db_default")

    equal(Product(name="n").stock, 0, "new objects get the default too")
    from django.db.models.expressions import DatabaseDefault

    claim(isinstance(Product(name="n").added_at, DatabaseDefault), "an unsaved instance holds a DatabaseDefault placeholder")
    p = Product.objects.create(name="c")
    claim(not isinstance(p.added_at, DatabaseDefault) and p.added_at is not None, "on PostgreSQL the real value comes back from the INSERT")

    with connection.cursor() as c:
        c.execute("INSERT INTO djqcheck_product (name, stock, notes) VALUES ('raw', 1, '') RETURNING added_at")
        claim(c.fetchone()[0] is not None, "raw inserts from other programs get db_default")
    with raises(IntegrityError, "stock", what="an INSERT outside Django that omits a default= column fails NOT NULL"):
        with transaction.atomic(), connection.cursor() as c:
            c.execute("INSERT INTO djqcheck_product (name, notes) VALUES ('raw2', '')")

    # Unique field with a callable default: the warning and its offer.
    import uuid

    class Coupon(models.Model):
        code = models.UUIDField(unique=True, default=uuid.uuid4)

    before.add_model(ModelState("djqcheck", "Coupon", [("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"))]))
    out = io.StringIO()
    after = ProjectState()
    after.add_model(ModelState.from_model(Coupon))
    with mock.patch("builtins.input", side_effect=["1"]):
        ops = MigrationAutodetector(before, after, InteractiveMigrationQuestioner(prompt_output=OutputWrapper(out)))._detect_changes()["djqcheck"][0].operations
    claim("Callable default on unique field coupon.code will not generate unique values upon migrating." in out.getvalue(), "makemigrations warns about a unique field with a callable default")
    claim("first step in writing a manual migration" in out.getvalue(), "it offers to continue as the first step of the recipe")
    equal([type(o).__name__ for o in ops if getattr(o, "name", "") == "code"], ["AddField"], "continuing writes the AddField")

# MySQL/MariaDB (drivers not installed): which backends return db_default values from the INSERT, from the source.
import inspect

import django
from django.db.backends.mysql import features as mysql_features
from django.db.models import Model

src = inspect.getsource(mysql_features.DatabaseFeatures.can_return_columns_from_insert.func)
claim("return self.connection.mysql_is_mariadb" in src, "MariaDB returns columns from INSERT, MySQL does not")
claim(connection.features.can_return_columns_from_insert, "PostgreSQL returns columns from INSERT")
if django.VERSION >= (6, 0):
    claim("self.__dict__.pop(field.attname" in inspect.getsource(Model._assign_returned_values), "6.0+: a value that could not be returned is deferred")
else:
    claim(not hasattr(Model, "_assign_returned_values") and "connection.features.can_return_columns_from_insert" in inspect.getsource(models.Field.db_returning.fget),
          "5.2: without RETURNING the db_default field is not returned, so the placeholder stays")

# PostgreSQL 11+: ADD COLUMN with a non-volatile default (a constant, now()) keeps the table file;
# a volatile one (random()) rewrites it (pg_class.relfilenode changes).
from django.db.models.functions import Random


def relfilenode():
    with connection.cursor() as c:
        c.execute("SELECT relfilenode FROM pg_class WHERE relname = 'djqcheck_product'")
        return c.fetchone()[0]


with isolate_apps("djqcheck"):
    class Product(models.Model):
        name = models.CharField(max_length=100)

        class Meta:
            db_table = "djqcheck_product"

    for name, field, rewrites in [
        ("k_const", models.IntegerField(default=0), False),
        ("k_now", models.DateTimeField(db_default=Now()), False),
        ("k_rand", models.FloatField(db_default=Random()), True),
    ]:
        field.set_attributes_from_name(name)
        field.model = Product
        before_node = relfilenode()
        with connection.schema_editor() as ed:
            ed.add_field(Product, field)
        equal(relfilenode() != before_node, rewrites, "%s: table rewritten = %s" % (name, rewrites))
