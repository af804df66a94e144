"""The MkDocs hook: adds the generated pages; the Markdown comes from ``render.py``.

At build time (``mkdocs build`` / ``mkdocs serve``) this adds

* ``chapters/<stem>.md`` for every ``features/*.feature`` file, in chapter order
  (the numeric prefix), with the last run's results from ``.results/last-run.json``;
* ``step-catalog.md`` from ``speckit.catalog.step_definitions()``;
* ``api/<module>.md`` (mkdocstrings) for every public module of ``backprop``;
* ``results.md`` (counts per chapter, the mutation score if ``mutation/score.json``
  exists) and ``performance.md`` (if ``benchmarks/last-run.md`` exists);
* the pages and figures of ``computed.py`` (``computed_pages()``, ``FIGURES``,
  ``build_figures``), each figure appended to its chapter;

and builds the navigation from those files, so a new feature file (or page)
needs no list edited. ``mkdocs serve`` watches ``features/``: an edited feature
is re-rendered at once and marked "changed since last run"; its scenarios are
re-run by the next ``make docs``, not by the server.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import pkgutil
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _importable() -> None:
    """The repository root (``steps``, ``backprop``, ``docs._hooks.*``) on ``sys.path``.
    MkDocs restores ``sys.path`` after loading a hook, so this runs again at build time."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


_importable()

from mkdocs.structure.files import File, Files  # noqa: E402

from docs._hooks import render, sentences  # noqa: E402
from speckit.features import sentences as step_sentences  # noqa: E402

log = logging.getLogger("mkdocs.hooks.backprop")

FEATURES = ROOT / "features"
RESULTS = Path(os.environ.get("BACKPROP_RESULTS", ROOT / ".results" / "last-run.json"))
MUTATION_SCORE = ROOT / "mutation" / "score.json"
BENCHMARKS = ROOT / "benchmarks" / "last-run.md"

# Pages in the order the navigation shows them; pages not named here follow "Chapters".
FRONT = ["index.md", "notation.md"]
AFTER_CHAPTERS = ["worked-example.md", "errata.md"]
REFERENCE = ["step-catalog.md", "write-your-own-scenario.md", "results.md", "performance.md", "about-the-site.md"]

_PAGE_FIGURES: dict[str, list] = {}
"""Figures of pages that are not chapters (``notation``), added by ``on_page_markdown``."""


def _computed():
    """``docs/_hooks/computed.py`` if it exists yet; once it exists, its errors fail the build."""
    # A quick layout build without figures or computed pages (`BACKPROP_SKIP_COMPUTED=1 mkdocs
    # serve`); links to those pages then warn, so it is no use with --strict.
    if os.environ.get("BACKPROP_SKIP_COMPUTED"):
        log.info("BACKPROP_SKIP_COMPUTED is set: no figures or computed pages in this build")
        return None
    try:
        module = importlib.import_module("docs._hooks.computed")
    except ModuleNotFoundError as error:
        if error.name == "docs._hooks.computed":
            log.info("docs/_hooks/computed.py not found: no figures or computed pages in this build")
            return None
        raise
    # Not reloaded on serve rebuilds: its experiments are cached per process.
    return module


def on_config(config):
    _importable()
    # Re-read the renderer on every serve rebuild, so edits to it show without a restart.
    importlib.reload(render)
    importlib.reload(sentences)
    for folder in (FEATURES, RESULTS.parent):
        folder.mkdir(parents=True, exist_ok=True)
        if str(folder) not in config.watch:
            config.watch.append(str(folder))
    return config


def _results() -> render.RunResults:
    if not RESULTS.exists():
        log.info("no recorded run at %s: every scenario shows 'not run' (make docs records one)", RESULTS)
        return render.RunResults(None)
    return render.RunResults(json.loads(RESULTS.read_text(encoding="utf-8")))


def _add(files: Files, config, path: str, content) -> None:
    existing = files.get_file_from_path(path)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, path, content=content))


def _api_modules() -> list[str]:
    import backprop

    return [m.name for m in pkgutil.iter_modules(backprop.__path__) if not m.name.startswith("_")]


def _api_links(definitions_used) -> list[render.Link]:
    """The ``backprop`` names (with docstrings) that the used step functions call as ``bp.<name>``."""
    import backprop

    names = []
    for d in definitions_used:
        source = (ROOT / d.where.rsplit(":", 1)[0]).read_text(encoding="utf-8").splitlines()
        body: list[str] = []
        for line in source[d.line :]:
            if line.startswith(("@", "def ", "class ")) and body:
                break
            body.append(line)
        for name in re.findall(r"\bbp\.([A-Za-z_]\w*)", "\n".join(body)):
            if name not in names:
                names.append(name)
    links = []
    for name in names:
        obj = getattr(backprop, name, None)
        module = getattr(obj, "__module__", "") or ""
        if obj is None or not module.startswith("backprop.") or not (getattr(obj, "__doc__", None) or "").strip():
            continue
        short = module.split(".", 1)[1]
        links.append(render.Link(f"backprop.{name}", f"../api/{short}.md#{module}.{name}"))
    return links


def on_files(files: Files, config):
    from speckit.catalog import step_definitions
    from speckit.features import feature_paths, parse_feature

    run = _results()
    definitions = step_definitions()
    computed = _computed()

    figures_by_page: dict[str, list[render.Figure]] = {}
    if computed is not None:
        for path, markdown in computed.computed_pages().items():
            _add(files, config, path, markdown)
        with tempfile.TemporaryDirectory(prefix="backprop-figures-") as tmp:
            written = {Path(p).name: Path(p) for p in computed.build_figures(Path(tmp))}
            for figure in computed.FIGURES:
                if figure.filename not in written:
                    raise RuntimeError(f"computed.build_figures did not write {figure.filename}")
                figures_by_page.setdefault(figure.chapter, []).append(
                    render.Figure(f"figures/{figure.filename}", figure.caption, figure.alt)
                )
            for name, path in written.items():
                _add(files, config, f"figures/{name}", path.read_bytes())

    chapters: list = []
    entries: list = []
    uses: dict = {}
    for path in feature_paths(FEATURES):
        name = path.relative_to(FEATURES).as_posix()
        parsed = parse_feature(path)
        stem = path.stem
        page = f"chapters/{stem}.md"
        title = render.feature_title(path, parsed.document)
        used = []
        if parsed.document is not None:
            for s in step_sentences(parsed.document, name):
                d = sentences.definition_for(definitions, s.keyword, s.text)
                if d is not None and d not in used:
                    used.append(d)
        for d in used:
            uses.setdefault(sentences.anchor(d), []).append((title, page))
        extras = render.ChapterExtras(
            step_links=[
                render.Link(f"{d.keyword.capitalize()} {d.pattern}", f"../step-catalog.md#{sentences.anchor(d)}")
                for d in used
            ],
            api_links=_api_links(used),
            figures=[render.Figure("../" + f.url, f.caption, f.alt) for f in figures_by_page.pop(stem, [])],
            source_url=f"features/{name}",
        )
        _add(files, config, page, render.chapter(path, parsed.document, parsed.error, run, name, extras))
        chapters.append({title: page})
        results = run.feature(name, render.file_hash(path))
        outcomes = (
            render.scenario_results(parsed.document, results) if parsed.document is not None else [{"status": "failed"}]
        )
        entries.append((title, page, outcomes, results.changed, parsed.document is None))

    order = [page for entry in chapters for page in entry.values()]
    _add(files, config, "step-catalog.md", sentences.catalog_page(definitions, uses, order))
    for module in _api_modules():
        _add(files, config, f"api/{module}.md", f"# `backprop.{module}`\n\n::: backprop.{module}\n")
    results_md = render.results_page(entries, run)
    if MUTATION_SCORE.exists():
        results_md += "\n" + render.mutation_section(json.loads(MUTATION_SCORE.read_text(encoding="utf-8")))
    _add(files, config, "results.md", results_md)
    if BENCHMARKS.exists():
        _add(files, config, "performance.md", _performance_page(files, config))

    # Figures of pages that are not chapters go at the end of that page (on_page_markdown).
    pages = {f.src_uri.removesuffix(".md") for f in files.documentation_pages()}
    for key in figures_by_page:
        if key not in pages:
            log.warning("figures for %r, which is neither a feature file's stem nor a page", key)
    _PAGE_FIGURES.clear()
    _PAGE_FIGURES.update(figures_by_page)

    config["nav"] = _nav(files, chapters)
    return files


def _performance_page(files: Files, config) -> str:
    """``benchmarks/last-run.md`` as the "Performance" page, with the files it links to
    (figures next to it) copied to ``performance/`` and the links rewritten to match."""
    text = BENCHMARKS.read_text(encoding="utf-8")

    def relink(match):
        target = match.group(2)
        local = BENCHMARKS.parent / target
        if "://" in target or target.startswith(("#", "/")) or not local.is_file():
            return match.group(0)
        _add(files, config, f"performance/{target}", local.read_bytes())
        return f"{match.group(1)}performance/{target}{match.group(3)}"

    return re.sub(r'(\]\(|src=")([^)"\s]+)(\)|")', relink, text)


def _nav(files: Files, chapters: list[dict]) -> list:
    pages = {f.src_uri for f in files.documentation_pages()}
    chapter_pages = {page for entry in chapters for page in entry.values()}
    api = sorted(p for p in pages if p.startswith("api/"))
    placed = set(FRONT + AFTER_CHAPTERS + REFERENCE) | chapter_pages | set(api)
    nav: list = [{"Introduction": p} if p == "index.md" else p for p in FRONT if p in pages]
    nav.append({"Chapters": chapters})
    nav += [p for p in AFTER_CHAPTERS if p in pages]
    nav += sorted(p for p in pages - placed)
    reference: list = [{"Performance": p} if p == "performance.md" else p for p in REFERENCE if p in pages]
    reference.append({"API reference": api})
    nav.append({"Reference": reference})
    return nav


def on_page_markdown(markdown, page, config, files):
    """Figures that belong to a page that is not a chapter (e.g. ``notation``) go at its end, unless it shows them."""
    key = page.file.src_uri.removesuffix(".md")
    figures = [f for f in _PAGE_FIGURES.get(key, []) if f.url.split("/")[-1] not in markdown]
    if not figures:
        return markdown
    depth = key.count("/")
    prefix = "../" * depth
    blocks = [
        f'<figure class="bdd-figure" markdown>\n![{render.text(f.alt or f.caption)}]({prefix}{f.url})\n'
        f"<figcaption>{render.text(f.caption)}</figcaption>\n</figure>\n"
        for f in figures
    ]
    return markdown.rstrip() + "\n\n## Figures\n\n" + "\n".join(blocks)
