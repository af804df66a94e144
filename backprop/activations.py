"""Activation functions f and their backward rule.

Each activation is a forward/backward pair: ``f(z)`` gives ``a``, and
``backward(z, a, dL_da)`` gives ``dL/dz``, the vector-Jacobian product. For the
element-wise activations that is ``dL_da * f'(z)``, with ``f'`` written in terms
of whichever of ``z`` or ``a`` is cheaper and more accurate:

======== ============================ ===========================
name     f(z)                         f'(z)
======== ============================ ===========================
sigmoid  1 / (1 + exp(-z))            a (1 - a)
tanh     tanh(z)                      1 - a**2
relu     max(0, z)                    1 if z > 0 else 0
identity z                            1
======== ============================ ===========================

``softmax`` (``a_k = exp(z_k) / sum_j exp(z_j)`` along each row) is not
element-wise: its Jacobian is ``diag(a) - a a^T``, so its backward rule is
``a * (g - sum_k g_k a_k)``. Arrays have shape ``(..., N, units)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from backprop.errors import Array, choice


def sigmoid(z: Array) -> Array:
    """The logistic function, stable for any finite z.

    Written as ``1 / (1 + e)`` for z >= 0 and ``e / (1 + e)`` for z < 0 with
    ``e = exp(-|z|)``, so the exponential never exceeds 1 and cannot overflow
    (``1 / (1 + exp(-z))`` overflows for z < -709).
    """
    e = np.exp(np.copysign(z, -1.0))  # copysign(z, -1) = -|z| in one pass
    # One shared denominator: the same bits as 1/(1+e) and e/(1+e), one pass fewer.
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def softmax(z: Array) -> Array:
    """Row-wise softmax; subtracting the row maximum first keeps exp() <= 1."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    a: Array = e / e.sum(axis=-1, keepdims=True)
    return a


def softmax_backward(z: Array, a: Array, g: Array) -> Array:
    """``dL/dz = a * (g - sum_k g_k a_k)``, the product with softmax's Jacobian diag(a) - a a^T."""
    dz: Array = a * (g - (g * a).sum(axis=-1, keepdims=True))
    return dz


class Activation(NamedTuple):
    """A named activation: ``f(z) -> a`` and ``backward(z, a, dL_da) -> dL_dz``."""

    name: str
    f: Callable[[Array], Array]
    backward: Callable[[Array, Array, Array], Array]


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation("sigmoid", sigmoid, lambda z, a, g: g * a * (1.0 - a)),
    "tanh": Activation("tanh", np.tanh, lambda z, a, g: g * (1.0 - a * a)),
    "relu": Activation("relu", lambda z: np.maximum(z, 0.0), lambda z, a, g: g * (z > 0)),
    "identity": Activation("identity", lambda z: z, lambda z, a, g: g),
    "softmax": Activation("softmax", softmax, softmax_backward),
}


def get_activation(name: object) -> Activation:
    """The activation called ``name``; an unknown name lists the valid ones."""
    return ACTIVATIONS[choice("activation", name, ACTIVATIONS)]
