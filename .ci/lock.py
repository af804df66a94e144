"""Pin every dependency for each supported Python, in one constraints file.

    python .ci/lock.py PYTHON_3_10 PYTHON_3_11_OR_NEWER

resolves the project's extras in a scratch virtual environment per interpreter
(the newest versions pyproject.toml allows *for that Python*: numpy 2.3+ and
scipy 1.16+ need 3.11, for example), and writes constraints.txt: a pin that both
agree on is written once, the others carry a ``python_version`` marker. `make`
installs with ``-c constraints.txt``, so a build next year resolves the same.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = "cli,test,docs,browser,mutation"
MARKERS = ('python_version < "3.11"', 'python_version >= "3.11"')


def freeze(python: str, extras: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as scratch:
        venv = Path(scratch) / "venv"
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
        subprocess.run(pip + ["install", "--quiet", "--upgrade", "pip>=24,<27"], check=True)
        subprocess.run(pip + ["install", "--quiet", "-e", f"{ROOT}[{extras}]"], check=True)
        out = subprocess.run(pip + ["freeze", "--exclude-editable"], check=True, capture_output=True, text=True).stdout
    pins = {}
    for line in out.splitlines():
        if "==" in line and not line.startswith("-e"):
            name, version = line.split("==", 1)
            pins[name.lower()] = version
    return pins


def main(python_310: str, python_311: str) -> None:
    old, new = freeze(python_310, EXTRAS), freeze(python_311, EXTRAS + ",peers")
    lines = ["# Pinned versions of every dependency, per Python (make lock regenerates this file)."]
    for name in sorted(old.keys() | new.keys()):
        if old.get(name) == new.get(name):
            lines.append(f"{name}=={new[name]}")
            continue
        for pins, marker in zip((old, new), MARKERS):
            if name in pins:
                lines.append(f"{name}=={pins[name]} ; {marker}")
    (ROOT / "constraints.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
