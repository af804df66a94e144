"""Gradient descent: step every parameter a little way downhill.

    theta <- theta - learning_rate * dL/dtheta

The gradient points uphill (the direction in which the loss grows fastest), so
a small step against it lowers the loss; a step too large overshoots the
valley and the loss rises.
"""

from __future__ import annotations

import numpy as np

from backprop.errors import check_finite, positive_number
from backprop.network import Gradients, Network, check_network


def _descend(network: Network, gradients: Gradients, learning_rate: float) -> None:
    for p, g in zip(network.weights + network.biases, gradients.weights + gradients.biases):
        p -= learning_rate * g


def gradient_descent(network: Network, gradients: Gradients, learning_rate: float) -> Network:
    """Update the network in place: ``W[l] -= learning_rate * dW[l]``, same for b.

    Args:
        network: the network to update (or a stack).
        gradients: from ``backward_prop`` or ``numerical_gradient`` on this network.
        learning_rate: a positive finite number.

    Returns:
        The same network object, updated.
    """
    check_network(network)
    learning_rate = positive_number("learning_rate", learning_rate)
    if not isinstance(gradients, Gradients):
        raise TypeError(f"gradients must be backprop.Gradients (from backward_prop), but got {type(gradients).__name__}")
    if len(gradients.weights) != len(network.weights) or len(gradients.biases) != len(network.biases):
        raise ValueError(
            f"gradients must have one entry per layer of the network ({len(network.weights)}), but got "
            f"{len(gradients.weights)}; compute the gradients on this network"
        )
    for (name, p), (_, g) in zip(network.named(), gradients.named()):
        if np.shape(g) != p.shape:
            raise ValueError(f"the gradient of {name} must have shape {p.shape} like {name}, but got shape "
                             f"{np.shape(g)}; compute the gradients on this network")
        check_finite(f"the gradient of {name}", np.asarray(g))
    _descend(network, gradients, learning_rate)
    return network
