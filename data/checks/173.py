"""173 per-action ViewSet behaviour: the answer's ProjectViewSet through a
router: public list/retrieve with different serializers, writes need login,
non-owners get 404, only staff delete, @action archive and recent (its own
permission_classes and serializer_class), self.action values incl.
'metadata' and None (403 before 405), and the fixed-list override trap."""
from djqcheck import claim, create_tables, equal, setup

setup(installed_apps=["rest_framework"])

from django.contrib.auth.models import User
from django.db import models


class Project(models.Model):
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    archived = models.BooleanField(default=False)


create_tables()

# --- the answer's code, verbatim (relative import dropped) ---
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response


class ProjectListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        fields = ["id", "name"]


class ProjectSerializer(serializers.ModelSerializer):
    owner = serializers.ReadOnlyField(source="owner.username")

    class Meta:
        model = Project
        fields = ["id", "name", "description", "owner", "archived"]
        read_only_fields = ["archived"]


class ProjectViewSet(viewsets.ModelViewSet):
    serializer_class = ProjectSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        if self.action == "destroy":
            return [permissions.IsAdminUser()]
        # class default, or the @action's own permission_classes
        return super().get_permissions()

    def get_queryset(self):
        qs = Project.objects.select_related("owner").order_by("name")
        if self.action in ("list", "retrieve", "recent"):
            return qs
        if self.request.user.is_staff:
            return qs
        # writes: only your own projects; others get 404
        return qs.filter(owner=self.request.user)

    def get_serializer_class(self):
        if self.action == "list":
            return ProjectListSerializer
        return super().get_serializer_class()

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        project = self.get_object()
        project.archived = True
        project.save(update_fields=["archived"])
        return Response({"archived": True})

    @action(
        detail=False,
        permission_classes=[permissions.AllowAny],
        serializer_class=ProjectListSerializer,
    )
    def recent(self, request):
        qs = self.get_queryset().order_by("-id")[:5]
        return Response(self.get_serializer(qs, many=True).data)
# --- end ---

SEEN = []


class Recording(ProjectViewSet):
    def initial(self, request, *args, **kwargs):
        SEEN.append(self.action)
        return super().initial(request, *args, **kwargs)


class FixedList(ProjectViewSet):
    # the pitfall: a fixed list for every other action
    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [permissions.AllowAny()]
        return [permissions.IsAuthenticated()]

    def get_serializer_class(self):
        if self.action == "list":
            return ProjectListSerializer
        return ProjectSerializer


from django.urls import include, path
from rest_framework.routers import SimpleRouter

router = SimpleRouter()
router.register("projects", ProjectViewSet, basename="project")
router.register("rec", Recording, basename="rec")
router.register("fixed", FixedList, basename="fixed")
urlpatterns = [path("", include(router.urls))]

from rest_framework.test import APIClient

ann = User.objects.create_user("ann")
bob = User.objects.create_user("bob")
boss = User.objects.create_user("boss", is_staff=True)
anon = APIClient()
a, b, s = APIClient(), APIClient(), APIClient()
a.force_authenticate(ann)
b.force_authenticate(bob)
s.force_authenticate(boss)

equal(anon.post("/projects/", {"name": "x"}, format="json").status_code, 403, "creating needs a logged-in user")
r = a.post("/projects/", {"name": "Apollo", "description": "moon"}, format="json")
equal((r.status_code, r.data["owner"]), (201, "ann"), "a logged-in user can create; perform_create sets the owner")
pid = r.data["id"]

r = anon.get("/projects/")
equal((r.status_code, list(r.data[0])), (200, ["id", "name"]), "anyone may GET the list, with the short list serializer")
r = anon.get(f"/projects/{pid}/")
equal((r.status_code, list(r.data)), (200, ["id", "name", "description", "owner", "archived"]), "anyone may retrieve, with the full serializer")

equal(b.patch(f"/projects/{pid}/", {"name": "mine"}, format="json").status_code, 404, "a non-owner gets 404, not 403, on update")
equal(b.post(f"/projects/{pid}/archive/").status_code, 404, "a non-owner gets 404 on the archive action")
equal(anon.post(f"/projects/{pid}/archive/").status_code, 403, "archive needs a logged-in user (class default)")
r = a.post(f"/projects/{pid}/archive/")
equal((r.status_code, r.data, Project.objects.get(pk=pid).archived), (200, {"archived": True}, True), "the owner can archive")
equal(a.patch(f"/projects/{pid}/", {"name": "Apollo 2"}, format="json").status_code, 200, "the owner can update")

equal(a.delete(f"/projects/{pid}/").status_code, 403, "only staff can delete (owner gets 403)")
r = anon.get("/projects/recent/")
equal((r.status_code, list(r.data[0])), (200, ["id", "name"]), "recent is public and uses the short serializer via @action kwargs")

# self.action values
anon.get("/rec/")
anon.get(f"/rec/{pid}/")
anon.options("/rec/")
r = anon.delete("/rec/")
anon.get("/rec/recent/")
equal(SEEN, ["list", "retrieve", "metadata", None, "recent"],
      "self.action is list/retrieve, 'metadata' for OPTIONS, None for an unmapped method, the method name for @action")
equal(r.status_code, 403, "an unmapped method is checked by permissions first, so an anonymous caller sees 403, not 405")
equal(a.delete("/projects/").status_code, 405, "a logged-in caller gets the 405")
equal(anon.options("/projects/").status_code, 403, "OPTIONS ('metadata') falls through to the default IsAuthenticated")

# pitfall: fixed-list overrides ignore @action kwargs
r = anon.get("/fixed/recent/")
equal(r.status_code, 403, "a fixed list in get_permissions() ignores @action(permission_classes=...)")
r = a.get("/fixed/recent/")
equal(list(r.data[0]), ["id", "name", "description", "owner", "archived"],
      "a fixed get_serializer_class() ignores @action(serializer_class=...)")

r = s.delete(f"/projects/{pid}/")
equal(r.status_code, 204, "staff can delete (and see every project)")
