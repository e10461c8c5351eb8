"""125 HTMX: the answer's live-search template and view (6.0+): a normal GET
renders the full page, a request with HX-Request: true renders only the
results partial, Vary: HX-Request is set, the CSRF token rendered into
hx-headers is accepted in the X-CSRFToken header (CSRF_HEADER_NAME); on 5.2
the partialdef tag does not exist."""
from djqcheck import claim, create_tables, equal, raises, setup, since

PAGE = """
<body hx-headers='{"X-CSRFToken": "{{ csrf_token }}"}'>
  <input type="search" name="q" value="{{ q }}"
         hx-get="{% url 'product-search' %}"
         hx-trigger="input changed delay:300ms"
         hx-target="#results" hx-swap="outerHTML">

  {% partialdef results inline %}
  <ul id="results">
    {% for p in products %}<li>{{ p.name }}</li>
    {% empty %}<li>No match</li>{% endfor %}
  </ul>
  {% endpartialdef %}
</body>
"""
setup(templates={"shop/products.html": PAGE})

from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=50)


from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def product_search(request):
    q = request.GET.get("q", "")
    products = Product.objects.filter(name__icontains=q)[:20]
    template = "shop/products.html"
    if request.headers.get("HX-Request") == "true":
        template += "#results"  # render only the partial
    response = render(request, template, {"products": products, "q": q})
    patch_vary_headers(response, ["HX-Request"])
    return response


from django.http import HttpResponse
from django.urls import path


def like(request):
    return HttpResponse("liked")


urlpatterns = [path("products/", product_search, name="product-search"), path("like/", like)]
create_tables()
for n in ("Red pen", "Blue pen", "Mug"):
    Product.objects.create(name=n)

from django.conf import global_settings
from django.template import TemplateSyntaxError
from django.test import Client

equal(global_settings.CSRF_HEADER_NAME, "HTTP_X_CSRFTOKEN", "the header name comes from CSRF_HEADER_NAME (X-CSRFToken)")
c = Client(enforce_csrf_checks=True)
if since(6, 0):
    r = c.get("/products/?q=pen")
    page = r.content.decode()
    claim("<body" in page and 'type="search"' in page, "the first visit renders the full page")
    equal(page.count("<li>"), 2, "with the matching products")
    claim('hx-get="/products/"' in page, "the input targets the search URL")
    claim("Vary" in r and "HX-Request" in r["Vary"], "Vary: HX-Request is set")
    r = c.get("/products/?q=mug", HTTP_HX_REQUEST="true")
    frag = r.content.decode().strip()
    claim(frag.startswith('<ul id="results">') and frag.endswith("</ul>"), "an HTMX request gets only the results partial")
    claim("<body" not in frag and "<li>Mug</li>" in frag, "with the new results")
    r = c.get("/products/?q=zzz", HTTP_HX_REQUEST="true")
    claim("No match" in r.content.decode(), "{% empty %} renders No match")

    import re

    token = re.search(r'"X-CSRFToken": "([^"]+)"', c.get("/products/").content.decode()).group(1)
    equal(c.post("/like/").status_code, 403, "HTMX POSTs are checked by CsrfViewMiddleware")
    equal(c.post("/like/", HTTP_X_CSRFTOKEN=token).status_code, 200, "the token from hx-headers in X-CSRFToken passes")
else:
    with raises(TemplateSyntaxError, "partialdef", "on 5.2 partialdef is not built in"):
        c.get("/products/?q=pen")
