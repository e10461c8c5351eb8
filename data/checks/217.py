"""217 securing the admin: the answer's urls.py (admin moved off /admin/) and
read-only LogEntryAdmin as written, through the test client: /admin/ is 404,
anonymous and non-staff users are redirected to the admin login, inactive
staff too; a view-only staff user sees the changelist and a read-only change
page but gets 403 on add and cannot save; a superuser can; admin changes write
LogEntry rows (CHANGE with the changed field, ADDITION, DELETION) while ORM
changes write none; LogEntryAdmin allows viewing only; disable_action removes
delete_selected; check --deploy warns about the missing HTTPS settings;
log_actions() exists and log_action() is gone in 6.0+."""
from djqcheck import claim, create_tables, equal, setup, since

setup(installed_apps=["django.contrib.admin"])

from django.db import models


class Order(models.Model):
    title = models.CharField(max_length=100)

    def __str__(self):
        return self.title


from django.contrib import admin

admin.site.register(Order)

from django.contrib import admin
from django.contrib.admin.models import LogEntry


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    list_display = ["action_time", "user", "content_type", "object_repr", "action_flag"]
    list_filter = ["action_flag", "content_type"]
    search_fields = ["object_repr", "change_message"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# admin.py modules load before the URLconf, as autodiscover() does
# urls.py
from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("backoffice-7f3a/", admin.site.urls),  # not "admin/"
]

create_tables()
from django.contrib.admin.models import ADDITION, CHANGE, DELETION
from django.contrib.auth.models import Permission, User
from django.test import Client

B = "/backoffice-7f3a/"
anon = Client()
equal(anon.get("/admin/").status_code, 404, "the admin is no longer at /admin/")
r = anon.get(B)
equal((r.status_code, r["Location"].split("?")[0]), (302, B + "login/"), "anonymous users are sent to the admin login")

customer = User.objects.create_user("cust", password="pw")
c = Client()
c.force_login(customer)
r = c.get(B)
equal((r.status_code, r["Location"].split("?")[0]), (302, B + "login/"), "a logged-in non-staff user is redirected to the admin login, never the index")
r = c.get(B + "login/")
claim("not authorized to access this page" in r.content.decode(), "the login page says the account is not authorized")

inactive = User.objects.create_user("gone", password="pw", is_staff=True, is_active=False)
claim(not admin.site.has_permission(type("R", (), {"user": inactive})()), "has_permission() needs is_active")
claim(admin.site.has_permission(type("R", (), {"user": User(is_staff=True, is_active=True)})()), "is_active and is_staff suffice for the index")

order = Order.objects.create(title="first")
viewer = User.objects.create_user("support", password="pw", is_staff=True)
viewer.user_permissions.add(Permission.objects.get(codename="view_order"))
v = Client()
v.force_login(viewer)
equal(v.get(B + "djqcheck/order/").status_code, 200, "view_order lets a staff user browse orders")
r = v.get(B + "djqcheck/order/%d/change/" % order.pk)
equal(r.status_code, 200, "and open one")
claim('name="title"' not in r.content.decode(), "read-only (no editable title field)")
equal(v.get(B + "djqcheck/order/add/").status_code, 403, "the add form is 403")
r = v.post(B + "djqcheck/order/%d/change/" % order.pk, {"title": "hacked"})
equal(r.status_code, 403, "saving changes is refused")
equal(Order.objects.get(pk=order.pk).title, "first", "nothing changed")
nobody = User.objects.create_user("staffonly", password="pw", is_staff=True)
n = Client()
n.force_login(nobody)
equal(n.get(B).status_code, 200, "a staff user without permissions reaches the index")
equal(n.get(B + "djqcheck/order/").status_code, 403, "but every model page checks permissions")

boss = User.objects.create_superuser("boss", password="pw")
s = Client()
s.force_login(boss)
equal(LogEntry.objects.count(), 0, "no entries yet")
r = s.post(B + "djqcheck/order/%d/change/" % order.pk, {"title": "second"})
equal(r.status_code, 302, "a superuser bypasses the checks and saves")
e = LogEntry.objects.get()
equal((e.user, e.action_flag, e.object_id, e.object_repr), (boss, CHANGE, str(order.pk), "second"), "the change writes a LogEntry: who, which object, CHANGE")
claim("Title" in e.get_change_message(), "the change message names the changed field: %r" % e.get_change_message())
claim("first" not in e.change_message, "but not the old value")
s.post(B + "djqcheck/order/add/", {"title": "third"})
third = Order.objects.get(title="third")
s.post(B + "djqcheck/order/%d/delete/" % third.pk, {"post": "yes"})
equal(list(LogEntry.objects.order_by("pk").values_list("action_flag", flat=True)), [CHANGE, ADDITION, DELETION], "additions and deletions are logged too")
Order.objects.filter(pk=order.pk).update(title="orm")
Order.objects.create(title="shell")
equal(LogEntry.objects.count(), 3, "ORM changes outside the admin write no LogEntry")

equal(s.get(B + "admin/logentry/").status_code, 200, "LogEntryAdmin is browsable")
equal(s.get(B + "admin/logentry/add/").status_code, 403, "but nobody can add entries")
equal(s.get(B + "admin/logentry/%d/delete/" % e.pk).status_code, 403, "or delete them")
r = s.get(B + "admin/logentry/%d/change/" % e.pk)
equal(r.status_code, 200, "the change page is view-only")
claim("_save" not in r.content.decode(), "without a save button")

claim("delete_selected" in dict(admin.site.actions), "delete_selected is a site-wide action")
admin.site.disable_action("delete_selected")
claim("delete_selected" not in dict(admin.site.actions), "disable_action('delete_selected') removes it")

from io import StringIO

from django.core.management import call_command
from django.core.management.base import SystemCheckError

out = StringIO()
try:
    call_command("check", deploy=True, stdout=out, stderr=out)
except SystemCheckError as exc:
    out.write(str(exc))
text = out.getvalue()
for wid, what in [("security.W008", "SECURE_SSL_REDIRECT"), ("security.W012", "SESSION_COOKIE_SECURE"), ("security.W016", "CSRF_COOKIE_SECURE"), ("security.W004", "SECURE_HSTS_SECONDS")]:
    claim(wid in text, "check --deploy warns when %s is missing (%s)" % (what, wid))

from django.contrib.admin.models import LogEntryManager

claim(hasattr(LogEntryManager, "log_actions"), "LogEntry.objects.log_actions() exists (5.1+)")
if since(6, 0):
    claim(not hasattr(LogEntryManager, "log_action"), "log_action() was removed in 6.0")

# A superuser without is_staff passes permission checks but cannot enter the admin.
root = User.objects.create_user("root2", password="pw", is_superuser=True, is_staff=False)
claim(root.has_perm("djqcheck.delete_order"), "is_superuser passes every permission check")
rc = Client()
rc.force_login(root)
equal(rc.get(B).status_code, 302, "but without is_staff a superuser is still sent to the admin login")
