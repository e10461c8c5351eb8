"""070 Client vs RequestFactory: the answer's DashboardTests (Client through
URLconf, middleware and login) and PriceViewTests (RequestFactory), run;
plus CSRF off by default, cookies kept, bare requests without user/session,
and unrendered TemplateResponses."""
import io
import sys
import types
import unittest

from djqcheck import claim, create_tables, equal, raises, setup, since

setup(templates={"dashboard.html": "Welcome, {{ user.username }}", "price.html": "{{ currency }}"}, LOGIN_URL="/login/")
from django.test.utils import setup_test_environment

setup_test_environment()

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path
from django.views.generic import TemplateView


@login_required
def dashboard(request):
    return render(request, "dashboard.html")


def price_view(request):
    qty = int(request.GET.get("qty", "1"))
    return HttpResponse(str(qty * 2))


class PriceView(TemplateView):
    template_name = "price.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "currency": "EUR"}


def set_cookie(request):
    r = HttpResponse("set")
    r.set_cookie("flavour", "mint")
    return r


def read_cookie(request):
    return HttpResponse(request.COOKIES.get("flavour", "none"))


def post_only(request):
    return HttpResponse("posted")


urlpatterns = [
    path("dashboard/", dashboard, name="dashboard"),
    path("price/", price_view),
    path("set/", set_cookie),
    path("read/", read_cookie),
    path("post/", post_only),
]
create_tables()
views = types.ModuleType("views")
views.PriceView, views.price_view = PriceView, price_view
sys.modules["djqcheck.views"] = views

# --- the answer's tests, verbatim ---
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_user(
            "ann", password="pw"
        )

    def test_requires_login(self):
        response = self.client.get(reverse("dashboard"))
        self.assertEqual(response.status_code, 302)

    def test_shows_dashboard(self):
        self.client.force_login(self.user)
        response = self.client.get(reverse("dashboard"))
        self.assertContains(response, "Welcome, ann")
        self.assertTemplateUsed(response, "dashboard.html")


from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, SimpleTestCase

from .views import PriceView, price_view


class PriceViewTests(SimpleTestCase):
    def test_function_view(self):
        request = RequestFactory().get(
            "/price/", query_params={"qty": "3"}
        )
        request.user = AnonymousUser()
        response = price_view(request)
        self.assertEqual(response.status_code, 200)

    def test_context_of_class_based_view(self):
        request = RequestFactory().get("/price/")
        view = PriceView()
        view.setup(request)
        context = view.get_context_data()
        self.assertIn("currency", context)
# --- end ---


def run(case):
    return unittest.TextTestRunner(stream=io.StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(case))


r = run(DashboardTests)
claim(r.wasSuccessful() and r.testsRun == 2, "the Client tests pass: 302 without login, dashboard after force_login")
r = run(PriceViewTests)
claim(r.wasSuccessful() and r.testsRun == 2, "the RequestFactory tests pass")

from django.test import Client

c = Client()
resp = c.get("/dashboard/")
claim(resp.resolver_match is not None and resp.resolver_match.url_name == "dashboard", "the test response has resolver_match")
c.get("/set/")
equal(c.get("/read/").content, b"mint", "the Client keeps cookies between requests")
equal(Client().post("/post/").status_code, 200, "CSRF checks are off by default")
equal(Client(enforce_csrf_checks=True).post("/post/").status_code, 403, "enforce_csrf_checks=True turns them on")

req = RequestFactory().get("/price/", query_params={"qty": "3"})
claim(not hasattr(req, "user") and not hasattr(req, "session"), "RequestFactory runs no middleware: no request.user or request.session")
equal(req.GET["qty"], "3", "query_params= builds the query string")
equal(price_view(req).content, b"6", "you call the view directly and get its real response")
resp = PriceView.as_view()(RequestFactory().get("/price/"))
claim(isinstance(resp, TemplateResponse) and not resp.is_rendered, "a TemplateResponse comes back unrendered")
equal(resp.context_data["currency"], "EUR", "check response.context_data")
equal(resp.render().content, b"EUR", "or render() it first")
from django.test import AsyncClient, AsyncRequestFactory

claim(TestCase.async_client_class is AsyncClient, "self.async_client is an AsyncClient")
claim(AsyncRequestFactory().get("/").__class__.__name__ == "ASGIRequest", "AsyncRequestFactory builds ASGI requests")
