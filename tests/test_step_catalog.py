"""The step catalog cannot lie: every step definition has an example, and the suite runs it.

The site's step catalog shows, for each definition, its docstring and one
``Example:`` line. Here each example must

* exist (a docstring line ``Example: Given ...``),
* be a sentence the definition itself matches, with its keyword, and
* be run by some feature file: the same keyword and text as a step of a
  scenario (Background steps and Examples rows included; ``And``/``But`` take
  the keyword before them).
"""

from __future__ import annotations

import pytest

from docs._hooks.sentences import split_example
from speckit.catalog import step_definitions
from speckit.features import feature_sentences

DEFINITIONS = step_definitions()


RUN = {(s.keyword, s.text) for s in feature_sentences()}


def _id(definition) -> str:
    return f"{definition.where} {definition.keyword} {definition.pattern}"


def _example(definition) -> tuple[str, str]:
    keyword, text = split_example(definition.example)
    # An example written "And ..." or "But ..." continues its own definition's keyword.
    if keyword in ("and", "but", "*"):
        keyword = definition.keyword
    return keyword, text


@pytest.mark.parametrize("definition", DEFINITIONS, ids=_id)
def test_every_step_definition_has_an_example_line(definition):
    assert definition.example, (
        f"{definition.where}: the docstring of the step '{definition.pattern}' has no line "
        f"'Example: {definition.keyword.capitalize()} ...'; the step catalog shows that line"
    )


@pytest.mark.parametrize("definition", [d for d in DEFINITIONS if d.example], ids=_id)
def test_every_example_line_is_run_by_some_feature(definition):
    keyword, text = _example(definition)
    assert keyword in ("given", "when", "then"), f"{definition.where}: example {definition.example!r} has no keyword"
    assert definition.runs(keyword, text), (
        f"{definition.where}: the example {definition.example!r} is not matched by its own pattern "
        f"{definition.keyword} '{definition.pattern}'"
    )
    assert (keyword, text) in RUN, (
        f"{definition.where}: the example {definition.example!r} is not a step of any scenario in features/; "
        "use it in a scenario, or change the example to a sentence a scenario runs"
    )


def test_the_matcher_tells_keywords_and_patterns_apart():
    # The checks above rely on this: the keyword counts, and the whole sentence must match.
    network = next(d for d in DEFINITIONS if d.pattern == "the guide's 2-2-1 network with seed {seed:d}")
    assert network.runs("given", "the guide's 2-2-1 network with seed 0")
    assert not network.runs("then", "the guide's 2-2-1 network with seed 0")
    assert not network.runs("given", "the guide's 2-2-1 network with seed 0 and more")
    assert not network.runs("given", "the guide's 2-2-1 network with seed zero")
