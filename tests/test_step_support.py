"""The helpers of the step definitions (steps/support.py), reached through the fixture ``step_helpers``.

pytest is the only importer of ``steps/``: the root conftest loads
``steps.support`` as a plugin, and its fixture hands the helpers over.
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from tests.helpers import fails


def test_a_recorded_descent_step_uses_the_chosen_loss(net, xor, step_helpers):
    X, y = xor
    step = step_helpers["descent_step"](net.copy(), X, y, learning_rate=0.5, loss="binary_cross_entropy")
    assert step.loss_before == bp.compute_loss(net, X, y, "binary_cross_entropy")
    moved = net.copy()
    bp.gradient_descent(moved, bp.backward_prop(net, X, y, "binary_cross_entropy"), 0.5)
    assert step.loss_after == bp.compute_loss(moved, X, y, "binary_cross_entropy")
    assert step_helpers["descent_step"](net.copy(), X, y, learning_rate=0.5).loss_before == bp.compute_loss(net, X, y)


def test_training_copies_use_each_gradient_method(net, xor, step_helpers):
    X, y = xor
    copies = step_helpers["train_copies"](net, X, y, epochs=2, learning_rate=0.5, method="central", epsilon=1e-4)
    numerical = net.copy()
    bp.train(numerical, X, y, epochs=2, learning_rate=0.5, gradient="numerical", method="central", epsilon=1e-4)
    assert np.array_equal(copies["numerical"].flat(), numerical.flat())
    assert not np.array_equal(copies["numerical"].flat(), copies["backprop"].flat())


def test_a_hidden_units_parameters_are_its_weights_in_its_bias_and_its_weights_out(step_helpers):
    net = bp.init_network((2, 3, 2, 1), seed=4, bias_init="normal")
    got = step_helpers["unit_parameters"](net, 2, 1)
    assert got.tolist() == [*net.weights[1][:, 1], net.biases[1][1], *net.weights[2][1, :]]
    stack = bp.init_stack([4, 5], (2, 3, 2, 1), bias_init="normal")
    assert step_helpers["unit_parameters"](stack, 1, 2).shape == (2, 2 + 1 + 2)
    fails(
        ValueError, lambda: step_helpers["unit_parameters"](net, 3, 0), "layer must be a hidden layer, 1..2, but got 3"
    )
    fails(ValueError, lambda: step_helpers["unit_parameters"](net, 0, 0), "but got 0")
