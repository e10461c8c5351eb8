"""013 views: the FBV and the generic CBVs run as written (template names,
context names, pagination, redirects, DeleteView GET/POST), View's 405,
HEAD and OPTIONS handling, and async views under WSGI."""
from djqcheck import claim, create_tables, equal, setup, since

setup(templates={
    "books/book_detail.html": "{{ book.title }}",
    "djqcheck/book_list.html":
        "{% for b in object_list %}{{ b.title }},{% endfor %}|{{ book_list|length }}|{{ page_obj.number }}",
    "djqcheck/book_form.html": "form:{{ form.title.name }}",
    "djqcheck/book_confirm_delete.html": "confirm {{ object.title }}",
})

from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.CharField(max_length=100)


from django.shortcuts import get_object_or_404, render


def book_detail(request, pk):
    book = get_object_or_404(Book, pk=pk)
    return render(request, "books/book_detail.html", {"book": book})


from django.http import HttpResponse
from django.views import View


class PingView(View):
    def get(self, request):
        return HttpResponse("pong")


# books/views.py
from django.urls import reverse_lazy
from django.views.generic import CreateView, DeleteView, ListView


class BookListView(ListView):
    model = Book
    ordering = ["title"]  # paginate a stable order
    paginate_by = 20


class BookCreateView(CreateView):
    model = Book
    fields = ["title", "author"]
    success_url = reverse_lazy("book-list")


class BookDeleteView(DeleteView):
    model = Book
    success_url = reverse_lazy("book-list")


class views:  # stands in for "from . import views"
    BookListView, BookCreateView, BookDeleteView = BookListView, BookCreateView, BookDeleteView


# books/urls.py
from django.urls import path

urlpatterns = [
    path("", views.BookListView.as_view(), name="book-list"),
    path("new/", views.BookCreateView.as_view(), name="book-create"),
    path(
        "<int:pk>/delete/",
        views.BookDeleteView.as_view(),
        name="book-delete",
    ),
]


async def slow_view(request):
    import asyncio

    a, b = await asyncio.gather(asyncio.sleep(0, "x"), asyncio.sleep(0, "y"))
    return HttpResponse(a + b)


urlpatterns += [
    path("books/<int:pk>/", book_detail),
    path("ping/", PingView.as_view()),
    path("async/", slow_view),
]

create_tables()
for i in range(25):
    Book.objects.create(title=f"t{i:02d}", author="a")

from django.test import Client

c = Client(enforce_csrf_checks=False)
equal(c.get("/books/3/").content, b"t02", "the FBV renders the book")
equal(c.get("/books/999/").status_code, 404, "get_object_or_404 gives a 404")

equal(c.get("/ping/").content, b"pong", "PingView.get answers GET")
equal(c.post("/ping/").status_code, 405, "an unhandled method gets 405 Method Not Allowed")
h = c.head("/ping/")
equal((h.status_code, h.content), (200, b""), "HEAD falls back to get()")
o = c.options("/ping/")
claim(o.status_code == 200 and "GET" in o["Allow"], "OPTIONS is answered for you")

page1 = c.get("/").content.decode()
claim(page1.startswith("t00,t01,") and page1.endswith("|20|1"),
      "ListView uses <app>/<model>_list.html, object_list and <model>_list, 20 per page")
claim(c.get("/?page=2").content.decode().endswith("|5|2"), "paginate_by splits the list")

equal(c.get("/new/").content, b"form:title", "CreateView renders <app>/<model>_form.html")
r = c.post("/new/", {"title": "zz", "author": "b"})
equal((r.status_code, r["Location"]), (302, "/"), "CreateView redirects to success_url")
claim(Book.objects.filter(title="zz").exists(), "the form saved the book")

equal(c.get("/1/delete/").content, b"confirm t00", "DeleteView shows the confirmation page on GET")
claim(Book.objects.filter(pk=1).exists(), "GET does not delete")
r = c.post("/1/delete/")
equal((r.status_code, r["Location"]), (302, "/"), "POST deletes then redirects to success_url")
claim(not Book.objects.filter(pk=1).exists(), "the object is gone")

equal(c.get("/async/").content, b"xy", "an async view runs under WSGI, with concurrent awaits")
claim(BookListView.as_view().view_class is BookListView, "as_view() builds the URLconf callable")

from django.urls import clear_url_caches
from django.views.generic import RedirectView

urlpatterns.append(path("go/", RedirectView.as_view(url="/ping/")))
if since(6, 1):
    urlpatterns.append(path("keep/", RedirectView.as_view(url="/ping/", preserve_request=True)))
    urlpatterns.append(path("keep-perm/", RedirectView.as_view(url="/ping/", preserve_request=True,
                                                               permanent=True)))
clear_url_caches()
equal(c.post("/go/").status_code, 302, "RedirectView answers 302 by default")
if since(6, 1):
    equal(c.post("/keep/").status_code, 307, "preserve_request=True answers 307 (6.1)")
    equal(c.post("/keep-perm/").status_code, 308, "preserve_request=True with permanent=True answers 308")
else:
    claim(not hasattr(RedirectView, "preserve_request"), "preserve_request is new in 6.1")

from django.views.generic import UpdateView


class EditBook(UpdateView):
    model = Book
    fields = ["title"]
    template_name = "djqcheck/book_form.html"


Book.get_absolute_url = lambda self: f"/books/{self.pk}/"
urlpatterns.append(path("edit/<int:pk>/", EditBook.as_view()))
clear_url_caches()
r = c.post("/edit/2/", {"title": "renamed"})
equal(r["Location"], "/books/2/", "without success_url UpdateView redirects to get_absolute_url()")
