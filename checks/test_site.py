"""Browser check of the built site (``make check-site``; not part of ``make test``).

Serves ``site/`` with ``python -m http.server`` on 127.0.0.1 and drives Debian's
chromium (``$CHROMIUM``, default ``/usr/bin/chromium``) through Playwright,
headless. Checks that every chapter renders, math is typeset without errors,
passed scenarios show their status, every figure loads, no request leaves
127.0.0.1, and that everything fits (``checks/layout.py``): no display
equation wider than its column at 1280 px or 390 px, no table wider than its
column at 1280 px, every Examples row's result on screen at 390 px, and no
Learn chapter taller than 12 screens with its evidence closed. Search shows no
raw LaTeX, and for the words a Learn chapter teaches its top hit is a Learn page.
Every Learn chapter has 2 to 4 exercises whose answers stay closed until
clicked, and the chain-rule chapter's computational graph fits a desktop
column and scrolls sideways, legible, on a phone.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from checks.conftest import _UNTYPESET, SITE, _open
from docs._hooks.chapter import track_of
from speckit.features import feature_paths, parse_feature


def _pages() -> list[str]:
    """Every page of the built site, as a path relative to its root (``chapters/x/``)."""
    found = []
    for index in sorted(SITE.rglob("index.html")):
        relative = index.parent.relative_to(SITE).as_posix()
        if relative.startswith("assets"):
            continue
        found.append("" if relative == "." else relative + "/")
    return found


def _chapters() -> list[str]:
    return [f"chapters/{p.stem}/" for p in feature_paths()]


def _learn_chapters() -> list[str]:
    """The chapters of the Learn track: the feature files tagged @learn."""
    return [f"chapters/{p.stem}/" for p in feature_paths() if track_of(parse_feature(p).document) == "learn"]


PAGES = _pages()
CHAPTERS = _chapters()
LEARN = _learn_chapters()
MAX_SCREENS = 12
"""A Learn chapter, evidence closed, is at most this many 1280 x 900 screens tall."""


def test_the_site_has_a_page_for_every_feature_file():
    assert CHAPTERS, "no feature files found"
    missing = [c for c in CHAPTERS if c not in PAGES]
    assert not missing, f"chapters missing from site/: {missing}"


@pytest.mark.parametrize("path", CHAPTERS)
def test_every_chapter_renders(page, server, path):
    _open(page, server, path)
    title = page.locator("article h1").first.inner_text().strip()
    assert title, f"{path}: no title"
    assert page.locator(".bdd-summary").count() == 1, f"{path}: no results summary"
    scenarios = page.locator(".bdd-steps").count()
    malformed = page.get_by_text("Malformed feature file").count()
    assert scenarios or malformed, f"{path}: neither scenarios nor a parser message"
    assert not page.js_errors, f"{path}: JavaScript errors {page.js_errors}"


@pytest.mark.parametrize("path", PAGES)
def test_math_is_typeset_and_figures_load(page, server, path):
    _open(page, server, path)
    errors = page.evaluate("() => window.katexErrors || []")
    assert not errors, f"{path}: KaTeX could not typeset: {errors[:3]}"
    untypeset = page.evaluate(f"() => {_UNTYPESET}")
    assert untypeset == 0, f"{path}: {untypeset} formulas were not typeset"
    assert page.locator(".katex-error").count() == 0, f"{path}: KaTeX could not typeset: " + " | ".join(
        page.locator(".katex-error").all_inner_texts()[:3]
    )
    # Text a reader sees, outside code: no TeX delimiters left raw.
    visible = page.evaluate(
        """() => {
            const root = document.querySelector('article') || document.body;
            const clone = root.cloneNode(true);
            clone.querySelectorAll('pre, code, .katex, script, style').forEach(e => e.remove());
            return clone.innerText;
        }"""
    )
    for raw in ("\\(", "\\[", "$$"):
        at = visible.find(raw)
        assert at < 0, f"{path}: raw {raw!r} left in the text: ...{visible[max(0, at - 60) : at + 100]}..."
    images = page.evaluate(
        "() => [...document.querySelectorAll('article img')]"
        ".map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])"
    )
    broken = [src for src, complete, width in images if not (complete and width > 0)]
    assert not broken, f"{path}: images that do not load: {broken}"
    assert not page.js_errors, f"{path}: JavaScript errors {page.js_errors}"


@pytest.mark.parametrize(
    "selector, what", [(".katex", "typeset math"), ("article img", "a figure")], ids=["math", "figures"]
)
def test_present_somewhere(page, server, selector, what):
    found = 0
    for path in PAGES:
        _open(page, server, path)
        found += page.locator(selector).count()
    assert found > 0, f"no page shows {what}"


def _search(page, server, words: str):
    """Type ``words`` into Material's search box; returns the result list's items."""
    _open(page, server, "")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=50)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    return results


@pytest.mark.parametrize("words", ["epsilon", "chain rule", "nudge"])
def test_search_puts_a_learn_page_first_and_shows_no_raw_latex(page, server, words):
    results = _search(page, server, words)
    first = results.first.locator("a").first.get_attribute("href") or ""
    learn = {path.rstrip("/") for path in LEARN} | {"notation", "worked-example", "errata", "original"}
    assert any(urlparse(first).path.rstrip("/").endswith(p) for p in learn), f"{words!r}: first hit is {first}"
    shown = page.locator(".md-search-result").inner_text()
    for raw in ("\\(", "\\[", "\\frac", "\\varepsilon", "$$"):
        assert raw not in shown, f"{words!r}: the snippets show raw LaTeX {raw!r}: {shown[:300]}"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1280, 390])
def test_every_display_equation_fits_its_column(browser, server, path, width):
    from checks.layout import PHONE, SCREEN, measure

    page = browser.new_page()
    try:
        layout = measure(page, server + path, SCREEN if width == 1280 else PHONE)
    finally:
        page.close()
    assert not layout.equations, f"{path} at {width} px: equations wider than their column: {layout.equations}"
    assert not layout.broken_numbers, f"{path} at {width} px: numbers split over two lines: {layout.broken_numbers}"
    if width == 1280:
        assert not layout.tables, f"{path} at 1280 px: tables wider than their column: {layout.tables}"
    else:
        assert layout.hidden_status == 0, f"{path} at 390 px: {layout.hidden_status} results off screen"
    if width == 1280 and path in LEARN:
        assert layout.screens <= MAX_SCREENS, f"{path}: {layout.screens:.1f} screens tall at 1280 px"


def test_a_passed_scenario_shows_its_status(page, server):
    for path in CHAPTERS:
        _open(page, server, path)
        badges = page.locator("details.bdd-evidence > summary .bdd-passed")
        if badges.count():
            assert badges.first.is_visible()
            assert "✔" in badges.first.inner_text()
            assert "passed" in page.locator(".bdd-summary").inner_text()
            return
    pytest.fail("no chapter shows a passed scenario: was a run recorded (make test or make docs) before make site?")


def test_the_step_catalog_filters_as_you_type_and_shows_tables_in_full(page, server):
    _open(page, server, "step-catalog/")
    entries = page.locator(".bdd-step-entry")
    total = entries.count()
    page.locator("#bdd-catalog-filter").press_sequentially("header")
    shown = page.locator(".bdd-step-entry:not([hidden])")
    assert 0 < shown.count() < total
    # Every word typed is in each entry kept (its sentence, description, example or allowed words), in no other.
    kept = entries.evaluate_all("es => es.map(e => [!e.hidden, e.dataset.filter.includes('header')])")
    assert all(shown_ == has for shown_, has in kept), kept
    table_step = shown.filter(has=page.locator("h3", has_text="Given the data:"))
    assert "| x1 | x2 | y |" in table_step.locator("pre").inner_text()
    assert "Sets data" in table_step.inner_text()
    page.locator("#bdd-catalog-filter").fill("")
    page.locator("#bdd-catalog-filter").dispatch_event("input")
    assert page.locator(".bdd-step-entry:not([hidden])").count() == total


EXERCISES_PER_CHAPTER = range(2, 5)
MIN_EXERCISES = 12


def test_every_learn_chapter_has_exercises_whose_answers_open_on_a_click(page, server):
    total = 0
    for path in LEARN:
        _open(page, server, path)
        exercises = page.locator(".bdd-exercise")
        assert exercises.count() in EXERCISES_PER_CHAPTER, f"{path}: {exercises.count()} exercises"
        for i in range(exercises.count()):
            answer = exercises.nth(i).locator("details.bdd-answer")
            checked = answer.locator("p.bdd-checked")
            assert answer.get_attribute("open") is None and not checked.is_visible(), f"{path}: answer {i + 1} shown"
            answer.locator("summary").click()
            assert checked.is_visible(), f"{path}: answer {i + 1} does not open"
            assert "✔" in answer.locator("summary").inner_text(), f"{path}: answer {i + 1} did not pass"
        total += exercises.count()
    assert total >= MIN_EXERCISES


@pytest.mark.parametrize("width", [1280, 390])
def test_the_chain_rule_chapter_shows_its_graph_and_a_phone_scrolls_it_sideways(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        _open(page, server, "chapters/03-the-chain-rule/")
        figure = page.locator("figure.bdd-figure-wide").filter(has=page.locator("img[src$='computational-graph.svg']"))
        assert figure.count() == 1
        figure.scroll_into_view_if_needed()
        assert figure.locator("img").evaluate("i => i.complete && i.naturalWidth > 0")
        sizes = figure.evaluate(
            "f => ({page: document.documentElement.scrollWidth, right: f.getBoundingClientRect().right,"
            " img: f.querySelector('img').getBoundingClientRect().width, inner: f.clientWidth})"
        )
        assert sizes["page"] <= width and sizes["right"] <= width, sizes
        # On a phone the graph keeps a legible size and scrolls inside its figure; on a desktop it fits.
        assert (sizes["img"] > sizes["inner"]) == (width < 600), sizes
    finally:
        context.close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.policy = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"] or "")
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"] or "")
        if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            self.policy += 1


def _parsed(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_every_page_has_a_policy_and_every_link_inside_the_site_leads_to_a_page_and_anchor_that_exist():
    # Descriptions are rendered apart from MkDocs (docs/_hooks/prose.py), so MkDocs' own link validation
    # does not see their links: this reads every link of the built site instead.
    pages = {p.resolve(): _parsed(p) for p in SITE.rglob("*.html")}
    assert all(links.policy == 1 for links in pages.values()), [str(p) for p, x in pages.items() if x.policy != 1]
    broken = []
    for page, links in pages.items():
        for href in links.hrefs:
            target, _, anchor = href.partition("#")
            if urlparse(href).scheme or href.startswith(("mailto:", "//")):
                continue
            base = SITE.resolve() if target.startswith("/") else page.parent  # the 404 page links from the root
            path = (base / target.lstrip("/")).resolve() if target else page
            path = path / "index.html" if path.is_dir() else path
            if path.suffix == ".html" and path not in pages:
                broken.append(f"{page.relative_to(SITE.resolve())}: {href} (no page)")
            elif anchor and path in pages and anchor not in pages[path].ids:
                broken.append(f"{page.relative_to(SITE.resolve())}: {href} (no anchor)")
            elif not path.exists():
                broken.append(f"{page.relative_to(SITE.resolve())}: {href} (no file)")
    assert not broken, f"{len(broken)} broken links: {broken[:10]}"


def test_no_request_leaves_127_0_0_1(page, server, outside_requests):
    # Runs last in this module: every page above went through the same guard.
    for path in ("", *CHAPTERS[:1]):
        _open(page, server, path)
    assert outside_requests == [], f"requests to other hosts: {sorted(set(outside_requests))}"
