"""What a reader sees of a page: equations and tables wider than their column, and the page's height.

Used by the browser check (``test_site.py``) and, to look at a page while
writing it, from the command line::

    python -m checks.layout chapters/03-the-chain-rule/ notation/    # needs a built site/ and chromium

"Wider than its column" means ``scrollWidth > clientWidth + 1`` (CSS pixels):
for a display equation, its KaTeX box against the column; for a table, the
scrolling wrapper Material puts around it (or its parent). Every ``<details>``
is opened first, so the evidence's tables and equations count too.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

SCREEN = (1280, 900)
"""A screen, CSS px: the issue's measure of a chapter's height."""
PHONE = (390, 844)

OPEN_DETAILS = "() => document.querySelectorAll('article details').forEach(d => d.open = true)"
CLOSE_DETAILS = (
    "() => document.querySelectorAll('article details:not(.bdd-evidence-failed):not(.bdd-evidence-undefined)')"
    ".forEach(d => d.open = false)"
)

MEASURE = """() => {
  const wide = (e) => e.scrollWidth > e.clientWidth + 1;
  const snippet = (e) => (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 90);
  const equations = [...document.querySelectorAll('article .katex-display')]
    .filter(e => e.offsetParent !== null && wide(e)).map(e => [snippet(e), e.scrollWidth, e.clientWidth]);
  const tables = [...document.querySelectorAll('article table')].filter(t => t.offsetParent !== null).map(t => {
    const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    return [snippet(t.rows[0] || t), box.scrollWidth, box.clientWidth, t.rows.length];
  }).filter(([, scroll, client]) => scroll > client + 1);
  // A table's first column is where a row's result is: it must be on screen without scrolling.
  const hidden_status = [...document.querySelectorAll('article .bdd-examples table')]
    .filter(t => t.offsetParent !== null)
    .flatMap(t => [...t.querySelectorAll('tbody tr td:first-child')])
    .filter(c => c.getBoundingClientRect().right > window.innerWidth + 1).length;
  // A number split over two lines reads as two numbers: a cell holding only a number must be on one line.
  const lines = (e) => { const r = document.createRange(); r.selectNodeContents(e);
    return new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top))).size; };
  const broken_numbers = [...document.querySelectorAll('article td, article th')]
    .filter(c => c.offsetParent !== null && !c.querySelector('.katex'))
    .filter(c => /^[-−+]?\\d[\\d.,]*(e[-−+]?\\d+)?\\s*[%×]?$/.test(c.textContent.trim()))
    .filter(c => lines(c) > 1).map(c => c.textContent.trim());
  const article = document.querySelector('article');
  return {equations, tables, hidden_status, broken_numbers,
          height: Math.round(article.getBoundingClientRect().height)};
}"""


@dataclass
class Layout:
    equations: list[list]
    """[text, scrollWidth, clientWidth] of each display equation wider than its column."""
    tables: list[list]
    """[first row's text, scrollWidth, clientWidth, rows] of each table wider than its column."""
    hidden_status: int
    """Rows of Examples tables whose result cell is off the screen."""
    broken_numbers: list[str]
    """Table cells holding only a number that is split over two lines."""
    height: int
    """The article's height with the evidence closed (CSS px)."""

    @property
    def screens(self) -> float:
        return self.height / SCREEN[1]


def measure(page, url: str, size: tuple[int, int]) -> Layout:
    """Open ``url`` at ``size`` and measure it: the height with evidence closed, widths with it open."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(url, wait_until="load")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex, .katex-error'))",
        timeout=15_000,
    )
    page.evaluate(CLOSE_DETAILS)
    height = page.evaluate(MEASURE)["height"]
    page.evaluate(OPEN_DETAILS)
    found = page.evaluate(MEASURE)
    return Layout(found["equations"], found["tables"], found["hidden_status"], found["broken_numbers"], height)


def main(paths: list[str]) -> int:
    import os

    from playwright.sync_api import sync_playwright

    from checks.serve import served

    with served() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        page = browser.new_page()
        for path in paths:
            for size in (SCREEN, PHONE):
                layout = measure(page, base + path, size)
                print(
                    f"{path} at {size[0]} px: {layout.screens:.1f} screens, {len(layout.equations)} wide "
                    f"equations, {len(layout.tables)} wide tables, {layout.hidden_status} hidden results, "
                    f"{len(layout.broken_numbers)} broken numbers {layout.broken_numbers[:5]}"
                )
                for text, scroll, client in layout.equations:
                    print(f"    equation {scroll} > {client}: {text}")
                for text, scroll, client, rows in layout.tables:
                    print(f"    table {scroll} > {client} ({rows} rows): {text}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
