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

from backprop.errors import Array, as_float_array, choice


def constant(value: float) -> Array:
    """``value`` as a read-only 0-d float64 array, for the arithmetic of the training loop.

    numpy 2 turns a Python float operand into an array on every call, which on
    XOR's 4 x 2 arrays costs about as much as the arithmetic itself; a 0-d array
    is used as it is. Same dtype, same bits: ``bench_xor`` measured the loop 0.8
    microseconds an epoch faster with the constants below (of about 25).
    """
    c = np.array(value, dtype=np.float64)
    c.flags.writeable = False
    return c


ZERO, ONE, MINUS_ONE = constant(0.0), constant(1.0), constant(-1.0)


def logistic(z: Array) -> Array:
    """The sigmoid ``1 / (1 + exp(-z))`` on a trusted float64 array, stable for any finite z (no checks).

    The network's sigmoid layers and the benchmark's plain reference loop call
    this one; ``sigmoid`` is the same function behind the argument checks.

    Written as ``exp(min(z, 0)) / (1 + exp(-|z|))``: for z >= 0 that is
    ``1 / (1 + exp(-z))``, for z < 0 it is ``exp(z) / (1 + exp(z))``, the same
    function multiplied through by exp(z). Neither exponential ever exceeds 1,
    so nothing overflows (the naive form overflows for z < -709), and the
    result keeps its full relative accuracy far into the tail (sigmoid(-30) is
    9.4e-14, not 0).
    """
    s: Array = np.exp(np.minimum(z, ZERO)) / (ONE + np.exp(np.copysign(z, MINUS_ONE)))  # copysign(z, -1) = -|z|
    return s


def sigmoid(z: object) -> Array:
    """The logistic function ``1 / (1 + exp(-z))`` of a number or an array of numbers, element by element.

    Stable for any finite z: nothing overflows, and sigmoid(-30) is 9.4e-14,
    not 0 (see ``logistic``). Like every entry point of the package, it checks
    its argument first: a string, a boolean, a dtype that is not numbers
    (complex, timedelta, object...) is a TypeError, NaN or infinity a
    ValueError naming z.
    """
    return logistic(as_float_array("z", z))


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
    "sigmoid": Activation("sigmoid", logistic, lambda z, a, g: g * a * (ONE - a)),
    "tanh": Activation("tanh", np.tanh, lambda z, a, g: g * (1.0 - a * a)),
    "relu": Activation("relu", lambda z: np.maximum(z, 0.0), lambda z, a, g: g * (z > 0)),
    "identity": Activation("identity", lambda z: z, lambda z, a, g: g),
    "softmax": Activation("softmax", softmax, softmax_backward),
}


def get_activation(name: object) -> Activation:
    """The activation called ``name``; an unknown name lists the valid ones."""
    return ACTIVATIONS[choice("activation", name, ACTIVATIONS)]
