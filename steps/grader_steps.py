"""Steps of the chapter "Implement it yourself: the grader": the guide's scenarios grade committed implementations.

An implementation is named as ``COMMITTED`` in ``steps/implementation.py`` names it, never by a path: the
grader runs in a pytest process of its own (``steps.grading.run_grader``), exactly as a reader runs
``pytest features --implementation my_backprop.py``. The fixture ``grading`` is that run.
"""

from __future__ import annotations

import difflib

import pytest
from pytest_bdd import given, then, when

from steps.grading import HELD, NOT_HELD, NOT_IMPLEMENTED, GradingRun, claim_name, gradable_claims, run_grader
from steps.implementation import COMMITTED
from steps.parsing import clip, sentence, table_rows

STATUSES = (HELD, NOT_HELD, NOT_IMPLEMENTED)


@pytest.fixture
def grading_time_limit() -> float | None:
    """Seconds one call of the graded file may take: the grader's default until a Given sets it."""
    return None


@given(
    sentence("each call of an implementation may take at most {seconds:Number} s"), target_fixture="grading_time_limit"
)
def _(seconds):
    """The grader's ``--implementation-time-limit`` for the next grading.

    Example: Given each call of an implementation may take at most 1 s
    """
    if not seconds > 0:
        raise ValueError(f"a time limit must be a positive number of seconds, not {seconds:g}")
    return seconds


@when(sentence('the grader checks "{name}"'), target_fixture="grading")
def _(name, grading_time_limit):
    """Run ``pytest features --implementation FILE`` on a committed implementation, chosen by its name.

    Example: When the grader checks "the slope written as a"
    """
    return run_grader(_committed(name), grading_time_limit)


@when("the package's gradable claims run through the grader's adapter", target_fixture="grading")
def _():
    """Run ``pytest features -m gradable``: the @gradable scenarios, with the package behind the adapter.

    Example: When the package's gradable claims run through the grader's adapter
    """
    return run_grader(None)


@then("every claim tagged @gradable holds, and no other scenario runs")
def _(grading, measure):
    """The run passed exactly as many scenarios as there are claims tagged @gradable, and nothing else.

    Example: Then every claim tagged @gradable holds, and no other scenario runs
    """
    count = measure("claims tagged @gradable", len(gradable_claims()))
    assert grading.code == 0 and f" {count} passed, " in f" {grading.summary()}", grading.output[-1500:]


@then(sentence('the report says "{status}" for every claim'))
def _(grading, status):
    """Every claim tagged @gradable is in the report, with this status.

    Example: Then the report says "held" for every claim
    """
    _statuses(grading, {claim: _status(status) for claim in _claims()})


@then(sentence('the report says "{status}" for exactly these claims, and "{other}" for every other:'))
def _(grading, status, other, datatable):
    """The claims of the table (column ``claim``, named as the report names them) have the first status,
    every other claim tagged @gradable the second.

    Example: Then the report says "not held" for exactly these claims, and "held" for every other:
    """
    named = [row["claim"] for row in table_rows(datatable, ("claim",), "the claims table")]
    claims = _claims()
    for claim in named:
        if claim not in claims:
            close = difflib.get_close_matches(claim, claims, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"{clip(claim)!r} is not a claim tagged @gradable{hint}")
    _statuses(grading, {c: _status(status) if c in named else _status(other) for c in claims})


@then(sentence('for "{claim}" the report says "{status}": {verdict}'))
def _(grading, claim, status, verdict):
    """One claim's status and the verdict the report gives under it (a part of its text).

    Example: Then for "Does seed 0 learn XOR?" the report says "not held": train took longer than 1 s
    """
    found = grading.statuses.get(claim)
    assert found == _status(status), f"the report says {found!r} for {clip(claim)!r}:\n{grading.output[-1500:]}"
    detail = grading.details.get(claim, "")
    assert verdict in detail, f"the report says, for {clip(claim)!r}: {detail!r}"


@then("the run shows no traceback")
def _(grading):
    """Neither the report nor anything else the run printed holds a Python traceback.

    Example: Then the run shows no traceback
    """
    assert "Traceback" not in grading.output, grading.output[grading.output.index("Traceback") :][:1500]


@then("the report's last line counts every claim tagged @gradable, those that hold and those not implemented yet")
def _(grading, measure):
    """``H of N claims hold, M not implemented yet.``: N the claims tagged @gradable, H and M counted in the
    report's own list.

    Example: Then the report's last line counts every claim tagged @gradable, those that hold and those not
        implemented yet
    """
    held = measure("claims that hold", sum(s == HELD for s in grading.statuses.values()))
    missing = measure("claims not implemented yet", sum(s == NOT_IMPLEMENTED for s in grading.statuses.values()))
    expected = f"{held} of {len(_claims())} claims hold, {missing} not implemented yet."
    assert grading.summary() == expected, f"the last line is {grading.summary()!r}, not {expected!r}"


def _committed(name: str):
    if name not in COMMITTED:
        close = difflib.get_close_matches(name, COMMITTED, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"no committed implementation is called {clip(name)!r}{hint} (known: {', '.join(COMMITTED)})")
    return COMMITTED[name]


def _status(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"a claim's status is {', '.join(map(repr, STATUSES))}; not {clip(status)!r}")
    return status


def _claims() -> list[str]:
    return [claim_name(t.scenario, t.example) for t in gradable_claims()]


def _statuses(grading: GradingRun, expected: dict[str, str]) -> None:
    """Every claim's status as ``expected``, each difference listed."""
    wrong = [
        f"{claim}: {grading.statuses.get(claim, 'not in the report')}, not {status}"
        for claim, status in expected.items()
        if grading.statuses.get(claim) != status
    ]
    extra = [claim for claim in grading.statuses if claim not in expected]
    assert not wrong and not extra, "\n".join(wrong + [f"{c}: reported, but not tagged @gradable" for c in extra])
