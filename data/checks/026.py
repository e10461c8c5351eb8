"""026 signals: the answer's post_save receiver runs as written (lazy
AUTH_USER_MODEL sender, raw from fixtures, dispatch_uid), send() order and
return value, send_robust(), weak references, async receivers running
concurrently, what sends no signal (update, bulk_create, DB_CASCADE on 6.1),
m2m_changed raw on 6.1, lazy senders for model signals only, post_save
inside atomic() before commit."""
import asyncio
import io
import json
import os
import tempfile

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

setup()

from django.conf import settings
from django.db import models


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


class Topping(models.Model):
    name = models.CharField(max_length=20)


class Pizza(models.Model):
    toppings = models.ManyToManyField(Topping)


if since(6, 1):
    class Order(models.Model):
        pass

    class Line(models.Model):
        order = models.ForeignKey(Order, on_delete=models.DB_CASCADE)


# profiles/signals.py
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(
    post_save,
    sender=settings.AUTH_USER_MODEL,
    dispatch_uid="profiles_create_profile",
)
def create_profile(sender, instance, created, raw, **kwargs):
    if created and not raw:
        Profile.objects.create(user=instance)


create_tables()
from django.contrib.auth.models import User

u = User.objects.create(username="ann")
claim(Profile.objects.filter(user=u).exists(), "the lazy 'auth.User' sender works: a profile is created")
u.save()
equal(Profile.objects.count(), 1, "created is False on later saves")

# dispatch_uid: connecting again is a no-op.
post_save.connect(create_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="profiles_create_profile")
User.objects.create(username="bob")
equal(Profile.objects.count(), 2, "dispatch_uid stops a second registration")

# raw=True while loading fixtures.
fixture = os.path.join(tempfile.mkdtemp(), "users.json")
with open(fixture, "w") as f:
    json.dump([{"model": "auth.user", "pk": 50, "fields": {"username": "fx", "password": ""}}], f)
from django.core.management import call_command

call_command("loaddata", fixture, verbosity=0)
claim(User.objects.filter(pk=50).exists() and not Profile.objects.filter(user_id=50).exists(),
      "raw is True when loading fixtures, so the receiver skips them")

# send(): registration order, list of (receiver, response) pairs; send_robust().
from django.dispatch import Signal

order_paid = Signal()
seen = []


def first(sender, **kw):
    seen.append("first")
    return 1


def second(sender, **kw):
    seen.append("second")
    return 2


order_paid.connect(first)
order_paid.connect(second)
equal(order_paid.send(sender=Pizza, order=None), [(first, 1), (second, 2)],
      "send() returns (receiver, response) pairs, in registration order")


def boom(sender, **kw):
    raise RuntimeError("receiver failed")


order_paid.connect(boom)
with raises(RuntimeError, "receiver failed", what="send() lets a receiver's exception propagate"):
    order_paid.send(sender=Pizza)
res = order_paid.send_robust(sender=Pizza)
claim(isinstance(res[-1][1], RuntimeError), "send_robust() returns the exception in the results")
order_paid.disconnect(boom)


def make_local():
    def local(sender, **kw):
        seen.append("local")
    order_paid.connect(local)


make_local()
import gc

gc.collect()
seen.clear()
order_paid.send(sender=Pizza)
equal(seen, ["first", "second"], "receivers are weak references: a local function disappears")

# Async receivers run concurrently, after/before the sync group.
events = []


async def slow(sender, **kw):
    events.append("slow start")
    await asyncio.sleep(0.05)
    events.append("slow end")


async def fast(sender, **kw):
    events.append("fast start")
    await asyncio.sleep(0)
    events.append("fast end")


sig = Signal()
sig.connect(slow)
sig.connect(fast)
asyncio.run(sig.asend(sender=Pizza))
equal(events, ["slow start", "fast start", "fast end", "slow end"],
      "async receivers run concurrently, not one after another")
events.clear()
sig.send(sender=Pizza)
equal(events, ["slow start", "fast start", "fast end", "slow end"], "also when called through send()")

# What sends no signal.
calls = []
from django.db.models.signals import m2m_changed, post_delete, pre_delete, pre_save


def track(sender, **kw):
    calls.append(sender.__name__)


pre_save.connect(track, sender=Topping)
post_save.connect(track, sender=Topping)
Topping.objects.create(name="ham")
equal(calls, ["Topping", "Topping"], "save() sends pre_save and post_save")
calls.clear()
Topping.objects.update(name="x")
Topping.objects.bulk_create([Topping(name="a")])
t = Topping.objects.first()
Topping.objects.bulk_update([t], ["name"])
equal(calls, [], "update(), bulk_create() and bulk_update() send no pre_save/post_save")

# pre_delete / post_delete for each object of QuerySet.delete(), with origin.
origins = []
pre_delete.connect(lambda sender, origin, **kw: origins.append(origin), sender=Topping, weak=False)
qs = Topping.objects.all()
n = qs.count()
qs.delete()
equal(len(origins), n, "QuerySet.delete() sends pre_delete for each object")
claim(all(o is qs or getattr(o, "model", None) is Topping for o in origins), "origin is the queryset")

# m2m_changed: the sender is the through model; raw since 6.1.
m2m = []


def on_m2m(sender, action, pk_set, **kw):
    m2m.append((sender, action, pk_set, kw.get("raw", "absent")))


m2m_changed.connect(on_m2m, sender=Pizza.toppings.through)
p = Pizza.objects.create()
ham = Topping.objects.create(name="ham")
p.toppings.add(ham)
equal([a for _, a, _, _ in m2m], ["pre_add", "post_add"], "add() sends pre_add and post_add")
equal(m2m[0][0], Pizza.toppings.through, "the sender is the through model")
equal(m2m[0][2], {ham.pk}, "pk_set holds the affected primary keys")
equal(m2m[0][3], False if since(6, 1) else "absent", "6.1 adds raw to m2m_changed (False normally)")
m2m.clear()
fixture2 = os.path.join(tempfile.mkdtemp(), "pizzas.json")
with open(fixture2, "w") as f:
    json.dump([{"model": "djqcheck.pizza", "pk": 77, "fields": {"toppings": [ham.pk]}}], f)
call_command("loaddata", fixture2, verbosity=0)
if since(6, 1):
    claim(m2m and all(r is True for *_, r in m2m), "6.1: loaddata sends m2m_changed with raw=True")

# 6.1: DB_CASCADE deletes rows in the database, without delete signals.
if since(6, 1):
    deleted = []
    pre_delete.connect(lambda sender, **kw: deleted.append(sender.__name__), weak=False)
    post_delete.connect(lambda sender, **kw: deleted.append(sender.__name__), weak=False)
    o = Order.objects.create()
    Line.objects.create(order=o)
    Line.objects.create(order=o)
    o.delete()
    equal(Line.objects.count(), 0, "DB_CASCADE removes the lines")
    equal(deleted, ["Order", "Order"], "no pre_delete/post_delete for rows removed by DB_CASCADE")
else:
    claim(not hasattr(models, "DB_CASCADE"), "database-level on_delete is new in 6.1")

# Lazy string senders work for model signals only.
other_seen = []
order_paid.connect(lambda sender, **kw: other_seen.append(1), sender="djqcheck.Pizza", weak=False)
order_paid.send(sender=Pizza)
equal(other_seen, [], "a lazy 'app_label.Model' sender is not resolved for a custom signal")

# Inside atomic(), post_save fires before the commit; on_commit waits.
from django.db import transaction

log = []
post_save.connect(lambda sender, **kw: log.append("post_save"), sender=Pizza, weak=False)
with transaction.atomic():
    Pizza.objects.create()
    transaction.on_commit(lambda: log.append("committed"))
    log.append("end of block")
equal(log, ["post_save", "end of block", "committed"],
      "post_save runs inside the transaction; on_commit runs after the commit")

# Sync and async receivers are grouped: an async one registered first may run later.
mixed = []


async def early_async(sender, **kw):
    mixed.append("async")


def late_sync(sender, **kw):
    mixed.append("sync")


sig2 = Signal()
sig2.connect(early_async)
sig2.connect(late_sync)
sig2.send(sender=Pizza)
equal(mixed, ["sync", "async"], "an async receiver registered before a sync one runs after it under send()")
import inspect

from django.dispatch import dispatcher

src = inspect.getsource(dispatcher)
claim(("TaskGroup" in src) == since(6, 1), "async receivers run in an asyncio.TaskGroup since 6.1 (gather before)")
