"""Steps of the chapter "The command line".

The command runs in the test process: ``backprop.cli.main(argv)`` (or
``runpy`` for ``python -m backprop``), its exit code taken from its return
value or from the ``SystemExit`` argparse raises; ``capsys`` captures what it
prints. The fixture ``command`` is the latest run (exit code, stdout, stderr);
``command_runs`` holds every run of the scenario, for comparing two.
"""

from __future__ import annotations

import contextlib
import io
import re
import runpy
import shlex
import sys
from pathlib import Path

import numpy as np
import pytest
from pytest_bdd import then, when

import backprop as bp
from backprop.cli import build_parser, main
from steps.parsing import clip, sentence
from steps.support import CommandRun

NUMBER = r"[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?"
TRUTH_ROW = re.compile(rf"^\s*([01])\s+([01])\s+([01])\s+({NUMBER})\s*$")
GRADIENT_ROW = re.compile(rf"^([Wb]\d+\[[\d,]+\])\s+({NUMBER})\s+({NUMBER})\s+({NUMBER})\s*$")


@pytest.fixture
def figures(tmp_path: Path) -> Path:
    """The folder FIGURES stands for in a command line: fresh for each scenario."""
    return tmp_path / "figures"


@pytest.fixture
def command_runs() -> list[CommandRun]:
    """Every command line run in the scenario, in order: empty until one runs."""
    return []


def _argv(arguments: str, figures: Path, tmp_path: Path) -> list[str]:
    """The words of ``arguments``, with FIGURES and REGULAR_FILE made paths in the scenario's temporary folder.

    The command runs in the test process, so the folder it writes figures into
    (``--plot``) must lie in that temporary folder: FIGURES, or a folder under
    it. A feature file cannot make the command write anywhere else.
    """
    try:
        words = shlex.split(arguments)
    except ValueError as error:
        raise ValueError(f"the command line {clip(arguments)!r} cannot be split into words: {error}") from None
    regular_file = tmp_path / "a-file"
    regular_file.write_text("not a folder\n")
    argv = [word.replace("FIGURES", str(figures)).replace("REGULAR_FILE", str(regular_file)) for word in words]
    try:  # the command's own parser, so that every spelling of --plot (--plot=DIR, --pl DIR) is seen
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            plot = getattr(build_parser().parse_args(argv), "plot", None)
    except SystemExit:  # a bad option, or --help: the command reports it and writes nothing
        plot = None
    if plot is not None and not Path(plot).resolve().is_relative_to(tmp_path.resolve()):
        raise ValueError(
            f"backprop {clip(arguments)}: in a scenario, --plot writes into FIGURES (a fresh temporary folder) "
            "or a folder under it, like FIGURES/run-1"
        )
    return argv


def _tail(text: str, lines: int = 5) -> str:
    """The last lines of what a command printed, for a failure message (its whole output may be long)."""
    kept = text.rstrip().splitlines()[-lines:]
    return "\n".join(line[:200] for line in kept) or "(nothing)"


def _run(command_runs: list[CommandRun], capsys, call) -> CommandRun:
    capsys.readouterr()
    try:
        code = call()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    command_runs.append(CommandRun(code, out, err))
    return command_runs[-1]


def _as_module(argv: list[str]):
    saved = sys.argv
    sys.argv = ["python -m backprop", *argv]
    try:
        runpy.run_module("backprop", run_name="__main__", alter_sys=False)
    finally:
        sys.argv = saved


@when(sentence("I run the command line: backprop {arguments}"), target_fixture="command")
def _(command_runs, figures, capsys, tmp_path, arguments):
    """Call ``main(argv)`` with the words after ``backprop`` (FIGURES: a fresh temporary folder).

    Example: When I run the command line: backprop xor
    """
    return _run(command_runs, capsys, lambda: main(_argv(arguments, figures, tmp_path)))


@when(sentence("I run the command line as a module: python -m backprop {arguments}"), target_fixture="command")
def _(command_runs, figures, capsys, tmp_path, arguments):
    """Run the module ``backprop`` as ``__main__`` (what ``python -m backprop`` does), in this process.

    Example: When I run the command line as a module: python -m backprop gradcheck
    """
    return _run(command_runs, capsys, lambda: _as_module(_argv(arguments, figures, tmp_path)))


@then(sentence("the command exits with code {code:d}"))
def _(command, code):
    """The exit code (0 success, 1 error while running, 2 bad option).

    Example: Then the command exits with code 0
    """
    assert command.code == code, (
        f"the command exited with code {command.code}; it ended with:\n{_tail(command.err or command.out)}"
    )


@then(sentence("the command prints the XOR truth table with a prediction within {tol:Number} of each target"))
def _(command, tol):
    """Four rows ``A B target prediction``, the XOR rows, each prediction within ``tol`` of the target.

    Example: Then the command prints the XOR truth table with a prediction within 0.1 of each target
    """
    rows = np.array([m.groups() for m in map(TRUTH_ROW.match, command.out.splitlines()) if m], dtype=float)
    assert len(rows) and rows[:, :3].tolist() == [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], (
        f"no XOR table in:\n{_tail(command.out)}"
    )
    gap = np.abs(rows[:, 3] - rows[:, 2]).max()
    assert gap <= tol, f"a prediction is {gap:.6g} from its target"


@then(sentence("a progress bar counted {epochs:d} epochs on the error output"))
def _(command, epochs):
    """tqdm's final line ``epochs/epochs`` is on stderr (stdout stays clean for the results).

    Example: Then a progress bar counted 2000 epochs on the error output
    """
    assert f"{epochs}/{epochs} [" in command.err and "epoch" in command.err, (
        f"the error output ends:\n{_tail(command.err)}"
    )


@then(sentence("FIGURES holds the SVG figures {first} and {second}"))
def _(figures, first, second):
    """Both files exist in the folder and are SVG documents with drawn paths.

    Example: Then FIGURES holds the SVG figures xor-loss.svg and xor-decision-boundary.svg
    """
    for name in (first, second):
        file = figures / name
        if file.resolve().parent != figures.resolve():
            raise ValueError(
                f"{clip(name)!r} is not a file name: give the name of a figure in FIGURES, like xor-loss.svg"
            )
        assert file.is_file(), (
            f"FIGURES holds no {clip(name)}; it holds {sorted(p.name for p in figures.glob('*'))[:10]}"
        )
        text = file.read_text(encoding="utf-8", errors="replace")
        assert text.lstrip().startswith("<?xml") and "<svg" in text and "<path" in text, f"{name} is not an SVG figure"


@then("the two runs print the same truth table")
def _(command_runs):
    """The truth-table rows of the last two runs are the same text.

    Example: Then the two runs print the same truth table
    """
    tables = [[line for line in run.out.splitlines() if TRUTH_ROW.match(line)] for run in command_runs[-2:]]
    assert len(tables) == 2 and len(tables[0]) == 4 and tables[0] == tables[1], (
        f"the truth tables of the last two runs: {tables}"
    )


@then(sentence("the command prints a gradient table of {count:d} parameters, every relative error below {tol:Number}"))
def _(command, count, tol, measure):
    """Rows ``name backprop numerical relative-error``, one per parameter, each error below ``tol``.

    Example: Then the command prints a gradient table of 13 parameters, every relative error below 1e-6
    """
    rows = [m.groups() for m in map(GRADIENT_ROW.match, command.out.splitlines()) if m]
    names = len({name for name, *_ in rows})
    assert len(rows) == count and names == count, f"the command printed {len(rows)} gradient rows for {names} names"
    worst = measure("largest relative error", max((float(error) for *_, error in rows), default=0.0))
    assert worst < tol, f"the largest relative error is {worst!r}"


@then(sentence("the command prints a test accuracy of at least {percent:Number}%"))
def _(command, percent, measure):
    """The line ``test accuracy NN.NN%``.

    Example: Then the command prints a test accuracy of at least 85%
    """
    match = re.search(rf"^test accuracy ({NUMBER})%$", command.out, re.MULTILINE)
    assert match, f"no line 'test accuracy NN.NN%' in:\n{_tail(command.out)}"
    accuracy = measure("test accuracy, %", float(match.group(1)))
    assert accuracy >= percent, f"the test accuracy is {accuracy}%"


@then(sentence('the command\'s error output is one line containing "{text}"'))
def _(command, text):
    """stderr is exactly one line, and ``text`` is in it: no traceback, no usage block.

    Example: Then the command's error output is one line containing "backprop: error: training diverged at epoch"
    """
    assert len(command.err.splitlines()) == 1 and text in command.err, f"the error output is:\n{_tail(command.err)}"


@then(sentence("the printed final loss is the loss of the untrained guide's network with seed {seed:d}"))
def _(command, seed):
    """The line ``final loss L`` shows ``compute_loss`` of ``init_network((2, 2, 1), seed)`` on XOR (6 digits).

    Example: Then the printed final loss is the loss of the untrained guide's network with seed 0
    """
    match = re.search(rf"^final loss ({NUMBER});", command.out, re.MULTILINE)
    assert match, f"no line 'final loss L;' in:\n{_tail(command.out)}"
    expected = float(f"{bp.compute_loss(bp.init_network((2, 2, 1), seed=seed), *bp.xor()):.6g}")
    assert float(match.group(1)) == expected, f"the printed final loss is {match.group(1)}, not {expected!r}"


@then(sentence("the help shows every option of backprop {subcommand:Word} with its default"))
def _(command, subcommand):
    """Every option of the subcommand appears in the help, each followed by ``(default: ...)``.

    Example: Then the help shows every option of backprop xor with its default
    """
    commands = build_parser()._subparsers._group_actions[0].choices
    if subcommand not in commands:
        raise ValueError(f"backprop has no command {clip(subcommand)!r}; its commands are {', '.join(commands)}")
    subparser = commands[subcommand]
    options = {a.option_strings[-1] for a in subparser._actions if a.option_strings and a.dest != "help"}
    entries = _help_entries(command.out)
    assert options <= set(entries) and len(options) >= 5, f"the help lists {sorted(entries)}, not {sorted(options)}"
    missing = [option for option in options if "(default:" not in entries[option]]
    assert not missing, f"the help gives no default for {', '.join(sorted(missing))}"


def _help_entries(text: str) -> dict[str, str]:
    """argparse's option list as {option: its help text}: an entry starts on a line "  -..."."""
    entries, current = {}, None
    for line in text.partition("options:")[2].splitlines():
        if line.startswith("  -"):
            names = re.split(r"\s{2,}", line.strip())[0]  # "-h, --help" or "--seed SEED"
            current = [word.rstrip(",") for word in names.split() if word.startswith("-")][-1]
            entries[current] = line
        elif current is not None:
            entries[current] += " " + line.strip()
    return entries
