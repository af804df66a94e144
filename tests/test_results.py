"""speckit.results: the message stored for the site is the terminal's, within the same bounds.

(The recorder as a whole runs on a fixture suite in ``tests/test_chapter_pages.py``.)
"""

from __future__ import annotations

from types import SimpleNamespace

from speckit.results import pytest_bdd_step_error
from speckit.short import MAX_CHARS, MAX_LINES


def _recorded(exception: BaseException) -> dict:
    node = SimpleNamespace(user_properties=[])
    request = SimpleNamespace(node=node, config=SimpleNamespace(getoption=lambda name, default=None: "out.json"))
    step = SimpleNamespace(keyword="Then ", name="the loss is at most 1", line_number=9)
    pytest_bdd_step_error(request, None, None, step, None, {}, exception)
    [(name, value)] = node.user_properties
    return value


def test_a_long_failure_is_stored_within_20_lines_and_2000_characters():
    message = _recorded(AssertionError("losses:\n" + "\n".join(str(i * 0.5) for i in range(2001))))["message"]
    assert message.startswith("AssertionError: losses:\n0.0\n0.5")
    assert len(message.splitlines()) <= MAX_LINES and len(message) <= MAX_CHARS


def test_the_stored_message_is_the_terminals():
    assert _recorded(ValueError("row 0 is out of range: rows 1–4")) == {
        "keyword": "Then",
        "text": "the loss is at most 1",
        "line": 9,
        "message": "ValueError: row 0 is out of range: rows 1–4",
    }
