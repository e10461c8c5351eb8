"""154 password reset: the whole flow through django.contrib.auth.urls with
the answer's email template; same redirect for unknown addresses (no mail);
the confirm view moves the token into the session; the token dies after a
password change, a login, PASSWORD_RESET_TIMEOUT (259200 s) or a SECRET_KEY
rotation without fallbacks; domain from the Host header; MAILERS on 6.1."""
import re

from djqcheck import claim, create_tables, equal, setup, since, warns

setup(templates={
    "registration/password_reset_form.html": "{{ form }}",
    "registration/password_reset_done.html": "check your inbox",
    "registration/password_reset_confirm.html": "{% if validlink %}set it{% else %}invalid link{% endif %}",
    "registration/password_reset_complete.html": "done",
    "registration/password_reset_subject.txt": "Reset",
    "registration/password_reset_email.html": """Hi {{ user.get_username }},

Someone asked to reset your password on {{ site_name }}.
{% url 'password_reset_confirm' uidb64=uid token=token as reset_url %}
{{ protocol }}://{{ domain }}{{ reset_url }}

If it wasn't you, ignore this email.""",
})

from django.conf import global_settings
from django.urls import include, path

urlpatterns = [
    path("accounts/", include("django.contrib.auth.urls")),
]
create_tables()

from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client, override_settings

equal(global_settings.PASSWORD_RESET_TIMEOUT, 259200, "PASSWORD_RESET_TIMEOUT defaults to 259200 s (three days)")
ann = User.objects.create_user("ann", "ann@example.com", "old-pw")
User.objects.create_user("off", "off@example.com", "pw", is_active=False)
User.objects.create_user("nopw", "nopw@example.com")  # unusable password

c = Client()
r = c.post("/accounts/password_reset/", {"email": "ann@example.com"}, HTTP_HOST="localhost")
equal((r.status_code, r["Location"]), (302, "/accounts/password_reset/done/"), "PasswordResetView redirects to the done page")
equal(len(mail.outbox), 1, "an email is sent")
body = mail.outbox[0].body
claim(body.startswith("Hi ann,"), "the answer's email template renders")
link = re.search(r"http://localhost(/accounts/reset/[^/]+/[^/]+/)", body)
claim(link is not None, "the link is protocol://domain + reset/<uidb64>/<token>/, domain from the Host header")
for email in ("nobody@example.com", "off@example.com", "nopw@example.com"):
    r = c.post("/accounts/password_reset/", {"email": email})
    equal(r["Location"], "/accounts/password_reset/done/", "the same redirect whether or not the address exists")
equal(len(mail.outbox), 1, "no email for unknown, inactive or unusable-password accounts")

r = c.get(link.group(1))
claim(r.status_code == 302 and r["Location"].endswith("/set-password/"), "the first visit stores the token in the session and redirects to reset/<uidb64>/set-password/")
r = c.get(r["Location"])
equal(r.content, b"set it", "the set-password page gets a valid link")
r = c.post(r.request["PATH_INFO"], {"new_password1": "N3w-passw0rd!x", "new_password2": "N3w-passw0rd!x"})
equal(r["Location"], "/accounts/reset/done/", "after setting it, password_reset_complete")
ann.refresh_from_db()
claim(ann.check_password("N3w-passw0rd!x"), "the password was changed")
c2 = Client()
r = c2.get(link.group(1))
equal(c2.get(r["Location"]).content if r.status_code == 302 else r.content, b"invalid link", "a used link stops working: the password hash changed")

# The token: last_login, timeout, SECRET_KEY.
token = default_token_generator.make_token(ann)
claim(default_token_generator.check_token(ann, token), "fresh token is valid")
from django.contrib.auth.signals import user_logged_in
from django.test import RequestFactory

c3 = Client()
c3.login(username="ann", password="N3w-passw0rd!x")
ann.refresh_from_db()
claim(not default_token_generator.check_token(ann, token), "logging in changes last_login and kills the token")
token = default_token_generator.make_token(ann)
from datetime import datetime, timedelta


class Later(type(default_token_generator)):
    def _now(self):
        return datetime.now() + timedelta(seconds=259200 + 5)


claim(not Later().check_token(ann, token), "after PASSWORD_RESET_TIMEOUT seconds the token expires")
with override_settings(SECRET_KEY="rotated-key"):
    from django.contrib.auth.tokens import PasswordResetTokenGenerator

    claim(not PasswordResetTokenGenerator().check_token(ann, token), "rotating SECRET_KEY kills old tokens")
with override_settings(SECRET_KEY="rotated-key", SECRET_KEY_FALLBACKS=["djq-check-not-secret"]):
    claim(PasswordResetTokenGenerator().check_token(ann, token), "... unless the old key is in SECRET_KEY_FALLBACKS")

from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

uid = link.group(1).split("/")[3]
equal(force_str(urlsafe_base64_decode(uid)), str(ann.pk), "uidb64 is just the primary key in base64")

if since(6, 1):
    from django.conf import LazySettings
    from django.utils.deprecation import RemovedInDjango70Warning

    s = LazySettings()
    s.configure(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    with warns(RemovedInDjango70Warning, "EMAIL_BACKEND setting is deprecated", what="6.1: EMAIL_BACKEND is deprecated in favour of MAILERS"):
        s.EMAIL_BACKEND
    from django.core.exceptions import ImproperlyConfigured
    from djqcheck import raises

    with raises(ImproperlyConfigured, what="EMAIL_BACKEND and MAILERS cannot be combined"):
        LazySettings().configure(EMAIL_BACKEND="x", MAILERS={"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}})
else:
    claim(not hasattr(global_settings, "MAILERS"), "5.2 has no MAILERS setting")
