"""064 permissions and groups: the answer's shop.Order with a custom
permission, granting through a group, has_perm/has_perms, the decorator and
mixin responses, perms in templates, superuser/inactive/object rules, proxy
permissions, permission caching, and 6.1's Permission.user_perm_str and permission
renaming on RenameModel (5.2 keeps the old rows)."""
import os
import sys
import tempfile

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

SHOP_MODELS = """\
from django.db import models


class Order(models.Model):
    total = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        permissions = [
            ("refund_order", "Can refund an order"),
        ]


class ArchivedOrder(Order):
    class Meta:
        proxy = True
"""
# "zoo": a migrated app whose second migration renames Cat to Feline.
ZOO = {
    "__init__.py": "",
    "models.py": "from django.db import models\n\n\nclass Feline(models.Model):\n    pass\n",
    "migrations/__init__.py": "",
    "migrations/0001_initial.py": (
        "from django.db import migrations, models\n\n\n"
        "class Migration(migrations.Migration):\n"
        "    initial = True\n"
        "    operations = [migrations.CreateModel('Cat', [('id', models.AutoField(primary_key=True))])]\n"
    ),
    "migrations/0002_rename.py": (
        "from django.db import migrations\n\n\n"
        "class Migration(migrations.Migration):\n"
        "    dependencies = [('zoo', '0001_initial'), ('contenttypes', '0002_remove_content_type_name')]\n"
        "    operations = [migrations.RenameModel('Cat', 'Feline')]\n"
    ),
}
root = tempfile.mkdtemp()
os.mkdir(os.path.join(root, "shop"))
os.makedirs(os.path.join(root, "zoo", "migrations"))
for name, text in {"__init__.py": "", "models.py": SHOP_MODELS}.items():
    with open(os.path.join(root, "shop", name), "w") as f:
        f.write(text)
for name, text in ZOO.items():
    with open(os.path.join(root, "zoo", name), "w") as f:
        f.write(text)
sys.path.insert(0, root)

setup(
    installed_apps=["shop", "zoo"],
    templates={
        "shop/order_detail.html": "order {{ object.pk }}",
        "perms.html": "{% if perms.shop.refund_order %}can refund{% else %}no{% endif %}",
    },
    LOGIN_URL="/login/",
)
from django.core.management import call_command

call_command("migrate", "auth", verbosity=0)
call_command("migrate", "zoo", "0001", verbosity=0)  # Cat and its permissions
create_tables()  # applies zoo's RenameModel among the rest

from django.contrib.auth.models import User

from django.contrib.auth.models import Permission as P

user = User.objects.create_user("sam", password="pw")
equal(
    sorted(P.objects.filter(content_type__app_label="shop", content_type__model="order").values_list("codename", flat=True)),
    ["add_order", "change_order", "delete_order", "refund_order", "view_order"],
    "migrate creates add/change/delete/view plus Meta.permissions",
)

# --- Granting and checking, verbatim ---
from django.contrib.auth.models import Group, Permission

support, _ = Group.objects.get_or_create(name="Support")
support.permissions.add(
    Permission.objects.get(
        codename="refund_order", content_type__app_label="shop"
    )
)
user.groups.add(support)

user.has_perm("shop.refund_order")                        # one permission
user.has_perms(["shop.view_order", "shop.refund_order"])  # all of them
# --- end ---
claim(user.has_perm("shop.refund_order"), "a user in a group has the group's permissions")
claim(not user.has_perms(["shop.view_order", "shop.refund_order"]), "has_perms() needs all of them")

# --- Views, verbatim (relative import replaced) ---
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import DetailView

from shop.models import ArchivedOrder, Order


@permission_required("shop.refund_order", raise_exception=True)
def refund(request, pk): ...


class OrderDetail(PermissionRequiredMixin, DetailView):
    model = Order
    permission_required = "shop.view_order"
# --- end ---

from django.http import HttpResponse
from django.test import Client
from django.urls import path


@permission_required("shop.refund_order")
def refund_redirect(request, pk):
    return HttpResponse("ok")


urlpatterns = [
    path("answer-refund/<int:pk>/", refund),
    path("refund/<int:pk>/", permission_required("shop.refund_order", raise_exception=True)(lambda r, pk: HttpResponse("refunded"))),
    path("refund-redirect/<int:pk>/", refund_redirect),
    path("orders/<int:pk>/", OrderDetail.as_view()),
    path("perms/", lambda r: __import__("django.shortcuts", fromlist=["render"]).render(r, "perms.html")),
]
order = Order.objects.create(total=10)
other = User.objects.create_user("olga", password="pw")
c = Client()
c.force_login(other)
equal(c.get(f"/answer-refund/{order.pk}/").status_code, 403, "raise_exception=True gives a 403")
r = c.get(f"/refund-redirect/{order.pk}/")
equal((r.status_code, r.url.split("?")[0]), (302, "/login/"), "without raise_exception the decorator redirects to the login page")
equal(c.get(f"/orders/{order.pk}/").status_code, 403, "PermissionRequiredMixin: logged-in users without the permission get 403")
equal(Client().get(f"/orders/{order.pk}/").status_code, 302, "PermissionRequiredMixin: anonymous users are redirected")
equal(c.get("/perms/").content, b"no", "perms in templates: no permission")
c.force_login(user)
equal(c.get(f"/refund/{order.pk}/").status_code, 200, "the decorated view runs for a user with the permission")
equal(c.get("/perms/").content, b"can refund", "{% if perms.shop.refund_order %} works")

# Rules
root_user = User.objects.create_superuser("root", password="pw")
claim(root_user.has_perm("shop.anything_at_all"), "an active superuser passes every has_perm() check")
root_user.is_active = False
claim(not root_user.has_perm("shop.refund_order"), "inactive users get no permissions")
fresh = User.objects.get(pk=user.pk)
claim(not fresh.has_perm("shop.refund_order", order), "ModelBackend grants nothing when an object is passed")
claim(User.objects.get(pk=root_user.pk).has_perm("shop.refund_order", order), "except for active superusers")
from django.contrib.contenttypes.models import ContentType

proxy_ct = ContentType.objects.get_for_model(ArchivedOrder, for_concrete_model=False)
equal(
    sorted(Permission.objects.filter(content_type=proxy_ct).values_list("codename", flat=True)),
    ["add_archivedorder", "change_archivedorder", "delete_archivedorder", "view_archivedorder"],
    "proxy models get their own content type and permissions",
)

# Permission caching
u = User.objects.get(pk=other.pk)
claim(not u.has_perm("shop.view_order"), "first check fills the cache")
u.user_permissions.add(Permission.objects.get(codename="view_order"))
claim(not u.has_perm("shop.view_order"), "the same object still gives the old answer")
u.refresh_from_db()
claim(not u.has_perm("shop.view_order"), "refresh_from_db() does not clear the permission cache")
claim(User.objects.get(pk=u.pk).has_perm("shop.view_order"), "a user fetched again sees the new permission")

perm = Permission.objects.get(codename="refund_order")
zoo = sorted(Permission.objects.filter(content_type__app_label="zoo").values_list("codename", flat=True))
if since(6, 1):
    equal(perm.user_perm_str, "shop.refund_order", "6.1: Permission.user_perm_str gives the has_perm() string")
    equal(zoo, ["add_feline", "change_feline", "delete_feline", "view_feline"], "6.1: migrate renames the default permissions of a renamed model")
else:
    claim(not hasattr(perm, "user_perm_str"), "user_perm_str is new in 6.1")
    equal(zoo, sorted(f"{a}_{m}" for a in ("add", "change", "delete", "view") for m in ("cat", "feline")), "5.2: the old codenames stay and migrate creates new ones")
