"""Helpers for the bank's executable checks (data/checks/NNN.py).

A check runs an answer's code as written and asserts what the answer's prose
claims. It starts by calling setup() (which configures Django), then defines
the answer's models exactly as the answer shows them: the runner executes the
file as the module ``djqcheck.models``, so models need no ``app_label`` and
``ROOT_URLCONF=__name__`` makes the check's own ``urlpatterns`` the URLconf.

    from djqcheck import setup, create_tables, claim, queries, VERSION
    setup()
    from django.db import models
    class Book(models.Model): ...
    create_tables()
    with queries(1):
        list(Book.objects.all())
"""

import contextlib
import os
import re
import warnings

import django

VERSION = django.VERSION[:2]
"""The Django series under test, as a tuple such as (5, 2) or (6, 1)."""

_configured = False


def setup(*, database="sqlite", sqlite_alias=None, installed_apps=(), middleware=None, templates=None, **settings):
    """Configure and set up Django for one check.

    database is "sqlite" (in memory) or "postgresql" (the throwaway cluster
    the runner starts); sqlite_alias adds an in-memory SQLite database under
    that alias beside it, for checks that compare the two backends. installed_apps are added to the contrib apps most
    answers assume (auth, contenttypes, sessions, messages) and the check's
    own app. templates maps template names to their source (locmem loader).
    Any other keyword becomes a setting.
    """
    global _configured
    from django.conf import settings as django_settings

    if database == "postgresql":
        host = os.environ.get("DJQ_CHECK_PG_HOST")
        if not host:
            raise SystemExit("this check needs PostgreSQL: run it through data/checks/run")
        db = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "postgres",
            "USER": os.environ.get("DJQ_CHECK_PG_USER", "djq"),
            "HOST": host,
            "TEST": {"NAME": "test_djq_%d" % os.getpid()},
        }
    else:
        db = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    apps = [
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
    ]
    for app in installed_apps:
        if app not in apps:
            apps.append(app)
    apps.append("djqcheck")
    if middleware is None:
        middleware = [
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
        ]
    tpl = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "loaders": [("django.template.loaders.locmem.Loader", dict(templates or {}))],
        },
    }
    if templates is None:
        tpl["APP_DIRS"] = True
        del tpl["OPTIONS"]["loaders"]
    base = dict(
        DEBUG=False,
        SECRET_KEY="djq-check-not-secret",
        ALLOWED_HOSTS=["testserver", "localhost"],
        DATABASES=dict({"default": db}, **({sqlite_alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}} if sqlite_alias else {})),
        INSTALLED_APPS=apps,
        MIDDLEWARE=middleware,
        ROOT_URLCONF="djqcheck.models",
        TEMPLATES=[tpl],
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    base.update(settings)
    django_settings.configure(**base)
    django.setup()
    _configured = True
    if database == "postgresql":
        from django.db import connection

        # A database of the check's own, so parallel checks never meet.
        name = db["TEST"]["NAME"]
        with connection.cursor() as c:
            c.execute("DROP DATABASE IF EXISTS %s" % name)
            c.execute("CREATE DATABASE %s" % name)
        connection.close()
        django_settings.DATABASES["default"]["NAME"] = name
        import atexit

        atexit.register(_drop_pg, name)


def _drop_pg(name):
    from django.db import connection, connections

    connections.close_all()
    from django.conf import settings as django_settings

    django_settings.DATABASES["default"]["NAME"] = "postgres"
    try:
        with connection.cursor() as c:
            c.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)
    except Exception:
        pass


def create_tables():
    """Create the tables of every installed app, the check's own models included:
    first the apps with migrations (contrib), then the check's app from its
    models, so that a foreign key to auth.User finds its table on PostgreSQL
    (run_syncdb alone creates unmigrated tables before running migrations)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("migrate", run_syncdb=True, verbosity=0)


class ClaimFailed(AssertionError):
    """An answer's claim did not hold on this Django version."""


def claim(condition, what):
    """Fail with what the answer claims when condition is false."""
    if not condition:
        raise ClaimFailed("the answer claims: " + what)


def equal(got, want, what):
    """Fail, showing both values, when got != want."""
    if got != want:
        raise ClaimFailed("the answer claims: %s (got %r, want %r)" % (what, got, want))


@contextlib.contextmanager
def queries(n, what=None):
    """Assert that the block runs exactly n SQL queries; yields the captured
    context so a check can read the SQL."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        yield ctx
    if len(ctx.captured_queries) != n:
        sql = "\n".join("  " + q["sql"] for q in ctx.captured_queries)
        raise ClaimFailed(
            "the answer claims: %s (ran %d queries, want %d)\n%s"
            % (what or "%d queries" % n, len(ctx.captured_queries), n, sql)
        )


@contextlib.contextmanager
def raises(exc, match=None, what=None):
    """Assert that the block raises exc (and that its message matches the
    regular expression match); yields a list that holds the exception."""
    box = []
    try:
        yield box
    except exc as e:
        box.append(e)
        if match and not re.search(match, str(e)):
            raise ClaimFailed(
                "the answer claims: %s (message %r does not match %r)" % (what or exc.__name__, str(e), match)
            )
        return
    raise ClaimFailed("the answer claims: %s (nothing was raised)" % (what or exc.__name__ + " is raised"))


@contextlib.contextmanager
def warns(category, match=None, what=None):
    """Assert that the block emits a warning of category (matching match)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught
    for w in caught:
        if issubclass(w.category, category) and (not match or re.search(match, str(w.message))):
            return
    raise ClaimFailed(
        "the answer claims: %s (warnings seen: %s)"
        % (what or category.__name__ + " is emitted", [str(w.message) for w in caught] or "none")
    )


@contextlib.contextmanager
def no_warnings(category=Warning, what=None):
    """Assert that the block emits no warning of category."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught
    seen = [str(w.message) for w in caught if issubclass(w.category, category)]
    if seen:
        raise ClaimFailed("the answer claims: %s (warnings seen: %s)" % (what or "no warning", seen))


def since(major, minor):
    """True when the Django under test is at least major.minor."""
    return VERSION >= (major, minor)
