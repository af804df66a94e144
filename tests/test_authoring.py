"""speckit.authoring: "did you mean" for an undefined step, the ambiguity check's report, and the
scratch specification's guards (files and pytest options that stay inside it)."""

from __future__ import annotations

import os

import pytest
from pytest_bdd import parsers

from speckit.authoring import (
    ScratchError,
    add_demonstration,
    demonstrations,
    did_you_mean,
    excerpt,
    find_ambiguities,
    scratch_arguments,
    write_scratch_file,
)
from speckit.catalog import StepDefinition, step_definitions
from speckit.features import Sentence, feature_sentences


def _definition(keyword, parser, module, line):
    return StepDefinition(keyword, parser.name, (), "", None, module, "_", line, parser=parser)


def test_the_ambiguity_check_names_the_sentence_and_both_definitions(tmp_path):
    feature = tmp_path / "01-twice.feature"
    feature.write_text(
        "Feature: Twice\n"
        "  Scenario Outline: Two definitions match\n"
        "    Given a <size> network\n"
        "    And a plain sentence\n"
        "    Examples:\n"
        "      | size |\n"
        "      | big  |\n"
    )
    exact = _definition("given", parsers.parse("a big network"), "steps.one_steps", 12)
    general = _definition("given", parsers.parse("a {size} network"), "steps.two_steps", 34)
    other_type = _definition("then", parsers.parse("a {anything}"), "steps.three_steps", 56)
    plain = _definition("given", parsers.parse("a plain sentence"), "steps.one_steps", 78)
    sentences = feature_sentences([feature], base=tmp_path)
    assert [(s.keyword, s.text, s.where) for s in sentences] == [
        ("given", "a big network", "01-twice.feature:3"),
        ("given", "a plain sentence", "01-twice.feature:4"),
    ]
    [ambiguity] = find_ambiguities(sentences, [exact, general, other_type, plain])
    report = ambiguity.describe()
    assert 'Given "a big network" (01-twice.feature:3)' in report
    assert "steps/one_steps.py:12" in report and "steps/two_steps.py:34" in report
    assert "three_steps" not in report and "2 step definitions" in report


def test_an_untyped_step_definition_competes_with_every_type():
    anything = _definition("step", parsers.parse("the {thing} is ready"), "steps.any_steps", 5)
    given = _definition("given", parsers.parse("the network is ready"), "steps.one_steps", 9)
    [ambiguity] = find_ambiguities([Sentence("given", "the network is ready", "x.feature", 2)], [anything, given])
    assert ambiguity.definitions == (anything, given)
    assert find_ambiguities([Sentence("then", "the data is ready", "x.feature", 3)], [anything, given]) == []


def test_did_you_mean_puts_the_intended_step_first():
    intended = next(d for d in step_definitions() if d.pattern == "the guide's 2-2-1 network with seed {seed:d}")
    hint = did_you_mean("given", "the guide's 2-2-1 netwrok with sed 0")
    first = hint.splitlines()[1]
    assert hint.startswith("Did you mean") and intended.pattern in first and intended.where in first, hint


def test_did_you_mean_is_silent_when_nothing_is_close():
    assert did_you_mean("then", "zzzz qqqq xxxx", step_definitions()) == ""


@pytest.mark.parametrize("path", ["features/01-a.feature", "features/deep/er/02-b.feature", "features/data/or.csv"])
def test_a_scratch_file_may_be_a_feature_file_or_its_data(tmp_path, path):
    written = write_scratch_file(tmp_path, path, "text\n")
    assert written == (tmp_path / path).resolve() and written.read_text(encoding="utf-8") == "text\n"


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/etc/passwd.feature", "is outside the scratch specification"),
        ("../escape.feature", "is outside the scratch specification"),
        ("features/../../escape.feature", "is outside the scratch specification"),
        ("steps/extra_steps.py", "cannot be written: a scratch file is features/<name>.feature"),
        ("conftest.py", "cannot be written"),
        ("features/conftest.py", "cannot be written"),
        ("tests/test_more.py", "cannot be written"),
        ("pyproject.toml", "cannot be written"),
        ("features/data/deeper/x.csv", "cannot be written"),
        ("features/data/x.py", "cannot be written"),
        ("features/link/x.feature", "is outside the scratch specification"),
    ],
)
def test_any_other_scratch_file_is_refused_quoting_the_path_and_nothing_is_written(tmp_path, path, why):
    scratch, outside = tmp_path / "scratch", tmp_path / "outside"
    (scratch / "features").mkdir(parents=True)
    outside.mkdir()
    os.symlink(outside, scratch / "features" / "link")  # a symbolic link that points out
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(ScratchError, match=why) as raised:
        write_scratch_file(scratch, path, "text\n")
    assert repr(path) in str(raised.value)
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize(
    ("arguments", "passed"),
    [
        ([], []),
        (["features", "tests"], ["features", "tests"]),
        (
            ["features/01-g.feature", "--scenario", "The AND gate"],
            ["features/01-g.feature", "--scenario", "The AND gate"],
        ),
        (
            ["features/01-g.feature::test_x", "--scenario=Another"],
            ["features/01-g.feature::test_x", "--scenario", "Another"],
        ),
        (["--steps=loss"], ["--steps=loss"]),
        (["--steps"], ["--steps"]),
        (["features", "--results-json", "results.json"], ["features", "--results-json", "results.json"]),
    ],
)
def test_a_scratch_run_takes_the_arguments_the_chapter_shows(tmp_path, arguments, passed):
    assert scratch_arguments(tmp_path, arguments) == passed


@pytest.mark.parametrize(
    ("arguments", "why"),
    [
        (["--basetemp=/"], "the pytest option --basetemp is not taken by a scratch run"),
        (["--basetemp", "/"], "the pytest option --basetemp is not taken"),
        (["-p", "os"], "the pytest option -p is not taken"),
        (["-pfoo"], "the pytest option -pfoo is not taken"),
        (["-c", "/etc/other.toml"], "the pytest option -c is not taken"),
        (["--rootdir=/"], "the pytest option --rootdir is not taken"),
        (["-o", "addopts=-p os"], "the pytest option -o is not taken"),
        (["--junitxml=/tmp/x.xml"], "the pytest option --junitxml is not taken"),
        (["--log-file", "x.log"], "the pytest option --log-file is not taken"),
        (["--debug"], "the pytest option --debug is not taken"),
        (["--pastebin=all"], "the pytest option --pastebin is not taken"),
        (["--results-json", "/tmp/r.json"], "--results-json '/tmp/r.json' is outside the scratch specification"),
        (["--results-json=../r.json"], "--results-json '../r.json' is outside"),
        (["/etc"], "the path '/etc' is outside the scratch specification"),
        (["../features"], "the path '../features' is outside"),
        (["--scenario"], "--scenario needs the scenario's name"),
    ],
)
def test_any_other_pytest_argument_is_refused_by_name(tmp_path, arguments, why):
    with pytest.raises(ScratchError, match=why):
        scratch_arguments(tmp_path, arguments)


def test_a_demonstration_steps_module_is_chosen_by_name_from_those_the_project_ships(tmp_path):
    (tmp_path / "steps").mkdir()
    assert "ambiguous" in demonstrations()
    assert add_demonstration(tmp_path, "ambiguous") == tmp_path / "steps" / "ambiguous_steps.py"
    with pytest.raises(ScratchError, match=r"no demonstration steps '\.\./x'; the demonstrations: ambiguous"):
        add_demonstration(tmp_path, "../x")


def test_an_excerpt_of_a_long_report_keeps_its_end_within_the_limit():
    report = "".join(f"line {n}\n" for n in range(1000))
    cut = excerpt(report)
    assert len(cut) < 1600 and cut.endswith("line 999\n") and "of the report's 8,890 characters" in cut
    assert excerpt("short") == "short"
