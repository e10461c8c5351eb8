"""010 admin: the answer's registrations run as written; createsuperuser
--noinput with DJANGO_SUPERUSER_PASSWORD, is_staff needed to log in, the
model shows up only once registered, system checks pass."""
import io
import os

from djqcheck import claim, create_tables, equal, setup

setup(installed_apps=["django.contrib.admin", "django.contrib.staticfiles"], STATIC_URL="static/")

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    published = models.DateField(null=True)

    def __str__(self):
        return self.title


class Unregistered(models.Model):
    name = models.CharField(max_length=10)


# books/admin.py
from django.contrib import admin

admin.site.register(Author)  # default options


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "published"]
    search_fields = ["title"]


# mysite/urls.py
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]

from django.core import checks

errors = [e for e in checks.run_checks() if e.level >= checks.ERROR]
equal(errors, [], "the default admin setup passes the system checks")
create_tables()

from django.core.management import call_command

os.environ["DJANGO_SUPERUSER_PASSWORD"] = "pw-123-xyz"
call_command("createsuperuser", "--noinput", username="boss", email="b@example.com",
             stdout=io.StringIO())
from django.contrib.auth import get_user_model

User = get_user_model()
boss = User.objects.get(username="boss")
claim(boss.is_superuser and boss.is_staff and boss.check_password("pw-123-xyz"),
      "createsuperuser --noinput takes the password from DJANGO_SUPERUSER_PASSWORD")

from django.test import Client

c = Client()
r = c.get("/admin/")
equal((r.status_code, r["Location"].split("?")[0]), (302, "/admin/login/"),
      "anonymous users are sent to the admin login")
claim(c.login(username="boss", password="pw-123-xyz"), "the superuser logs in")
index = c.get("/admin/").content.decode()
claim("/admin/djqcheck/book/" in index and "/admin/djqcheck/author/" in index,
      "registered models appear in the admin")
claim("unregistered" not in index.lower(), "a model that is not registered does not appear")
a = Author.objects.create(name="Le Guin")
Book.objects.create(title="Earthsea", author=a)
Book.objects.create(title="Dune", author=a)
changelist = c.get("/admin/djqcheck/book/?q=Earth").content.decode()
claim("Earthsea" in changelist and "Dune" not in changelist, "search_fields searches by title")
claim("Le Guin" in changelist, "list_display shows the author through its __str__")

# A user without is_staff cannot log in; a staff user sees only permitted models.
User.objects.create_user("joe", password="pw-123-xyz")
c2 = Client()
r = c2.post("/admin/login/", {"username": "joe", "password": "pw-123-xyz"})
claim(r.status_code == 200 and "_auth_user_id" not in c2.session, "non-staff users cannot log in")
staff = User.objects.create_user("sam", password="pw-123-xyz", is_staff=True)
c3 = Client()
c3.login(username="sam", password="pw-123-xyz")
claim("/admin/djqcheck/book/" not in c3.get("/admin/").content.decode(),
      "a staff user without permissions sees no models")
from django.contrib.auth.models import Permission

staff.user_permissions.add(Permission.objects.get(codename="view_book"))
claim("/admin/djqcheck/book/" in c3.get("/admin/").content.decode(),
      "with the view permission, the model appears")

# An already logged-in user opening the login page.
from djqcheck import since

r = c.get("/admin/login/?next=/admin/djqcheck/book/")
equal((r.status_code, r["Location"]),
      (302, "/admin/djqcheck/book/" if since(6, 1) else "/admin/"),
      "since 6.1 a logged-in user on the login page goes to next (5.2: the admin index)")
r = c.get("/admin/login/?next=https://evil.example/")
equal((r.status_code, r["Location"]), (302, "/admin/"), "an unsafe next URL is ignored: the admin index")
r = Client()
r.login(username="joe", password="pw-123-xyz")
equal(r.get("/admin/login/?next=/admin/djqcheck/book/").status_code, 200,
      "a logged-in user without admin access still gets the login form")
