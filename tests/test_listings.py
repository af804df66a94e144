"""The code beside the math (``docs/_hooks/listings.py``): functions cut from their files, and the equations
their comments name."""

from __future__ import annotations

import ast
import re

import pytest

from docs._hooks.chapter import track_of
from docs._hooks.listings import PROGRAM, ListingError, listing, listings
from speckit.features import ROOT, feature_paths, parse_feature

LEARN = [p for p in feature_paths() if track_of(parse_feature(p).document) == "learn"]


def test_a_listing_is_the_function_as_its_file_has_it():
    shown = listing("guide_program.py:backward_prop")
    lines = PROGRAM.read_text(encoding="utf-8").splitlines()
    assert shown.code.splitlines() == lines[shown.first_line - 1 : shown.first_line - 1 + shown.lines]
    assert shown.code.startswith("def backward_prop(params, X, y):") and shown.download == "downloads/guide_program.py"
    package = listing("backprop/forward.py:forward")
    assert package.code.startswith("def forward(network: Network, X: Array) -> Cache:") and package.download is None


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (
            "../../etc/passwd:root",
            r"code comes from guide_program\.py or a module of the package .* not '\.\./\.\./etc/passwd'",
        ),
        ("/etc/passwd:x", r"not '/etc/passwd'"),
        ("conftest.py:pytest_configure", r"not 'conftest\.py'"),
        (
            "guide_program.py:no_such_function",
            r"guide_program\.py has no function 'no_such_function'; it has: .*backward_prop",
        ),
        ("", "a Code: line names at least one"),
    ],
)
def test_a_code_line_names_only_functions_of_the_program_and_the_package(line, why):
    with pytest.raises(ListingError, match=why):
        listings(line)


def _tags() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in LEARN:
        for tag in re.findall(r"\\tag\{([\d.]+)\}", path.read_text(encoding="utf-8")):
            found.setdefault(tag, []).append(path.name)
    return found


def test_every_equation_the_programs_comments_name_is_numbered_once_in_a_learn_chapter():
    comments = re.findall(r"#\s*\((\d+\.\d+)\)", PROGRAM.read_text(encoding="utf-8"))
    tags = _tags()
    assert len(set(comments)) >= 8, comments
    assert [c for c in sorted(set(comments)) if c not in tags] == []
    assert {t: files for t, files in tags.items() if len(files) > 1} == {}
    # Numbered by chapter: (3.2) is in chapter 03.
    assert all(all(f.startswith(f"0{t.split('.')[0]}-") for f in files) for t, files in tags.items())


def test_every_learn_chapter_of_the_guides_program_shows_the_code_it_teaches():
    shown = {p.name: re.findall(r"^\s*Code:\s*(.+)$", p.read_text(encoding="utf-8"), re.M) for p in LEARN}
    teaching = {name: lines for name, lines in shown.items() if name[:2] in ("01", "02", "03", "04", "05", "06")}
    assert sorted(teaching) == sorted(n for n in shown if n[:2] in ("01", "02", "03", "04", "05", "06"))
    assert all(teaching.values()), {name: lines for name, lines in teaching.items() if not lines}
    for lines in teaching.values():
        for line in lines:
            listings(line)  # every listing named exists


def test_the_finished_program_defines_what_the_chapters_show():
    defined = {
        n.name for n in ast.walk(ast.parse(PROGRAM.read_text(encoding="utf-8"))) if isinstance(n, ast.FunctionDef)
    }
    assert {
        "sigmoid",
        "forward_prop",
        "compute_loss",
        "numerical_gradient",
        "backward_prop",
        "gradient_descent",
        "train",
    } <= defined
    assert (ROOT / "docs" / "downloads" / "my_backprop.py").is_file()
