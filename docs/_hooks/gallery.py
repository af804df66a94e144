"""Every figure of the site: its file, the page it belongs to, its caption (with computed numbers) and how to draw it.

A chapter places a figure with a line ``Figure: <file>`` in its prose; a
figure of a static page (the notation) is placed the same way in that page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import backprop as bp
from backprop import plots
from docs._hooks import figures, graph_figure, markup, settings
from docs._hooks.experiments import (
    epsilon_error,
    epsilon_errors,
    gradient_cost,
    learned_and_stuck,
    loss_curves,
    sweep,
    trained,
)
from docs._hooks.formatting import plain


def caption(name: str, **context: object) -> str:
    """The caption ``templates/captions/<name>.txt.j2`` as one line of plain text (shown escaped: no markup)."""
    return " ".join(markup.render(f"captions/{name}.txt.j2", settings=settings, plain=plain, **context).split())


@dataclass
class Figure:
    """One figure: its file, the chapter (feature stem or page name) it belongs to, caption and drawing."""

    filename: str
    chapter: str
    alt: str
    _caption: Callable[[], str] = field(repr=False)
    _draw: Callable[[Path], object] = field(repr=False)
    wide: bool = False
    """Drawn wider than a phone's column: it scrolls sideways there instead of shrinking its text."""

    @property
    def caption(self) -> str:
        """Plain text with computed numbers (it may be shown escaped, so no Markdown markup)."""
        return self._caption()

    def draw(self, path: Path) -> None:
        self._draw(Path(path))


def _rate(r: float) -> str:
    return f"{r:g}"


def _loss_curves_caption() -> str:
    return caption("xor-loss-curves", c=loss_curves(), rates=settings.CURVE_RATES)


def _draw_loss_curves(path: Path) -> None:
    c = loss_curves()
    figures.plot_loss_comparison(
        {f"η = {_rate(r)}": c.backprop[r] for r in settings.CURVE_RATES},
        {f"η = {_rate(r)}": c.numerical[r] for r in settings.CURVE_RATES},
        path,
        numerical_label="nudging",
        zoom=[f"η = {_rate(r)}" for r in settings.CURVE_RATES[:2]],
        title=f"Learning XOR, seed {c.seed}: backprop and nudging give the same curves",
    )


def _boundary_caption() -> str:
    learned, stuck = learned_and_stuck()
    s = sweep(settings.GOOD_LEARNING_RATE)
    X, y = bp.xor()
    outputs = {seed: [plain(v, 2) for v in bp.forward_prop(trained(seed), X)[0][:, 0]] for seed in (learned, stuck)}
    return caption(
        "xor-decision-boundaries",
        learned=learned,
        stuck=stuck,
        s=s,
        learned_epoch=int(s.solved_epoch[learned]),
        outputs=outputs,
        stuck_loss=float(bp.compute_loss(trained(stuck), X, y)),
        boundary=plots.BOUNDARY,
    )


def _draw_boundaries(path: Path) -> None:
    learned, stuck = learned_and_stuck()
    X, y = bp.xor()
    figures.plot_decision_boundaries(
        [(trained(learned), f"seed {learned}: learned XOR"), (trained(stuck), f"seed {stuck}: stuck")], X, y, path
    )


def _epsilon_caption() -> str:
    e = epsilon_errors()
    return caption(
        "epsilon-error",
        e=e,
        best={"forward": e.best("forward"), "central": e.best("central")},
        at=lambda eps, method: plain(epsilon_error(eps, method), 2),
    )


def _draw_epsilon(path: Path) -> None:
    e = epsilon_errors()
    figures.plot_epsilon_errors(
        e.epsilons,
        {"forward difference (the guide's nudge)": e.forward, "central difference": e.central},
        {
            f"guide's text\nε = {plain(settings.GUIDE_EPSILON_TEXT)}": settings.GUIDE_EPSILON_TEXT,
            f"guide's code\nε = {plain(settings.GUIDE_EPSILON_CODE)}": settings.GUIDE_EPSILON_CODE,
        },
        path,
        title="How far nudging is from the true gradient",
    )


def _cost_caption() -> str:
    c = gradient_cost()
    return caption("gradient-cost", c=c, k=len(c.parameters) - 1)


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
        machine_note="measured by make bench",
    )


def _graph_caption() -> str:
    _, X, y = bp.worked_example()
    return caption("computational-graph", x=X[0], y=float(y[0, 0]), digits=graph_figure.DIGITS)


def _diagram_caption() -> str:
    network = bp.init_network((2, 2, 1))
    names = network.element_names()
    weights, biases = [n for n in names if n.startswith("W")], [n for n in names if n.startswith("b")]
    return caption("network-2-2-1", network=network, weights=weights, biases=biases)


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
        "computational-graph.svg",
        settings.CHAPTERS["chain"],
        "Computational graph of the worked example with every value and every gradient",
        _graph_caption,
        graph_figure.draw,
        wide=True,
    ),
    Figure(
        "epsilon-error.svg",
        settings.CHAPTERS["nudging"],
        "Relative error of nudging against epsilon, log-log",
        _epsilon_caption,
        _draw_epsilon,
    ),
    Figure(
        "xor-loss-curves.svg",
        settings.CHAPTERS["xor"],
        "XOR loss curves by backprop and by nudging at several learning rates",
        _loss_curves_caption,
        _draw_loss_curves,
    ),
    Figure(
        "xor-decision-boundaries.svg",
        settings.CHAPTERS["xor"],
        "Decision boundaries of a seed that learns XOR and one that is stuck",
        _boundary_caption,
        _draw_boundaries,
    ),
    Figure(
        "gradient-cost.svg",
        settings.CHAPTERS["cost"],
        "Passes and time per gradient against the number of parameters",
        _cost_caption,
        _draw_cost,
    ),
]
