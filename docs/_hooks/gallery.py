"""Every figure of the site: its file, the page it belongs to, its caption (with computed numbers) and how to draw it.

A chapter places a figure with a line ``Figure: <file>`` in its prose; a
figure of a static page (the notation) is placed the same way in that page.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import backprop as bp
from backprop import plots
from docs._hooks import figures
from docs._hooks.experiments import (
    TIMING_REPEATS,
    epsilon_error,
    epsilon_errors,
    gradient_cost,
    learned_and_stuck,
    loss_curves,
    sweep,
    trained,
)
from docs._hooks.formatting import number
from docs._hooks.settings import (
    CHAPTERS,
    COST_BATCH,
    COST_WIDTHS,
    CURVE_RATES,
    EPSILON_SEED,
    EPSILONS,
    GOOD_LEARNING_RATE,
    GUIDE_EPSILON_CODE,
    GUIDE_EPSILON_TEXT,
    SLOPE_FROM,
    SWEEP_EPOCHS,
    SWEEP_SEEDS,
    TOLERANCE,
)


def plain(x: float, digits: int = 2) -> str:
    return number(x, digits, "text")


@dataclass
class Figure:
    """One figure: its file, the chapter (feature stem or page name) it belongs to, caption and drawing."""

    filename: str
    chapter: str
    alt: str
    _caption: Callable[[], str] = field(repr=False)
    _draw: Callable[[Path], object] = field(repr=False)

    @property
    def caption(self) -> str:
        """Plain text with computed numbers (it may be shown escaped, so no Markdown markup)."""
        return self._caption()

    def draw(self, path: Path) -> None:
        self._draw(Path(path))


def _rate(r: float) -> str:
    return f"{r:g}"


def _loss_curves_caption() -> str:
    c = loss_curves()
    finals = ", ".join(f"{plain(c.backprop[r][-1], 2)} at {_rate(r)}" for r in CURVE_RATES)
    return (
        f"XOR loss (mean squared error) of the guide's 2-2-1 network, seed {c.seed}, over {SWEEP_EPOCHS:,} epochs "
        f"at learning rates {', '.join(_rate(r) for r in CURVE_RATES)}. Lines: gradients by backprop; circles: the "
        f"guide's nudging (forward difference, ε = {plain(GUIDE_EPSILON_CODE)}) from the same start. "
        "The two never differ "
        f"by more than {plain(c.largest_gap * 100, 2)}% of the loss. Final losses: {finals}. "
        f"At {_rate(CURVE_RATES[0])} and {_rate(CURVE_RATES[1])} the curves lie on top of each other on the log "
        f"scale (the right panel zooms in on them): in "
        f"{SWEEP_EPOCHS:,} epochs the loss only went from {plain(c.backprop[CURVE_RATES[0]][0], 4)} to "
        f"{plain(c.backprop[CURVE_RATES[0]][-1], 4)} and {plain(c.backprop[CURVE_RATES[1]][-1], 4)}."
    )


def _draw_loss_curves(path: Path) -> None:
    c = loss_curves()
    figures.plot_loss_comparison(
        {f"η = {_rate(r)}": c.backprop[r] for r in CURVE_RATES},
        {f"η = {_rate(r)}": c.numerical[r] for r in CURVE_RATES},
        path,
        numerical_label="nudging",
        zoom=[f"η = {_rate(r)}" for r in CURVE_RATES[:2]],
        title=f"Learning XOR, seed {c.seed}: backprop and nudging give the same curves",
    )


def _boundary_caption() -> str:
    learned, stuck = learned_and_stuck()
    s = sweep(GOOD_LEARNING_RATE)
    X, y = bp.xor()
    out = {seed: bp.forward_prop(trained(seed), X)[0][:, 0] for seed in (learned, stuck)}
    fmt = lambda o: ", ".join(f"{v:.2f}" for v in o)  # noqa: E731
    return (
        f"What the guide's 2-2-1 network computes over the input plane after {SWEEP_EPOCHS:,} epochs at learning rate "
        f"{_rate(GOOD_LEARNING_RATE)} (mean squared error). Left: seed {learned}, the first of seeds "
        f"{SWEEP_SEEDS.start}–{SWEEP_SEEDS.stop - 1} to learn XOR (every output within {TOLERANCE:g} of its "
        f"target, from epoch {int(s.solved_epoch[learned]):,}); outputs on the four rows {fmt(out[learned])}. "
        f"Right: seed {stuck}, the first that does not; outputs {fmt(out[stuck])}, "
        f"loss {plain(float(bp.compute_loss(trained(stuck), X, y)), 3)}. Squares: "
        f"target 1; circles: target 0; the black line is where the output is {plots.BOUNDARY:g}. "
        f"{s.solved_count} of {len(s.seeds)} seeds learn XOR in these {SWEEP_EPOCHS:,} epochs."
    )


def _draw_boundaries(path: Path) -> None:
    learned, stuck = learned_and_stuck()
    X, y = bp.xor()
    figures.plot_decision_boundaries(
        [(trained(learned), f"seed {learned}: learned XOR"), (trained(stuck), f"seed {stuck}: stuck")], X, y, path
    )


def _epsilon_caption() -> str:
    e = epsilon_errors()
    (bf, ef), (bc, ec) = e.best("forward"), e.best("central")
    at = lambda eps, m: plain(epsilon_error(eps, m), 2)  # noqa: E731
    return (
        f"Relative error of the nudged gradient against backprop for the guide's 2-2-1 network (seed {EPSILON_SEED}, "
        f"all four XOR rows), for ε from {plain(EPSILONS[0])} to {plain(EPSILONS[-1])}. The guide's text nudges by "
        f"ε = {plain(GUIDE_EPSILON_TEXT)} (forward difference: error {at(GUIDE_EPSILON_TEXT, 'forward')}), its code by "
        f"ε = {plain(GUIDE_EPSILON_CODE)} (error {at(GUIDE_EPSILON_CODE, 'forward')}); "
        "the central difference at the same "
        f"two nudges: {at(GUIDE_EPSILON_TEXT, 'central')} and {at(GUIDE_EPSILON_CODE, 'central')}. Right of the "
        f"minimum the error is truncation error, proportional to ε for the forward difference and to ε² for the "
        f"central one (fitted slopes for ε ≥ {plain(SLOPE_FROM)}: {e.slope('forward'):.2f} and "
        f"{e.slope('central'):.2f}); left of it, round-off grows as ε shrinks. Best on this grid: "
        f"forward {plain(ef)} at ε ≈ {plain(bf, 1)}, central {plain(ec)} at "
        f"ε ≈ {plain(bc, 1)}."
    )


def _draw_epsilon(path: Path) -> None:
    e = epsilon_errors()
    figures.plot_epsilon_errors(
        e.epsilons,
        {"forward difference (the guide's nudge)": e.forward, "central difference": e.central},
        {
            f"guide's text\nε = {plain(GUIDE_EPSILON_TEXT)}": GUIDE_EPSILON_TEXT,
            f"guide's code\nε = {plain(GUIDE_EPSILON_CODE)}": GUIDE_EPSILON_CODE,
        },
        path,
        title="How far nudging is from the true gradient",
    )


def _cost_caption() -> str:
    c = gradient_cost()
    k = len(c.parameters) - 1
    ratio = c.numerical_seconds[k] / c.backprop_seconds[k]
    return (
        f"Cost of one gradient for networks [n, n, 1], n = {COST_WIDTHS[0]} … {COST_WIDTHS[-1]} "
        f"(P = {c.parameters[0]} … {c.parameters[k]} parameters), batch of {COST_BATCH} random samples. Left: passes "
        f"counted by backprop.count_passes: nudging runs P + 1 forward passes (at P = {c.parameters[k]}: "
        f"{c.numerical_forward[k]}); backprop runs {c.backprop_forward[k]} forward and {c.backprop_backward[k]} "
        f"backward pass whatever P. Right: time measured on the build machine ({platform.machine()}, "
        f"Python {platform.python_version()}, numpy {np.__version__}), medians of {TIMING_REPEATS} repeats: "
        f"at P = {c.parameters[k]} nudging "
        f"took {plain(c.numerical_seconds[k] * 1e3, 3)} ms, backprop {plain(c.backprop_seconds[k] * 1e3, 2)} ms, "
        f"{ratio:,.0f} times less. These times change from build to build; the counts do not."
    )


def _draw_cost(path: Path) -> None:
    c = gradient_cost()
    figures.plot_gradient_cost(
        c.parameters,
        {
            "nudging: forward passes (P + 1)": c.numerical_forward,
            "backprop: forward + backward passes": c.backprop_forward + c.backprop_backward,
        },
        {"nudging (forward difference)": c.numerical_seconds, "backprop": c.backprop_seconds},
        path,
        machine_note="measured on the build machine",
    )


def _diagram_caption() -> str:
    network = bp.init_network((2, 2, 1))
    names = network.element_names()
    weights = [n for n in names if n.startswith("W")]
    return (
        f"The guide's 2-2-1 network, drawn from the package's Network when the site is built. Its "
        f"{network.parameter_count} parameters are labelled with the names the scenarios use: the {len(weights)} "
        f"weights {', '.join(weights)} on their edges (W1[i,j] goes from input i to hidden unit j) and the "
        f"{len(names) - len(weights)} biases {', '.join(n for n in names if n.startswith('b'))} at their units. "
        f"σ is the sigmoid; a1[j] is the output of hidden unit j and a2[0] = ŷ the network's output."
    )


def _draw_diagram(path: Path) -> None:
    figures.plot_network_diagram(bp.init_network((2, 2, 1)), path)


FIGURES: list[Figure] = [
    Figure(
        "network-2-2-1.svg",
        "notation",
        "Diagram of the 2-2-1 network with every weight and bias labelled",
        _diagram_caption,
        _draw_diagram,
    ),
    Figure(
        "epsilon-error.svg",
        CHAPTERS["nudging"],
        "Relative error of nudging against epsilon, log-log",
        _epsilon_caption,
        _draw_epsilon,
    ),
    Figure(
        "xor-loss-curves.svg",
        CHAPTERS["xor"],
        "XOR loss curves by backprop and by nudging at several learning rates",
        _loss_curves_caption,
        _draw_loss_curves,
    ),
    Figure(
        "xor-decision-boundaries.svg",
        CHAPTERS["xor"],
        "Decision boundaries of a seed that learns XOR and one that is stuck",
        _boundary_caption,
        _draw_boundaries,
    ),
    Figure(
        "gradient-cost.svg",
        CHAPTERS["cost"],
        "Passes and time per gradient against the number of parameters",
        _cost_caption,
        _draw_cost,
    ),
]


def build_figures(out_dir: Path) -> list[Path]:
    """Draw every figure into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for figure in FIGURES:
        figure.draw(out_dir / figure.filename)
        paths.append(out_dir / figure.filename)
    return paths
