"""Finding and parsing the feature files (with gherkin-official, pytest-bdd's own parser).

Chapters are ordered by the numeric prefix of the file name
(``01-forward-propagation.feature`` comes before ``02-...``), then by name.
The test module, the tag registration and the docs site all use this one list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gherkin.errors import ParserError
from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

ROOT = Path(__file__).resolve().parent.parent
FEATURES_DIR = ROOT / "features"

_PREFIX = re.compile(r"^(\d+)")


def _order(path: Path):
    m = _PREFIX.match(path.name)
    return (int(m.group(1)) if m else float("inf"), path.name)


def feature_paths(base: Path = FEATURES_DIR) -> list[Path]:
    """Every ``.feature`` file under ``base``, in chapter order."""
    return sorted(base.rglob("*.feature"), key=_order)


@dataclass
class ParsedFeature:
    path: Path
    document: dict | None
    """gherkin-official's GherkinDocument, or None if the file does not parse."""
    error: str | None
    """The parser's ``(line:column): message`` lines when the file does not parse."""


_PARSED: dict[tuple, ParsedFeature] = {}


def parse_feature(path: Path) -> ParsedFeature:
    """Parse one feature file; a syntax error is returned, not raised.

    Results are remembered per (path, modification time, size): the conftest,
    the collection and the checks all parse the same files, and mutation
    testing starts pytest once per mutant in a process forked after the first.
    """
    stat = Path(path).stat()
    key = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        _PARSED[key] = _parse_feature(path)
    return _PARSED[key]


def _parse_feature(path: Path) -> ParsedFeature:
    text = Path(path).read_text(encoding="utf-8")
    try:
        return ParsedFeature(Path(path), Parser().parse(TokenScanner(text)), None)
    except ParserError as error:  # CompositeParserException and single errors alike
        return ParsedFeature(Path(path), None, str(error))


def tags_in(document: dict) -> set[str]:
    """Every tag name (without the @) used anywhere in a parsed feature."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for tag in node.get("tags", ()):
                found.add(tag["name"].lstrip("@"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return found
