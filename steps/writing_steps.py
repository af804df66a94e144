"""Steps of the chapter "Writing scenarios": a scratch copy of the specification, run and read.

The scratch project is built by ``speckit.authoring.scratch_specification`` in
pytest's ``tmp_path`` (the fixture ``scratch`` is its folder); the fixture
``scratch_run`` holds the finished run, ``.report`` its combined output.
"""

from __future__ import annotations

import json
import re
import shlex

from pytest_bdd import given, then, when

from speckit.authoring import add_demonstration, excerpt, run_scratch, scratch_specification, write_scratch_file
from speckit.catalog import step_definitions
from steps.parsing import sentence
from steps.support import ScratchRun


def _summary(report: str, outcome: str) -> list[str]:
    """Node ids listed as ``outcome`` (PASSED/FAILED) in pytest's -rA short summary."""
    return [m.group(1) for m in re.finditer(rf"^{outcome} (\S+)", report, re.MULTILINE)]


def _definition(pattern: str):
    return next(d for d in step_definitions() if d.pattern == pattern)


@given(sentence('a scratch specification with the chapter "{name}":'), target_fixture="scratch")
def _(tmp_path, name, docstring):
    """A scratch copy of the specification whose ``features/`` holds only this chapter.

    Example: Given a scratch specification with the chapter "01-typo.feature":
    """
    scratch = scratch_specification(tmp_path / "scratch")
    write_scratch_file(scratch, f"features/{name}", docstring + "\n")
    return scratch


@given(sentence('the scratch file "{path}":'))
def _(scratch, path, docstring):
    """Add a file to the scratch specification, ``path`` from its root: another chapter
    (``features/02-broken.feature``) or a data file (``features/data/or.csv``). Nothing else: a
    feature file cannot add Python that the scratch run would import.

    Example: And the scratch file "features/data/short.csv":
    """
    write_scratch_file(scratch, path, docstring + "\n")


@given(sentence('the scratch specification also loads the demonstration steps "{name}"'))
def _(scratch, name):
    """Add a steps module that ships with the project for a demonstration (``tests/fixtures/scratch/``):
    ``ambiguous`` defines a second sentence that matches the guide's network sentence.

    Example: And the scratch specification also loads the demonstration steps "ambiguous"
    """
    add_demonstration(scratch, name)


@when(sentence("the scratch specification runs as: pytest {arguments}"), target_fixture="scratch_run")
def _(scratch, arguments):
    """Run pytest in the scratch specification with these arguments, as a reader types them (quotes allowed).

    Example: When the scratch specification runs as: pytest features/01-gates.feature --scenario "The AND gate's
        data, 0.5 each"
    """
    done = run_scratch(scratch, shlex.split(arguments))
    return ScratchRun(done.returncode, done.stdout + done.stderr)


@when("the scratch specification runs", target_fixture="scratch_run")
def _(scratch):
    """Run the scratch specification's feature tests and authoring checks with pytest, in a new process.

    Example: When the scratch specification runs
    """
    done = run_scratch(scratch)
    return ScratchRun(done.returncode, done.stdout + done.stderr)


@then(sentence("exactly these scratch tests failed: {nodeids}"))
def _(scratch_run, nodeids):
    """pytest exited with 1 (tests failed, the run completed) and its summary lists exactly these tests (node ids
    separated by commas) as failed.

    Example: Then exactly these scratch tests failed: features/01-typo.feature::test_the_network_is_misspelt
    """
    assert scratch_run.returncode == 1, excerpt(scratch_run.report)
    failed = sorted(_summary(scratch_run.report, "FAILED"))
    assert failed == sorted(n.strip() for n in nodeids.split(",")), excerpt(scratch_run.report)


@then(sentence('the scratch test "{nodeid}" passes'))
def _(scratch_run, nodeid):
    """``nodeid`` ran and passed in the scratch run.

    Example: And the scratch test "features/01-fine.feature::test_nothing_wrong_here" passes
    """
    assert nodeid in _summary(scratch_run.report, "PASSED"), excerpt(scratch_run.report)


@then(sentence('the scratch output contains "{text}"'))
def _(scratch_run, text):
    """The combined output of the scratch run contains ``text`` as written.

    Example: And the scratch output contains "data/typo.csv, row 2, column x2: 'one' is not a number"
    """
    assert text in scratch_run.report, excerpt(scratch_run.report)


@then(sentence("exactly these scratch tests ran and passed: {nodeids}"))
def _(scratch_run, nodeids):
    """pytest exited with 0 and its summary lists exactly these tests (comma-separated node ids) as passed.

    Example: Then exactly these scratch tests ran and passed:
        features/01-gates.feature::test_the_and_gates_data_05_each
    """
    assert scratch_run.returncode == 0, excerpt(scratch_run.report)
    assert sorted(_summary(scratch_run.report, "PASSED")) == sorted(n.strip() for n in nodeids.split(",")), excerpt(
        scratch_run.report
    )


@then(sentence('the scratch report says "{message}" for the sentence "{text}"'))
def _(scratch_run, message, text):
    """The report carries pytest-bdd's own message about the step, quoting its sentence.

    Example: And the scratch report says "Step definition is not found" for the sentence "the guide's 2-2-1
        netwrok with seed 0"
    """
    assert f'{message}: Given "{text}"' in scratch_run.report, excerpt(scratch_run.report)


@then(sentence('the scratch report suggests first the step "{pattern}" with its file and line'))
def _(scratch_run, pattern):
    """After "Did you mean", the first suggestion is the definition of ``pattern``, with its steps file:line.

    Example: And the scratch report suggests first the step "the guide's 2-2-1 network with seed {seed:d}" with
        its file and line
    """
    first = scratch_run.report.split("Did you mean", 1)[1].splitlines()[1]
    assert pattern in first and _definition(pattern).where in first, excerpt(scratch_run.report)


@then(sentence('the scratch report gives the parser\'s message for line {line:d} of "{name}"'))
def _(scratch_run, line, name):
    """The malformed file's test failure names the file and gives gherkin's ``(line:column): expected ...``.

    Example: And the scratch report gives the parser's message for line 4 of "02-broken.feature"
    """
    assert re.search(
        rf"{re.escape(name)} does not parse:[\s\S]*?\n\s*\({line}:\d+\): expected: ", scratch_run.report
    ), excerpt(scratch_run.report)


@then(sentence('the scratch report quotes the sentence "{text}" from "{where}"'))
def _(scratch_run, text, where):
    """The ambiguity report quotes the sentence and where it is written.

    Example: And the scratch report quotes the sentence "the guide's 2-2-1 network with seed 0" from
        "01-twice.feature:3"
    """
    assert f'"{text}" (features/{where})' in scratch_run.report, excerpt(scratch_run.report)


@then(sentence('the scratch report names "{where}" and the definition of "{pattern}" with its file and line'))
def _(scratch_run, where, pattern):
    """Both competing step definitions appear in the report with their file:line.

    Example: And the scratch report names "steps/ambiguous_steps.py:13" and the definition of "the guide's 2-2-1
        network with seed {seed:d}" with its file and line
    """
    assert where in scratch_run.report and f"{pattern}    ({_definition(pattern).where})" in scratch_run.report, (
        excerpt(scratch_run.report)
    )


@then(sentence('the scratch report of "{nodeid}" takes at most {n:d} lines'))
def _(scratch_run, nodeid, n, measure):
    """The failure section pytest prints for that test (from its ``___ name ___`` header to the next section).

    Example: And the scratch report of "features/01-claims.feature::test_a_claim_that_does_not_hold" takes at
        most 3 lines
    """
    name = nodeid.split("::")[-1]
    section = re.search(rf"^_+ {re.escape(name)} _+$\n(.*?)(?=^[_=]{{3,}})", scratch_run.report, re.M | re.S)
    assert section, excerpt(scratch_run.report)
    assert measure("lines", len(section.group(1).strip().splitlines())) <= n, excerpt(section.group(1))


@then(sentence('the scratch results for the site record "{text}" in the message of "{name}"'))
def _(scratch, name, text):
    """The scratch run's ``--results-json results.json`` (what the site shows) has ``text`` in that scenario's message.

    Example: And the scratch results for the site record "Did you mean" in the message of "The network is misspelt"
    """
    results = json.loads((scratch / "results.json").read_text(encoding="utf-8"))
    messages = [s["message"] or "" for s in results["scenarios"] if s["name"] == name]
    assert messages and text in messages[0], messages
