"""A feature file read as a chapter: prose, figures and the evidence beside each claim. No markup here.

A chapter is the feature's description (the introduction), then its children
in file order:

* a ``Rule:`` is a section: its name is the heading, its description the prose
  (math, and figures where a line says ``Figure: <file>``), and its scenarios
  the evidence for what the prose claims;
* a scenario outside any rule is evidence for the prose above it;
* a ``Background:`` is the steps every scenario starts with.

Each piece of evidence knows its result in the last run (``results``), what its
steps measured, and how many rows an outline has; the templates decide how it
looks. A feature tagged ``@learn`` belongs to the Learn track of the
navigation; every other feature (a reader's new one included) to "Specify and
check".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docs._hooks.listings import Listing, ListingError, listings
from docs._hooks.prose import ProseError
from docs._hooks.results import FeatureResults, Outcome, RunResults, file_hash
from speckit.features import read_feature

LEARN_TAG = "@learn"
"""The Feature-level tag that puts a chapter in the Learn track."""
EXERCISE_TAG = "@exercise"
"""A scenario tagged so is an exercise: its description is the question, then a paragraph ``Answer: ...``."""
_ANSWER = re.compile(r"^Answer:[ \t]*", re.M)

_FIGURE_LINE = re.compile(r"^\s*Figure:\s*(\S+)\s*$")
_WIDGET_LINE = re.compile(r"^\s*Widget:\s*(\S+)\s*$")
_CODE_LINE = re.compile(r"^\s*Code:\s*(.+?)\s*$")

STATUS_ORDER = ("failed", "undefined", "changed", "skipped", "not run", "passed")
"""The status that wins when several outcomes are summed up: the worst first."""


@dataclass
class Step:
    keyword: str
    text: str
    line: int
    table: list[list[str]] | None = None
    docstring: str | None = None
    mark: str | None = None
    """``failed`` or ``undefined`` when the scenario stopped at this step."""


@dataclass
class Examples:
    title: str
    header: list[str]
    rows: list[list[str]]
    outcomes: list[Outcome]


@dataclass
class Evidence:
    """One scenario (or Scenario Outline) and its result in the last run."""

    name: str
    keyword: str
    line: int
    description: str
    """How the claim is checked and how its bounds were chosen: shown inside the evidence."""
    steps: list[Step]
    examples: list[Examples]
    outcomes: list[Outcome]
    tags: list[str]
    answer: str | None = None
    """An exercise's answer (its ``description`` is then the question); None for other evidence."""
    problem: str | None = None
    """Why the description (or the answer) cannot be shown, when it cannot: it is shown instead."""

    @property
    def status(self) -> str:
        return worst(o.status for o in self.outcomes)

    @property
    def is_exercise(self) -> bool:
        return EXERCISE_TAG in self.tags

    @property
    def is_outline(self) -> bool:
        return bool(self.examples)

    @property
    def counts(self) -> dict[str, int]:
        return counts(o.status for o in self.outcomes)

    @property
    def measured(self) -> list[tuple[str, list[float]]]:
        """What the steps measured, by name, over all rows: ``[(what, [value per row...])]``."""
        found: dict[str, list[float]] = {}
        for outcome in self.outcomes:
            # Two steps of one scenario that measure the same quantity and find the same value measured it once.
            for what, value in dict.fromkeys(outcome.measured):
                found.setdefault(what, []).append(value)
        return list(found.items())

    @property
    def open(self) -> bool:
        """A failure is never hidden: its evidence opens by default."""
        return self.status in ("failed", "undefined")


@dataclass
class Block:
    """One piece of a chapter, in reading order."""

    kind: str
    """``prose`` (sanitised HTML), ``figure``, ``widget``, ``code`` (``listings``), ``section`` (a rule's
    heading), ``background``, ``evidence``, or ``problem``: prose that cannot be shown, and why."""
    text: str = ""
    evidence: Evidence | None = None
    steps: list[Step] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)


@dataclass
class Chapter:
    path: Path
    name: str
    """The file's name relative to the features folder: the key in the results."""
    title: str
    track: str
    """``learn`` or ``check``."""
    blocks: list[Block]
    results: FeatureResults
    run: RunResults
    error: str | None = None
    """The parser's message when the file does not parse."""
    problems: list[str] = field(default_factory=list)
    """Prose that cannot be shown as written (``file:line: why``): each also shows in its place on the page."""

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def evidence(self) -> list[Evidence]:
        return [b.evidence for b in self.blocks if b.evidence is not None]

    @property
    def outcomes(self) -> list[Outcome]:
        if self.error is not None:
            return [Outcome("failed")]
        return [o for e in self.evidence for o in e.outcomes]

    @property
    def status(self) -> str:
        return worst(o.status for o in self.outcomes) if self.outcomes else "not run"

    @property
    def counts(self) -> dict[str, int]:
        return counts(o.status for o in self.outcomes)

    @property
    def figures(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "figure"]


def worst(statuses: Iterator[str] | list[str]) -> str:
    found = set(statuses)
    return next((s for s in STATUS_ORDER if s in found), "not run")


def counts(statuses) -> dict[str, int]:
    tally: dict[str, int] = {}
    for s in statuses:
        tally[s] = tally.get(s, 0) + 1
    order = ("passed", "failed", "undefined", "skipped", "not run", "changed")
    return {s: tally[s] for s in order if s in tally}


def feature_title(path: Path, document: dict | None) -> str:
    if document is not None and document.get("feature"):
        return str(document["feature"]["name"])
    match = re.search(r"^\s*Feature:\s*(.+)$", Path(path).read_text(encoding="utf-8-sig", errors="replace"), re.M)
    if match:
        return match.group(1).strip()
    return re.sub(r"^\d+-", "", Path(path).stem).replace("-", " ").capitalize()


def track_of(document: dict | None) -> str:
    """``learn`` for a feature tagged @learn, ``check`` for any other (or a file that does not parse)."""
    tags = [t["name"] for t in ((document or {}).get("feature") or {}).get("tags", ())]
    return "learn" if LEARN_TAG in tags else "check"


def dedent(value: str) -> str:
    lines = (value or "").splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines).strip("\n")


class _Reader:
    """What reading one feature file needs besides the parsed document: how to render prose, the widgets
    that exist, the file's lines (to name the line of a problem) and the problems found so far."""

    def __init__(self, name: str, source: str, render_prose: Callable[[str], str], widgets: set[str] | None):
        self.name = name
        self.lines = source.splitlines()
        self.render_prose = render_prose
        self.widgets = widgets
        self.problems: list[str] = []

    def line_of(self, text: str, after: int) -> int:
        """The number of the first line from ``after`` on that reads ``text`` (``after`` when none does)."""
        for number, line in enumerate(self.lines[after - 1 :], start=after):
            if line.strip().endswith(text.strip()):
                return number
        return after

    def problem(self, line: int, why: str) -> str:
        message = f"features/{self.name}:{line}: {why}"
        self.problems.append(message)
        return message

    def prose(self, text: str, line: int, what: str) -> tuple[str, str | None]:
        """``text`` rendered (sanitised HTML), or "" and the problem that stops it."""
        try:
            return self.render_prose(text), None
        except ProseError as error:
            return "", self.problem(line + error.line - 1, f"{what} cannot be shown: {error}")

    def blocks(self, value: str, line: int, what: str) -> list[Block]:
        """A description as prose, figure, widget and code blocks (a line ``Figure: <file>`` places a figure,
        ``Widget: <name>`` the widget ``templates/widgets/<name>.md.j2``, ``Code: <file>:<function>, ...``
        listings, see ``listings``); ``line``: its keyword's line."""
        blocks: list[Block] = []
        current: list[str] = []

        def flush() -> None:
            text = "\n".join(current).strip("\n")
            if text.strip():
                html, problem = self.prose(text, self.line_of(text.splitlines()[0], line), what)
                blocks.append(Block("problem", problem) if problem else Block("prose", html))
            current.clear()

        for text in dedent(value).splitlines():
            figure = _FIGURE_LINE.match(text)
            widget = _WIDGET_LINE.match(text)
            code = _CODE_LINE.match(text)
            if code:
                flush()
                try:
                    blocks.append(Block("code", listings=listings(code.group(1))))
                except ListingError as error:
                    blocks.append(Block("problem", self.problem(self.line_of(text, line), str(error))))
            elif figure:
                flush()
                blocks.append(Block("figure", figure.group(1)))
            elif widget and self.widgets is not None and widget.group(1) not in self.widgets:
                flush()
                known = ", ".join(sorted(self.widgets)) or "none"
                why = f"there is no widget {widget.group(1)!r}; the widgets: {known}"
                blocks.append(Block("problem", self.problem(self.line_of(text, line), why)))
            elif widget:
                flush()
                blocks.append(Block("widget", widget.group(1)))
            else:
                current.append(text)
        flush()
        return blocks


def _cells(row: dict) -> list[str]:
    return [str(cell["value"]) for cell in row["cells"]]


def _steps(steps: list[dict], marked: dict[int, str]) -> list[Step]:
    out = []
    for step in steps:
        rows = step.get("dataTable", {}).get("rows") if step.get("dataTable") else None
        out.append(
            Step(
                keyword=step["keyword"].strip(),
                text=step["text"],
                line=step["location"]["line"],
                table=[_cells(r) for r in rows] if rows else None,
                docstring=(step.get("docString") or {}).get("content"),
                mark=marked.get(step["location"]["line"]),
            )
        )
    return out


def _evidence(scenario: dict, results: FeatureResults, reader: _Reader) -> Evidence:
    line = scenario["location"]["line"]
    blocks = [e for e in scenario.get("examples", ()) if e.get("tableHeader")]
    examples: list[Examples] = []
    outcomes: list[Outcome] = []
    index = 0
    for block in blocks:
        rows = [_cells(r) for r in block.get("tableBody", ())]
        block_outcomes = [results.result(line, index + i) for i in range(len(rows))]
        index += len(rows)
        outcomes += block_outcomes
        title = block.get("keyword", "Examples").strip() + (": " + block["name"] if block.get("name") else "")
        examples.append(Examples(title, _cells(block["tableHeader"]), rows, block_outcomes))
    if not blocks:
        outcomes = [results.result(line)]
    marked = {}
    if not blocks and outcomes[0].step and outcomes[0].status in ("failed", "undefined"):
        marked[outcomes[0].step["line"]] = outcomes[0].status
    tags = [t["name"] for t in scenario.get("tags", ())]
    description, answer, problem = dedent(scenario.get("description", "")), None, None
    what = f"the description of {scenario['keyword'].strip()} {scenario['name']!r}"
    if EXERCISE_TAG in tags:
        question, *rest = _ANSWER.split(description, maxsplit=1)
        description = question.strip()
        if rest:
            first = reader.line_of(rest[0].strip().splitlines()[0], line) if rest[0].strip() else line
            answer, problem = reader.prose(rest[0].strip(), first, f"the answer of the exercise {scenario['name']!r}")
        else:
            problem = reader.problem(line, "this exercise has no answer: end its description with 'Answer: ...'")
    first = reader.line_of(description.splitlines()[0], line) if description else line
    html, unshown = reader.prose(description, first, what) if description else ("", None)
    problem = unshown or problem
    return Evidence(
        name=scenario["name"] or scenario["keyword"].strip(),
        keyword=scenario["keyword"].strip(),
        line=line,
        description=html,
        steps=_steps(scenario.get("steps", ()), marked),
        examples=examples,
        outcomes=outcomes,
        tags=tags,
        answer=answer,
        problem=problem,
    )


def _children(children: list[dict], results: FeatureResults, reader: _Reader) -> list[Block]:
    blocks: list[Block] = []
    for child in children:
        if "background" in child:
            blocks.append(Block("background", steps=_steps(child["background"].get("steps", ()), {})))
        elif "rule" in child:
            rule = child["rule"]
            blocks.append(Block("section", rule["name"]))
            where = f"the description of the Rule {rule['name']!r}"
            blocks += reader.blocks(rule.get("description", ""), rule["location"]["line"], where)
            blocks += _children(rule.get("children", ()), results, reader)
        elif "scenario" in child:
            blocks.append(Block("evidence", evidence=_evidence(child["scenario"], results, reader)))
    return blocks


def read_chapter(
    path: Path,
    name: str,
    document: dict | None,
    error: str | None,
    run: RunResults,
    render_prose: Callable[[str], str],
    widgets: set[str] | None = None,
) -> Chapter:
    """The chapter of one feature file.

    ``render_prose`` turns a description's Markdown into the HTML the page shows
    (``prose``: values filled in, sanitised); ``widgets``: the names a ``Widget:``
    line may place (None: any).
    """
    results = run.feature(name, file_hash(path))
    title = feature_title(path, document)
    if document is None:
        return Chapter(path, name, title, "check", [], results, run, error=error or results.malformed or "")
    feature = document["feature"]
    reader = _Reader(name, read_feature(path), render_prose, widgets)
    blocks = reader.blocks(feature.get("description", ""), feature["location"]["line"], "the feature's description")
    blocks += _children(feature.get("children", ()), results, reader)
    return Chapter(path, name, title, track_of(document), blocks, results, run, problems=reader.problems)
