"""097 persistent connections and pooling (PostgreSQL): CONN_MAX_AGE 0
closes per request, a positive value reuses the connection, defaults, the
answer's pool settings rejected with CONN_MAX_AGE != 0 and needing
psycopg[pool], DISABLE_SERVER_SIDE_CURSORS."""
import copy

from djqcheck import claim, create_tables, equal, raises, setup

setup(database="postgresql")
urlpatterns = []
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection

equal(connection.settings_dict["CONN_MAX_AGE"], 0, "CONN_MAX_AGE defaults to 0")
equal(connection.settings_dict["CONN_HEALTH_CHECKS"], False, "CONN_HEALTH_CHECKS is off by default")


def one_request():
    request_started.send(sender=None)
    with connection.cursor() as c:
        c.execute("SELECT pg_backend_pid()")
        pid = c.fetchone()[0]
    request_finished.send(sender=None)
    return pid


p1 = one_request()
claim(connection.connection is None, "with CONN_MAX_AGE = 0 Django disconnects when the request ends")
p2 = one_request()
claim(p1 != p2, "each request opens a new connection")
connection.settings_dict["CONN_MAX_AGE"] = 60
connection.close()
p3 = one_request()
p4 = one_request()
equal(p3, p4, "with CONN_MAX_AGE = 60 the next request reuses the connection")
connection.settings_dict["CONN_MAX_AGE"] = None
equal(one_request(), p4, "None means no limit")
connection.settings_dict["CONN_HEALTH_CHECKS"] = True
equal(one_request(), p4, "health checks keep a healthy connection")
connection.settings_dict["CONN_MAX_AGE"] = 0
connection.settings_dict["CONN_HEALTH_CHECKS"] = False
close_old_connections()

# --- the answer's settings, verbatim (host and name adapted below) ---
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "HOST": "db.internal",
        "CONN_MAX_AGE": 0,           # must stay 0 when pooling
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            "pool": {"min_size": 2, "max_size": 10, "timeout": 10},
        },
    }
}
# --- end ---
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.postgresql.base import DatabaseWrapper


def wrapper(**changes):
    sd = copy.deepcopy(connection.settings_dict)
    sd.update(OPTIONS=DATABASES["default"]["OPTIONS"], CONN_HEALTH_CHECKS=True, **changes)
    return DatabaseWrapper(sd, alias="pooled")


with raises(ImproperlyConfigured, "Pooling doesn't support persistent connections",
            what="a non-zero CONN_MAX_AGE together with a pool raises ImproperlyConfigured"):
    wrapper(CONN_MAX_AGE=60).pool
with raises(ImproperlyConfigured, r"psycopg\[pool\]", what="the pool needs the psycopg[pool] extra"):
    wrapper(CONN_MAX_AGE=0).pool

# DISABLE_SERVER_SIDE_CURSORS: iterator() then uses a client-side cursor.
from django.contrib.auth.models import User

create_tables()
for i in range(3):
    User.objects.create(username=f"u{i}")
names = []
orig = connection.chunked_cursor


def spy():
    cur = orig()
    names.append(getattr(cur.cursor, "name", None))
    return cur


connection.chunked_cursor = spy
list(User.objects.all().iterator())
claim(names and names[-1], "iterator() uses a named server-side cursor on PostgreSQL")
n = len(names)
connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = True
equal(len(list(User.objects.all().iterator())), 3, "iterator() works with DISABLE_SERVER_SIDE_CURSORS")
equal(len(names), n, "DISABLE_SERVER_SIDE_CURSORS: no server-side cursor is opened")
