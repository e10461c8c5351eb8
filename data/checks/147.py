"""147 ListView/DetailView: default template and context names, pagination
context and ?page=last / invalid page 404, slug lookup and 404,
get_queryset/get_context_data overrides, owner-filtered DetailView 404,
UnorderedObjectListWarning, select_related in the queryset; FETCH_PEERS on 6.1."""
from djqcheck import claim, create_tables, equal, queries, raises, setup, since, warns

setup(templates={
    "djqcheck/book_list.html": """{% for book in book_list %}
  <a href="{{ book.get_absolute_url }}">{{ book.title }}</a>
{% empty %}
  <p>No books yet.</p>
{% endfor %}
{% if page_obj.has_next %}
  <a href="?page={{ page_obj.next_page_number }}">Next</a>
{% endif %}""",
    "djqcheck/book_detail.html": "{{ object.title }}|{{ book.author.name }}",
    "shop/author_books.html": "{{ author.name }}:{% for b in books %}{{ b.title }},{% endfor %}",
})

from django.conf import settings
from django.db import models
from django.urls import path


class Author(models.Model):
    name = models.CharField(max_length=50)


class Book(models.Model):
    title = models.CharField(max_length=50)
    slug = models.SlugField()
    author = models.ForeignKey(Author, related_name="books", on_delete=models.CASCADE)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE)

    def get_absolute_url(self):
        return "/books/%s/" % self.slug


# --- the answer's views, as written ---
from django.views.generic import DetailView, ListView


class BookListView(ListView):
    model = Book
    paginate_by = 20
    ordering = ["title"]


class BookDetailView(DetailView):
    queryset = Book.objects.select_related("author")


from django.shortcuts import get_object_or_404


class AuthorBookListView(ListView):
    template_name = "shop/author_books.html"
    context_object_name = "books"

    def get_queryset(self):
        self.author = get_object_or_404(Author, pk=self.kwargs["pk"])
        return self.author.books.order_by("title")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["author"] = self.author
        return context


class MyDraftDetailView(DetailView):
    model = Book

    def get_queryset(self):
        # other users' drafts are simply "not found"
        return Book.objects.filter(owner=self.request.user)
# --- end ---


class Unordered(ListView):
    model = Book
    paginate_by = 5


urlpatterns = [
    path("books/", BookListView.as_view(), name="book-list"),
    path("books/<slug:slug>/", BookDetailView.as_view(),
         name="book-detail"),
    path("authors/<int:pk>/books/", AuthorBookListView.as_view()),
    path("drafts/<int:pk>/", MyDraftDetailView.as_view()),
    path("unordered/", Unordered.as_view()),
]

create_tables()
from django.contrib.auth.models import User

ann_u = User.objects.create_user("ann")
bob_u = User.objects.create_user("bob")
a = Author.objects.create(name="Ann")
for i in range(45):
    Book.objects.create(title="B%02d" % i, slug="b%02d" % i, author=a, owner=ann_u)

from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()

c = Client()
r = c.get("/books/")
equal(r.templates[0].name, "djqcheck/book_list.html", "ListView's template is <app>/<model>_list.html")
claim(r.context["object_list"] is r.context["book_list"] or list(r.context["object_list"]) == list(r.context["book_list"]), "context has object_list and book_list")
equal(len(r.context["object_list"]), 20, "with paginate_by, object_list holds only the current page")
claim(all(k in r.context for k in ("paginator", "page_obj", "is_paginated")), "paginator, page_obj and is_paginated are in the context")
claim('href="?page=2"' in r.content.decode(), "page_obj.has_next renders the Next link")
equal(c.get("/books/?page=last").context["page_obj"].number, 3, "?page=last works")
equal(c.get("/books/?page=9").status_code, 404, "an invalid page number gives a 404")
equal(c.get("/books/?page=x").status_code, 404, "a non-number page gives a 404")

with queries(1, "DetailView with select_related('author'): one query for book and author"):
    r = c.get("/books/b03/")
equal(r.content, b"B03|Ann", "DetailView renders object and book in <app>/<model>_detail.html")
equal(r.templates[0].name, "djqcheck/book_detail.html", "DetailView's template name")
equal(c.get("/books/nope/").status_code, 404, "DetailView raises Http404 when no row matches")

r = c.get("/authors/%d/books/" % a.pk)
claim(r.content.decode().startswith("Ann:B00,B01,"), "get_queryset uses self.kwargs; get_context_data adds author")
equal(c.get("/authors/999/books/").status_code, 404, "get_object_or_404 in get_queryset gives 404")

bk = Book.objects.first()
c.force_login(ann_u)
equal(c.get("/drafts/%d/" % bk.pk).status_code, 200, "the owner sees the draft")
c.force_login(bob_u)
equal(c.get("/drafts/%d/" % bk.pk).status_code, 404, "other users' drafts are simply not found")

from django.core.paginator import UnorderedObjectListWarning

with warns(UnorderedObjectListWarning, what="paginating an unordered queryset warns"):
    c.get("/unordered/")

# The queryset class attribute is re-evaluated per request.
Book.objects.create(title="ZZ", slug="zz", author=a)
equal(c.get("/books/zz/").status_code, 200, "queryset as a class attribute: .all() per request sees new rows")

# One query per row without select_related; FETCH_PEERS on 6.1.
from django.template import Context, Template

t = Template("{% for b in books %}{{ b.author.name }}{% endfor %}")
with queries(1 + 46, "following a relation in the template without select_related: one query per row"):
    t.render(Context({"books": list(Book.objects.all())}))
if since(6, 1):
    with queries(2, "6.1: FETCH_PEERS turns it into two queries"):
        t.render(Context({"books": list(Book.objects.fetch_mode(models.FETCH_PEERS))}))
    t2 = Template("{% for a in authors %}{{ a.books.all|length }}{% endfor %}")
    for i in range(3):
        Author.objects.create(name="x%d" % i)
    with queries(1 + 4, "fetch modes don't affect reverse FK managers: still one query per author"):
        t2.render(Context({"authors": list(Author.objects.fetch_mode(models.FETCH_PEERS))}))
    with queries(2, "prefetch_related('books') is still what fixes that"):
        t2.render(Context({"authors": list(Author.objects.prefetch_related("books"))}))
