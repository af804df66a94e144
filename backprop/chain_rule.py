"""Backward propagation: every gradient from one backward pass (the chain rule).

Write ``delta[l] = dL/dz[l]``, the error signal of layer l, shape (N, n_l).
Then, from the output back to the input::

    delta[L]   = dL/da[L] * f_L'(z[L])            (for sigmoid + cross-entropy,
                                                   softmax + categorical CE:
                                                   (y_hat - y) / N)
    dL/dW[l]   = a[l-1]^T @ delta[l]              (n_{l-1}, n_l)
    dL/db[l]   = sum over the N rows of delta[l]  (n_l,)
    delta[l-1] = (delta[l] @ W[l]^T) * f_{l-1}'(z[l-1])

Each line is the chain rule applied once; each reuses the ``delta`` of the
layer above, which is why one backward pass (about the cost of one forward
pass) gives all P gradients, where nudging needs P + 1 forward passes.
"""

from __future__ import annotations

import numpy as np

from backprop.activations import get_activation
from backprop.counting import _count
from backprop.losses import Loss
from backprop.network import Cache, Gradients, Network, _checked_inputs, _forward


def _backward(network: Network, a: list, z: list, y: np.ndarray, loss: Loss, *, fused: bool = True) -> Gradients:
    """The unchecked backward pass over a forward pass's ``a`` and ``z``."""
    _count("backward")
    L = len(network.weights)
    deltas: list = [None] * (L + 1)
    dW: list = [None] * L
    db: list = [None] * L
    delta = loss.output_delta(get_activation(network.activations[-1]), z[L], a[L], y, fused=fused)
    for l in range(L, 0, -1):
        deltas[l] = delta
        dW[l - 1] = a[l - 1].swapaxes(-1, -2) @ delta
        db[l - 1] = np.add.reduce(delta, axis=-2)  # = delta.sum(axis=-2), without the method's overhead
        if l > 1:
            upstream = delta @ network.weights[l - 1].swapaxes(-1, -2)
            delta = get_activation(network.activations[l - 2]).backward(z[l - 1], a[l - 1], upstream)
    return Gradients(dW, db, deltas=deltas)


def _checked_cache(network: Network, X: np.ndarray, cache) -> tuple[list, list]:
    """The cache's ``a`` and ``z`` if it is the forward pass of this network on this X."""
    if not isinstance(cache, Cache):
        raise TypeError(f"cache must be the Cache returned by forward_prop, but got {type(cache).__name__}")
    L = len(network.weights)
    if len(cache.a) != L + 1 or len(cache.z) != L + 1:
        raise ValueError(f"cache must hold a[0..{L}] for this {L}-layer network, but holds a[0..{len(cache.a) - 1}]")
    if cache.a[0].shape != X.shape or not np.array_equal(cache.a[0], X):
        raise ValueError("cache must come from forward_prop(network, X) on the same X, but its a[0] differs from X")
    return cache.a, cache.z


def backward_prop(network: Network, X, y, loss: str = "mse", *, cache: Cache | None = None, fused: bool = True) -> Gradients:
    """Chain-rule gradients of the loss with respect to every weight and bias.

    Args:
        network: a Network (or a stack of S networks), any depth.
        X: inputs, shape (N, n_0).
        y: targets, shape (N, n_L).
        loss: ``"mse"``, ``"binary_cross_entropy"`` or ``"categorical_cross_entropy"``.
        cache: the Cache of ``forward_prop(network, X)`` to reuse; when omitted a
            forward pass is run first.
        fused: take the ``(y_hat - y) / N`` shortcut for the output delta where the
            loss allows it (``False`` chains ``dL/dy_hat`` through ``f'`` instead).

    Returns:
        Gradients with ``weights[l-1] = dL/dW[l]`` (shape of W[l]),
        ``biases[l-1] = dL/db[l]`` and ``deltas[l] = dL/dz[l]`` (shape (N, n_l)).
    """
    loss_fn, X, y = _checked_inputs(network, X, y, loss)
    if cache is None:
        a, z = _forward(network, X)
    else:
        a, z = _checked_cache(network, X, cache)
    return _backward(network, a, z, y, loss_fn, fused=fused)
