"""032 CBV mixins: the answer's ArticleEdit / ReportList / OwnerQuerysetMixin
through the test client (login redirect, 403 for others, 404 for other users'
rows), why a mixin right of the view is skipped, and LoginRequiredMiddleware
(5.1+)."""
from djqcheck import claim, create_tables, equal, setup

setup(templates={
    "djqcheck/article_form.html": "edit {{ object.title }}",
    "djqcheck/article_list.html": "{% for a in object_list %}{{ a.title }};{% endfor %}",
    "djqcheck/article_detail.html": "{{ object.title }}",
})

from django.conf import settings
from django.db import models
from django.urls import path


class Article(models.Model):  # the answer imports it from .models
    title = models.CharField(max_length=100)
    body = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)


# --- the answer's code, verbatim (minus "from .models import Article") ---
from django.contrib.auth.mixins import (
    LoginRequiredMixin,
    PermissionRequiredMixin,
    UserPassesTestMixin,
)
from django.views.generic import ListView, UpdateView


class ArticleEdit(LoginRequiredMixin, UserPassesTestMixin, UpdateView):
    model = Article
    fields = ["title", "body"]

    def test_func(self):
        return self.get_object().author == self.request.user


class ReportList(PermissionRequiredMixin, ListView):
    model = Article
    permission_required = "news.view_report"
    raise_exception = True  # 403 instead of a login redirect


class OwnerQuerysetMixin:
    """Limit any single- or multiple-object view to the user's rows."""

    def get_queryset(self):
        return super().get_queryset().filter(author=self.request.user)


class MyArticles(LoginRequiredMixin, OwnerQuerysetMixin, ListView):
    model = Article
# --- end ---

from django.views.generic import DetailView


class MyArticle(LoginRequiredMixin, OwnerQuerysetMixin, DetailView):
    model = Article


class WrongOrder(ListView, LoginRequiredMixin):
    model = Article


urlpatterns = [
    path("edit/<int:pk>/", ArticleEdit.as_view()),
    path("reports/", ReportList.as_view()),
    path("mine/", MyArticles.as_view()),
    path("mine/<int:pk>/", MyArticle.as_view()),
    path("wrong/", WrongOrder.as_view()),
]
create_tables()

from django.contrib.auth.models import User
from django.test import Client

ann = User.objects.create_user("ann", password="pw")
bob = User.objects.create_user("bob", password="pw")
a1 = Article.objects.create(title="A1", author=ann)
b1 = Article.objects.create(title="B1", author=bob)

c = Client()
r = c.get(f"/edit/{a1.pk}/")
equal((r.status_code, r["Location"]), (302, f"/accounts/login/?next=/edit/{a1.pk}/"),
      "anonymous users are redirected to LOGIN_URL with next")
equal(c.get("/wrong/").status_code, 200, "with the view class first, its dispatch() runs and the check never happens")
equal(c.get("/reports/").status_code, 403, "raise_exception = True gives a 403 instead of a login redirect")

c.force_login(ann)
equal(c.get(f"/edit/{a1.pk}/").status_code, 200, "the author passes test_func")
equal(c.get(f"/edit/{b1.pk}/").status_code, 403, "an authenticated user failing test_func gets a 403")
equal(c.get("/reports/").status_code, 403, "PermissionRequiredMixin needs the permission")
equal(c.get("/mine/").content, b"A1;", "OwnerQuerysetMixin limits the list to the user's rows")
equal(c.get(f"/mine/{b1.pk}/").status_code, 404, "other users' objects become a 404 in detail views")

mro = [k.__name__ for k in ArticleEdit.__mro__]
claim(mro.index("LoginRequiredMixin") < mro.index("UserPassesTestMixin") < mro.index("View"),
      "the MRO runs the mixins' dispatch() before the view's")

from django.contrib.auth.mixins import AccessMixin

for attr in ("login_url", "redirect_field_name", "raise_exception", "permission_denied_message", "handle_no_permission"):
    claim(hasattr(AccessMixin, attr), "AccessMixin provides " + attr)

# inactive users are rejected by the default backend, not by the mixins
bob.is_active = False
bob.save()
claim(not Client().login(username="bob", password="pw"), "the default backend rejects inactive users")

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.middleware import LoginRequiredMiddleware  # noqa: F401 (5.1+)

claim(callable(login_not_required), "LoginRequiredMiddleware and login_not_required exist (5.1+)")
