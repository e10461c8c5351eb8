"""108 messages framework: defaults and startproject wiring, the answer's
cancel_order view and template through the test client (shown once after
the redirect), levels and MESSAGE_LEVEL, tags and MESSAGE_TAGS,
SuccessMessageMixin, storage backends (signed cookie, 2 KB), testing."""
from djqcheck import claim, create_tables, equal, setup

LIST = """{% if messages %}
<ul class="messages">
  {% for message in messages %}
    <li class="{{ message.tags }}">{{ message }}</li>
  {% endfor %}
</ul>
{% endif %}"""
setup(templates={"list.html": LIST, "shop/confirm.html": "confirm {{ order.pk }}", "djqcheck/order_form.html": "{{ form }}"})
from django.conf import global_settings
from django.contrib import messages

equal(global_settings.MESSAGE_STORAGE, "django.contrib.messages.storage.fallback.FallbackStorage", "FallbackStorage is the default")
equal((messages.DEBUG, messages.INFO, messages.SUCCESS, messages.WARNING, messages.ERROR), (10, 20, 25, 30, 40), "the levels")
import os

import django

tpl = open(os.path.join(os.path.dirname(django.__file__), "conf/project_template/project_name/settings.py-tpl")).read()
claim("'django.contrib.messages'" in tpl, "startproject enables django.contrib.messages")
claim(tpl.index("sessions.middleware.SessionMiddleware") < tpl.index("messages.middleware.MessageMiddleware"), "SessionMiddleware before MessageMiddleware")
claim("django.contrib.messages.context_processors.messages" in tpl, "and the messages context processor")

from django.db import models


class Order(models.Model):
    email = models.EmailField()
    total = models.IntegerField()


# --- the answer's view, verbatim (its import of .models dropped) ---
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render


def cancel_order(request, pk):
    order = get_object_or_404(Order, pk=pk)
    if request.method == "POST":
        order.delete()
        messages.success(request, f"Order {pk} was cancelled.")
        return redirect("order-list")
    return render(request, "shop/confirm.html", {"order": order})
# --- end ---

# --- the answer's class-based view, verbatim ---
from django.contrib.messages.views import SuccessMessageMixin
from django.urls import reverse_lazy
from django.views.generic import CreateView


class OrderCreateView(SuccessMessageMixin, CreateView):
    model = Order
    fields = ["email", "total"]
    success_url = reverse_lazy("order-list")
    success_message = "Order for %(email)s was created."
# --- end ---


def order_list(request):
    return render(request, "list.html")


def levels(request):
    messages.debug(request, "dbg")
    messages.info(request, "inf", extra_tags="toast wide")
    messages.error(request, "err")
    return redirect("order-list")


from django.urls import path

urlpatterns = [
    path("orders/", order_list, name="order-list"),
    path("orders/<int:pk>/cancel/", cancel_order),
    path("orders/new/", OrderCreateView.as_view()),
    path("levels/", levels),
]
create_tables()
from django.test import Client

c = Client()
o = Order.objects.create(email="a@x.org", total=3)
equal(c.get(f"/orders/{o.pk}/cancel/").content, f"confirm {o.pk}".encode(), "GET renders the confirmation")
r = c.post(f"/orders/{o.pk}/cancel/")
equal((r.status_code, r["Location"]), (302, "/orders/"), "POST deletes and redirects")
claim("messages" in r.cookies, "the message is stored in the (signed) cookie first")
html = c.get("/orders/").content.decode()
claim(f'<li class="success">Order {o.pk} was cancelled.</li>' in html, "the next page shows it with tag success")
claim("messages" not in c.get("/orders/").content.decode(), "displayed once, then deleted")

html = c.get("/levels/", follow=True).content.decode()
claim("dbg" not in html, "messages.debug() is dropped: MESSAGE_LEVEL defaults to INFO")
claim('<li class="toast wide info">inf</li>' in html, "extra_tags adds CSS classes before the level tag")
claim('<li class="error">err</li>' in html, "error tag")
from django.test import override_settings

with override_settings(MESSAGE_TAGS={messages.ERROR: "danger"}, MESSAGE_LEVEL=messages.DEBUG):
    html = c.get("/levels/", follow=True).content.decode()
    claim('<li class="danger">err</li>' in html, "MESSAGE_TAGS maps ERROR to 'danger'")
    claim('<li class="debug">dbg</li>' in html, "lowering MESSAGE_LEVEL shows debug messages")

r = c.post("/orders/new/", {"email": "b@x.org", "total": 9}, follow=True)
claim("Order for b@x.org was created." in r.content.decode(), "SuccessMessageMixin fills %(email)s from cleaned_data")
from django.contrib.messages import get_messages

r = c.post("/orders/new/", {"email": "c@x.org", "total": 1})
equal([m.message for m in get_messages(r.wsgi_request)], ["Order for c@x.org was created."], "get_messages(response.wsgi_request) in tests")

# Testing with MessagesTestMixin.assertMessages (5.0)
import unittest

from django.contrib.messages import Message
from django.contrib.messages.test import MessagesTestMixin
from django.test import TestCase


class T(MessagesTestMixin, TestCase):
    def test(self):
        o = Order.objects.create(email="d@x.org", total=1)
        response = self.client.post(f"/orders/{o.pk}/cancel/")
        self.assertMessages(response, [Message(messages.SUCCESS, f"Order {o.pk} was cancelled.")])


res = unittest.TextTestRunner(stream=open(os.devnull, "w")).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
equal((len(res.failures), len(res.errors)), (0, 0), "assertMessages() with Message(level, text)")

# Storage: a forged cookie is ignored; CookieStorage is capped near 2 KB.
from django.contrib.messages.storage.cookie import CookieStorage

equal(CookieStorage.max_cookie_size, 2048, "the cookie backend stays within about 2 KB")
forged = Client()
forged.cookies["messages"] = '[["__json_message",0,25,"You won!"]]'
claim("You won!" not in forged.get("/orders/").content.decode(), "cookie messages are signed; a forged one is ignored")
with override_settings(MESSAGE_STORAGE="django.contrib.messages.storage.session.SessionStorage"):
    c2 = Client()
    o = Order.objects.create(email="e@x.org", total=1)
    r = c2.post(f"/orders/{o.pk}/cancel/")
    claim("messages" not in r.cookies and "sessionid" in r.cookies, "SessionStorage keeps messages in the session")
    claim("was cancelled" in c2.get("/orders/").content.decode(), "and shows them on the next page")
big = Client()
for i in range(3):
    o = Order.objects.create(email=f"f{i}@x.org", total=1)
    big.post(f"/orders/{o.pk}/cancel/")
html = big.get("/orders/").content.decode()
equal(html.count("was cancelled"), 3, "messages from several requests accumulate until displayed")


LONG = os.urandom(1500).hex()  # incompressible: the cookie is compressed


def long_message(request):
    messages.info(request, LONG)
    return redirect("order-list")


urlpatterns.append(path("long/", long_message))
from django.urls import clear_url_caches

clear_url_caches()
fb = Client()
r = fb.get("/long/")
claim("sessionid" in r.cookies, "FallbackStorage puts what does not fit in the cookie into the session")
claim(LONG in fb.get("/orders/").content.decode(), "and still shows it")
