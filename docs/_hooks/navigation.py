"""The site's navigation: two tracks, made from the chapters' own tags, so there is no page list to keep.

**Learn**: the introduction, the notation and the chapters tagged ``@learn`` in
their numeric order, with the pages that go after a chapter (``LEARN_AFTER``),
then the original text and the errata. **Specify and check**: every other
chapter (a reader's new feature file lands here by itself), the step catalog,
the results, the performance page, how the site is built and the API.
"""

from __future__ import annotations

import html

from docs._hooks import chapter as chapters

LEARN_FRONT = ["index.md", "notation.md"]
LEARN_AFTER = {
    "03-the-chain-rule": ["worked-example.md", "nudge-it-yourself.md"],
    "06-why-backprop": ["program.md", "implement-it-yourself.md"],
}
"""Pages placed right after a chapter of the Learn track."""
LEARN_BACK = ["original.md", "errata.md"]
CHECK_BACK = ["step-catalog.md", "write-your-own-scenario.md", "results.md", "performance.md", "about-the-site.md"]


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
