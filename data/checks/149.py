"""149 auth views: URL names from django.contrib.auth.urls, settings
defaults, the answer's login template, logout needs POST (405 on GET),
logged_out.html when LOGOUT_REDIRECT_URL is None, login_required and
LoginRequiredMixin redirect with ?next=, next on another host ignored,
LoginRequiredMiddleware + login_not_required, session key rotation."""
from djqcheck import claim, create_tables, equal, setup

setup(templates={
    "registration/login.html": """<form method="post" action="{% url 'login' %}">
  {% csrf_token %}
  {{ form }}
  <input type="hidden" name="next" value="{{ next }}">
  <button type="submit">Log in</button>
</form>""",
    "registration/logged_out.html": "bye",
    "registration/password_reset_form.html": "reset",
    "dashboard.html": "dash",
    "djqcheck/order_list.html": "{{ object_list|length }}",
})

from django.conf import global_settings, settings
from django.urls import include, path, reverse

# --- the answer's views, as written ---
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.views.generic import ListView


@login_required
def dashboard(request):
    return render(request, "dashboard.html")


class OrderListView(LoginRequiredMixin, ListView):
    def get_queryset(self):
        return self.request.user.orders.all()
# --- end ---

from django.conf import settings as s
from django.db import models


class Order(models.Model):
    user = models.ForeignKey(s.AUTH_USER_MODEL, related_name="orders", on_delete=models.CASCADE)


from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse


@login_not_required
def landing_page(request):
    return HttpResponse("public")


def private(request):
    return HttpResponse("private")


urlpatterns = [
    path("accounts/", include("django.contrib.auth.urls")),
    path("dashboard/", dashboard, name="dashboard"),
    path("orders/", OrderListView.as_view()),
    path("landing/", landing_page),
    path("private/", private),
]
create_tables()

names = ["login", "logout", "password_change", "password_change_done", "password_reset",
         "password_reset_done", "password_reset_confirm", "password_reset_complete"]
for n in names:
    reverse(n, kwargs={"uidb64": "x", "token": "y"} if n == "password_reset_confirm" else None)
equal(reverse("login"), "/accounts/login/", "include('django.contrib.auth.urls') gives login, logout, password_* under those names")
equal((global_settings.LOGIN_URL, global_settings.LOGIN_REDIRECT_URL, global_settings.LOGOUT_REDIRECT_URL),
      ("/accounts/login/", "/accounts/profile/", None), "defaults: /accounts/login/, /accounts/profile/ and None")

from django.contrib.auth.models import User
from django.test import Client, override_settings

User.objects.create_user("ann", password="pw")
c = Client()
r = c.get("/dashboard/")
equal((r.status_code, r["Location"]), (302, "/accounts/login/?next=/dashboard/"), "login_required redirects to LOGIN_URL?next=/dashboard/")
r = c.get("/orders/")
equal(r["Location"], "/accounts/login/?next=/orders/", "LoginRequiredMixin does the same")
r = c.get("/accounts/login/?next=/dashboard/")
claim('name="next" value="/dashboard/"' in r.content.decode(), "the login template receives next")

r = c.post("/accounts/login/", {"username": "ann", "password": "pw", "next": "/dashboard/"})
equal(r["Location"], "/dashboard/", "after login, LoginView sends the user back to next")
c.logout()
with override_settings(LOGIN_REDIRECT_URL="dashboard"):
    r = c.post("/accounts/login/", {"username": "ann", "password": "pw", "next": "https://evil.example/"})
equal(r["Location"], "/dashboard/", "a next URL on another host is ignored (LOGIN_REDIRECT_URL, given as a URL name)")

r = c.get("/accounts/logout/")
equal(r.status_code, 405, "logout over GET is 405 Method Not Allowed")
r = c.post("/accounts/logout/")
equal((r.status_code, r.content), (200, b"bye"), "with LOGOUT_REDIRECT_URL None, logout renders registration/logged_out.html")

# login() rotates the session key.
c2 = Client()
c2.get("/accounts/login/")
c2.cookies["sessionid"] = "x" * 32
c2.post("/accounts/login/", {"username": "ann", "password": "pw"})
claim(c2.cookies["sessionid"].value != "x" * 32, "login() rotates the session key")

# LoginRequiredMiddleware (5.1+).
mw = list(settings.MIDDLEWARE) + ["django.contrib.auth.middleware.LoginRequiredMiddleware"]
with override_settings(MIDDLEWARE=mw):
    c3 = Client()
    equal(c3.get("/private/").status_code, 302, "with LoginRequiredMiddleware every view requires login")
    equal(c3.get("/landing/").content, b"public", "unless marked login_not_required")
    equal(c3.get("/accounts/login/").status_code, 200, "the login view is already marked")
    equal(c3.get("/accounts/password_reset/").status_code, 200, "the password-reset views are already marked too")
