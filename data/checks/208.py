"""208 nightly slowdown: on a real PostgreSQL 15, the answer's two diagnostic
queries (verbatim) catch a session blocked by a 'nightly' transaction and name
the blocker via pg_blocking_pids and application_name; the answer's DATABASES
OPTIONS set application_name and a 5 s statement_timeout that cancels a long
statement; deadlock_timeout defaults to 1 s; pg_stat_statements needs
shared_preload_libraries; Django's SQL logger is silent unless DEBUG."""
import logging
import threading
import time

from djqcheck import claim, create_tables, equal, raises, setup

setup(database="postgresql")

from django.db import connection, models


class Product(models.Model):
    stock = models.IntegerField()


create_tables()
Product.objects.create(stock=5)

SQL = """
-- what is running, longest transaction first
SELECT pid, application_name, state, wait_event_type, wait_event,
       now() - xact_start AS xact_age, left(query, 80) AS query
FROM pg_stat_activity
WHERE state <> 'idle' AND pid <> pg_backend_pid()
ORDER BY xact_start NULLS LAST;

-- who is blocking whom
SELECT blocked.pid AS blocked_pid, left(blocked.query, 60) AS blocked_query,
       blocking.pid AS blocking_pid, blocking.application_name AS blocking_app,
       left(blocking.query, 60) AS blocking_query
FROM pg_stat_activity AS blocked
JOIN pg_stat_activity AS blocking
  ON blocking.pid = ANY (pg_blocking_pids(blocked.pid));
"""
activity_sql, blocking_sql = [q for q in SQL.split(";") if q.strip()]

import psycopg

sd = connection.settings_dict
conninfo = dict(host=sd["HOST"], user=sd["USER"], dbname=sd["NAME"], autocommit=False)
nightly = psycopg.connect(application_name="nightly-job", **conninfo)
nightly_pid = nightly.info.backend_pid
nightly.execute("UPDATE djqcheck_product SET stock = stock - 1")  # open transaction holds the row lock

web_pid = []


def web_request():
    with psycopg.connect(application_name="web", **conninfo) as web:
        web_pid.append(web.info.backend_pid)
        web.execute("UPDATE djqcheck_product SET stock = stock + 1")
        web.commit()


t = threading.Thread(target=web_request)
t.start()
for _ in range(100):  # wait until the web session is really waiting
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'web' AND wait_event_type = 'Lock' AND datname = current_database()")
        if c.fetchone()[0]:
            break
    time.sleep(0.05)

with connection.cursor() as c:
    # the cluster is shared with other checks running at the same time: keep our database's sessions
    c.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
    ours = {r[0] for r in c.fetchall()}
    c.execute(activity_sql)
    cols = [d[0] for d in c.description]
    rows = [dict(zip(cols, r)) for r in c.fetchall()]
    c.execute(blocking_sql)
    bcols = [d[0] for d in c.description]
    blocks = [dict(zip(bcols, r)) for r in c.fetchall()]

rows = [r for r in rows if r["pid"] in ours]
blocks = [b for b in blocks if b["blocked_pid"] in ours]
web = [r for r in rows if r["application_name"] == "web"]
equal((len(web), web[0]["wait_event_type"] if web else None), (1, "Lock"),
      "a session queued behind a lock shows wait_event_type = 'Lock'")
claim(all(r["pid"] != connection.connection.info.backend_pid for r in rows), "pg_backend_pid() excludes our own session")
claim(rows[0]["application_name"] == "nightly-job", "ordering by xact_start puts the longest transaction (the nightly job) first")
claim(rows[0]["state"] == "idle in transaction", "a job that holds a transaction open shows as 'idle in transaction'")
equal(len(blocks), 1, "the blocking query returns one blocked/blocking pair")
equal((blocks[0]["blocked_pid"], blocks[0]["blocking_pid"], blocks[0]["blocking_app"]),
      (web_pid[0], nightly_pid, "nightly-job"),
      "pg_blocking_pids() names the nightly session and application_name tells it apart")
nightly.commit()
t.join(10)
claim(not t.is_alive(), "the web update finishes once the nightly transaction commits")
nightly.close()

# the answer's DATABASES OPTIONS, applied to the check's own database
import os

os.environ["APP_ROLE"] = "web"
# settings.py (PostgreSQL)
import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "OPTIONS": {
            "application_name": os.environ.get("APP_ROLE", "web"),
            # the web tier never waits more than 5 s for one statement
            "options": "-c statement_timeout=5000",
        },
    }
}
connection.close()
connection.settings_dict["OPTIONS"] = DATABASES["default"]["OPTIONS"]
with connection.cursor() as c:
    c.execute("SELECT current_setting('application_name'), current_setting('statement_timeout')")
    equal(c.fetchone(), ("web", "5s"), "OPTIONS set application_name and statement_timeout=5000 (5 s)")
from django.db import OperationalError

start = time.monotonic()
with raises(OperationalError, "statement timeout", what="a statement over 5 s is cancelled with an error"):
    with connection.cursor() as c:
        c.execute("SELECT pg_sleep(30)")
claim(time.monotonic() - start < 10, "the web request fails after about 5 s instead of hanging")
connection.close()
connection.settings_dict["OPTIONS"] = {}

with connection.cursor() as c:
    c.execute("SHOW deadlock_timeout")
    equal(c.fetchone()[0], "1s", "deadlock_timeout (the log_lock_waits threshold) is 1 s by default")
    for name in ("log_min_duration_statement", "log_lock_waits", "log_autovacuum_min_duration"):
        c.execute("SELECT count(*) FROM pg_settings WHERE name = %s", [name])
        equal(c.fetchone()[0], 1, f"{name} is a PostgreSQL setting")
    c.execute("SELECT set_config('log_min_duration_statement', '500ms', false)")
    equal(c.fetchone()[0], "500ms", "log_min_duration_statement accepts '500ms'")
    c.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")

from django.db import transaction

with raises(OperationalError, "shared_preload_libraries", what="pg_stat_statements needs shared_preload_libraries"):
    with transaction.atomic(), connection.cursor() as c:
        c.execute("SELECT * FROM pg_stat_statements")

# Django's SQL logger only logs with DEBUG = True
seen = []


class Keep(logging.Handler):
    def emit(self, record):
        seen.append(record)


log = logging.getLogger("django.db.backends")
log.addHandler(Keep())
log.setLevel(logging.DEBUG)
list(Product.objects.all())
equal(seen, [], "django.db.backends logs no SQL when DEBUG is False")
from django.test import override_settings

with override_settings(DEBUG=True):
    list(Product.objects.all())
claim(len(seen) == 1, "with DEBUG = True the query is logged")
