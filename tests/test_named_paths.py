"""Every path the README, the docs or a docstring names exists: a renamed or deleted file cannot stay quoted.

A path is a token such as ``docs/_hooks/build.py``, ``features/data/and.csv`` or
``benchmarks/last-run.md``: a first folder of the project, then the rest, ending
in a file name with an extension (or a folder with a trailing slash). Paths the
texts name as examples of what a reader would add, or that a command writes,
are listed in ``NOT_FILES`` with the reason they need not exist.
"""

from __future__ import annotations

import ast
import re

import pytest

from speckit.features import ROOT

FOLDERS = ("backprop", "steps", "speckit", "docs", "features", "tests", "checks", "benchmarks", "mutation", ".ci")
_PATH = re.compile(r"(?<![\w./-])((?:" + "|".join(re.escape(f) for f in FOLDERS) + r")/[\w./<>*-]*[\w/])(?![\w(])")
_TOP = re.compile(r"(?<![\w./-])(mkdocs\.yml|pyproject\.toml|constraints\.txt|Makefile|README\.md|conftest\.py)\b")

NOT_FILES = {
    "features/95-and-gate.feature": "the README's example of a reader's new feature file",
    "features/95-my-claims.feature": "an example in speckit/short.py's docstring",
    "features/data/or.csv": "a scratch data file of the writing chapter's example",
    "features/02-broken.feature": "a scratch chapter of the writing chapter",
    "docs/generated/": "about-the-site's example of a folder another generator would read",
}
"""Paths that are examples, not files of the project."""
GENERATED = ("site/", ".results/", "mutants/", "docs/assets/generated/")
"""Where the build and the runs write: a path under these is made by a command, not committed."""


def _texts() -> list[tuple[str, str]]:
    """(where, text) of the README, every docs page and template, and every docstring of the project's Python."""
    found = [("README.md", (ROOT / "README.md").read_text(encoding="utf-8"))]
    for path in sorted((ROOT / "docs").rglob("*")):
        if path.suffix in (".md", ".j2") and "assets" not in path.parts and "original" not in path.parts:
            found.append((path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")))
    for folder in ("backprop", "steps", "speckit", "docs/_hooks", "tests", "checks", "benchmarks", "mutation"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                    doc = ast.get_docstring(node, clean=False)
                    # An Example: line quotes a sentence of a scenario, whose paths are a scratch folder's.
                    doc = re.split(r"^\s*Example:", doc or "", maxsplit=1, flags=re.M)[0]
                    if doc:
                        found.append((f"{path.relative_to(ROOT).as_posix()}:{getattr(node, 'lineno', 1)}", doc))
    return found


def _named(text: str) -> set[str]:
    paths = {m.group(1).rstrip(".") for m in _PATH.finditer(text)} | {m.group(1) for m in _TOP.finditer(text)}
    # A pattern (features/*.feature, steps/<name>_steps.py) names a kind of file, not one.
    return {p for p in paths if not re.search(r"[<>*]|\.\.\.", p)}


ALL = sorted({(path, where) for where, text in _texts() for path in _named(text)})
NAMED = [(path, where) for path, where in ALL if path not in NOT_FILES and not path.startswith(GENERATED)]


def test_the_texts_name_paths():
    assert len({path for path, _ in NAMED}) > 40, "the pattern finds the paths the texts name"


@pytest.mark.parametrize(("path", "where"), NAMED, ids=[f"{p} in {w}" for p, w in NAMED])
def test_every_named_path_exists(path, where):
    assert (ROOT / path.split("::", 1)[0]).exists(), f"{where} names {path}, which does not exist"


@pytest.mark.parametrize("path", sorted(NOT_FILES))
def test_every_example_path_is_named_and_is_not_a_file(path):
    assert path in {p for p, _ in ALL}, f"{path} is listed as an example but no text names it: remove it"
    assert not (ROOT / path.split("::", 1)[0]).is_file(), f"{path} is a file of the project: not an example"
