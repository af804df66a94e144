"""A failing step in a few lines: where it is, the step as written, and what went wrong.

pytest's default report of a failing scenario shows the step function's source,
its fixtures and pytest-bdd's internals: about 45 lines, most of them noise for
someone who wrote the scenario and not the Python. With the default ``--tb``
this plugin replaces that report by::

    features/95-my-claims.feature:7: Then the loss is at most 0.01
    AssertionError: the loss is 0.1247, not at most 0.01

(the message of a check names the measured value and the bound). Any explicit
``--tb`` (``--tb=long``, ``--tb=short``...) keeps pytest's own report.
"""

from __future__ import annotations

import pytest

FAILED_STEP = pytest.StashKey[str]()


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    # An assert with a message: pytest appends its own explanation ("assert False / where ..."); the message says it.
    message = str(exception).split("\nassert ", 1)[0].strip() or type(exception).__name__
    name = type(exception).__name__
    request.node.stash[FAILED_STEP] = (
        f"{feature.rel_filename}:{step.line_number}: {step.keyword} {step.name}\n"
        f"{message if message.startswith(name) else f'{name}: {message}'}"
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    short = item.stash.get(FAILED_STEP, None)
    if report.when == "call" and report.failed and short is not None and item.config.option.tbstyle == "auto":
        report.longrepr = short
