"""speckit.authoring: "did you mean" for an undefined step, and the ambiguity check's report."""

from __future__ import annotations

from pytest_bdd import parsers

from speckit.authoring import did_you_mean, find_ambiguities
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
