"""Forward propagation: from the inputs to the output, and on to the loss.

Samples are rows::

    a[0] = X                              (N, n_0)
    z[l] = a[l-1] @ W[l] + b[l]           (N, n_l)
    a[l] = f_l(z[l])                      (N, n_l)
    y_hat = a[L]

and the loss compares y_hat with the targets y. The pass keeps every ``z[l]``
and ``a[l]`` in a ``Cache``: the backward pass needs them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from backprop.activations import ACTIVATIONS
from backprop.counting import record_pass
from backprop.errors import Array
from backprop.network import Network
from backprop.validation import check_network, check_X, checked_batch, finite_arithmetic


@dataclass
class Cache:
    """What the forward pass leaves for the backward pass.

    ``a[l]`` for l = 0..L (``a[0]`` is X, ``a[L]`` is y_hat) and ``z[l]`` for
    l = 1..L (``z[0]`` is None so that indices match the layer numbers).
    """

    a: list[Array]
    z: list[Array | None]

    @property
    def output(self) -> Array:
        return self.a[-1]

    @property
    def z_out(self) -> Array:
        """``z[L]``, the output layer's weighted input (the losses take their logarithms from it)."""
        z = self.z[-1]
        assert z is not None, "a cache of a network with at least one layer has z[L]"
        return z


def forward(network: Network, X: Array) -> Cache:
    """The forward pass on trusted arrays (no checks); counts one forward pass."""
    record_pass("forward")
    a: list[Array] = [X]
    z: list[Array | None] = [None]
    for W, b, name in zip(network.weights, network.biases, network.activations, strict=False):  # checked equal
        # A stack's biases (S, n) broadcast over the rows of each network's batch (S, N, n).
        z_l = a[-1] @ W + (b if b.ndim == 1 else b[..., None, :])
        z.append(z_l)
        a.append(ACTIVATIONS[name].f(z_l))
    return Cache(a, z)


def forward_prop(network: Network, X: object) -> tuple[Array, Cache]:
    """Feed the batch X through the network.

    Args:
        network: a Network (or a stack of S networks).
        X: inputs, shape (N, n_0), samples as rows.

    Returns:
        ``(y_hat, cache)``: the output ``a[L]`` of shape (N, n_L) (or (S, N, n_L))
        and the Cache of every ``z[l]`` and ``a[l]`` that ``backward_prop`` needs.

    Raises:
        NotFiniteError: when float64 overflows (X or the parameters far too large).
    """
    net = check_network(network)
    batch = check_X(net, X)
    with finite_arithmetic("forward_prop", net, batch):
        cache = forward(net, batch)
    return cache.output, cache


def compute_loss(network: Network, X: object, y: object, loss: str = "mse") -> float | Array:
    """The loss of ``network`` on the batch ``(X, y)``: one forward pass.

    Returns a float for one network, an array of shape (S,) for a stack.

    Raises:
        NotFiniteError: when float64 overflows (X or the parameters far too large).
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    with finite_arithmetic("compute_loss", net, X):
        cache = forward(net, X)
        value = loss_fn.value(cache.z_out, cache.output, y)
    return float(value) if value.ndim == 0 else value
