"""The guide's "simpler view": nudge each parameter by epsilon and watch the loss.

For one parameter theta, with every other parameter held fixed::

    forward difference  dL/dtheta ~ (L(theta + eps) - L(theta)) / eps            error O(eps)
    central difference  dL/dtheta ~ (L(theta + eps) - L(theta - eps)) / (2 eps)  error O(eps**2)

Both also suffer round-off of about machine_epsilon * |L| / eps, which grows as
eps shrinks, so each has a best eps: about sqrt(2.2e-16) ~ 1e-8 for the forward
difference and about cbrt(2.2e-16) ~ 1e-5 for the central one.

Cost: the forward difference needs one forward pass for L(theta) and one per
parameter, P + 1 in all; the central difference two per parameter, 2 P.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import numpy as np

from backprop.activations import ACTIVATIONS
from backprop.errors import Array, choice, non_negative_int, nonzero_number, positive_number
from backprop.forward import forward
from backprop.losses import Loss
from backprop.network import Network
from backprop.parameters import Gradients, Index
from backprop.validation import check_network, check_writable, checked_batch, finite_arithmetic

METHODS = ("forward", "central")


@contextmanager
def nudged(array: Array, index: Index, epsilon: float) -> Iterator[None]:
    """Add epsilon to ``array[index]`` inside the block; restore the old bits after."""
    old = array[index].copy()
    array[index] = old + epsilon
    try:
        yield
    finally:
        array[index] = old


def nudge(network: Network, name: str, epsilon: float) -> AbstractContextManager[None]:
    """Context manager: parameter ``name`` (e.g. ``"W1[0,1]"``) is ``+ epsilon`` inside the block.

    The old value is restored bit for bit afterwards (it is saved, not recomputed
    by subtracting epsilon, which would round). ``epsilon`` may be negative (a
    nudge down) but must be finite and not zero, and the nudged value must be
    finite too.
    """
    net = check_network(network)
    array, index = net.locate(name)
    epsilon = nonzero_number("epsilon", epsilon)
    check_writable("nudge", net)
    with np.errstate(over="ignore"):  # the overflow is the question here, not a warning
        nudged_value = array[index] + epsilon
    if not np.all(np.isfinite(nudged_value)):
        raise ValueError(f"epsilon {epsilon!r} is too large: {name} + epsilon overflows float64; use a small epsilon")
    return nudged(array, index, epsilon)


def estimate_gradient(network: Network, X: Array, y: Array, loss: Loss, epsilon: float, method: str) -> Gradients:
    """Every gradient by nudging, on trusted arrays (no checks): P + 1 or 2 P forward passes."""

    def L() -> Array:
        cache = forward(network, X)
        return loss.value(cache.z_out, cache.output, y)

    base = L() if method == "forward" else None
    grads = []
    skip = 0 if network.stack_size is None else 1
    for _, p in network.named():
        g = np.empty_like(p)
        for idx in np.ndindex(p.shape[skip:]):
            i = (Ellipsis, *idx)
            with nudged(p, i, epsilon):
                plus = L()
            if base is not None:
                g[i] = (plus - base) / epsilon
            else:
                with nudged(p, i, -epsilon):
                    minus = L()
                g[i] = (plus - minus) / (2.0 * epsilon)
        grads.append(g)
    return Gradients(grads[0::2], grads[1::2])


def numerical_gradient(
    network: Network, X: object, y: object, loss: str = "mse", *, epsilon: float = 1e-5, method: str = "forward"
) -> Gradients:
    """Estimate every gradient by nudging one parameter at a time.

    Args:
        network: a Network (or a stack of S networks).
        X: inputs, shape (N, n_0).
        y: targets, shape (N, n_L).
        loss: the loss name.
        epsilon: the nudge; the default 1e-5 is the guide's code (its text says 1e-4).
        method: ``"forward"`` (the guide's one-sided nudge, P + 1 forward passes)
            or ``"central"`` (nudge both ways, 2 P forward passes).

    Returns:
        Gradients shaped like the parameters. The network is left bit-identical.

    Raises:
        NotFiniteError: when float64 overflows (X or the parameters far too large).
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    epsilon = positive_number("epsilon", epsilon)
    method = choice("method", method, METHODS)
    with finite_arithmetic("numerical_gradient", net, X):
        # Nudging changes a parameter and restores it: on a copy, the caller's network (read-only, maybe) is
        # never touched, even when the computation stops half-way.
        return estimate_gradient(net.copy(), X, y, loss_fn, epsilon, method)


def loss_change(network: Network, X: object, y: object, name: str, epsilon: float, loss: str = "mse") -> float:
    """``L(theta + epsilon) - L(theta)`` for the one parameter ``name``: the simpler view in one step.

    For small epsilon this is about ``dL/dtheta * epsilon`` (a first-order Taylor
    step); the difference is about ``L''(theta) * epsilon**2 / 2``. Two forward
    passes; the parameter is restored bit for bit.
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    if net.stack_size is not None:
        raise ValueError("loss_change takes one network, not a stack; nudge each network of the stack separately")
    epsilon = positive_number("epsilon", epsilon)
    net = net.copy()  # nudged below: never the caller's network, which may be read-only

    def L() -> float:
        cache = forward(net, X)
        return float(loss_fn.value(cache.z_out, cache.output, y))

    with finite_arithmetic("loss_change", net, X):
        before = L()
        with nudge(net, name, epsilon):
            after = L()
        return after - before


SIGNALS = ("z", "a")


def numerical_signal(
    network: Network, X: object, y: object, layer: int, *, of: str = "z", loss: str = "mse", epsilon: float = 1e-5
) -> Array:
    """``dL/dz[layer]`` (the error signal ``delta``) or ``dL/da[layer]``, by nudging that value itself.

    Each entry of ``z[layer]`` (or ``a[layer]``; ``a[0]`` is X) is nudged up
    and down by ``epsilon`` while every other value of the forward pass is
    kept, and only the layers above are run again (central difference). No
    chain rule is involved, so this checks ``delta`` from the backward
    equations independently.

    Returns:
        An array shaped like ``z[layer]``, (N, n_layer).
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    if net.stack_size is not None:
        raise ValueError("numerical_signal takes one network, not a stack; pass one network of the stack")
    of = choice("of", of, SIGNALS)
    L = len(net.weights)
    # a[L] is not nudged: the cross-entropies read the loss off z[L], so nudge z[L] instead.
    low, high = (1, L) if of == "z" else (0, L - 1)
    layer = non_negative_int("layer", layer)
    if not low <= layer <= high:
        raise ValueError(f"layer must be from {low} to {high} for {of}[layer] of this network, but got {layer}")
    epsilon = positive_number("epsilon", epsilon)

    def L_from(value: Array) -> float:
        """The loss with ``of[layer]`` set to ``value``, running only the layers above."""
        z_l = value if of == "z" else None
        a = ACTIVATIONS[net.activations[layer - 1]].f(value) if of == "z" else value
        for W, b, name in zip(net.weights[layer:], net.biases[layer:], net.activations[layer:], strict=True):
            z_l = a @ W + b
            a = ACTIVATIONS[name].f(z_l)
        assert z_l is not None, "a[layer] is nudged only below the output, so some layer above sets z[L]"
        return float(loss_fn.value(z_l, a, y))

    with finite_arithmetic("numerical_signal", net, X):
        cache = forward(net, X)
        kept = cache.z[layer] if of == "z" else cache.a[layer]
        assert kept is not None, "z[layer] exists for layer >= 1"
        value: Array = kept.copy()  # nudged in place: a[0] is the caller's X itself, which may be read-only
        signal = np.empty_like(value)
        for idx in np.ndindex(value.shape):
            with nudged(value, idx, epsilon):
                plus = L_from(value)
            with nudged(value, idx, -epsilon):
                minus = L_from(value)
            signal[idx] = (plus - minus) / (2.0 * epsilon)
    return signal
