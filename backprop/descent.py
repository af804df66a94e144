"""Gradient descent: step every parameter a little way downhill.

    theta <- theta - learning_rate * dL/dtheta

The gradient points uphill (the direction in which the loss grows fastest), so
a small step against it lowers the loss; a step too large overshoots the
valley and the loss rises.

A stack of S networks may take one learning rate per network (an array of
shape (S,)): network s then steps by ``learning_rate[s]``. The site trains one
network at several rates side by side this way.
"""

from __future__ import annotations

import numpy as np

from backprop.activations import constant
from backprop.errors import Array, as_float_array, positive_number
from backprop.network import Network
from backprop.parameters import Gradients
from backprop.validation import check_network, check_writable, finite_arithmetic


def descend(network: Network, gradients: Gradients, learning_rate: Array) -> None:
    """``W[l] -= learning_rate * dW[l]`` and ``b[l] -= learning_rate * db[l]`` in place, on trusted arrays.

    ``learning_rate`` is 0-d, or one rate per network of a stack, shape (S,);
    a stack's rates get trailing axes here to broadcast over each W and b.
    """
    if learning_rate.ndim == 0:
        # As a scalar: numpy multiplies by a 0-d array in 0.23 us and by a (1, 1) one in 0.65 us
        # (XOR-sized arrays), a quarter of the gap between train and bench_xor's hand-written loop.
        rate_W = rate_b = learning_rate
    else:
        rate_W, rate_b = learning_rate[..., None, None], learning_rate[..., None]
    for W, b, dW, db in zip(network.weights, network.biases, gradients.dW, gradients.db, strict=False):  # checked equal
        W -= rate_W * dW
        b -= rate_b * db


def check_learning_rate(learning_rate: object, network: Network) -> Array:
    """A positive finite number as a 0-d array, or for a stack optionally one per network, shape (S,).

    An array, not a float: the training loop then multiplies by it without
    numpy converting a Python float at every step (see ``activations.constant``).
    """
    if network.stack_size is None:
        return constant(positive_number("learning_rate", learning_rate))
    # As objects, each rate stays what the caller wrote: a plain asarray would turn [1, True, 2] into
    # [1, 1, 2] before positive_number could refuse the True, and fail on a ragged list with numpy's message.
    rates = np.asarray(learning_rate, dtype=object)
    if rates.ndim == 0:
        return constant(positive_number("learning_rate", learning_rate))
    if rates.shape != (network.stack_size,):
        raise ValueError(
            f"learning_rate must be one number, or one per network of the stack of {network.stack_size} "
            f"(shape ({network.stack_size},)), but got shape {rates.shape}"
        )
    return np.array([positive_number(f"learning_rate[{s}]", r) for s, r in enumerate(rates.tolist())])


def _entries(entries: object) -> str:
    """``has 1 entry`` for a list, ``is a tuple`` for anything else."""
    if isinstance(entries, list):
        return f"has {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
    return f"is a {type(entries).__name__}"


def gradient_descent(network: Network, gradients: Gradients, learning_rate: float | Array) -> Network:
    """Update the network in place: ``W[l] -= learning_rate * dW[l]``, same for b.

    Args:
        network: the network to update (or a stack).
        gradients: from ``backward_prop`` or ``numerical_gradient`` on this network.
        learning_rate: a positive finite number (for a stack, optionally one per network).

    Returns:
        The same network object, updated.

    Raises:
        NotFiniteError: when a step overflows float64 (a huge learning rate or gradient).
    """
    net = check_network(network)
    rate = check_learning_rate(learning_rate, net)
    if not isinstance(gradients, Gradients):
        raise TypeError(
            f"gradients must be backprop.Gradients (from backward_prop), but got {type(gradients).__name__}"
        )
    for field, entries in (("dW", gradients.dW), ("db", gradients.db)):
        if not isinstance(entries, list) or len(entries) != len(net.weights):
            raise ValueError(
                f"gradients.{field} must be a list of one entry per layer of the network ({len(net.weights)}), "
                f"but it {_entries(entries)}; compute the gradients on this network"
            )
    for (name, p), (_, g) in zip(net.named(), gradients.named(), strict=True):
        g = as_float_array(f"the gradient d{name}", g, ndim=p.ndim)
        if g.shape != p.shape:
            raise ValueError(
                f"the gradient d{name} must have shape {p.shape} like {name}, but got shape "
                f"{g.shape}; compute the gradients on this network"
            )
    check_writable("gradient_descent", net)
    stepped = net.copy()
    advice = "lower learning_rate, or check the gradients"
    with finite_arithmetic("gradient_descent", net, advice=advice):
        descend(stepped, gradients, rate)  # every operand finite: an inf or NaN can only come from an overflow
    for (_, p), (_, new) in zip(net.named(), stepped.named(), strict=True):
        p[...] = new
    return net
