"""003 Batteries: the INSTALLED_APPS and MIDDLEWARE the answer shows are
exactly what startproject generates; the listed backends, contrib apps and
the 6.0 additions exist."""
import importlib.util
import os
import re

from djqcheck import claim, equal, setup, since

setup()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

import django

tpl = open(os.path.join(os.path.dirname(django.__file__), "conf", "project_template",
                        "project_name", "settings.py-tpl")).read()


def listed(name):
    block = re.search(name + r" = \[(.*?)\]", tpl, re.S).group(1)
    return re.findall(r"'([^']+)'", block)


equal(listed("INSTALLED_APPS"), INSTALLED_APPS, "startproject enables exactly these apps")
equal(listed("MIDDLEWARE"), MIDDLEWARE, "startproject enables exactly this middleware")

def exists(mod):
    return importlib.util.find_spec(mod) is not None

for b in ("postgresql", "mysql", "oracle", "sqlite3"):
    claim(exists("django.db.backends." + b), "a built-in %s backend" % b)
for c in ("redis", "memcached", "db", "filebased", "locmem"):
    claim(exists("django.core.cache.backends." + c), "a %s cache backend" % c)
for app in ("admin", "auth", "contenttypes", "sessions", "messages", "staticfiles",
            "sitemaps", "syndication", "humanize", "redirects", "flatpages",
            "sites", "gis", "postgres"):
    claim(exists("django.contrib." + app), "django.contrib.%s exists" % app)
claim(exists("django.template.backends.jinja2"), "Jinja2 is a supported backend")

# Apps that define models need tables: admin, auth, contenttypes, sessions
# have migrations; messages and staticfiles have none.
for app, has in (("admin", True), ("auth", True), ("contenttypes", True),
                 ("sessions", True), ("messages", False), ("staticfiles", False)):
    equal(exists("django.contrib.%s.migrations" % app), has,
          "%s %s migrations" % (app, "has" if has else "has no"))

# 6.0: CSP and django.tasks with only development/testing backends.
equal(exists("django.middleware.csp"), since(6, 0), "CSP support arrived in 6.0")
equal(exists("django.tasks"), since(6, 0), "django.tasks arrived in 6.0")
if since(6, 0):
    import pkgutil

    import django.tasks.backends as tb

    names = sorted(m.name for m in pkgutil.iter_modules(tb.__path__))
    equal(names, ["base", "dummy", "immediate"],
          "the bundled task backends are only the immediate and dummy ones")
# Not included: no REST toolkit, no WebSockets layer.
claim(not exists("django.contrib.rest") and not exists("django.channels"),
      "no REST toolkit or WebSockets layer ship with Django")

# 6.1: email is configured through MAILERS, which can hold several backends.
from django.core import mail

equal(hasattr(mail, "mailers"), since(6, 1), "MAILERS (and mail.mailers) is new in 6.1")
if since(6, 1):
    from django.conf import settings
    from django.utils.deprecation import RemovedInDjango70Warning

    from djqcheck import warns

    with warns(RemovedInDjango70Warning, "MAILERS", what="6.1 deprecates EMAIL_BACKEND in favour of MAILERS"):
        settings.EMAIL_BACKEND
