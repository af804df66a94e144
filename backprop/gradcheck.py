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
