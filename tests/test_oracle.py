"""An independent oracle: HIPS autograd differentiates the loss, written here from scratch.

The loss below is written directly from the conventions in ``backprop/__init__.py``
(samples as rows, ``z = a @ W + b``, losses averaged over the rows and summed
over the outputs, mean squared error without 1/2) with the textbook formulas,
not the package's code: cross-entropies as ``-y log(y_hat)``, softmax as
``exp(z) / sum exp(z)``. autograd's reverse mode then gives every dL/dW and
dL/db, which ``backward_prop`` must match to rtol 1e-9, atol 1e-12.
"""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
from hypothesis import given, settings

import backprop as bp
from tests.strategies import cases

ACTIVATIONS = {
    "sigmoid": lambda z: 1.0 / (1.0 + anp.exp(-z)),
    "tanh": anp.tanh,
    "relu": lambda z: anp.maximum(z, 0.0),
    "identity": lambda z: z,
    "softmax": lambda z: anp.exp(z) / anp.sum(anp.exp(z), axis=1, keepdims=True),
}

LOSSES = {
    "mse": lambda y_hat, y: anp.sum((y_hat - y) ** 2) / y.shape[0],
    "binary_cross_entropy": lambda y_hat, y: -anp.sum(y * anp.log(y_hat) + (1 - y) * anp.log(1 - y_hat)) / y.shape[0],
    "categorical_cross_entropy": lambda y_hat, y: -anp.sum(y * anp.log(y_hat)) / y.shape[0],
}


def oracle_loss(parameters, X, y, activations, loss):
    """The loss of the network with ``parameters = [(W1, b1), (W2, b2), ...]``."""
    a = X
    for (W, b), name in zip(parameters, activations, strict=True):
        a = ACTIVATIONS[name](anp.dot(a, W) + b)
    return LOSSES[loss](a, y)


def oracle_gradients(network, X, y, loss):
    parameters = [(W, b) for W, b in zip(network.weights, network.biases, strict=True)]
    return autograd.grad(oracle_loss)(parameters, X, y, network.activations, loss)


@settings(max_examples=60, deadline=None)
@given(cases())
def test_backprop_matches_autograd_for_every_weight_and_bias(case):
    ours = bp.backward_prop(case.network, case.X, case.y, case.loss)
    oracle = oracle_gradients(case.network, case.X, case.y, case.loss)
    for layer, (dW, db) in enumerate(oracle, start=1):
        assert np.allclose(ours.dW[layer - 1], dW, rtol=1e-9, atol=1e-12), f"dL/dW{layer}"
        assert np.allclose(ours.db[layer - 1], db, rtol=1e-9, atol=1e-12), f"dL/db{layer}"


def test_the_oracle_agrees_with_the_loss_it_differentiates():
    # The oracle is only independent if it computes the same loss: check the value too.
    network = bp.init_network((2, 3, 2), seed=3, bias_init="normal", activations=["tanh", "softmax"])
    X, y = np.array([[0.5, -1.0], [1.0, 0.25]]), np.array([[1.0, 0.0], [0.0, 1.0]])
    value = oracle_loss(
        list(zip(network.weights, network.biases, strict=True)), X, y, network.activations, "categorical_cross_entropy"
    )
    assert np.isclose(value, bp.compute_loss(network, X, y, "categorical_cross_entropy"), rtol=1e-12)
