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

from backprop.errors import Array, choice, nonzero_number, positive_number
from backprop.forward import forward
from backprop.losses import Loss
from backprop.network import Network
from backprop.parameters import Gradients, Index
from backprop.validation import check_network, checked_batch, finite_arithmetic

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
    array, index = check_network(network).locate(name)
    epsilon = nonzero_number("epsilon", epsilon)
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
        return estimate_gradient(net, X, y, loss_fn, epsilon, method)


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

    def L() -> float:
        cache = forward(net, X)
        return float(loss_fn.value(cache.z_out, cache.output, y))

    with finite_arithmetic("loss_change", net, X):
        before = L()
        with nudge(net, name, epsilon):
            after = L()
        return after - before
