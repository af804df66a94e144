"""Tests of ``backprop.plots``: a figure is saved whole or not at all.

Ctrl-C while matplotlib writes an SVG used to leave the file cut off (no
``</svg>``). ``save`` now writes under a temporary name and renames it when
matplotlib is done: here the writer is interrupted after it has written part
of the file, and neither a truncated figure nor a temporary file is left.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure

from backprop import plots

CURVES = {"backprop": np.array([0.3, 0.2, 0.1])}


def interrupt_savefig_halfway(monkeypatch) -> list[str]:
    """Make Figure.savefig write the real file, cut it in half and raise KeyboardInterrupt (as Ctrl-C would)."""
    written: list[str] = []
    savefig = Figure.savefig

    def halfway(fig, fname, **options):
        savefig(fig, fname, **options)
        content = Path(fname).read_bytes()
        Path(fname).write_bytes(content[: len(content) // 2])
        written.append(str(fname))
        raise KeyboardInterrupt

    monkeypatch.setattr(Figure, "savefig", halfway)
    return written


def test_an_interrupted_save_leaves_no_truncated_figure_and_no_temporary_file(tmp_path, monkeypatch):
    written = interrupt_savefig_halfway(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        plots.plot_loss_curves(CURVES, tmp_path / "loss.svg")
    assert written and not written[0].endswith("loss.svg")  # matplotlib wrote to the temporary name
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_save_keeps_the_previous_figure_whole(tmp_path, monkeypatch):
    path = plots.plot_loss_curves(CURVES, tmp_path / "loss.svg")
    before = path.read_bytes()
    assert before.rstrip().endswith(b"</svg>")
    interrupt_savefig_halfway(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        plots.plot_loss_curves({"other": np.array([1.0, 0.5])}, path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["loss.svg"]


@pytest.mark.parametrize("suffix, start", [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF")])
def test_a_figure_is_saved_by_the_suffix_of_its_name_not_of_the_temporary_one(tmp_path, suffix, start):
    path = plots.plot_loss_curves(CURVES, tmp_path / f"loss{suffix}")
    assert path.read_bytes().startswith(start) and [p.name for p in tmp_path.iterdir()] == [f"loss{suffix}"]
