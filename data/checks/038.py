"""038 Form vs ModelForm: the answer's ContactForm/ArticleForm and
create_article view (commit=False + save_m2m), generated field types and
options, fields required in Meta, unique validation and clean()/super()."""
from djqcheck import claim, create_tables, equal, raises, setup

setup(templates={"blog/article_form.html": "{{ form.errors }}"})

from django.conf import settings
from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=20)


class Article(models.Model):  # the answer imports it from .models
    title = models.CharField("headline", max_length=100, unique=True, help_text="Short")
    body = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True)
    views = models.IntegerField(default=0, editable=False)
    status = models.CharField(max_length=1, choices=[("d", "Draft"), ("p", "Published")], default="d")


# --- the answer's code, verbatim (minus the relative imports) ---
from django import forms


class ContactForm(forms.Form):
    email = forms.EmailField()
    message = forms.CharField(widget=forms.Textarea)


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "body", "tags"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}


from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render


@login_required
def create_article(request):
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        article = form.save(commit=False)
        article.author = request.user
        article.save()
        form.save_m2m()
        return redirect("article-detail", pk=article.pk)
    return render(request, "blog/article_form.html", {"form": form})
# --- end ---

from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("new/", create_article),
    path("a/<int:pk>/", lambda r, pk: HttpResponse(), name="article-detail"),
]
create_tables()

f = ContactForm({"email": "a@example.com", "message": "hi"})
claim(f.is_valid() and f.cleaned_data == {"email": "a@example.com", "message": "hi"},
      "a plain Form validates input into cleaned_data")
claim(not hasattr(f, "save"), "a plain Form has no save()")

fields = ArticleForm().fields
equal(type(fields["title"]).__name__, "CharField", "a CharField stays a CharField")
equal(fields["title"].max_length, 100, "it keeps its max_length")
equal((fields["title"].label, fields["title"].help_text), ("Headline", "Short"), "verbose_name becomes the label; help_text carries over")
equal(type(fields["tags"]).__name__, "ModelMultipleChoiceField", "a ManyToManyField becomes a ModelMultipleChoiceField")
claim(not fields["body"].required, "blank=True makes the form field optional")
equal(fields["body"].widget.attrs.get("rows"), 8, "Meta.widgets customises the generated field")


class AllForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = "__all__"


af = AllForm().fields
equal(type(af["author"]).__name__, "ModelChoiceField", "a ForeignKey becomes a ModelChoiceField")
equal(type(af["status"]).__name__, "TypedChoiceField", "choices produce a select box")
equal(type(af["status"].widget).__name__, "Select", "choices produce a select box")
claim("views" not in af, "editable=False fields are left out")
equal(type(ArticleForm.base_fields["body"].widget).__name__, "Textarea", "a TextField gets a Textarea")

from django.core.exceptions import ImproperlyConfigured

with raises(ImproperlyConfigured, "fields", what="defining neither fields nor exclude raises ImproperlyConfigured"):
    class NoFields(forms.ModelForm):
        class Meta:
            model = Article


class Declared(forms.ModelForm):
    title = forms.CharField()

    class Meta:
        model = Article
        fields = ["title"]


claim(Declared().fields["title"].max_length is None, "a declared field does not inherit the model field's settings")

from django.contrib.auth.models import User
from django.test import Client

t1 = Tag.objects.create(name="x")
u = User.objects.create_user("ann", password="pw")
c = Client()
c.force_login(u)
r = c.post("/new/", {"title": "T1", "body": "b", "tags": [t1.pk]})
a = Article.objects.get()
equal((r.status_code, r["Location"]), (302, f"/a/{a.pk}/"), "a valid POST saves and redirects")
equal((a.author, list(a.tags.all())), (u, [t1]), "commit=False lets the view set the author; save_m2m() saves the tags")

# model validation: uniqueness, only for included fields
dup = ArticleForm({"title": "T1", "body": ""})
claim(not dup.is_valid() and "title" in dup.errors, "a ModelForm also runs uniqueness checks")


class NoSuper(ArticleForm):
    def clean(self):
        return self.cleaned_data


claim(NoSuper({"title": "T1", "body": ""}).is_valid(), "overriding clean() without super().clean() skips the uniqueness check")

edit = ArticleForm({"title": "T2", "body": "x"}, instance=a)
edit.save()
equal((Article.objects.count(), Article.objects.get().title), (1, "T2"), "save() updates the instance passed as instance=")

# the select box's empty option: "---------" on 5.2, "- Select an option -" since 6.1
from djqcheck import since

want = "- Select an option -" if since(6, 1) else "---------"
equal(str(Article._meta.get_field("status").get_choices()[0][1]), want, "the blank choice label by version")
equal(str(AllForm().fields["author"].empty_label), want, "a ModelChoiceField's empty label by version")

if since(6, 1):
    from django.test import override_settings
    from django.utils.deprecation import RemovedInDjango70Warning
    from djqcheck import warns

    with warns(RemovedInDjango70Warning, "USE_BLANK_CHOICE_DASH", what="6.1: the transitional setting is itself deprecated"):
        with override_settings(USE_BLANK_CHOICE_DASH=True):
            equal(str(Article._meta.get_field("status").get_choices()[0][1]), "---------",
                  "6.1: USE_BLANK_CHOICE_DASH = True brings back the dashes")
