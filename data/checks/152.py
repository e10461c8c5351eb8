"""152 first view test: the answer's TestCase runs green against a real
view/URLconf (status, assertContains, assertTemplateUsed, context, 404),
the form-post test with assertRedirects and mail.outbox; the runner forces
DEBUG=False, discovers test*.py, and a wrong assertion really fails."""
from djqcheck import claim, create_tables, equal, setup

setup(DEBUG=True, templates={
    "shop/book_detail.html": "<h1>{{ book.title }}</h1>",
    "404.html": "custom 404",
})

import unittest

from django.db import models
from django.urls import path


class Author(models.Model):
    name = models.CharField(max_length=50)


class Publisher(models.Model):
    name = models.CharField(max_length=50)


class Book(models.Model):
    title = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    publisher = models.ForeignKey(Publisher, on_delete=models.CASCADE)


from django import forms
from django.core.mail import send_mail
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render


def book_detail(request, slug):
    book = get_object_or_404(Book, slug=slug)
    return render(request, "shop/book_detail.html", {"book": book})


class ContactForm(forms.Form):
    email = forms.EmailField()
    subject = forms.CharField()
    message = forms.CharField()


def contact(request):
    form = ContactForm(request.POST)
    if form.is_valid():
        send_mail(subject="s", message="m", from_email=None, recipient_list=["x@example.com"])
        return redirect("contact-thanks")
    return HttpResponse("form")


urlpatterns = [
    path("books/<slug:slug>/", book_detail, name="book-detail"),
    path("contact/", contact, name="contact"),
    path("thanks/", lambda r: HttpResponse("thanks"), name="contact-thanks"),
]
create_tables()

# --- the answer's tests, as written (imports from .models dropped) ---
from django.test import TestCase
from django.urls import reverse


class BookDetailViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # runs once for the class; each test sees it fresh
        author = Author.objects.create(name="Ann Leckie")
        publisher = Publisher.objects.create(name="Orbit")
        cls.book = Book.objects.create(
            title="Ancillary Justice",
            slug="ancillary-justice",
            author=author,
            publisher=publisher,
        )

    def test_detail_page_shows_the_book(self):
        url = reverse("book-detail", kwargs={"slug": self.book.slug})
        response = self.client.get(url)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ancillary Justice")
        self.assertTemplateUsed(response, "shop/book_detail.html")
        self.assertEqual(response.context["book"], self.book)

    def test_unknown_slug_gives_404(self):
        url = reverse("book-detail", kwargs={"slug": "no-such-book"})
        response = self.client.get(url)
        self.assertEqual(response.status_code, 404)

    # (the answer's form-post test, placed in a class)
    def test_contact_form_sends_mail_and_redirects(self):
        response = self.client.post(
            reverse("contact"),
            {"email": "a@example.com", "subject": "Hi", "message": "Hello"},
        )
        self.assertRedirects(response, reverse("contact-thanks"))
        self.assertEqual(len(mail.outbox), 1)  # test mail backend
# --- end ---

from django.core import mail


class Extra(TestCase):
    @classmethod
    def setUpTestData(cls):
        BookDetailViewTests.setUpTestData.__func__(cls)

    def test_404_uses_real_template_and_debug_false(self):
        from django.conf import settings

        self.assertFalse(settings.DEBUG)
        self.assertContains(self.client.get("/books/nope/"), "custom 404", status_code=404)

    def test_html_true(self):
        r = self.client.get(reverse("book-detail", kwargs={"slug": "ancillary-justice"}))
        self.assertContains(r, "<h1>Ancillary   Justice</h1>".replace("   ", " "), html=True)
        self.assertNotContains(r, "Dune")

    def test_data_is_fresh(self):
        self.book.title = "changed in memory"
        self.book.save()

    def test_data_is_fresh_2(self):
        self.assertEqual(Book.objects.get().title, "Ancillary Justice")

    def test_wrong_claim_fails(self):
        r = self.client.get(reverse("book-detail", kwargs={"slug": "ancillary-justice"}))
        with self.assertRaises(AssertionError):
            self.assertContains(r, "Ancillary Justice", status_code=404)
        with self.assertRaises(AssertionError):
            self.assertTemplateUsed(r, "other.html")


from django.test.runner import DiscoverRunner

runner = DiscoverRunner(verbosity=0)
import argparse

parser = argparse.ArgumentParser()
DiscoverRunner.add_arguments(parser)
equal(parser.parse_args([]).pattern, "test*.py", "test discovery finds files named test*.py")
runner.setup_test_environment()
from django.conf import settings

equal(settings.DEBUG, False, "tests run with DEBUG = False whatever the settings say")
suite = unittest.TestSuite()
for cls in (BookDetailViewTests, Extra):
    suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(cls))
import io

result = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
claim(result.wasSuccessful() and result.testsRun == 8, "the answer's tests pass: %s" % (result.failures + result.errors))
runner.teardown_test_environment()
