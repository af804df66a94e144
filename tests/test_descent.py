"""Tests of ``backprop.descent``: one step of gradient descent.

``gradient_descent`` moves every parameter by minus the learning rate times its
gradient, each network of a stack by its own gradient and, when given one rate
per network, by its own rate; it refuses a learning rate that is not positive
(naming which of a stack's rates), a list of rates for one network or of the
wrong length for a stack, anything but ``Gradients``, and gradients that do
not fit the network (another shape, another number of layers, fewer biases
than weights) or are not finite, naming the gradient at fault. A step that
overflows float64 is a NotFiniteError with the step's own advice, and leaves
the network as it was.
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from backprop.errors import NotFiniteError
from tests.helpers import fails


def test_gradient_descent_on_a_stack_moves_each_network_by_its_own_gradient(stack, xor):
    X, _ = xor
    y = np.eye(2)[[0, 1, 1, 0]]
    before = stack.flat().copy()
    grads = bp.backward_prop(stack, X, y, "categorical_cross_entropy")
    bp.gradient_descent(stack, grads, 0.5)
    assert np.array_equal(stack.flat(), before - 0.5 * grads.flat())


def test_a_stack_given_one_learning_rate_per_network_steps_each_network_by_its_own(stack, xor):
    X, _ = xor
    y = np.eye(2)[[0, 1, 1, 0]]
    before = stack.flat().copy()
    grads = bp.backward_prop(stack, X, y, "categorical_cross_entropy")
    bp.gradient_descent(stack, grads, [0.5, 1.0, 2.0])
    assert np.array_equal(stack.flat(), before - np.array([[0.5], [1.0], [2.0]]) * grads.flat())


def test_learning_rates_per_network_must_be_one_positive_number_per_network_of_a_stack(stack, net, xor):
    X, _ = xor
    y = np.eye(2)[[0, 1, 1, 0]]
    grads = bp.backward_prop(stack, X, y, "categorical_cross_entropy")
    fails(
        ValueError,
        lambda: bp.gradient_descent(stack, grads, [0.5, 1.0]),
        "learning_rate must be one number, or one per network of the stack of 3 (shape (3,)), but got shape (2,)",
    )
    fails(
        TypeError,
        lambda: bp.gradient_descent(stack, grads, [0.5, [1.0, 2.0], 3.0]),
        "learning_rate[1] must be a positive number, but got [1.0, 2.0] (list)",
    )
    # Each rate as written: numpy would read [1, True, 2] as [1, 1, 2] and an array of booleans as numbers.
    fails(TypeError, lambda: bp.gradient_descent(stack, grads, [1, True, 2]), "learning_rate[1]", "got True (bool)")
    fails(TypeError, lambda: bp.gradient_descent(stack, grads, np.array([True] * 3)), "learning_rate[0]", "True (bool)")
    fails(TypeError, lambda: bp.train(stack, X, y, epochs=1, learning_rate=[1, 2, "3"]), "learning_rate[2]", "'3'")
    fails(ValueError, lambda: bp.gradient_descent(stack, grads, [[1.0, 2.0, 3.0]]), "but got shape (1, 3)")
    rates = bp.descent.check_learning_rate(np.array([0.5, 1, 2]), stack)
    assert rates.dtype == np.float64 and rates.tolist() == [0.5, 1.0, 2.0]
    fails(
        ValueError,
        lambda: bp.gradient_descent(stack, grads, [0.5, -1.0, 2.0]),
        "learning_rate[1] must be a positive finite number (> 0, not inf or nan), but got -1.0",
    )
    one = bp.backward_prop(net, X, xor[1])
    fails(
        TypeError,
        lambda: bp.gradient_descent(net, one, [0.5, 1.0]),
        "learning_rate must be a positive number, but got [0.5, 1.0] (list)",
    )


def test_a_step_that_overflows_is_not_finite_and_leaves_the_network_as_it_was(net):
    before = net.flat().copy()
    huge = bp.Gradients([np.full_like(W, 1e308) for W in net.weights], [np.full_like(b, 1e308) for b in net.biases])
    largest = np.max(np.abs(before))
    fails(
        NotFiniteError,
        lambda: bp.gradient_descent(net, huge, 10.0),  # 10 * 1e308 overflows
        "gradient_descent: float64 overflowed (numpy reported overflow",
        f"so the result would not be finite; the largest |parameter| of network is {largest:.3g}: "
        "lower learning_rate, or check the gradients",
    )
    assert np.array_equal(net.flat(), before)


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
        "gradients.dW must be a list of one entry per layer of the network (2), but it has 3 entries",
    )
    grads = bp.backward_prop(net, X, y)
    # The list that is short is named with its own length (the old message said "(2), but got 2": dW's length).
    fewer_biases = bp.Gradients(grads.dW, grads.db[:1])
    fails(
        ValueError, lambda: bp.gradient_descent(net, fewer_biases, 0.1), "gradients.db must", "(2), but it has 1 entry"
    )
    fails(
        ValueError, lambda: bp.gradient_descent(net, bp.Gradients(grads.dW, []), 0.1), "gradients.db", "has 0 entries"
    )
    as_tuple = bp.Gradients(grads.dW, tuple(grads.db))
    fails(ValueError, lambda: bp.gradient_descent(net, as_tuple, 0.1), "gradients.db must be a list", "it is a tuple")
    grads.db[1][0] = np.nan
    fails(ValueError, lambda: bp.gradient_descent(net, grads, 0.1), "the gradient db2 must be finite", "is nan")


def test_a_read_only_array_is_named_before_any_parameter_moves(net, xor):
    grads = bp.backward_prop(net, *xor)
    before = net.flat().copy()
    net.weights[1].flags.writeable = False  # W1 and b1 come first: the old loop had stepped them already
    fails(ValueError, lambda: bp.gradient_descent(net, grads, 0.5), "network.weights[1] (W2) is read-only")
    assert np.array_equal(net.flat(), before)


def test_a_gradient_with_the_wrong_number_of_dimensions_says_so(net, xor):
    grads = bp.backward_prop(net, *xor)
    grads.dW[0] = grads.dW[0].ravel()
    fails(
        ValueError,
        lambda: bp.gradient_descent(net, grads, 0.1),
        "the gradient dW1 must be a 2-D array, but got shape (6,)",
    )


def test_one_learning_rate_for_a_whole_stack_is_checked_like_any_other(stack, xor):
    grads = bp.backward_prop(stack, xor[0], np.eye(2)[[0, 1, 1, 0]])
    fails(ValueError, lambda: bp.gradient_descent(stack, grads, -1.0), "learning_rate must be a positive finite number")
    fails(
        TypeError,
        lambda: bp.gradient_descent(stack, grads, "fast"),
        "learning_rate must be a positive number",
        "'fast'",
    )
