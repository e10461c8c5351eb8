"""037 view decorators: the answer's stacked publish view (405 before login
before permission), method_decorator(cache_page) on a ListView,
require_safe/never_cache/csrf_exempt behaviour, async support since 5.1."""
from djqcheck import claim, create_tables, equal, setup, since

import django

mw = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
csp = {}
if django.VERSION >= (6, 0):
    mw.append("django.middleware.csp.ContentSecurityPolicyMiddleware")
    csp = {"SECURE_CSP": {"default-src": ["'self'"]}}
setup(middleware=mw, templates={"djqcheck/article_list.html": "{% for a in object_list %}{{ a.title }};{% endfor %}"}, **csp)

from django.db import models


class Article(models.Model):  # the answer imports it from .models
    title = models.CharField(max_length=100)
    published = models.BooleanField(default=False)


# --- the answer's code, verbatim (minus "from .models import Article") ---
from django.contrib.auth.decorators import (
    login_required,
    permission_required,
)
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST


@require_POST
@login_required
@permission_required("blog.change_article", raise_exception=True)
def publish(request, pk):
    article = get_object_or_404(Article, pk=pk)
    article.published = True
    article.save(update_fields=["published"])
    return redirect("article-detail", pk=article.pk)


from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_page
from django.views.generic import ListView


@method_decorator(cache_page(60 * 5), name="dispatch")
class ArticleList(ListView):
    model = Article
# --- end ---

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


@require_safe
def safe(request):
    return HttpResponse("ok")


@never_cache
def fresh(request):
    return HttpResponse("ok")


@csrf_exempt
def hook(request):
    return HttpResponse("ok")


def plain_post(request):
    return HttpResponse("ok")


extra_urls = []
if django.VERSION >= (6, 0):
    from django.views.decorators.csp import csp_override, csp_report_only_override

    @csp_override({})
    def no_csp(request):
        return HttpResponse("ok")

    @csp_override({"default-src": ["'self'"], "img-src": ["'self'", "data:"]})
    def img_csp(request):
        return HttpResponse("ok")

    @csp_report_only_override({"default-src": ["'none'"]})
    def report(request):
        return HttpResponse("ok")

    extra_urls = [path("nocsp/", no_csp), path("imgcsp/", img_csp), path("report/", report)]

urlpatterns = extra_urls + [
    path("publish/<int:pk>/", publish),
    path("articles/<int:pk>/", safe, name="article-detail"),
    path("articles/", ArticleList.as_view()),
    path("safe/", safe),
    path("fresh/", fresh),
    path("hook/", hook),
    path("plain/", plain_post),
]
create_tables()

from django.contrib.auth.models import Permission, User
from django.test import Client

a = Article.objects.create(title="A")
c = Client()
equal(c.get(f"/publish/{a.pk}/").status_code, 405, "require_POST (top) runs first: a GET is a 405 even for anonymous users")
r = c.post(f"/publish/{a.pk}/")
equal((r.status_code, r["Location"]), (302, f"/accounts/login/?next=/publish/{a.pk}/"),
      "login_required redirects anonymous users to LOGIN_URL with next")
u = User.objects.create_user("ann", password="pw")
c.force_login(u)
equal(c.post(f"/publish/{a.pk}/").status_code, 403, "permission_required(raise_exception=True) gives a 403")
admin = User.objects.create_superuser("root", password="pw")
c.force_login(admin)
r = c.post(f"/publish/{a.pk}/")
equal((r.status_code, r["Location"]), (302, f"/articles/{a.pk}/"), "with the permission the view runs and redirects")
a.refresh_from_db()
claim(a.published, "the article is published")

equal(c.get("/articles/").content, b"A;", "the list renders")
Article.objects.create(title="B")
equal(c.get("/articles/").content, b"A;", "method_decorator(cache_page) on dispatch caches the class-based view")

equal([Client().head("/safe/").status_code, Client().post("/safe/").status_code], [200, 405], "require_safe allows GET and HEAD only")
claim("no-cache" in Client().get("/fresh/")["Cache-Control"], "never_cache adds headers telling clients not to cache")
csrf = Client(enforce_csrf_checks=True)
equal([csrf.post("/plain/").status_code, csrf.post("/hook/").status_code], [403, 200],
      "csrf_exempt removes CsrfViewMiddleware protection from one view")

# 5.1: auth decorators support async views; LoginRequiredMiddleware + login_not_required
import inspect

from django.contrib.auth.decorators import login_not_required, user_passes_test


async def aview(request):
    return HttpResponse("ok")


claim(all(inspect.iscoroutinefunction(d(aview)) for d in (login_required, permission_required("x.y"), user_passes_test(bool))),
      "the three auth decorators work on async views (since 5.1)")
claim(getattr(login_not_required(plain_post), "login_required", True) is False, "login_not_required marks a public view")

if since(6, 0):
    cl = Client()
    equal(cl.get("/safe/")["Content-Security-Policy"], "default-src 'self'", "6.0+: SECURE_CSP applies by default")
    claim("Content-Security-Policy" not in cl.get("/nocsp/"), "csp_override({}) sends no policy header")
    equal(cl.get("/imgcsp/")["Content-Security-Policy"], "default-src 'self'; img-src 'self' data:", "csp_override(config) replaces the policy")
    equal(cl.get("/report/")["Content-Security-Policy-Report-Only"], "default-src 'none'", "csp_report_only_override sets the report-only header")
else:
    import importlib.util

    claim(importlib.util.find_spec("django.views.decorators.csp") is None, "5.2 has no CSP decorators")
