"""004 MTV: the answer's model, view, URLconf and template run as written;
one request goes URL dispatcher -> view -> model -> template."""
from djqcheck import claim, create_tables, equal, setup

setup(templates={
    "base.html": "<html>{% block content %}{% endblock %}</html>",
    "shop/product_detail.html": """{# shop/templates/shop/product_detail.html #}
{% extends "base.html" %}
{% block content %}
  <h1>{{ product.name }}</h1>
  <p>Price: {{ product.price }}</p>
{% endblock %}""",
})

# shop/models.py
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=100)
    price = models.DecimalField(max_digits=8, decimal_places=2)


# shop/views.py
from django.shortcuts import get_object_or_404, render


def product_detail(request, pk):
    product = get_object_or_404(Product, pk=pk)
    return render(
        request, "shop/product_detail.html", {"product": product}
    )


class views:  # stands in for "from . import views"
    product_detail = product_detail


# shop/urls.py
from django.urls import path

urlpatterns = [
    path(
        "products/<int:pk>/", views.product_detail, name="product-detail"
    ),
]

create_tables()
from decimal import Decimal

Product.objects.create(pk=7, name="Lamp", price=Decimal("19.90"))

from django.test import Client
from django.urls import resolve, reverse

m = resolve("/products/7/")
claim(m.func is product_detail and m.kwargs == {"pk": 7},
      "the dispatcher matches /products/7/ and calls the view with pk=7")
equal(reverse("product-detail", args=[7]), "/products/7/", "the pattern is named")
r = Client().get("/products/7/")
equal(r.status_code, 200, "the view returns an HttpResponse")
html = r.content.decode()
claim(html.strip().startswith("<html>") and "<h1>Lamp</h1>" in html and "Price: 19.90" in html,
      "the template extends base.html and renders the product")
equal(Client().get("/products/8/").status_code, 404,
      "get_object_or_404 turns a missing row into a 404")

# The template engine knows nothing about HTTP; a view need not use templates.
from django.template import Context, Template

equal(Template("{{ p.name }}").render(Context({"p": Product(name="x")})), "x",
      "a template renders from a plain context, without a request")
from django.http import JsonResponse

claim(JsonResponse({"a": 1})["Content-Type"] == "application/json",
      "a view can return JSON without templates")
