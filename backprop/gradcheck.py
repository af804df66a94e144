"""The gradient check: does backprop agree with nudging?

Two measures of the difference between the chain-rule gradient ``a`` and the
numerical one ``n`` (over all P parameters):

* overall relative error ``||a - n|| / (||a|| + ||n||)`` (Euclidean norms), and
* worst per-parameter relative error ``max_i |a_i - n_i| / max(|a_i| + |n_i|, tiny)``.

Both are 0 for perfect agreement and at most 1. With float64 and central
differences, a correct backprop gives about 1e-10 overall; a bug gives 1e-2 or more.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from backprop.chain_rule import _backward
from backprop.errors import choice, positive_number
from backprop.network import Network, _checked_inputs, _forward
from backprop.numerical import METHODS, _numerical_gradient

TINY = np.finfo(np.float64).tiny


class GradientCheck(NamedTuple):
    overall: float
    """||a - n|| / (||a|| + ||n||)."""
    worst: float
    """max over parameters of |a - n| / max(|a| + |n|, tiny)."""
    worst_parameter: str
    """The name (like ``W1[0,1]``) of the parameter with the worst error."""
    names: list
    backprop: np.ndarray
    numerical: np.ndarray

    def per_parameter(self) -> np.ndarray:
        a, n = self.backprop, self.numerical
        return np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), TINY)


def relative_error(a: np.ndarray, n: np.ndarray) -> float:
    """||a - n|| / (||a|| + ||n||), and 0 when both are zero."""
    denominator = np.linalg.norm(a) + np.linalg.norm(n)
    return float(np.linalg.norm(a - n) / denominator) if denominator > 0 else 0.0


def gradient_check(network: Network, X, y, loss: str = "mse", *, epsilon: float = 1e-5, method: str = "central") -> GradientCheck:
    """Compare ``backward_prop`` with ``numerical_gradient`` on one network.

    Returns a GradientCheck with both error measures, the worst parameter's
    name, and the two flattened gradients (in ``Network.element_names()`` order).
    """
    loss_fn, X, y = _checked_inputs(network, X, y, loss)
    if network.stack_size is not None:
        raise ValueError("gradient_check takes one network, not a stack; check each network of the stack separately")
    epsilon = positive_number("epsilon", epsilon)
    choice("method", method, METHODS)
    a_, z_ = _forward(network, X)
    a = _backward(network, a_, z_, y, loss_fn).flat()
    n = _numerical_gradient(network, X, y, loss_fn, epsilon, method).flat()
    names = network.element_names()
    per = np.abs(a - n) / np.maximum(np.abs(a) + np.abs(n), TINY)
    worst = int(np.argmax(per))
    return GradientCheck(relative_error(a, n), float(per[worst]), names[worst], names, a, n)


EPSILON_DECADES = tuple(10.0 ** -k for k in range(1, 13))
"""epsilon = 1e-1, 1e-2, ..., 1e-12: one per decade."""


class EpsilonSweep(NamedTuple):
    """The overall relative error of a numerical gradient at each of several epsilons.

    Truncation error shrinks like ``eps**order`` (order 1 for the forward
    difference, 2 for the central one); round-off grows like ``1 / eps``. The
    sweep shows both, and where they cross: the best epsilon.
    """

    method: str
    epsilons: np.ndarray
    """The epsilons tried, shape (K,)."""
    errors: np.ndarray
    """``||a - n|| / (||a|| + ||n||)`` at each epsilon, shape (K,)."""

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


def epsilon_sweep(network: Network, X, y, loss: str = "mse", *, epsilons=EPSILON_DECADES, method: str = "central") -> EpsilonSweep:
    """The gradient check repeated for each epsilon (backprop is computed once).

    Returns an EpsilonSweep of the overall relative errors against
    ``backward_prop``. Costs one forward and one backward pass plus, per
    epsilon, the numerical gradient's P + 1 (forward) or 2 P (central) passes.
    """
    loss_fn, X, y = _checked_inputs(network, X, y, loss)
    if network.stack_size is not None:
        raise ValueError("epsilon_sweep takes one network, not a stack; sweep each network of the stack separately")
    choice("method", method, METHODS)
    epsilons = np.array([positive_number("epsilon", e) for e in epsilons])
    a_, z_ = _forward(network, X)
    a = _backward(network, a_, z_, y, loss_fn).flat()
    errors = [relative_error(a, _numerical_gradient(network, X, y, loss_fn, e, method).flat()) for e in epsilons]
    return EpsilonSweep(method, epsilons, np.array(errors))
