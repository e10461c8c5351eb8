"""008 runserver: defaults, options, the staticfiles replacement and when it
serves static files, the 5.2 development-server warning, and ALLOWED_HOSTS
handling with DEBUG on."""
import io
import os

from djqcheck import claim, equal, raises, setup

setup(installed_apps=["django.contrib.staticfiles"], STATIC_URL="static/",
      WSGI_APPLICATION=None, DEBUG=True, ALLOWED_HOSTS=[])

from django.core.management import get_commands, load_command_class

equal(get_commands()["runserver"], "django.contrib.staticfiles",
      "staticfiles replaces the core runserver command")
cmd = load_command_class("django.contrib.staticfiles", "runserver")
from django.core.management.commands.runserver import Command as Core

claim(isinstance(cmd, Core), "the staticfiles runserver extends the core one")
equal((Core.default_addr, Core.default_port), ("127.0.0.1", "8000"), "listens on 127.0.0.1:8000 by default")

dests = {a.dest: a for a in cmd.create_parser("manage.py", "runserver")._actions}
for d in ("use_threading", "use_reloader", "skip_checks", "use_static_handler", "insecure_serving"):
    claim(d in dests, "runserver has the option for %s" % d)
equal(dests["use_threading"].default, True, "multithreaded by default (--nothreading disables it)")

# How the address argument is parsed (run() is replaced so nothing binds).
seen = {}


def fake_run(**options):
    seen.update(addr=cmd.addr, port=cmd.port)


cmd.run = fake_run
for arg, want in ((None, ("127.0.0.1", "8000")), ("8080", ("127.0.0.1", "8080")),
                  ("0.0.0.0:8000", ("0.0.0.0", "8000"))):
    args = [arg] if arg else []
    cmd.execute(*args, addrport=arg, use_ipv6=False, use_threading=True, use_reloader=False,
                skip_checks=True, no_color=True, force_color=False,
                use_static_handler=True, insecure_serving=False)
    equal((seen["addr"], seen["port"]), want, "runserver %s binds %s:%s" % (arg or "", *want))

# Static files are served only with DEBUG on, unless --insecure.
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test import override_settings

opts = dict(use_static_handler=True, insecure_serving=False)
claim(isinstance(cmd.get_handler(**opts), StaticFilesHandler), "serves static files when DEBUG is True")
with override_settings(DEBUG=False):
    claim(not isinstance(cmd.get_handler(**opts), StaticFilesHandler), "not once DEBUG is off")
    claim(isinstance(cmd.get_handler(use_static_handler=True, insecure_serving=True), StaticFilesHandler),
          "--insecure forces it with DEBUG off")
claim(not isinstance(cmd.get_handler(use_static_handler=False, insecure_serving=False), StaticFilesHandler),
      "--nostatic turns it off")
from django.core.handlers.wsgi import WSGIHandler

claim(isinstance(Core().get_handler(), WSGIHandler), "it runs the WSGI application (WSGI only)")

# The development-server warning (5.2+) and DJANGO_RUNSERVER_HIDE_WARNING.
def banner():
    c = Core(stdout=io.StringIO())
    c._raw_ipv6, c.addr, c.protocol = False, "127.0.0.1", "http"
    c.on_bind(8000)
    return c.stdout.getvalue()


claim("This is a development server" in banner(), "runserver prints a development-server warning")
os.environ["DJANGO_RUNSERVER_HIDE_WARNING"] = "true"
claim("This is a development server" not in banner(), "DJANGO_RUNSERVER_HIDE_WARNING=true hides it")

# ALLOWED_HOSTS with DEBUG = True and an empty list.
from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("", lambda r: HttpResponse("ok"))]
from django.test import Client

c = Client()
for host in ("localhost", "app.localhost", "127.0.0.1", "[::1]"):
    equal(c.get("/", HTTP_HOST=host).status_code, 200, "with DEBUG and no ALLOWED_HOSTS, %s is accepted" % host)
equal(c.get("/", HTTP_HOST="192.168.1.20:8000").status_code, 400, "a LAN address is refused with 400")
with override_settings(ALLOWED_HOSTS=["192.168.1.20"]):
    equal(c.get("/", HTTP_HOST="192.168.1.20:8000").status_code, 200, "listing it lets it in")
    equal(c.get("/", HTTP_HOST="localhost").status_code, 400,
          "once you list a host, the localhost defaults no longer apply")
from django.core.management import CommandError

with override_settings(DEBUG=False, ALLOWED_HOSTS=[]):
    with raises(CommandError, "ALLOWED_HOSTS", what="runserver with DEBUG off needs ALLOWED_HOSTS"):
        cmd.execute(addrport=None, use_ipv6=False, use_threading=True, use_reloader=False,
                    skip_checks=True, no_color=True, force_color=False,
                    use_static_handler=True, insecure_serving=False)
