"""051 URL namespaces and reverse_lazy: the answer's blog/urls.py, root
URLconf and views (written to a temporary package) through the test client;
application vs instance namespaces, current_app and the {% url %} tag, the
default and last-deployed instance, namespace= without app_name, 2-tuple
include, 5.2's query/fragment, and reverse() at import time failing."""
import os
import sys
import tempfile
import textwrap

from djqcheck import claim, create_tables, equal, raises, setup

pkg = tempfile.mkdtemp()
sys.path.insert(0, pkg)


def write(rel, src):
    path = os.path.join(pkg, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(textwrap.dedent(src))


for p in ("blog", "config", "accounts", "circ"):
    write(f"{p}/__init__.py", "")
# --- the answer's blog/urls.py and config/urls.py, verbatim ---
write("blog/urls.py", '''
    # blog/urls.py
    from django.urls import path

    from . import views

    app_name = "blog"
    urlpatterns = [
        path("", views.PostListView.as_view(), name="index"),
        path("new/", views.PostCreateView.as_view(), name="create"),
        path("<slug:slug>/", views.PostDetailView.as_view(), name="detail"),
        path(
            "<slug:slug>/edit/", views.PostUpdateView.as_view(), name="update"
        ),
    ]
''')
write("config/urls.py", '''
    # config/urls.py
    from django.urls import include, path

    urlpatterns = [
        path("blog/", include("blog.urls")),  # instance namespace "blog"
        # second instance
        path("news/", include("blog.urls", namespace="news")),
        path("accounts/", include("accounts.urls")),
    ]
''')
# --- the answer's views, verbatim, plus the list/detail views it names ---
write("blog/views.py", '''
    from django.contrib.auth.mixins import LoginRequiredMixin
    from django.urls import reverse, reverse_lazy
    from django.views.generic import CreateView, DetailView, ListView, UpdateView

    from .models import Post


    class PostCreateView(LoginRequiredMixin, CreateView):
        model = Post
        fields = ["title", "slug", "body"]
        login_url = reverse_lazy("accounts:login")  # class attribute: lazy
        success_url = reverse_lazy("blog:index")


    class PostUpdateView(LoginRequiredMixin, UpdateView):
        model = Post
        fields = ["title", "body"]

        def get_success_url(self):
            # Runs during a request, after the URLconf is loaded,
            # so reverse() is fine.
            return reverse("blog:detail", kwargs={"slug": self.object.slug})


    class PostListView(ListView):
        model = Post


    class PostDetailView(DetailView):
        model = Post
''')
write("blog/models.py", "from djqcheck.models import Post\n")
write("accounts/urls.py", '''
    from django.http import HttpResponse
    from django.urls import path

    app_name = "accounts"
    urlpatterns = [path("login/", lambda r: HttpResponse("login"), name="login")]
''')
# a views module that calls reverse() at import time
write("circ/urls.py", '''
    from django.urls import path

    from . import views

    urlpatterns = [path("", views.view, name="home")]
''')
write("circ/views.py", '''
    from django.http import HttpResponse
    from django.urls import reverse

    HOME = reverse("home")  # import time: the URLconf is still loading

    def view(request):
        return HttpResponse(HOME)
''')

LINK = "<a href=\"{% url 'blog:detail' slug=post.slug %}\">{{ post.title }}</a>"
setup(ROOT_URLCONF="config.urls", templates={
    "djqcheck/post_list.html": "{% url 'blog:index' %}",
    "djqcheck/post_detail.html": LINK.replace("post.", "object."),
    "djqcheck/post_form.html": "{{ form }}",
    "link.html": LINK,
})

from django.db import models


class Post(models.Model):
    title = models.CharField(max_length=100)
    slug = models.SlugField()
    body = models.TextField(blank=True)


create_tables()

from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.test import Client
from django.urls import include, path, reverse, reverse_lazy

post = Post.objects.create(title="Hi", slug="hi")
equal(render_to_string("link.html", {"post": post}), '<a href="/blog/hi/">Hi</a>', "{% url 'blog:detail' slug=... %}")
url = reverse("blog:detail", kwargs={"slug": post.slug})
response = redirect("blog:index")
equal((url, response["Location"]), ("/blog/hi/", "/blog/"), "reverse() and redirect() take namespaced names")
equal(reverse("news:index"), "/news/", "the instance namespace names the second deployment")
equal(reverse("blog:index", current_app="news"), "/news/", "current_app picks the instance")
equal(reverse("blog:index"), "/blog/", "otherwise the default instance (namespace == app name)")

c = Client()
equal(c.get("/news/").content, b"/news/", "the {% url %} tag uses the namespace of the resolved view")
equal(c.get("/blog/").content, b"/blog/", "...and the default instance under /blog/")
r = c.get("/blog/new/")
equal(r["Location"], "/accounts/login/?next=/blog/new/", "the lazy login_url resolves when used")
c.force_login(User.objects.create_user("ann"))
r = c.post("/blog/new/", {"title": "New", "slug": "new", "body": ""})
equal(r["Location"], "/blog/", "the lazy success_url resolves when used")
r = c.post("/blog/new/edit/", {"title": "Edited", "body": ""})
equal(r["Location"], "/blog/new/", "get_success_url() uses plain reverse()")

lazy = reverse_lazy("blog:index")
claim(type(lazy) is not str and str(lazy) == "/blog/", "reverse_lazy() returns a placeholder turned into the URL when used")
equal(reverse("blog:index", query={"page": 2}, fragment="top"), "/blog/?page=2#top", "5.2: query and fragment arguments")

import types

with raises(ImproperlyConfigured, "app_name", what="namespace= without app_name raises ImproperlyConfigured"):
    include(types.SimpleNamespace(urlpatterns=[]), namespace="x")
from django.http import HttpResponse

shop = ([path("", lambda r: HttpResponse(), name="index")], "shop")
mod = types.ModuleType("two_instances")
mod.urlpatterns = [path("a/", include(shop, namespace="a")), path("b/", include(shop, namespace="b"))]
sys.modules["two_instances"] = mod
equal(reverse("shop:index", urlconf="two_instances"), "/b/",
      "a 2-tuple include works; with no default instance the last deployed one is used")
nested = types.ModuleType("nested")
nested.urlpatterns = [path("sports/", include(([path("polls/", include(shop[0:1] + ("polls",)))], "sports")))]
sys.modules["nested"] = nested
equal(reverse("sports:polls:index", urlconf="nested"), "/sports/polls/", "namespaces can be nested")

with raises(ImproperlyConfigured, "circular import", what="reverse() at import time, while the URLconf loads, fails"):
    from django.test import override_settings

    from django.urls import resolve

    with override_settings(ROOT_URLCONF="circ.urls"):
        resolve("/")  # what a request (or the URL system checks) does first
