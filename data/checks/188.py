"""188 CI gates, run as the workflow runs them (manage.py argv): makemigrations
--check --dry-run fails on a model change without a migration and writes
nothing (nor does --check alone), migrate --check fails on unapplied
migrations, check passes on warnings unless --fail-level WARNING, check
--deploy passes by default but fails with --fail-level WARNING until the
production settings (with the CI key) are used, and manage.py test exits
non-zero when a test fails; the workflow file is valid YAML."""
import contextlib
import io
import os
import sys
import tempfile

from djqcheck import claim, equal, setup

tmp = tempfile.mkdtemp()
app = os.path.join(tmp, "shop")
os.makedirs(os.path.join(app, "migrations"))
open(os.path.join(app, "__init__.py"), "w").close()
open(os.path.join(app, "migrations", "__init__.py"), "w").close()
with open(os.path.join(app, "models.py"), "w") as f:
    f.write("from django.db import models\n\n\nclass Product(models.Model):\n    name = models.CharField(max_length=100)\n")
with open(os.path.join(app, "tests.py"), "w") as f:
    f.write(
        "import os\nfrom django.test import TestCase\nfrom shop.models import Product\n\n\n"
        "class ProductTests(TestCase):\n"
        "    def test_create(self):\n"
        "        Product.objects.create(name='x')\n"
        "        self.assertEqual(Product.objects.count(), 1)\n\n"
        "    def test_maybe_broken(self):\n"
        "        self.assertFalse(os.environ.get('BREAK_IT'))\n"
    )
sys.path.insert(0, tmp)
setup(installed_apps=["shop"],
      DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tmp, "db.sqlite3")}})

from django.urls import clear_url_caches, path
from django.http import HttpResponse


def home(request):
    return HttpResponse("ok")


urlpatterns = [path("/home/", home)]  # urls.W002: a route beginning with "/"

from django.core.management import ManagementUtility


def manage(*argv):
    """python manage.py ARGV: the exit status the CI step sees."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            ManagementUtility(["manage.py", *argv]).execute()
        except SystemExit as e:
            return e.code or 0, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def files():
    return sorted(f for f in os.listdir(os.path.join(app, "migrations")) if f.startswith("0"))


code, text = manage("makemigrations", "--check", "--dry-run")
equal(code, 1, "makemigrations --check --dry-run exits non-zero when a model change has no migration")
code, _ = manage("makemigrations", "--check")
equal(code, 1, "--check alone fails too")
equal(files(), [], "and neither writes a migration file (since 4.2 --check implies --dry-run)")
code, _ = manage("makemigrations", "shop")
equal((code, files()), (0, ["0001_initial.py"]), "(the developer commits the migration)")
equal(manage("makemigrations", "--check", "--dry-run")[0], 0, "with the migration committed the gate passes")

equal(manage("migrate", "--check")[0], 1, "migrate --check exits non-zero when migrations are unapplied")
equal(manage("migrate", "--noinput")[0], 0, "migrate --noinput applies them")
equal(manage("migrate", "--check")[0], 0, "then migrate --check passes")

code, text = manage("check")
claim(code == 0 and "urls.W002" in text, "check reports warnings but passes by default (fail level ERROR)")
code, text = manage("check", "--fail-level", "WARNING")
claim(code == 1 and "urls.W002" in text, "check --fail-level WARNING makes warnings fail the job")
urlpatterns[:] = [path("home/", home)]
clear_url_caches()
equal(manage("check", "--fail-level", "WARNING")[0], 0, "a clean project passes check --fail-level WARNING")

code, text = manage("check", "--deploy")
claim(code == 0 and "security.W004" in text, "check --deploy alone passes although it reports warnings (HSTS, ...)")
code, text = manage("check", "--deploy", "--fail-level", "WARNING")
claim(code == 1 and "security.W009" in text, "with --fail-level WARNING they fail the job (the check's own short key is flagged)")
from django.conf import settings
from django.test import override_settings

production = dict(
    DEBUG=False,
    SECRET_KEY="ci-only-not-secret-but-long-enough-for-the-check-to-pass-0123456789",
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    MIDDLEWARE=[*settings.MIDDLEWARE, "django.middleware.clickjacking.XFrameOptionsMiddleware"],
)
with override_settings(**production):
    code, text = manage("check", "--deploy", "--fail-level", "WARNING")
    equal(code, 0, "with production settings and the CI key, check --deploy --fail-level WARNING passes (%s)" % text.strip()[-200:])

code, text = manage("test", "shop", "--shuffle", "--noinput")
equal(code, 0, "manage.py test --shuffle passes when every test passes")
os.environ["BREAK_IT"] = "1"
code, text = manage("test", "shop", "--shuffle", "--noinput")
claim(code == 1 and "FAILED (failures=1)" in text, "manage.py test exits non-zero when a test fails")
del os.environ["BREAK_IT"]

import yaml

q = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "questions", "188-ci-cd-pipeline.md")).read()
workflow = yaml.safe_load(q.split("```yaml\n", 1)[1].split("```", 1)[0])
runs = [s["run"] for s in workflow["jobs"]["test"]["steps"] if "run" in s]
claim("python manage.py makemigrations --check --dry-run" in runs and "python manage.py check --deploy --fail-level WARNING" in runs,
      "the workflow is valid YAML and runs the gates described")
