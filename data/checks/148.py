"""148 form handling: the answer's ContactForm and view; GET unbound (no
errors), invalid POST re-renders the bound form with input and errors,
valid POST sends mail and redirects (PRG), no csrf_token -> 403, {{ form }}
renders <div>s, cleaned_data types, assertFormError."""
from djqcheck import claim, create_tables, equal, setup

setup(templates={
    "shop/contact.html": """<form method="post" action="{% url 'contact' %}">
  {% csrf_token %}
  {{ form }}
  <button type="submit">Send</button>
</form>""",
    "thanks.html": "thanks",
})

# --- shop/forms.py, as written ---
from django import forms


class ContactForm(forms.Form):
    email = forms.EmailField()
    subject = forms.CharField(max_length=100)
    message = forms.CharField(widget=forms.Textarea)


# --- shop/views.py, as written (minus `from .forms import ContactForm`) ---
from django.core.mail import send_mail
from django.shortcuts import redirect, render


def contact(request):
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data  # validated, converted values
            send_mail(
                subject=data["subject"],
                message=data["message"],
                from_email=None,  # DEFAULT_FROM_EMAIL
                recipient_list=["support@example.com"],
            )
            return redirect("contact-thanks")  # PRG
    else:
        form = ContactForm()
    # GET, or POST with errors: same template, same form object
    return render(request, "shop/contact.html", {"form": form})
# --- end ---

from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("contact/", contact, name="contact"),
    path("thanks/", lambda r: HttpResponse("thanks"), name="contact-thanks"),
]
create_tables()

from django.conf import settings
from django.core import mail
from django.test import Client, SimpleTestCase
from django.test.utils import setup_test_environment

setup_test_environment()
c = Client()
r = c.get("/contact/")
equal(r.status_code, 200, "GET renders the form")
claim(not r.context["form"].is_bound and "errorlist" not in r.content.decode(), "GET: an unbound form shows no errors")
claim('name="csrfmiddlewaretoken"' in r.content.decode(), "{% csrf_token %} renders the hidden token")
claim("<div>" in r.content.decode(), "{{ form }} renders with the <div>-based template")

r = c.post("/contact/", {"email": "not-an-email", "subject": "Hi", "message": ""})
equal(r.status_code, 200, "an invalid POST re-renders the page")
form = r.context["form"]
claim(form.is_bound, "the same bound form goes back to the template")
claim('value="not-an-email"' in r.content.decode(), "the user's input is kept")
SimpleTestCase().assertFormError(form, "email", "Enter a valid email address.")
equal(list(form.errors), ["email", "message"], "errors end up in form.errors")
equal(len(mail.outbox), 0, "nothing is sent for invalid data")

r = c.post("/contact/", {"email": "a@example.com", "subject": "Hi", "message": "Hello"})
equal((r.status_code, r["Location"]), (302, "/thanks/"), "a valid POST redirects (Post/Redirect/Get)")
equal(len(mail.outbox), 1, "the mail is sent once")
equal((mail.outbox[0].from_email, mail.outbox[0].to), (settings.DEFAULT_FROM_EMAIL, ["support@example.com"]), "from_email=None uses DEFAULT_FROM_EMAIL")

csrf = Client(enforce_csrf_checks=True)
r = csrf.post("/contact/", {"email": "a@example.com", "subject": "Hi", "message": "Hello"})
equal(r.status_code, 403, "without the CSRF token the POST is rejected with 403")
claim("CSRF verification failed" in r.content.decode(), "the 403 page says 'CSRF verification failed'")

import datetime


class F(forms.Form):
    email = forms.EmailField()
    day = forms.DateField()


f = F({"email": "a@example.com", "day": "2026-01-02"})
f.is_valid()
equal((type(f.cleaned_data["email"]), f.cleaned_data["day"]), (str, datetime.date(2026, 1, 2)), "cleaned_data holds Python values: str for EmailField, date for DateField")

from djqcheck import since, warns

if since(6, 0):
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, what="6.0+: optional send_mail() arguments given positionally are deprecated"):
        send_mail("s", "m", None, ["a@example.com"], False)
