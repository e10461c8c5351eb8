"""068 custom management commands: the answer's deactivate_users command in
shop/management/commands/, discovery (underscore modules ignored), options,
dry run output, CommandError via call_command and on the command line (exit
status 1), and the answer's TestCase."""
import os
import sys
import tempfile

from djqcheck import claim, create_tables, equal, raises, setup, since

COMMAND = '''\
# shop/management/commands/deactivate_users.py
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone


class Command(BaseCommand):
    help = "Deactivate users who have not logged in for N days."

    def add_arguments(self, parser):
        parser.add_argument("days", type=int)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only report how many users would be changed.",
        )

    def handle(self, *args, **options):
        days = options["days"]
        if days < 1:
            raise CommandError("days must be a positive integer")

        cutoff = timezone.now() - timedelta(days=days)
        users = get_user_model().objects.filter(
            is_active=True, last_login__lt=cutoff
        )

        if options["dry_run"]:
            self.stdout.write(
                f"{users.count()} users would be deactivated"
            )
            return

        with transaction.atomic():
            changed = users.update(is_active=False)
        self.stdout.write(
            self.style.SUCCESS(f"Deactivated {changed} users")
        )
'''
root = tempfile.mkdtemp()
cmd_dir = os.path.join(root, "shop", "management", "commands")
os.makedirs(cmd_dir)
files = {
    "shop/__init__.py": "",
    "shop/management/__init__.py": "",
    "shop/management/commands/__init__.py": "",
    "shop/management/commands/_helpers.py": "",
    "shop/management/commands/deactivate_users.py": COMMAND,
    # an app command named like a django.core one, and a second app (listed
    # after shop) with a command named like shop's
    "shop/management/commands/diffsettings.py": "from django.core.management.base import BaseCommand\n\n\nclass Command(BaseCommand):\n    def handle(self, **o):\n        return 'shop version'\n",
    "later/__init__.py": "",
    "later/management/__init__.py": "",
    "later/management/commands/__init__.py": "",
    "later/management/commands/deactivate_users.py": "from django.core.management.base import BaseCommand\n\n\nclass Command(BaseCommand):\n    def handle(self, **o):\n        return 'later'\n",
}
os.makedirs(os.path.join(root, "later", "management", "commands"))
for rel, text in files.items():
    with open(os.path.join(root, rel), "w") as f:
        f.write(text)
sys.path.insert(0, root)
setup(installed_apps=["shop", "later"])
urlpatterns = []
create_tables()

import datetime
import io

from django.contrib.auth.models import User
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from django.utils import timezone

cmds = get_commands()
equal(cmds.get("deactivate_users"), "shop", "one command per module in <app>/management/commands/")
claim("_helpers" not in cmds, "modules starting with an underscore are ignored")
equal(cmds.get("diffsettings"), "shop", "an app's command replaces a django.core command of the same name")
equal(cmds.get("deactivate_users"), "shop", "between two apps, the one earlier in INSTALLED_APPS wins")

old = timezone.now() - datetime.timedelta(days=90)
for name in ("a", "b"):
    User.objects.create_user(name, last_login=old)
User.objects.create_user("fresh", last_login=timezone.now())

# --- the answer's test, verbatim (run by hand) ---
from io import StringIO

from django.core.management import call_command
from django.test import TestCase


class DeactivateUsersTests(TestCase):
    def test_dry_run_reports_count(self):
        out = StringIO()
        call_command("deactivate_users", "30", dry_run=True, stdout=out)
        self.assertIn("would be deactivated", out.getvalue())
# --- end ---
import unittest

result = unittest.TextTestRunner(stream=io.StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(DeactivateUsersTests))
claim(result.wasSuccessful(), "the answer's TestCase passes")

out = StringIO()
call_command("deactivate_users", "30", dry_run=True, stdout=out)
equal(out.getvalue(), "2 users would be deactivated\n", "self.stdout.write adds the newline; --dry-run arrives as dry_run")
equal(User.objects.filter(is_active=False).count(), 0, "the dry run changes nothing")
out = StringIO()
call_command("deactivate_users", 30, stdout=out, no_color=True)
equal(out.getvalue(), "Deactivated 2 users\n", "the real run deactivates and reports")
out = StringIO()
call_command("deactivate_users", "30", stdout=out, force_color=True)
claim(out.getvalue().startswith("\x1b["), "self.style.SUCCESS colours the output")

with raises(CommandError, "positive integer", what="via call_command() the CommandError propagates"):
    call_command("deactivate_users", "0")
with raises(CommandError, "invalid int value", what="type=int is enforced by the parser"):
    call_command("deactivate_users", "x")

# Command line: message on stderr, exit status 1.
from django.core.management import execute_from_command_line

err = StringIO()
real_err, sys.stderr = sys.stderr, err
try:
    with raises(SystemExit, what="on the command line a CommandError exits") as box:
        execute_from_command_line(["manage.py", "deactivate_users", "0"])
finally:
    sys.stderr = real_err
equal(box[0].code, 1, "exit status 1")
equal(err.getvalue(), "CommandError: days must be a positive integer\n", "the error is printed to stderr")

from django.core.management import load_command_class

cmd = load_command_class("shop", "deactivate_users")
parser = cmd.create_parser("manage.py", "deactivate_users")
opts = {a.dest for a in parser._actions}
claim({"verbosity", "settings", "traceback", "dry_run"} <= opts, "default options such as --verbosity, --settings and --traceback are added")
equal(cmd.requires_system_checks, "__all__", "system checks run before the command by default")

from django.core import checks

RAN = []


@checks.register()
def spy(app_configs, **kwargs):
    RAN.append(1)
    return []


call_command("deactivate_users", "30", dry_run=True, stdout=StringIO())
equal(RAN, [], "call_command() skips the system checks by default")
call_command("deactivate_users", "30", dry_run=True, stdout=StringIO(), skip_checks=False)
claim(RAN != [], "call_command(..., skip_checks=False) runs them")

# Django 6.0+: the tasks framework queues work but ships no production worker.
from django.conf import global_settings

if since(6, 0):
    import django.tasks.backends as tb

    equal(global_settings.TASKS["default"]["BACKEND"], "django.tasks.backends.immediate.ImmediateBackend", "6.0: the default tasks backend runs tasks immediately, in-process")
    import pkgutil

    equal(sorted(m.name for m in pkgutil.iter_modules(tb.__path__)), ["base", "dummy", "immediate"], "the built-in backends are development/testing ones")
else:
    with raises(ImportError, what="django.tasks is new in 6.0"):
        import django.tasks  # noqa: F401
