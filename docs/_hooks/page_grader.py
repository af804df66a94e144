"""The page "Implement it yourself": the claims the grader checks and a report it printed, both made at build time.

``docs/implement-it-yourself.md`` is written by hand, but for two marker lines:
``GRADED`` becomes the list of the claims tagged ``@gradable`` in the chapters
(``speckit.features.tagged``), with their count; ``REPORT`` becomes the
report of a real grading run, of the committed wrong implementation
``tests/fixtures/implementations/slope_written_as_a.py``. So the page cannot
list a claim the grader does not check, nor show a report it does not print.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from docs._hooks import markup
from speckit.features import ROOT, tagged

PAGE = "implement-it-yourself.md"
GRADED = "Graded claims: @gradable"
REPORT = "Report: the slope written as a"
EXAMPLE = ROOT / "tests" / "fixtures" / "implementations" / "slope_written_as_a.py"
"""The file whose report the page shows: the sigmoid's slope written as a, one bug in the finished program."""


@dataclass
class Graded:
    """One scenario of a chapter that the grader checks, and how many claims (Examples rows) it makes."""

    name: str
    line: int
    claims: int = 1


@dataclass
class GradedChapter:
    title: str
    stem: str
    scenarios: list[Graded] = field(default_factory=list)


def graded(features: list[Path]) -> list[GradedChapter]:
    """The claims tagged @gradable, chapter by chapter, scenario by scenario, in file order."""
    chapters: dict[str, GradedChapter] = {}
    for claim in tagged("@gradable", features):
        chapter = chapters.setdefault(claim.path.stem, GradedChapter(claim.feature, claim.path.stem))
        last = chapter.scenarios[-1] if chapter.scenarios else None
        if last is not None and last.line == claim.line:
            last.claims += 1
        else:
            chapter.scenarios.append(Graded(claim.scenario, claim.line))
    return list(chapters.values())


def report(example: Path = EXAMPLE) -> str:
    """The grader's report on ``example``, as ``pytest features --implementation FILE`` prints it."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "features", "-q", "-p", "no:cacheprovider", "--implementation", str(example)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    start = done.stdout.find("=== The guide's claims")
    if start < 0:
        raise RuntimeError(f"the grader printed no report for {example.name}:\n{done.stdout[-2000:]}{done.stderr}")
    lines = done.stdout[start:].splitlines()
    end = next(i for i, line in enumerate(lines) if " claims hold, " in line)
    return "\n".join(lines[: end + 1])


def render(text: str, features: list[Path], *, computed: bool = True) -> str:
    """The page's Markdown with its two marker lines replaced (the report only in a computed build)."""
    chapters = graded(features)
    listing = markup.render(
        "_graded.md.j2",
        chapters=chapters,
        claims=sum(s.claims for c in chapters for s in c.scenarios),
        scenarios=sum(len(c.scenarios) for c in chapters),
    )
    shown = markup.render("_report.md.j2", report=report(), name=EXAMPLE.name) if computed else ""
    return text.replace(GRADED, listing.strip()).replace(REPORT, shown.strip())
