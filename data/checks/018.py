"""018 database backends: the answer's SQLite and PostgreSQL DATABASES dicts
as written connect (the PostgreSQL one to the runner's server), the DATABASES
key defaults, minimum versions by release, pool vs CONN_MAX_AGE, test
database naming, select_for_update on SQLite, .using() aliases."""
import os
import tempfile
from pathlib import Path

from djqcheck import claim, equal, raises, setup, since

setup(database="postgresql")
BASE_DIR = Path(tempfile.mkdtemp())

from django.conf import settings

pg = settings.DATABASES["default"]
os.environ.update(DB_NAME=pg["NAME"], DB_USER=pg["USER"], DB_PASSWORD="", DB_HOST=pg["HOST"])
os.environ.pop("DB_PORT", None)

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",  # for SQLite, a file path
    }
}
sqlite_conf = DATABASES["default"]

import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "shop"),
        "USER": os.environ.get("DB_USER", "shop"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": os.environ.get("DB_PORT", "5432"),
        "CONN_MAX_AGE": 60,          # reuse for 60 s (default 0)
        "CONN_HEALTH_CHECKS": True,  # test a reused connection first
    }
}
pg_conf = DATABASES["default"]

from django.db.utils import ConnectionHandler

handler = ConnectionHandler({"default": pg_conf, "replica": dict(pg_conf), "lite": sqlite_conf})
with handler["default"].cursor() as c:
    c.execute("SELECT 1")
    equal(c.fetchone(), (1,), "the PostgreSQL settings connect")
equal(handler["default"].vendor, "postgresql", "django.db.backends.postgresql")
with handler["lite"].cursor() as c:
    c.execute("SELECT 1")
claim((BASE_DIR / "db.sqlite3").is_file(), "for SQLite, NAME is a file path")

d = handler["lite"].settings_dict
equal((d["CONN_MAX_AGE"], d["CONN_HEALTH_CHECKS"], d["ATOMIC_REQUESTS"]), (0, False, False),
      "CONN_MAX_AGE defaults to 0, CONN_HEALTH_CHECKS and ATOMIC_REQUESTS to False")
equal(handler["default"].settings_dict["CONN_MAX_AGE"], 60, "CONN_MAX_AGE as set")
from django.db.backends.base.creation import TEST_DATABASE_PREFIX

equal(TEST_DATABASE_PREFIX, "test_", "the test database is named test_ plus NAME")
claim(handler["lite"].creation._get_test_db_name().startswith("file:memorydb_"),
      "with SQLite the tests use an in-memory database")

# The pool option cannot be combined with a non-zero CONN_MAX_AGE.
from django.core.exceptions import ImproperlyConfigured

pooled = ConnectionHandler({"default": dict(pg_conf, OPTIONS={"pool": True})})
with raises(ImproperlyConfigured, "persistent connections",
            what="pool can't be combined with a non-zero CONN_MAX_AGE"):
    pooled["default"].ensure_connection()

# Minimum versions.
from django.db.backends.postgresql.features import DatabaseFeatures as Pg
from django.db.backends.sqlite3.features import DatabaseFeatures as Lite

equal(Pg.minimum_database_version, (15,) if since(6, 1) else (14,), "PostgreSQL 14+ on 5.2, 15+ on 6.1")
equal(Lite.minimum_database_version, (3, 37) if since(6, 1) else (3, 31), "SQLite 3.31+ on 5.2, 3.37+ on 6.1")
import inspect

from django.db.backends.mysql import features as my

src = inspect.getsource(my.DatabaseFeatures.minimum_database_version.func)
want = ("(10, 11)", "(8, 4)") if since(6, 1) else ("(10, 5)", "(8, 0, 11)")
claim(all(v in src for v in want), "MariaDB 10.5+/MySQL 8.0.11+ on 5.2, 10.11+/8.4+ on 6.1")
import django

ora_feat = open(os.path.join(os.path.dirname(django.__file__), "db", "backends", "oracle", "features.py")).read()
claim("minimum_database_version = (19,)" in ora_feat, "Oracle 19c+")
ora_src = open(os.path.join(os.path.dirname(django.__file__), "db", "backends", "oracle", "base.py")).read()
equal("cx_Oracle" in ora_src, not since(6, 0), "cx_Oracle support is gone since 6.0")

# MariaDB uses the MySQL backend: there is no separate engine.
import importlib.util

claim(importlib.util.find_spec("django.db.backends.mariadb") is None, "MariaDB has no separate engine")

# select_for_update on SQLite is accepted but does nothing.
lite = handler["lite"]
claim(not lite.features.has_select_for_update, "SQLite has no SELECT ... FOR UPDATE")
claim(handler["default"].features.has_select_for_update, "PostgreSQL does")
