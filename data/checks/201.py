"""201 strengths/drawbacks/monolith: a project made with startproject (as the
answer's commands do) has the answer's INSTALLED_APPS, CSRF and clickjacking
middleware, one settings module and one WSGI/ASGI application; migrate creates
the admin/auth/sessions tables; check --deploy flags the dev settings; the ORM
ships the four backends; async ORM methods exist but transactions do not work
in async code."""
import asyncio
import os
import runpy
import subprocess
import sys
import tempfile

from djqcheck import claim, equal, raises, setup

setup()
from django.core.management import call_command

root = tempfile.mkdtemp()
import atexit
import shutil

atexit.register(shutil.rmtree, root, True)
call_command("startproject", "mysite", root)  # django-admin startproject mysite .

# --- the answer's INSTALLED_APPS, verbatim --------------------------------------
ns = {}
exec("""# mysite/settings.py, as startproject writes it
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
""", ns)
generated = runpy.run_path(os.path.join(root, "mysite", "settings.py"))
equal(generated["INSTALLED_APPS"], ns["INSTALLED_APPS"], "startproject writes exactly these INSTALLED_APPS")
for mw in ("django.middleware.csrf.CsrfViewMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware",
           "django.middleware.security.SecurityMiddleware"):
    claim(mw in generated["MIDDLEWARE"], f"new projects enable {mw.rsplit('.', 1)[1]}")
equal(generated["DATABASES"]["default"]["ENGINE"], "django.db.backends.sqlite3", "a new project uses SQLite")
equal(len(generated["AUTH_PASSWORD_VALIDATORS"]), 4, "password validation is on in new projects")
claim(os.path.exists(os.path.join(root, "mysite", "wsgi.py")) and os.path.exists(os.path.join(root, "mysite", "asgi.py")),
      "one project, one settings module, one WSGI/ASGI application to deploy")

env = dict(os.environ, DJANGO_SETTINGS_MODULE="mysite.settings", PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))
run = lambda *args: subprocess.run([sys.executable, "manage.py", *args], cwd=root, env=env, capture_output=True, text=True)
r = run("migrate", "--verbosity", "0")
equal(r.returncode, 0, "manage.py migrate works on a fresh project")
import sqlite3

tables = {t for (t,) in sqlite3.connect(os.path.join(root, "db.sqlite3")).execute("SELECT name FROM sqlite_master WHERE type='table'")}
claim({"auth_user", "django_admin_log", "django_session", "django_content_type"} <= tables,
      "migrate creates the tables for auth, admin and sessions")
r = run("check", "--deploy")
claim("security.W018" in r.stderr + r.stdout, "check --deploy flags DEBUG=True among the production settings problems")

# the ORM's built-in backends
import django.db.backends as backends

shipped = {d for d in os.listdir(os.path.dirname(backends.__file__)) if d in {"postgresql", "mysql", "sqlite3", "oracle"}}
equal(shipped, {"postgresql", "mysql", "sqlite3", "oracle"}, "the ORM ships PostgreSQL, MySQL/MariaDB, SQLite and Oracle backends")
equal({d for d in os.listdir(os.path.dirname(backends.__file__)) if "mongo" in d}, set(), "no MongoDB backend in Django")

# async: a-prefixed methods exist, transactions do not work in async mode
from django.contrib.auth.models import User
from django.db import transaction

claim(all(hasattr(User.objects, m) for m in ("aget", "acreate", "acount")), "the ORM has a-prefixed async methods")
claim(hasattr(User.objects.all(), "__aiter__"), "async for works on querysets")


async def with_atomic():
    with transaction.atomic():
        pass


async def async_with_atomic():
    async with transaction.atomic():
        pass


from django.core.exceptions import SynchronousOnlyOperation

with raises(SynchronousOnlyOperation, what="transaction.atomic() cannot be used from async code"):
    asyncio.run(with_atomic())
with raises(TypeError, what="atomic() is not an async context manager"):
    asyncio.run(async_with_atomic())
