"""067 admin inlines and actions: the answer's OrderAdmin inline (form
counts, readonly field), the make_published action run through the change
list (update, message, permission gating), delete_selected skipping
Model.delete(), the ways to remove actions, and 6.1's get_actions()."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since, warns

setup(installed_apps=["django.contrib.admin"])

from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=20)


class Order(models.Model):
    number = models.CharField(max_length=20)


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    quantity = models.IntegerField(default=1)
    price = models.IntegerField(default=0)


DELETED = []


class Article(models.Model):
    title = models.CharField(max_length=20)
    status = models.CharField(max_length=20, default="draft")

    def delete(self, *args, **kwargs):
        DELETED.append(self.pk)
        return super().delete(*args, **kwargs)


# --- the answer's admin code, verbatim (relative imports dropped) ---
from django.contrib import admin


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 1  # empty forms shown for new lines (default 3)
    min_num = 1
    fields = ["product", "quantity", "price"]
    readonly_fields = ["price"]
    show_change_link = True


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    inlines = [OrderLineInline]


from django.contrib import admin, messages


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status"]
    actions = ["make_published"]

    @admin.action(
        description="Mark selected articles as published",
        permissions=["change"],
    )
    def make_published(self, request, queryset):
        updated = queryset.update(status="published")
        self.message_user(
            request, f"{updated} articles published.", messages.SUCCESS
        )
# --- end ---

from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
create_tables()

from django.contrib.auth.models import Permission, User
from django.test import Client, RequestFactory
from django.test.utils import setup_test_environment

setup_test_environment()

equal(admin.options.InlineModelAdmin.extra, 3, "InlineModelAdmin.extra defaults to 3")
root = User.objects.create_superuser("root", password="pw")
c = Client()
c.force_login(root)
r = c.get("/admin/djqcheck/order/add/")
equal(r.status_code, 200, "the order add page renders with the inline")
fs = r.context["inline_admin_formsets"][0].formset
equal(fs.total_form_count(), 2, "min_num=1 plus extra=1 empty forms")
claim("price" not in fs.forms[0].fields and "product" in fs.forms[0].fields, "readonly_fields are shown, not edited")
claim(r.context["inline_admin_formsets"][0].opts.show_change_link, "show_change_link")
from django.forms.models import BaseInlineFormSet

claim(isinstance(fs, BaseInlineFormSet), "inlines are inline formsets underneath")
claim(b"tabular" in r.content, "TabularInline renders the tabular template")
equal(admin.StackedInline.template, "admin/edit_inline/stacked.html", "StackedInline differs only by template")

# The action through the change list
a1, a2, a3 = (Article.objects.create(title=t) for t in "abc")
r = c.post("/admin/djqcheck/article/", {"action": "make_published", "_selected_action": [a1.pk, a2.pk]}, follow=True)
equal(sorted(Article.objects.filter(status="published").values_list("title", flat=True)), ["a", "b"], "the action receives the selected rows as a queryset")
claim("2 articles published." in [str(m) for m in r.context["messages"]], "message_user shows the result")
equal(r.redirect_chain[-1][0], "/admin/djqcheck/article/", "returning None sends the user back to the change list")

ma = admin.site._registry[Article]
viewer = User.objects.create_user("viewer", password="pw", is_staff=True)
viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
req = RequestFactory().get("/")
req.user = User.objects.get(pk=viewer.pk)
claim("make_published" not in ma.get_actions(req), "permissions=['change'] hides the action from users without change permission")
claim("delete_selected" not in ma.get_actions(req), "delete_selected is offered only with delete permission")
req.user = root
claim({"make_published", "delete_selected"} <= set(ma.get_actions(req)), "superuser sees both actions")
if since(6, 1):
    act = ma.get_actions(req)["make_published"]
    equal(act.description, "Mark selected articles as published", "6.1: get_actions() values are Action objects")
    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, "index", what="6.1: indexing an Action like a tuple still works but is deprecated"):
        equal(act[2], "Mark selected articles as published", "the old tuple index still gives the description")
else:
    equal(ma.get_actions(req)["make_published"][2], "Mark selected articles as published", "5.2: get_actions() values are (function, name, description) tuples")

# delete_selected: confirmation, then QuerySet.delete() (Model.delete() not called)
r = c.post("/admin/djqcheck/article/", {"action": "delete_selected", "_selected_action": [a3.pk]})
claim(b"Are you sure" in r.content, "delete_selected asks for confirmation")
c.post("/admin/djqcheck/article/", {"action": "delete_selected", "_selected_action": [a3.pk], "post": "yes"})
claim(not Article.objects.filter(pk=a3.pk).exists() and DELETED == [], "delete_selected deletes with QuerySet.delete(), not Model.delete()")

# Removing actions
class NoActions(admin.ModelAdmin):
    actions = None


equal(NoActions(Article, admin.site).get_actions(req), {}, "actions = None turns all actions off")
site = admin.AdminSite(name="other")
site.disable_action("delete_selected")
equal(dict(site.actions), {}, "disable_action('delete_selected') removes it site-wide")


def export(modeladmin, request, queryset):
    pass


site.add_action(export)
equal(dict(site.actions), {"export": export}, "add_action() registers an action for every model")

if since(6, 1):
    from django.contrib.admin import ActionLocation

    @admin.action(location=[ActionLocation.CHANGE_FORM, ActionLocation.CHANGE_LIST], description="Publish", description_plural="Publish selected")
    def publish(modeladmin, request, queryset):
        pass

    class Both(admin.ModelAdmin):
        actions = [publish]

    b = Both(Article, admin.site)
    claim("publish" in b.get_actions(req, action_location=ActionLocation.CHANGE_FORM), "6.1: location= makes an action available on the change form")
    claim("make_published" not in ma.get_actions(req, action_location=ActionLocation.CHANGE_FORM), "actions default to the change list only")

    class OldStyle(admin.ModelAdmin):
        def get_actions(self, request):
            return super().get_actions(request)

    from django.utils.deprecation import RemovedInDjango70Warning

    with warns(RemovedInDjango70Warning, "action_location", what="6.1: overriding get_actions() without action_location is deprecated"):
        o = OldStyle(Article, admin.site)
        o.get_action_choices(req)
