"""135 multi-tenant: the answer's middleware resolves the tenant from the
subdomain, the scoped manager fails closed, forward FKs use the base manager."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(
    ALLOWED_HOSTS=[".example.com"],
    MIDDLEWARE=["djqcheck.models.TenantMiddleware"],
)

from contextvars import ContextVar

from django.db import models
from django.http import Http404, HttpResponse
from django.urls import path


class Tenant(models.Model):
    subdomain = models.CharField(max_length=50, unique=True)


# --- the answer's code, as written ---
current_tenant = ContextVar("current_tenant", default=None)


class TenantMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        subdomain = request.get_host().split(":")[0].split(".")[0]
        try:
            tenant = Tenant.objects.get(subdomain=subdomain)
        except Tenant.DoesNotExist:
            raise Http404("Unknown tenant")
        request.tenant = tenant
        token = current_tenant.set(tenant)
        try:
            return self.get_response(request)
        finally:
            current_tenant.reset(token)


class TenantManager(models.Manager):
    def get_queryset(self):
        tenant = current_tenant.get()
        qs = super().get_queryset()
        if tenant is None:
            return qs.none()  # fail closed: no tenant, no rows
        return qs.filter(tenant=tenant)


class TenantModel(models.Model):
    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)

    objects = TenantManager()
    unscoped = models.Manager()  # for admin tasks and migrations

    class Meta:
        abstract = True
# --- end of the answer's code ---


class Customer(TenantModel):
    name = models.CharField(max_length=50)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant", "name"], name="uniq_tenant_name")]


class Order(TenantModel):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)


def customers(request):
    names = sorted(c.name for c in Customer.objects.all())
    return HttpResponse(",".join(names))


def customer_detail(request, pk):
    from django.shortcuts import get_object_or_404

    c = get_object_or_404(Customer.objects, pk=pk)
    return HttpResponse(c.name)


urlpatterns = [path("customers/", customers), path("customers/<int:pk>/", customer_detail)]

create_tables()
acme = Tenant.objects.create(subdomain="acme")
globex = Tenant.objects.create(subdomain="globex")
a1 = Customer.unscoped.create(tenant=acme, name="Ann")
g1 = Customer.unscoped.create(tenant=globex, name="Gus")
Customer.unscoped.create(tenant=globex, name="Ann")  # same name, other tenant: allowed

claim(Customer.objects.count() == 0, "with no tenant set, the scoped manager returns no rows (fails closed)")
equal(Customer.unscoped.count(), 3, "the unscoped manager sees every tenant's rows")

from django.test import Client

c = Client()
r = c.get("/customers/", HTTP_HOST="acme.example.com")
equal((r.status_code, r.content), (200, b"Ann"), "the middleware resolves acme from the subdomain and the manager scopes to it")
r = c.get("/customers/", HTTP_HOST="globex.example.com:8000")
equal(r.content, b"Ann,Gus", "the port is stripped before taking the subdomain")
r = c.get("/customers/%d/" % g1.pk, HTTP_HOST="acme.example.com")
equal(r.status_code, 404, "another tenant's object by id is a 404")
r = c.get("/customers/", HTTP_HOST="nobody.example.com")
equal(r.status_code, 404, "an unknown subdomain is a 404 ('Unknown tenant')")
r = c.get("/customers/", HTTP_HOST="acme.other.org")
equal(r.status_code, 400, "ALLOWED_HOSTS=['.example.com'] accepts subdomains only of example.com")
claim(current_tenant.get() is None, "the ContextVar is reset after the request")

# Related lookups use the base manager, not the scoped one.
token = current_tenant.set(acme)
o = Order.unscoped.create(tenant=globex, customer=g1)  # wrong-tenant FK, on purpose
o = Order.unscoped.get(pk=o.pk)
equal(o.customer.name, "Gus", "order.customer uses the base manager, not the scoped one")
current_tenant.reset(token)

from django.db import IntegrityError, transaction

with raises(IntegrityError, what="a unique constraint including the tenant rejects duplicates within a tenant"):
    with transaction.atomic():
        Customer.unscoped.create(tenant=acme, name="Ann")
