"""042 authentication vs authorization: the answer's sign_in and edit_article
views through the test client, what authenticate()/login() store, is_active,
superuser, groups, permission caching, per-object checks in ModelBackend, and
6.1's Permission.user_perm_str."""
from djqcheck import claim, create_tables, equal, setup, since

setup(templates={
    "accounts/login.html": "login form",
    "blog/edit.html": "edit {{ article.title }} {{ perms.djqcheck.change_article }}",
})

from django.db import models


class Article(models.Model):  # the answer imports it from .models
    title = models.CharField(max_length=100)


# --- the answer's code, verbatim (minus "from .models import Article") ---
from django.contrib.auth import authenticate, login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render


def sign_in(request):
    if request.method == "POST":
        user = authenticate(
            request,
            username=request.POST.get("username"),
            password=request.POST.get("password"),
        )
        if user is not None:
            login(request, user)  # authentication succeeded
            return redirect("dashboard")
    return render(request, "accounts/login.html")


def edit_article(request, pk):
    article = get_object_or_404(Article, pk=pk)
    if not request.user.has_perm("blog.change_article"):
        raise PermissionDenied  # authorization failed: 403
    return render(request, "blog/edit.html", {"article": article})
# --- end ---


def edit_here(request, pk):  # the same view with this app's label
    article = get_object_or_404(Article, pk=pk)
    if not request.user.has_perm("djqcheck.change_article"):
        raise PermissionDenied
    return render(request, "blog/edit.html", {"article": article})


from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("login/", sign_in),
    path("dash/", lambda r: HttpResponse(r.user.username), name="dashboard"),
    path("edit/<int:pk>/", edit_article),
    path("edit2/<int:pk>/", edit_here),
]
create_tables()

from django.contrib.auth.models import Group, Permission, User
from django.test import Client

ann = User.objects.create_user("ann", password="pw")
art = Article.objects.create(title="T")
c = Client()
equal(c.post("/login/", {"username": "ann", "password": "bad"}).content, b"login form", "bad credentials: authenticate() returns None")
r = c.post("/login/", {"username": "ann", "password": "pw"})
equal((r.status_code, r["Location"]), (302, "/dash/"), "good credentials log in and redirect")
s = c.session
equal((s["_auth_user_id"], s["_auth_user_backend"]), (str(ann.pk), "django.contrib.auth.backends.ModelBackend"),
      "login() stores the user's ID and the backend in the session")
equal(c.get("/dash/").content, b"ann", "AuthenticationMiddleware sets request.user on later requests")
equal(c.get(f"/edit/{art.pk}/").status_code, 403, "an authenticated user lacking the permission gets a 403")

codes = set(Permission.objects.filter(content_type__model="article").values_list("codename", flat=True))
equal(codes, {"add_article", "change_article", "delete_article", "view_article"}, "migrate creates add/change/delete/view")

perm = Permission.objects.get(codename="change_article")
ann = User.objects.get(pk=ann.pk)
claim(not ann.has_perm("djqcheck.change_article"), "ann lacks the permission")
editors = Group.objects.create(name="editors")
editors.permissions.add(perm)
ann.groups.add(editors)
claim(not ann.has_perm("djqcheck.change_article"), "ModelBackend caches permissions on the user object after the first check")
ann = User.objects.get(pk=ann.pk)
claim(ann.has_perm("djqcheck.change_article"), "a user has the permissions of their groups")
equal(c.get(f"/edit2/{art.pk}/").content, b"edit T True", "with the permission the view renders; perms works in templates")
claim(not ann.has_perm("djqcheck.change_article", art), "ModelBackend does not implement per-object checks")

bob = User.objects.create_user("bob", password="pw", is_active=False)
claim(authenticate(username="bob", password="pw") is None, "ModelBackend refuses is_active=False users")
root = User.objects.create_superuser("root", password="pw")
claim(root.has_perm("anything.at_all"), "an active superuser has every permission")
root.is_active = False
claim(not root.has_perm("anything.at_all"), "an inactive superuser does not")

from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser

c.get("/dash/")
from django.test import RequestFactory

c.logout()
equal(c.get("/dash/").content, b"", "after logout request.user is an AnonymousUser")
claim(not AnonymousUser().is_authenticated, "is_authenticated is False for AnonymousUser")

if since(6, 1):
    equal(perm.user_perm_str, "djqcheck.change_article", "6.1: Permission.user_perm_str gives the has_perm() string")
else:
    claim(not hasattr(perm, "user_perm_str"), "user_perm_str is new in 6.1")
