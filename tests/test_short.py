"""speckit.short: a failing step reported in a few lines, whatever it raised."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from speckit.short import FAILED_STEP, MAX_CHARS, MAX_LINES, bounded, failure_text, pytest_bdd_step_error


def _fits(text: str) -> bool:
    return len(text.splitlines()) <= MAX_LINES and len(text) <= MAX_CHARS


def test_a_short_text_is_left_as_it_is():
    text = "\n".join(f"line {i}" for i in range(MAX_LINES))
    assert bounded(text) == text
    assert bounded("x" * MAX_CHARS) == "x" * MAX_CHARS


def test_many_lines_keep_the_first_ones_and_say_how_many_were_left_out():
    text = "\n".join(f"line {i}" for i in range(2001))
    cut = bounded(text)
    lines = cut.splitlines()
    assert _fits(cut) and lines[: MAX_LINES - 1] == [f"line {i}" for i in range(MAX_LINES - 1)]
    assert lines[-1].startswith("[... ") and "1,982 more lines not shown]" in lines[-1]


def test_one_huge_line_is_cut_to_the_characters_allowed():
    text = repr(list(range(10_000)))  # about 59,000 characters on one line
    cut = bounded(text)
    assert _fits(cut) and cut.startswith("[0, 1, 2, 3") and "more characters" in cut.splitlines()[-1]


def test_the_tail_of_a_traceback_keeps_its_last_line():
    text = "\n".join([*(f"  frame {i}" for i in range(500)), "ValueError: the error itself"])
    cut = bounded(text, keep="tail")
    assert _fits(cut) and cut.endswith("ValueError: the error itself") and cut.startswith("[... ")


def test_the_bounds_hold_for_any_mix_of_long_and_short_lines():
    for width in (0, 1, 79, 80, 81, 150, 1999, 2000, 2001, 5000):
        for count in (1, 2, 19, 20, 21, 300):
            text = "\n".join("y" * width for _ in range(count))
            for keep in ("head", "tail"):
                assert _fits(bounded(text, keep=keep)), (width, count, keep)


def test_a_failure_reads_name_then_message_without_pytests_explanation():
    assert failure_text(ValueError("row 0 is out of range: rows 1–4")) == "ValueError: row 0 is out of range: rows 1–4"
    assert failure_text(AssertionError("the loss is 0.3, not at most 0.1\nassert 0.3 <= 0.1")) == (
        "AssertionError: the loss is 0.3, not at most 0.1"
    )
    assert failure_text(KeyError()) == "KeyError"


def test_a_failure_message_of_2001_values_is_bounded():
    text = failure_text(AssertionError(f"expected DivergenceError, got {list(range(2001))!r}"))
    assert _fits(text) and text.startswith("AssertionError: expected DivergenceError, got [0, 1, 2")


def test_a_fixture_nobody_set_is_reported_as_the_step_that_would_set_it(request):
    with pytest.raises(pytest.FixtureLookupError) as caught:
        request.getfixturevalue("training")
    text = failure_text(caught.value)
    assert text.startswith("MissingStep: this step reads training, which no earlier step of the scenario set.")
    assert "When I train for {epochs:d} epochs at learning rate {lr:Number}" in text


def test_the_step_error_hook_stores_a_two_line_report_within_the_bounds():
    node = SimpleNamespace(stash={})
    feature = SimpleNamespace(rel_filename="features/95-mine.feature")
    step = SimpleNamespace(line_number=7, keyword="Then", name="the loss is at most 0.01")
    pytest_bdd_step_error(SimpleNamespace(node=node), feature, None, step, None, {}, ValueError("v" * 50_000))
    report = node.stash[FAILED_STEP]
    assert report.startswith("features/95-mine.feature:7: Then the loss is at most 0.01\nValueError: vvv")
    assert _fits(report)
