"""The grader's pytest plugin (``steps/grading.py``) on a fixture feature, in a pytest process of its own.

``tests/fixtures/grading/`` holds a small feature of twelve claims tagged
``@gradable`` (one or two per function of the contract) and one claim that is
not, with step definitions that call the fixture ``implementation``. Each
committed implementation is graded on it: the finished program holds every
claim, each wrong one fails exactly the claims that use its wrong function,
and the half-written one is "not implemented yet" on the rest.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from speckit.features import ROOT

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
FEATURE = FIXTURES / "grading" / "features" / "01-graded-claims.feature"
IMPLEMENTATIONS = FIXTURES / "implementations"
PROGRAM = ROOT / "docs" / "downloads" / "guide_program.py"

SIGMOID_0 = "The sigmoid of a few values (z = 0, sigmoid = 0.5, tolerance = 0)"
SIGMOID_2 = "The sigmoid of a few values (z = 2, sigmoid = 0.8807970779778823, tolerance = 1e-15)"
FORWARD = "The worked example, forward"
LOSS = "The worked example's loss"
NUDGE = "Nudging the output bias changes the loss"
NUMERICAL = "Every gradient by nudging"
CHAIN = "The chain rule on the worked example"
SIGNAL = "The error signal of the output"
AGREE = "Backprop agrees with nudging on XOR"
STEP = "One step moves every parameter against its gradient"
FALL = "A small step lowers the loss by about the rate times the squared gradient"
LEARN = "The network learns XOR"
CLAIMS = [SIGMOID_0, SIGMOID_2, FORWARD, LOSS, NUDGE, NUMERICAL, CHAIN, SIGNAL, AGREE, STEP, FALL, LEARN]
"""The gradable claims of the fixture feature, in file order; its thirteenth scenario is not tagged."""

USES_BACKWARD_PROP = {CHAIN, SIGNAL, AGREE, STEP, FALL, LEARN}
USES_GRADIENT_DESCENT = {STEP, FALL, LEARN}


def grade(tmp_path: Path, implementation: Path | None, *options: str) -> subprocess.CompletedProcess:
    """Run the fixture suite in ``tmp_path``, grading a copy of ``implementation`` that sits beside it, as a
    reader's file would (given by its name, relative to where pytest starts)."""
    shutil.copytree(FIXTURES / "grading" / "features", tmp_path / "features")
    shutil.copy(FIXTURES / "grading" / "grading_conftest.py", tmp_path / "conftest.py")
    shutil.copy(FIXTURES / "grading" / "pytest.ini", tmp_path / "pytest.ini")
    if implementation is not None:
        shutil.copy(implementation, tmp_path / implementation.name)
        options = ("--implementation", implementation.name, *options)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=180,
    )


def statuses(output: str) -> dict[str, str]:
    """Each claim's status, as the report lists it."""
    found = re.findall(r"^  (held|not held|not implemented yet|skipped) +(\S.*)$", output, flags=re.M)
    return {claim: status for status, claim in found}


def scenario_line(name: str) -> int:
    lines = FEATURE.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.strip().endswith(f": {name}"))


def test_the_finished_program_holds_every_claim(tmp_path):
    done = grade(tmp_path, PROGRAM)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "=== The guide's claims, checked against guide_program.py ===" in done.stdout
    assert statuses(done.stdout) == dict.fromkeys(CLAIMS, "held")
    assert "12 of 12 claims hold, 0 not implemented yet." in done.stdout
    assert "12 passed, 1 deselected" in done.stdout  # the claim not tagged @gradable is not run


@pytest.mark.parametrize(
    ("file", "not_held"),
    [
        ("slope_written_as_a.py", USES_BACKWARD_PROP - {STEP}),  # a step by its own gradient is still exact
        ("descent_sign_flipped.py", USES_GRADIENT_DESCENT),
        ("bias_summed_over_wrong_axis.py", USES_BACKWARD_PROP),
    ],
)
def test_each_wrong_implementation_fails_exactly_the_claims_of_its_wrong_function(tmp_path, file, not_held):
    done = grade(tmp_path, IMPLEMENTATIONS / file)
    assert done.returncode == 1, done.stdout + done.stderr
    assert statuses(done.stdout) == {claim: "not held" if claim in not_held else "held" for claim in CLAIMS}
    assert f"{len(CLAIMS) - len(not_held)} of {len(CLAIMS)} claims hold, 0 not implemented yet." in done.stdout


def test_a_claim_not_held_gives_its_chapter_sentence_values_and_section(tmp_path):
    done = grade(tmp_path, IMPLEMENTATIONS / "slope_written_as_a.py")
    report = done.stdout[done.stdout.index("=== The guide's claims") :]
    # Every verdict here is held or not held: the column is as wide as "not held" and two spaces.
    block = re.split(r"\n  (?=\S)", report[report.index(f"not held  {CHAIN}") :], maxsplit=1)[0]
    assert block.splitlines() == [
        f"not held  {CHAIN}",
        f"            Then the gradient dL/db1[1] is -0.07945568131004796 within 1e-12   (line "
        f"{scenario_line(CHAIN) + 4})",
        "            the gradient dL/db1[1] is -0.5057950212049233, not -0.07945568131004796 within 1e-12",
        f"            explained at http://127.0.0.1:8000/chapters/01-graded-claims/#scenario-{scenario_line(CHAIN)}",
    ]
    assert "\nGraded claims\n" in report  # the chapter: the feature's name
    assert "Traceback" not in done.stdout


def test_a_verdict_names_the_problem_and_shows_a_traceback_only_with_verbose(tmp_path):
    raises = IMPLEMENTATIONS / "raises.py"
    quiet = grade(tmp_path / "quiet", raises)
    assert "forward_prop raised KeyError: 'w1' (line 11 of your file)" in quiet.stdout
    assert "Traceback" not in quiet.stdout
    verbose = grade(tmp_path / "verbose", raises, "-vv")  # -q -vv: verbose, as --verbose is without -q
    assert "Traceback (your file only):" in verbose.stdout
    assert 'z1 = X @ params["w1"] + params["b1"]' in verbose.stdout


def test_a_half_written_file_is_not_implemented_yet_where_it_stops(tmp_path):
    done = grade(tmp_path, IMPLEMENTATIONS / "partial.py")
    assert done.returncode == 0, done.stdout + done.stderr  # nothing failed: the rest is to do
    written = {SIGMOID_0, SIGMOID_2, FORWARD, LOSS, NUDGE}
    assert statuses(done.stdout) == {c: "held" if c in written else "not implemented yet" for c in CLAIMS}
    assert "5 of 12 claims hold, 7 not implemented yet." in done.stdout
    assert "there is no function backward_prop in your file" in done.stdout
    assert re.search(r"numerical_gradient raises NotImplementedError \(line \d+ of your file\)", done.stdout)


def test_a_file_that_hangs_is_stopped_at_the_time_limit_and_the_run_goes_on(tmp_path):
    done = grade(tmp_path, IMPLEMENTATIONS / "hangs.py", "--implementation-time-limit", "1")
    assert statuses(done.stdout)[LEARN] == "not held"
    assert "train took longer than 1 s" in done.stdout
    assert "2 of 12 claims hold, 9 not implemented yet." in done.stdout


def test_without_the_option_the_same_claims_check_the_package(tmp_path):
    done = grade(tmp_path, None)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "13 passed" in done.stdout and "claims hold" not in done.stdout


def test_the_report_is_the_same_under_xdist(tmp_path):
    file = IMPLEMENTATIONS / "descent_sign_flipped.py"
    plain = grade(tmp_path / "plain", file)
    parallel = grade(tmp_path / "xdist", file, "-n", "2")
    assert statuses(parallel.stdout) == statuses(plain.stdout)
    assert "9 of 12 claims hold, 0 not implemented yet." in parallel.stdout


def test_a_missing_file_is_a_usage_error(tmp_path):
    done = grade(tmp_path, None, "--implementation", "no_such_file.py")
    assert done.returncode == 4
    assert "--implementation no_such_file.py: no such file" in done.stderr
