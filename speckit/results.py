"""Record each scenario's result (and each Examples row's) for the living site.

``pytest --results-json .results/last-run.json`` writes, at the end of the run,
a JSON file the site renders next to every scenario::

    {"format": 1, "date": "...Z", "commit": "<sha>", "dirty": false,
     "command": "pytest ...",
     "features": {"01-forward-propagation.feature": {"sha256": "..."}},
     "scenarios": [{"feature": "01-forward-propagation.feature", "line": 5,
                    "name": "...", "row": null, "example": null,
                    "status": "passed" | "failed" | "undefined" | "skipped",
                    "step": {"keyword": "Then", "text": "...", "line": 7} | null,
                    "message": "..." | null, "nodeid": "...",
                    "measured": [{"what": "seeds that learned XOR", "value": 78}]}],
     "earlier": [{...a record of "scenarios"..., "date": "...Z"}],
     "malformed": {"07-bad.feature": "(3:1): expected: ..."},
     "collection_errors": ["..."]}

``measured`` lists what the scenario's steps measured (the ``measure``
fixture below), in the order measured: the site shows the value behind each
bound, so the prose never has to type it. Absent when nothing was measured.

A scenario missing from ``scenarios`` was not run (deselected, or the run
stopped early); if an earlier run did run it, ``earlier`` keeps that whole
record and the date of its run, so a partial run (one saved file, re-run
while the site is served) adds to what was known instead of erasing it.
The file hash lets the site say "changed since last run" instead of showing a
stale verdict.

Why not ``--cucumberjson``: it leaves out undefined steps and skipped
scenarios and writes ``[]`` under pytest-xdist. Here every fact about a test is
attached to ``item.user_properties``, which pytest copies into each report and
pytest-xdist sends back to the controller; only the controller (or a plain run)
aggregates the reports and writes the file.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # not on Windows: runs there are not merged under a lock
    fcntl = None  # type: ignore[assignment]

from speckit.bdd import scenario_of
from speckit.collect import MALFORMED, features_dir
from speckit.features import feature_paths

FORMAT = 1
_SCENARIO = "bdd_scenario"
_STEP_ERROR = "bdd_step_error"
_UNDEFINED = "bdd_undefined_step"
_MALFORMED = "bdd_malformed_feature"
_MEASURED = "bdd_measured"
_XDIST_HEADER = re.compile(r"^\[gw\d+\] \S+ -- Python ")


def pytest_addoption(parser):
    parser.getgroup("backprop-spec").addoption(
        "--results-json",
        metavar="PATH",
        default=None,
        help="write each scenario's and Examples row's result to PATH (JSON) for the docs site",
    )


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def _recording(config) -> bool:
    return bool(config.getoption("results_json", None))


# --- what pytest-bdd tells us (runs where the test runs: a worker or the only process)


def _scenario_identity(item) -> dict | None:
    """Which feature file, scenario and Examples row a test item runs (``speckit.bdd``).

    Needed so that a scenario skipped before it starts (a skip mark, a failing
    fixture) is still placed on its page.
    """
    scenario = scenario_of(item)
    if scenario is None:
        return None
    return {
        "feature": _relative(scenario.filename, features_dir(item.config)),
        "line": scenario.line,
        "name": scenario.name,
        "row": scenario.row,
        "example": scenario.example,
    }


def _relative(filename: str, base: Path) -> str:
    path = Path(filename).resolve()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _step(step) -> dict:
    return {"keyword": step.keyword.strip(), "text": step.name, "line": step.line_number}


def _message(exception: BaseException) -> str:
    """A step's failure as the terminal shows it (``speckit.short``): within 20 lines and 2,000 characters."""
    from speckit.short import failure_text  # here: speckit.short is a plugin, loaded (and rewritten) after this one

    return failure_text(exception)


def _bounded_tail(text: str) -> str:
    """The end of a long report (a traceback ends with the error), within the same bounds."""
    from speckit.short import bounded

    return bounded(text, keep="tail")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if not _recording(item.config):
        return
    if getattr(item, "originalname", None) == MALFORMED:
        item.user_properties.append((_MALFORMED, _relative(str(item.path), features_dir(item.config))))
        return
    identity = _scenario_identity(item)
    if identity is not None:
        item.user_properties.append((_SCENARIO, identity))


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    if _recording(request.config):
        request.node.user_properties.append((_STEP_ERROR, {**_step(step), "message": _message(exception)}))


def pytest_bdd_step_func_lookup_error(request, feature, scenario, step, exception):
    if _recording(request.config):
        request.node.user_properties.append((_UNDEFINED, {**_step(step), "message": _message(exception)}))


@pytest.fixture
def measure(request):
    """``measure(what, value)``: record a value a step measured, before it asserts a bound on it.

    The value (a number; numpy scalars become ``int`` or ``float``) goes to the
    results JSON under the scenario (or Examples row) and from there to its
    page, so a feature's description can say how a bound was chosen without
    typing the measurement. Returns the value, so a step can measure and
    assert in one line.
    """

    def record(what: str, value):
        number = value.item() if hasattr(value, "item") else value
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise TypeError(f"measure({what!r}, value): expected a number, given {value!r}")
        request.node.user_properties.append((_MEASURED, {"what": what, "value": number}))
        return value

    return record


# --- aggregation (the controller, or the only process)


class _Recorder:
    def __init__(self, config, path: Path):
        self.config = config
        self.path = path
        self.tests: dict[str, dict] = {}
        self.collection_errors: list[str] = []
        base = features_dir(config)
        self.hashes = {
            p.relative_to(base).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in feature_paths(base)
        }

    def add(self, report) -> None:
        entry = self.tests.setdefault(report.nodeid, {"nodeid": report.nodeid, "reports": []})
        # user_properties accumulate: each report (setup, call, teardown) carries all so far.
        measured = [value for name, value in report.user_properties if name == _MEASURED]
        if measured:
            entry[_MEASURED] = measured
        for name, value in report.user_properties:
            if name in (_SCENARIO, _MALFORMED):
                entry[name] = value
            elif name in (_STEP_ERROR, _UNDEFINED):
                entry.setdefault(name, value)
        entry["reports"].append((report.when, report.outcome, _longrepr(report), hasattr(report, "wasxfail")))

    def results(self) -> dict:
        scenarios, malformed = [], {}
        for entry in self.tests.values():
            status, step, message = _status(entry)
            if _MALFORMED in entry:
                malformed[entry[_MALFORMED]] = message or "does not parse"
            elif _SCENARIO in entry:
                scenarios.append(
                    {**entry[_SCENARIO], "status": status, "step": step, "message": message, "nodeid": entry["nodeid"]}
                    | ({"measured": entry[_MEASURED]} if _MEASURED in entry else {})
                )
        # Paths inside messages, relative to the rootdir: the same on every machine.
        root = f"{Path(self.config.rootpath)}{os.sep}"
        for scenario in scenarios:
            if scenario["message"]:
                scenario["message"] = scenario["message"].replace(root, "")
        malformed = {name: text.replace(root, "") for name, text in malformed.items()}
        scenarios.sort(key=lambda s: (s["feature"], s["line"], -1 if s["row"] is None else s["row"]))
        return {
            "format": FORMAT,
            "date": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            **_git(Path(self.config.rootpath)),
            "command": " ".join(["pytest", *self.config.invocation_params.args]),
            "features": {name: {"sha256": digest} for name, digest in self.hashes.items()},
            "scenarios": scenarios,
            "earlier": self._earlier(scenarios),
            "malformed": malformed,
            "collection_errors": self.collection_errors,
        }

    def _earlier(self, scenarios: list[dict]) -> list[dict]:
        """Results of scenarios this run did not run, kept whole from the file it replaces.

        A partial run (``pytest -k ...``, one feature file, the re-run of a saved
        file while the site is served) must not erase what an earlier run found:
        each scenario it did not run keeps its full record (status, failing step,
        message, measurements) and the date of the run that produced it, as long
        as its feature file is unchanged since then (else its line numbers may
        name another scenario).
        """
        try:
            previous = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        ran = {(s["feature"], s["line"], s.get("row")) for s in scenarios}
        unchanged = {
            name
            for name, info in previous.get("features", {}).items()
            if self.hashes.get(name) is not None and info.get("sha256") == self.hashes[name]
        }
        kept = []
        for record in [*previous.get("scenarios", ()), *previous.get("earlier", ())]:
            key = (record["feature"], record["line"], record.get("row"))
            if key in ran or record["feature"] not in unchanged:
                continue
            ran.add(key)
            kept.append({**record, "date": record.get("date") or previous.get("date")})
        return kept

    # pytest hooks of the registered recorder

    def pytest_runtest_logreport(self, report):
        self.add(report)

    def pytest_collectreport(self, report):
        if report.failed:
            text = _bounded_tail((report.longreprtext or "").strip())
            self.collection_errors.append(f"{report.nodeid or 'collection'}: {text}")

    def pytest_sessionfinish(self, session):
        self.write()
        print(f"\nresults for the docs site: {self.path}", file=sys.stderr)

    def write(self) -> None:
        """Read the last run, merge, write whole: under a lock, so that two runs ending together (two quick
        saves of a served site) both keep what the other found."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path.with_suffix(self.path.suffix + ".lock")):
            partial = self.path.with_suffix(self.path.suffix + ".partial")
            partial.write_text(json.dumps(self.results(), indent=1) + "\n", encoding="utf-8")
            os.replace(partial, self.path)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` for the block (``fcntl``; where there is none, no lock)."""
    with open(path, "a+") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _longrepr(report) -> str | None:
    if report.passed:
        return None
    if report.skipped and isinstance(report.longrepr, tuple):
        return str(report.longrepr[2])  # (file, line, "Skipped: reason")
    # pytest-xdist prefixes "[gw0] linux -- Python ..." to the text: not part of the message.
    lines = [line for line in (report.longreprtext or "").splitlines() if not _XDIST_HEADER.match(line)]
    return _bounded_tail("\n".join(lines).strip()) or None


def _status(entry: dict) -> tuple[str, dict | None, str | None]:
    """passed / failed / undefined / skipped, the failing step and the message."""
    reports = entry["reports"]
    failed = [r for r in reports if r[1] == "failed"]
    if _UNDEFINED in entry:
        undefined = entry[_UNDEFINED]
        return "undefined", _without_message(undefined), undefined["message"]
    if failed:
        if _STEP_ERROR in entry:
            error = entry[_STEP_ERROR]
            return "failed", _without_message(error), error["message"]
        when, _, text, _ = failed[0]
        return "failed", None, f"failed in {when}: {text}" if when != "call" else text
    skipped = [r for r in reports if r[1] == "skipped"]
    if skipped:
        _, _, text, xfail = skipped[0]
        return "skipped", None, ("expected to fail: " if xfail else "") + (text or "skipped")
    return "passed", None, None


def _without_message(step: dict) -> dict:
    return {k: v for k, v in step.items() if k != "message"}


def _git(cwd: Path) -> dict:
    def run(*args):
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = run("rev-parse", "HEAD")
    status = run("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def pytest_configure(config):
    path = config.getoption("results_json", None)
    if path and not _is_worker(config):
        config.pluginmanager.register(_Recorder(config, Path(path).resolve()), "backprop-spec-results")
