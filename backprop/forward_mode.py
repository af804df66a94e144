"""Forward-mode differentiation: exact derivatives, but one parameter per forward pass.

Nudging is not the only way to go forwards. Carry, beside every value of the
forward pass, its derivative with respect to one chosen parameter theta (its
*tangent*, written with a dot)::

    a_dot[0] = 0
    z_dot[l] = a_dot[l-1] @ W[l] + a[l-1] @ W_dot[l] + b_dot[l]
    a_dot[l] = f'(z[l]) * z_dot[l]
    L_dot    = sum of dL/dz[L] * z_dot[L]

where ``W_dot`` and ``b_dot`` are 1 at theta and 0 elsewhere. ``L_dot`` is
then dL/dtheta exactly, with no epsilon and no round-off beyond the usual
float64 rounding. But one pass gives the derivative along one direction only:
all P gradients take P passes, where reverse mode (``backward_prop``) takes
one forward and one backward pass. Forward mode pays per input (parameter),
reverse mode per output (the one loss).
"""

from __future__ import annotations

import numpy as np

from backprop.activations import ACTIVATIONS
from backprop.counting import record_pass
from backprop.errors import Array
from backprop.losses import Loss
from backprop.network import Network
from backprop.parameters import Gradients
from backprop.validation import checked_batch, finite_arithmetic


def directional_derivative(
    network: Network, X: Array, y: Array, loss: Loss, W_dot: list[Array], b_dot: list[Array]
) -> float:
    """One forward pass carrying tangents, on trusted arrays: dL along the direction (W_dot, b_dot)."""
    record_pass("forward")
    a, a_dot = X, np.zeros_like(X)
    z = z_dot = a
    for W, b, name, Wd, bd in zip(network.weights, network.biases, network.activations, W_dot, b_dot, strict=True):
        z, z_dot = a @ W + b, a_dot @ W + a @ Wd + bd
        activation = ACTIVATIONS[name]
        a = activation.f(z)
        # backward(z, a, g) multiplies g by the activation's Jacobian, which is symmetric (diagonal for the
        # elementwise ones, diag(a) - a a^T for softmax): applied to z_dot it is the forward product too.
        a_dot = activation.backward(z, a, z_dot)
    delta_out = loss.output_delta(ACTIVATIONS[network.activations[-1]], z, a, y)
    return float(np.sum(delta_out * z_dot))


def forward_mode_gradient(network: Network, X: object, y: object, loss: str = "mse") -> Gradients:
    """Every gradient by forward-mode differentiation: P forward passes, each carrying one tangent.

    Exact like ``backward_prop`` (they agree to rounding), but it costs P
    passes like nudging: it is the cost, not the accuracy, that reverse mode
    improves on.

    Raises:
        ValueError: for a stack of networks.
        NotFiniteError: when float64 overflows (X or the parameters far too large).
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    if net.stack_size is not None:
        raise ValueError("forward_mode_gradient takes one network, not a stack; pass one network of the stack")
    W_dot = [np.zeros_like(W) for W in net.weights]
    b_dot = [np.zeros_like(b) for b in net.biases]
    tangents = [t for pair in zip(W_dot, b_dot, strict=True) for t in pair]  # in the order of net.named()
    grads = [np.empty_like(t) for t in tangents]
    with finite_arithmetic("forward_mode_gradient", net, X):
        for tangent, g in zip(tangents, grads, strict=True):
            for idx in np.ndindex(tangent.shape):
                tangent[idx] = 1.0
                g[idx] = directional_derivative(net, X, y, loss_fn, W_dot, b_dot)
                tangent[idx] = 0.0
    return Gradients(grads[0::2], grads[1::2])
