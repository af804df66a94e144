"""speckit.catalog: the steps that set a value, the MissingStep message, and running one sentence in process.

(That every definition's example is run by some feature is ``tests/test_step_catalog.py``.)
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pytest_bdd import parsers

import backprop as bp
from speckit.catalog import SHOWN_SETTERS, MissingStep, StepDefinition, explain_missing, run_step, setters


def _definition(keyword: str, pattern: str, sets: str | None, line: int = 1) -> StepDefinition:
    parser = parsers.parse(pattern)
    return StepDefinition(keyword, pattern, (), "", None, "steps.demo_steps", "_", line, parser=parser, sets=sets)


def test_the_setters_of_a_value_are_the_definitions_whose_target_fixture_it_is():
    found = setters("data")
    assert {d.pattern for d in found} >= {"the XOR data set", "the data:", 'the data in "{path}"'}
    assert all(d.sets == "data" for d in found) and setters("no such value") == []


def test_a_missing_step_lists_every_step_that_sets_the_value():
    definitions = [_definition("given", "a thing", "thing"), _definition("when", "I make a thing", "thing", 2)]
    message = str(MissingStep("thing", definitions=definitions))
    assert message.splitlines() == [
        "this step reads thing, which no earlier step of the scenario set. Add one of these steps before it:",
        "    Given a thing",
        "    When I make a thing",
    ]


def test_a_missing_step_with_any_of_two_values_lists_the_setters_of_both():
    definitions = [_definition("when", "I train", "training"), _definition("when", "I step", "step", 2)]
    message = str(MissingStep("training", "step", definitions=definitions))
    assert message.startswith("this step reads training or step, which no earlier step")
    assert message.endswith("    When I train\n    When I step")


def test_a_missing_step_says_why_when_the_value_is_of_another_kind_and_caps_the_list():
    definitions = [_definition("given", f"thing {i}", "thing", i) for i in range(SHOWN_SETTERS + 3)]
    lines = str(MissingStep("thing", why="this check reads a seed sweep", definitions=definitions)).splitlines()
    assert lines[0] == "this check reads a seed sweep. Add one of these steps before it:"
    assert len(lines) == SHOWN_SETTERS + 2 and lines[-1] == "    ... and 3 more (the step catalog lists them)"
    assert str(MissingStep("nothing", definitions=definitions)).endswith("; no step definition sets nothing")


def test_a_missing_table_or_text_block_is_said_as_such():
    assert str(MissingStep("datatable")) == "this step takes a table: write its rows under the step, header first"
    assert "text block" in str(MissingStep("docstring"))


def test_only_a_fixture_lookup_becomes_a_missing_step(request):
    with pytest.raises(pytest.FixtureLookupError) as caught:
        request.getfixturevalue("network")
    explained = explain_missing(caught.value)
    assert isinstance(explained, MissingStep) and explained.names == ("network",)
    other = ValueError("x")
    assert explain_missing(other) is other


def test_a_sentence_runs_its_definition_with_the_values_it_reads():
    checked = []
    definition, network = run_step(
        "Given a [2, 3, 1] network with seed 4",
        lambda name: pytest.fail(f"reads nothing, asked {name}"),
        check=checked.append,
    )
    assert definition.pattern == "a {sizes:List} network with seed {seed:d}" and checked == [
        {"sizes": [2, 3, 1], "seed": 4}
    ]
    assert network.flat().tobytes() == bp.init_network((2, 3, 1), seed=4).flat().tobytes()
    X, y = bp.xor()
    values = {"network": network, "data": SimpleNamespace(X=X, y=y), "engine": bp}
    _, cache = run_step("When I run forward propagation", values.__getitem__)
    assert cache.a[-1].shape == (4, 1)


def test_a_sentence_that_cannot_run_is_named(request):
    with pytest.raises(ValueError, match="a step starts with Given, When or Then, not 'And'"):
        run_step("And the XOR data set", request.getfixturevalue)
    with pytest.raises(ValueError, match='no step definition matches Given "the XOR data sets"'):
        run_step("Given the XOR data sets", request.getfixturevalue)
    with pytest.raises(MissingStep, match="this step reads network"):
        run_step("When I run forward propagation", request.getfixturevalue)
    with pytest.raises(MissingStep, match="takes a table"):
        run_step("Given the data:", request.getfixturevalue)
