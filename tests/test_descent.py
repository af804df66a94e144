"""Tests of ``backprop.descent``: one step of gradient descent.

``gradient_descent`` moves every parameter by minus the learning rate times its
gradient, each network of a stack by its own gradient; it refuses a learning
rate that is not positive, anything but ``Gradients``, and gradients that do
not fit the network (another shape, another number of layers, fewer biases
than weights) or are not finite, naming the gradient at fault.
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from tests.helpers import fails


def test_gradient_descent_on_a_stack_moves_each_network_by_its_own_gradient(stack, xor):
    X, _ = xor
    y = np.eye(2)[[0, 1, 1, 0]]
    before = stack.flat().copy()
    grads = bp.backward_prop(stack, X, y, "categorical_cross_entropy")
    bp.gradient_descent(stack, grads, 0.5)
    assert np.array_equal(stack.flat(), before - 0.5 * grads.flat())


def test_gradient_descent_names_a_bad_learning_rate_or_gradients_that_are_not_gradients(net, xor):
    X, y = xor
    grads = bp.backward_prop(net, X, y)
    fails(ValueError, lambda: bp.gradient_descent(net, grads, -1.0), "learning_rate", "positive")
    fails(
        TypeError,
        lambda: bp.gradient_descent(net, "grads", 0.1),
        "gradients must be backprop.Gradients (from backward_prop), but got str",
    )


def test_gradients_must_fit_the_network_they_update(net, xor):
    X, y = xor
    other = bp.init_network((2, 2, 1), seed=0)
    deeper = bp.init_network((2, 3, 3, 1), seed=0)
    fails(
        ValueError,
        lambda: bp.gradient_descent(net, bp.backward_prop(other, X, y), 0.1),
        "the gradient dW1 must have shape (2, 3) like W1, but got shape (2, 2)",
    )
    fails(
        ValueError,
        lambda: bp.gradient_descent(net, bp.backward_prop(deeper, X, y), 0.1),
        "gradients must have one entry per layer of the network (2), but got 3",
    )
    grads = bp.backward_prop(net, X, y)
    fewer_biases = bp.Gradients(grads.dW, grads.db[:1])
    fails(ValueError, lambda: bp.gradient_descent(net, fewer_biases, 0.1), "one entry per layer")
    grads.db[1][0] = np.nan
    fails(ValueError, lambda: bp.gradient_descent(net, grads, 0.1), "the gradient db2 must be finite", "is nan")
