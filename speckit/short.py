"""A failing step in a few lines: where it is, the step as written, and what went wrong.

pytest's default report of a failing scenario shows the step function's source,
its fixtures and pytest-bdd's internals: about 45 lines, most of them noise for
someone who wrote the scenario and not the Python. With the default ``--tb``
this plugin replaces that report by::

    features/95-my-claims.feature:7: Then the loss is at most 0.01
    AssertionError: the loss is 0.1247, not at most 0.01

(the message of a check names the measured value and the bound). Any explicit
``--tb`` (``--tb=long``, ``--tb=short``...) keeps pytest's own report.

Whatever a step raises, the report fits in ``MAX_LINES`` lines and
``MAX_CHARS`` characters (``bounded``): a message that prints a long array is
cut, saying how much was left out. A missing prerequisite (pytest's "fixture
'network' not found") is reported as ``MissingStep``, listing every step that
would set the value (``speckit.catalog.MissingStep``). The results recorder
stores the same text (``failure_text``) for the site.
"""

from __future__ import annotations

import pytest

from speckit.catalog import explain_missing

FAILED_STEP = pytest.StashKey[str]()
MAX_LINES = 20
MAX_CHARS = 2000


def bounded(text: str, lines: int = MAX_LINES, chars: int = MAX_CHARS, *, keep: str = "head") -> str:
    """``text`` cut to at most ``lines`` lines and ``chars`` characters, the cut said in its last (or first) line.

    ``keep="head"`` keeps the beginning (a message says what is wrong first);
    ``keep="tail"`` the end (a traceback ends with the error).
    """
    all_lines = text.splitlines()
    if len(all_lines) <= lines and len(text) <= chars:
        return text
    kept: list[str] = []
    size = 0
    note_room = 80  # the note's own line
    for line in all_lines if keep == "head" else reversed(all_lines):
        if len(kept) == lines - 1:
            break
        if size + len(line) + 1 > chars - note_room:
            room = chars - note_room - size - 1
            if room > 0:  # a long line: keep the part of it that fits
                kept.append(line[:room] if keep == "head" else line[-room:])
            break
        kept.append(line)
        size += len(line) + 1
    shown = "\n".join(kept if keep == "head" else reversed(kept))
    note = f"[... {len(text) - len(shown):,} more characters, {len(all_lines) - len(kept):,} more lines not shown]"
    return f"{shown}\n{note}" if keep == "head" else f"{note}\n{shown}"


def failure_text(exception: BaseException) -> str:
    """What a failed step raised, as the reader sees it: ``Name: message``, within the bounds above.

    An assertion's message comes without pytest's own explanation ("assert False
    / where ..."): the message says it.
    """
    exception = explain_missing(exception)
    message = str(exception).split("\nassert ", 1)[0].strip()
    name = type(exception).__name__
    return bounded(message if message.startswith(name) else f"{name}: {message}" if message else name)


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    where = bounded(f"{feature.rel_filename}:{step.line_number}: {step.keyword} {step.name}", 3, 400)
    request.node.stash[FAILED_STEP] = bounded(f"{where}\n{failure_text(exception)}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    short = item.stash.get(FAILED_STEP, None)
    if report.when == "call" and report.failed and short is not None and item.config.option.tbstyle == "auto":
        report.longrepr = short
