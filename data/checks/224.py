"""224 PostgreSQL job queue: the answer's Job model, claim_jobs(), run_job()
and requeue_stale() as written: the claim query uses FOR UPDATE SKIP LOCKED
with a LIMIT, two workers claiming concurrently get disjoint jobs (the second
is not blocked), future run_after is not claimed, a failure requeues with
backoff and gives up after MAX_ATTEMPTS, a stale running job is requeued,
enqueueing inside a rolled-back atomic leaves no job, the partial index, the
claim outside a transaction failing, and (6.0+) django.tasks' default
ImmediateBackend running inline and DummyBackend only recording."""
import threading
import time

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup(database="postgresql")
urlpatterns = []

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    kind = models.CharField(max_length=50)
    payload = models.JSONField(default=dict)
    status = models.CharField(
        max_length=10, choices=Status, default=Status.QUEUED
    )
    run_after = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    locked_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["run_after"],
                condition=Q(status="queued"),
                name="job_queued_idx",
            ),
        ]


from datetime import timedelta

from django.db import transaction

MAX_ATTEMPTS = 5


def claim_jobs(batch_size=10):
    now = timezone.now()
    with transaction.atomic():
        jobs = list(
            Job.objects.select_for_update(skip_locked=True)
            .filter(status=Job.Status.QUEUED, run_after__lte=now)
            .order_by("run_after", "id")[:batch_size]
        )
        for job in jobs:
            job.status = Job.Status.RUNNING
            job.locked_at = now
            job.attempts += 1
        Job.objects.bulk_update(jobs, ["status", "locked_at", "attempts"])
    return jobs


def run_job(job, handlers):
    try:
        handlers[job.kind](**job.payload)
    except Exception as exc:
        gave_up = job.attempts >= MAX_ATTEMPTS
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED if gave_up else Job.Status.QUEUED,
            run_after=timezone.now() + timedelta(seconds=10 * 2**job.attempts),
            last_error=repr(exc),
        )
    else:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE)


def requeue_stale(timeout=timedelta(minutes=10)):
    return Job.objects.filter(
        status=Job.Status.RUNNING,
        locked_at__lt=timezone.now() - timeout,
    ).update(status=Job.Status.QUEUED)


create_tables()
from django.db import connection

with connection.cursor() as c:
    c.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'job_queued_idx'")
    idx = c.fetchone()[0]
claim("WHERE" in idx and "queued" in idx, "the partial index covers only queued jobs: %s" % idx)

for i in range(6):
    Job.objects.create(kind="send_welcome", payload={"user_id": i})
future = Job.objects.create(kind="send_welcome", payload={"user_id": 99}, run_after=timezone.now() + timedelta(hours=1))

from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as ctx:
    first = claim_jobs(batch_size=2)
sql = [q["sql"] for q in ctx.captured_queries]
claim(any("FOR UPDATE SKIP LOCKED" in s and "LIMIT 2" in s for s in sql), "the claim is SELECT ... LIMIT ... FOR UPDATE SKIP LOCKED: %s" % sql)
equal([j.payload["user_id"] for j in first], [0, 1], "claimed oldest first")
equal({j.status for j in Job.objects.filter(pk__in=[j.pk for j in first])}, {"running"}, "claimed jobs are marked running")

# Two workers at once: worker A's claim transaction stays open while B claims.
got = {}
a_has, a_release = threading.Event(), threading.Event()


def worker_a():
    with transaction.atomic():
        got["a"] = claim_jobs(batch_size=2)
        a_has.set()
        a_release.wait(10)
    connection.close()


def worker_b():
    start = time.monotonic()
    got["b"] = claim_jobs(batch_size=10)
    got["b_time"] = time.monotonic() - start
    connection.close()


ta = threading.Thread(target=worker_a)
ta.start()
a_has.wait(10)
tb = threading.Thread(target=worker_b)
tb.start()
tb.join(10)
claim(not tb.is_alive() and got["b_time"] < 2, "skip_locked: the second worker is not blocked by the first one's locks")
a_release.set()
ta.join(10)
ids_a = {j.pk for j in got["a"]}
ids_b = {j.pk for j in got["b"]}
equal(ids_a & ids_b, set(), "two workers never take the same job")
equal(len(ids_a) + len(ids_b), 4, "between them they take every due job")
claim(future.pk not in ids_a | ids_b, "a job whose run_after is in the future is not claimed")
equal(claim_jobs(), [], "nothing is left to claim")

# Without skip_locked a second worker would wait.
Job.objects.filter(pk__in=ids_a).update(status="queued")
hold, release = threading.Event(), threading.Event()


def holder():
    with transaction.atomic():
        claim_jobs()
        hold.set()
        release.wait(10)
    connection.close()


waited = {}


def plain():
    start = time.monotonic()
    with transaction.atomic():
        list(Job.objects.select_for_update().filter(pk__in=ids_a))
    waited["s"] = time.monotonic() - start
    connection.close()


t1 = threading.Thread(target=holder)
t1.start()
hold.wait(10)
t2 = threading.Thread(target=plain)
t2.start()
time.sleep(0.5)
claim(t2.is_alive(), "without skip_locked a second worker blocks on the first worker's rows")
release.set()
t1.join(10)
t2.join(10)
from django.db import DatabaseError

Job.objects.filter(pk__in=ids_a).update(status="queued")
hold.clear(); release.clear()
t1 = threading.Thread(target=holder)
t1.start()
hold.wait(10)
with raises(DatabaseError, what="with nowait=True it gets an error"):
    with transaction.atomic():
        list(Job.objects.select_for_update(nowait=True).filter(pk__in=ids_a))
release.set()
t1.join(10)

# Running: success, failure with backoff, giving up.
calls = []


def send_welcome(user_id):
    calls.append(user_id)


def broken(**kwargs):
    raise RuntimeError("smtp down")


job = Job.objects.create(kind="send_welcome", payload={"user_id": 7})
(claimed,) = [j for j in claim_jobs() if j.pk == job.pk]
run_job(claimed, {"send_welcome": send_welcome})
equal(calls, [7], "the handler runs with the payload as keyword arguments")
equal(Job.objects.get(pk=job.pk).status, "done", "a successful job is marked done")

Job.objects.filter(status__in=["queued", "running"]).update(status="done")
bad = Job.objects.create(kind="broken")
for attempt in range(1, MAX_ATTEMPTS + 1):
    Job.objects.filter(pk=bad.pk).update(run_after=timezone.now())
    jobs = claim_jobs()
    equal([j.pk for j in jobs], [bad.pk], "the failed job is claimed again")
    before = timezone.now()
    run_job(jobs[0], {"broken": broken})
    b = Job.objects.get(pk=bad.pk)
    equal(b.attempts, attempt, "attempts counts the tries")
    if attempt < MAX_ATTEMPTS:
        equal(b.status, "queued", "a failure goes back to queued")
        delay = (b.run_after - before).total_seconds()
        claim(10 * 2**attempt - 1 < delay < 10 * 2**attempt + 5, "with exponential backoff through run_after (%s)" % delay)
        equal(b.last_error, "RuntimeError('smtp down')", "last_error records the exception")
equal(b.status, "failed", "after MAX_ATTEMPTS the job stays failed")

# The reaper.
stale = Job.objects.create(kind="send_welcome", status="running", locked_at=timezone.now() - timedelta(minutes=30))
fresh = Job.objects.create(kind="send_welcome", status="running", locked_at=timezone.now())
equal(requeue_stale(), 1, "requeue_stale() puts back only jobs locked longer than the timeout")
equal(Job.objects.get(pk=stale.pk).status, "queued", "a crashed worker's job is queued again")

# Transactional enqueue.
n = Job.objects.count()
try:
    with transaction.atomic():
        Job.objects.create(kind="send_welcome", payload={"user_id": 1})
        raise ValueError("business write failed")
except ValueError:
    pass
equal(Job.objects.count(), n, "a job enqueued in a rolled-back transaction does not exist")

from django.db.transaction import TransactionManagementError

with raises(TransactionManagementError, what="select_for_update() requires a transaction"):
    list(Job.objects.select_for_update(skip_locked=True))

from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

claim(not SQLiteWrapper.features_class.has_select_for_update, "select_for_update() is a no-op on SQLite")

if since(6, 0):
    from django.tasks import default_task_backend, task
    from django.tasks.backends.immediate import ImmediateBackend

    from django.tasks import task_backends
    from django.tasks.backends.dummy import DummyBackend
    from django.test import override_settings

    claim(isinstance(task_backends["default"], ImmediateBackend), "ImmediateBackend is the default")
    ran = []

    @task
    def welcome(user_id):
        ran.append(user_id)
        return user_id

    result = welcome.enqueue(user_id=3)
    equal((ran, result.return_value), ([3], 3), "ImmediateBackend runs the task inline and returns a TaskResult")
    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}):
        claim(isinstance(task_backends["default"], DummyBackend), "DummyBackend")
        r = welcome.enqueue(user_id=4)
        equal((ran, str(r.status)), ([3], "READY"), "DummyBackend only records the task (READY), running nothing")
else:
    with raises(ImportError, what="django.tasks does not exist on 5.2"):
        import django.tasks  # noqa: F401
