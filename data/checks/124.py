"""124 periodic tasks: the answer's management command with its cache.add()
lock (a second run while the lock is held fails with CommandError, the lock is
released afterwards, call_command works), and django.tasks (6.0+): the default
ImmediateBackend, DummyBackend, no worker or scheduler command, run_after only
on a backend with supports_defer."""
import sys
import types

from djqcheck import claim, equal, raises, setup, since

setup()
urlpatterns = []

# scaffolding: the job the command runs
digest = types.ModuleType("myapp.digest")
digest.send_digests = lambda: 3
sys.modules["myapp"] = types.ModuleType("myapp")
sys.modules["myapp.digest"] = digest

# myapp/management/commands/send_digest.py
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from myapp.digest import send_digests

LOCK_KEY = "lock:send_digest"
LOCK_TTL = 60 * 30  # longer than the job should ever take


class Command(BaseCommand):
    help = "Send the daily digest email (run from cron)"

    def handle(self, *args, **options):
        # add() only sets the key if it is absent: atomic on Redis
        # and memcached, so at most one run holds the lock.
        if not cache.add(LOCK_KEY, "running", LOCK_TTL):
            raise CommandError("previous run still active, skipping")
        try:
            sent = send_digests()
        finally:
            cache.delete(LOCK_KEY)
        self.stdout.write(f"sent {sent} digests")


from io import StringIO

from django.core.management import call_command

out = StringIO()
call_command(Command(), stdout=out)
equal(out.getvalue().strip(), "sent 3 digests", "the command runs the job and reports")
claim(cache.get(LOCK_KEY) is None, "the lock is released after the run")

cache.add(LOCK_KEY, "running", LOCK_TTL)  # another run holds the lock
with raises(CommandError, "previous run still active", "an overlapping run is refused"):
    call_command(Command(), stdout=StringIO())
claim(not cache.add(LOCK_KEY, "x", 10), "cache.add() does not overwrite an existing key")
cache.delete(LOCK_KEY)


def failing():
    raise RuntimeError("boom")


send_digests_saved = globals()["send_digests"]
globals()["send_digests"] = failing
with raises(RuntimeError, what="the job's error propagates"):
    call_command(Command(), stdout=StringIO())
claim(cache.get(LOCK_KEY) is None, "finally: releases the lock even when the job fails")
globals()["send_digests"] = send_digests_saved

from django.core.management import get_commands

if since(6, 0):
    from django.conf import global_settings
    from django.tasks import default_task_backend, task, task_backends
    from django.tasks.backends.dummy import DummyBackend
    from django.tasks.backends.immediate import ImmediateBackend

    equal(
        global_settings.TASKS["default"]["BACKEND"],
        "django.tasks.backends.immediate.ImmediateBackend",
        "ImmediateBackend is the default",
    )
    import pkgutil, django.tasks.backends as b

    equal(sorted(m.name for m in pkgutil.iter_modules(b.__path__)), ["base", "dummy", "immediate"],
          "Django ships two backends, immediate and dummy")
    claim(not any("task" in name or "worker" in name or "beat" in name for name in get_commands()),
          "there is no worker or scheduler management command")

    ran = []

    @task
    def nightly():
        ran.append(1)
        return "done"

    result = nightly.enqueue()
    equal(ran, [1], "ImmediateBackend runs the task in the same process at enqueue()")
    claim(not ImmediateBackend.supports_defer, "ImmediateBackend cannot defer")
    claim(DummyBackend.supports_defer, "DummyBackend supports_defer")
    import datetime as dt

    from django.tasks.exceptions import InvalidTask
    from django.utils import timezone

    with raises(InvalidTask, what="run_after needs a backend whose supports_defer is true"):
        nightly.using(run_after=timezone.now() + dt.timedelta(hours=1)).enqueue()
else:
    with raises(ImportError, what="django.tasks is new in 6.0"):
        import django.tasks  # noqa: F401

# Celery beat: the schedule from settings, read through namespace="CELERY".
try:
    import celery  # noqa: F401
except ImportError:  # not every check environment ships Celery
    celery = None
if celery is not None:
    from django.conf import settings as django_settings

    # settings.py (read through namespace="CELERY")
    from celery.schedules import crontab

    CELERY_BEAT_SCHEDULE = {
        "nightly-digest": {
            "task": "myapp.tasks.send_digest",
            "schedule": crontab(hour=3, minute=15),
        },
        "poll-feeds": {"task": "myapp.tasks.poll_feeds", "schedule": 300.0},
    }
    django_settings.CELERY_BEAT_SCHEDULE = CELERY_BEAT_SCHEDULE
    from celery import Celery

    app = Celery("proj")
    app.config_from_object("django.conf:settings", namespace="CELERY")
    beat = app.conf.beat_schedule
    equal(sorted(beat), ["nightly-digest", "poll-feeds"], "beat reads CELERY_BEAT_SCHEDULE with namespace='CELERY'")
    cron = beat["nightly-digest"]["schedule"]
    equal((cron.hour, cron.minute), ({3}, {15}), "crontab(hour=3, minute=15) fires at 03:15")
    equal(beat["poll-feeds"]["schedule"], 300.0, "a number is an interval in seconds")
