"""186 PostgreSQL upgrades: the minimum server version (14 on 5.2, 15 on
6.1) and psycopg floors, the NotSupportedError Django raises when it first
connects to an older server (message quoted in the answer), the check
running once per alias, and the PostgreSQL 15 test server passing on both."""
import inspect
import os
from unittest import mock

from djqcheck import claim, equal, raises, setup, since

host = os.environ.get("DJQ_CHECK_PG_HOST", "")
user = os.environ.get("DJQ_CHECK_PG_USER", "djq")
pg = {"ENGINE": "django.db.backends.postgresql", "NAME": "postgres", "USER": user, "HOST": host}
setup(database="postgresql", DATABASES={"default": dict(pg), "old": dict(pg), "other": dict(pg)})
urlpatterns = []

from django.db import NotSupportedError, connection, connections
from django.db.backends.postgresql import base
from django.db.backends.postgresql.features import DatabaseFeatures

want = (15,) if since(6, 1) else (14,)
equal(DatabaseFeatures.minimum_database_version, want, "5.2 needs PostgreSQL 14+, 6.1 needs 15+")
src = inspect.getsource(base)
if since(6, 1):
    claim("< (2, 9, 9)" in src and "< (3, 1, 12)" in src, "6.1 needs psycopg 3.1.12+ or psycopg2 2.9.9+")
else:
    claim("< (2, 8, 4)" in src and "< (3, 1, 8)" in src, "5.2 needs psycopg 3.1.8+ or psycopg2 2.8.4+")

connection.ensure_connection()
equal(connection.get_database_version()[0], 15, "(the test server is PostgreSQL 15)")
claim(connection.get_database_version() >= want, "PostgreSQL 15 is supported by both 5.2 and 6.1")

# A server that is too old: the first connection on an alias fails.
old = connections["old"]
with mock.patch.object(type(old), "get_database_version", return_value=(14, 12)):
    if since(6, 1):
        with raises(NotSupportedError, r"^PostgreSQL 15 or later is required \(found 14\.12\)\.$",
                    "NotSupportedError: PostgreSQL 15 or later is required (found 14.12)."):
            old.ensure_connection()
        old.close()
        with raises(NotSupportedError, what="it fails again on the next attempt"):
            old.ensure_connection()
    else:
        old.ensure_connection()  # 14 is fine on 5.2
        claim(old.is_usable(), "5.2 still accepts PostgreSQL 14")
    with mock.patch.object(type(old), "get_database_version", return_value=(13, 20)), \
            raises(NotSupportedError, r"PostgreSQL 1[45] or later is required \(found 13\.20\)", "13 is refused by both"):
        old.check_database_version_supported()

# Checked once per alias and process: a later connection does not ask again.
other = connections["other"]
other.ensure_connection()
other.close()
with mock.patch.object(type(other), "get_database_version", return_value=(9, 6)) as m:
    other.ensure_connection()
    equal(m.call_count, 0, "the version is checked only on the first connection of an alias")
other.close()

with mock.patch.object(type(other), "get_database_version", return_value=(99, 0)):
    other.check_database_version_supported()  # raises if there were an upper limit
claim(True, "there is no upper version limit in the code")
