"""Steps of the chapter on what a feature file can and cannot do: a step run in process, and the error it gives.

``When the step "<sentence>" runs`` runs the step definition that pytest-bdd
would run for that sentence (``speckit.catalog.run_step``), with the values
the scenario's earlier steps set, and keeps what it raised: the fixture
``step_run``. The Thens compare the failure with what the reader would see in
the report, ``Name: message`` (``speckit.short.failure_text``), so a scenario
can show a failing step without failing itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from pytest_bdd import then, when

from speckit.catalog import run_step
from speckit.short import failure_text
from steps.parsing import clip, sentence
from steps.support import check_arguments


@dataclass
class StepRun:
    """A step sentence run in process: what it raised (None when it passed)."""

    sentence: str
    error: BaseException | None


def _run(request, text: str, datatable=None) -> StepRun:
    try:
        run_step(text, request.getfixturevalue, datatable=datatable, check=check_arguments)
    except Exception as error:  # noqa: BLE001 - the Then steps read it, as the report would
        return StepRun(text, error)
    return StepRun(text, None)


def _failure(step_run: StepRun) -> str:
    assert step_run.error is not None, f'the step "{clip(step_run.sentence)}" passed'
    return failure_text(step_run.error)


@when(sentence('the step "{text}" runs'), target_fixture="step_run")
def _(request, text):
    """Run one step sentence (with its keyword) in this scenario, keeping its error instead of failing.

    It reads what the scenario's earlier steps set; what it sets is not kept.

    Example: When the step "Then the output of row 0 is at most 1" runs
    """
    return _run(request, text)


@when(sentence('the step "{text}" runs with the table:'), target_fixture="step_run")
def _(request, text, datatable):
    """Run one step sentence that takes a table (the table under this step), keeping its error.

    Example: When the step "Given the parameters:" runs with the table:
    """
    return _run(request, text, datatable)


@then(sentence('the step fails with "{message}"'))
def _(step_run, message):
    """The step failed, and the report's message (``Name: message``, as the terminal and the site show it) is this.

    Example: Then the step fails with "ValueError: row 0 is out of range: rows 1–4"
    """
    found = _failure(step_run)
    assert found == message, f"the step failed with: {found}"


@then("the step fails with:")
def _(step_run, docstring):
    """The step failed with this message of several lines (the text block), exactly.

    Example: Then the step fails with:
    """
    found = _failure(step_run)
    assert found == docstring, f"the step failed with:\n{found}"


@then(sentence("the step's failure message fits in {lines:d} lines and {chars:d} characters"))
def _(step_run, lines, chars, measure):
    """The report's message of the failure is at most ``lines`` lines and ``chars`` characters long.

    Example: Then the step's failure message fits in 20 lines and 2000 characters
    """
    found = _failure(step_run)
    assert measure("lines", len(found.splitlines())) <= lines, found
    assert measure("characters", len(found)) <= chars, found
