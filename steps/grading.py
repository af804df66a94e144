"""The grader: ``pytest features --implementation my_backprop.py`` checks the guide's claims against your code.

With ``--implementation FILE``:

* only the scenarios tagged ``@gradable`` are collected (the others are
  deselected): the claims about the guide's 2-2-1 sigmoid network with mean
  squared error that the contract's functions can answer;
* the fixture ``implementation`` is FILE behind the package's vocabulary
  (``steps.implementation.Implementation``): a step that calls
  ``implementation.forward_prop(network, X)`` gets FILE's answer. Without the
  option it is the package itself behind the same adapter
  (``PackageImplementation``), so the same scenarios check the package;
* a claim that needs a function FILE does not have yet (``NotImplementedYet``)
  is skipped and reported "not implemented yet";
* at the end, a report in the guide's words: each claim held, not held (its
  chapter, the sentence, the expected and obtained values, and the section of
  the site that explains it) or not implemented yet, and a count.

``--implementation-time-limit SECONDS`` bounds each call of FILE's functions
(default ``TIME_LIMIT``); ``--verbose`` adds FILE's tracebacks to its verdicts
and lets what FILE prints through. FILE is the reader's own code, run on the
reader's machine, in a process of its own; a feature file never names a file
(committed implementations are chosen by name: ``COMMITTED``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from speckit.bdd import scenario_of
from speckit.features import ROOT, Tagged, tagged
from steps import implementation as implementations_module
from steps.implementation import (
    PACKAGE_MODULE,
    TIME_LIMIT,
    Implementation,
    NotImplementedYet,
    PackageImplementation,
)

SITE = "http://127.0.0.1:8000/"
"""Where the chapters are when ``make docs`` serves the site: each claim not held links to its section there."""

HELD, NOT_HELD, NOT_IMPLEMENTED, SKIPPED = "held", "not held", "not implemented yet", "skipped"
_CLAIM = "grading_claim"
_STEP = pytest.StashKey[dict]()
_MESSAGE_LINES = 6


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("backprop-spec")
    group.addoption(
        "--implementation",
        metavar="FILE",
        default=None,
        help="grade your own implementation (the page 'Implement it yourself'): run the @gradable scenarios "
        "against FILE instead of the package, and report each claim held, not held or not implemented yet",
    )
    group.addoption(
        "--implementation-time-limit",
        metavar="SECONDS",
        type=float,
        default=TIME_LIMIT,
        help=f"the time one call of a function of your implementation may take (default {TIME_LIMIT:g} s)",
    )


def grading(config: pytest.Config) -> Path | None:
    """The file being graded (resolved from where pytest was started), or None."""
    value = config.getoption("implementation", None)
    return None if value is None else (Path(config.invocation_params.dir) / Path(value).expanduser()).resolve()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "gradable: a claim the grader checks against a reader's implementation")
    path = grading(config)
    if path is None:
        return
    if not path.is_file():
        raise pytest.UsageError(f"--implementation {config.getoption('implementation')}: no such file")
    limit = config.getoption("implementation_time_limit")
    if not limit > 0:
        raise pytest.UsageError(f"--implementation-time-limit must be a positive number of seconds, not {limit:g}")
    if not hasattr(config, "workerinput"):  # the report is written once, by pytest-xdist's controller
        config.pluginmanager.register(Report(path), "backprop-spec-grading-report")


@pytest.fixture(scope="session")
def implementation(request: pytest.FixtureRequest) -> Iterator[Implementation]:
    """The implementation the steps ask: the reader's file with ``--implementation``, else the package."""
    path = grading(request.config)
    if path is None:
        chosen: Implementation = PackageImplementation()
    else:
        limit = request.config.getoption("implementation_time_limit")
        chosen = Implementation.from_file(path, time_limit=limit, verbose=request.config.option.verbose > 0)
    yield chosen
    chosen.close()


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> Implementation | types.SimpleNamespace:
    """What a step computes with: in a scenario tagged @gradable, ``implementation`` (the file being graded, or
    the package behind the adapter); in any other, the package's own functions (``PACKAGE_MODULE``), which
    answer for every network, loss and method. Both take the package's arguments and return its objects."""
    if request.node.get_closest_marker("gradable") is None:
        return PACKAGE_MODULE
    chosen: Implementation = request.getfixturevalue("implementation")
    return chosen


@pytest.fixture(name="implementations")
def _implementations() -> types.ModuleType:
    """``steps/implementation.py`` for its unit tests (``tests/test_implementation.py``): pytest is steps' only
    importer."""
    return implementations_module


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Grading: keep the scenarios tagged @gradable."""
    if grading(config) is None:
        return
    keep = [item for item in items if item.get_closest_marker("gradable") is not None]
    config.hook.pytest_deselected(items=[item for item in items if item.get_closest_marker("gradable") is None])
    items[:] = keep


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """A claim that needs a function not written yet is skipped, with the verdict as its reason."""
    try:
        return (yield)
    except NotImplementedYet as missing:
        pytest.skip(str(missing))


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    request.node.stash[_STEP] = {"keyword": step.keyword.strip(), "text": step.name, "line": step.line_number}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """While grading, each scenario's report carries its claim (under pytest-xdist too: user_properties travel)."""
    report = yield
    if grading(item.config) is None or not (report.when == "call" or (report.when == "setup" and not report.passed)):
        return report
    claim = _identity(item)
    if claim is not None:
        claim["status"] = _status(report)
        if claim["status"] != HELD:
            claim["step"] = item.stash.get(_STEP, None) if claim["status"] == NOT_HELD else None
            claim["message"] = _message(report, call, verbose=item.config.option.verbose > 0)
        report.user_properties.append((_CLAIM, claim))
    return report


def _identity(item: pytest.Item) -> dict | None:
    """The chapter, the scenario, its line and its Examples row."""
    scenario = scenario_of(item)
    if scenario is None:
        return None
    return {
        "chapter": scenario.feature,
        "page": Path(scenario.filename).stem,
        "scenario": scenario.name,
        "line": scenario.line,
        "example": scenario.example,
    }


def _status(report: pytest.TestReport) -> str:
    if report.passed:
        return HELD
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        return NOT_IMPLEMENTED if NOT_IMPLEMENTED in reason else SKIPPED
    return NOT_HELD


def _message(report: pytest.TestReport, call: pytest.CallInfo, verbose: bool) -> str:
    """The step's short message (what was expected, what was obtained) in a few lines; all of it with --verbose."""
    if report.skipped and isinstance(report.longrepr, tuple):
        text = report.longrepr[2].removeprefix("Skipped: ").removeprefix(f"{NOT_IMPLEMENTED}: ")
    elif call.excinfo is not None:
        error = call.excinfo.value
        text = str(error).split("\nassert ", 1)[0].strip() or type(error).__name__
        if type(error).__name__ not in ("AssertionError", "ImplementationFailed"):
            text = f"{type(error).__name__}: {text}"
    else:
        text = report.longreprtext
    if verbose:
        return text
    lines = [line.strip().replace("ACTUAL", "obtained").replace("DESIRED", "expected") for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith(("Mismatched elements", "Max relative"))]
    return "\n".join(lines[:_MESSAGE_LINES])


class Report:
    """Collects each claim's result (from every worker's reports) and writes the grader's report at the end."""

    def __init__(self, path: Path):
        self.path = path
        self.claims: list[dict] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.claims += [value for name, value in report.user_properties if name == _CLAIM and isinstance(value, dict)]

    @pytest.hookimpl(trylast=True)
    def pytest_terminal_summary(self, terminalreporter) -> None:
        for line in report_lines(self.path.name, self.claims):
            terminalreporter.write_line(line)


def report_lines(name: str, claims: list[dict]) -> list[str]:
    """The report, line by line: chapter by chapter in file order, then the count."""
    out = ["", f"=== The guide's claims, checked against {name} ==="]
    if not claims:
        return [*out, "No scenario is tagged @gradable: there is nothing to grade."]
    width = max(len(c["status"]) for c in claims) + 2  # as wide as this report's verdicts need, no wider
    chapter = None
    for claim in sorted(claims, key=lambda c: (c["page"], c["line"])):
        if claim["chapter"] != chapter:
            chapter = claim["chapter"]
            out += ["", chapter]
        example = claim["example"]
        row = f" ({', '.join(f'{k} = {v}' for k, v in example.items())})" if example else ""
        out.append(f"  {claim['status']:<{width}}{claim['scenario']}{row}")
        indent = " " * (2 + width)
        if claim["status"] == NOT_HELD:
            step = claim.get("step")
            if step:
                out.append(f"{indent}{step['keyword']} {step['text']}   (line {step['line']})")
            out += [f"{indent}{line}" for line in claim["message"].splitlines()]
            out.append(f"{indent}explained at {SITE}chapters/{claim['page']}/#scenario-{claim['line']}")
        elif claim["status"] != HELD:
            out.append(f"{indent}{claim['message']}")
    held = sum(c["status"] == HELD for c in claims)
    missing = sum(c["status"] == NOT_IMPLEMENTED for c in claims)
    out += ["", f"{held} of {len(claims)} claims hold, {missing} not implemented yet."]
    return out


# --- the grader, run as a reader runs it: for the scenarios of the chapter "Implement it yourself" ----------


GRADABLE = "@gradable"
_CLAIM_LINE = re.compile(rf"^  ({HELD}|{NOT_HELD}|{NOT_IMPLEMENTED}|{SKIPPED}) +(\S.*)$")
GRADING_TIMEOUT = 600
"""Seconds a whole grading run may take before the step gives up on it (a run takes seconds)."""


def claim_name(scenario: str, example: dict | None) -> str:
    """A claim as the report names it: the scenario, and its Examples row."""
    return scenario + (f" ({', '.join(f'{k} = {v}' for k, v in example.items())})" if example else "")


def gradable_claims() -> list[Tagged]:
    """Every claim of the feature files that the grader checks: the scenarios (Examples rows) tagged @gradable."""
    return tagged(GRADABLE)


@dataclass(frozen=True)
class GradingRun:
    """One run of ``pytest features --implementation FILE`` (or of the package's gradable claims)."""

    code: int
    output: str
    """Standard output and standard error."""
    statuses: dict[str, str]
    """Each claim the report lists, by its name (``claim_name``): held, not held, not implemented yet."""
    details: dict[str, str]
    """The report's lines under each claim not held or not implemented yet."""

    def summary(self) -> str:
        """The report's last line (the count), or the run's last line when it printed no report."""
        lines = [line for line in self.output.splitlines() if line.strip()]
        counted = [line for line in lines if line.endswith(" not implemented yet.") and " claims hold, " in line]
        return counted[-1] if counted else (lines[-1] if lines else "")


def run_grader(path: Path | None, time_limit: float | None = None) -> GradingRun:
    """Grade the committed file ``path`` with the guide's own scenarios, in a pytest process of its own started
    in the project's root, as a reader would: ``pytest features --implementation FILE``. ``path`` None: the
    package itself, through the adapter (``pytest features -m gradable``)."""
    options = ["-m", "gradable"] if path is None else ["--implementation", str(path)]
    if time_limit is not None:
        options += ["--implementation-time-limit", f"{time_limit:g}"]
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "features", "-q", "-p", "no:cacheprovider", *options],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=GRADING_TIMEOUT,
    )
    statuses: dict[str, str] = {}
    details: dict[str, str] = {}
    current = None
    for line in done.stdout.splitlines():
        found = _CLAIM_LINE.match(line)
        if found:
            current = found.group(2)
            statuses[current] = found.group(1)
        elif current is not None and line.startswith("   "):
            details[current] = (details.get(current, "") + "\n" + line.strip()).strip()
        else:
            current = None
    return GradingRun(done.returncode, done.stdout + done.stderr, statuses, details)
