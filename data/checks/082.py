"""082 DRF pagination: defaults, the three styles' envelopes, the plain
APIView recipe, and the None/AttributeError trap of a bare paginator."""
from djqcheck import claim, create_tables, equal, raises, setup, warns, no_warnings

setup(installed_apps=["rest_framework"])

from rest_framework.settings import api_settings

equal(api_settings.DEFAULT_PAGINATION_CLASS, None, "DEFAULT_PAGINATION_CLASS defaults to None")
equal(api_settings.PAGE_SIZE, None, "PAGE_SIZE defaults to None")

from django.db import models
from rest_framework import serializers


class Event(models.Model):
    name = models.CharField(max_length=50)
    start = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "name"]


create_tables()
for i in range(120):
    Event.objects.create(name=f"e{i}", start=i)

# --- the answer's code (imports of its own modules dropped) ---
from rest_framework.pagination import (
    CursorPagination,
    PageNumberPagination,
)


class StandardPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"  # let clients choose...
    max_page_size = 200                  # ...within a limit


class TimelinePagination(CursorPagination):
    page_size = 50
    ordering = "-created_at"  # the default is "-created"


from rest_framework import generics


class EventFeed(generics.ListAPIView):
    queryset = Event.objects.all()
    serializer_class = EventSerializer
    pagination_class = TimelinePagination  # None: no pagination


from rest_framework.views import APIView


class EventList(APIView):
    def get(self, request):
        paginator = StandardPagination()  # sets its own page_size
        qs = Event.objects.order_by("-start")
        page = paginator.paginate_queryset(qs, request, view=self)
        serializer = EventSerializer(page, many=True)
        return paginator.get_paginated_response(serializer.data)


# --- scaffolding ---
from django.urls import path


class Plain(generics.ListAPIView):
    queryset = Event.objects.order_by("pk")
    serializer_class = EventSerializer


urlpatterns = [
    path("feed/", EventFeed.as_view()),
    path("events/", EventList.as_view()),
    path("plain/", Plain.as_view()),
]
from django.test import Client

c = Client()
equal(CursorPagination.ordering, "-created", 'CursorPagination\'s default ordering is "-created"')
r = c.get("/feed/").json()
equal(sorted(r), ["next", "previous", "results"], "CursorPagination returns only next/previous (no count)")
equal(len(r["results"]), 50, "page_size 50")
claim("cursor=" in r["next"], "next is an opaque ?cursor= link")

r = c.get("/events/").json()
equal(sorted(r), ["count", "next", "previous", "results"], "PageNumberPagination envelope is count/next/previous/results")
equal(r["count"], 120, "count")
equal(len(c.get("/events/?page_size=1000").json()["results"]), 120, "max_page_size 200 caps page_size (all 120 here)")
equal(len(c.get("/events/?page_size=500&page=1").json()["results"]), 120, "page_size is capped, not rejected")
equal(len(c.get("/events/?page=last").json()["results"]), 20, "?page=last works (last_page_strings)")
equal(c.get("/events/?page=99").status_code, 404, "an invalid page number returns 404")

# Without PAGE_SIZE, generic views return an unpaginated list.
r = c.get("/plain/").json()
claim(isinstance(r, list) and len(r) == 120, "without a pagination class the generic view returns a plain list")

# A bare PageNumberPagination(): paginate_queryset returns None, then AttributeError.
from rest_framework.request import Request
from django.test import RequestFactory

req = Request(RequestFactory().get("/x/"))
bare = PageNumberPagination()
equal(bare.paginate_queryset(Event.objects.order_by("pk"), req), None, "bare paginator without PAGE_SIZE returns None")
with raises(AttributeError, what="get_paginated_response() then fails with AttributeError"):
    bare.get_paginated_response([])

# Ordering: Paginator warns on unordered querysets; LimitOffset does not.
from django.core.paginator import UnorderedObjectListWarning
from rest_framework.pagination import LimitOffsetPagination

with warns(UnorderedObjectListWarning, what="PageNumberPagination warns for an unordered queryset"):
    StandardPagination().paginate_queryset(Event.objects.all(), req)
lo = LimitOffsetPagination()
lo.default_limit = 10
with no_warnings(UnorderedObjectListWarning, what="LimitOffsetPagination only slices and gives no warning"):
    got = lo.paginate_queryset(Event.objects.all(), Request(RequestFactory().get("/x/?limit=5&offset=10")))
equal(len(got), 5, "limit/offset slice")
lo2 = LimitOffsetPagination()
lo2.max_limit = 7
lo2.default_limit = 3
equal(len(lo2.paginate_queryset(Event.objects.order_by("pk"), Request(RequestFactory().get("/x/?limit=100")))), 7, "max_limit caps limit")
equal(len(lo2.paginate_queryset(Event.objects.order_by("pk"), Request(RequestFactory().get("/x/")))), 3, "default_limit supplies the default")

# Costs: page number and limit/offset run a COUNT per request; cursor pagination does not.
from djqcheck import queries

with queries(2, "PageNumberPagination: COUNT + page query") as ctx:
    c.get("/events/?page=2")
claim("COUNT(" in ctx.captured_queries[0]["sql"], "the first query is a COUNT")
with queries(1, "CursorPagination: one query, no COUNT") as ctx:
    c.get("/feed/")
claim("COUNT(" not in ctx.captured_queries[0]["sql"], "no COUNT for the cursor style")
