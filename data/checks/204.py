"""204 microservices: the orders service's settings, models and view run as
written: a token signed by the 'auth service' with the shared key
authenticates a user who has no row here (TokenUser, id from the user_id
claim as a string, no auth query), a token signed with another key or none
is refused, each customer sees only their orders; send_task publishes a task
by name to the billing queue without importing billing's code."""
import os

from djqcheck import claim, create_tables, equal, queries, setup

os.environ["JWT_SIGNING_KEY"] = "shared-secret-between-auth-and-orders-0123456789"
# --- the orders service's settings, verbatim ------------------------------
# orders service: settings.py
import os

SIMPLE_JWT = {
    "ALGORITHM": "HS256",
    "SIGNING_KEY": os.environ["JWT_SIGNING_KEY"],  # the auth service signs with the same key
    "USER_ID_CLAIM": "user_id",
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}

setup(installed_apps=["rest_framework"], SIMPLE_JWT=SIMPLE_JWT, REST_FRAMEWORK=REST_FRAMEWORK)

# --- models and views, verbatim ------------------------------------------------
# orders service: models.py and views.py
from django.db import models
from rest_framework import generics, serializers


class Order(models.Model):
    customer_id = models.PositiveBigIntegerField(db_index=True)  # owned by the accounts service
    total = models.DecimalField(max_digits=12, decimal_places=2)


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "total"]


class MyOrders(generics.ListAPIView):
    serializer_class = OrderSerializer

    def get_queryset(self):
        # request.user is a TokenUser built from the token's claims: no database query
        return Order.objects.filter(customer_id=self.request.user.id)

from django.urls import path

urlpatterns = [path("orders/mine/", MyOrders.as_view())]
create_tables()

from decimal import Decimal

import jwt
from django.contrib.auth.models import User
from rest_framework.test import APIClient
from rest_framework_simplejwt.models import TokenUser
from rest_framework_simplejwt.tokens import AccessToken

Order.objects.create(customer_id=42, total=Decimal("10.00"))
Order.objects.create(customer_id=42, total=Decimal("5.00"))
Order.objects.create(customer_id=7, total=Decimal("99.00"))


class AccountsUser:  # a user of the auth service: no row in this database
    id = 42
    is_active = True


token = AccessToken.for_user(AccountsUser())  # what the auth service issues, signed with the shared key
equal(token["user_id"], "42", "for_user() puts the id in the user_id claim as a string")
equal(User.objects.count(), 0, "the orders service has no user rows")

c = APIClient()
equal(c.get("/orders/mine/").status_code, 401, "no token: 401")
c.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
with queries(1, "only the orders query runs: no user lookup") as ctx:
    r = c.get("/orders/mine/")
equal(r.status_code, 200, "a token signed with the shared key is accepted")
equal(sorted(o["total"] for o in r.json()), ["10.00", "5.00"], "the customer sees only their own orders")
claim("auth_user" not in ctx.captured_queries[0]["sql"], "no query touches a user table")

from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication
from rest_framework.test import APIRequestFactory

req = APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
user, _ = JWTStatelessUserAuthentication().authenticate(req)
claim(isinstance(user, TokenUser) and user.is_authenticated, "request.user is a TokenUser")
equal(user.id, "42", "TokenUser.id comes from the user_id claim")

forged = jwt.encode({"user_id": "7", "token_type": "access", "exp": 4102444800, "jti": "x"},
                    "some-other-key-that-is-long-enough-0123456789", algorithm="HS256")
c.credentials(HTTP_AUTHORIZATION=f"Bearer {forged}")
equal(c.get("/orders/mine/").status_code, 401, "a token signed with another key is refused")
same_key = jwt.encode({"user_id": "7", "token_type": "access", "exp": 4102444800, "jti": "y"},
                      os.environ["JWT_SIGNING_KEY"], algorithm="HS256")
c.credentials(HTTP_AUTHORIZATION=f"Bearer {same_key}")
equal([o["total"] for o in c.get("/orders/mine/").json()], ["99.00"],
      "anyone holding the shared HMAC key can mint valid tokens (why RS256/ES256 is preferred)")

from rest_framework_simplejwt.settings import api_settings

claim(all(hasattr(api_settings, n) for n in ("VERIFYING_KEY", "JWK_URL", "AUDIENCE", "ISSUER")),
      "simplejwt has VERIFYING_KEY, JWK_URL, AUDIENCE and ISSUER settings")

# --- send_task, verbatim, against an in-memory broker ---------------------------
# orders service
from celery import Celery

app = Celery("orders", broker="amqp://broker")


def publish_order_placed(order):
    app.send_task(
        "billing.tasks.create_invoice",  # implemented in the billing service
        kwargs={"order_id": order.pk, "customer_id": order.customer_id,
                "total": str(order.total)},
        queue="billing",
    )

app.conf.broker_url = "memory://"  # scaffolding: no RabbitMQ here


class PlacedOrder:
    pk = 5
    customer_id = 42
    total = Decimal("15.00")


publish_order_placed(PlacedOrder())
with app.connection_for_read() as conn:
    q = conn.SimpleQueue("billing")
    msg = q.get(timeout=2)
    equal(msg.headers["task"], "billing.tasks.create_invoice", "the task is sent by name")
    equal(msg.payload[1], {"order_id": 5, "customer_id": 42, "total": "15.00"}, "the kwargs travel as JSON")
    msg.ack()
    q.close()
import sys

claim("billing" not in sys.modules, "the orders service never imports the billing code")
