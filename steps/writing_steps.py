"""Steps of the chapter "Writing scenarios": a scratch copy of the specification, run and read.

The scratch project is built by ``speckit.authoring.scratch_specification`` in
pytest's ``tmp_path``; ``state.run`` holds the finished run (combined output in
``state.report``).
"""

from __future__ import annotations

import re

from pytest_bdd import given, then, when

from speckit.authoring import run_scratch, scratch_specification
from speckit.catalog import step_definitions
from steps.parsing import sentence


def _summary(report: str, outcome: str) -> list[str]:
    """Node ids listed as ``outcome`` (PASSED/FAILED) in pytest's -rA short summary."""
    return [m.group(1) for m in re.finditer(rf"^{outcome} (\S+)", report, re.MULTILINE)]


def _definition(pattern: str):
    return next(d for d in step_definitions() if d.pattern == pattern)


@given(sentence('a scratch specification with the chapter "{name}":'))
def _(state, tmp_path, name, docstring):
    """A scratch copy of the specification whose ``features/`` holds only this chapter.

    Example: Given a scratch specification with the chapter "01-typo.feature":
    """
    state.scratch = scratch_specification(tmp_path / "scratch")
    (state.scratch / "features" / name).write_text(docstring + "\n", encoding="utf-8")


@given(sentence('the scratch chapter "{name}":'))
def _(state, name, docstring):
    """Add one more feature file to the scratch specification.

    Example: And the scratch chapter "02-broken.feature":
    """
    (state.scratch / "features" / name).write_text(docstring + "\n", encoding="utf-8")


@given(sentence('the scratch steps module "{name}":'))
def _(state, name, docstring):
    """Add a steps module (``steps/<name>``, loaded like every ``*_steps.py``) to the scratch specification.

    Example: And the scratch steps module "extra_steps.py":
    """
    (state.scratch / "steps" / name).write_text(docstring + "\n", encoding="utf-8")


@when("the scratch specification runs")
def _(state):
    """Run the scratch specification's feature tests and authoring checks with pytest, in a new process.

    Example: When the scratch specification runs
    """
    state.run = run_scratch(state.scratch)
    state.report = state.run.stdout + state.run.stderr


@then(sentence('only the scratch test "{nodeid}" fails'))
def _(state, nodeid):
    """pytest exited with 1 (tests failed, the run completed) and ``nodeid`` is the one failure.

    Example: Then only the scratch test "features/01-typo.feature::test_the_network_is_misspelt" fails
    """
    assert state.run.returncode == 1, state.report
    assert _summary(state.report, "FAILED") == [nodeid], state.report


@then(sentence('the scratch test "{nodeid}" passes'))
def _(state, nodeid):
    """``nodeid`` ran and passed in the scratch run.

    Example: And the scratch test "features/01-fine.feature::test_nothing_wrong_here" passes
    """
    assert nodeid in _summary(state.report, "PASSED"), state.report


@then(sentence('the scratch report says "{message}" for the sentence "{text}"'))
def _(state, message, text):
    """The report carries pytest-bdd's own message about the step, quoting its sentence.

    Example: And the scratch report says "Step definition is not found" for the sentence "the guide's 2-2-1
        netwrok with seed 0"
    """
    assert f'{message}: Given "{text}"' in state.report, state.report


@then(sentence('the scratch report suggests first the step "{pattern}" with its file and line'))
def _(state, pattern):
    """After "Did you mean", the first suggestion is the definition of ``pattern``, with its steps file:line.

    Example: And the scratch report suggests first the step "the guide's 2-2-1 network with seed {seed:d}" with
        its file and line
    """
    first = state.report.split("Did you mean", 1)[1].splitlines()[1]
    assert pattern in first and _definition(pattern).where in first, state.report


@then(sentence('the scratch report gives the parser\'s message for line {line:d} of "{name}"'))
def _(state, line, name):
    """The malformed file's test failure names the file and gives gherkin's ``(line:column): expected ...``.

    Example: And the scratch report gives the parser's message for line 4 of "02-broken.feature"
    """
    assert re.search(rf"{re.escape(name)} does not parse:[\s\S]*?\n\s*\({line}:\d+\): expected: ", state.report), (
        state.report
    )


@then(sentence('the scratch report quotes the sentence "{text}" from "{where}"'))
def _(state, text, where):
    """The ambiguity report quotes the sentence and where it is written.

    Example: And the scratch report quotes the sentence "the guide's 2-2-1 network with seed 0" from
        "01-twice.feature:3"
    """
    assert f'"{text}" (features/{where})' in state.report, state.report


@then(sentence('the scratch report names "{where}" and the definition of "{pattern}" with its file and line'))
def _(state, where, pattern):
    """Both competing step definitions appear in the report with their file:line.

    Example: And the scratch report names "steps/extra_steps.py:6" and the definition of "the guide's 2-2-1
        network with seed {seed:d}" with its file and line
    """
    assert where in state.report and f"{pattern}    ({_definition(pattern).where})" in state.report, state.report
