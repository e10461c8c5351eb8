"""075 collectstatic + WhiteNoise: the answer's settings (WhiteNoise after
SecurityMiddleware, STORAGES with CompressedManifestStaticFilesStorage);
collectstatic output (6.0's skipped-file summary, sorted manifest, hashed names, rewritten url(), staticfiles.json, .gz
only when it pays, images skipped), {% static %} from the manifest and its
ValueError, WhiteNoise's cache headers, and the finders' first-wins rule."""
import gzip
import json
import os
import tempfile
from pathlib import Path

from djqcheck import claim, equal, raises, setup, since

BASE_DIR = Path(tempfile.mkdtemp())
src = BASE_DIR / "assets"
(src / "css").mkdir(parents=True)
(src / "img").mkdir()
(src / "css" / "site.css").write_text("body { background: url('../img/logo.png'); }\n" + "p { color: red; }\n" * 200)
(src / "img" / "logo.png").write_bytes(b"\x89PNG" + os.urandom(2000))
(src / "tiny.txt").write_text("x")
other = BASE_DIR / "other"
(other / "css").mkdir(parents=True)
(other / "css" / "site.css").write_text("/* shadowed */")

# --- the answer's settings, verbatim ---
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise directly after SecurityMiddleware, before the rest
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # ... the rest
]

STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
# --- end ---
setup(
    middleware=MIDDLEWARE,
    installed_apps=["django.contrib.staticfiles"],
    STATIC_URL=STATIC_URL,
    STATIC_ROOT=STATIC_ROOT,
    STORAGES=STORAGES,
    STATICFILES_DIRS=[src, other],
    templates={"page.html": "{% load static %}{% static 'css/site.css' %}", "missing.html": "{% load static %}{% static 'css/nope.css' %}"},
)
from io import StringIO

from django.core.management import call_command

urlpatterns = []
out = StringIO()
call_command("collectstatic", interactive=False, stdout=out, verbosity=1)
files = sorted(str(p.relative_to(STATIC_ROOT)) for p in STATIC_ROOT.rglob("*") if p.is_file())
manifest = json.loads((STATIC_ROOT / "staticfiles.json").read_text())
hashed_css = manifest["paths"]["css/site.css"]
claim(hashed_css.startswith("css/site.") and len(hashed_css.split(".")[1]) == 12, "css/site.css is also saved under a 12-hex-digit content hash name")
claim("css/site.css" in files and hashed_css in files, "both the original and the hashed copy are in STATIC_ROOT")
hashed_png = manifest["paths"]["img/logo.png"]
claim(hashed_png.split("/")[-1] in (STATIC_ROOT / hashed_css).read_text(), "url() references inside CSS are rewritten to hashed names")
claim("/* shadowed */" not in (STATIC_ROOT / "css/site.css").read_text(), "when two locations ship the same path, the first one found wins")
claim(hashed_css + ".gz" in files and gzip.decompress((STATIC_ROOT / (hashed_css + ".gz")).read_bytes()).startswith(b"body"), "WhiteNoise writes a .gz copy during collectstatic")
claim(not any(f.endswith("png.gz") for f in files), "already-compressed formats such as PNG are skipped by extension")
claim("tiny.txt.gz" not in files, "a .gz is written only when it saves space")

# The output: 6.0+ summarises files skipped because an earlier location had the same path.
text = out.getvalue()
SHADOW = "Found another file with the destination path 'css/site.css'"
if since(6, 0):
    claim(SHADOW not in text and "1 skipped due to conflict" in text, "6.0+: at the default verbosity only a summary of skipped files is printed")
    out2 = StringIO()
    call_command("collectstatic", interactive=False, stdout=out2, verbosity=2)
    claim(SHADOW in out2.getvalue(), "6.0+: --verbosity 2 lists each skipped file")
    equal(list(manifest["paths"]), sorted(manifest["paths"]), "6.0+: the manifest's entries are written in a stable (sorted) order")
else:
    claim(SHADOW in text, "5.2: each skipped file is listed at the default verbosity")

from django.template.loader import render_to_string
from django.test import override_settings

equal(render_to_string("page.html"), "/static/" + hashed_css, "{% static %} looks the name up in the manifest when DEBUG is False")
with raises(ValueError, "Missing staticfiles manifest entry", what="a file missing from the manifest raises ValueError"):
    render_to_string("missing.html")
with override_settings(DEBUG=True):
    equal(render_to_string("page.html"), "/static/css/site.css", "with DEBUG on the plain name is used")

# WhiteNoise serving (it scans STATIC_ROOT at startup)
from django.test import Client

c = Client()
r = c.get("/static/" + hashed_css)
equal(r.status_code, 200, "WhiteNoise serves the hashed file")
claim("immutable" in r["Cache-Control"] and "max-age=315360000" in r["Cache-Control"], "hashed files get far-future cache headers")
r = c.get("/static/tiny.txt")
equal(r["Cache-Control"], "max-age=60, public", "non-versioned files get a 60-second max-age by default")
r = c.get("/static/" + hashed_css, HTTP_ACCEPT_ENCODING="gzip")
equal(r.get("Content-Encoding"), "gzip", "the compressed variant is served to browsers that accept it")

from django.conf import global_settings

equal(sorted(global_settings.STORAGES), ["default", "staticfiles"], "STORAGES holds both default and staticfiles entries")
claim(not hasattr(global_settings, "STATICFILES_STORAGE"), "STATICFILES_STORAGE was removed (5.1)")
