"""Generate the site's pages and figures: features + last run + the package -> Markdown and SVG files.

A plain step, callable without MkDocs::

    python -m docs._hooks.build OUT    # writes OUT/chapters/*.md, OUT/figures/*.svg, ... and OUT/nav.json

``generate()`` returns every generated page (Markdown), every generated file
(figures, the original text) and the navigation; the MkDocs hook (``site.py``)
only adds them to the build. Moving to another generator that reads Markdown
from a folder (Zensical, a MkDocs fork) means running this step first and
pointing that generator at the folder: see ``docs/about-the-site.md``.

The navigation has two tracks. **Learn**: the introduction, the notation and
the chapters tagged ``@learn`` in their numeric order, with the worked example
after the chain rule, then the original text and the errata. **Specify and
check**: every other chapter (a reader's new feature file lands here by
itself), the step catalog, the results, the performance page, how the site is
built and the API.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import pkgutil
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docs._hooks import chapter as chapters
from docs._hooks import markup, prose, sentences
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

LEARN_FRONT = ["index.md", "notation.md"]
LEARN_AFTER = {"03-the-chain-rule": ["worked-example.md", "nudge-it-yourself.md"]}
"""Pages placed right after a chapter of the Learn track."""
LEARN_BACK = ["original.md", "errata.md"]
CHECK_BACK = ["step-catalog.md", "write-your-own-scenario.md", "results.md", "performance.md", "about-the-site.md"]
GENERATED = ["worked-example.md", "errata.md", "original.md", "step-catalog.md", "results.md", "performance.md"]
"""The pages the build generates besides the chapters and the API: a description may link to them."""
SEARCH_BOOST = {"learn": 4, "check": 1, "api": 0.5}
"""Material's page search boost: a Learn page outranks the catalog and the API for the words it teaches."""
STATIC_PAGES_WITH_VALUES = ("notation.md",)
"""Static pages whose Markdown may place figures (``Figure: <file>``) and computed values (``{{ ... }}``)."""


@dataclass
class Link:
    label: str
    url: str


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
        for path, content in self.contents():
            target = Path(out) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (Path(out) / "nav.json").write_text(json.dumps(self.nav, indent=1) + "\n", encoding="utf-8")


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
    return (
        {f"chapters/{path.stem}.md" for path in features}
        | static
        | set(GENERATED)
        | {f"api/{module}.md" for module in _api_modules()}
    )


def _api_links(definitions_used: list[StepDefinition]) -> list[Link]:
    """The ``backprop`` names (with docstrings) that the used step functions call as ``bp.<name>``."""
    import backprop

    names: list[str] = []
    for d in definitions_used:
        source = (ROOT / d.where.rsplit(":", 1)[0]).read_text(encoding="utf-8").splitlines()
        body: list[str] = []
        for line in source[d.line :]:
            if line.startswith(("@", "def ", "class ")) and body:
                break
            body.append(line)
        names += [n for n in re.findall(r"\bbp\.([A-Za-z_]\w*)", "\n".join(body)) if n not in names]
    links = []
    for name in dict.fromkeys(names):
        obj = getattr(backprop, name, None)
        module = getattr(obj, "__module__", "") or ""
        if obj is None or not module.startswith("backprop.") or not (getattr(obj, "__doc__", None) or "").strip():
            continue
        links.append(Link(f"backprop.{name}", f"../api/{module.split('.', 1)[1]}.md#{module}.{name}"))
    return links


def _api_modules() -> list[str]:
    import backprop

    return [m.name for m in pkgutil.iter_modules(backprop.__path__) if not m.name.startswith("_")]


def _performance_page(site: Site) -> str:
    """``benchmarks/last-run.md``, with the files it links to copied to ``performance/``."""
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
    return f'<div class="bdd-benchmarks" markdown>\n\n{body}\n\n</div>\n'


def generate(results_path: Path = RESULTS, *, computed: bool = True) -> Site:
    """Every generated page and figure, and the navigation.

    ``computed=False`` skips the package's experiments (figures, the worked
    example, the errata): a quick layout build, whose links to those pages
    then do not resolve.
    """
    site = Site()
    run = load_results(results_path)
    definitions = step_definitions()
    figures: dict = {}
    context: dict = {}
    if computed:
        from docs._hooks import gallery, page_errata, page_worked_example

        with tempfile.TemporaryDirectory(prefix="backprop-figures-") as tmp:
            for figure in gallery.FIGURES:
                figure.draw(Path(tmp) / figure.filename)
                site.files[f"figures/{figure.filename}"] = (Path(tmp) / figure.filename).read_bytes()
                figures[figure.filename] = figure
        context = _values()
        site.files["assets/generated/xor-starts.json"] = xor_starts()
        site.pages["worked-example.md"] = page_worked_example.render()
        site.pages["errata.md"] = page_errata.render()
    features = feature_paths(FEATURES)
    pages = known_pages(features)
    widgets = markup.widgets()
    if ORIGINAL.exists():
        from docs._hooks import page_errata

        # The line marks are links inside <pre>, which MkDocs does not rewrite: written as the page's URL.
        errata_url = prose.relative_url(prose.directory_url("errata.md"), prose.directory_url("original.md"))
        site.pages["original.md"] = markup.render(
            "original.md.j2",
            lines=page_errata.original_lines(ORIGINAL),
            errata=page_errata.errata_by_line(),
            errata_url=errata_url,
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
                Link(f"{d.keyword.capitalize()} {d.pattern}", f"../step-catalog.md#{sentences.anchor(d)}") for d in used
            ],
            "api": _api_links(used),
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
    for module in _api_modules():
        site.pages[f"api/{module}.md"] = (
            f"---\nsearch:\n  boost: {SEARCH_BOOST['api']}\n---\n\n# `backprop.{module}`\n\n::: backprop.{module}\n"
        )
    score = json.loads(MUTATION_SCORE.read_text(encoding="utf-8")) if MUTATION_SCORE.exists() else None
    totals = chapters.counts(o.status for c in read for o in c.outcomes)
    site.pages["results.md"] = markup.render("results.md.j2", chapters=read, run=run, score=score, totals=totals)
    if BENCHMARKS.exists():
        site.pages["performance.md"] = _performance_page(site)
    values = prose.values_template(context, strict=computed)
    for static in STATIC_PAGES_WITH_VALUES:  # the project's own pages: values, but Markdown as written
        text = (DOCS / static).read_text(encoding="utf-8")
        site.pages[static] = markup.render_page_prose(values(text), figures, depth=static.count("/"))
    site.nav = navigation(read, set(site.pages) | {p.relative_to(DOCS).as_posix() for p in DOCS.glob("*.md")})
    return site


PLAYGROUND_SEEDS = range(100)
PLAYGROUND_HIDDEN = range(2, 9)


def xor_starts() -> bytes:
    """The starting parameters of the XOR playground: ``init_network((2, h, 1), seed=s)`` for every seed and h.

    The guide's initialisation (standard-normal weights, zero biases), as JSON
    ``{h: {seed: {"W1": ..., "b1": ..., "W2": ..., "b2": ...}}}``: seed 7 in the page is seed 7 in Python.
    """
    import backprop as bp

    starts: dict[str, dict[str, dict[str, list]]] = {}
    for h in PLAYGROUND_HIDDEN:
        starts[str(h)] = {}
        for seed in PLAYGROUND_SEEDS:
            net = bp.init_network((2, h, 1), seed=seed)
            (W1, W2), (b1, b2) = net.weights, net.biases
            starts[str(h)][str(seed)] = {"W1": W1.tolist(), "b1": b1.tolist(), "W2": W2.tolist(), "b2": b2.tolist()}
    # repr round-trips a float64 exactly, and so does JSON's float text through JavaScript's Number.
    return json.dumps(starts, separators=(",", ":")).encode("utf-8")


def _title(chapter: chapters.Chapter) -> str:
    """The chapter's title in the navigation, marked when a claim did not pass.

    The theme writes navigation titles into the page as HTML, so the feature's
    name is escaped here.
    """
    return html.escape(("✘ " if chapter.status in ("failed", "undefined") else "") + chapter.title)


def navigation(read: list[chapters.Chapter], pages: set[str]) -> list:
    """The two tracks, from the chapters' own tags: no page list to keep by hand."""
    learn: list = [{"Introduction": "index.md"} if p == "index.md" else p for p in LEARN_FRONT if p in pages]
    check: list = []
    for chapter in read:
        entry = {_title(chapter): f"chapters/{chapter.stem}.md"}
        if chapter.track == "learn":
            learn.append(entry)
            learn += [p for p in LEARN_AFTER.get(chapter.stem, []) if p in pages]
        else:
            check.append(entry)
    learn += [p for p in LEARN_BACK if p in pages]
    check += [{"Performance": p} if p == "performance.md" else p for p in CHECK_BACK if p in pages]
    check.append({"API reference": sorted(p for p in pages if p.startswith("api/"))})
    placed = set(LEARN_FRONT + LEARN_BACK + CHECK_BACK) | {p for after in LEARN_AFTER.values() for p in after}
    placed |= {f"chapters/{c.stem}.md" for c in read} | {p for p in pages if p.startswith("api/")}
    # A static page nobody placed (a reader's new docs/*.md) goes with the other references.
    check[-1:-1] = sorted(p for p in pages - placed if p.endswith(".md"))
    return [{"Learn": learn}, {"Specify and check": check}]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docs._hooks.build", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the pages, figures and nav.json into")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the recorded run (default: %(default)s)")
    args = parser.parse_args(argv)
    site = generate(args.results)
    site.write(args.out)
    for problem in site.problems:
        print(problem, file=sys.stderr)
    return 1 if site.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
