"""Backward propagation: every gradient from one backward pass (the chain rule).

Write ``delta[l] = dL/dz[l]``, the error signal of layer l, shape (N, n_l).
Then, from the output back to the input::

    delta[L]   = dL/da[L] * f_L'(z[L])            (for sigmoid + binary CE and
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

from backprop.activations import ACTIVATIONS
from backprop.counting import record_pass
from backprop.errors import Array, check_finite, flag, non_negative_int
from backprop.forward import Cache, forward
from backprop.losses import Loss
from backprop.network import Network
from backprop.parameters import Gradients
from backprop.validation import check_network, checked_batch, finite_arithmetic


def backward(network: Network, cache: Cache, y: Array, loss: Loss, *, fused: bool = True) -> Gradients:
    """The backward pass over a forward pass's cache, on trusted arrays (no checks)."""
    record_pass("backward")
    a, z, L = cache.a, cache.z, len(network.weights)
    dW, db, deltas = [], [], []  # from layer L down to layer 1
    delta = loss.output_delta(ACTIVATIONS[network.activations[-1]], cache.z_out, a[L], y, fused=fused)
    for l in range(L, 0, -1):  # noqa: E741  # l is the layer number l of the equations above
        deltas.append(delta)
        dW.append(a[l - 1].mT @ delta)
        # = delta.sum(axis=-2): the ufunc skips the method's Python wrapper, 0.2 us a call, which
        # bench_xor measured as 2% of an XOR epoch (needed for its bar: train <= 1.1x a bare loop).
        db.append(np.add.reduce(delta, axis=-2))
        if l > 1:
            z_below = z[l - 1]
            assert z_below is not None  # z[l] exists for every layer l >= 1
            delta = ACTIVATIONS[network.activations[l - 2]].backward(
                z_below, a[l - 1], delta @ network.weights[l - 1].mT
            )
    return Gradients(dW[::-1], db[::-1], [None, *deltas[::-1]])


def _cache_of(network: Network, X: Array, cache: object) -> Cache:
    """``cache`` if it is the forward pass of this network on this X."""
    if not isinstance(cache, Cache):
        raise TypeError(f"cache must be the Cache returned by forward_prop, but got {type(cache).__name__}")
    L = len(network.weights)
    if len(cache.a) != L + 1 or len(cache.z) != L + 1:
        raise ValueError(f"cache must hold a[0..{L}] for this {L}-layer network, but holds a[0..{len(cache.a) - 1}]")
    if not isinstance(cache.a[0], np.ndarray) or cache.a[0].shape != X.shape or not np.array_equal(cache.a[0], X):
        raise ValueError("cache must come from forward_prop(network, X) on the same X, but its a[0] differs from X")
    lead = network.weights[0].shape[:-2]
    for layer, size in enumerate(network.layer_sizes[1:], start=1):
        for name, array in ((f"a[{layer}]", cache.a[layer]), (f"z[{layer}]", cache.z[layer])):
            shape = (*lead, X.shape[0], size)
            if not isinstance(array, np.ndarray):
                found = f"a {type(array).__name__}"
            elif array.dtype != np.float64:
                found = f"a {array.dtype} array"
            elif array.shape != shape:
                found = f"of shape {array.shape}"
            else:
                check_finite(f"cache.{name}", array)
                continue
            raise ValueError(
                f"cache must come from forward_prop(network, X): its {name} should be a float64 array of "
                f"shape {shape}, but it is {found}"
            )
    return cache


def backward_prop(
    network: Network, X: object, y: object, loss: str = "mse", *, cache: Cache | None = None, fused: bool = True
) -> Gradients:
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
        Gradients with ``dW[l-1] = dL/dW[l]`` (shape of W[l]),
        ``db[l-1] = dL/db[l]`` and ``delta[l] = dL/dz[l]`` (shape (N, n_l)).

    Raises:
        NotFiniteError: when float64 overflows (X or the parameters far too large).
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    fused = flag("fused", fused)
    with finite_arithmetic("backward_prop", net, X):
        return backward(net, forward(net, X) if cache is None else _cache_of(net, X, cache), y, loss_fn, fused=fused)


def activation_gradient(network: Network, gradients: Gradients, layer: int) -> Array:
    """``dL/da[layer] = delta[layer + 1] @ W[layer + 1]^T``, from the error signals of a backward pass.

    One step of the recursion, before the slope ``f'(z[layer])``: each unit's
    activation feeds every unit of the layer above, so its gradient sums what
    comes back along each of those weights. ``layer`` 0 gives ``dL/dX``, the
    gradient with respect to the inputs, which training never needs but which
    shows the sum over paths at the start of the network.
    """
    net = check_network(network)
    if not isinstance(gradients, Gradients):
        raise TypeError(f"gradients must be the Gradients of backward_prop, but got {type(gradients).__name__}")
    L = len(net.weights)
    layer = non_negative_int("layer", layer)
    if layer >= L:
        raise ValueError(f"layer must be from 0 (the input) to {L - 1}, a layer below the output, but got {layer}")
    delta = gradients.delta[layer + 1] if len(gradients.delta) == L + 1 else None
    if delta is None:
        raise ValueError(
            f"gradients must come from backward_prop on this {L}-layer network (they lack delta[{layer + 1}])"
        )
    dL_da: Array = delta @ net.weights[layer].mT
    return dL_da
