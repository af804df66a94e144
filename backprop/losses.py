"""Loss functions: how far the prediction y_hat is from the target y.

All losses are averaged over the batch (the N rows) and summed over the
outputs, and take the output layer's ``z`` as well as ``a = y_hat`` so that the
logarithms can be computed from ``z`` without ever taking ``log(0)``:

* ``mse``: ``L = (1/N) sum (y_hat - y)**2`` (no 1/2), ``dL/dy_hat = 2 (y_hat - y) / N``.
  Works with any output activation.
* ``binary_cross_entropy``: ``L = -(1/N) sum [y log y_hat + (1 - y) log(1 - y_hat)]``
  with ``y`` in [0, 1]. Requires a sigmoid output; then
  ``-log sigmoid(z) = softplus(-z)`` and the output error signal simplifies to
  ``delta = dL/dz = (y_hat - y) / N``.
* ``categorical_cross_entropy``: ``L = -(1/N) sum_n sum_k y_nk log y_hat_nk`` with
  one-hot rows ``y``. Requires a softmax output; then ``-log softmax(z)_k =
  logsumexp(z) - z_k`` and again ``delta = (y_hat - y) / N``.

The loss value has shape ``()`` for one network and ``(S,)`` for a stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from backprop.activations import Activation, constant
from backprop.errors import Array, choice


def softplus(z: Array) -> Array:
    """``log(1 + exp(z))`` without overflow: ``max(z, 0) + log1p(exp(-|z|))``."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def logsumexp(z: Array) -> Array:
    """``log(sum_k exp(z_k))`` along each row, shifted by the row maximum so exp() <= 1."""
    m = z.max(axis=-1, keepdims=True)
    lse: Array = m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True))
    return lse


def batch_mean(per_element: Array) -> Array:
    """Sum over the outputs and the N rows, divided by N: (..., N, K) -> (...)."""
    # np.add.reduce = .sum, without the method's Python wrapper (see chain_rule.backward).
    mean: Array = np.add.reduce(per_element, axis=(-2, -1)) / per_element.shape[-2]
    return mean


LossFunction = Callable[[Array, Array, Array], Array]

TWO = constant(2.0)


class Loss(NamedTuple):
    """A loss: ``value(z, a, y)``, ``grad(z, a, y) = dL/da``, and its required output.

    ``output`` names the only output activation the loss accepts (``None``: any).
    For that canonical pairing the output delta ``dL/dz`` is ``(a - y) / N``,
    which is both cheaper and more accurate than chaining ``dL/da`` through the
    activation's derivative.
    """

    name: str
    value: LossFunction
    grad: LossFunction
    output: str | None

    def output_delta(self, activation: Activation, z: Array, a: Array, y: Array, *, fused: bool = True) -> Array:
        """The error signal of the output layer, ``delta_L = dL/dz_L``, shape (..., N, K).

        With ``fused=False`` the canonical shortcut is not taken and the delta is
        chained the long way, ``activation.backward(z, a, dL/da)``, which a
        scenario compares against the shortcut.
        """
        if fused and self.output is not None:
            delta: Array = (a - y) / y.shape[-2]
            return delta
        return activation.backward(z, a, self.grad(z, a, y))


LOSSES: dict[str, Loss] = {
    "mse": Loss(
        "mse",
        value=lambda z, a, y: batch_mean((a - y) ** 2),
        grad=lambda z, a, y: TWO * (a - y) / y.shape[-2],
        output=None,
    ),
    "binary_cross_entropy": Loss(
        "binary_cross_entropy",
        # -[y log s(z) + (1-y) log(1 - s(z))] = softplus(z) - y z
        value=lambda z, a, y: batch_mean(softplus(z) - y * z),
        grad=lambda z, a, y: (a - y) / (a * (1.0 - a)) / y.shape[-2],
        output="sigmoid",
    ),
    "categorical_cross_entropy": Loss(
        "categorical_cross_entropy",
        value=lambda z, a, y: batch_mean(y * (logsumexp(z) - z)),
        grad=lambda z, a, y: -y / a / y.shape[-2],
        output="softmax",
    ),
}


def get_loss(name: object, output_activation: str | None = None) -> Loss:
    """The loss called ``name``, checked against the network's output activation."""
    loss = LOSSES[choice("loss", name, LOSSES)]
    if output_activation is not None and loss.output not in (None, output_activation):
        raise ValueError(
            f"loss {name!r} requires a {loss.output} output layer, but the network's "
            f"output activation is {output_activation!r}; use activation "
            f"{loss.output!r} for the last layer, or loss 'mse'"
        )
    return loss
