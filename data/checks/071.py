"""071 fixtures vs factories: dumpdata to an app's fixtures/ directory,
loaddata by name, the answer's CatalogTests with fixtures = [...], raw=True
in save signals (and m2m_changed since 6.1), save() not called, one
transaction per loaddata call. factory_boy is not installed here, so the
factory code is not run."""
import io
import os
import sys
import tempfile
import unittest

from djqcheck import claim, create_tables, equal, raises, setup, since

MODELS = '''\
from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=50, unique=True)


class Tag(models.Model):
    name = models.CharField(max_length=20)


class Product(models.Model):
    name = models.CharField(max_length=100)
    sku = models.CharField(max_length=20, unique=True)
    category = models.ForeignKey(Category, on_delete=models.CASCADE)
    price = models.IntegerField()
    tags = models.ManyToManyField(Tag, blank=True)
    SAVES = []

    def save(self, *args, **kwargs):
        Product.SAVES.append(self.sku)
        super().save(*args, **kwargs)
'''
root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "catalog", "fixtures"))
for rel, text in {"catalog/__init__.py": "", "catalog/models.py": MODELS}.items():
    with open(os.path.join(root, rel), "w") as f:
        f.write(text)
sys.path.insert(0, root)
setup(installed_apps=["catalog"])
from django.test.utils import setup_test_environment

setup_test_environment()
from django.http import HttpResponse
from django.urls import path

from catalog.models import Category, Product, Tag

urlpatterns = [path("catalog/", lambda r: HttpResponse(", ".join(Product.objects.values_list("name", flat=True))))]
create_tables()

from django.core.management import call_command
from django.db.models.signals import m2m_changed, post_save, pre_save

cat = Category.objects.create(name="Books")
t = Tag.objects.create(name="new")
p = Product.objects.create(name="Mug", sku="A-1", category=cat, price=9)
p.tags.add(t)
fixture = os.path.join(root, "catalog", "fixtures", "products.json")
# python manage.py dumpdata catalog.Product --indent 2 -o catalog/fixtures/products.json
call_command("dumpdata", "catalog.Product", indent=2, output=fixture, verbosity=0)
text = open(fixture).read()
claim('"model": "catalog.product"' in text and '"pk": 1' in text, "dumpdata writes serialized rows with hard-coded primary keys")
if since(6, 0):
    claim(text.endswith("]\n"), "6.0: the JSON serializer ends the output with a newline")
Product.objects.all().delete()
Product.SAVES.clear()

raw_flags = []
pre_save.connect(lambda sender, raw, **kw: raw_flags.append(("pre", raw)), sender=Product, weak=False)
post_save.connect(lambda sender, raw, **kw: raw_flags.append(("post", raw)), sender=Product, weak=False)
m2m = []
m2m_changed.connect(lambda sender, **kw: m2m.append(kw.get("raw")), sender=Product.tags.through, weak=False)

# python manage.py loaddata products
call_command("loaddata", "products", verbosity=0)
equal(list(Product.objects.values_list("sku", flat=True)), ["A-1"], "loaddata finds the fixture by name in the app's fixtures directory")
equal(Product.SAVES, [], "loading does not call the model's save()")
equal(raw_flags, [("pre", True), ("post", True)], "pre_save/post_save receivers get raw=True")
if since(6, 1):
    equal(m2m[-2:], [True, True], "6.1: loaddata sends m2m_changed with raw=True")
else:
    equal(m2m[-2:], [None, None], "5.2: m2m_changed during loaddata has no raw argument")
Product.objects.all().delete()

# One transaction per loaddata call: a bad second file rolls back the first.
bad = os.path.join(root, "catalog", "fixtures", "bad.json")
with open(bad, "w") as f:
    f.write('[{"model": "catalog.product", "pk": 5, "fields": {"name": "x", "sku": "B", "category": 999, "price": 1}}]')
with raises(Exception, what="a broken fixture fails loaddata"):
    call_command("loaddata", "products", "bad", verbosity=0)
equal(Product.objects.count(), 0, "all files in one loaddata call load in one transaction")

# --- the answer's test, verbatim ---
from django.test import TestCase


class CatalogTests(TestCase):
    fixtures = ["products.json"]

    def test_listing(self):
        response = self.client.get("/catalog/")
        self.assertEqual(response.status_code, 200)
# --- end ---


class Seen(CatalogTests):
    def test_listing(self):
        self.assertEqual(self.client.get("/catalog/").content, b"Mug")


r = unittest.TextTestRunner(stream=io.StringIO()).run(unittest.defaultTestLoader.loadTestsFromTestCase(Seen))
claim(r.wasSuccessful(), "fixtures = [...] on a TestCase installs the data for its tests")
equal(Product.objects.count(), 0, "and it is rolled back afterwards")
