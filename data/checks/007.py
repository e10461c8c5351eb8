"""007 startapp: the files it writes (no urls.py, no templates), the 6.0
target-directory change, AppConfig discovery rules, ready() running, and the
answer's URL wiring."""
import io
import os
import sys
import tempfile

from djqcheck import claim, equal, raises, setup, since

setup(installed_apps=["django.contrib.admin"])

from django.core.management import CommandError, call_command

tmp = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(tmp)
try:
    call_command("startapp", "blog", stdout=io.StringIO())
finally:
    os.chdir(old)
made = sorted(os.listdir(os.path.join(tmp, "blog")))
equal(made, ["__init__.py", "admin.py", "apps.py", "migrations", "models.py", "tests.py", "views.py"],
      "startapp writes __init__, admin, apps, models, tests, views and migrations/ only")
claim(os.path.isfile(os.path.join(tmp, "blog", "migrations", "__init__.py")), "migrations/ is a package")

if since(6, 0):
    call_command("startapp", "shop", os.path.join(tmp, "x", "shop"), stdout=io.StringIO())
    claim(os.path.isfile(os.path.join(tmp, "x", "shop", "apps.py")),
          "since 6.0 the destination directory is created")
else:
    with raises(CommandError, "does not exist", what="on 5.2 the destination must exist"):
        call_command("startapp", "shop", os.path.join(tmp, "x", "shop"), stdout=io.StringIO())

# The answer's apps.py, urls.py and a signals module for ready() to import.
with open(os.path.join(tmp, "blog", "apps.py"), "w") as f:
    f.write('''# blog/apps.py
from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"                # full Python path of the app, required
    verbose_name = "Blog"        # shown in the admin

    def ready(self):
        # Runs once the app registry is fully populated.
        from . import signals  # noqa: F401  (connects signal receivers)
''')
with open(os.path.join(tmp, "blog", "signals.py"), "w") as f:
    f.write("IMPORTED = True\n")
with open(os.path.join(tmp, "blog", "views.py"), "w") as f:
    f.write("from django.http import HttpResponse\n\ndef post_list(request):\n    return HttpResponse('posts')\n")
with open(os.path.join(tmp, "blog", "urls.py"), "w") as f:
    f.write('''# blog/urls.py
from django.urls import path

from . import views

app_name = "blog"
urlpatterns = [
    path("", views.post_list, name="post-list"),
]
''')
# A second app with two configs, one marked default = True.
os.mkdir(os.path.join(tmp, "two"))
open(os.path.join(tmp, "two", "__init__.py"), "w").close()
with open(os.path.join(tmp, "two", "apps.py"), "w") as f:
    f.write('''from django.apps import AppConfig

class PlainConfig(AppConfig):
    name = "two"

class ChosenConfig(AppConfig):
    name = "two"
    default = True
''')
os.mkdir(os.path.join(tmp, "none"))
open(os.path.join(tmp, "none", "__init__.py"), "w").close()
sys.path.insert(0, tmp)

from django.apps import AppConfig
from django.apps.registry import Apps

reg = Apps(installed_apps=["blog", "two", "none"])
blog = reg.get_app_config("blog")
equal(type(blog).__name__, "BlogConfig", "with one AppConfig subclass in apps.py, Django uses it")
equal((blog.label, blog.verbose_name), ("blog", "Blog"), "label defaults to the last part of name")
claim("blog.signals" in sys.modules, "ready() ran and imported the signals module")
equal(type(reg.get_app_config("two")).__name__, "ChosenConfig", "with several, default = True wins")
claim(type(reg.get_app_config("none")) is AppConfig, "with none, a plain AppConfig is created")
claim(hasattr(AppConfig, "default_auto_field"), "AppConfig has default_auto_field")

# mysite/urls.py from the answer.
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("blog/", include("blog.urls")),
]

from django.test import Client
from django.urls import reverse

equal(reverse("blog:post-list"), "/blog/", "app_name namespaces the included URLs")
equal(Client().get("/blog/").content, b"posts", "include() routes /blog/ to the app's view")

# An app missing from INSTALLED_APPS is unknown to makemigrations.
err = io.StringIO()
with raises(SystemExit, what="makemigrations blog exits when the app is not installed"):
    call_command("makemigrations", "blog", dry_run=True, stdout=io.StringIO(), stderr=err)
claim("No installed app with label 'blog'" in err.getvalue(),
      "makemigrations blog fails with \"No installed app with label 'blog'\"")

generated = open(os.path.join(tmp, "x", "shop", "apps.py")).read() if since(6, 0) else None
tmp2 = tempfile.mkdtemp()
call_command("startapp", "notes", tmp2, stdout=io.StringIO())
equal("default_auto_field" in open(os.path.join(tmp2, "apps.py")).read(), not since(6, 0),
      "startapp's apps.py sets default_auto_field on 5.2 only")
