"""Feature file + last run's results -> a Markdown chapter page. No MkDocs here.

The input is what gherkin-official parses (the same parser pytest-bdd uses) and
the JSON that ``speckit/results.py`` writes; the output is plain Markdown
(with a few HTML spans and ``!!!`` admonitions), so any site generator, or a
generate-then-build step, can drive it. The MkDocs hook (``site.py``) is thin.

Every scenario and every Examples row gets one of these results:

* ``passed``, ``failed`` (the failing step and the message), ``undefined``
  (a sentence with no step definition), ``skipped`` (with the reason);
* ``not run`` when the last run did not run it (deselected, new, or no run yet);
* ``changed`` when the feature file's hash differs from the one recorded with
  the results: the verdict would be stale, so none is shown.

What a scenario's steps measured (``measured`` in the results) is shown under
its status, or in a column of its Examples table: the live value behind each
bound, which the feature's prose describes but does not type.
"""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from docs._hooks.formatting import number

STATUSES = ("passed", "failed", "undefined", "skipped", "not run", "changed")
LABELS = {
    "passed": "passed",
    "failed": "failed",
    "undefined": "undefined step",
    "skipped": "skipped",
    "not run": "not run",
    "changed": "changed since last run",
}
SHORT_LABELS = {**LABELS, "undefined": "undefined", "changed": "changed"}
ICONS = {"passed": "✔", "failed": "✘", "undefined": "?", "skipped": "–", "not run": "○", "changed": "✎"}


@dataclass
class Link:
    label: str
    url: str
    title: str = ""


@dataclass
class Figure:
    url: str
    caption: str
    alt: str = ""
    """A short description for the image's alt text (the caption when empty)."""


@dataclass
class ChapterExtras:
    """What the site adds around a chapter: links and figures (all optional)."""

    step_links: list[Link] = field(default_factory=list)
    api_links: list[Link] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    source_url: str | None = None


# --- reading the inputs


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


class RunResults:
    """The last run's results (``None`` data: there was no run), looked up per feature."""

    def __init__(self, data: dict | None):
        self.data = data or {}
        self._by_key = {(s["feature"], s["line"], s.get("row")): s for s in self.data.get("scenarios", ())}

    @property
    def exists(self) -> bool:
        return bool(self.data)

    def feature(self, name: str, current_hash: str) -> FeatureResults:
        recorded = self.data.get("features", {}).get(name, {}).get("sha256")
        changed = self.exists and recorded is not None and recorded != current_hash
        return FeatureResults(self, name, changed=changed, malformed=self.data.get("malformed", {}).get(name))


@dataclass
class FeatureResults:
    run: RunResults
    name: str
    changed: bool
    malformed: str | None

    def result(self, line: int, row: int | None = None) -> dict:
        """``{"status": ..., "step": ..., "message": ...}`` of one scenario or Examples row."""
        if self.changed:
            return {"status": "changed"}
        found = self.run._by_key.get((self.name, line, row))
        return found if found is not None else {"status": "not run"}


# --- small Markdown helpers

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|$~^&])")


def text(s: str) -> str:
    """Literal text safe inside Markdown and HTML: every special character as an entity.

    Step sentences are shown exactly as written: ``W1[0,1]`` is not a link,
    ``x_1 * y`` is not emphasis, ``$`` is not math.
    """
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", s)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def fence(content: str, language: str = "") -> str:
    ticks = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", content)), default=0))
    return f"{ticks}{language}\n{content}\n{ticks}"


def attribute(value: str, limit: int = 300) -> str:
    """A value for an HTML attribute that also survives inside a Markdown table row."""
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return (
        _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", html.escape(value, quote=True).replace("&", "\0"))
        .replace("\0", "&")
        .replace("\n", "&#10;")
    )


def badge(status: str, detail: str = "") -> str:
    title = f' title="{attribute(detail)}"' if detail else ""
    css = status.replace(" ", "-")
    return f'<span class="bdd-status bdd-{css}"{title}>{ICONS[status]} {LABELS[status]}</span>'


def admonition(kind: str, title: str, body: str, collapsible: bool = False) -> str:
    marker = "???" if collapsible else "!!!"
    indented = textwrap.indent(body.strip("\n"), "    ")
    return f'{marker} {kind} "{title}"\n\n{indented}\n'


def _title(value: str) -> str:
    return value.replace('"', "&quot;")


def description(value: str) -> str:
    """A feature's or scenario's description, passed through as Markdown (math included)."""
    return textwrap.dedent(value or "").strip("\n")


# --- the chapter


def _cells(row: dict) -> list[str]:
    return [text(cell["value"]) for cell in row["cells"]]


def _step_lines(steps: list[dict], marked: dict[int, str]) -> list[str]:
    out = []
    for step in steps:
        keyword = step["keyword"].strip()
        status = marked.get(step["location"]["line"])
        css = f"bdd-step bdd-step-{status}" if status else "bdd-step"
        out.append(
            f'<p class="{css}"><span class="bdd-keyword">{html.escape(keyword)}</span> {text(step["text"])}</p>\n'
        )
        if step.get("dataTable"):
            rows = step["dataTable"]["rows"]
            out.append(
                '<div class="bdd-table" markdown>\n\n'
                + table(_cells(rows[0]), [_cells(r) for r in rows[1:]])
                + "\n\n</div>\n"
            )
        if step.get("docString"):
            doc = step["docString"]
            out.append(fence(doc["content"], doc.get("mediaType") or "") + "\n")
    return out


def _steps_block(steps: list[dict], marked: dict[int, str] | None = None) -> str:
    """The steps; ``marked`` maps a step's line to the status that stopped the scenario there."""
    return '<div class="bdd-steps" markdown>\n\n' + "\n".join(_step_lines(steps, marked or {})) + "\n</div>\n"


def _failure_details(result: dict, where: str = "") -> str:
    status = result["status"]
    step = result.get("step")
    message = result.get("message") or ""
    if status == "failed":
        head = (
            f"Failed at step “{step['keyword']} {step['text']}” (line {step['line']}){where}"
            if step
            else f"Failed{where}"
        )
        return admonition("failure", _title(head), fence(message.strip() or "(no message)", "text"))
    if status == "undefined":
        head = (
            f"Undefined step “{step['keyword']} {step['text']}” (line {step['line']}){where}"
            if step
            else "Undefined step"
        )
        body = "No step definition matches this sentence. The step catalog lists the sentences available.\n\n"
        return admonition("warning", _title(head), body + fence(message.strip(), "text"))
    if status == "skipped":
        return admonition("note", _title(f"Skipped{where}"), text(message or "skipped"))
    return ""


def measurements(result: dict) -> str:
    """``what = value; ...`` of what the last run measured for one scenario or row ("" if nothing)."""
    return "; ".join(f"{text(m['what'])} = {number(m['value'], 4, 'html')}" for m in result.get("measured") or ())


def _tags(node: dict) -> str:
    tags = [t["name"] for t in node.get("tags", ())]
    return " ".join(f'<span class="bdd-tag">{html.escape(t)}</span>' for t in tags)


def _scenario(scenario: dict, results: FeatureResults, level: int) -> str:
    line = scenario["location"]["line"]
    keyword = scenario["keyword"].strip()
    parts = [f"{'#' * level} {text(scenario['name'] or keyword)}\n"]
    examples = [e for e in scenario.get("examples", ()) if e.get("tableHeader")]
    status_line = [f'<span class="bdd-keyword-name">{html.escape(keyword)}</span>']
    outcomes = []
    if examples:
        row_results = []
        index = 0
        for block in examples:
            for _ in block.get("tableBody", ()):
                row_results.append(results.result(line, index))
                index += 1
        outcomes = row_results
        counts = _counts(r["status"] for r in row_results)
        status_line.append(" ".join(badge(s, f"{n} of {len(row_results)} rows") + f" ×{n}" for s, n in counts.items()))
    else:
        result = results.result(line)
        outcomes = [result]
        status_line.append(badge(result["status"], result.get("message") or ""))
    if _tags(scenario):
        status_line.append(_tags(scenario))
    parts.append('<p class="bdd-scenario-status">' + " ".join(status_line) + "</p>\n")
    if not examples and measurements(outcomes[0]):
        parts.append(f'<p class="bdd-measured">Measured in the last run: {measurements(outcomes[0])}</p>\n')
    if scenario.get("description"):
        parts.append(description(scenario["description"]) + "\n")
    marked = {
        r["step"]["line"]: r["status"]
        for r in outcomes
        if r.get("step") and r["status"] in ("failed", "undefined") and not examples
    }
    parts.append(_steps_block(scenario.get("steps", ()), marked))
    if examples:
        index = 0
        details = []
        measured = any(measurements(r) for r in outcomes)
        for block in examples:
            title = block.get("keyword", "Examples").strip() + (": " + block["name"] if block.get("name") else "")
            parts.append(f'<p class="bdd-examples-title">{text(title)} {_tags(block)}</p>\n')
            header = _cells(block["tableHeader"]) + ["result"] + (["measured in the last run"] if measured else [])
            rows = []
            for row in block.get("tableBody", ()):
                result = outcomes[index]
                rows.append(
                    _cells(row)
                    + [badge(result["status"], result.get("message") or "")]
                    + ([f'<span class="bdd-measured">{measurements(result)}</span>'] if measured else [])
                )
                details.append(_failure_details(result, f" — row {index + 1}, line {row['location']['line']}"))
                index += 1
            parts.append(table(header, rows) + "\n")
        parts.extend(d for d in details if d)
    else:
        detail = _failure_details(outcomes[0])
        if detail:
            parts.append(detail)
    return "\n".join(parts)


def _counts(statuses) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return {s: counts[s] for s in STATUSES if s in counts}


def scenario_results(document: dict, results: FeatureResults) -> list[dict]:
    """One result per scenario or Examples row of a parsed feature, in file order."""
    out = []
    for scenario in _scenarios(document["feature"]):
        line = scenario["location"]["line"]
        rows = sum(len(e.get("tableBody", ())) for e in scenario.get("examples", ()) if e.get("tableHeader"))
        if rows:
            out += [results.result(line, i) for i in range(rows)]
        else:
            out.append(results.result(line))
    return out


def _scenarios(container: dict):
    for child in container.get("children", ()):
        if "scenario" in child:
            yield child["scenario"]
        elif "rule" in child:
            yield from _scenarios(child["rule"])


def feature_title(path: Path, document: dict | None) -> str:
    if document is not None and document.get("feature"):
        return document["feature"]["name"]
    match = re.search(r"^\s*Feature:\s*(.+)$", Path(path).read_text(encoding="utf-8"), re.M)
    if match:
        return match.group(1).strip()
    return re.sub(r"^\d+-", "", Path(path).stem).replace("-", " ").capitalize()


def chapter(
    path: Path,
    document: dict | None,
    parse_error: str | None,
    run: RunResults,
    name: str,
    extras: ChapterExtras | None = None,
) -> str:
    """The Markdown page of one feature file.

    ``name`` is the file's name relative to the features folder (the key in
    the results); ``document`` is gherkin-official's parse, or ``None`` with
    ``parse_error`` when the file does not parse.
    """
    extras = extras or ChapterExtras()
    results = run.feature(name, file_hash(path))
    title = feature_title(path, document)
    out = [f"# {text(title)}\n"]
    if document is None:
        out.append(_summary([{"status": "failed"}], run, results))
        body = "This feature file does not parse, so none of its scenarios can run. The parser says:\n\n"
        out.append(
            admonition(
                "failure", "Malformed feature file", body + fence(parse_error or results.malformed or "", "text")
            )
        )
        out.append(
            f"The file as written (`{text(name)}`):\n\n"
            + fence(Path(path).read_text(encoding="utf-8"), "gherkin")
            + "\n"
        )
        out.append(_see_also(extras))
        return "\n".join(out)
    feature = document["feature"]
    out.append(_summary(scenario_results(document, results), run, results))
    if results.changed:
        out.append(
            admonition(
                "info",
                "Changed since last run",
                "This feature file was edited after the last recorded run, so the results below "
                "are not shown. Run `make docs` (or `make test` with `--results-json`) to refresh them.",
            )
        )
    if feature.get("description"):
        out.append(description(feature["description"]) + "\n")
    for child in feature.get("children", ()):
        out.append(_child(child, results, level=2))
    if extras.figures:
        out.append("## Figures\n")
        for figure in extras.figures:
            out.append(
                f'<figure class="bdd-figure" markdown>\n![{text(figure.alt or figure.caption)}]({figure.url})\n'
                f"<figcaption>{text(figure.caption)}</figcaption>\n</figure>\n"
            )
    out.append(_see_also(extras))
    return "\n".join(out)


def _child(child: dict, results: FeatureResults, level: int) -> str:
    if "background" in child:
        background = child["background"]
        name = ": " + text(background["name"]) if background.get("name") else ""
        head = f"{'#' * level} {text(background['keyword'].strip())}{name}\n"
        note = '<p class="bdd-scenario-status">Every scenario below starts with these steps.</p>\n'
        return "\n".join([head, note, _steps_block(background.get("steps", ()))])
    if "rule" in child:
        rule = child["rule"]
        parts = [f"{'#' * level} {text(rule['keyword'].strip())}: {text(rule['name'])}\n"]
        if rule.get("description"):
            parts.append(description(rule["description"]) + "\n")
        parts += [_child(c, results, level + 1) for c in rule.get("children", ())]
        return "\n".join(parts)
    return _scenario(child["scenario"], results, level)


def _summary(outcomes: list[dict], run: RunResults, results: FeatureResults) -> str:
    counts = _counts(o["status"] for o in outcomes)
    n = len(outcomes)
    pieces = [badge(status, f"{count} of {n}") + f" {count}" for status, count in counts.items()]
    when = (
        f" · last run {html.escape(run.data['date'])}" if run.exists and run.data.get("date") else " · no recorded run"
    )
    noun = "scenario" if n == 1 else "scenarios (each Examples row counts once)"
    return f'<p class="bdd-summary">{n} {noun}: {" ".join(pieces)}{when}</p>\n'


def _see_also(extras: ChapterExtras) -> str:
    parts = []
    if extras.step_links or extras.api_links or extras.source_url:
        parts.append("## Behind this chapter\n")
    if extras.step_links:
        parts.append("The step definitions its sentences use (in the step catalog):\n")
        parts += [f"- [{text(link.label)}]({link.url})" for link in extras.step_links]
        parts.append("")
    if extras.api_links:
        parts.append("The `backprop` API those steps call:\n")
        parts += [f"- [`{html.escape(link.label)}`]({link.url})" for link in extras.api_links]
        parts.append("")
    if extras.source_url:
        parts.append(f"The feature file: `{text(extras.source_url)}`.\n")
    return "\n".join(parts)


# --- the results page


def results_page(entries: list[tuple[str, str, list[dict], bool, bool]], run: RunResults) -> str:
    """Counts per feature. ``entries``: (title, url, outcomes, changed, malformed) in chapter order."""
    out = ["# Results of the last run\n"]
    if not run.exists:
        out.append(
            admonition("warning", "No recorded run", "Run `make docs` to run the scenarios and record their results.")
        )
    else:
        commit = run.data.get("commit") or "unknown"
        dirty = " with uncommitted changes" if run.data.get("dirty") else ""
        out.append(
            f"Run on {html.escape(run.data.get('date', '?'))} at commit `{commit[:12]}`{dirty}, "
            f"command `{html.escape(run.data.get('command', 'pytest'))}`.\n"
        )
    header = ["Chapter", *[SHORT_LABELS[s] for s in STATUSES], "total"]
    rows, totals = [], {s: 0 for s in STATUSES}
    for title, url, outcomes, _changed, malformed in entries:
        counts = _counts(o["status"] for o in outcomes)
        for s, c in counts.items():
            totals[s] += c
        name = f"[{text(title)}]({url})" + (" (malformed file)" if malformed else "")
        rows.append([name, *[str(counts.get(s, 0)) if counts.get(s) else "" for s in STATUSES], str(len(outcomes))])
    rows.append(
        [
            "**All chapters**",
            *[f"**{totals[s]}**" if totals[s] else "" for s in STATUSES],
            f"**{sum(totals.values())}**",
        ]
    )
    out.append('<div class="bdd-results" markdown>\n\n' + table(header, rows) + "\n\n</div>\n")
    out.append(
        "Each scenario counts once; a Scenario Outline counts once per Examples row. "
        "A malformed feature file counts as one failure. *Skipped* and *not run* are not passes.\n"
    )
    errors = run.data.get("collection_errors") or []
    if errors:
        out.append(admonition("failure", "Collection errors", fence("\n\n".join(errors), "text")))
    return "\n".join(out)


def mutation_section(score: dict) -> str:
    killed, survived, total = score.get("killed"), score.get("survived"), score.get("total")
    share = f"{100 * killed / total:.1f}%" if killed is not None and total else "n/a"
    return (
        "## Mutation score\n\n"
        + table(
            ["killed", "survived", "total", "score", "commit", "date"],
            [
                [
                    str(killed),
                    str(survived),
                    str(total),
                    share,
                    f"`{str(score.get('commit', ''))[:12]}`",
                    html.escape(str(score.get("date", ""))),
                ]
            ],
        )
        + "\n\nFrom `mutation/score.json` (`make mutation`): each mutant is a small change to `backprop/`; "
        "a killed mutant made some scenario fail.\n"
    )
