"""150 manage.py shell: auto-imports (models on 5.2; plus settings,
connection, reset_queries, models, functions, timezone on 6.x), the
'N objects imported automatically' banner, -c, --no-imports, name
collisions (earlier app wins), the answer's get_auto_imports override,
failing paths reported, None disables; connection.queries needs DEBUG."""
import io

from djqcheck import claim, create_tables, equal, raises, setup, since

setup()

from django.db import models


class User(models.Model):  # same name as auth's User, in a later app
    name = models.CharField(max_length=10)


create_tables()
from django.contrib.auth import models as auth_models
from django.core.management import call_command

auth_models.User.objects.create_user("ann")


import contextlib


def run(cmd, *args, **kw):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        call_command(cmd, *args, stdout=out, **kw)
    return out.getvalue()


out = run("shell", command="print(User.objects.count())")
equal(out.splitlines()[-1], "1", "shell -c runs one command with the models imported")
claim(out.startswith("%s objects imported automatically" % out.split()[0]), "shell -c also prints the banner at the default verbosity")
equal(run("shell", command="print(User.objects.count())", verbosity=0).strip(), "1", "-v 0 prints only the command's output")
claim("auth" in run("shell", command="print(User._meta.app_label)", verbosity=0), "with a name collision, the app listed earlier in INSTALLED_APPS wins")
out = run("shell", command="print(sorted(n for n in ('settings', 'connection', 'reset_queries', 'models', 'functions', 'timezone') if n in globals()))", verbosity=0)
if since(6, 0):
    equal(out.strip(), str(sorted(["settings", "connection", "reset_queries", "models", "functions", "timezone"])), "6.0+: settings, connection, reset_queries, models, functions and timezone are imported too")
else:
    equal(out.strip(), "[]", "5.2: only the models are imported")

from django.core.management.commands import shell as shell_mod

cmd = shell_mod.Command(stdout=io.StringIO())
ns = cmd.get_namespace(verbosity=1)
claim(cmd.stdout.getvalue().startswith("%d objects imported automatically (use -v 2 for details)." % len(ns)), "the banner: 'N objects imported automatically (use -v 2 for details).'")
claim("Permission" in ns and "ContentType" in ns, "all models of installed apps are imported")
equal(shell_mod.Command().get_namespace(no_imports=True, verbosity=1), {}, "--no-imports turns automatic imports off")


# --- the answer's override, as written ---
from django.core.management.commands import shell


class Command(shell.Command):
    def get_auto_imports(self):
        return super().get_auto_imports() + [
            "django.urls.reverse",
            "django.db.models.Q",
            "django.db.models.F",
        ]
# --- end ---

from django.db.models import F, Q
from django.urls import reverse

ns = Command().get_namespace(verbosity=0)
claim(ns["reverse"] is reverse and ns["Q"] is Q and ns["F"] is F, "extra dotted paths are imported")


class Broken(shell.Command):
    def get_auto_imports(self):
        return super().get_auto_imports() + ["nowhere.Thing"]


b = Broken(stdout=io.StringIO())
ns = b.get_namespace(verbosity=1)
claim("1 object could not be automatically imported" in b.stdout.getvalue() and "Permission" in ns, "paths that fail to import are reported, not fatal")


class Off(shell.Command):
    def get_auto_imports(self):
        return None


equal(Off().get_namespace(verbosity=1), {}, "returning None turns automatic importing off")

from django.db import connection, reset_queries

reset_queries()
auth_models.User.objects.count()
equal(len(connection.queries), 0, "connection.queries is only filled when DEBUG=True")
