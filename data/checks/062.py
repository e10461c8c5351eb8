"""062 custom user model: the answer's AbstractUser subclass as
AUTH_USER_MODEL, its admin registration, the two ways to reference it,
what AbstractBaseUser provides, and UserCreationForm being tied to auth.User."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since

import os
import sys
import tempfile

# The answer's accounts app, written out as files (verbatim).
ACCOUNTS_MODELS = """\
# accounts/models.py
from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    pass  # same fields as auth.User for now; add your own later
"""
ACCOUNTS_ADMIN = """\
# accounts/admin.py
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User

admin.site.register(User, UserAdmin)
"""
root = tempfile.mkdtemp()
os.mkdir(os.path.join(root, "accounts"))
for name, text in {"__init__.py": "", "models.py": ACCOUNTS_MODELS, "admin.py": ACCOUNTS_ADMIN}.items():
    with open(os.path.join(root, "accounts", name), "w") as f:
        f.write(text)
sys.path.insert(0, root)

setup(
    AUTH_USER_MODEL="accounts.User",  # "<app label>.<ModelName>"
    installed_apps=["accounts", "django.contrib.admin"],
)
from accounts.models import User
from django.contrib import admin

# --- referring to the user model, verbatim ---
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models


class Article(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE
    )


def active_users():
    User = get_user_model()
    return User.objects.filter(is_active=True)
# --- end ---

from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
create_tables()

claim(get_user_model() is User, "get_user_model() returns the AUTH_USER_MODEL class")
claim(Article._meta.get_field("author").related_model is User, "a ForeignKey to settings.AUTH_USER_MODEL points at the custom model")
equal(
    sorted(f.name for f in User._meta.concrete_fields),
    sorted(["id", "password", "last_login", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active", "date_joined"]),
    "AbstractUser gives the same fields as auth.User",
)
u = User.objects.create_user("ann", password="pw")
User.objects.create_user("bob", password="pw", is_active=False)
equal(list(active_users()), [u], "active_users() filters the swapped model")
from django.db import connection

claim("accounts_user" in connection.introspection.table_names() and "auth_user" not in connection.introspection.table_names(), "the swapped-out auth.User gets no table")

from django.test import Client

admin_user = User.objects.create_superuser("root", password="pw")
c = Client()
c.force_login(admin_user)
equal(c.get("/admin/accounts/user/add/").status_code, 200, "UserAdmin works for an AbstractUser subclass")
equal(c.get(f"/admin/accounts/user/{u.pk}/change/").status_code, 200, "the admin change page works too")

# AbstractBaseUser: only the core
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin


class Member(AbstractBaseUser):
    email = models.EmailField(unique=True)
    USERNAME_FIELD = "email"


equal(sorted(f.name for f in Member._meta.concrete_fields), ["email", "id", "last_login", "password"], "AbstractBaseUser gives only password and last_login")
m = Member(email="a@example.com")
claim(m.is_active is True, "is_active is an attribute that defaults to True")
m.set_password("s3cret")
claim(m.check_password("s3cret") and not m.check_password("x"), "set_password()/check_password() helpers")
claim(not hasattr(Member, "has_perm") and not hasattr(Member, "is_staff"), "the admin needs is_staff/has_perm() you add (or PermissionsMixin)")
claim({"is_superuser", "groups", "user_permissions"} <= {f.name for f in PermissionsMixin._meta.get_fields()} and hasattr(PermissionsMixin, "has_perm"), "PermissionsMixin adds is_superuser, groups and has_perm()")
claim(hasattr(BaseUserManager, "normalize_email"), "managers are based on BaseUserManager")

from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.contrib.auth.models import User as AuthUser

claim(UserCreationForm._meta.model is AuthUser and UserChangeForm._meta.model is AuthUser, "UserCreationForm and UserChangeForm are tied to the default model")
