"""Run one check file as the module djqcheck.models: python -m djqcheck NNN.py"""

import importlib.machinery
import sys
import types

from . import ClaimFailed


def main(path):
    mod = types.ModuleType("djqcheck.models")
    mod.__file__ = path
    mod.__spec__ = importlib.machinery.ModuleSpec("djqcheck.models", None, origin=path)
    sys.modules["djqcheck.models"] = mod
    with open(path, encoding="utf-8") as f:
        code = compile(f.read(), path, "exec")
    try:
        exec(code, mod.__dict__)
    except ClaimFailed as e:
        print("%s: %s" % (path, e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
