"""209 large project structure: builds the answer's layout in a temporary
folder (config/settings package with the answer's base.py and local.py,
shop.accounts/catalog/orders apps, the answer's services.py and api.py),
then through manage.py: check passes, labels and table names, migrations,
place_order commits or rolls back as a whole, the view answers 201/409, the
production module is picked by DJANGO_SETTINGS_MODULE, duplicate labels fail."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

from djqcheck import claim, equal

ANSWER = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "questions",
                           "209-structure-large-django-project.md")).read()
blocks = re.findall(r"```python\n(.*?)```", ANSWER, re.S)
base_py, local_py, services_py, api_py = blocks
claim(base_py.startswith("# config/settings/base.py") and local_py.startswith("# config/settings/local.py")
      and services_py.startswith("# shop/orders/services.py") and api_py.startswith("# shop/orders/api.py"),
      "the answer's four code blocks are base.py, local.py, services.py and api.py")

root = tempfile.mkdtemp()
import atexit

atexit.register(shutil.rmtree, root, True)


def write(path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(textwrap.dedent(text))


# --- scaffolding: what startproject/startapp would write, plus the models the answer uses ---
write("manage.py", """\
    import os
    import sys

    if __name__ == "__main__":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
        from django.core.management import execute_from_command_line

        execute_from_command_line(sys.argv)
    """)
write("config/__init__.py", "")
write("config/settings/__init__.py", "")
# the answer's base.py verbatim, then the settings its comment stands for
write("config/settings/base.py", base_py + textwrap.dedent("""
    MIDDLEWARE = [
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ]
    ROOT_URLCONF = "config.urls"
    TEMPLATES = [{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [], "APP_DIRS": True,
        "OPTIONS": {"context_processors": [
            "django.template.context_processors.request",
            "django.contrib.auth.context_processors.auth",
            "django.contrib.messages.context_processors.messages",
        ]},
    }]
    DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
    STATIC_URL = "static/"
    USE_TZ = True
    """))
write("config/settings/local.py", local_py)
write("config/settings/production.py", """\
    import os

    from .base import *  # noqa: F403

    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
    ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    """)
write("config/settings/dup.py", """\
    from .local import *  # noqa: F403

    INSTALLED_APPS = INSTALLED_APPS + ["billing.accounts"]  # noqa: F405
    """)
write("config/urls.py", """\
    from django.urls import path

    from shop.orders.api import PlaceOrderView

    urlpatterns = [path("orders/", PlaceOrderView.as_view())]
    """)
write("shop/__init__.py", "")
for app in ("accounts", "catalog", "orders"):
    write(f"shop/{app}/__init__.py", "")
    write(f"shop/{app}/apps.py", f"""\
        from django.apps import AppConfig


        class {app.title()}Config(AppConfig):
            name = "shop.{app}"
        """)
write("shop/accounts/models.py", "")
write("billing/__init__.py", "")
write("billing/accounts/__init__.py", "")
write("shop/catalog/models.py", """\
    from django.db import models


    class Product(models.Model):
        name = models.CharField(max_length=100)
        stock = models.PositiveIntegerField(default=0)
        price = models.DecimalField(max_digits=8, decimal_places=2)
    """)
write("shop/orders/models.py", """\
    from django.conf import settings
    from django.db import models


    class Order(models.Model):
        customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)


    class OrderLine(models.Model):
        order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
        product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT)
        quantity = models.PositiveIntegerField()
        price = models.DecimalField(max_digits=8, decimal_places=2)
    """)
write("shop/orders/services.py", services_py)   # verbatim
write("shop/orders/api.py", api_py)             # verbatim
# --- end scaffolding ---

env = dict(os.environ)
env.pop("DJANGO_SETTINGS_MODULE", None)


def manage(*args, settings=None, extra_env=None):
    e = dict(env, **(extra_env or {}))
    if settings:
        e["DJANGO_SETTINGS_MODULE"] = settings
    return subprocess.run([sys.executable, "manage.py", *args], cwd=root, env=e,
                          capture_output=True, text=True, timeout=90)


r = manage("check")
equal(r.returncode, 0, "the layout passes manage.py check with config.settings.local (stderr: %s)" % r.stderr[-500:])
r = manage("makemigrations", "accounts", "catalog", "orders")
equal(r.returncode, 0, "makemigrations works with the labels accounts, catalog, orders (%s)" % r.stderr[-300:])
claim(os.path.exists(os.path.join(root, "shop/orders/migrations/0001_initial.py")), "each app owns its migrations")
r = manage("migrate", "--noinput")
equal(r.returncode, 0, "migrate works (%s)" % r.stderr[-300:])

script = r'''
import json
from decimal import Decimal
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient
from shop.catalog.models import Product
from shop.orders.models import Order, OrderLine
from shop.orders.services import OutOfStock, place_order

out = {"debug": settings.DEBUG, "label": apps.get_app_config("orders").label,
       "name": apps.get_app_config("orders").name, "table": Order._meta.db_table,
       "line_fk": OrderLine._meta.get_field("product").related_model is Product}
user = get_user_model().objects.create_user("ann")
a = Product.objects.create(name="Apple", stock=5, price=Decimal("1.00"))
b = Product.objects.create(name="Pear", stock=1, price=Decimal("2.00"))
order = place_order(customer=user, items=[(a.pk, 2), (b.pk, 1)])
out["lines"] = order.lines.count()
out["stock_after_ok"] = [Product.objects.get(pk=a.pk).stock, Product.objects.get(pk=b.pk).stock]
try:
    place_order(customer=user, items=[(a.pk, 1), (b.pk, 1)])
    out["raised"] = None
except OutOfStock as exc:
    out["raised"] = str(exc)
out["orders_after_fail"] = Order.objects.count()
out["stock_after_fail"] = Product.objects.get(pk=a.pk).stock
c = APIClient(HTTP_HOST="localhost")  # local ALLOWED_HOSTS
c.force_authenticate(user)
r = c.post("/orders/", {"items": [{"product": a.pk, "quantity": 1}]}, format="json")
out["view_ok"] = [r.status_code, sorted(r.json())]
r = c.post("/orders/", {"items": [{"product": b.pk, "quantity": 1}]}, format="json")
out["view_fail"] = [r.status_code, r.json()]
print("RESULT" + json.dumps(out))
'''
r = manage("shell", "-c", script)
m = re.search(r"RESULT(.*)", r.stdout)
claim(m is not None, "the shell script ran (stderr: %s)" % r.stderr[-800:])
out = json.loads(m.group(1))
equal(out["debug"], True, "manage.py defaults to config.settings.local (DEBUG = True)")
equal((out["name"], out["label"]), ("shop.orders", "orders"), "the app is registered by full path, its label is the last part")
equal(out["table"], "orders_order", "the label prefixes table names")
claim(out["line_fk"], "the string reference 'catalog.Product' resolves across apps")
equal(out["lines"], 2, "place_order creates the order and its lines")
equal(out["stock_after_ok"], [3, 0], "and decrements stock")
equal(out["raised"], "Pear", "OutOfStock is raised with the product name")
equal((out["orders_after_fail"], out["stock_after_fail"]), (1, 3),
      "an OutOfStock rolls back the order and the earlier stock changes (atomic)")
equal(out["view_ok"], [201, ["id"]], "the view answers 201 with the id")
equal(out["view_fail"], [409, {"detail": "Pear is out of stock."}], "and 409 for OutOfStock")

# production module via DJANGO_SETTINGS_MODULE
r = subprocess.run([sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                    "print(settings.DEBUG, settings.ALLOWED_HOSTS, len(settings.INSTALLED_APPS))"],
                   cwd=root, capture_output=True, text=True, timeout=60,
                   env=dict(env, DJANGO_SETTINGS_MODULE="config.settings.production",
                            DJANGO_SECRET_KEY="s" * 50, DJANGO_ALLOWED_HOSTS="shop.example.com"))
equal(r.stdout.strip(), "False ['shop.example.com'] 9",
      "DJANGO_SETTINGS_MODULE=config.settings.production: base's DEBUG = False and apps, secrets from the environment (%s)" % r.stderr[-300:])

# duplicate labels
r = manage("check", settings="config.settings.dup")
claim(r.returncode != 0 and "Application labels aren't unique, duplicates: accounts" in r.stderr,
      "shop.accounts and billing.accounts together fail with 'Application labels aren't unique'")
write("billing/accounts/apps.py", """\
    from django.apps import AppConfig


    class BillingAccountsConfig(AppConfig):
        name = "billing.accounts"
        label = "billing_accounts"
    """)
r = manage("check", settings="config.settings.dup")
equal(r.returncode, 0, "unless one sets label in its AppConfig (%s)" % r.stderr[-300:])

# startapp into a package folder writes the short name, which the answer says to change
os.makedirs(os.path.join(root, "shop", "reviews"))
r = manage("startapp", "reviews", "shop/reviews")
equal(r.returncode, 0, "startapp reviews shop/reviews works (%s)" % r.stderr[-300:])
claim("name = 'reviews'" in open(os.path.join(root, "shop/reviews/apps.py")).read(),
      "startapp writes name = 'reviews', not the full path 'shop.reviews'")
