"""The code beside the math in a browser: listings that fit a desktop column, scroll legibly on a phone, and
downloads that download.

Every Learn chapter's listings (``Code:`` lines, ``docs/_hooks/listings.py``) and
the page "The guide's program, finished" are opened with every listing
expanded. At 1280 px no code block is wider than its column (long lines wrap);
at 390 px a block may scroll sideways, but stays within the screen and its text
is at least 11 px. Each download link answers with the file it names.
"""

from __future__ import annotations

import re

import pytest

from checks.conftest import _open
from docs._hooks.listings import PROGRAM
from speckit.features import feature_paths

CODE = [f"chapters/{p.stem}/" for p in feature_paths() if re.search(r"^\s*Code:", p.read_text(encoding="utf-8"), re.M)]
"""The chapters that place listings (the Learn chapters 01-06)."""
PAGES = [*CODE, "program/"]
LEGIBLE_PX = 11


def _expand(page) -> int:
    return page.evaluate(
        "() => { const d = [...document.querySelectorAll('details.bdd-code')]; "
        "d.forEach(e => e.open = true); return d.length; }"
    )


def _blocks(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('details.bdd-code .highlight pre, .bdd-program .highlight pre')]
        .map(pre => {
          // Material's <code> inside the <pre> is the box that scrolls.
          const code = pre.querySelector('code'), box = pre.getBoundingClientRect();
          return {scroll: code.scrollWidth, client: code.clientWidth, left: box.left, right: box.right,
                  font: parseFloat(getComputedStyle(code).fontSize), lines: code.innerText.split('\\n').length};
        })"""
    )


@pytest.mark.parametrize("path", PAGES)
def test_every_listing_fits_a_desktop_column(browser, server, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _open(page, server, path)
    listed = _expand(page)
    blocks = _blocks(page)
    assert blocks, f"{path}: no code shown ({listed} listings)"
    wide = [b for b in blocks if b["scroll"] > b["client"] + 1]
    assert not wide, f"{path}: {len(wide)} of {len(blocks)} code blocks are wider than their column: {wide[:2]}"
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_on_a_phone_a_listing_scrolls_sideways_and_stays_legible(browser, server, path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    _open(page, server, path)
    _expand(page)
    blocks = _blocks(page)
    assert blocks
    assert all(b["left"] >= -1 and b["right"] <= 391 for b in blocks), f"{path}: a block leaves the screen"
    assert min(b["font"] for b in blocks) >= LEGIBLE_PX, f"{path}: code smaller than {LEGIBLE_PX} px"
    assert any(b["scroll"] > b["client"] for b in blocks), f"{path}: no listing is wide enough to scroll?"
    page.close()


@pytest.mark.parametrize("path", ["chapters/01-forward-propagation/", "program/", "implement-it-yourself/"])
def test_the_download_links_give_the_files(page, server, path):
    _open(page, server, path)
    links = page.evaluate(
        "() => [...document.querySelectorAll('article a')].map(a => a.href).filter(h => h.includes('/downloads/'))"
    )
    assert links, f"{path}: no download link"
    for href in set(links):
        response = page.request.get(href)
        assert response.ok, f"{path}: {href} answered {response.status}"
        name = href.rsplit("/", 1)[1]
        expected = PROGRAM.with_name(name).read_bytes()
        assert response.body() == expected, f"{path}: {href} is not docs/downloads/{name}"
