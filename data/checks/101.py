"""101 background tasks: django.tasks (6.0+) with the answer's task and
create_account(), default TASKS, ImmediateBackend/DummyBackend behaviour,
module-level and JSON rules, 6.1 @task kwargs forwarded to task_class; and the answer's Celery setup run eagerly
(no broker), delay_on_commit() returning None."""
import os

from djqcheck import claim, create_tables, equal, raises, setup, since

setup(CELERY_TASK_ALWAYS_EAGER=True, CELERY_BROKER_URL="memory://")
urlpatterns = []
create_tables()
from django.core import mail
from django.db import transaction

if since(6, 0):
    from django.conf import global_settings

    equal(global_settings.TASKS, {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
          "ImmediateBackend is the default")

    # --- the answer's task and service, verbatim ---
    from django.core.mail import send_mail
    from django.tasks import task

    @task
    def send_welcome_email(email):
        return send_mail(
            subject="Welcome",
            message="Thanks for joining.",
            from_email=None,
            recipient_list=[email],
        )

    from functools import partial

    from django.db import transaction

    def create_account(form):
        with transaction.atomic():
            user = form.save()
            transaction.on_commit(
                partial(send_welcome_email.enqueue, email=user.email)
            )
    # --- end ---

    from django.contrib.auth.forms import UserCreationForm
    from django.tasks import Task, TaskResultStatus

    class Form(UserCreationForm):
        class Meta(UserCreationForm.Meta):
            fields = ("username", "email")

    from django.tasks.exceptions import InvalidTask

    claim(isinstance(send_welcome_email, Task), "@task returns a Task")
    form = Form({"username": "ada", "email": "ada@example.com", "password1": "s3cret-pass-42", "password2": "s3cret-pass-42"})
    claim(form.is_valid(), "form")
    create_account(form)
    equal(len(mail.outbox), 1, "ImmediateBackend runs the task straight away, after the commit")
    result = send_welcome_email.enqueue("b@example.com")
    equal((result.status, result.return_value), (TaskResultStatus.SUCCESSFUL, 1), "enqueue() returns a TaskResult with a status")
    claim(result.id, "and an id")
    with raises(NotImplementedError, what="get_result() only if the backend supports it (ImmediateBackend does not)"):
        send_welcome_email.get_result(result.id)
    claim(hasattr(send_welcome_email, "aenqueue"), "aenqueue() in async code")
    hi = send_welcome_email.using(priority=10)
    equal((hi.priority, send_welcome_email.priority), (10, 0), ".using() derives a modified copy")
    with raises(InvalidTask, "Queue 'mail' is not valid", what="a queue_name must be listed in the backend's QUEUES (default ['default'])"):
        send_welcome_email.using(queue_name="mail")
    from django.test import override_settings
    from django.tasks import task_backends

    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}):
        task_backends._settings = None
        task_backends._connections = type(task_backends._connections)()
        equal(send_welcome_email.using(queue_name="mail").queue_name, "mail", "QUEUES=[] turns queue-name validation off")
    task_backends._settings = None
    task_backends._connections = type(task_backends._connections)()

    from django.test import override_settings
    from django.tasks import task_backends

    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}):
        task_backends._settings = None
        task_backends._connections = type(task_backends._connections)()
        n = len(mail.outbox)
        r = send_welcome_email.enqueue("c@example.com")
        equal(len(mail.outbox), n, "DummyBackend stores tasks without running them")
        equal(r.status, TaskResultStatus.READY, "the stored task is still READY")
        equal(send_welcome_email.get_result(r.id).id, r.id, "DummyBackend supports get_result()")

    if since(6, 1):
        # 6.1: extra @task keyword arguments are forwarded to the backend's task_class.
        import dataclasses
        import sys
        import types

        from django.tasks.backends.immediate import ImmediateBackend

        @dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
        class TimedTask(Task):
            timeout: int = 30

        class TimedBackend(ImmediateBackend):
            task_class = TimedTask

        sys.modules["djq101_backend"] = types.ModuleType("djq101_backend")
        sys.modules["djq101_backend"].TimedBackend = TimedBackend
        with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
                                      "timed": {"BACKEND": "djq101_backend.TimedBackend"}}):
            task_backends._settings = None
            task_backends._connections = type(task_backends._connections)()
            timed = task(send_welcome_email.func, backend="timed", timeout=5)
            equal((type(timed).__name__, timed.timeout), ("TimedTask", 5),
                  "6.1: @task(timeout=5) reaches the backend's task_class")
            with raises(TypeError, "timeout", what="the built-in Task class has no such option"):
                task(send_welcome_email.func, timeout=5)
        task_backends._settings = None
        task_backends._connections = type(task_backends._connections)()

    import datetime

    from django.tasks.exceptions import InvalidTask

    with raises(TypeError, "datetime", what="arguments go through JSON: a datetime fails"):
        send_welcome_email.enqueue(datetime.datetime.now())
    from django.tasks.exceptions import InvalidTask

    def factory():
        @task
        def inner():
            pass
        return inner

    with raises(InvalidTask, "module level", what="@task must decorate a module-level function"):
        factory()
else:
    with raises(ImportError, what="django.tasks is new in 6.0"):
        import django.tasks  # noqa: F401

# --- the answer's Celery setup, verbatim ---
# proj/celery.py
# (import it in proj/__init__.py so that @shared_task binds to it)
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")
app = Celery("proj")
# read the CELERY_* settings
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()  # finds tasks.py in installed apps
# --- end ---

from celery import shared_task

done = []


@shared_task
def rebuild_report(report_id):
    done.append(report_id)
    return report_id


app.set_current()
claim(app.conf.task_always_eager, "config_from_object reads the CELERY_* settings")
equal(rebuild_report.delay(42).get(), 42, "delay() (eager here: no broker)")
equal(rebuild_report.apply_async(args=[43], countdown=60).get(), 43, "apply_async(args=..., countdown=...)")
from celery.contrib.django.task import DjangoTask

claim(isinstance(rebuild_report._get_current_object(), DjangoTask), "Celery uses its Django task class")
with transaction.atomic():
    ret = rebuild_report.delay_on_commit(44)
    claim(44 not in done, "delay_on_commit() waits for the commit")
claim(44 in done, "and queues after it")
equal(ret, None, "delay_on_commit() does not return the task id")
