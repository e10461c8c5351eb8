"""192 dependencies: the answer's requirements.in lines parse as PEP 508
requirements; Django>=5.2,<5.3 and ~=5.2.0 take 5.2 patch releases but not
5.3/6.0 (the installed 5.2 satisfies it, 6.1 does not); ~=6.0 also admits
6.1 and 6.2; pre-releases are skipped when a final release matches
unless --pre or a pre-release specifier; Django's
Requires-Python keeps 6.x off Python 3.11 while 5.2 installs there."""
import os
import subprocess
import sys

from djqcheck import claim, equal, setup, since

setup()
urlpatterns = []

import django
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

q = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "questions", "192-managing-dependencies.md")).read()
block = q.split("# requirements.in: direct dependencies only\n", 1)[1].split("```", 1)[0]
reqs = {r.name.lower(): r for r in (Requirement(line) for line in block.splitlines() if line.strip())}
equal(sorted(reqs), ["django", "djangorestframework", "gunicorn", "psycopg"], "requirements.in lists the direct dependencies")
equal(reqs["psycopg"].extras, {"binary"}, "psycopg[binary] is an extra")
series = reqs["django"].specifier
equal(str(series), SpecifierSet("<5.3,>=5.2").__str__(), "Django>=5.2,<5.3")

installed = django.get_version()
equal(Version(installed) in series, not since(6, 0), "the range admits the installed 5.2.x and refuses 6.x (%s)" % installed)
for v, ok in [("5.2.0", True), ("5.2.18", True), ("5.2.99", True), ("5.3", False), ("6.0", False)]:
    equal(series.contains(v), ok, "Django>=5.2,<5.3 stays on 5.2 and takes its patch releases (%s)" % v)
    equal(SpecifierSet("~=5.2.0").contains(v), ok, "~=5.2.0 is the same range (%s)" % v)
tilde = SpecifierSet("~=6.0")
claim(tilde.contains("6.1") and tilde.contains("6.2.3") and not tilde.contains("7.0"),
      "~=6.0 means >=6.0, ==6.*: it also admits 6.1 and 6.2")
available = ["6.0", "6.0.1", "6.1a1", "6.1rc1"]
equal(list(SpecifierSet(">=6.0").filter(available)), ["6.0", "6.0.1"], "pre-releases are skipped when a final release matches")
equal(list(SpecifierSet(">=6.0").filter(available, prereleases=True)), available, "--pre lets them in")
claim(SpecifierSet(">=6.1rc1").prereleases, "naming a pre-release in the specifier allows pre-releases")

from importlib.metadata import metadata

rp = SpecifierSet(metadata("django")["Requires-Python"])
equal(rp.contains("3.11.9"), not since(6, 0), "Python 3.11 can install 5.2 but not 6.0 or later")
claim(rp.contains("3.12.0"), "3.12 can install both")

out = subprocess.run([sys.executable, "-m", "django", "--version"], capture_output=True, text=True,
                     env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}).stdout.strip()
equal(out, installed, "python -m django --version prints the installed version")
