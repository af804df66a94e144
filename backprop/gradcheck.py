"""The gradient check: does backprop agree with nudging?

Two measures of the difference between the chain-rule gradient (``analytic``)
and the nudged one (``numeric``), over all P parameters:

* overall relative error ``||analytic - numeric|| / (||analytic|| + ||numeric||)``
  (Euclidean norms), and
* worst per-parameter relative error
  ``max_i |analytic_i - numeric_i| / max(|analytic_i| + |numeric_i|, tiny)``.

Both are 0 for perfect agreement and at most 1. With float64 and central
differences, a correct backprop gives about 1e-10 overall; a bug gives 1e-2 or more.
A check never reports agreement for gradients that are not finite: both are
computed under ``finite_arithmetic``, so an overflow that would make one inf or
NaN raises a NotFiniteError instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from backprop.chain_rule import backward
from backprop.errors import Array, choice, positive_number
from backprop.forward import forward
from backprop.losses import Loss
from backprop.network import Network
from backprop.numerical import METHODS, estimate_gradient
from backprop.validation import checked_batch, finite_arithmetic

TINY = np.finfo(np.float64).tiny


class GradientCheck(NamedTuple):
    overall: float
    """||analytic - numeric|| / (||analytic|| + ||numeric||)."""
    worst: float
    """max over parameters of |analytic - numeric| / max(|analytic| + |numeric|, tiny)."""
    worst_parameter: str
    """The name (like ``W1[0,1]``) of the parameter with the worst error."""
    names: list[str]
    analytic: Array
    """The chain-rule gradient, flattened in ``names`` order."""
    numeric: Array
    """The nudged gradient, flattened in ``names`` order."""

    def per_parameter(self) -> Array:
        return per_parameter_error(self.analytic, self.numeric)


def per_parameter_error(analytic: Array, numeric: Array) -> Array:
    """|analytic - numeric| / max(|analytic| + |numeric|, tiny), entry by entry."""
    error: Array = np.abs(analytic - numeric) / np.maximum(np.abs(analytic) + np.abs(numeric), TINY)
    return error


def relative_error(analytic: Array, numeric: Array) -> float:
    """||analytic - numeric|| / (||analytic|| + ||numeric||), and 0 when both are zero."""
    denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return float(np.linalg.norm(analytic - numeric) / denominator) if denominator > 0 else 0.0


def _one_network(function: str, network: Network) -> None:
    if network.stack_size is not None:
        raise ValueError(f"{function} takes one network, not a stack; check each network of the stack separately")


def _analytic(network: Network, X: Array, y: Array, loss: Loss) -> Array:
    return backward(network, forward(network, X), y, loss).flat()


def gradient_check(
    network: Network, X: object, y: object, loss: str = "mse", *, epsilon: float = 1e-5, method: str = "central"
) -> GradientCheck:
    """Compare ``backward_prop`` with ``numerical_gradient`` on one network.

    Returns a GradientCheck with both error measures, the worst parameter's
    name, and the two flattened gradients (in ``Network.element_names()`` order).

    Raises:
        NotFiniteError: when either gradient is not finite (float64 overflowed).
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    _one_network("gradient_check", net)
    epsilon = positive_number("epsilon", epsilon)
    method = choice("method", method, METHODS)
    with finite_arithmetic("gradient_check", net, X):
        analytic = _analytic(net, X, y, loss_fn)
        numeric = estimate_gradient(net.copy(), X, y, loss_fn, epsilon, method).flat()  # nudges its copy
        per = per_parameter_error(analytic, numeric)
    names = net.element_names()
    worst = int(np.argmax(per))
    return GradientCheck(relative_error(analytic, numeric), float(per[worst]), names[worst], names, analytic, numeric)


EPSILON_DECADES = tuple(10.0**-k for k in range(1, 13))
"""epsilon = 1e-1, 1e-2, ..., 1e-12: one per decade."""


class EpsilonSweep(NamedTuple):
    """The overall relative error of a numerical gradient at each of several epsilons.

    Truncation error shrinks like ``eps**order`` (order 1 for the forward
    difference, 2 for the central one); round-off grows like ``1 / eps``. The
    sweep shows both, and where they cross: the best epsilon.
    """

    method: str
    epsilons: Array
    """The epsilons tried, shape (K,)."""
    errors: Array
    """``||analytic - numeric|| / (||analytic|| + ||numeric||)`` at each epsilon, shape (K,)."""

    @property
    def best_epsilon(self) -> float:
        """The epsilon with the smallest error."""
        return float(self.epsilons[np.argmin(self.errors)])

    def error_at(self, epsilon: float) -> float:
        """The error measured at ``epsilon`` (which must be one of the sweep's)."""
        matches = np.flatnonzero(np.isclose(self.epsilons, epsilon, rtol=1e-9, atol=0.0))
        if matches.size == 0:
            raise ValueError(f"epsilon {epsilon!r} is not in the sweep; it tried {list(self.epsilons)}")
        return float(self.errors[matches[0]])

    def order(self, start: float, stop: float) -> float:
        """The observed order of accuracy between two epsilons of the sweep.

        The slope of log(error) against log(epsilon):
        ``log(e(start) / e(stop)) / log(start / stop)``. About 1 for the forward
        difference and 2 for the central one while truncation dominates, about
        -1 once round-off does (a tenfold smaller epsilon, a tenfold larger error).
        """
        return float(np.log(self.error_at(start) / self.error_at(stop)) / np.log(start / stop))


def epsilon_sweep(
    network: Network,
    X: object,
    y: object,
    loss: str = "mse",
    *,
    epsilons: Iterable[float] = EPSILON_DECADES,
    method: str = "central",
) -> EpsilonSweep:
    """The gradient check repeated for each epsilon (backprop is computed once).

    Returns an EpsilonSweep of the overall relative errors against
    ``backward_prop``. Costs one forward and one backward pass plus, per
    epsilon, the numerical gradient's P + 1 (forward) or 2 P (central) passes.
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    _one_network("epsilon_sweep", net)
    method = choice("method", method, METHODS)
    if isinstance(epsilons, (str, bytes)) or not isinstance(epsilons, Iterable):
        raise TypeError(f"epsilons must be a list of positive numbers, like [1e-1, 1e-2], but got {epsilons!r}")
    tried = np.array([positive_number("epsilon", e) for e in epsilons])
    if tried.size == 0:
        raise ValueError("epsilons must hold at least one epsilon, like [1e-1, 1e-2], but got none")
    with finite_arithmetic("epsilon_sweep", net, X):
        analytic = _analytic(net, X, y, loss_fn)
        nudged = net.copy()  # nudging changes parameters (and restores them): never the caller's, maybe read-only
        errors = [relative_error(analytic, estimate_gradient(nudged, X, y, loss_fn, e, method).flat()) for e in tried]
    return EpsilonSweep(method, tried, np.array(errors))
