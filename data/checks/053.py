"""053 formsets: the answer's GuestFormSet (extra, max_num display and
validate_max, absolute_max, can_delete/can_delete_extra, errors list,
management form, empty_form prefix), a BaseFormSet.clean(), model formsets,
and the answer's BookFormSet/edit_books view through the test client
(inline defaults, save() return, commit=False deletion, edit_only)."""
from djqcheck import claim, create_tables, equal, setup

FORM_TPL = """<form method="post">
  {% csrf_token %}
  {{ formset.management_form }}
  {{ formset.non_form_errors }}
  {% for form in formset %}
    {{ form }}
  {% endfor %}
  <button type="submit">Save</button>
</form>"""
setup(templates={"books/edit_books.html": FORM_TPL})

from django.db import models


class Author(models.Model):  # the answer imports these from .models
    name = models.CharField(max_length=50)
    title = models.CharField(max_length=10, blank=True)


class Book(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    title = models.CharField(max_length=50)
    published = models.BooleanField(default=False)


# --- the answer's code, verbatim ---
from django import forms
from django.forms import formset_factory


class GuestForm(forms.Form):
    name = forms.CharField()
    email = forms.EmailField()


GuestFormSet = formset_factory(
    GuestForm, extra=2, can_delete=True, max_num=10, validate_max=True
)

from django.forms import inlineformset_factory
from django.shortcuts import get_object_or_404, redirect, render

BookFormSet = inlineformset_factory(
    Author, Book, fields=["title", "published"], extra=1
)


def edit_books(request, pk):
    author = get_object_or_404(Author, pk=pk)
    if request.method == "POST":
        formset = BookFormSet(
            request.POST, request.FILES, instance=author
        )
        if formset.is_valid():
            formset.save()
            return redirect("author-detail", pk=author.pk)
    else:
        formset = BookFormSet(instance=author)
    return render(request, "books/edit_books.html", {"formset": formset})
# --- end ---

from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("authors/<int:pk>/books/", edit_books),
               path("authors/<int:pk>/", lambda r, pk: HttpResponse(), name="author-detail")]
create_tables()


def mgmt(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


fs = GuestFormSet()
equal(len(fs.forms), 2, "extra=2 shows two blank forms")
equal(len(formset_factory(GuestForm)().forms), 1, "extra defaults to 1")
equal(len(formset_factory(GuestForm, extra=5, max_num=3)().forms), 3, "max_num caps the forms displayed")
equal(len(formset_factory(GuestForm, extra=1, min_num=2)().forms), 3, "min_num adds to the forms displayed")
few = mgmt("form", 1) | {"form-0-name": "A", "form-0-email": "a@example.com"}
claim(formset_factory(GuestForm, min_num=2)(few).is_valid(), "without validate_min, min_num is not enforced")
claim(not formset_factory(GuestForm, min_num=2, validate_min=True)(few).is_valid(), "validate_min enforces it")
data = mgmt("form", 2) | {"form-0-name": "Ann", "form-0-email": "ann@example.com"}
fs = GuestFormSet(data)
claim(fs.is_valid(), "an untouched extra form is not validated")
equal(fs.errors, [{}, {}], "formset.errors is a list with one dict per form")
many = mgmt("form", 11) | {f"form-{i}-name": "x" for i in range(11)} | {f"form-{i}-email": "x@example.com" for i in range(11)}
fs = GuestFormSet(many)
claim(not fs.is_valid() and fs.non_form_errors(), "validate_max enforces max_num on submitted data")
Loose = formset_factory(GuestForm, max_num=10)
claim(Loose(many).is_valid(), "without validate_max, max_num is not enforced on submitted data")
Capped = formset_factory(GuestForm, max_num=5, absolute_max=5)
big = mgmt("form", 50)
fs = Capped(big)
claim(len(fs.forms) == 5 and not fs.is_valid(), "absolute_max caps how many forms are built from POST data")

html = str(GuestFormSet().forms[0])
claim('name="form-0-DELETE"' in html, "can_delete adds a DELETE checkbox")
NoExtraDelete = formset_factory(GuestForm, extra=1, can_delete=True, can_delete_extra=False)
claim("DELETE" not in str(NoExtraDelete().forms[0]), "can_delete_extra=False hides it on the blank forms")
d = mgmt("form", 2) | {"form-0-name": "A", "form-0-email": "a@example.com", "form-1-name": "B",
                       "form-1-email": "b@example.com", "form-1-DELETE": "on"}
fs = GuestFormSet(d)
fs.is_valid()
equal([f.cleaned_data["name"] for f in fs.deleted_forms], ["B"], "deleted_forms lists the forms marked for deletion")

from django.forms import BaseFormSet


class BaseGuestFormSet(BaseFormSet):
    def clean(self):
        emails = [f.cleaned_data.get("email") for f in self.forms if f.cleaned_data]
        if len(emails) != len(set(emails)):
            raise forms.ValidationError("Each guest needs a different email.")


Unique = formset_factory(GuestForm, formset=BaseGuestFormSet, extra=0)
dup = mgmt("form", 2) | {"form-0-name": "A", "form-0-email": "a@example.com", "form-1-name": "B", "form-1-email": "a@example.com"}
fs = Unique(dup)
claim(not fs.is_valid(), "cross-form rules go in BaseFormSet.clean()")
equal(list(fs.non_form_errors()), ["Each guest needs a different email."], "its errors appear in non_form_errors()")

fs = GuestFormSet({"form-0-name": "A"})
claim(not fs.is_valid() and "ManagementForm data is missing" in str(fs.non_form_errors()),
      "without the management form the formset is invalid")
claim('name="form-TOTAL_FORMS"' in str(GuestFormSet().management_form), "the management form has form-TOTAL_FORMS")
claim('name="form-__prefix__-name"' in str(GuestFormSet().empty_form), "empty_form's prefix is __prefix__")
claim('name="guests-0-name"' in str(GuestFormSet(prefix="guests").forms[0]), "prefix= renames the fields")

from django.forms import modelformset_factory

Author.objects.create(name="A1")
Author.objects.create(name="A2")
AuthorFormSet = modelformset_factory(Author, fields=["name", "title"])
equal(len(AuthorFormSet().forms), 3, "a model formset: one form per object (all by default) plus extra")
equal(len(AuthorFormSet(queryset=Author.objects.filter(name="A1")).forms), 2, "queryset= narrows it")

author = Author.objects.get(name="A1")
b1 = Book.objects.create(author=author, title="B1")
b2 = Book.objects.create(author=author, title="B2")
Default = inlineformset_factory(Author, Book, fields=["title"])
claim(Default.can_delete and Default.extra == 3, "inline formsets: can_delete defaults to True, extra to 3")
from django.test import Client

c = Client()
html = c.get(f"/authors/{author.pk}/books/").content.decode()
claim('name="book_set-TOTAL_FORMS" value="3"' in html, "GET renders two existing forms plus extra=1 with the management form")
post = mgmt("book_set", 3, 2) | {
    "book_set-0-id": b1.pk, "book_set-0-author": author.pk, "book_set-0-title": "B1 edited",
    "book_set-1-id": b2.pk, "book_set-1-author": author.pk, "book_set-1-title": "B2", "book_set-1-DELETE": "on",
    "book_set-2-author": author.pk, "book_set-2-title": "B3", "book_set-2-published": "on",
}
r = c.post(f"/authors/{author.pk}/books/", post)
equal(r["Location"], f"/authors/{author.pk}/", "a valid POST saves and redirects")
equal(sorted(author.book_set.values_list("title", "published")), [("B1 edited", False), ("B3", True)],
      "save() updates, creates with the parent's foreign key, and deletes the marked ones")

b3 = Book.objects.get(title="B3")
data = mgmt("book_set", 2, 2) | {
    "book_set-0-id": b1.pk, "book_set-0-title": "B1 edited",
    "book_set-1-id": b3.pk, "book_set-1-title": "B3", "book_set-1-published": "on", "book_set-1-DELETE": "on",
}
fs = BookFormSet(data, instance=author)
fs.is_valid()
saved = fs.save(commit=False)
equal(saved, [], "unchanged forms are skipped")
claim(Book.objects.filter(pk=b3.pk).exists(), "with commit=False nothing is deleted")
equal(fs.deleted_objects, [b3], "deleted_objects lists them for you to delete")
claim(hasattr(fs, "save_m2m"), "save_m2m() exists after commit=False")
data["book_set-0-title"] = "B1 again"
fs = BookFormSet(data, instance=author)
fs.is_valid()
equal([b.title for b in fs.save()], ["B1 again"], "save() returns the instances it saved")

EditOnly = inlineformset_factory(Author, Book, fields=["title"], extra=0, edit_only=True)
data = mgmt("book_set", 1, 0) | {"book_set-0-title": "sneaky"}
fs = EditOnly(data, instance=author)
fs.is_valid()
fs.save()
claim(not Book.objects.filter(title="sneaky").exists(), "edit_only=True refuses to add objects")



class Loan(models.Model):
    lender = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="lent")
    borrower = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="borrowed")


from djqcheck import raises

with raises(ValueError, "fk_name", what="with several foreign keys to the parent, fk_name must pick one"):
    inlineformset_factory(Author, Loan, fields=["lender"])
equal(inlineformset_factory(Author, Loan, fields=["lender"], fk_name="borrower").fk.name, "borrower", "fk_name picks the key")
from django.contrib.admin.options import InlineModelAdmin

claim("inlineformset_factory" in InlineModelAdmin.get_formset.__code__.co_names, "admin inlines are built on inline formsets")
