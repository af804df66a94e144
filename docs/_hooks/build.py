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
import json
import os
import pkgutil
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from docs._hooks import chapter as chapters
from docs._hooks import markup, sentences
from docs._hooks.results import RunResults
from speckit.catalog import StepDefinition, step_definitions
from speckit.features import feature_paths, parse_feature
from speckit.features import sentences as step_sentences

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
FEATURES = ROOT / "features"
RESULTS = Path(os.environ.get("BACKPROP_RESULTS", ROOT / ".results" / "last-run.json"))
MUTATION_SCORE = ROOT / "mutation" / "score.json"
BENCHMARKS = ROOT / "benchmarks" / "last-run.md"
ORIGINAL = DOCS / "original" / "a-beginners-guide-to-backpropagation.txt"

LEARN_FRONT = ["index.md", "notation.md"]
LEARN_AFTER = {"03-the-chain-rule": ["worked-example.md", "nudge-it-yourself.md"]}
"""Pages placed right after a chapter of the Learn track."""
LEARN_BACK = ["original.md", "errata.md"]
CHECK_BACK = ["step-catalog.md", "write-your-own-scenario.md", "results.md", "performance.md", "about-the-site.md"]
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


def prose_renderer(context: dict, *, strict: bool = True) -> Callable[[str], str]:
    """Fill a description's ``{{ ... }}`` with computed values (the prose stays plain Markdown otherwise).

    ``strict``: a name the context lacks fails the build; otherwise (a layout build
    without the experiments) it shows as an ellipsis.
    """
    undefined = jinja2.StrictUndefined if strict else jinja2.ChainableUndefined

    def formatter(style: str) -> Callable[..., str]:
        def format_number(x: object, digits: int = 6) -> str:
            return "…" if isinstance(x, jinja2.Undefined) else markup.number(x, digits, style)  # type: ignore[arg-type]

        return format_number

    environment = jinja2.Environment(undefined=undefined, autoescape=False)
    environment.filters.update(num=formatter("latex"), plain=formatter("text"))

    def render(text: str) -> str:
        if "{{" not in text and "{%" not in text:
            return text
        try:
            return environment.from_string(text).render(**context)
        except jinja2.UndefinedError:
            if strict:
                raise
            return re.sub(r"\{\{.*?\}\}", "…", text)

    return render


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
    render_prose = prose_renderer(context, strict=computed)
    if ORIGINAL.exists():
        from docs._hooks import page_errata

        site.pages["original.md"] = markup.render(
            "original.md.j2", lines=page_errata.original_lines(ORIGINAL), errata=page_errata.errata_by_line()
        )

    read: list[chapters.Chapter] = []
    uses: dict[str, list[tuple[str, str]]] = {}
    first_uses: dict = {}
    for path in feature_paths(FEATURES):
        name = path.relative_to(FEATURES).as_posix()
        parsed = parse_feature(path)
        chapter = chapters.read_chapter(path, name, parsed.document, parsed.error, run, render_prose)
        read.append(chapter)
        page = f"chapters/{path.stem}.md"
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
            raise ValueError(f"features/{name} places figures that do not exist: {missing}; see docs/_hooks/gallery.py")
        site.pages[page] = markup.render(
            "chapter.md.j2",
            chapter=chapter,
            run=run,
            figures=figures,
            links=links,
            boost=SEARCH_BOOST[chapter.track],
            source=path.read_text(encoding="utf-8"),
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
    for static in STATIC_PAGES_WITH_VALUES:
        text = (DOCS / static).read_text(encoding="utf-8")
        site.pages[static] = markup.render_page_prose(render_prose(text), figures, depth=static.count("/"))
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
    """The chapter's title in the navigation, marked when a claim did not pass."""
    return ("✘ " if chapter.status in ("failed", "undefined") else "") + chapter.title


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docs._hooks.build", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the pages, figures and nav.json into")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the recorded run (default: %(default)s)")
    args = parser.parse_args(argv)
    generate(args.results).write(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
