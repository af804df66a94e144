"""Generate the site's pages and figures: features + last run + the package -> Markdown and SVG files.

A plain step, callable without MkDocs::

    python -m docs._hooks OUT    # writes OUT/chapters/*.md, OUT/figures/*.svg, ... and OUT/nav.json

``generate()`` returns every generated page (Markdown), every generated file
(figures, the widgets' data, the original text), the navigation and the
problems found in the feature files; the MkDocs hook (``site.py``) only adds
them to the build. Moving to another generator that reads Markdown from a
folder (Zensical, a MkDocs fork) means running this step first and pointing
that generator at the folder: see ``docs/about-the-site.md``.

Its parts, each a module: the chapters (``chapter``, with the prose of
``prose``), the navigation (``navigation``), the API pages and links (``api``),
the widgets' data (``widget_data``), the computed pages and figures
(``page_worked_example``, ``page_errata``, ``gallery``, ``values``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import steps
from docs._hooks import api, cache, listings, markup, navigation, prose, sentences, widget_data
from docs._hooks import chapter as chapters
from docs._hooks.results import RunResults
from speckit.catalog import StepDefinition, step_definitions
from speckit.features import ROOT, feature_paths, parse_feature
from speckit.features import sentences as step_sentences

DOCS = ROOT / "docs"
FEATURES = Path(os.environ.get("BACKPROP_FEATURES", ROOT / "features"))
"""The feature files the site is made of; ``BACKPROP_FEATURES`` builds the site of another folder
(a scratch specification's, as the browser check of hostile feature files does)."""
RESULTS = Path(os.environ.get("BACKPROP_RESULTS", ROOT / ".results" / "last-run.json"))
MUTATION_SCORE = ROOT / "mutation" / "score.json"
BENCHMARKS = ROOT / "benchmarks" / "last-run.md"
ORIGINAL = DOCS / "original" / "a-beginners-guide-to-backpropagation.txt"

GENERATED = [
    "worked-example.md",
    "errata.md",
    "original.md",
    "program.md",
    "step-catalog.md",
    "results.md",
    "performance.md",
]
"""The pages the build generates besides the chapters and the API: a description may link to them."""
SEARCH_BOOST = {"learn": 4, "check": 1}
"""Material's page search boost: a Learn page outranks the catalog and the API for the words it teaches."""
GRADER = "13-implement-it-yourself"
"""The chapter whose scenarios run the finished program and grade implementations against the guide."""
STATIC_PAGES_WITH_VALUES = ("notation.md",)
"""Static pages whose Markdown may place figures (``Figure: <file>``) and computed values (``{{ ... }}``)."""


@dataclass
class Site:
    """What the step generates: pages (path -> Markdown), other files (path -> bytes) and the navigation."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """What a feature file asks for that the site cannot show (``file:line: why``): each page shows its own
    in place; the MkDocs hook reports them as warnings, so a strict build fails on them."""

    def contents(self) -> list[tuple[str, bytes]]:
        """Every page (as UTF-8) and file, by its path in the site."""
        return [(path, page.encode("utf-8")) for path, page in self.pages.items()] + list(self.files.items())

    def write(self, out: Path) -> None:
        """Write every page and file, and nav.json, each whole (a temporary name, then a rename)."""
        from backprop.files import write_bytes, write_text

        for path, content in self.contents():
            target = Path(out) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(target, content)
        write_text(Path(out) / "nav.json", json.dumps(self.nav, indent=1) + "\n")


def load_results(path: Path = RESULTS) -> RunResults:
    return RunResults(json.loads(path.read_text(encoding="utf-8")) if path.exists() else None)


def _values() -> dict:
    """What a chapter's prose may quote as ``{{ name... }}``: numbers computed by the package."""
    from docs._hooks import values

    return values.context()


def prose_renderer(context: dict, page: str, pages: set[str], *, strict: bool = True) -> Callable[[str], str]:
    """A description's Markdown -> the sanitised HTML that the page ``page`` shows (``prose``), with the
    computed values of ``context`` filled in; ``pages``: the pages a link may point to.

    ``strict``: a value the context lacks is an error; otherwise (a layout build
    without the experiments) the template stays as written.
    """
    values = prose.values_template(context, strict=strict)
    return lambda text: prose.to_html(values(text), page, pages)


def known_pages(features: list[Path]) -> set[str]:
    """Every page of the site, by its path: the chapters, the static pages, the generated ones and the API."""
    static = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "_hooks" not in p.parts}
    return {f"chapters/{path.stem}.md" for path in features} | static | set(GENERATED) | set(api.pages())


def _performance_page(site: Site, figures: dict) -> str:
    """``benchmarks/last-run.md``, with the files it links to copied to ``performance/``, and the cost figure
    (the chapter Why backprop's, drawn from the same run's ``last-run.json``) after it."""
    text = BENCHMARKS.read_text(encoding="utf-8")

    def relink(match: re.Match) -> str:
        target = match.group(2)
        local = BENCHMARKS.parent / target
        if "://" in target or target.startswith(("#", "/")) or not local.is_file():
            return match.group(0)
        site.files[f"performance/{target}"] = local.read_bytes()
        return f"{match.group(1)}performance/{target}{match.group(3)}"

    # Wide tables of measurements: set smaller, as the results table is, so nine columns fit a desktop column.
    body = re.sub(r'(\]\(|src=")([^)"\s]+)(\)|")', relink, text)
    cost = figures.get("gradient-cost.svg")
    drawn = "" if cost is None else "\n" + markup.render("_figure.md.j2", figure=cost, prefix="")
    return f'<div class="bdd-benchmarks" markdown>\n\n{body}\n\n</div>\n{drawn}'


def generate(results_path: Path = RESULTS, *, computed: bool = True, api_stubs: bool = False) -> Site:
    """Every generated page and figure, and the navigation.

    ``computed=False`` skips the package's experiments (figures, the worked
    example, the errata): a quick layout build, whose links to those pages
    then do not resolve. ``api_stubs``: the API pages say where the reference
    is, instead of asking mkdocstrings to render it (seconds, while serving).
    """
    site = Site()
    run = load_results(results_path)
    steps.load()  # the step catalog lists what the steps modules define and register
    definitions = step_definitions()
    figures: dict = {}
    context: dict = {}
    if computed:
        from docs._hooks import gallery, page_errata, page_worked_example

        for figure in gallery.FIGURES:
            site.files[f"figures/{figure.filename}"] = cache.drawn(f"figures/{figure.filename}", figure.draw)
            figures[figure.filename] = figure
        context = _values()
        site.files["assets/generated/xor-starts.json"] = cache.drawn("xor-starts.json", widget_data.write_xor_starts)
        site.pages["worked-example.md"] = page_worked_example.render()
        site.pages["errata.md"] = page_errata.render()
    site.files.update({path: data() for path, data in widget_data.FILES.items()})
    features = feature_paths(FEATURES)
    pages = known_pages(features)
    widgets = markup.widgets()
    if ORIGINAL.exists():
        from docs._hooks import page_errata

        # The line marks are links inside <pre>, which MkDocs does not rewrite: written as the pages' URLs.
        def url(page: str) -> str:
            return prose.relative_url(prose.directory_url(page), prose.directory_url("original.md"))

        lines = page_errata.original_lines(ORIGINAL)
        site.pages["original.md"] = markup.render(
            "original.md.j2",
            lines=lines,
            errata=page_errata.errata_by_line(),
            errata_url=url("errata.md"),
            program_url=url("program.md"),
            stops=page_errata.program_stops(lines),
        )
        site.pages["program.md"] = markup.render(
            "program.md.j2",
            code=listings.PROGRAM.read_text(encoding="utf-8").rstrip("\n"),
            lines=len(listings.PROGRAM.read_text(encoding="utf-8").splitlines()),
            stops=page_errata.program_stops(lines),
            grader=GRADER,
        )

    read: list[chapters.Chapter] = []
    uses: dict[str, list[tuple[str, str]]] = {}
    first_uses: dict = {}
    for path in features:
        name = path.relative_to(FEATURES).as_posix()
        parsed = parse_feature(path)
        page = f"chapters/{path.stem}.md"
        render_prose = prose_renderer(context, page, pages, strict=computed)
        chapter = chapters.read_chapter(path, name, parsed.document, parsed.error, run, render_prose, widgets)
        read.append(chapter)
        site.problems += chapter.problems
        used: list[StepDefinition] = []
        if parsed.document is not None:
            for s in step_sentences(parsed.document, name):
                d = sentences.definition_for(definitions, s.keyword, s.text)
                if d is not None and d not in used:
                    used.append(d)
                if d is not None and (s.table is not None or s.docstring is not None):
                    first_uses.setdefault(sentences.anchor(d), s)
        for d in used:
            uses.setdefault(sentences.anchor(d), []).append((chapter.title, page))
        links = {
            "steps": [
                api.Link(f"{d.keyword.capitalize()} {d.pattern}", f"../step-catalog.md#{sentences.anchor(d)}")
                for d in used
            ],
            "api": api.links(used),
        }
        missing = [f for f in chapter.figures if f not in figures and computed]
        if missing:
            known = ", ".join(sorted(figures))
            site.problems.append(f"features/{name} places figures that do not exist: {missing}; the figures: {known}")
        site.pages[page] = markup.render(
            "chapter.md.j2",
            chapter=chapter,
            run=run,
            figures=figures,
            links=links,
            boost=SEARCH_BOOST[chapter.track],
            source=path.read_text(encoding="utf-8-sig", errors="replace"),
        )

    order = [f"chapters/{c.stem}.md" for c in read]
    site.pages["step-catalog.md"] = sentences.catalog_page(definitions, uses, order, first_uses)
    site.pages.update(api.pages(stubs=api_stubs))
    score = json.loads(MUTATION_SCORE.read_text(encoding="utf-8")) if MUTATION_SCORE.exists() else None
    totals = chapters.counts(o.status for c in read for o in c.outcomes)
    site.pages["results.md"] = markup.render("results.md.j2", chapters=read, run=run, score=score, totals=totals)
    if BENCHMARKS.exists():
        site.pages["performance.md"] = _performance_page(site, figures)
    values = prose.values_template(context, strict=computed)
    for static in STATIC_PAGES_WITH_VALUES:  # the project's own pages: values, but Markdown as written
        text = (DOCS / static).read_text(encoding="utf-8")
        site.pages[static] = markup.render_page_prose(values(text), figures, depth=static.count("/"))
    from docs._hooks import page_grader

    grader_page = (DOCS / page_grader.PAGE).read_text(encoding="utf-8")
    site.pages[page_grader.PAGE] = page_grader.render(grader_page, features, computed=computed)
    static_pages = {p.relative_to(DOCS).as_posix() for p in DOCS.glob("*.md")}
    site.nav = navigation.navigation(read, set(site.pages) | static_pages)
    return site


def build_site(
    features: Path, out: Path, results: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """``mkdocs build`` of this project's site made of the feature files in ``features`` (not ``features/``),
    into ``out``, without the computed pages: the site of a scratch specification, quickly (a few seconds).

    Not strict (the project's own pages link to chapters ``features`` may not have), and not quiet, so
    that its log keeps the warnings about the feature files. ``results``: a recorded run to show.
    """
    env = {
        **os.environ,
        "BACKPROP_FEATURES": str(features),
        "BACKPROP_RESULTS": str(results or Path(out) / "no-results.json"),
        "BACKPROP_SKIP_COMPUTED": "1",
        "NO_MKDOCS_2_WARNING": "1",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
