"""Tests of ``backprop.cli`` that the scenarios of the command line cannot reach by its options.

Ctrl-C while ``backprop xor --plot`` writes its figures exits 130 and leaves
no truncated SVG (the writer is interrupted half-way through a file, as in
``tests/test_plots.py``); a failure at run time that the package names
(TypeError or ValueError) is one line and exit code 1, not a traceback.
"""

from __future__ import annotations

import pytest

from backprop import cli
from tests.test_plots import interrupt_savefig_halfway


def test_ctrl_c_while_writing_the_figures_exits_130_and_leaves_no_truncated_svg(tmp_path, monkeypatch, capsys):
    figures = tmp_path / "figures"
    interrupt_savefig_halfway(monkeypatch)
    code = cli.main(["xor", "--no-progress", "--epochs", "20", "--plot", str(figures)])
    assert code == 130 and capsys.readouterr().err == "backprop: interrupted\n"
    assert list(figures.iterdir()) == []


def test_ctrl_c_while_rewriting_the_figures_keeps_the_complete_ones(tmp_path, monkeypatch, capsys):
    figures = tmp_path / "figures"
    assert cli.main(["xor", "--no-progress", "--epochs", "20", "--plot", str(figures)]) == 0
    before = {p.name: p.read_bytes() for p in figures.iterdir()}
    assert sorted(before) == ["xor-decision-boundary.svg", "xor-loss.svg"]
    assert all(content.rstrip().endswith(b"</svg>") for content in before.values())
    interrupt_savefig_halfway(monkeypatch)
    assert cli.main(["xor", "--no-progress", "--epochs", "30", "--plot", str(figures)]) == 130
    assert {p.name: p.read_bytes() for p in figures.iterdir()} == before


@pytest.mark.parametrize("error", [ValueError, TypeError])
def test_a_named_error_at_run_time_is_one_line_and_exit_code_1(monkeypatch, capsys, error):
    def fails(*args, **kwargs):
        raise error("something the package named went wrong")

    monkeypatch.setattr(cli, "train", fails)
    assert cli.main(["xor", "--no-progress"]) == 1
    assert capsys.readouterr().err == "backprop: error: something the package named went wrong\n"


def test_an_empty_plot_path_is_a_bad_option(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["xor", "--plot", "  "])
    assert stop.value.code == 2
    assert "argument --plot: expected a folder, got '  '" in capsys.readouterr().err
