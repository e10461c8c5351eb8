"""023 FBV vs CBV: both versions of the page run as written and behave the
same (login redirect, 404 for unpublished, template and context names);
as_view() calls setup() then dispatch(), 405, method_decorator, as_view()
attributes, mixin order."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(templates={
    "articles/article_detail.html": "{{ article.title }}|{{ object.title }}",
    "djqcheck/article_detail.html": "{{ article.title }}|{{ object.title }}",
})

from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=100)
    published = models.BooleanField(default=False)


from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView


@login_required
def article_detail(request, pk):
    article = get_object_or_404(Article, pk=pk, published=True)
    return render(
        request, "articles/article_detail.html", {"article": article}
    )


class ArticleDetailView(LoginRequiredMixin, DetailView):
    queryset = Article.objects.filter(published=True)
    # template: articles/article_detail.html
    # context: "article" and "object"


class views:  # stands in for "from . import views"
    ArticleDetailView = ArticleDetailView


from django.urls import path

urlpatterns = [
path(
    "articles/<int:pk>/",
    views.ArticleDetailView.as_view(),
    name="article-detail",
),
    path("fbv/<int:pk>/", article_detail),
]

create_tables()
Article.objects.create(pk=1, title="Live", published=True)
Article.objects.create(pk=2, title="Draft", published=False)
from django.contrib.auth.models import User

User.objects.create_user("u", password="p")
from django.test import Client

anon = Client()
for url in ("/articles/1/", "/fbv/1/"):
    r = anon.get(url)
    equal((r.status_code, r["Location"].split("?")[0]), (302, "/accounts/login/"),
          "both styles send anonymous users to the login page (%s)" % url)
c = Client()
c.login(username="u", password="p")
equal(c.get("/articles/1/").content, b"Live|Live", "DetailView puts 'article' and 'object' in the context")
equal(c.get("/fbv/1/").content, b"Live|", "the FBV passes only what it names")
equal((c.get("/articles/2/").status_code, c.get("/fbv/2/").status_code), (404, 404),
      "both raise 404 for an unpublished article")
equal(c.post("/articles/1/").status_code, 405, "DetailView has no post(): 405 Method Not Allowed")

from django.test import RequestFactory

req = RequestFactory().get("/")
view = ArticleDetailView()
view.setup(req, pk=1)
view.object = view.get_object()
equal(view.get_template_names(), ["djqcheck/article_detail.html"],
      "DetailView picks <app_label>/<model>_detail.html")

# as_view() creates an instance per request, calls setup() then dispatch().
calls = []


from django.views import View
from django.http import HttpResponse


class Traced(View):
    greeting = "hi"

    def setup(self, request, *args, **kwargs):
        calls.append(("setup", self))
        super().setup(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        calls.append(("dispatch", self))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return HttpResponse(self.greeting)


fn = Traced.as_view(greeting="hello")
equal(fn(RequestFactory().get("/")).content, b"hello", "attributes passed to as_view() are set on the instance")
fn(RequestFactory().get("/"))
equal([c_[0] for c_ in calls], ["setup", "dispatch", "setup", "dispatch"], "setup() then dispatch()")
claim(calls[0][1] is calls[1][1] and calls[0][1] is not calls[2][1], "a fresh instance per request")
with raises(TypeError, "invalid keyword", what="as_view() only accepts existing attributes"):
    Traced.as_view(nope=1)

# Decorators on CBVs.
from django.utils.decorators import method_decorator


@method_decorator(login_required, name="dispatch")
class Private(View):
    def get(self, request):
        return HttpResponse("secret")


from django.contrib.auth.models import AnonymousUser

r = RequestFactory().get("/")
r.user = AnonymousUser()
equal(Private.as_view()(r).status_code, 302, "method_decorator(login_required, name='dispatch') protects a CBV")
r.user = User.objects.get(username="u")
equal(Private.as_view()(r).content, b"secret", "and lets a logged-in user in")

# Mixin order: LoginRequiredMixin must come before the view so its dispatch() runs first.
class WrongOrder(DetailView, LoginRequiredMixin):
    queryset = Article.objects.filter(published=True)


r = RequestFactory().get("/")
r.user = AnonymousUser()
equal(WrongOrder.as_view()(r, pk=1).status_code, 200,
      "with LoginRequiredMixin on the right, its check never runs")


async def async_view(request):
    return HttpResponse("async")


class AsyncCBV(View):
    async def get(self, request):
        return HttpResponse("async cbv")


claim(AsyncCBV.view_is_async and not ArticleDetailView.view_is_async, "a CBV with async handlers is async")
