"""078 pagination: the answer's article_list and ArticleListView (COUNT +
LIMIT/OFFSET, get_page fallbacks, 404 on bad pages, 'last'), the
UnorderedObjectListWarning, {% querystring %} (EmptyPage on the last page
unless guarded; '?' prefix since 6.0), the keyset next_page(), and the
6.0/6.1 additions (AsyncPaginator, orphans deprecation, totally_ordered)."""
import asyncio
import datetime
import sys
import types

from djqcheck import claim, create_tables, equal, queries, raises, setup, since, warns

setup(templates={
    "articles/list.html": "{% for a in page_obj %}{{ a.id }},{% endfor %}|{{ page_obj.number }}",
    "djqcheck/article_list.html": "{{ page_obj.number }}/{{ paginator.num_pages }} {{ is_paginated }}",
    "next_unguarded.html": '<a href="{% querystring page=page_obj.next_page_number %}">next</a>',
    "next_guarded.html": (  # the answer's block, verbatim
        "{% if page_obj.has_next %}\n"
        '  <a href="{% querystring page=page_obj.next_page_number %}">Next</a>\n'
        "{% endif %}"
    ),
})
from django.db import models
from django.utils import timezone


class Article(models.Model):
    published = models.BooleanField(default=True)
    published_at = models.DateTimeField()


create_tables()
base = timezone.now()
for i in range(60):
    Article.objects.create(published=i % 10 != 9, published_at=base - datetime.timedelta(hours=i // 2))
mod = types.ModuleType("models")
mod.Article = Article
sys.modules["djqcheck.models_alias"] = mod

# --- the answer's views, verbatim (relative import replaced) ---
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.generic import ListView


def article_list(request):
    qs = Article.objects.filter(published=True).order_by(
        "-published_at", "-id"
    )
    page_obj = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "articles/list.html", {"page_obj": page_obj})


class ArticleListView(ListView):
    queryset = Article.objects.filter(published=True).order_by(
        "-published_at", "-id"
    )
    # adds paginator, page_obj and is_paginated to the context
    paginate_by = 25
# --- end ---
from django.urls import path

urlpatterns = [path("fn/", article_list), path("cbv/", ArticleListView.as_view())]
from django.test import Client

c = Client()
with queries(2, "one COUNT query plus one LIMIT/OFFSET query") as ctx:
    r = c.get("/fn/?page=2")
sqls = [q["sql"] for q in ctx.captured_queries]
claim("COUNT(*)" in sqls[0] and "LIMIT 25 OFFSET 25" in sqls[1], "COUNT(*), then LIMIT 25 OFFSET 25")
equal(r.content.decode().split("|")[1], "2", "page 2")
equal(c.get("/fn/?page=x").content.decode().split("|")[1], "1", "get_page() falls back to the first page for a non-integer")
equal(c.get("/fn/?page=99").content.decode().split("|")[1], "3", "get_page() falls back to the last page when out of range")
from django.core.paginator import EmptyPage, PageNotAnInteger

p = Paginator(Article.objects.order_by("id"), 25)
with raises(PageNotAnInteger):
    p.page("x")
with raises(EmptyPage, what="page(n) raises EmptyPage out of range"):
    p.page(99)
equal(c.get("/cbv/?page=99").status_code, 404, "ListView returns 404 for an invalid page")
equal(c.get("/cbv/?page=last").content, b"3/3 True", "'last' is accepted; paginator, page_obj and is_paginated are in the context")
page = p.page(2)
equal((page.has_next(), page.next_page_number(), p.num_pages), (True, 3, 3), "has_next(), next_page_number(), num_pages")
equal(list(Paginator(range(1000), 10).get_elided_page_range(50, on_each_side=1, on_ends=1)), [1, Paginator.ELLIPSIS, 49, 50, 51, Paginator.ELLIPSIS, 100], "get_elided_page_range()")

from django.core.paginator import UnorderedObjectListWarning

with warns(UnorderedObjectListWarning, what="an unordered queryset triggers UnorderedObjectListWarning"):
    Paginator(Article.objects.all(), 10)

with queries(1, "Paginator.count calls queryset.count() once"):
    p2 = Paginator(Article.objects.order_by("id"), 10)
    p2.count, p2.count, p2.num_pages

# {% querystring %}: the last page has no next page number.
from django.template.loader import render_to_string
from django.test import RequestFactory

req = RequestFactory().get("/fn/", {"q": "django", "page": "3"})
last = Paginator(Article.objects.order_by("id"), 25).page(3)
with raises(EmptyPage, what="{% querystring page=page_obj.next_page_number %} raises EmptyPage on the last page"):
    render_to_string("next_unguarded.html", {"page_obj": last}, request=req)
equal(render_to_string("next_guarded.html", {"page_obj": last}, request=req).strip(), "", "guarded with {% if page_obj.has_next %} it renders nothing")
first = Paginator(Article.objects.order_by("id"), 25).page(1)
equal(render_to_string("next_guarded.html", {"page_obj": first}, request=req).strip(), '<a href="?q=django&amp;page=2">Next</a>', "querystring keeps the other GET parameters")
empty_req = RequestFactory().get("/fn/")
from django.template import RequestContext, Template

t = Template("{% querystring %}")
out = t.render(RequestContext(empty_req))
if since(6, 0):
    equal(out, "?", "6.0: querystring always starts with '?'")
else:
    equal(out, "", "5.2: with no parameters at all it returns an empty string")

# Keyset pagination, verbatim
from django.db.models import Q


def next_page(after_published_at=None, after_id=None, size=25):
    qs = Article.objects.filter(published=True).order_by(
        "-published_at", "-id"
    )
    if after_published_at is not None:
        qs = qs.filter(
            Q(published_at__lt=after_published_at)
            | Q(published_at=after_published_at, id__lt=after_id)
        )
    return list(qs[:size])


full = list(Article.objects.filter(published=True).order_by("-published_at", "-id"))
pages, last_row = [], None
while True:
    rows = next_page(last_row.published_at if last_row else None, last_row.id if last_row else None, size=7)
    if not rows:
        break
    pages.extend(rows)
    last_row = rows[-1]
equal(pages, full, "keyset pages cover every row exactly once, in order, with ties on published_at")
with queries(1, "a keyset page is one query, no COUNT") as ctx:
    next_page(full[30].published_at, full[30].id)
claim("OFFSET" not in ctx.captured_queries[0]["sql"], "no OFFSET in the keyset query")

import django.core.paginator as pg

if since(6, 0):
    from django.core.paginator import AsyncPaginator

    async def first_page():
        ap = AsyncPaginator(list(range(60)), 25)  # a list: in-memory SQLite is per thread
        page = await ap.apage(1)
        return await page.ahas_next()

    claim(asyncio.run(first_page()) is True, "6.0: AsyncPaginator/AsyncPage for async views")
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, "orphans", what="6.0: orphans >= per_page is deprecated"):
        Paginator(list(range(10)), 5, orphans=5)
else:
    claim(not hasattr(pg, "AsyncPaginator"), "AsyncPaginator is new in 6.0")
if since(6, 1):
    claim(Article.objects.order_by("-published_at", "-id").totally_ordered and not Article.objects.order_by("-published_at").totally_ordered, "6.1: QuerySet.totally_ordered tells whether the ordering is deterministic")
