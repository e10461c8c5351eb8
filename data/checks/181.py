"""181 worker crash: Celery's own Request handling of WorkerLostError and
TimeLimitExceeded under the answer's three settings (early ack, acks_late,
acks_late + reject_on_worker_lost), early vs late ack on accept, the
defaults (prefetch 4, acks on failure, soft shutdown off), the answer's
settings read with namespace CELERY, and Redis's 1-hour visibility timeout."""
import pathlib
import re
import types

from djqcheck import claim, equal, setup

# --- the answer's settings, verbatim ---
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 30 * 60        # hard limit kills a stuck child
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 2 * 60 * 60,  # Redis/SQS: above the time limit
}
# --- end ---
setup()
urlpatterns = []

from billiard.einfo import ExceptionInfo
from billiard.exceptions import TimeLimitExceeded, WorkerLostError
from celery import Celery
from celery.contrib.testing.mocks import TaskMessage
from celery.worker.request import Request

app = Celery("x", broker="memory://", backend="cache+memory://")
c = app.conf
equal((c.task_acks_late, c.task_reject_on_worker_lost), (False, None), "acks_late and reject_on_worker_lost are off by default")
equal(c.task_acks_on_failure_or_timeout, True, "task_acks_on_failure_or_timeout is True by default")
equal(c.worker_prefetch_multiplier, 4, "worker_prefetch_multiplier defaults to 4")
equal(c.worker_soft_shutdown_timeout, 0.0, "worker_soft_shutdown_timeout is 0 by default")

conf = types.ModuleType("answer_settings")
conf.__dict__.update({k: v for k, v in globals().items() if k.startswith("CELERY_")})
prod = Celery("prod")
prod.config_from_object(conf, namespace="CELERY")
equal(
    (prod.conf.task_acks_late, prod.conf.task_reject_on_worker_lost, prod.conf.worker_prefetch_multiplier,
     prod.conf.task_time_limit, prod.conf.broker_transport_options["visibility_timeout"]),
    (True, True, 1, 1800, 7200),
    "the answer's settings map to task_acks_late, task_reject_on_worker_lost, worker_prefetch_multiplier, task_time_limit, broker_transport_options",
)
claim(prod.conf.broker_transport_options["visibility_timeout"] > prod.conf.task_time_limit, "the visibility timeout is above the time limit")


@app.task
def default_task():
    pass


@app.task(acks_late=True)
def late_task():
    pass


@app.task(acks_late=True, reject_on_worker_lost=True)
def late_reject_task():
    pass


def handle(task, exc):
    """Run the worker's failure handler for one message; return what it did."""
    log = []
    req = Request(
        TaskMessage(task.name), app=app, task=task._get_current_object(),
        on_ack=lambda *a: log.append("ack"),
        on_reject=lambda *a: log.append("requeue" if a[-1] else "reject"),
    )
    try:
        raise exc
    except type(exc):
        einfo = ExceptionInfo()
    req.on_failure(einfo, return_ok=False)
    return log, task.AsyncResult(req.id).state


def accept(task):
    log = []
    req = Request(TaskMessage(task.name), app=app, task=task._get_current_object(),
                  on_ack=lambda *a: log.append("ack"))
    req.on_accepted(pid=1, time_accepted=0)
    return log


lost = WorkerLostError("Worker exited prematurely: signal 9 (SIGKILL)")
equal(accept(default_task), ["ack"], "by default the worker acknowledges just before running the task")
equal(accept(late_task), [], "with acks_late nothing is acknowledged when the task starts")
equal(handle(default_task, lost), ([], "FAILURE"), "default: a killed child's task is marked FAILURE (already acked, never rerun)")
equal(handle(late_task, lost), (["ack"], "FAILURE"), "acks_late alone: acked anyway and FAILURE")
equal(handle(late_reject_task, lost), (["requeue"], "PENDING"), "acks_late + reject_on_worker_lost: rejected with requeue, not marked failed")
equal(handle(late_task, TimeLimitExceeded(1800)), (["ack"], "FAILURE"), "a hard time limit is acknowledged and marked FAILURE by default")

import kombu

src = pathlib.Path(kombu.__file__).parent.joinpath("transport", "redis.py").read_text()
claim(re.search(r"^    visibility_timeout = 3600\b", src, re.M), "Redis's visibility timeout is 1 hour by default")
