"""043 password storage: default hasher list and PBKDF2 iterations by version,
the stored format, upgrade on login (algorithm and iteration count), the
answer's code (validate_password, set_password not saving, check_password,
set_unusable_password), validators, and session invalidation on change."""
from django.conf import global_settings as g

from djqcheck import claim, create_tables, equal, raises, setup, since

VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
setup(PASSWORD_HASHERS=g.PASSWORD_HASHERS + ["django.contrib.auth.hashers.MD5PasswordHasher"],
      AUTH_PASSWORD_VALIDATORS=VALIDATORS)
create_tables()

from django.contrib.auth.hashers import (
    PBKDF2PasswordHasher,
    check_password,
    get_hasher,
    is_password_usable,
    make_password,
)

equal(g.PASSWORD_HASHERS[0], "django.contrib.auth.hashers.PBKDF2PasswordHasher", "PBKDF2 with SHA256 is the default")
want_iter = 1_500_000 if since(6, 1) else 1_000_000
equal(PBKDF2PasswordHasher.iterations, want_iter, "1,000,000 iterations in 5.2 LTS and 1,500,000 in 6.1")

User = __import__("django.contrib.auth", fromlist=["get_user_model"]).get_user_model()
alice = User.objects.create_user("alice", password="s3cret-pass")
algo, iters, salt, h = alice.password.split("$")
equal((algo, int(iters)), ("pbkdf2_sha256", want_iter), "stored as <algorithm>$<iterations>$<salt>$<hash>")
claim(len(salt) > 10 and "s3cret" not in alice.password, "a random salt and no raw password; create_user() hashes")

# upgrades on login: older iteration count, then non-preferred algorithm
from django.contrib.auth import authenticate

old = PBKDF2PasswordHasher().encode("s3cret-pass", "saltsaltsalt12", iterations=1000)
User.objects.filter(pk=alice.pk).update(password=old)
claim(authenticate(username="alice", password="s3cret-pass") is not None, "the old hash still verifies")
alice.refresh_from_db()
equal(int(alice.password.split("$")[1]), want_iter, "logging in re-hashes with the current iteration count")
User.objects.filter(pk=alice.pk).update(password=make_password("s3cret-pass", hasher="md5"))
authenticate(username="alice", password="s3cret-pass")
alice.refresh_from_db()
claim(alice.password.startswith("pbkdf2_sha256$"), "a non-preferred algorithm is re-hashed with the first hasher")

from django.test import override_settings

answer_hashers = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
with override_settings(PASSWORD_HASHERS=answer_hashers):
    equal(get_hasher("default").algorithm, "argon2", "the first entry hashes new passwords")
    claim(check_password("s3cret-pass", old), "the other entries still verify existing hashes")
md5 = make_password("pw", salt="abc", hasher="md5")
with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
    claim(not check_password("pw", md5), "a hash whose algorithm is missing from the list cannot be verified")

# From here on a fast hasher keeps the check quick (the claims do not depend on it).
override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]).enable()

# --- the answer's code, verbatim ---
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password

User = get_user_model()

user = User.objects.get(username="alice")
# raises ValidationError if the password is too weak
validate_password("correct horse battery staple", user=user)
user.set_password("correct horse battery staple")  # hashes, does not save
claim(User.objects.get(pk=user.pk).password != user.password, "set_password() does not save")
user.save()

user.check_password("correct horse battery staple")  # True
claim(user.check_password("correct horse battery staple"), "check_password() is True")
user.set_unusable_password()  # e.g. for single-sign-on-only accounts
# --- end ---
claim(not user.has_usable_password() and not is_password_usable(user.password), "set_unusable_password()")

from django.core.exceptions import ValidationError

for weak, why in [("alice123", "too similar"), ("short", "too short"), ("password", "common"), ("83749201734", "numeric")]:
    with raises(ValidationError, what="validate_password rejects a weak password (%s)" % why):
        validate_password(weak, user=user)
from django.contrib.auth.password_validation import MinimumLengthValidator

equal(MinimumLengthValidator().min_length, 8, "MinimumLengthValidator defaults to eight characters")
User.objects.create_user("weak", password="1")  # no validators here
claim(True, "create_user() does not run the validators")

import pathlib

import django

tpl = pathlib.Path(django.__file__).parent / "conf/project_template/project_name/settings.py-tpl"
claim(all(v["NAME"].rsplit(".", 1)[1] in tpl.read_text() for v in VALIDATORS), "new projects enable all four validators")

# changing a password invalidates other sessions
from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("me/", lambda r: HttpResponse(r.user.username))]
from django.test import Client

bob = User.objects.create_user("bob", password="pw-one-two")
c = Client()
c.force_login(bob)
equal(c.get("/me/").content, b"bob", "logged in")
bob.set_password("another-pass-9")
bob.save()
equal(c.get("/me/").content, b"", "changing the password logs out the user's other sessions")
