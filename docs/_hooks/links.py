"""Links from the computed pages to the chapters, by a short key rather than a file name."""

from __future__ import annotations

import functools
import re

from docs._hooks import settings
from speckit.features import parse_feature


def chapter(key: str, label: str | None = None) -> str:
    """A Markdown link to a chapter page, or just its name while its feature file does not exist yet."""
    stem = settings.CHAPTERS[key]
    path = settings.FEATURES / f"{stem}.feature"
    title = label or _feature(stem).get("name") or stem.split("-", 1)[1].replace("-", " ").capitalize()
    if path.exists():
        return f"[{title}](chapters/{stem}.md)"
    return f"{title} (chapter to come)"


def shown_in(key: str, *words: str) -> str:
    """The chapter link, plus the name of its first scenario whose name holds all ``words`` (if any)."""
    wanted = [w.lower() for w in words]
    for name in _scenario_names(_feature(settings.CHAPTERS[key])):
        if all(w in name.lower() for w in wanted):
            return f"{chapter(key)}, scenario “{_markdown_text(name)}”"
    return chapter(key)


def _markdown_text(text: str) -> str:
    """``text`` shown literally in Markdown: emphasis, code, link and HTML characters escaped."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


@functools.cache
def _feature(stem: str) -> dict:
    """The parsed feature (gherkin-official, as the suite parses it), or {} if missing or malformed."""
    path = settings.FEATURES / f"{stem}.feature"
    document = parse_feature(path).document if path.exists() else None
    return (document or {}).get("feature") or {}


def _scenario_names(node: dict) -> list[str]:
    names = []
    for child in node.get("children", ()):
        if "scenario" in child:
            names.append(child["scenario"]["name"])
        elif "rule" in child:
            names += _scenario_names(child["rule"])
    return names
