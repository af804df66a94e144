"""Figures of the command line (``backprop xor --plot DIR``): a loss curve and a decision boundary.

Plotting is kept out of the math modules, and matplotlib is imported inside
each function, so ``import backprop`` still needs numpy only. Figures are drawn
on a bare ``matplotlib.figure.Figure`` (no pyplot, no global state; PNG goes
through Agg) and saved by the file name's suffix (``.svg``, ``.png`` or
``.pdf``).

Reproducible files: SVG is written without a date and with a fixed
``svg.hashsalt`` (the ids of clip paths are otherwise random), so the same data
gives a byte-identical file.

The functions take data the package computed, not raw settings: what to train
and measure is the caller's choice. The site draws its own figures
(``docs/_hooks/figures.py``) with the style, panels and file writing below.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from backprop.files import replacing
from backprop.forward import forward_prop
from backprop.network import Network
from backprop.validation import check_network

if TYPE_CHECKING:  # matplotlib is imported when a figure is drawn, not with the package
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.image import AxesImage

SALT = "backprop-spec"
"""Fixed salt for the ids matplotlib writes into SVG files."""

STYLE: dict[str, Any] = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": SALT,
    "figure.dpi": 100,
}

BOUNDARY = 0.5
"""The decision boundary is drawn where the network's output equals this."""

BLUE, ORANGE, GREEN, RED, PURPLE, GREY = "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#555555"
COLOURS = (BLUE, ORANGE, GREEN, RED, PURPLE, "#8c564b", "#e377c2", "#7f7f7f")


@contextmanager
def figure(width: float = 6.4, height: float = 4.0, **subplots: Any) -> Iterator[tuple[Figure, Any]]:
    """A fresh matplotlib Figure (and its axes) under the package's style."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]  # STYLE's keys are rcParams names
        fig = Figure(figsize=(width, height), layout="constrained")
        yield fig, fig.subplots(**subplots)


def save(fig: Figure, path: str | Path) -> Path:
    """Save ``fig`` by the suffix of ``path`` with no time stamp in the file.

    The figure is written whole or not at all (``backprop.files.replacing``):
    interrupted, it leaves no truncated file behind and an older file of that
    name as it was.
    """
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower() or "svg"
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt, {})
    if fmt not in ("svg", "png", "pdf"):
        raise ValueError(f"path must end in .svg, .png or .pdf, but got {path.name!r}; e.g. 'loss.svg'")
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as partial:
        fig.savefig(partial, format=fmt, metadata=metadata)
    return path


def _finish(ax: Axes, title: str | None) -> None:
    if title:
        ax.set_title(title)


# ---------------------------------------------------------------------------
# The two figures of the command line (``backprop xor --plot DIR``)
# ---------------------------------------------------------------------------


def plot_loss_curves(
    curves: Mapping[str, object], path: str | Path, *, title: str | None = None, logy: bool = True
) -> Path:
    """Loss against epoch, one line per entry of ``curves``.

    Args:
        curves: ``{label: losses}``, each losses of shape (epochs + 1,) as in
            ``History.losses`` (index k = loss after k updates). A 2-D array
            (epochs + 1, S) draws S thin lines under one label.
        path: where to write the figure (.svg, .png or .pdf).
        title: optional title.
        logy: logarithmic loss axis (the default: XOR's losses span decades).

    Returns:
        The path written.
    """
    if not curves:
        raise ValueError("curves must hold at least one {label: losses} entry, but it is empty")
    with figure() as (fig, ax):
        for (label, losses), colour in zip(curves.items(), colour_cycle(len(curves)), strict=True):
            losses = np.asarray(losses, dtype=np.float64)
            if losses.ndim not in (1, 2) or len(losses) == 0:
                raise ValueError(
                    f"curves[{label!r}] must be a 1-D or 2-D array of losses, but got shape {losses.shape}"
                )
            if losses.ndim == 1:
                ax.plot(np.arange(len(losses)), losses, color=colour, label=label, lw=1.6)
            else:
                ax.plot(np.arange(len(losses)), losses, color=colour, lw=0.6, alpha=0.5)
                ax.plot([], [], color=colour, label=label)
        loss_axes(ax, logy)
        ax.legend()
        _finish(ax, title)
        return save(fig, path)


def plot_decision_boundary(
    network: Network, X: object, y: object, path: str | Path, *, title: str | None = None
) -> Path:
    """The output of a two-input network over the plane, with its 0.5 contour and the data.

    Args:
        network: a single network with 2 inputs (output 0 is drawn).
        X: the data points, shape (N, 2); y: their targets, shape (N,) or (N, 1).
        path: where to write the figure.
        title: optional title.
    """
    with figure(4.6, 4.0) as (fig, ax):
        image = decision_boundary_axes(ax, network, X, y, title=title)
        fig.colorbar(image, ax=ax, label="network output ŷ", ticks=[0, 0.25, 0.5, 0.75, 1])
        return save(fig, path)


# ---------------------------------------------------------------------------
# Building blocks (the site's figures use them too)
# ---------------------------------------------------------------------------


def colour_cycle(n: int) -> list[str]:
    return [COLOURS[i % len(COLOURS)] for i in range(n)]


def loss_axes(ax: Axes, logy: bool) -> None:
    ax.set_xlabel("epoch (full-batch updates)")
    ax.set_ylabel("loss (log scale)" if logy else "loss")
    if logy:
        ax.set_yscale("log")


def decision_boundary_axes(
    ax: Axes, network: Network, X: object, y: object, *, title: str | None = None, resolution: int = 161
) -> AxesImage:
    """Draw a decision-boundary panel on ``ax``; returns the image for a colour bar."""
    check_network(network)
    if network.stack_size is not None:
        raise ValueError("network must be a single network, not a stack; pick one, e.g. a copy of stack member s")
    if network.layer_sizes[0] != 2:
        raise ValueError(f"a decision boundary is drawn over 2 inputs, but the network has {network.layer_sizes[0]}")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64).reshape(len(X), -1)[:, 0]
    lo, hi = X.min(axis=0) - 0.3, X.max(axis=0) + 0.3
    g0, g1 = np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    G0, G1 = np.meshgrid(g0, g1)
    out, _ = forward_prop(network, np.column_stack([G0.ravel(), G1.ravel()]))
    out = out[:, 0].reshape(G0.shape)
    image = ax.imshow(
        out,
        origin="lower",
        extent=(lo[0], hi[0], lo[1], hi[1]),
        cmap="RdBu_r",
        vmin=0,
        vmax=1,
        aspect="equal",
        interpolation="bilinear",
    )
    ax.contour(G0, G1, out, levels=[BOUNDARY], colors="black", linewidths=1.2)
    predictions, _ = forward_prop(network, X)
    for (x0, x1), target, p in zip(X, y, predictions[:, 0], strict=True):
        ax.scatter(
            [x0],
            [x1],
            s=110,
            c=[RED if target >= BOUNDARY else BLUE],
            edgecolors="white",
            linewidths=1.5,
            marker="s" if target >= BOUNDARY else "o",
            zorder=3,
        )
        ax.annotate(
            f"ŷ = {p:.2f}",
            (x0, x1),
            xytext=(0, 11),
            textcoords="offset points",
            ha="center",
            fontsize=8.5,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    ax.set_xlabel("input x[0]")
    ax.set_ylabel("input x[1]")
    ax.grid(False)
    _finish(ax, title)
    return image
