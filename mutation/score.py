"""Turn mutmut's CI/CD stats into ``mutation/score.json`` and enforce the bar.

Run by ``make mutation`` after ``mutmut run`` and ``mutmut export-cicd-stats``.
The score is the share of the mutants in scope that the specification
catches: killed (a test failed) or timed out (mutmut stopped a run that took
far longer than the unmutated one). The run fails when the score is below 95%
or when any mutant is covered by no test at all. Survivors are printed; each is
either a missing scenario or listed, with its reason, in mutation/equivalent.md.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

from backprop.files import write_text
from speckit.features import ROOT

BAR = 0.95
STATS = ROOT / "mutants" / "mutmut-cicd-stats.json"
SCORE = ROOT / "mutation" / "score.json"
MEASURED_PATHS = ["backprop", "features", "steps", "conftest.py", "pyproject.toml"]


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def _commit() -> str:
    """The commit measured, marked when the code or specification had uncommitted changes."""
    commit = _git("rev-parse", "--short=12", "HEAD")
    dirty = _git("status", "--porcelain", "--untracked-files=no", "--", *MEASURED_PATHS)
    return f"{commit}+uncommitted" if dirty else commit


def _survivors() -> list[str]:
    listing = subprocess.run([sys.executable, "-m", "mutmut", "results"], cwd=ROOT, capture_output=True, text=True)
    return [line.strip() for line in listing.stdout.splitlines() if line.strip().endswith(": survived")]


def main() -> int:
    stats = json.loads(STATS.read_text())
    caught = stats["killed"] + stats["timeout"]
    total = stats["total"]
    score = caught / total if total else 0.0
    result = {
        "killed": stats["killed"],
        "survived": stats["survived"],
        "total": total,
        "no_tests": stats["no_tests"],
        "timeout": stats["timeout"],
        "suspicious": stats.get("suspicious", 0),
        "skipped": stats.get("skipped", 0),
        "score": round(score, 4),
        "bar": BAR,
        "commit": _commit(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    write_text(SCORE, json.dumps(result, indent=2) + "\n")  # whole: never a truncated score.json
    print(json.dumps(result, indent=2))
    survivors = _survivors()
    if survivors:
        print(f"\n{len(survivors)} surviving mutants (see `.venv/bin/mutmut show <name>`):")
        print("\n".join(f"  {name}" for name in survivors))
    failures = []
    if score < BAR:
        failures.append(f"mutation score {score:.1%} is below the bar of {BAR:.0%} (caught {caught} of {total})")
    if stats["no_tests"]:
        failures.append(f"{stats['no_tests']} mutants are covered by no test (mutmut's 'no tests')")
    for failure in failures:
        print(f"make mutation: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
