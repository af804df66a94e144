"""The experiments behind the site's figures and computed pages; each runs once per build, kept in ``cache``.

So a caption and its figure, or two pages quoting the same number, share one
computation. Every number comes from the ``backprop`` package; the settings
are in ``settings.py``.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field

import numpy as np

import backprop as bp
from backprop.sweeps import SeedSweep, sweep_xor
from docs._hooks import cache, settings


@cache.computed
def sweep(learning_rate: float) -> SeedSweep:
    """The guide's 2-2-1 network from every seed of settings.SWEEP_SEEDS, trained on XOR at ``learning_rate``."""
    return sweep_xor(
        settings.SWEEP_SEEDS, learning_rate=learning_rate, epochs=settings.SWEEP_EPOCHS, tolerance=settings.TOLERANCE
    )


@functools.cache
def learned_and_stuck() -> tuple[int, int]:
    """The first seed that learns XOR at the good rate, and the first that does not."""
    s = sweep(settings.GOOD_LEARNING_RATE)
    return int(s.seeds[np.flatnonzero(s.solved)[0]]), int(s.seeds[np.flatnonzero(~s.solved)[0]])


@cache.computed
def trained(seed: int) -> bp.Network:
    """The guide's network with ``seed`` after settings.SWEEP_EPOCHS epochs at the good rate."""
    network = bp.init_network((2, 2, 1), seed=seed)
    X, y = bp.xor()
    bp.train(network, X, y, epochs=settings.SWEEP_EPOCHS, learning_rate=settings.GOOD_LEARNING_RATE)
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
        epochs=settings.SWEEP_EPOCHS,
        learning_rate=np.array(rates),
        gradient=gradient,
        epsilon=settings.GUIDE_EPSILON_CODE,
        method="forward",
    )
    return {rate: history.losses[:, s] for s, rate in enumerate(rates)}


@cache.computed
def loss_curves() -> LossCurves:
    seed = learned_and_stuck()[0]
    return LossCurves(
        seed,
        _train_rates(seed, settings.CURVE_RATES, "backprop"),
        _train_rates(seed, settings.CURVE_RATES, "numerical"),
    )


@dataclass
class EpsilonErrors:
    epsilons: np.ndarray
    forward: np.ndarray
    central: np.ndarray

    def slope(self, method: str) -> float:
        """The log-log slope of the error for epsilon >= settings.SLOPE_FROM (1: error ~ eps, 2: error ~ eps**2)."""
        keep = self.epsilons >= settings.SLOPE_FROM
        return float(np.polyfit(np.log10(self.epsilons[keep]), np.log10(getattr(self, method)[keep]), 1)[0])

    def best(self, method: str) -> tuple[float, float]:
        err = getattr(self, method)
        i = int(np.argmin(err))
        return float(self.epsilons[i]), float(err[i])


def epsilon_error(epsilon: float, method: str) -> float:
    """Relative error ||n - a|| / (||n|| + ||a||) of the nudged gradient on XOR.

    For the guide's network from seed settings.EPSILON_SEED."""
    X, y = bp.xor()
    return bp.gradient_check(
        bp.init_network((2, 2, 1), seed=settings.EPSILON_SEED), X, y, epsilon=float(epsilon), method=method
    ).overall


@cache.computed
def epsilon_errors() -> EpsilonErrors:
    return EpsilonErrors(
        settings.EPSILONS,
        np.array([epsilon_error(e, "forward") for e in settings.EPSILONS]),
        np.array([epsilon_error(e, "central") for e in settings.EPSILONS]),
    )


@dataclass
class GradientCost:
    widths: np.ndarray
    """n of each network [n, n, 1]."""
    parameters: np.ndarray
    numerical_forward: np.ndarray
    backprop_forward: np.ndarray
    backprop_backward: np.ndarray
    numerical_seconds: np.ndarray
    backprop_seconds: np.ndarray
    measured: str
    """When, where and how ``make bench`` took the times (from ``benchmarks/last-run.json``)."""


class NotMeasured(ValueError):
    """The cost figure's times come from ``make bench``; without its measurements the figure cannot be drawn."""


@cache.computed
def gradient_cost() -> GradientCost:
    """Passes counted here, and seconds per gradient as ``make bench`` measured them (``settings.BENCHMARKS``),
    for the [n, n, 1] networks the benchmark times, at the batch ``settings.COST_BATCH``.

    The site does not time anything itself: a time depends on the machine and on what else it is doing, and
    a build should not; the caption says when and where the times were taken.
    """
    try:
        run = json.loads(settings.BENCHMARKS.read_text(encoding="utf-8"))
        timed = run["gradient_cost"]
    except (OSError, ValueError, KeyError) as error:
        raise NotMeasured(f"no gradient-cost measurements in {settings.BENCHMARKS} ({error}): run make bench") from None
    rows: dict[str, list[float]] = {k: [] for k in ("n", "P", "nf", "bf", "bb", "nt", "bt")}
    for n, batch, backprop_seconds, numerical_seconds in zip(
        timed["n"], timed["batch"], timed["backprop_seconds"], timed["numerical_seconds"], strict=True
    ):
        if batch != settings.COST_BATCH:
            continue
        network = bp.init_network((n, n, 1), seed=0)
        rng = np.random.default_rng(n)
        X, y = rng.standard_normal((batch, n)), rng.integers(0, 2, (batch, 1)).astype(np.float64)
        with bp.count_passes() as nudging:
            bp.numerical_gradient(network, X, y)
        with bp.count_passes() as chain:
            bp.backward_prop(network, X, y)
        for key, value in zip(
            rows,
            (
                n,
                network.parameter_count,
                nudging.forward,
                chain.forward,
                chain.backward,
                numerical_seconds,
                backprop_seconds,
            ),
            strict=True,
        ):
            rows[key].append(value)
    if not rows["n"]:
        raise NotMeasured(
            f"{settings.BENCHMARKS} has no gradient-cost row of batch {settings.COST_BATCH}: run make bench"
        )
    measured = f"by make bench on {run['date']}, {run['machine'].split(', load average')[0]}; {timed['how']}."
    widths, parameters, nf, bf, bb, nt, bt = (np.array(rows[k]) for k in rows)
    return GradientCost(widths, parameters, nf, bf, bb, nt, bt, measured)


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

    def z(self, layer: int) -> np.ndarray:
        """The example's weighted inputs of ``layer`` (1 or 2), one row."""
        return _row(self.cache.z[layer])

    def delta(self, layer: int) -> np.ndarray:
        """The example's error signals of ``layer`` (1 or 2), one row."""
        return _row(self.gradients.delta[layer])


def _row(values: np.ndarray | None) -> np.ndarray:
    assert values is not None, "layers 1 and 2 have z and delta (only layer 0, the input, has none)"
    return values[0]


@functools.cache
def worked_example() -> WorkedExample:
    network, X, y = bp.worked_example()
    _, cache = bp.forward_prop(network, X)
    gradients = bp.backward_prop(network, X, y, "mse", cache=cache)
    check = bp.gradient_check(network, X, y, "mse", epsilon=settings.WORKED_EPSILON, method="central")
    after = bp.gradient_descent(network.copy(), gradients, settings.WORKED_LEARNING_RATE)
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
