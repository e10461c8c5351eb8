"""130 scaling: the answer's random replica router with two replicas (all
three aliases share one SQLite file): reads spread over the replicas, writes
go to default, using("default") reads your own write; the shared cache and
session backends it names exist; and (6.1) FETCH_PEERS batches lazy FK loads
while reverse managers still need prefetch_related(); the built-in
PostgreSQL pool refuses CONN_MAX_AGE and needs psycopg-pool (its per-process
min_size of 4 is psycopg_pool's documented default, checked when installed)."""
import os
import tempfile

from djqcheck import claim, create_tables, equal, queries, setup, since

db = os.path.join(tempfile.mkdtemp(), "db.sqlite3")
DATABASES = {alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": db, "TEST": {"MIRROR": "default"}}
             for alias in ("default", "replica1", "replica2")}
setup(DATABASES=DATABASES, DATABASE_ROUTERS=["djqcheck.models.PrimaryReplicaRouter"])
urlpatterns = []

import random


class PrimaryReplicaRouter:
    replicas = ["replica1", "replica2"]

    def db_for_read(self, model, **hints):
        return random.choice(self.replicas)

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # all databases hold the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=20)


class Book(models.Model):
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)


create_tables()
a = Author.objects.create(name="a")
equal(a._state.db, "default", "writes go to the primary")
seen = {Author.objects.get(pk=a.pk)._state.db for _ in range(40)}
equal(seen, {"replica1", "replica2"}, "reads are spread over the replicas")
equal(Author.objects.using("default").get(pk=a.pk)._state.db, "default", ".using('default') reads from the primary")

import importlib

for path in ("django.core.cache.backends.redis.RedisCache", "django.core.cache.backends.memcached.PyMemcacheCache",
             "django.contrib.sessions.backends.cache.SessionStore",
             "django.contrib.sessions.backends.cached_db.SessionStore"):
    mod, _, cls = path.rpartition(".")
    claim(hasattr(importlib.import_module(mod), cls), "%s is built in" % path)
from django.conf import global_settings

equal(global_settings.SESSION_ENGINE, "django.contrib.sessions.backends.db", "sessions default to the database backend")
equal(global_settings.CACHES["default"]["BACKEND"], "django.core.cache.backends.locmem.LocMemCache",
      "the default cache is the per-process local-memory cache")

for i in range(5):
    au = Author.objects.create(name=f"x{i}")
    Book.objects.create(author=au)
import contextlib

from django.db import connections
from django.test.utils import CaptureQueriesContext


@contextlib.contextmanager
def all_queries(n, what):  # the replicas answer the related lookups
    ctxs = [CaptureQueriesContext(connections[a]) for a in DATABASES]
    with contextlib.ExitStack() as stack:
        for c in ctxs:
            stack.enter_context(c)
        yield
    equal(sum(len(c.captured_queries) for c in ctxs), n, what)


queries = all_queries
if since(6, 1):
    with queries(2, "FETCH_PEERS: one batched query for the authors"):
        for b in Book.objects.using("default").fetch_mode(models.FETCH_PEERS):
            b.author.name
    with queries(1 + 6, "reverse managers are not covered by fetch modes"):
        for au in Author.objects.using("default").fetch_mode(models.FETCH_PEERS):
            list(au.books.all())
    with queries(2, "prefetch_related covers them"):
        for au in Author.objects.using("default").prefetch_related("books"):
            list(au.books.all())

# The built-in pool (5.1+): needs psycopg-pool, refuses CONN_MAX_AGE, and lives per process.
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.postgresql.base import DatabaseWrapper
from djqcheck import raises


def pg(alias, **extra):
    s = {"ENGINE": "django.db.backends.postgresql", "NAME": "shop", "HOST": "db", "USER": "", "PASSWORD": "", "PORT": "",
         "OPTIONS": {"pool": True}, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False, "AUTOCOMMIT": True,
         "ATOMIC_REQUESTS": False, "TIME_ZONE": None, "TEST": {}}
    s.update(extra)
    return DatabaseWrapper(s, alias=alias)


with raises(ImproperlyConfigured, "persistent connections", "the pool needs CONN_MAX_AGE = 0"):
    pg("pool1", CONN_MAX_AGE=600).pool
try:
    import psycopg_pool
except ImportError:
    psycopg_pool = None
if psycopg_pool is None:
    with raises(ImproperlyConfigured, r"Did you install psycopg\[pool\]", "the pool needs the psycopg-pool package"):
        pg("pool2").pool
else:
    pool = pg("pool3").pool
    equal(pool.min_size, 4, "the pool keeps 4 connections per process by default")
