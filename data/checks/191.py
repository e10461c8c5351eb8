"""191 virtual environments: python -m venv creates pyvenv.cfg with
include-system-site-packages = false and a bin/python whose sys.prefix is
the venv while sys.base_prefix is not; packages of the outer environment
(Django here) are invisible inside; activate puts .venv/bin first on PATH;
Django's own metadata says 5.2 needs Python >= 3.10 and 6.x >= 3.12."""
import os
import subprocess
import sys
import tempfile

from djqcheck import claim, equal, setup, since

setup()
urlpatterns = []

import django

proj = tempfile.mkdtemp()
venv = os.path.join(proj, ".venv")
subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)  # pip needs no network here
cfg = open(os.path.join(venv, "pyvenv.cfg")).read()
claim("include-system-site-packages = false" in cfg, "pyvenv.cfg: include-system-site-packages = false by default")
claim("home = " in cfg and "version" in cfg, "pyvenv.cfg records home = and the Python version")
py = os.path.join(venv, "bin", "python")
claim(os.path.exists(py) and os.path.exists(os.path.join(venv, "bin", "activate")), ".venv/bin holds python and activate")
claim(os.path.isdir(os.path.join(venv, "lib", "python%d.%d" % sys.version_info[:2], "site-packages")),
      "the environment has its own lib/pythonX.Y/site-packages")

env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
r = subprocess.run([py, "-c", "import sys; print(sys.prefix); print(sys.base_prefix)"], capture_output=True, text=True, env=env, check=True)
prefix, base = r.stdout.split()
equal(os.path.realpath(prefix), os.path.realpath(venv), "inside, sys.prefix points at .venv")
claim(os.path.realpath(base) != os.path.realpath(venv), "while sys.base_prefix points at the installation it came from")

claim(django.__file__, "(Django is importable in the check's own environment)")
r = subprocess.run([py, "-c", "import django"], capture_output=True, text=True, env=env)
claim(r.returncode != 0 and "No module named 'django'" in r.stderr, "packages installed outside are invisible inside the venv")

r = subprocess.run(["bash", "-c", f"cd {proj} && source .venv/bin/activate && command -v python && deactivate && command -v python || true"],
                   capture_output=True, text=True, env=env)
lines = r.stdout.split()
equal(lines[0], os.path.join(venv, "bin", "python"), "activating makes `python` mean .venv/bin/python")
claim(len(lines) < 2 or lines[1] != lines[0], "deactivate goes back to the previous python")
r = subprocess.run([py, "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True, env=env, cwd="/")
equal(os.path.realpath(r.stdout.strip()), os.path.realpath(venv), "calling .venv/bin/python directly needs no activation")

from importlib.metadata import metadata

want = ">=3.12" if since(6, 0) else ">=3.10"
equal(metadata("django")["Requires-Python"], want, "Django 6.0 and 6.1 need Python 3.12+; 5.2 runs on 3.10+")
