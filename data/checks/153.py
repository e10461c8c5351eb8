"""153 upgrading: the deprecation warning classes on each series (and that
they are hidden by default), DEFAULT_AUTO_FIELD's default (AutoField on 5.2,
BigAutoField on 6.x), the Python floor, makemigrations --check failing on
pending changes, check --deploy reporting security warnings."""
import subprocess
import sys

from djqcheck import claim, create_tables, equal, raises, setup, since

setup()

import django
from django.conf import global_settings
from django.utils import deprecation

names = sorted(n for n in dir(deprecation) if n.startswith("RemovedInDjango"))
if since(6, 1):
    equal(names, ["RemovedInDjango70Warning"], "on 6.1 the warning class is RemovedInDjango70Warning")
    equal(global_settings.DEFAULT_AUTO_FIELD, "django.db.models.BigAutoField", "6.0 changed DEFAULT_AUTO_FIELD to BigAutoField")
else:
    equal(names, ["RemovedInDjango60Warning", "RemovedInDjango61Warning"], "on 5.2: RemovedInDjango60Warning and RemovedInDjango61Warning")
    equal(global_settings.DEFAULT_AUTO_FIELD, "django.db.models.AutoField", "5.2's default is still AutoField")
for n in names:
    claim(issubclass(getattr(deprecation, n), (DeprecationWarning, PendingDeprecationWarning)), "%s is a (pending) deprecation warning" % n)

# Silent by default outside __main__, shown with -Wa.
code = (
    "import warnings, django.utils.deprecation as d\n"
    "import importlib, types\n"
    "m = types.ModuleType('lib'); exec(\"import warnings\\ndef f(c): warnings.warn('old', c)\", m.__dict__)\n"
    "m.f(getattr(d, %r))\n" % names[-1]
)
env = {"PYTHONPATH": ":".join(sys.path)}
quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
loud = subprocess.run([sys.executable, "-Wa", "-c", code], capture_output=True, text=True, env=env)
claim("old" not in quiet.stderr, "deprecation warnings are silent by default")
claim("old" in loud.stderr, "-Wa shows them")

# Python floor.
if since(6, 0):
    claim(sys.version_info >= (3, 12), "6.0+ needs Python 3.12 or newer")

from django.db import models


class Shipment(models.Model):
    status = models.CharField(max_length=10)


urlpatterns = []
from django.core.management import call_command
import io

with raises(SystemExit, what="makemigrations --check --dry-run fails when models need a new migration"):
    call_command("makemigrations", "djqcheck", check=True, dry_run=True, stdout=io.StringIO())

from django.core import checks

ids = {m.id for m in checks.run_checks(include_deployment_checks=True)}
claim({"security.W004", "security.W008"} <= ids, "check --deploy reports deployment warnings (HSTS, SSL redirect)")

# Minimum database versions: 6.1 needs PostgreSQL 15, MySQL 8.4, MariaDB 10.11, SQLite 3.37.
from types import SimpleNamespace

from django.db.backends.mysql.features import DatabaseFeatures as MySQLFeatures
from django.db.backends.postgresql.features import DatabaseFeatures as PGFeatures
from django.db.backends.sqlite3.features import DatabaseFeatures as SQLiteFeatures


def mysql_min(mariadb):
    return MySQLFeatures.minimum_database_version.func(SimpleNamespace(connection=SimpleNamespace(mysql_is_mariadb=mariadb)))


got = (PGFeatures.minimum_database_version, mysql_min(False), mysql_min(True), SQLiteFeatures.minimum_database_version)
if since(6, 1):
    equal(got, ((15,), (8, 4), (10, 11), (3, 37)), "6.1 needs PostgreSQL 15+, MySQL 8.4+, MariaDB 10.11+ and SQLite 3.37+")
else:
    equal(got, ((14,), (8, 0, 11), (10, 5), (3, 31)), "5.2's minimums are lower (PostgreSQL 14, MySQL 8.0.11, MariaDB 10.5, SQLite 3.31)")
