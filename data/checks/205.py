"""205 secure registration: the answer's token generator, form and views run as
written; inactive users cannot log in, tokens are single-use and salted apart
from password reset, validators run, no enumeration, 429 after the limit."""
from djqcheck import claim, equal, raises, setup

setup(
    templates={
        "accounts/register.html": "{{ form.errors }}",
        "accounts/check_email.html": "Check your email",
        "accounts/activation_invalid.html": "Invalid link",
        "registration/login.html": "{{ form.errors }}",
    },
    AUTH_PASSWORD_VALIDATORS=[
        {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
        {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
        {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
        {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    ],
)

# accounts/tokens.py
from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.tokens.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # is_active flips on activation, so a used link stops working
        return f"{user.pk}{user.is_active}{user.email}{timestamp}"


email_verification_token = EmailVerificationTokenGenerator()

# accounts/views.py
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode


User = get_user_model()


class RegistrationForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)

    def clean(self):
        cleaned = super().clean()
        email, password = cleaned.get("email"), cleaned.get("password")
        if email and password:
            try:  # runs every validator in AUTH_PASSWORD_VALIDATORS
                validate_password(password, User(username=email, email=email))
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


def too_many_attempts(request, limit=5, window=3600):
    key = f"register:{request.META['REMOTE_ADDR']}"
    cache.add(key, 0, window)
    return cache.incr(key) > limit


def register(request):
    if request.method == "POST" and too_many_attempts(request):
        return HttpResponse("Too many attempts", status=429)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            send_mail("Sign-up attempt", "You already have an account; "
                      "use password reset if you forgot it.", None, [email])
        else:
            user = User(username=email, email=email, is_active=False)
            user.set_password(form.cleaned_data["password"])
            user.save()
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = email_verification_token.make_token(user)
            link = request.build_absolute_uri(
                reverse("activate", args=[uid, token]))
            send_mail("Confirm your email", f"Open {link}", None, [email])
        # the same page either way: no user enumeration
        return render(request, "accounts/check_email.html")
    return render(request, "accounts/register.html", {"form": form})


def activate(request, uidb64, token):
    try:
        user = User._default_manager.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        user = None
    if user is not None and email_verification_token.check_token(user, token):
        user.is_active = True
        user.save(update_fields=["is_active"])
        return redirect("login")
    return render(request, "accounts/activation_invalid.html", status=400)

from django.contrib.auth.views import LoginView
from django.urls import path

# accounts/urls.py, with the views in this module, plus a login page
urlpatterns = [
    path("register/", register, name="register"),
    path("activate/<uidb64>/<token>/", activate, name="activate"),
    path("login/", LoginView.as_view(), name="login"),
]

from djqcheck import create_tables

create_tables()

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.cache import cache
from django.test import Client

equal(settings.PASSWORD_RESET_TIMEOUT, 259200, "PASSWORD_RESET_TIMEOUT defaults to 259200 seconds (three days)")

c = Client()
# validators: a short numeric password is refused, nothing is created
r = c.post("/register/", {"email": "ann@example.com", "password": "1234"})
equal(r.status_code, 200, "an invalid form re-renders the page")
claim("too short" in r.content.decode() and "entirely numeric" in r.content.decode(),
      "validate_password() runs MinimumLengthValidator and NumericPasswordValidator")
r = c.post("/register/", {"email": "ann@example.com", "password": "password123"})
claim("too common" in r.content.decode(), "the common-passwords list is checked")
r = c.post("/register/", {"email": "ann.smith@example.com", "password": "ann.smith"})
claim("too similar" in r.content.decode(), "similarity to user attributes is checked")
equal(User.objects.count(), 0, "no user is created for an invalid password")

# new address: inactive user, one email with the link
cache.clear()
r = c.post("/register/", {"email": "Ann@Example.com", "password": "correct horse battery"})
equal(r.content.decode(), "Check your email", "the check-your-email page is shown")
user = User.objects.get()
claim(not user.is_active, "the user is created with is_active=False")
equal(user.email, "ann@example.com", "the email is lower-cased")
equal(len(mail.outbox), 1, "one verification email is sent")
link = mail.outbox[0].body.split("Open ")[1]
claim(link.startswith("http://testserver/activate/"), "the email carries an absolute activation link")
claim(authenticate(username="ann@example.com", password="correct horse battery") is None,
      "ModelBackend returns None for an inactive user")
r = c.post("/login/", {"username": "ann@example.com", "password": "correct horse battery"})
claim("correct username and password" in r.content.decode() and "inactive" not in r.content.decode(),
      "LoginView refuses an inactive user with the generic error")

# existing address: the same response, a different email, no new user
r = c.post("/register/", {"email": "ann@example.com", "password": "another good one"})
equal(r.status_code, 200, "an existing email gets the same status")
equal(r.content.decode(), "Check your email", "an existing email gets the same page (no enumeration)")
equal(User.objects.count(), 1, "no second account is created")
equal(mail.outbox[1].subject, "Sign-up attempt", "the owner is told by email instead")

# the token: a password-reset token is not accepted, bad uids give 400
uid, token = link.rstrip("/").split("/")[-2:]
claim(not email_verification_token.check_token(user, default_token_generator.make_token(user)),
      "the own key_salt keeps password-reset tokens from verifying emails")
equal(c.get(f"/activate/{uid}/1a-deadbeef/").status_code, 400, "a wrong token is refused with 400")
equal(c.get(f"/activate/!!!/{token}/").status_code, 400, "an undecodable uid is refused, not a 500")
equal(c.get(f"/activate/OTk5/{token}/").status_code, 400, "an unknown user id is refused")

r = c.get(link)
equal((r.status_code, r.url), (302, "/login/"), "a valid link activates and redirects to login")
user.refresh_from_db()
claim(user.is_active, "check_token() passing sets is_active=True")
claim(authenticate(username="ann@example.com", password="correct horse battery") == user,
      "the activated user can log in")
equal(c.get(link).status_code, 400, "is_active in the hash makes the link single-use")

# email in the hash: changing the address invalidates pending links
u2 = User.objects.create_user("b", "b@example.com", "x", is_active=False)
t2 = email_verification_token.make_token(u2)
u2.email = "c@example.com"
claim(not email_verification_token.check_token(u2, t2), "changing the email invalidates old links")

# rate limit: the sixth POST in the window from one address is a 429
cache.clear()
codes = [c.post("/register/", {"email": f"x{i}@example.com", "password": "1"}).status_code for i in range(6)]
equal(codes, [200] * 5 + [429], "after 5 attempts per hour the view answers 429")
equal(c.get("/register/").status_code, 200, "GET is not counted")

# AllowAllUsersModelBackend makes AuthenticationForm say 'inactive'
from django.contrib.auth.forms import AuthenticationForm
from django.test import override_settings

with override_settings(AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.AllowAllUsersModelBackend"]):
    f = AuthenticationForm(data={"username": "b", "password": "x"})
    claim(not f.is_valid() and "This account is inactive." in str(f.errors),
          "with AllowAllUsersModelBackend the form says 'This account is inactive.'")

# UserCreationForm runs the validators as well
from django.contrib.auth.forms import UserCreationForm

f = UserCreationForm(data={"username": "zed", "password1": "12345678", "password2": "12345678"})
claim(not f.is_valid() and "entirely numeric" in str(f.errors), "UserCreationForm runs AUTH_PASSWORD_VALIDATORS")

# PasswordResetForm skips inactive users, so "use password reset" is a dead end for them
from django.contrib.auth.forms import PasswordResetForm

u3 = User.objects.create_user("d", "d@example.com", "x", is_active=False)
equal(list(PasswordResetForm().get_users("d@example.com")), [], "PasswordResetForm.get_users() skips inactive users")
u3.is_active = True
u3.save()
equal(list(PasswordResetForm().get_users("d@example.com")), [u3], "(and finds the same user once active)")
