"""The site's own figures: drawn when the site is built, from numbers the package computes.

The command line's two figures (a loss curve, a decision boundary) live in
``backprop.plots``; the figures below serve only the site, so they live with
its code. They use ``backprop.plots``'s style, file writing and panels, so
every figure looks the same and is byte-reproducible.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from backprop import Network
from backprop.plots import (
    BLUE,
    BOUNDARY,
    GREEN,
    GREY,
    ORANGE,
    PURPLE,
    colour_cycle,
    decision_boundary_axes,
    figure,
    loss_axes,
    save,
)
from backprop.validation import check_network
from docs._hooks.formatting import number

SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu", "identity": "id", "softmax": "soft\nmax"}
"""What the diagram writes inside a unit for its activation."""


def plot_decision_boundaries(panels, X, y, path) -> Path:
    """Several decision-boundary panels side by side: ``panels`` is a list of (network, title)."""
    with figure(4.2 * len(panels) + 0.8, 4.0, ncols=len(panels), squeeze=False) as (fig, axes):
        for ax, (network, title) in zip(axes[0], panels, strict=True):
            image = decision_boundary_axes(ax, network, X, y, title=title)
        fig.colorbar(
            image,
            ax=list(axes[0]),
            label=f"network output ŷ ({BOUNDARY:g} contour in black)",
            ticks=[0, 0.25, 0.5, 0.75, 1],
            shrink=0.9,
        )
        return save(fig, path)


def plot_loss_comparison(
    backprop: dict,
    numerical: dict,
    path,
    *,
    title: str | None = None,
    numerical_label: str = "nudging",
    marker_every: int = 500,
    zoom=(),
) -> Path:
    """Loss curves from the chain rule (lines) and from nudging (markers) at the same settings.

    ``backprop`` and ``numerical`` map the same labels (e.g. learning rates) to
    loss histories; each label gets one colour, so a marker on its line shows
    the two gradients give the same training. The labels in ``zoom`` get a
    second panel on a linear scale fitted to them (slow curves that hide under
    each other on the log scale).
    """
    colours = dict(zip(backprop, colour_cycle(len(backprop)), strict=True))

    def draw(ax, labels, legend):
        for label in labels:
            losses = np.asarray(backprop[label])
            ax.plot(np.arange(len(losses)), losses, color=colours[label], lw=1.8, label=f"{label}: backprop")
            if label in numerical:
                other = np.asarray(numerical[label])
                every = np.arange(0, len(other), marker_every)
                ax.plot(
                    every,
                    other[every],
                    ls="none",
                    marker="o",
                    ms=5,
                    mfc="none",
                    mec=colours[label],
                    mew=1.2,
                    label=f"{label}: {numerical_label}",
                )
        if legend:
            ax.legend(fontsize=8.5, ncols=2, loc="center right")

    zoom = [label for label in zoom if label in backprop]
    if not zoom:
        with figure(6.8, 4.2) as (fig, ax):
            draw(ax, backprop, True)
            loss_axes(ax, True)
            ax.set_title(title or "")
            return save(fig, path)
    with figure(10.4, 4.2, ncols=2, width_ratios=[1.6, 1]) as (fig, (ax, detail)):
        draw(ax, backprop, True)
        loss_axes(ax, True)
        ax.set_title("all rates (log scale)")
        draw(detail, zoom, False)
        loss_axes(detail, False)
        detail.set_title(f"zoom: {', '.join(zoom)} (linear scale)")
        detail.legend(fontsize=8.5, loc="upper right")
        if title:
            fig.suptitle(title)
        return save(fig, path)


def plot_epsilon_errors(epsilons, errors: dict, marks: dict, path, *, title: str | None = None) -> Path:
    """Relative error of the nudged gradient against epsilon, log-log.

    Args:
        epsilons: the nudges, shape (E,).
        errors: ``{method label: relative errors, shape (E,)}``.
        marks: ``{label: epsilon}`` drawn as vertical lines (e.g. the guide's two epsilons).
    """
    epsilons = np.asarray(epsilons, dtype=np.float64)
    with figure(6.4, 4.2) as (fig, ax):
        for (label, err), colour, offset in zip(
            errors.items(), colour_cycle(len(errors)), ((0, 45), (10, -4)), strict=True
        ):
            err = np.asarray(err, dtype=np.float64)
            ax.loglog(epsilons, err, marker=".", color=colour, label=label)
            best = int(np.argmin(err))
            # The minimum sits in the crook of a V: above it (or beside it) is empty.
            ax.annotate(
                f"best ε ≈ {number(epsilons[best], 1)}",
                (epsilons[best], err[best]),
                xytext=offset,
                textcoords="offset points",
                ha="center" if offset[0] == 0 else "left",
                va="bottom" if offset[0] == 0 else "center",
                fontsize=8.5,
                color=colour,
                arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.8, "shrinkB": 3},
            )
        for k, ((label, eps), colour) in enumerate(
            zip(sorted(marks.items(), key=lambda m: m[1]), (PURPLE, GREY, GREEN), strict=False)  # up to three marks
        ):
            ax.axvline(eps, color=colour, ls="--", lw=1)
            # The smallest marked epsilon is labelled to its left, the others to their right.
            ax.annotate(
                label,
                (eps, 0.98),
                xycoords=("data", "axes fraction"),
                xytext=(-5 if k == 0 else 5, 0),
                textcoords="offset points",
                ha="right" if k == 0 else "left",
                va="top",
                fontsize=8.5,
                color=colour,
            )
        ax.set_xlabel("epsilon ε (the nudge)")
        ax.set_ylabel("relative error against backprop")
        ax.legend(loc="lower left")
        ax.set_title(title or "")
        return save(fig, path)


def plot_gradient_cost(parameters, counted: dict, measured: dict, path, *, machine_note: str) -> Path:
    """Two panels against the parameter count P: counted passes, and measured seconds.

    Args:
        parameters: P for each network, shape (K,).
        counted: ``{label: passes per gradient, shape (K,)}``.
        measured: ``{label: seconds per gradient, shape (K,)}``.
        machine_note: the title of the measured panel (say where it was measured).
    """
    P = np.asarray(parameters, dtype=np.float64)
    with figure(9.6, 4.0, ncols=2) as (fig, (left, right)):
        for (label, passes), colour, marker in zip(counted.items(), (ORANGE, BLUE), ("o", "s"), strict=True):
            left.loglog(P, passes, marker=marker, color=colour, label=label)
        left.set_title("counted passes per gradient")
        left.set_ylabel("passes through the network")
        for (label, seconds), colour, marker in zip(measured.items(), (ORANGE, BLUE), ("o", "s"), strict=True):
            right.loglog(P, np.asarray(seconds) * 1e3, marker=marker, color=colour, label=label)
        right.set_title(machine_note)
        right.set_ylabel("milliseconds per gradient")
        for ax in (left, right):
            ax.set_xlabel("parameters P")
            ax.legend(loc="upper left", fontsize=8.5)
        return save(fig, path)


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
    xs = [2.6 * layer for layer in range(len(sizes))]

    def ys(n):
        return [((n - 1) / 2 - k) * GAP for k in range(n)]

    GAP = 1.45  # vertical distance between units: room for a unit's name above and its bias below
    mono = {"family": "DejaVu Sans Mono", "fontsize": 9.5}
    span = max(sizes)
    with figure(2.2 * len(sizes) + 0.4, 1.6 * span + 1.8) as (fig, ax):
        ax.set_axis_off()
        ax.set_aspect("equal")
        radius = 0.3
        for layer, n in enumerate(sizes):
            for k, yk in enumerate(ys(n)):
                face = "#eeeeee" if layer == 0 else "#dbe9f6"
                ax.add_patch(_circle((xs[layer], yk), radius, face))
                if layer == 0:
                    ax.text(xs[layer], yk, f"x[{k}]", ha="center", va="center", fontsize=10)
                    continue
                act = network.activations[layer - 1]
                ax.text(xs[layer], yk, SYMBOLS.get(act, act), ha="center", va="center", fontsize=12)
                unit = f"a{layer}[{k}]" + (" = ŷ" if layer == len(sizes) - 1 and n == 1 else "")
                ax.text(xs[layer], yk + radius + 0.06, unit, ha="center", va="bottom", color=GREY, **mono)
            header = (
                "input layer 0"
                if layer == 0
                else ("output" if layer == len(sizes) - 1 else "hidden") + f" layer {layer}"
            )
            ax.text(
                xs[layer], (span - 1) / 2 * GAP + 0.75, header, ha="center", va="bottom", fontsize=10, weight="bold"
            )
            if layer > 0:
                W = network.weights[layer - 1]
                ax.text(
                    (xs[layer - 1] + xs[layer]) / 2,
                    -(span - 1) / 2 * GAP - 0.9,
                    f"W{layer}: shape {W.shape}, b{layer}: shape {network.biases[layer - 1].shape}",
                    ha="center",
                    va="top",
                    fontsize=8.5,
                    color=GREY,
                )
        for layer in range(1, len(sizes)):
            n_in, n_out = sizes[layer - 1], sizes[layer]
            # element_names() order: W{layer} row-major (i = input, j = output), then b{layer}.
            for yi in ys(n_in):
                for yj in ys(n_out):
                    name = next(names)
                    start = np.array([xs[layer - 1] + radius, yi])
                    end = np.array([xs[layer] - radius, yj])
                    ax.annotate(
                        "",
                        end,
                        start,
                        arrowprops={"arrowstyle": "-|>", "color": GREY, "lw": 1, "shrinkA": 0, "shrinkB": 0},
                    )
                    # Labels sit near the source end, where crossing edges are still apart.
                    t = 0.3 if n_in > 1 and n_out > 1 else 0.45
                    px, py = start + t * (end - start)
                    label = ax.text(
                        px,
                        py,
                        name,
                        ha="center",
                        va="center",
                        color=BLUE,
                        **mono,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
                    )
                    label.set_gid(f"param:{name}")
                    drawn.append(name)
            for yj in ys(n_out):
                name = next(names)
                label = ax.text(xs[layer], yj - radius - 0.08, f"+ {name}", ha="center", va="top", color=ORANGE, **mono)
                label.set_gid(f"param:{name}")
                drawn.append(name)
        ax.set_xlim(xs[0] - 0.5, xs[-1] + 0.6)
        ax.set_ylim(-(span - 1) / 2 * GAP - 1.3, (span - 1) / 2 * GAP + 1.1)
        ax.set_title(title or "")
        save(fig, path)
    return drawn


def _circle(centre, radius, face):
    from matplotlib.patches import Circle

    return Circle(centre, radius, facecolor=face, edgecolor="#333333", lw=1.2, zorder=2)
