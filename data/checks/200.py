"""200 debugging: the technical 500 page (traceback, locals shown, settings
and headers masked), the technical 404, breakpoint() and PYTHONBREAKPOINT,
qs.query / explain(), connection.queries and the django.db.backends logger
only with DEBUG, {% debug %}, string_if_invalid, runserver/test options."""
import logging
import os

from djqcheck import claim, create_tables, equal, setup

setup(
    templates={"orders/detail.html": "Order {{ order.pk }} {{ order.status }}"},
    API_TOKEN="abc-very-secret-123",
)

from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=50)


class Order(models.Model):
    status = models.CharField(max_length=10)
    customer = models.ForeignKey(Customer, null=True, on_delete=models.CASCADE)


from django.shortcuts import get_object_or_404, render


# --- the answer's view, as written ---
def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk)
    breakpoint()  # runserver's terminal stops here in pdb
    return render(request, "orders/detail.html", {"order": order})
# --- end ---


def crash(request):
    card_number = "4111-1111-1111-1111"
    raise ValueError("boom")


from django.urls import path

urlpatterns = [path("orders/<int:pk>/", order_detail), path("crash/", crash)]

create_tables()
o = Order.objects.create(status="paid", customer=Customer.objects.create(name="Ann"))

from django.test import Client, override_settings

# breakpoint() is reached; PYTHONBREAKPOINT picks the hook, 0 turns it off.
hits = []


def fake_hook(*a, **kw):
    hits.append(1)


c = Client(raise_request_exception=False)
os.environ["PYTHONBREAKPOINT"] = "djqcheck.models.fake_hook"
r = c.get("/orders/%d/" % o.pk)
equal((r.status_code, len(hits)), (200, 1), "PYTHONBREAKPOINT switches breakpoint() to another debugger")
os.environ["PYTHONBREAKPOINT"] = "0"
r = c.get("/orders/%d/" % o.pk)
equal((r.status_code, r.content, len(hits)), (200, b"Order %d paid" % o.pk, 1), "PYTHONBREAKPOINT=0 turns every breakpoint() off")

# Technical 500 page.
with override_settings(DEBUG=True):
    r = c.get("/crash/", headers={"authorization": "Bearer tok-should-hide"})
    page = r.content.decode()
    equal(r.status_code, 500, "the debug page keeps status 500")
    claim("Traceback" in page and "card_number" in page and "4111-1111-1111-1111" in page, "traceback with local variables, shown as they are")
    claim("djq-check-not-secret" not in page and "abc-very-secret-123" not in page and "********************" in page, "SECRET_KEY and *TOKEN settings are replaced by stars")
    claim("tok-should-hide" not in page, "the Authorization header (HTTP_AUTHORIZATION) is masked")
    r = c.get("/nope/")
    claim(r.status_code == 404 and b"Page not found" in r.content and b"orders/&lt;int:pk&gt;/" in r.content, "a wrong URL shows 'Page not found' listing the URL patterns tried")
r = c.get("/crash/")
claim(r.status_code == 500 and b"Traceback" not in r.content, "with DEBUG off there is no debug page")

# --- the answer's SQL block, as written (print captured) ---
import contextlib
import io

out = io.StringIO()
with contextlib.redirect_stdout(out):
    from django.db import connection, reset_queries

    qs = Order.objects.filter(status="paid").select_related("customer")
    print(qs.query)  # the SQL, with parameters inlined (approximately)
    print(qs.explain())  # the database's query plan

    reset_queries()
    list(qs)
    print(connection.queries)  # [{'sql': ..., 'time': ...}]: only with DEBUG=True
# --- end ---
lines = out.getvalue().splitlines()
claim(lines[0].startswith("SELECT") and "JOIN" in lines[0] and "paid" in lines[0], "print(qs.query) shows the SQL with parameters inlined")
claim(len(lines) > 2 and lines[-1] == "[]", "connection.queries stays empty with DEBUG off")
claim("SCAN" in out.getvalue() or "SEARCH" in out.getvalue(), "explain() prints the query plan")
with override_settings(DEBUG=True):
    reset_queries()
    list(qs.all())
    claim(len(connection.queries) == 1 and set(connection.queries[0]) == {"sql", "time"}, "connection.queries holds {'sql', 'time'} with DEBUG on")

# The LOGGING dict, applied; the logger only fires with DEBUG.
import logging.config

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.db.backends": {"handlers": ["console"], "level": "DEBUG"},
    },
}
logging.config.dictConfig(LOGGING)
seen = []


class Grab(logging.Handler):
    def emit(self, record):
        seen.append(record.getMessage())


logging.getLogger("django.db.backends").addHandler(Grab())
logging.getLogger("django.db.backends").handlers[0].stream = io.StringIO()
list(Order.objects.all())
equal(seen, [], "the django.db.backends logger records nothing with DEBUG off")
with override_settings(DEBUG=True):
    list(Order.objects.all())
claim(len(seen) == 1 and "SELECT" in seen[0], "with DEBUG on it logs every query")

# Templates.
from django.template import Context, Engine, Template

equal(Template("{% debug %}").render(Context({"x": 1})), "", "{% debug %} outputs nothing with DEBUG off")
with override_settings(DEBUG=True):
    claim("{&#x27;x&#x27;: 1}" in Template("{% debug %}").render(Context({"x": 1})), "{% debug %} dumps the context with DEBUG on")
eng = Engine(string_if_invalid="MISSING: %s")
equal(eng.from_string("[{{ nmae }}]").render(Context({"name": "a"})), "[MISSING: nmae]", "string_if_invalid shows misspelled variables")
equal(Engine().from_string("[{{ nmae }}]").render(Context({})), "[]", "by default an unknown variable is an empty string")

# Command options named in the answer.
from django.core.management import load_command_class

for cmd, opt in (("runserver", "--nothreading"), ("runserver", "--noreload"), ("test", "--pdb")):
    parser = load_command_class("django.core", cmd).create_parser("manage.py", cmd)
    claim(any(opt in a.option_strings for a in parser._actions), "manage.py %s has %s" % (cmd, opt))

# With DEBUG on, connection.queries keeps at most 9,000 queries; request_started resets it.
from django.core.signals import request_started

equal(connection.queries_limit, 9000, "connection.queries is capped at 9,000 entries")
with override_settings(DEBUG=True):
    reset_queries()
    list(Order.objects.all())
    list(Order.objects.all())
    equal(len(connection.queries), 2, "queries accumulate outside a request")
    request_started.send(sender=None)
    equal(len(connection.queries), 0, "request_started resets connection.queries")
