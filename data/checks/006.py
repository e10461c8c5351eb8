"""006 startproject: the three forms, the files it writes, the generated
settings' development defaults, name validation, and the 6.0 change that
creates a missing target directory."""
import io
import os
import re
import tempfile

from djqcheck import claim, equal, raises, setup, since

setup()

from django.core.management import CommandError, call_command

def startproject(*args):
    call_command("startproject", *args, stdout=io.StringIO())

def files(root):
    out = set()
    for d, _, fs in os.walk(root):
        for f in fs:
            out.add(os.path.relpath(os.path.join(d, f), root))
    return out

expected = {"manage.py", "mysite/__init__.py", "mysite/settings.py",
            "mysite/urls.py", "mysite/asgi.py", "mysite/wsgi.py"}

old = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    try:
        # startproject mysite: a new mysite/ directory holding manage.py and a package
        startproject("mysite")
        equal(files(os.path.join(tmp, "mysite")), expected, "startproject mysite writes these files")

        settings_py = open("mysite/mysite/settings.py").read()
        claim("DEBUG = True" in settings_py, "generated settings have DEBUG = True")
        claim(re.search(r"SECRET_KEY = 'django-insecure-.{50}'", settings_py),
              "a randomly generated SECRET_KEY")
        claim("django.db.backends.sqlite3" in settings_py, "SQLite as the database")
        claim("SECURITY WARNING" in settings_py and "unsuitable for production" in settings_py,
              "the file warns that the quick-start values are unsuitable for production")
        claim("MAILERS" in settings_py and "console.EmailBackend" in settings_py
              if since(6, 1) else "MAILERS" not in settings_py,
              "since 6.1 the settings define MAILERS with the console email backend")
        claim('path("admin/", admin.site.urls)' in open("mysite/mysite/urls.py").read()
              or "path('admin/', admin.site.urls)" in open("mysite/mysite/urls.py").read(),
              "urls.py already routes admin/")
        claim("os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')"
              in open("mysite/manage.py").read(), "manage.py sets DJANGO_SETTINGS_MODULE")

        # startproject mysite . : the current directory is the root
        os.mkdir("repo")
        os.chdir("repo")
        startproject("mysite", ".")
        equal(files("."), expected, "startproject mysite . puts manage.py in the current directory")
        os.chdir(tmp)

        # startproject mysite some/dir: creates the directory since 6.0
        if since(6, 0):
            startproject("site2", "some/dir")
            claim(os.path.isfile("some/dir/manage.py"), "since 6.0 the target directory is created")
        else:
            with raises(CommandError, "does not exist",
                        what="before 6.0 the target directory must exist"):
                startproject("site2", "some/dir")

        # Names must be valid identifiers and must not shadow a module.
        with raises(CommandError, "conflicts with the name of an existing Python module",
                    what="a project named django is refused"):
            startproject("django")
        with raises(CommandError, "conflicts with the name of an existing Python module",
                    what="a project named test is refused"):
            startproject("test")
        with raises(CommandError, "not a valid identifier|valid project name",
                    what="the name must be a valid Python identifier"):
            startproject("my-site")
    finally:
        os.chdir(old)

# --template exists as an option.
from django.core.management.commands.startproject import Command

opts = {a.dest for a in Command().create_parser("django-admin", "startproject")._actions}
claim("template" in opts, "startproject accepts --template")

with tempfile.TemporaryDirectory() as tmp:
    call_command("startproject", "p52", tmp, stdout=io.StringIO())
    text = open(os.path.join(tmp, "p52", "settings.py")).read()
    equal("DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'" in text, not since(6, 0),
          "5.2 writes DEFAULT_AUTO_FIELD = BigAutoField; 6.0 dropped the line")
from django.conf import global_settings

equal(global_settings.DEFAULT_AUTO_FIELD,
      "django.db.models.BigAutoField" if since(6, 0) else "django.db.models.AutoField",
      "BigAutoField is the built-in default since 6.0")
