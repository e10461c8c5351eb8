"""113 time zones: USE_TZ defaults to True, aware vs naive values from the
answer's snippet, the naive-datetime RuntimeWarning on save, the answer's
middleware activating the user's zone, template rendering and tz filters,
forms reading local input into aware values and rejecting a DST gap, __date
following the current zone, localdate(), and DateField never converted."""
import datetime as dt

from djqcheck import claim, create_tables, equal, setup, warns

TPL = '{% load tz %}{{ e.starts_at|date:"Y-m-d H:i e" }}|{{ e.starts_at|utc|date:"H:i" }}|{{ e.starts_at|timezone:"America/New_York"|date:"H:i" }}|{% localtime off %}{{ e.starts_at|date:"H:i" }}{% endlocaltime %}'
setup(
    TIME_ZONE="UTC",
    middleware=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "djqcheck.models.TimezoneMiddleware",
    ],
    templates={"e.html": TPL},
)
from django.conf import global_settings

equal(global_settings.USE_TZ, True, "USE_TZ defaults to True (since 5.0)")

import datetime as dt
import zoneinfo

from django.utils import timezone

timezone.now()                      # aware, in UTC
dt.datetime.now()                   # naive: avoid with USE_TZ
dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)            # aware
berlin = zoneinfo.ZoneInfo("Europe/Berlin")
dt.datetime(2026, 3, 1, 12, tzinfo=berlin)            # aware
timezone.make_aware(dt.datetime(2026, 3, 1, 12))      # in current tz
import zoneinfo

from django.utils import timezone


class TimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tzname = getattr(request.user, "timezone", None)  # your field
        if tzname:
            timezone.activate(zoneinfo.ZoneInfo(tzname))
        else:
            timezone.deactivate()  # back to TIME_ZONE
        return self.get_response(request)


claim(timezone.is_aware(timezone.now()) and timezone.now().utcoffset() == dt.timedelta(0), "timezone.now() is aware, in UTC")
claim(timezone.is_naive(dt.datetime.now()), "datetime.now() is naive")
with timezone.override(berlin):
    equal(timezone.make_aware(dt.datetime(2026, 3, 1, 12)).utcoffset(), dt.timedelta(hours=1),
          "make_aware uses the current time zone")

from django.db import models


class Event(models.Model):
    starts_at = models.DateTimeField()
    day = models.DateField(null=True)


from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path


def show(request):
    return render(request, "e.html", {"e": Event.objects.get(pk=request.GET["pk"])})


urlpatterns = [path("e/", show)]
create_tables()

with warns(RuntimeWarning, r"DateTimeField Event.starts_at received a naive datetime .* while time zone support is active",
           "saving a naive datetime warns"):
    naive = Event.objects.create(starts_at=dt.datetime(2026, 3, 1, 12))
equal(Event.objects.get(pk=naive.pk).starts_at, dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC),
      "the naive value is interpreted in the default time zone")

e = Event.objects.create(starts_at=dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC), day=dt.date(2026, 3, 1))

# The middleware activates the user's zone.
from django.contrib.auth.models import User
from django.test import Client

User.timezone = "Asia/Tokyo"  # stands in for the profile field
user = User.objects.create_user("u")
c = Client()
c.force_login(user)
body = c.get(f"/e/?pk={e.pk}").content.decode()
equal(body, "2026-03-02 08:30 JST|23:30|18:30|23:30",
      "templates render in the activated zone; |utc, |timezone and localtime off work")
del User.timezone
body = c.get(f"/e/?pk={e.pk}").content.decode()
claim(body.startswith("2026-03-01 23:30 UTC"), "without a zone, deactivate() falls back to TIME_ZONE")

# __date follows the current time zone.
tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
with timezone.override(tokyo):
    equal(Event.objects.filter(pk=e.pk, starts_at__date=dt.date(2026, 3, 2)).count(), 1,
          "23:30 UTC on 1 March matches starts_at__date=2 March when Tokyo is active")
    equal(Event.objects.filter(pk=e.pk, day=dt.date(2026, 3, 1)).count(), 1, "DateField is never converted")
    equal(timezone.localtime(e.starts_at).hour, 8, "localtime() converts to the current zone")
equal(Event.objects.filter(pk=e.pk, starts_at__date=dt.date(2026, 3, 1)).count(), 1, "in UTC it is 1 March")

# Forms read local input into aware datetimes and reject a DST gap.
from django import forms


class EventForm(forms.Form):
    starts_at = forms.DateTimeField()


with timezone.override(berlin):
    f = EventForm({"starts_at": "2026-03-29 12:30"})
    claim(f.is_valid(), "local input is valid")
    equal(f.cleaned_data["starts_at"].utcoffset(), dt.timedelta(hours=2), "and cleaned into an aware datetime in the current zone")
    f = EventForm({"starts_at": "2026-03-29 02:30"})
    claim(not f.is_valid(), "a time that does not exist (DST gap) is invalid")
    claim("interpreted in time zone Europe/Berlin" in str(f.errors), "couldn't be interpreted in time zone Europe/Berlin")
    equal(timezone.localdate(dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)), dt.date(2026, 3, 2),
          "localdate() gives 'today' in the current zone")

from djqcheck import since

if since(6, 0):
    from django.db.migrations.writer import MigrationWriter

    src, imports = MigrationWriter.serialize(berlin)
    claim("zoneinfo.ZoneInfo" in src, "since 6.0 migrations can serialize ZoneInfo instances")
else:
    from django.db.migrations.writer import MigrationWriter

    try:
        MigrationWriter.serialize(berlin)
        claim(False, "on 5.2 a ZoneInfo cannot be serialized into a migration")
    except ValueError:
        pass
