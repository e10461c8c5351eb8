"""167 filtering, search, ordering: the answer's ProductList and
ProductFilter verbatim on a Product model: exact and range filters,
booleans, 400 for invalid values and unknown pks, unknown params ignored,
search terms AND across terms / OR across fields, ^ prefix, quoted phrase,
distinct() across tags, ordering with - and commas, invalid names dropped,
default ordering, get_queryset scoping, filter_backends replacing the
default, filters on detail views, the hand-written get_queryset."""
from djqcheck import claim, create_tables, equal, setup

setup(
    installed_apps=["rest_framework", "django_filters"],
    REST_FRAMEWORK={"DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"]},
)
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import models
from rest_framework import serializers


class Category(models.Model):
    name = models.CharField(max_length=50)


class Tag(models.Model):
    name = models.CharField(max_length=50)


class Product(models.Model):
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    category = models.ForeignKey(Category, on_delete=models.CASCADE)
    tags = models.ManyToManyField(Tag, blank=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    in_stock = models.BooleanField(default=True)
    published = models.BooleanField(default=True)


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name", "price"]


class Order(models.Model):
    customer = models.ForeignKey(User, on_delete=models.CASCADE)
    status = models.CharField(max_length=10)


# --- the answer's view, verbatim ---
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, generics


class ProductList(generics.ListAPIView):
    serializer_class = ProductSerializer
    filter_backends = [
        DjangoFilterBackend,
        filters.SearchFilter,
        filters.OrderingFilter,
    ]
    filterset_fields = {
        "category": ["exact"],
        "in_stock": ["exact"],
        "price": ["gte", "lte"],
    }
    search_fields = ["^name", "description", "tags__name"]
    ordering_fields = ["price", "name"]
    ordering = ["name"]

    def get_queryset(self):
        qs = Product.objects.select_related("category")
        if not self.request.user.is_staff:
            qs = qs.filter(published=True)
        return qs


# --- the answer's FilterSet, verbatim ---
import django_filters


class ProductFilter(django_filters.FilterSet):
    min_price = django_filters.NumberFilter(
        field_name="price", lookup_expr="gte"
    )
    max_price = django_filters.NumberFilter(
        field_name="price", lookup_expr="lte"
    )
    tag = django_filters.CharFilter(field_name="tags__name")

    class Meta:
        model = Product
        fields = ["category", "in_stock"]


# --- the answer's hand-written filtering, verbatim (as a method) ---
class OrderList(generics.ListAPIView):
    class OrderSer(serializers.ModelSerializer):
        class Meta:
            model = Order
            fields = ["id", "status"]

    serializer_class = OrderSer
    filter_backends = []

    def get_queryset(self):
        qs = Order.objects.filter(customer=self.request.user)
        status = self.request.query_params.get("status")
        if status:
            qs = qs.filter(status=status)
        return qs
# --- end ---


class ProductFilterList(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    filterset_class = ProductFilter


from rest_framework import viewsets


class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    filterset_fields = ["in_stock"]


class SearchOnly(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    filter_backends = [filters.SearchFilter]
    filterset_fields = ["in_stock"]
    search_fields = ["name"]


class NoOrderingFields(generics.ListAPIView):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    filter_backends = [filters.OrderingFilter]


from django.urls import include, path
from rest_framework.routers import SimpleRouter

router = SimpleRouter()
router.register("vs", ProductViewSet)
urlpatterns = [
    path("products/", ProductList.as_view()),
    path("fs/", ProductFilterList.as_view()),
    path("orders/", OrderList.as_view()),
    path("searchonly/", SearchOnly.as_view()),
    path("noof/", NoOrderingFields.as_view()),
    path("", include(router.urls)),
]

create_tables()
from rest_framework.test import APIClient

furn = Category.objects.create(name="furniture")
garden = Category.objects.create(name="garden")
outdoor = Tag.objects.create(name="outdoor")
wood = Tag.objects.create(name="wood")
chair = Product.objects.create(name="Red chair", description="a chair", category=furn, price=Decimal("45.00"))
chair.tags.set([outdoor, wood])
table = Product.objects.create(name="Table", description="red oak table", category=furn, price=Decimal("120.00"), in_stock=False)
table.tags.set([wood])
hose = Product.objects.create(name="Garden hose", description="green, 20m", category=garden, price=Decimal("15.00"))
hose.tags.set([outdoor])
hidden = Product.objects.create(name="Secret red chair", description="", category=furn, price=Decimal("10.00"), published=False)

c = APIClient()


def names(url, client=c):
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.content)
    return [p["name"] for p in r.json()]


equal(names("/products/"), ["Garden hose", "Red chair", "Table"], "get_queryset hides unpublished products from non-staff; default ordering by name")
staff = APIClient()
staff.force_authenticate(User.objects.create_user("boss", is_staff=True))
claim("Secret red chair" in names("/products/", staff), "staff see unpublished products")
equal(names(f"/products/?category={furn.pk}&in_stock=true&price__gte=10&price__lte=50"), ["Red chair"], "exact and range filters combine")
equal(names("/products/?in_stock=false"), ["Table"], "boolean filter")
equal(names("/products/?colour=blue"), ["Garden hose", "Red chair", "Table"], "unknown parameters are ignored")
r = c.get("/products/?price__gte=abc")
equal((r.status_code, r.json()), (400, {"price__gte": ["Enter a number."]}), "an invalid value is a 400 with the form errors")
r = c.get("/products/?category=999")
claim(r.status_code == 400 and "category" in r.json(), "a category that does not exist is a 400")

equal(names("/products/?search=red chair"), ["Red chair"], "every term must match, in at least one field (table matches only 'red')")
equal(names("/products/?search=red,oak"), ["Table"], "terms are split on commas too")
equal(names("/products/?search=red"), ["Red chair", "Table"], "default lookup icontains on description; ^name is starts-with")
equal(names("/products/?search=chair"), ["Red chair"], "'chair' matches by description icontains")
equal((filters.SearchFilter.default_lookup, filters.SearchFilter.lookup_prefixes), ("icontains", {"^": "istartswith", "=": "iexact", "$": "iregex", "@": "search"}), "icontains by default; ^ = $ are case-insensitive, @ is full-text search")
equal(names("/products/?search=RED%20CH"), ["Red chair"], "search is case-insensitive")
equal(names("/products/?search=ose"), [], "^name is starts-with: 'ose' does not match 'Garden hose' by name")
equal(names('/products/?search="oak table"'), ["Table"], "a quoted phrase stays one term")
equal(names("/products/?search=o"), ["Garden hose", "Red chair", "Table"], "a product matching via two tags is listed once (distinct)")

equal(names("/products/?ordering=-price"), ["Table", "Red chair", "Garden hose"], "- for descending")
Product.objects.create(name="Bench", category=garden, price=Decimal("45.00"))
equal(names("/products/?ordering=price,-name"), ["Garden hose", "Red chair", "Bench", "Table"], "a comma-separated list")
equal(names("/products/?ordering=description"), ["Bench", "Garden hose", "Red chair", "Table"], "names not in ordering_fields are dropped; the view's ordering applies")
equal(names("/noof/?ordering=-price")[0], "Table", "without ordering_fields any serializer field may be used")

# filter_backends replaces the default list
equal(len(names("/searchonly/?in_stock=false")), 5, "filter_backends on a view replaces DEFAULT_FILTER_BACKENDS (in_stock ignored)")

# FilterSet with named filters
equal(sorted(names("/fs/?min_price=20&max_price=50&tag=outdoor")), ["Red chair"], "min_price/max_price/tag work")
from django.http import QueryDict

fs = ProductFilter(QueryDict("max_price=20"), queryset=Product.objects.all())
equal(sorted(p.name for p in fs.qs), ["Garden hose", "Secret red chair"], "the FilterSet also works outside DRF via .qs")

# detail views are filtered too
equal(c.get(f"/vs/{chair.pk}/").status_code, 200, "detail without filter")
equal(c.get(f"/vs/{chair.pk}/?in_stock=false").status_code, 404, "filters also run for detail views: 404")

# hand-written get_queryset
ann = User.objects.create_user("ann")
bob = User.objects.create_user("bob")
Order.objects.create(customer=ann, status="open")
Order.objects.create(customer=ann, status="paid")
Order.objects.create(customer=bob, status="open")
oc = APIClient()
oc.force_authenticate(ann)
equal(len(oc.get("/orders/").json()), 2, "get_queryset scopes to the user")
equal([o["status"] for o in oc.get("/orders/?status=paid").json()], ["paid"], "query_params filtering by hand")
