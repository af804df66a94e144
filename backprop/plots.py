"""Figures: loss curves, decision boundaries, epsilon errors, gradient cost, the network diagram.

Plotting is kept out of the math modules, and matplotlib is imported inside
each function, so ``import backprop`` still needs numpy only. Figures are drawn
on a bare ``matplotlib.figure.Figure`` (no pyplot, no global state; PNG goes
through Agg) and saved by the file name's suffix (``.svg``, ``.png`` or
``.pdf``).

Reproducible files: SVG is written without a date and with a fixed
``svg.hashsalt`` (the ids of clip paths are otherwise random), so the same data
gives a byte-identical file.

The functions take data the package computed, not raw settings: what to train
and measure is the caller's choice (the site's ``docs/_hooks/computed.py``,
the command line's ``backprop xor --plot DIR``).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import numpy as np

from backprop.network import Network, check_network, forward_prop

SALT = "backprop-spec"
"""Fixed salt for the ids matplotlib writes into SVG files."""

STYLE = {
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
SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu", "identity": "id", "softmax": "soft\nmax"}
"""What the diagram writes inside a unit for its activation."""
COLOURS = (BLUE, ORANGE, GREEN, RED, PURPLE, "#8c564b", "#e377c2", "#7f7f7f")


@contextmanager
def _figure(width: float = 6.4, height: float = 4.0, **subplots):
    """A fresh matplotlib Figure (and its axes) under the package's style."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
        yield fig, fig.subplots(**subplots)


def _save(fig, path) -> Path:
    """Save ``fig`` by the suffix of ``path`` with no time stamp in the file."""
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower() or "svg"
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt, {})
    if fmt not in ("svg", "png", "pdf"):
        raise ValueError(f"path must end in .svg, .png or .pdf, but got {path.name!r}; e.g. 'loss.svg'")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=fmt, metadata=metadata)
    return path


def _power(x: float) -> str:
    """``3e-08`` as ``3 × 10⁻⁸`` (one significant digit), for labels."""
    mantissa, exponent = f"{float(x):.0e}".split("e")
    power = "10" + str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return power if mantissa == "1" else f"{mantissa} × {power}"


def _finish(ax, title):
    if title:
        ax.set_title(title)


# ---------------------------------------------------------------------------
# The two figures of the command line (``backprop xor --plot DIR``)
# ---------------------------------------------------------------------------


def plot_loss_curves(curves: dict, path, *, title: str | None = None, logy: bool = True) -> Path:
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
    with _figure() as (fig, ax):
        for (label, losses), colour in zip(curves.items(), _cycle(len(curves))):
            losses = np.asarray(losses, dtype=np.float64)
            if losses.ndim not in (1, 2) or len(losses) == 0:
                raise ValueError(f"curves[{label!r}] must be a 1-D or 2-D array of losses, but got shape {losses.shape}")
            if losses.ndim == 1:
                ax.plot(np.arange(len(losses)), losses, color=colour, label=label, lw=1.6)
            else:
                ax.plot(np.arange(len(losses)), losses, color=colour, lw=0.6, alpha=0.5)
                ax.plot([], [], color=colour, label=label)
        _loss_axes(ax, logy)
        ax.legend()
        _finish(ax, title)
        return _save(fig, path)


def plot_decision_boundary(network: Network, X, y, path, *, title: str | None = None) -> Path:
    """The output of a two-input network over the plane, with its 0.5 contour and the data.

    Args:
        network: a single network with 2 inputs (output 0 is drawn).
        X: the data points, shape (N, 2); y: their targets, shape (N,) or (N, 1).
        path: where to write the figure.
        title: optional title.
    """
    with _figure(4.6, 4.0) as (fig, ax):
        image = decision_boundary_axes(ax, network, X, y, title=title)
        fig.colorbar(image, ax=ax, label="network output ŷ", ticks=[0, 0.25, 0.5, 0.75, 1])
        return _save(fig, path)


# ---------------------------------------------------------------------------
# Building blocks and the site's figures
# ---------------------------------------------------------------------------


def _cycle(n: int):
    return [COLOURS[i % len(COLOURS)] for i in range(n)]


def _loss_axes(ax, logy: bool) -> None:
    ax.set_xlabel("epoch (full-batch updates)")
    ax.set_ylabel("loss (log scale)" if logy else "loss")
    if logy:
        ax.set_yscale("log")


def decision_boundary_axes(ax, network: Network, X, y, *, title: str | None = None, resolution: int = 161):
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
    image = ax.imshow(out, origin="lower", extent=(lo[0], hi[0], lo[1], hi[1]), cmap="RdBu_r",
                      vmin=0, vmax=1, aspect="equal", interpolation="bilinear")
    ax.contour(G0, G1, out, levels=[BOUNDARY], colors="black", linewidths=1.2)
    predictions, _ = forward_prop(network, X)
    for (x0, x1), target, p in zip(X, y, predictions[:, 0]):
        ax.scatter([x0], [x1], s=110, c=[RED if target >= BOUNDARY else BLUE], edgecolors="white", linewidths=1.5,
                   marker="s" if target >= BOUNDARY else "o", zorder=3)
        ax.annotate(f"ŷ = {p:.2f}", (x0, x1), xytext=(0, 11), textcoords="offset points", ha="center",
                    fontsize=8.5, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    ax.set_xlabel("input x[0]")
    ax.set_ylabel("input x[1]")
    ax.grid(False)
    _finish(ax, title)
    return image


def plot_decision_boundaries(panels, X, y, path) -> Path:
    """Several decision-boundary panels side by side: ``panels`` is a list of (network, title)."""
    with _figure(4.2 * len(panels) + 0.8, 4.0, ncols=len(panels), squeeze=False) as (fig, axes):
        for ax, (network, title) in zip(axes[0], panels):
            image = decision_boundary_axes(ax, network, X, y, title=title)
        fig.colorbar(image, ax=list(axes[0]), label=f"network output ŷ ({BOUNDARY:g} contour in black)",
                     ticks=[0, 0.25, 0.5, 0.75, 1], shrink=0.9)
        return _save(fig, path)


def plot_loss_comparison(backprop: dict, numerical: dict, path, *, title: str | None = None,
                         numerical_label: str = "nudging", marker_every: int = 500, zoom=()) -> Path:
    """Loss curves from the chain rule (lines) and from nudging (markers) at the same settings.

    ``backprop`` and ``numerical`` map the same labels (e.g. learning rates) to
    loss histories; each label gets one colour, so a marker on its line shows
    the two gradients give the same training. The labels in ``zoom`` get a
    second panel on a linear scale fitted to them (slow curves that hide under
    each other on the log scale).
    """
    colours = dict(zip(backprop, _cycle(len(backprop))))

    def draw(ax, labels, legend):
        for label in labels:
            losses = np.asarray(backprop[label])
            ax.plot(np.arange(len(losses)), losses, color=colours[label], lw=1.8, label=f"{label}: backprop")
            if label in numerical:
                other = np.asarray(numerical[label])
                every = np.arange(0, len(other), marker_every)
                ax.plot(every, other[every], ls="none", marker="o", ms=5, mfc="none", mec=colours[label], mew=1.2,
                        label=f"{label}: {numerical_label}")
        if legend:
            ax.legend(fontsize=8.5, ncols=2, loc="center right")

    zoom = [label for label in zoom if label in backprop]
    if not zoom:
        with _figure(6.8, 4.2) as (fig, ax):
            draw(ax, backprop, True)
            _loss_axes(ax, True)
            _finish(ax, title)
            return _save(fig, path)
    with _figure(10.4, 4.2, ncols=2, width_ratios=[1.6, 1]) as (fig, (ax, detail)):
        draw(ax, backprop, True)
        _loss_axes(ax, True)
        ax.set_title("all rates (log scale)")
        draw(detail, zoom, False)
        _loss_axes(detail, False)
        detail.set_title(f"zoom: {', '.join(zoom)} (linear scale)")
        detail.legend(fontsize=8.5, loc="upper right")
        if title:
            fig.suptitle(title)
        return _save(fig, path)


def plot_epsilon_errors(epsilons, errors: dict, marks: dict, path, *, title: str | None = None) -> Path:
    """Relative error of the nudged gradient against epsilon, log-log.

    Args:
        epsilons: the nudges, shape (E,).
        errors: ``{method label: relative errors, shape (E,)}``.
        marks: ``{label: epsilon}`` drawn as vertical lines (e.g. the guide's two epsilons).
    """
    epsilons = np.asarray(epsilons, dtype=np.float64)
    with _figure(6.4, 4.2) as (fig, ax):
        for (label, err), colour, offset in zip(errors.items(), _cycle(len(errors)), ((0, 45), (10, -4))):
            err = np.asarray(err, dtype=np.float64)
            ax.loglog(epsilons, err, marker=".", color=colour, label=label)
            best = int(np.argmin(err))
            # The minimum sits in the crook of a V: above it (or beside it) is empty.
            ax.annotate(f"best ε ≈ {_power(epsilons[best])}", (epsilons[best], err[best]), xytext=offset,
                        textcoords="offset points", ha="center" if offset[0] == 0 else "left",
                        va="bottom" if offset[0] == 0 else "center", fontsize=8.5, color=colour,
                        arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.8, "shrinkB": 3})
        for k, ((label, eps), colour) in enumerate(zip(sorted(marks.items(), key=lambda m: m[1]), (PURPLE, GREY, GREEN))):
            ax.axvline(eps, color=colour, ls="--", lw=1)
            # The smallest marked epsilon is labelled to its left, the others to their right.
            ax.annotate(label, (eps, 0.98), xycoords=("data", "axes fraction"), xytext=(-5 if k == 0 else 5, 0),
                        textcoords="offset points", ha="right" if k == 0 else "left", va="top", fontsize=8.5,
                        color=colour)
        ax.set_xlabel("epsilon ε (the nudge)")
        ax.set_ylabel("relative error against backprop")
        ax.legend(loc="lower left")
        _finish(ax, title)
        return _save(fig, path)


def plot_gradient_cost(parameters, counted: dict, measured: dict, path, *, machine_note: str) -> Path:
    """Two panels against the parameter count P: counted passes, and measured seconds.

    Args:
        parameters: P for each network, shape (K,).
        counted: ``{label: passes per gradient, shape (K,)}``.
        measured: ``{label: seconds per gradient, shape (K,)}``.
        machine_note: the title of the measured panel (say where it was measured).
    """
    P = np.asarray(parameters, dtype=np.float64)
    with _figure(9.6, 4.0, ncols=2) as (fig, (left, right)):
        for (label, passes), colour, marker in zip(counted.items(), (ORANGE, BLUE), ("o", "s")):
            left.loglog(P, passes, marker=marker, color=colour, label=label)
        left.set_title("counted passes per gradient")
        left.set_ylabel("passes through the network")
        for (label, seconds), colour, marker in zip(measured.items(), (ORANGE, BLUE), ("o", "s")):
            right.loglog(P, np.asarray(seconds) * 1e3, marker=marker, color=colour, label=label)
        right.set_title(machine_note)
        right.set_ylabel("milliseconds per gradient")
        for ax in (left, right):
            ax.set_xlabel("parameters P")
            ax.legend(loc="upper left", fontsize=8.5)
        return _save(fig, path)


def diagram_labels(network: Network) -> list[str]:
    """The parameter labels the network diagram draws, in ``element_names()`` order."""
    return network.element_names()


def plot_network_diagram(network: Network, path, *, title: str | None = None) -> list[str]:
    """Draw the network: a node per unit, every weight on its edge and every bias at its unit.

    Every label is the parameter's name as the scenarios write it (``W1[0,1]``,
    ``b2[0]``), taken from ``Network.element_names()``, and each label's SVG
    group has the id ``param:<name>`` so a test can find it in the file.
    Meant for small networks (up to about four units a layer).

    Returns:
        The labels drawn, in the order of ``element_names()``.
    """
    check_network(network)
    if network.stack_size is not None:
        raise ValueError("network must be a single network, not a stack")
    sizes = network.layer_sizes
    names = iter(diagram_labels(network))
    drawn = []
    xs = [2.6 * l for l in range(len(sizes))]

    def ys(n):
        return [((n - 1) / 2 - k) * GAP for k in range(n)]

    GAP = 1.45  # vertical distance between units: room for a unit's name above and its bias below
    mono = {"family": "DejaVu Sans Mono", "fontsize": 9.5}
    span = max(sizes)
    with _figure(2.2 * len(sizes) + 0.4, 1.6 * span + 1.8) as (fig, ax):
        ax.set_axis_off()
        ax.set_aspect("equal")
        radius = 0.3
        for l, n in enumerate(sizes):
            for k, yk in enumerate(ys(n)):
                face = "#eeeeee" if l == 0 else "#dbe9f6"
                ax.add_patch(_circle((xs[l], yk), radius, face))
                if l == 0:
                    ax.text(xs[l], yk, f"x[{k}]", ha="center", va="center", fontsize=10)
                    continue
                act = network.activations[l - 1]
                ax.text(xs[l], yk, SYMBOLS.get(act, act), ha="center", va="center", fontsize=12)
                unit = f"a{l}[{k}]" + (" = ŷ" if l == len(sizes) - 1 and n == 1 else "")
                ax.text(xs[l], yk + radius + 0.06, unit, ha="center", va="bottom", color=GREY, **mono)
            header = "input layer 0" if l == 0 else ("output" if l == len(sizes) - 1 else "hidden") + f" layer {l}"
            ax.text(xs[l], (span - 1) / 2 * GAP + 0.75, header, ha="center", va="bottom", fontsize=10, weight="bold")
            if l > 0:
                W = network.weights[l - 1]
                ax.text((xs[l - 1] + xs[l]) / 2, -(span - 1) / 2 * GAP - 0.9,
                        f"W{l}: shape {W.shape}, b{l}: shape {network.biases[l - 1].shape}",
                        ha="center", va="top", fontsize=8.5, color=GREY)
        for l in range(1, len(sizes)):
            n_in, n_out = sizes[l - 1], sizes[l]
            # element_names() order: W{l} row-major (i = input, j = output), then b{l}.
            for i, yi in enumerate(ys(n_in)):
                for j, yj in enumerate(ys(n_out)):
                    name = next(names)
                    start = np.array([xs[l - 1] + radius, yi])
                    end = np.array([xs[l] - radius, yj])
                    ax.annotate("", end, start, arrowprops={"arrowstyle": "-|>", "color": GREY, "lw": 1,
                                                             "shrinkA": 0, "shrinkB": 0})
                    # Labels sit near the source end, where crossing edges are still apart.
                    t = 0.3 if n_in > 1 and n_out > 1 else 0.45
                    px, py = start + t * (end - start)
                    label = ax.text(px, py, name, ha="center", va="center", color=BLUE, **mono,
                                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
                    label.set_gid(f"param:{name}")
                    drawn.append(name)
            for j, yj in enumerate(ys(n_out)):
                name = next(names)
                label = ax.text(xs[l], yj - radius - 0.08, f"+ {name}", ha="center", va="top", color=ORANGE, **mono)
                label.set_gid(f"param:{name}")
                drawn.append(name)
        ax.set_xlim(xs[0] - 0.5, xs[-1] + 0.6)
        ax.set_ylim(-(span - 1) / 2 * GAP - 1.3, (span - 1) / 2 * GAP + 1.1)
        _finish(ax, title)
        _save(fig, path)
    return drawn


def _circle(centre, radius, face):
    from matplotlib.patches import Circle

    return Circle(centre, radius, facecolor=face, edgecolor="#333333", lw=1.2, zorder=2)
