"""Finding and parsing the feature files (with gherkin-official, pytest-bdd's own parser).

Chapters are ordered by the numeric prefix of the file name
(``01-forward-propagation.feature`` comes before ``02-...``), then by name.
The test module, the tag registration, the authoring checks and the docs site
all use this one list, and ``sentences`` is the one place that turns a parsed
feature into the step sentences pytest-bdd will run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gherkin.errors import ParserError
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from gherkin.token_scanner import TokenScanner

ROOT = Path(__file__).resolve().parent.parent
"""The project's root, where pyproject.toml is: the one definition the steps, the site, the checks, the
benchmarks and the mutation score all use."""
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


def read_feature(path: Path) -> str:
    """A feature file's text: UTF-8, with or without a byte-order mark (CRLF line ends read as LF).

    Raises ``UnicodeDecodeError`` for a file that is not UTF-8; ``parse_feature`` turns it into the
    file's own parse error.
    """
    return Path(path).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def not_utf8(path: Path, error: UnicodeDecodeError) -> str:
    """The message for a file that is not UTF-8: where the first bad byte is, and the fix."""
    byte = error.object[error.start : error.start + 1].hex()
    line = error.object[: error.start].count(b"\n") + 1
    return (
        f"{Path(path).name} is not UTF-8: byte {error.start} (0x{byte}, line {line}) cannot be read; "
        "save the file as UTF-8"
    )


def _parse_feature(path: Path) -> ParsedFeature:
    try:
        text = read_feature(path)
    except UnicodeDecodeError as error:
        return ParsedFeature(Path(path), None, not_utf8(path, error))
    try:
        document: dict = dict(Parser().parse(TokenScanner(text)))
    except ParserError as error:  # CompositeParserException and single errors alike
        return ParsedFeature(Path(path), None, str(error))
    twice = same_names(document)
    return ParsedFeature(Path(path), None, twice) if twice else ParsedFeature(Path(path), document, None)


def same_names(document: dict) -> str | None:
    """The parser-style message for two scenarios of one feature with the same name, if there are.

    pytest-bdd keeps a feature's scenarios by name: of two with one name it would
    run only the last, and the first claim would silently never be checked.
    """
    seen: dict[str, int] = {}
    for node in _nodes((document.get("feature") or {}).get("children", [])):
        scenario = node.get("scenario") if isinstance(node, dict) else None
        if not scenario:
            continue
        name, line = scenario["name"], scenario["location"]["line"]
        if name in seen:
            return (
                f"({line}:1): two scenarios are named {name!r} (lines {seen[name]} and {line}): "
                "pytest-bdd would run only one of them; give each scenario its own name"
            )
        seen[name] = line
    return None


def tags_in(document: dict) -> set[str]:
    """Every tag name (without the @) used anywhere in a parsed feature."""
    return {tag["name"].lstrip("@") for node in _nodes(document) for tag in node.get("tags", ())}


def _nodes(tree):
    """Every dict in a parsed GherkinDocument (scenarios, steps, tags, rows...), depth first."""
    if isinstance(tree, dict):
        yield tree
        tree = list(tree.values())
    if isinstance(tree, list):
        for value in tree:
            yield from _nodes(value)


# Gherkin's step types (And/But already resolved by the compiler) -> pytest-bdd's keywords.
KEYWORDS = {"Context": "given", "Action": "when", "Outcome": "then"}


@dataclass(frozen=True)
class Sentence:
    """One step as pytest-bdd will try to match it."""

    keyword: str
    """given, when or then (And/But resolved to the keyword before them)."""
    text: str
    """The sentence, with an outline's <placeholders> filled from its Examples row."""
    feature: str
    """The feature file's name as given to ``sentences``."""
    line: int
    scenario: str = ""
    tags: frozenset = frozenset()
    """The tags of the scenario (feature, rule and Examples tags included), with their @."""
    table: tuple[tuple[str, ...], ...] | None = None
    """The step's data table, header first, when it has one."""
    docstring: str | None = None

    @property
    def where(self) -> str:
        return f"{self.feature}:{self.line}"


def sentences(document: dict, feature: str) -> list[Sentence]:
    """Every step sentence of a parsed feature, one copy per Examples row, Background included.

    gherkin-official's compiler ("pickles") expands outlines and resolves And/But,
    exactly as pytest-bdd sees the scenarios.
    """
    lines = {n["id"]: n["location"]["line"] for n in _nodes(document) if "id" in n and "location" in n}
    found = []
    for pickle in Compiler().compile({**document, "uri": feature}):  # type: ignore[typeddict-item]  # a parsed document
        tags = frozenset(t["name"] for t in pickle.get("tags", ()))
        for step in pickle["steps"]:
            keyword = KEYWORDS.get(step.get("type"), "step")
            line = lines.get(step["astNodeIds"][0], 0)
            argument: dict = dict(step.get("argument") or {})
            rows = (argument.get("dataTable") or {}).get("rows")
            table = tuple(tuple(c["value"] for c in r["cells"]) for r in rows) if rows else None
            docstring = (argument.get("docString") or {}).get("content")
            found.append(Sentence(keyword, step["text"], feature, line, pickle["name"], tags, table, docstring))
    return found


def feature_sentences(paths=None, base: Path = ROOT) -> list[Sentence]:
    """``sentences`` of every parsable feature file, named relative to ``base``."""
    found = []
    for path in feature_paths() if paths is None else paths:
        document = parse_feature(path).document
        if document is not None:  # speckit.collect reports the syntax error
            found += sentences(document, Path(path).resolve().relative_to(Path(base).resolve()).as_posix())
    return found


@dataclass(frozen=True)
class Tagged:
    """One scenario that carries a tag (one per Examples row of an outline), as pytest-bdd will run it."""

    path: Path
    feature: str
    """The feature's name (a chapter's title)."""
    scenario: str
    line: int
    """The line of the scenario's keyword."""
    example: dict[str, str] | None
    """The Examples row's values, for an outline."""


def tagged(tag: str, paths=None) -> list[Tagged]:
    """Every scenario of the parsable feature files that carries ``tag`` (with its @): its own tag, or its
    rule's, its feature's or its Examples block's, as gherkin-official's pickles resolve them."""
    found = []
    for path in feature_paths() if paths is None else paths:
        document = parse_feature(path).document
        if document is None:
            continue
        nodes = {n["id"]: n for n in _nodes(document) if isinstance(n, dict) and "id" in n}
        for pickle in Compiler().compile({**document, "uri": str(path)}):  # type: ignore[typeddict-item]
            if tag not in {t["name"] for t in pickle.get("tags", ())}:
                continue
            scenario, *row = (nodes[i] for i in pickle["astNodeIds"])
            example = None
            if row:
                examples = next(e for e in scenario.get("examples", ()) if row[0] in e.get("tableBody", ()))
                header = [c["value"] for c in examples["tableHeader"]["cells"]]
                example = dict(zip(header, (c["value"] for c in row[0]["cells"]), strict=True))
            found.append(
                Tagged(Path(path), document["feature"]["name"], scenario["name"], scenario["location"]["line"], example)
            )
    return found
