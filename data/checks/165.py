"""165 nested serializers: the answer's Order/OrderItem serializers verbatim
behind a ModelViewSet: POST creates both rows, PUT updates/creates/deletes
by id, PATCH without items keeps them, a foreign item id is a 400 and rolls
back, nested errors per item, validate_items, the default create()/update()
AssertionError, depth nesting read-only, the child id dropped without the
explicit field, TypeError when items are not popped, prefetch cache cleared
by UpdateModelMixin, N+1 without prefetch_related."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's example, verbatim ---
from django.db import models, transaction
from rest_framework import serializers


class Order(models.Model):
    customer = models.CharField(max_length=100)
    note = models.TextField(blank=True)


class OrderItem(models.Model):
    order = models.ForeignKey(
        Order, related_name="items", on_delete=models.CASCADE
    )
    product = models.CharField(max_length=100)
    quantity = models.PositiveIntegerField()


class OrderItemSerializer(serializers.ModelSerializer):
    # writable, so that updates can say which item they mean
    id = serializers.IntegerField(required=False)

    class Meta:
        model = OrderItem
        fields = ["id", "product", "quantity"]


class OrderSerializer(serializers.ModelSerializer):
    items = OrderItemSerializer(many=True)

    class Meta:
        model = Order
        fields = ["id", "customer", "note", "items"]

    def validate_items(self, value):
        if not value:
            raise serializers.ValidationError(
                "An order needs at least one item."
            )
        return value

    @transaction.atomic
    def create(self, validated_data):
        items = validated_data.pop("items")
        order = Order.objects.create(**validated_data)
        for item in items:
            item.pop("id", None)
            OrderItem.objects.create(order=order, **item)
        return order

    @transaction.atomic
    def update(self, instance, validated_data):
        items = validated_data.pop("items", None)
        for attr, value in validated_data.items():
            setattr(instance, attr, value)
        instance.save()
        if items is not None:  # a PATCH without items keeps them
            keep = []
            for item in items:
                item_id = item.pop("id", None)
                if item_id is None:
                    keep.append(instance.items.create(**item).pk)
                elif instance.items.filter(pk=item_id).update(**item):
                    keep.append(item_id)
                else:
                    raise serializers.ValidationError(
                        {"items": f"Item {item_id} is not in this order."}
                    )
            instance.items.exclude(pk__in=keep).delete()
        return instance


# --- the answer's read-only example, verbatim ---
class OrderSummarySerializer(serializers.ModelSerializer):
    items = OrderItemSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = ["id", "customer", "items"]
# --- end ---

from rest_framework import viewsets
from rest_framework.routers import SimpleRouter


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.prefetch_related("items")
    serializer_class = OrderSerializer


router = SimpleRouter()
router.register("orders", OrderViewSet)
urlpatterns = router.urls

create_tables()
from rest_framework.test import APIClient

c = APIClient()
r = c.post("/orders/", {"customer": "ann", "items": [{"product": "pen", "quantity": 2}]}, format="json")
equal(r.status_code, 201, "POST creates the order")
oid = r.json()["id"]
pen_id = OrderItem.objects.get().pk
equal(r.json()["items"], [{"id": pen_id, "product": "pen", "quantity": 2}], "the response returns the items with their ids")
equal((Order.objects.count(), OrderItem.objects.count()), (1, 1), "both rows are created")

r = c.post("/orders/", {"customer": "bob", "items": []}, format="json")
equal((r.status_code, r.json()), (400, {"items": ["An order needs at least one item."]}), "validate_items rejects an empty list")
r = c.post("/orders/", {"customer": "bob", "items": [{"product": "a", "quantity": 1}, {"product": "b", "quantity": "x"}]}, format="json")
equal((r.status_code, r.json()), (400, {"items": {"1": {"quantity": ["A valid integer is required."]}}}), "DRF 3.18 reports only the failing items, keyed by position")
import rest_framework
from django.test import override_settings

from djqcheck import warns

equal(rest_framework.VERSION.split(".")[:2], ["3", "18"], "the answer describes DRF 3.18")
with override_settings(REST_FRAMEWORK={"LIST_SERIALIZER_ERRORS_AS_DICT": False}):
    with warns(Warning, "deprecated", what="LIST_SERIALIZER_ERRORS_AS_DICT=False warns"):
        r = c.post("/orders/", {"customer": "bob", "items": [{"product": "a", "quantity": 1}, {"product": "b", "quantity": "x"}]}, format="json")
    equal(r.json(), {"items": [{}, {"quantity": ["A valid integer is required."]}]}, "the old list format with {} per valid item")

# PUT: update by id, create without id, delete the rest
c.patch(f"/orders/{oid}/", {"note": "n"}, format="json")
ink = OrderItem.objects.create(order_id=oid, product="ink", quantity=1)
r = c.put(f"/orders/{oid}/", {"customer": "ann", "items": [{"id": pen_id, "product": "pen", "quantity": 5}, {"product": "pad", "quantity": 1}]}, format="json")
equal(r.status_code, 200, "PUT with nested items")
got = sorted((i["product"], i["quantity"]) for i in r.json()["items"])
equal(got, [("pad", 1), ("pen", 5)], "the response shows the new items even though get_queryset prefetches them (UpdateModelMixin clears the cache)")
claim(not OrderItem.objects.filter(pk=ink.pk).exists(), "items left out are deleted")
equal(OrderItem.objects.get(pk=pen_id).quantity, 5, "items with an id are updated")

r = c.patch(f"/orders/{oid}/", {"note": "gift"}, format="json")
equal((r.status_code, len(r.json()["items"])), (200, 2), "a PATCH without items keeps them")

other = Order.objects.create(customer="zed")
foreign = OrderItem.objects.create(order=other, product="x", quantity=1)
before = sorted(OrderItem.objects.filter(order_id=oid).values_list("product", "quantity"))
r = c.put(f"/orders/{oid}/", {"customer": "changed", "items": [{"product": "new", "quantity": 1}, {"id": foreign.pk, "product": "stolen", "quantity": 9}]}, format="json")
equal((r.status_code, r.json()), (400, {"items": f"Item {foreign.pk} is not in this order."}), "an item of another order is a 400")
equal(Order.objects.get(pk=oid).customer, "ann", "the atomic block rolled back the order change")
equal(sorted(OrderItem.objects.filter(order_id=oid).values_list("product", "quantity")), before, "and the item created before the error")
equal(OrderItem.objects.get(pk=foreign.pk).product, "x", "the foreign item is untouched")

# calling save() yourself on a prefetched instance: stale cache
inst = Order.objects.prefetch_related("items").get(pk=oid)
list(inst.items.all())
s = OrderSerializer(inst, data={"customer": "ann", "items": [{"id": pen_id, "product": "pen", "quantity": 7}]})
s.is_valid(raise_exception=True)
s.save()
equal(sorted((i["product"], i["quantity"]) for i in s.data["items"]), [("pad", 1), ("pen", 5)], "serializing a prefetched instance after your own save() shows stale items (queryset update()/delete() leave the cache)")
inst = Order.objects.prefetch_related("items").get(pk=oid)
equal([(i["product"], i["quantity"]) for i in OrderSerializer(inst).data["items"]], [("pen", 7)], "re-fetching shows the new items")

# default create()/update() refuse nested data
class Plain(serializers.ModelSerializer):
    items = OrderItemSerializer(many=True)

    class Meta:
        model = Order
        fields = ["customer", "items"]


p = Plain(data={"customer": "x", "items": [{"product": "a", "quantity": 1}]})
p.is_valid(raise_exception=True)
with raises(AssertionError, "does not support writable nested fields by default", what="default create() refuses nested data"):
    p.save()
p = Plain(other, data={"customer": "x", "items": [{"product": "a", "quantity": 1}]})
p.is_valid(raise_exception=True)
with raises(AssertionError, r"\.update\(\)` method does not support writable nested", what="default update() refuses nested data"):
    p.save()

# the nested data must be popped
with raises(TypeError, "Direct assignment to the reverse side", what="creating the order with items still in validated_data fails"):
    Order.objects.create(customer="y", items=[{"product": "a", "quantity": 1}])

# the child id without the explicit field is dropped
class AutoItem(serializers.ModelSerializer):
    class Meta:
        model = OrderItem
        fields = ["id", "product", "quantity"]


a = AutoItem(data={"id": 5, "product": "p", "quantity": 1})
a.is_valid(raise_exception=True)
claim("id" not in a.validated_data, "a ModelSerializer's id is read-only and silently dropped")

# read-only nesting and depth
claim(OrderSummarySerializer().fields["items"].read_only, "read_only=True nesting")
s = OrderSummarySerializer(data={"customer": "q", "items": [{"product": "z"}]})
s.is_valid(raise_exception=True)
claim("items" not in s.validated_data, "read-only nested input is ignored")


class Deep(serializers.ModelSerializer):
    class Meta:
        model = OrderItem
        fields = ["product", "order"]
        depth = 1


f = Deep().fields["order"]
claim(isinstance(f, serializers.ModelSerializer) and f.read_only, "depth nests relations read-only")
equal(set(Deep(foreign).data["order"]), {"id", "customer", "note"}, "depth includes all fields of the related model")

# N+1 without prefetch_related
for i in range(3):
    o = Order.objects.create(customer=f"c{i}")
    OrderItem.objects.create(order=o, product="p", quantity=1)
n = Order.objects.count()
with queries(1 + n, "each nested list costs one query per row without prefetch"):
    OrderSummarySerializer(Order.objects.all(), many=True).data
with queries(2, "prefetch_related('items') makes it two queries"):
    OrderSummarySerializer(Order.objects.prefetch_related("items"), many=True).data

# UpdateModelMixin clears the prefetch cache even when only queryset update()/delete() ran
r = c.put(f"/orders/{oid}/", {"customer": "ann", "items": [{"id": pen_id, "product": "pen", "quantity": 9}]}, format="json")
equal([(i["product"], i["quantity"]) for i in r.json()["items"]], [("pen", 9)], "the viewset response is fresh: UpdateModelMixin clears the prefetched objects")
