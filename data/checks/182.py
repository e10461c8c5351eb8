"""182 monitoring Celery: the answer's settings (all off/unlimited by default)
read with namespace CELERY; an in-process worker (threads pool) showing
STARTED only with tracking, inspect().active()/ping(); PENDING for an unknown
id; the answer's build_report and task_failure handler run with apply()
(soft limit caught, cleanup, re-raised, handler fires); get_task_logger under
celery.task; the task log format; the threads pool ignoring time limits."""
import logging
import sys
import threading
import time
import types
from unittest import mock

from djqcheck import claim, equal, setup

# --- the answer's settings, verbatim ---
CELERY_WORKER_SEND_TASK_EVENTS = True   # same as `celery worker -E`
CELERY_TASK_SEND_SENT_EVENT = True      # also emit task-sent from Django
CELERY_TASK_TRACK_STARTED = True        # report STARTED, not just PENDING
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
# --- end ---
setup()
urlpatterns = []

from celery import Celery

plain = Celery("plain").conf
equal(
    (plain.worker_send_task_events, plain.task_send_sent_event, plain.task_track_started,
     plain.task_soft_time_limit, plain.task_time_limit),
    (False, False, False, None, None),
    "all five are off (or unlimited) by default",
)

conf = types.ModuleType("answer_settings")
conf.__dict__.update({k: v for k, v in globals().items() if k.startswith("CELERY_")})
app = Celery("proj", broker="memory://", backend="cache+memory://")
app.config_from_object(conf, namespace="CELERY")
equal(
    (app.conf.worker_send_task_events, app.conf.task_send_sent_event, app.conf.task_track_started,
     app.conf.task_soft_time_limit, app.conf.task_time_limit),
    (True, True, True, 60, 90),
    "the settings map to worker_send_task_events, task_send_sent_event, task_track_started and the limits",
)
app.set_current()

gate = threading.Event()


@app.task
def tracked():
    gate.wait(10)
    return "done"


@app.task(track_started=False)
def untracked():
    gate.wait(10)
    return "done"


@app.task(time_limit=0.5, soft_time_limit=0.2)
def overruns():
    time.sleep(1.2)
    return "finished anyway"


def wait_state(result, want):
    for _ in range(100):
        if result.state == want:
            return True
        time.sleep(0.05)
    return False


from celery.contrib.testing.worker import start_worker

with start_worker(app, pool="threads", concurrency=2, perform_ping_check=False, loglevel="ERROR"):
    r1 = tracked.delay()
    claim(wait_state(r1, "STARTED"), "with task_track_started a running task reports STARTED")
    insp = app.control.inspect(timeout=2)
    active = insp.active() or {}
    claim(any(t["id"] == r1.id for tasks in active.values() for t in tasks), "inspect().active() lists the running task (got %r)" % active)
    claim(all(v == {"ok": "pong"} for v in (insp.ping() or {None: None}).values()), "workers answer a ping")
    gate.set()
    equal(r1.get(timeout=5), "done", "then SUCCESS")
    gate.clear()
    r2 = untracked.delay()
    time.sleep(0.5)
    equal(r2.state, "PENDING", "without tracking a running task shows PENDING until it finishes")
    gate.set()
    r2.get(timeout=5)
    r3 = overruns.delay()
    equal(r3.get(timeout=10), "finished anyway", "the threads pool ignores time limits")

equal(app.AsyncResult("no-such-id").state, "PENDING", "an id nobody has ever seen is PENDING")
from datetime import timedelta

equal(app.conf.result_expires, timedelta(days=1), "results expire after one day by default")

# scaffolding for the answer's task
calls = []


def render_report(report_id):
    raise SoftTimeLimitExceeded()


def discard_partial_report(report_id):
    calls.append(("discard", report_id))


# --- the answer's task and signal handler, verbatim ---
from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import task_failure
from celery.utils.log import get_task_logger

logger = get_task_logger(__name__)


@shared_task(bind=True, soft_time_limit=60, time_limit=90)
def build_report(self, report_id):
    logger.info("building report %s", report_id)
    try:
        return render_report(report_id)
    except SoftTimeLimitExceeded:
        logger.warning("report %s timed out, cleaning up", report_id)
        discard_partial_report(report_id)
        raise


@task_failure.connect
def report_failure(sender=None, task_id=None, exception=None, **kwargs):
    logger.error("%s[%s] failed: %r", sender.name, task_id, exception)
# --- end ---

equal(logger.parent.name, "celery.task", "get_task_logger() returns a logger under celery.task")
records = []


class Keep(logging.Handler):
    def emit(self, record):
        records.append((record.levelname, record.getMessage()))


logger.addHandler(Keep())
logger.setLevel(logging.INFO)
r = build_report.apply(args=[7])
equal(r.state, "FAILURE", "the soft limit exception is re-raised: FAILURE")
claim(isinstance(r.result, SoftTimeLimitExceeded), "with SoftTimeLimitExceeded")
equal(calls, [("discard", 7)], "the task cleans up when SoftTimeLimitExceeded is raised inside it")
levels = [lvl for lvl, _ in records]
equal(levels, ["INFO", "WARNING", "ERROR"], "info, the cleanup warning, then task_failure's error")
claim("build_report[" in records[-1][1] and "failed" in records[-1][1], "task_failure fires with the task and its id (%r)" % records[-1][1])
equal((build_report.soft_time_limit, build_report.time_limit), (60, 90), "per-task limits")
claim("%(task_name)s[%(task_id)s]" in app.conf.worker_task_log_format, "the task log format adds the task name and id")
