"""Steps of the chapter "The command line".

The command runs in the test process: ``backprop.cli.main(argv)`` (or
``runpy`` for ``python -m backprop``), its exit code taken from its return
value or from the ``SystemExit`` argparse raises; ``capsys`` captures what it
prints. Each run is appended to ``state.runs``; the Thens look at the last.
"""

from __future__ import annotations

import re
import runpy
import shlex
import sys
from types import SimpleNamespace

import numpy as np
from pytest_bdd import then, when

import backprop as bp
from backprop.cli import build_parser, main
from steps.parsing import sentence

NUMBER = r"[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?"
TRUTH_ROW = re.compile(rf"^\s*([01])\s+([01])\s+([01])\s+({NUMBER})\s*$")
GRADIENT_ROW = re.compile(rf"^([Wb]\d+\[[\d,]+\])\s+({NUMBER})\s+({NUMBER})\s+({NUMBER})\s*$")


def _argv(state, arguments: str, tmp_path) -> list[str]:
    state.figures = tmp_path / "figures"
    regular_file = tmp_path / "a-file"
    regular_file.write_text("not a folder\n")
    words = {"FIGURES": str(state.figures)}
    return [words.get(word, word).replace("REGULAR_FILE", str(regular_file)) for word in shlex.split(arguments)]


def _run(state, capsys, call) -> None:
    capsys.readouterr()
    try:
        code = call()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    state.runs = getattr(state, "runs", []) + [SimpleNamespace(code=code, out=out, err=err)]


def _as_module(argv: list[str]):
    saved = sys.argv
    sys.argv = ["python -m backprop", *argv]
    try:
        runpy.run_module("backprop", run_name="__main__", alter_sys=False)
    finally:
        sys.argv = saved


def _last(state) -> SimpleNamespace:
    return state.runs[-1]


@when(sentence("I run the command line: backprop {arguments}"))
def _(state, capsys, tmp_path, arguments):
    """Call ``main(argv)`` with the words after ``backprop`` (FIGURES: a fresh temporary folder).

    Example: When I run the command line: backprop xor
    """
    _run(state, capsys, lambda: main(_argv(state, arguments, tmp_path)))


@when(sentence("I run the command line as a module: python -m backprop {arguments}"))
def _(state, capsys, tmp_path, arguments):
    """Run the module ``backprop`` as ``__main__`` (what ``python -m backprop`` does), in this process.

    Example: When I run the command line as a module: python -m backprop gradcheck
    """
    _run(state, capsys, lambda: _as_module(_argv(state, arguments, tmp_path)))


@then(sentence("the command exits with code {code:d}"))
def _(state, code):
    """The exit code (0 success, 1 error while running, 2 bad option).

    Example: Then the command exits with code 0
    """
    assert _last(state).code == code, _last(state)


@then(sentence("the command prints the XOR truth table with a prediction within {tol:Number} of each target"))
def _(state, tol):
    """Four rows ``A B target prediction``, the XOR rows, each prediction within ``tol`` of the target.

    Example: Then the command prints the XOR truth table with a prediction within 0.1 of each target
    """
    rows = np.array([m.groups() for m in map(TRUTH_ROW.match, _last(state).out.splitlines()) if m], dtype=float)
    assert rows[:, :3].tolist() == [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], _last(state).out
    assert np.all(np.abs(rows[:, 3] - rows[:, 2]) <= tol), rows


@then(sentence("a progress bar counted {epochs:d} epochs on the error output"))
def _(state, epochs):
    """tqdm's final line ``epochs/epochs`` is on stderr (stdout stays clean for the results).

    Example: Then a progress bar counted 2000 epochs on the error output
    """
    assert f"{epochs}/{epochs} [" in _last(state).err and "epoch" in _last(state).err, _last(state).err


@then(sentence("FIGURES holds the SVG figures {first} and {second}"))
def _(state, first, second):
    """Both files exist in the folder and are SVG documents with drawn paths.

    Example: Then FIGURES holds the SVG figures xor-loss.svg and xor-decision-boundary.svg
    """
    for name in (first, second):
        text = (state.figures / name).read_text()
        assert text.lstrip().startswith("<?xml") and "<svg" in text and "<path" in text, name


@then("the two runs print the same truth table")
def _(state):
    """The truth-table rows of the last two runs are the same text.

    Example: Then the two runs print the same truth table
    """
    tables = [[line for line in run.out.splitlines() if TRUTH_ROW.match(line)] for run in state.runs[-2:]]
    assert len(tables[0]) == 4 and tables[0] == tables[1], tables


@then(sentence("the command prints a gradient table of {count:d} parameters, every relative error below {tol:Number}"))
def _(state, count, tol, measure):
    """Rows ``name backprop numerical relative-error``, one per parameter, each error below ``tol``.

    Example: Then the command prints a gradient table of 13 parameters, every relative error below 1e-6
    """
    rows = [m.groups() for m in map(GRADIENT_ROW.match, _last(state).out.splitlines()) if m]
    assert len(rows) == count and len({name for name, *_ in rows}) == count, _last(state).out
    assert measure("largest relative error", max(float(error) for *_, error in rows)) < tol, rows


@then(sentence("the command prints a test accuracy of at least {percent:Number}%"))
def _(state, percent, measure):
    """The line ``test accuracy NN.NN%``.

    Example: Then the command prints a test accuracy of at least 85%
    """
    match = re.search(rf"^test accuracy ({NUMBER})%$", _last(state).out, re.MULTILINE)
    assert match, _last(state).out
    assert measure("test accuracy, %", float(match.group(1))) >= percent, _last(state).out


@then(sentence('the command\'s error output is one line containing "{text}"'))
def _(state, text):
    """stderr is exactly one line, and ``text`` is in it: no traceback, no usage block.

    Example: Then the command's error output is one line containing "backprop: error: training diverged at epoch"
    """
    assert len(_last(state).err.splitlines()) == 1 and text in _last(state).err, _last(state).err


@then(sentence("the printed final loss is the loss of the untrained guide's network with seed {seed:d}"))
def _(state, seed):
    """The line ``final loss L`` shows ``compute_loss`` of ``init_network((2, 2, 1), seed)`` on XOR (6 digits).

    Example: Then the printed final loss is the loss of the untrained guide's network with seed 0
    """
    match = re.search(rf"^final loss ({NUMBER});", _last(state).out, re.MULTILINE)
    assert match, _last(state).out
    assert float(match.group(1)) == float(f"{bp.compute_loss(bp.init_network((2, 2, 1), seed=seed), *bp.xor()):.6g}")


@then(sentence("the help shows every option of backprop {command:Word} with its default"))
def _(state, command):
    """Every option of the subcommand appears in the help, each followed by ``(default: ...)``.

    Example: Then the help shows every option of backprop xor with its default
    """
    subparser = build_parser()._subparsers._group_actions[0].choices[command]
    options = {a.option_strings[-1] for a in subparser._actions if a.option_strings and a.dest != "help"}
    entries = _help_entries(_last(state).out)
    assert options <= set(entries) and len(options) >= 5, (options, list(entries))
    missing = [option for option in options if "(default:" not in entries[option]]
    assert not missing, {option: entries[option] for option in missing}


def _help_entries(text: str) -> dict[str, str]:
    """argparse's option list as {option: its help text}: an entry starts on a line "  -..."."""
    entries, current = {}, None
    for line in text.split("options:", 1)[1].splitlines():
        if line.startswith("  -"):
            names = re.split(r"\s{2,}", line.strip())[0]  # "-h, --help" or "--seed SEED"
            current = [word.rstrip(",") for word in names.split() if word.startswith("-")][-1]
            entries[current] = line
        elif current is not None:
            entries[current] += " " + line.strip()
    return entries
