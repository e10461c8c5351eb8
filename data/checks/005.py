"""005 Project vs app: labels default to the last part of the dotted name,
must be unique, show up in table names; an app's templates are found only
once it is installed."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(installed_apps=["django.contrib.admin", "django.contrib.staticfiles"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "blog",
    "accounts",
]

from django.apps import AppConfig, apps
from django.db import models

equal(apps.get_app_config("staticfiles").name, "django.contrib.staticfiles",
      "the label is the last part of the dotted name")


class Post(models.Model):
    title = models.CharField(max_length=100)


equal(Post._meta.db_table, "djqcheck_post", "the app label appears in table names (<label>_<model>)")

# Two apps with the same label are refused.
from django.apps.registry import Apps
from django.core.exceptions import ImproperlyConfigured


class ClashConfig(AppConfig):
    name = "django.contrib.sessions"
    label = "auth"


with raises(ImproperlyConfigured, "Application labels aren't unique",
            what="two apps with the same label raise 'Application labels aren't unique'"):
    Apps(installed_apps=["django.contrib.auth", "djqcheck.models.ClashConfig"])

# Template lookup through APP_DIRS only covers installed apps.
from django.template import engines
from django.template.loader import get_template

claim(get_template("admin/base.html") is not None, "an installed app's templates are found")
from django.template import TemplateDoesNotExist

with raises(TemplateDoesNotExist, what="templates of an app not in INSTALLED_APPS are not found"):
    get_template("gis/openlayers.html")
claim(not apps.is_installed("django.contrib.gis"), "gis is not installed here")

# An app not in INSTALLED_APPS has no config, so makemigrations cannot find it.
from django.core.management import CommandError, call_command

with raises(LookupError, what="an uninstalled app is unknown to the registry"):
    apps.get_app_config("blog")
import io

with raises(SystemExit, what="makemigrations refuses an app that is not installed"):
    call_command("makemigrations", "blog", "--dry-run", stderr=io.StringIO(), stdout=io.StringIO())
