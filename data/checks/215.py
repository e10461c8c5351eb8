"""215 DRF browsable API: default renderers, negotiation by Accept header and
?format=, the answer's DEBUG-dependent settings (JSON for browsers, 406 for
text/html only, 404 for ?format=api), per-view renderer_classes, api-auth
URLs, and the extra queries the HTML form costs."""
from djqcheck import claim, create_tables, equal, queries, setup

setup(installed_apps=["rest_framework"])

from django.contrib.auth.models import User
from django.db import models
from django.test.utils import override_settings
from rest_framework import serializers, viewsets
from rest_framework.routers import DefaultRouter
from rest_framework.settings import DEFAULTS, api_settings
from rest_framework.test import APIClient


# --- the answer's defaults block, verbatim ---
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
# --- end ---
equal(DEFAULTS["DEFAULT_RENDERER_CLASSES"], REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"],
      "these are the defaults you get when you set nothing")
equal(api_settings.HTML_SELECT_CUTOFF, 1000, "HTML_SELECT_CUTOFF is 1000 by default")


class Note(models.Model):
    text = models.CharField(max_length=50)
    owner = models.ForeignKey(User, on_delete=models.CASCADE)


class NoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Note
        fields = ["id", "text", "owner"]


class NoteViewSet(viewsets.ModelViewSet):
    queryset = Note.objects.all()
    serializer_class = NoteSerializer


# --- the answer's view, verbatim ---
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView


class HealthView(APIView):
    renderer_classes = [JSONRenderer]
# --- end ---

    def get(self, request):
        from rest_framework.response import Response
        return Response({"ok": True})


router = DefaultRouter()
router.register("notes", NoteViewSet)

# --- the answer's urls, verbatim ---
from django.urls import include, path

urlpatterns = [
    # ...
    path("api-auth/", include("rest_framework.urls")),
]
# --- end ---
urlpatterns += [path("api/", include(router.urls)), path("health/", HealthView.as_view())]

create_tables()
u = User.objects.create_user("u", password="p")
for i in range(3):
    User.objects.create_user(f"x{i}")
Note.objects.create(text="hi", owner=u)

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
c = APIClient()

r = c.get("/api/notes/", HTTP_ACCEPT=BROWSER)
equal(r.status_code, 200, "the browser gets the page")
claim(r["Content-Type"].startswith("text/html"), "a browser's Accept header picks the browsable API (text/html)")
claim(b"<form" in r.content and b"POST" in r.content, "the page has forms to send POST requests")
r = c.get("/api/notes/", HTTP_ACCEPT="*/*")
claim(r["Content-Type"].startswith("application/json"), "*/* matches the first renderer, JSONRenderer")
r = c.get("/api/notes/")
claim(r["Content-Type"].startswith("application/json"), "no Accept header gives JSON")
r = c.get("/api/notes/?format=api")
claim(r["Content-Type"].startswith("text/html"), "?format=api picks the browsable API")
equal(c.get("/api/notes/?format=api", HTTP_ACCEPT="application/json").status_code, 406,
      "the Accept header must still allow the format's renderer")
r = c.get("/api/notes/?format=json", HTTP_ACCEPT=BROWSER)
claim(r["Content-Type"].startswith("application/json"), "?format=json forces JSON")

from django.urls import reverse

equal(reverse("rest_framework:login"), "/api-auth/login/", "include('rest_framework.urls') adds the login view")
equal(c.get("/api-auth/login/").status_code, 200, "the login page renders")

# Cost: the HTML page loads the related rows for the <select>.
from django.db import connection
from django.test.utils import CaptureQueriesContext

with CaptureQueriesContext(connection) as js:
    c.get("/api/notes/", HTTP_ACCEPT="application/json")
with CaptureQueriesContext(connection) as html:
    c.get("/api/notes/", HTTP_ACCEPT=BROWSER)
claim(len(html.captured_queries) > len(js.captured_queries),
      "the page runs more queries than the JSON response (%d vs %d)" % (len(html.captured_queries), len(js.captured_queries)))
claim(b"x2" in c.get("/api/notes/", HTTP_ACCEPT=BROWSER).content, "a ForeignKey becomes a <select> of the related rows")

# The answer's production settings, verbatim, with DEBUG False and True.
# APIView reads DEFAULT_RENDERER_CLASSES when rest_framework.views is
# imported, so a view defined before override_settings keeps the old list:
from rest_framework.test import APIRequestFactory

with override_settings(REST_FRAMEWORK={"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}):
    claim(c.get("/api/notes/", HTTP_ACCEPT=BROWSER)["Content-Type"].startswith("text/html"),
          "views already imported keep the renderer list they were created with")

    class DefinedLater(NoteViewSet):
        pass

    r = DefinedLater.as_view({"get": "list"})(APIRequestFactory().get("/", HTTP_ACCEPT=BROWSER))
    r.render()
    claim(r["Content-Type"].startswith("text/html"),
          "even a view class defined under override_settings inherits APIView's list read at import")

rf = APIRequestFactory()
from rest_framework.views import APIView as _APIView

claim(_APIView.renderer_classes[-1].__name__ == "BrowsableAPIRenderer", "(APIView keeps the import-time list)")
for DEBUG in (False, True):
    # --- verbatim ---
    REST_FRAMEWORK = {
        "DEFAULT_RENDERER_CLASSES": [
            "rest_framework.renderers.JSONRenderer",
        ],
    }
    if DEBUG:
        REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append(
            "rest_framework.renderers.BrowsableAPIRenderer"
        )
    # --- end ---
    with override_settings(REST_FRAMEWORK=REST_FRAMEWORK):
        # as in a project: the views are created after the settings are read
        class ProdNoteViewSet(NoteViewSet):
            renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES

        view = ProdNoteViewSet.as_view({"get": "list"})

        def get(url="/api/notes/", **headers):
            resp = view(rf.get(url, **headers))
            resp.render()
            return resp

        r = get(HTTP_ACCEPT=BROWSER)
        if DEBUG:
            claim(r["Content-Type"].startswith("text/html"), "with DEBUG the browsable API is kept")
            continue
        equal(r.status_code, 200, "a browser still gets a 200")
        claim(r["Content-Type"].startswith("application/json"), "without the renderer a browser gets JSON")
        import json

        equal(json.loads(r.content)[0]["text"], "hi", "the same data as JSON")
        equal(get(HTTP_ACCEPT="text/html").status_code, 406,
              "a client that accepts only text/html gets 406 Not Acceptable")
        equal(get("/api/notes/?format=api").status_code, 404, "?format=api answers 404")
        equal(reverse("rest_framework:login"), "/api-auth/login/", "removing the renderer does not remove the login URLs")

# A view's renderer_classes overrides the setting.
r = c.get("/health/", HTTP_ACCEPT=BROWSER)
claim(r["Content-Type"].startswith("application/json"), "HealthView with renderer_classes = [JSONRenderer] returns JSON to a browser")
