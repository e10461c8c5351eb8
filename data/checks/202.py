"""202 reusable app: the answer's pyproject, AppConfig, conf, checks and models
are written as a real package on disk and installed: the AppConfig is found
by itself, its default_auto_field beats the project's, settings defaults and
overrides read at call time (import-time reads freeze), the system check
fails a bad setting, makemigrations uses swappable_dependency and --check
passes, project DIRS override the app's namespaced template, static files
are found under the app's namespace."""
import os
import sys
import tempfile
import tomllib

from djqcheck import claim, equal, raises, setup

# --- the answer's files, verbatim ------------------------------------------
FILES = {
    'pyproject.toml': """\
[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = "django-reviews"
version = "1.0.0"
requires-python = ">=3.10"
dependencies = ["Django>=5.2"]
classifiers = ["Framework :: Django", "Framework :: Django :: 5.2"]

[tool.setuptools.packages.find]
include = ["reviews*"]

[tool.setuptools.package-data]
reviews = ["templates/**/*", "static/**/*"]
""",
    'reviews/apps.py': """\
# reviews/apps.py
from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"
    # fixed here, so the project's DEFAULT_AUTO_FIELD cannot change our migrations
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  registers the system checks
""",
    'reviews/conf.py': """\
# reviews/conf.py
from django.conf import settings

DEFAULTS = {"PER_PAGE": 20, "MAX_RATING": 5}


def get_setting(name):
    # read at call time, so override_settings in tests works
    return getattr(settings, f"REVIEWS_{name}", DEFAULTS[name])
""",
    'reviews/checks.py': """\
# reviews/checks.py
from django.core.checks import Error, register

from .conf import get_setting


@register()
def check_settings(app_configs, **kwargs):
    if not isinstance(get_setting("MAX_RATING"), int) or get_setting("MAX_RATING") < 1:
        return [Error("REVIEWS_MAX_RATING must be a positive integer.", id="reviews.E001")]
    return []
""",
    'reviews/models.py': """\
# reviews/models.py
from django.conf import settings
from django.db import models


class Review(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    rating = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
""",
}

# --- scaffolding: write the package, a template and a static file -----------
root = tempfile.mkdtemp()
import atexit
import shutil

atexit.register(shutil.rmtree, root, True)
for name, text in FILES.items():
    os.makedirs(os.path.dirname(os.path.join(root, name)) or root, exist_ok=True)
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
open(os.path.join(root, "reviews/__init__.py"), "w").close()
os.makedirs(os.path.join(root, "reviews/templates/reviews"))
with open(os.path.join(root, "reviews/templates/reviews/review_list.html"), "w") as f:
    f.write("app template")
os.makedirs(os.path.join(root, "reviews/static/reviews"))
open(os.path.join(root, "reviews/static/reviews/reviews.css"), "w").close()
project_templates = os.path.join(root, "project_templates")
os.makedirs(os.path.join(project_templates, "reviews"))
with open(os.path.join(project_templates, "reviews/review_list.html"), "w") as f:
    f.write("project override")
sys.path.insert(0, root)
urlpatterns = []  # the URL checks need a URLconf


def templates(dirs):
    return [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": dirs, "APP_DIRS": True}]


setup(
    installed_apps=["django.contrib.staticfiles", "reviews"],
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",  # the project's choice
    TEMPLATES=templates([project_templates]),
    STATIC_URL="/static/",
)

# pyproject.toml is valid TOML and ships templates and static files
project = tomllib.loads(FILES["pyproject.toml"])
equal(project["tool"]["setuptools"]["package-data"]["reviews"], ["templates/**/*", "static/**/*"],
      "templates and static files are declared as package data")
equal(project["project"]["dependencies"], ["Django>=5.2"], "the app declares Django as a dependency")

from django.apps import apps
from reviews.apps import ReviewsConfig

cfg = apps.get_app_config("reviews")
claim(type(cfg) is ReviewsConfig, "the single AppConfig subclass in apps.py is used for plain 'reviews' in INSTALLED_APPS")
equal(cfg.verbose_name, "Reviews", "verbose_name comes from the AppConfig")

from django.db import models as djm
from reviews.models import Review

claim(isinstance(Review._meta.pk, djm.BigAutoField), "the AppConfig's default_auto_field wins over the project's DEFAULT_AUTO_FIELD")
from django.contrib.auth.models import Group

claim(type(Group._meta.pk) is djm.AutoField, "(the project setting still applies to apps without their own)")

# settings read at call time
from django.test import override_settings
from reviews.conf import get_setting

equal(get_setting("PER_PAGE"), 20, "PER_PAGE defaults to 20")
with override_settings(REVIEWS_PER_PAGE=50):
    equal(get_setting("PER_PAGE"), 50, "REVIEWS_PER_PAGE overrides it, also under override_settings")
from django.conf import settings

PER_PAGE = getattr(settings, "REVIEWS_PER_PAGE", 20)  # the import-time anti-pattern
with override_settings(REVIEWS_PER_PAGE=50):
    equal(PER_PAGE, 20, "a value read at import time is frozen; override_settings does not reach it")

# the system check, registered in ready()
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

equal([e.id for e in run_checks() if e.id.startswith("reviews")], [], "no error with the defaults")
with override_settings(REVIEWS_MAX_RATING=0):
    equal([e.id for e in run_checks() if e.id.startswith("reviews")], ["reviews.E001"], "a bad value gives reviews.E001")
    with raises(SystemCheckError, "REVIEWS_MAX_RATING must be a positive integer", what="manage.py check fails on it"):
        call_command("check", verbosity=0)

# migrations: generated with swappable_dependency, then --check passes
import io

call_command("makemigrations", "reviews", verbosity=0)
mig = open(os.path.join(root, "reviews/migrations/0001_initial.py")).read()
claim("migrations.swappable_dependency(settings.AUTH_USER_MODEL)" in mig,
      "the migration depends on swappable_dependency(settings.AUTH_USER_MODEL)")
claim("to=settings.AUTH_USER_MODEL" in mig, "the foreign key targets settings.AUTH_USER_MODEL, not auth.User")
claim("models.BigAutoField" in mig, "the shipped migration uses the app's BigAutoField")
call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # SystemExit(1) if a migration were missing
Review.add_to_class("stars", djm.IntegerField(default=0))
with raises(SystemExit, what="makemigrations --check fails when a model change has no migration"):
    call_command("makemigrations", "reviews", "--check", "--dry-run", verbosity=0, stdout=io.StringIO())

# templates: project DIRS before app directories
from django.template.loader import render_to_string

equal(render_to_string("reviews/review_list.html"), "project override", "a template in DIRS overrides the app's")
with override_settings(TEMPLATES=templates([])):
    equal(render_to_string("reviews/review_list.html"), "app template", "without it, the app's namespaced template is used")

# static files under the app's namespace
from django.contrib.staticfiles import finders

equal(finders.find("reviews/reviews.css"), os.path.join(root, "reviews/static/reviews/reviews.css"),
      "static files are found as reviews/reviews.css in the app's static folder")
