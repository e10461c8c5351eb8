"""189 legacy database: inspectdb on a legacy schema writes managed = False and
db_table, primary_key=True for a non-id key, CompositePrimaryKey for a
two-column key (with column names), DO_NOTHING (DB_CASCADE on 6.1) for
foreign keys, class_field for a keyword column; a table without a key makes
the implicit id fail; the answer's cleaned models query the tables;
makemigrations records managed False and migrate creates no table;
removing managed = False later is an AlterModelOptions with no SQL."""
import io

from djqcheck import claim, create_tables, equal, raises, setup, since

setup()
urlpatterns = []

from django.core.management import call_command
from django.db import connection

with connection.cursor() as c:
    c.execute("CREATE TABLE CUSTOMER (CUST_NO integer NOT NULL PRIMARY KEY, NAME varchar(80) NOT NULL, EMAIL varchar(254) UNIQUE)")
    c.execute(
        "CREATE TABLE ORDERS (ORDER_ID integer NOT NULL PRIMARY KEY,"
        " CUST_NO integer NOT NULL REFERENCES CUSTOMER(CUST_NO) ON DELETE CASCADE,"
        " TOTAL decimal(10,2), class varchar(10))"
    )
    c.execute(
        "CREATE TABLE ORDER_LINE (ORDER_ID integer NOT NULL REFERENCES ORDERS(ORDER_ID),"
        " LINE_NO integer NOT NULL, QTY integer NOT NULL, PRIMARY KEY (ORDER_ID, LINE_NO))"
    )
    c.execute("CREATE TABLE AUDIT_LOG (WHEN_AT text, MSG text)")
    c.execute("INSERT INTO CUSTOMER VALUES (7, 'Ada', 'ada@example.com')")
    c.execute("INSERT INTO ORDERS VALUES (1, 7, 12.50, 'a')")
    c.execute("INSERT INTO ORDER_LINE VALUES (1, 1, 3), (1, 2, 5)")
    c.execute("INSERT INTO AUDIT_LOG VALUES ('now', 'hello')")

out = io.StringIO()
call_command("inspectdb", "CUSTOMER", "ORDERS", "ORDER_LINE", "AUDIT_LOG", stdout=out)
gen = out.getvalue()
equal(gen.count("        managed = False"), 4, "every generated model has managed = False")
claim("db_table = 'ORDERS'" in gen and "db_table = 'CUSTOMER'" in gen, "db_table keeps the real table name")
claim("class Orders(models.Model):" in gen, "table names become CamelCase class names")
claim("order_id = models.AutoField(db_column='ORDER_ID', primary_key=True)" in gen,
      "a single-column key becomes primary_key=True, lowercase attribute with db_column")
claim("pk = models.CompositePrimaryKey('ORDER_ID', 'LINE_NO')" in gen,
      "a two-column key becomes CompositePrimaryKey, with the column names")
claim("class_field = models.CharField(db_column='class'" in gen and "Python reserved word" in gen,
      "keyword columns get a _field suffix")
fk = "cust_no = models.ForeignKey(Customer, models.%s, db_column='CUST_NO')"
if since(6, 1):
    claim(fk % "DB_CASCADE" in gen, "on 6.1 ON DELETE CASCADE in the database becomes models.DB_CASCADE")
else:
    claim(fk % "DO_NOTHING" in gen, "on_delete is models.DO_NOTHING")
claim("order = models.ForeignKey(Orders, models.DO_NOTHING, db_column='ORDER_ID')" in gen,
      "a plain foreign key gets DO_NOTHING")
audit = gen.split("class AuditLog(models.Model):")[1]
claim("primary_key" not in audit and "CompositePrimaryKey" not in audit, "a table with no key gets no key field")

from django.db import models


class Customer(models.Model):
    cust_no = models.AutoField(db_column="CUST_NO", primary_key=True)
    name = models.CharField(db_column="NAME", max_length=80)
    email = models.CharField(db_column="EMAIL", max_length=254, unique=True, null=True)

    class Meta:
        managed = False
        db_table = "CUSTOMER"


class Order(models.Model):
    order_id = models.AutoField(db_column="ORDER_ID", primary_key=True)
    customer = models.ForeignKey(
        Customer, models.DO_NOTHING, db_column="CUST_NO", related_name="orders"
    )
    total = models.DecimalField(
        db_column="TOTAL", max_digits=10, decimal_places=2, null=True
    )

    class Meta:
        managed = False
        db_table = "ORDERS"


class OrderLine(models.Model):
    pk = models.CompositePrimaryKey("order", "line_no")
    order = models.ForeignKey(Order, models.DO_NOTHING, db_column="ORDER_ID")
    line_no = models.IntegerField(db_column="LINE_NO")
    qty = models.IntegerField(db_column="QTY")

    class Meta:
        managed = False
        db_table = "ORDER_LINE"


class AuditLog(models.Model):  # as inspectdb wrote it: no key field
    when_at = models.TextField(db_column="WHEN_AT", blank=True, null=True)
    msg = models.TextField(db_column="MSG", blank=True, null=True)

    class Meta:
        managed = False
        db_table = "AUDIT_LOG"


class Report(models.Model):  # unmanaged, and no table exists for it
    title = models.CharField(max_length=50)

    class Meta:
        managed = False
        db_table = "REPORT"


from django.core import checks

errors = [e for e in checks.run_checks() if e.obj in (Customer, Order, OrderLine)]
equal(errors, [], "the cleaned models pass the system checks")

from decimal import Decimal

ada = Customer.objects.get(pk=7)
equal(ada.name, "Ada", "the ORM reads the legacy table through db_table/db_column")
equal([o.total for o in ada.orders.all()], [Decimal("12.50")], "related_name works on the renamed foreign key")
equal(OrderLine.objects.get(pk=(1, 2)).qty, 5, "the composite key is looked up with a tuple")
claim(Order._meta.pk.name == "order_id", "the declared key replaces the implicit id")
claim(AuditLog._meta.pk.name == "id" and AuditLog._meta.pk.auto_created,
      "without a key field Django adds its implicit id (managed = False changes nothing else)")
from django.db import OperationalError

with raises(OperationalError, "no such column", "querying a keyless table fails with 'no such column'"):
    list(AuditLog.objects.all())

create_tables()  # migrate --run-syncdb for the check's app
claim("REPORT" not in connection.introspection.table_names(), "migrate creates no table for an unmanaged model")

mig = io.StringIO()
call_command("makemigrations", "djqcheck", dry_run=True, verbosity=3, stdout=mig)
text = mig.getvalue()
claim("migrations.CreateModel(" in text and "name='Customer'" in text and "'managed': False" in text,
      "makemigrations still records the model as a CreateModel with managed: False")


class GeneratedLine(models.Model):  # inspectdb's composite key, unedited
    pk = models.CompositePrimaryKey("ORDER_ID", "LINE_NO")
    order = models.ForeignKey(Order, models.DO_NOTHING, db_column="ORDER_ID", related_name="+")
    line_no = models.IntegerField(db_column="LINE_NO")

    class Meta:
        managed = False
        db_table = "ORDER_LINE"


bad = [e.id for e in GeneratedLine.check()]
claim("models.E042" in bad,
      "CompositePrimaryKey takes field names, so the generated column names must be edited (%s)" % bad)

# Removing managed = False later: the migration only alters options, no SQL.
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.operations import AlterModelOptions
from django.db.migrations.state import ModelState, ProjectState


def state(managed):
    s = ProjectState()
    s.add_model(ModelState("djqcheck", "Rate", [("code", models.CharField(max_length=3, primary_key=True))],
                           {"managed": managed, "db_table": "RATE"}))
    return s


ops = MigrationAutodetector(state(False), state(True))._detect_changes()["djqcheck"][0].operations
claim(len(ops) == 1 and isinstance(ops[0], AlterModelOptions) and ops[0].options.get("managed") is True,
      "removing managed = False produces only AlterModelOptions")
with connection.schema_editor(collect_sql=True) as editor:
    ops[0].database_forwards("djqcheck", editor, state(False), state(True))
equal(editor.collected_sql, [], "which runs no SQL")
