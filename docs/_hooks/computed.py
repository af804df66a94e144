"""Everything on the site that is computed: the figures and the computed pages.

The site's MkDocs hook imports this module (as ``docs._hooks.computed``, with
the repository root on ``sys.path``) and uses exactly three names:

* ``FIGURES``: a list of ``Figure`` (``filename``, ``chapter`` = the feature-file
  stem or page name it belongs to, ``caption``, ``draw(path)``);
* ``build_figures(out_dir)``: draws them all into ``out_dir``;
* ``computed_pages()``: ``{site path: Markdown}`` for the worked example and
  the errata.

Every number in a caption or on a computed page comes from the ``backprop``
package when the site is built; the only numbers typed here are the settings
below (seeds, learning rates, epsilons), and the pages print those from these
constants too. Experiments run once per process (``functools.cache``), so a
caption and its figure share one computation.
"""

from __future__ import annotations

import functools
import platform
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import backprop as bp
from backprop import plots
from backprop.sweeps import SeedSweep, sweep_xor
from benchmarks import bench_gradient_cost
from docs._hooks import figures
from docs._hooks.formatting import number

ROOT = Path(__file__).resolve().parents[2]
FEATURES = ROOT / "features"

# --- the settings of every experiment on the site ----------------------------

GUIDE_LEARNING_RATE = 0.01
"""The guide's code: ``learning_rate = 0.01``."""
GUIDE_EPSILON_TEXT = 1e-4
"""The guide's text: "increasing or decreasing by 0.0001"."""
GUIDE_EPSILON_CODE = 1e-5
"""The guide's code: ``epsilon = 0.00001``."""
GOOD_LEARNING_RATE = 1.0
"""A learning rate that suits the 2-2-1 sigmoid network with MSE on XOR."""
SWEEP_SEEDS = range(100)
SWEEP_EPOCHS = 10_000
TOLERANCE = 0.1
"""A seed has learned XOR once every output is within this of its target."""
SWEEP_RATES = (GUIDE_LEARNING_RATE, 0.1, GOOD_LEARNING_RATE)
"""Learning rates of the errata's seed sweep (100 seeds each)."""
CURVE_RATES = (GUIDE_LEARNING_RATE, 0.1, GOOD_LEARNING_RATE, 2.0)
"""Learning rates of the loss-curve figure."""
EPSILON_SEED = 0
EPSILONS = np.logspace(-13, -1, 49)
"""The nudges of the epsilon figure: 10^-13 ... 10^-1, four per decade."""
SLOPE_FROM = 1e-3
"""Where truncation error dominates both differences (the fit of the slopes starts here)."""
ERROR_EPSILONS = (1e-2, 1e-3, 1e-4)
"""The nudges of the errata's "error proportional to epsilon" table."""
COST_WIDTHS = (2, 3, 4, 6, 8, 11, 16, 23, 32, 45, 64)
"""Networks [n, n, 1] of the cost figure (n = 2 ... 64, about sqrt(2) apart)."""
COST_BATCH = 4
WORKED_PARAMETERS = {
    "W1[0,0]": 0.75,
    "W1[0,1]": 0.5,
    "W1[1,0]": -0.25,
    "W1[1,1]": 1.5,
    "b1[0]": 0.0,
    "b1[1]": -1.0,
    "W2[0,0]": 1.0,
    "W2[1,0]": -2.0,
    "b2[0]": 0.5,
}
"""The worked example's parameters: those of the chapters Forward propagation and The chain rule
(chosen there so that the hidden weighted sums come out round)."""
WORKED_INPUT = (1.0, 1.0)
WORKED_TARGET = (0.0,)
WORKED_LEARNING_RATE = GOOD_LEARNING_RATE
WORKED_EPSILON = 1e-5

CHAPTERS = {
    "forward": "01-forward-propagation",
    "nudging": "02-nudging-with-epsilon",
    "chain": "03-the-chain-rule",
    "descent": "04-gradient-descent",
    "xor": "05-learning-xor",
    "cost": "06-why-backprop",
}


# --- formatting ----------------------------------------------------------------


def num(x: float, digits: int = 6) -> str:
    """``x`` for LaTeX: ``0.125731``, ``-1.2 \\times 10^{-5}``, ``10^{-5}``."""
    return number(x, digits, "latex")


def plain(x: float, digits: int = 2) -> str:
    """``x`` for text and captions: ``0.25``, ``3.1 × 10⁻⁶``."""
    return number(x, digits, "text")


def chapter(key: str, label: str | None = None) -> str:
    """A Markdown link to a chapter page, or just its name while its feature file does not exist yet."""
    stem = CHAPTERS[key]
    path = FEATURES / f"{stem}.feature"
    title = label or _feature(stem).get("name") or stem.split("-", 1)[1].replace("-", " ").capitalize()
    if path.exists():
        return f"[{title}](chapters/{stem}.md)"
    return f"{title} (chapter to come)"


def shown_in(key: str, *words: str) -> str:
    """The chapter link, plus the name of its first scenario whose name holds all ``words`` (if any)."""
    wanted = [w.lower() for w in words]
    for name in _scenario_names(_feature(CHAPTERS[key])):
        if all(w in name.lower() for w in wanted):
            return f"{chapter(key)}, scenario “{_markdown_text(name)}”"
    return chapter(key)


def _markdown_text(text: str) -> str:
    """``text`` shown literally in Markdown: emphasis, code, link and HTML characters escaped."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


@functools.cache
def _feature(stem: str) -> dict:
    """The parsed feature (gherkin-official, as the suite parses it), or {} if missing or malformed."""
    from speckit.features import parse_feature

    path = FEATURES / f"{stem}.feature"
    document = parse_feature(path).document if path.exists() else None
    return (document or {}).get("feature") or {}


def _scenario_names(node: dict) -> list[str]:
    names = []
    for child in node.get("children", ()):
        if "scenario" in child:
            names.append(child["scenario"]["name"])
        elif "rule" in child:
            names += _scenario_names(child["rule"])
    return names


# --- the experiments (each runs once per process) --------------------------------


@functools.cache
def sweep(learning_rate: float) -> SeedSweep:
    """The guide's 2-2-1 network from every seed of SWEEP_SEEDS, trained on XOR at ``learning_rate``."""
    return sweep_xor(SWEEP_SEEDS, learning_rate=learning_rate, epochs=SWEEP_EPOCHS, tolerance=TOLERANCE)


@functools.cache
def learned_and_stuck() -> tuple[int, int]:
    """The first seed that learns XOR at the good rate, and the first that does not."""
    s = sweep(GOOD_LEARNING_RATE)
    return int(s.seeds[np.flatnonzero(s.solved)[0]]), int(s.seeds[np.flatnonzero(~s.solved)[0]])


@functools.cache
def trained(seed: int) -> bp.Network:
    """The guide's network with ``seed`` after SWEEP_EPOCHS epochs at the good rate."""
    network = bp.init_network((2, 2, 1), seed=seed)
    X, y = bp.xor()
    bp.train(network, X, y, epochs=SWEEP_EPOCHS, learning_rate=GOOD_LEARNING_RATE)
    return network


@dataclass
class LossCurves:
    seed: int
    backprop: dict = field(default_factory=dict)
    numerical: dict = field(default_factory=dict)

    @property
    def largest_gap(self) -> float:
        """max over rates and epochs of |L_backprop - L_nudging| / L_backprop."""
        return max(
            float(np.max(np.abs(self.backprop[r] - self.numerical[r]) / self.backprop[r])) for r in self.backprop
        )


def _train_rates(seed: int, rates, gradient: str) -> dict:
    """Train copies of one network at several learning rates side by side: a stack with one rate per copy.

    Gradients by backprop, or by the guide's forward-difference nudging with its code's epsilon.
    """
    X, y = bp.xor()
    history = bp.train(
        bp.init_stack([seed] * len(rates)),
        X,
        y,
        epochs=SWEEP_EPOCHS,
        learning_rate=np.array(rates),
        gradient=gradient,
        epsilon=GUIDE_EPSILON_CODE,
        method="forward",
    )
    return {rate: history.losses[:, s] for s, rate in enumerate(rates)}


@functools.cache
def loss_curves() -> LossCurves:
    seed = learned_and_stuck()[0]
    return LossCurves(seed, _train_rates(seed, CURVE_RATES, "backprop"), _train_rates(seed, CURVE_RATES, "numerical"))


@dataclass
class EpsilonErrors:
    epsilons: np.ndarray
    forward: np.ndarray
    central: np.ndarray

    def slope(self, method: str) -> float:
        """The log-log slope of the error for epsilon >= SLOPE_FROM (1: error ~ eps, 2: error ~ eps**2)."""
        keep = self.epsilons >= SLOPE_FROM
        return float(np.polyfit(np.log10(self.epsilons[keep]), np.log10(getattr(self, method)[keep]), 1)[0])

    def best(self, method: str) -> tuple[float, float]:
        err = getattr(self, method)
        i = int(np.argmin(err))
        return float(self.epsilons[i]), float(err[i])


def epsilon_error(epsilon: float, method: str) -> float:
    """Relative error ||n - a|| / (||n|| + ||a||) of the nudged gradient on XOR.

    For the guide's network from seed EPSILON_SEED."""
    X, y = bp.xor()
    return bp.gradient_check(
        bp.init_network((2, 2, 1), seed=EPSILON_SEED), X, y, epsilon=float(epsilon), method=method
    ).overall


@functools.cache
def epsilon_errors() -> EpsilonErrors:
    return EpsilonErrors(
        EPSILONS,
        np.array([epsilon_error(e, "forward") for e in EPSILONS]),
        np.array([epsilon_error(e, "central") for e in EPSILONS]),
    )


@dataclass
class GradientCost:
    parameters: np.ndarray
    numerical_forward: np.ndarray
    backprop_forward: np.ndarray
    backprop_backward: np.ndarray
    numerical_seconds: np.ndarray
    backprop_seconds: np.ndarray


TIMING_REPEATS = 15
"""Each time on the cost figure is the median of this many side-by-side repeats (``make bench``'s harness)."""


@functools.cache
def gradient_cost() -> GradientCost:
    """Counted passes and measured seconds per gradient for [n, n, 1] networks."""
    rows: dict[str, list[float]] = {k: [] for k in ("P", "nf", "bf", "bb", "nt", "bt")}
    for n in COST_WIDTHS:
        network = bp.init_network((n, n, 1), seed=0)
        rng = np.random.default_rng(n)
        X, y = rng.standard_normal((COST_BATCH, n)), rng.integers(0, 2, (COST_BATCH, 1)).astype(np.float64)
        with bp.count_passes() as nudging:
            bp.numerical_gradient(network, X, y)
        with bp.count_passes() as chain:
            bp.backward_prop(network, X, y)
        rows["P"].append(network.parameter_count)
        rows["nf"].append(nudging.forward)
        rows["bf"].append(chain.forward)
        rows["bb"].append(chain.backward)
        _, backprop_seconds, numerical_seconds = bench_gradient_cost.measure(network, X, y, repeats=TIMING_REPEATS)
        rows["nt"].append(numerical_seconds)
        rows["bt"].append(backprop_seconds)
    return GradientCost(*(np.array(rows[k]) for k in ("P", "nf", "bf", "bb", "nt", "bt")))


@dataclass
class WorkedExample:
    network: bp.Network
    X: np.ndarray
    y: np.ndarray
    cache: bp.Cache
    loss: float
    gradients: bp.Gradients
    check: bp.GradientCheck
    loss_after: float


@functools.cache
def worked_example() -> WorkedExample:
    network = bp.init_network((2, 2, 1), init="zeros")
    for name, value in WORKED_PARAMETERS.items():
        network[name] = value
    X, y = np.array([WORKED_INPUT]), np.array([WORKED_TARGET])
    _, cache = bp.forward_prop(network, X)
    gradients = bp.backward_prop(network, X, y, "mse", cache=cache)
    check = bp.gradient_check(network, X, y, "mse", epsilon=WORKED_EPSILON, method="central")
    after = bp.gradient_descent(network.copy(), gradients, WORKED_LEARNING_RATE)
    return WorkedExample(
        network,
        X,
        y,
        cache,
        float(bp.compute_loss(network, X, y)),
        gradients,
        check,
        float(bp.compute_loss(after, X, y)),
    )


# --- the figures -------------------------------------------------------------------


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


def computed_pages() -> dict[str, str]:
    """``{site path: Markdown}`` of the pages computed at build time."""
    from docs._hooks import page_errata, page_worked_example

    this = sys.modules[__name__]
    return {"worked-example.md": page_worked_example.render(this), "errata.md": page_errata.render(this)}
