"""179 Celery broker / worker / result backend: the answer's proj/celery.py,
proj/__init__.py, settings and shop/tasks.py written to a temporary folder and
run with an in-process worker (memory broker, in-memory cache result backend):
CELERY_ namespace mapping, lazy autodiscovery, JSON message on the 'celery'
queue, PENDING then SUCCESS/5, NotImplementedError without a backend,
result_expires 1 day, model instances rejected by JSON."""
import os
import pathlib
import sys
import tempfile
import textwrap

from djqcheck import claim, create_tables, equal, raises, setup

root = pathlib.Path(tempfile.mkdtemp())
files = {
    # --- the answer's files, verbatim ---
    "proj/celery.py": '''
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")

app = Celery("proj")
# read every Django setting that starts with CELERY_
app.config_from_object("django.conf:settings", namespace="CELERY")
# import tasks.py from each installed app, lazily
app.autodiscover_tasks()
''',
    "proj/__init__.py": '''
from .celery import app as celery_app

__all__ = ("celery_app",)
''',
    "proj/answer_settings.py": '''
CELERY_BROKER_URL = "redis://localhost:6379/0"
CELERY_RESULT_BACKEND = "redis://localhost:6379/1"
CELERY_TASK_TIME_LIMIT = 5 * 60
''',
    "shop/__init__.py": "",
    "shop/tasks.py": '''
from celery import shared_task


@shared_task
def add(x, y):
    return x + y
''',
    # --- end ---
}
for name, text in files.items():
    p = root / name
    p.parent.mkdir(exist_ok=True)
    p.write_text(textwrap.dedent(text).lstrip())
sys.path.insert(0, str(root))

# scaffolding: no Redis here, so the real settings point at in-process transports
setup(
    installed_apps=["shop"],
    CELERY_BROKER_URL="memory://",
    CELERY_RESULT_BACKEND="cache+memory://",
    CELERY_TASK_TIME_LIMIT=5 * 60,
    BROKER_URL="redis://ignored:6379/0",
)
urlpatterns = []
create_tables()

from celery import Celery

from proj import celery_app as app

equal(app.conf.task_time_limit, 300, "CELERY_TASK_TIME_LIMIT becomes task_time_limit")
equal(app.conf.broker_url, "memory://", "CELERY_BROKER_URL becomes broker_url; the unprefixed BROKER_URL is ignored")

# The answer's settings module, read through the same namespace.
other = Celery("other")
other.config_from_object("proj.answer_settings", namespace="CELERY")
equal(
    (other.conf.broker_url, other.conf.result_backend, other.conf.task_time_limit),
    ("redis://localhost:6379/0", "redis://localhost:6379/1", 300),
    "namespace='CELERY' maps CELERY_BROKER_URL/RESULT_BACKEND/TASK_TIME_LIMIT to broker_url/result_backend/task_time_limit",
)

claim("shop.tasks" not in sys.modules, "autodiscover_tasks() does not import tasks.py straight away")

from celery.contrib.testing.worker import start_worker

with start_worker(app, perform_ping_check=False, pool="solo", loglevel="ERROR"):
    claim("shop.tasks" in sys.modules, "the worker imports each installed app's tasks.py when it starts")
    claim("shop.tasks.add" in app.tasks, "so the worker knows the task by name")
    from shop.tasks import add

    result = add.delay(2, 3)
    equal(result.get(timeout=10), 5, "a worker runs the task and result.get() reads 5 from the result backend")
    equal(result.state, "SUCCESS", "the worker writes SUCCESS")

# No worker now: the message just waits on the broker.
result = add.delay(2, 3)    # message to the broker; returns immediately
claim(result.id, "the task id is known before anything ran")
equal(result.state, "PENDING", "PENDING until a worker reports back")
with app.connection_for_read() as conn:
    msg = conn.SimpleQueue("celery").get(block=False)
    equal((msg.content_type, msg.headers["task"], msg.payload[0]), ("application/json", "shop.tasks.add", [2, 3]),
          "delay() publishes a JSON message with the task name and arguments to the 'celery' queue")
    msg.ack()

# Without a result backend.
bare = Celery("bare", broker="memory://")


@bare.task
def fire(x):
    return x


r = fire.delay(1)
with raises(NotImplementedError, "No result backend is configured", "without a result backend result.get() raises NotImplementedError"):
    r.get(timeout=1)

from datetime import timedelta

equal(bare.conf.result_expires, timedelta(days=1), "results expire after one day by default")
equal(bare.conf.result_backend, None, "there is no result backend by default")

from django.contrib.auth.models import User
from kombu.exceptions import EncodeError

u = User.objects.create(username="ann")
with raises(EncodeError, what="a model instance does not survive JSON"):
    add.delay(u, 1)
