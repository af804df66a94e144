"""The templates of the site's generated pages (Jinja2, in ``templates/``) and the filters they use.

Pages are Markdown with a little HTML (``md_in_html``): ``text`` makes a
string literal in both, ``badge`` draws a result, ``number`` writes a number
(the site's one formatter, ``formatting.number``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import jinja2
import numpy as np

from docs._hooks.formatting import factor, number, plain

TEMPLATES = Path(__file__).resolve().parent / "templates"

LABELS = {
    "passed": "passed",
    "failed": "failed",
    "undefined": "undefined step",
    "skipped": "skipped",
    "not run": "not run",
    "changed": "changed since last run",
}
ICONS = {"passed": "✔", "failed": "✘", "undefined": "?", "skipped": "–", "not run": "○", "changed": "✎"}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|$~^&])")


def text(s: object) -> str:
    """Literal text safe inside Markdown and HTML: every special character as an entity.

    Step sentences are shown exactly as written: ``W1[0,1]`` is not a link,
    ``x_1 * y`` is not emphasis, ``$`` is not math.
    """
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", str(s))


def attribute(value: str, limit: int = 300) -> str:
    """A value for an HTML attribute that also survives inside a Markdown table row."""
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    escaped = html.escape(value, quote=True).replace("&", "\0")
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", escaped).replace("\0", "&").replace("\n", "&#10;")


def badge(status: str, detail: str = "", short: bool = False) -> str:
    title = f' title="{attribute(detail)}"' if detail else ""
    label = "" if short else f" {LABELS[status]}"
    return f'<span class="bdd-status bdd-{status.replace(" ", "-")}"{title}>{ICONS[status]}{label}</span>'


def fence(content: str, language: str = "") -> str:
    ticks = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", content)), default=0))
    return f"{ticks}{language}\n{content}\n{ticks}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def measured_value(values: list[float]) -> str:
    """One measured value, or the range of an outline's values, formatted for HTML."""
    if len(values) == 1:
        return number(values[0], 4, "html")
    low, high = min(values), max(values)
    if low == high:
        return f"{number(low, 4, 'html')} in every row"
    return f"from {number(low, 4, 'html')} to {number(high, 4, 'html')}"


_NUMBER = re.compile(r"[-+]?(\d[\d_,]*\.?\d*|\.\d+)([eE][-+]?\d+)?%?")


def cell(value: str) -> str:
    """A table cell's text; a number is kept on one line (``1e-6`` would otherwise break at its minus).

    A long name may break after an underscore (``categorical_cross_entropy``), so that it does not set
    the width of a whole column.
    """
    if _NUMBER.fullmatch(value.strip()):
        return f'<span class="bdd-number">{text(value.strip())}</span>'
    return text(value).replace(text("_"), text("_") + "<wbr>")


def text_rows(rows: list[list[str]]) -> list[list[str]]:
    return [[cell(value) for value in row] for row in rows]


def examples_table(header: list[str], rows: list[list[str]], outcomes: list) -> str:
    """An Examples table: each row led by its result (so a narrow screen shows it first), then its cells,
    then what the row measured: a column per quantity when every measuring row measured the same ones,
    else one column of ``name = value`` (names that carry the row's own settings)."""
    named = {tuple(what for what, _ in outcome.measured) for outcome in outcomes if outcome.measured}
    columns = list(named.pop()) if len(named) == 1 else []

    def measured(outcome) -> list[str]:
        if columns:
            values = dict(outcome.measured)
            return [
                f'<span class="bdd-measured bdd-number">{number(values[what], 4, "html")}</span>'
                if what in values
                else ""
                for what in columns
            ]
        if not named:
            return []
        shown = "; ".join(f"{text(what)} = {number(v, 4, 'html')}" for what, v in outcome.measured)
        return [f'<span class="bdd-measured">{shown}</span>' if shown else ""]

    body = [
        [badge(outcome.status, outcome.message or "", short=True), *text_rows([row])[0], *measured(outcome)]
        for row, outcome in zip(rows, outcomes, strict=True)
    ]
    last = [f"{text(what)} (last run)" for what in columns] or (["measured in the last run"] if named else [])
    return table(["result", *map(text, header), *last], body)


ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=False,  # the pages are Markdown: every value goes through `text` or `attribute`
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
ENVIRONMENT.filters.update(
    text=text,
    attribute=attribute,
    badge=badge,
    fence=fence,
    number=number,
    measured_value=measured_value,
    text_rows=text_rows,
    parameter_rows=lambda parameters: [[f"`{name}`", text(kind)] for name, kind in parameters],
    median=lambda values: float(np.median(values)),
)
ENVIRONMENT.globals.update(LABELS=LABELS, ICONS=ICONS, table=table, badge=badge, examples_table=examples_table)


def widgets() -> set[str]:
    """The widgets a ``Widget: <name>`` line may place: ``templates/widgets/<name>.md.j2``."""
    return {path.name.removesuffix(".md.j2") for path in (TEMPLATES / "widgets").glob("*.md.j2")}


LATEX_ENVIRONMENT = ENVIRONMENT.overlay(
    block_start_string="<%",
    block_end_string="%>",
    variable_start_string="<<",
    variable_end_string=">>",
    comment_start_string="<#",
    comment_end_string="#>",
    extensions=["jinja2.ext.do"],
)
"""For pages that are mostly LaTeX (the worked example), whose braces would clash with ``{{ }}`` and ``{% %}``."""
LATEX_ENVIRONMENT.filters.update(
    num=lambda x, digits=6: number(x, digits, "latex"),
    factor=factor,
    plain=plain,
    repr=repr,
)


def render_latex(template: str, **context: object) -> str:
    """The page ``template`` (in ``templates/``, written with ``<< >>`` and ``<% %>``) filled with ``context``."""
    return LATEX_ENVIRONMENT.get_template(template).render(**context)


_FIGURE_LINE = re.compile(r"^[ \t]*Figure:[ \t]*(\S+)[ \t]*$", re.M)


def render_page_prose(markdown: str, figures: dict, depth: int = 0) -> str:
    """A static page with its ``Figure: <file>`` lines replaced by the figures (depth: folders below the root)."""

    def figure(match: re.Match) -> str:
        if not figures:  # a layout build without the experiments has no figures
            return ""
        return render("_figure.md.j2", figure=figures[match.group(1)], prefix="../" * depth)

    return _FIGURE_LINE.sub(figure, markdown)


def render(template: str, **context: object) -> str:
    """The page ``template`` (a file in ``templates/``) filled with ``context``."""
    return ENVIRONMENT.get_template(template).render(**context)
