"""Tests of ``backprop.numerical``: gradients by nudging each parameter, and ``loss_change``.

``numerical_gradient`` defaults to the forward difference at epsilon 1e-5 and
names a bad epsilon or an unknown method; ``nudge`` refuses an epsilon that is
not a finite number, or that would push the parameter beyond float64 (silently
checked, even inside another function's overflow guard), and allows a nudge
down; ``loss_change`` is the difference of the two losses (before and after
the nudge) for whichever loss is asked for, takes one network, not a stack,
and reports an overflow as a NotFiniteError naming it. Expected values come from ``compute_loss`` inside
``nudge``, or from ``backward_prop``, never from the function under test.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from backprop.errors import NotFiniteError
from backprop.gradcheck import relative_error
from backprop.numerical import loss_change
from tests.helpers import fails


def test_numerical_gradients_default_to_the_forward_difference_at_1e_5(net, xor):
    X, y = xor
    exact = bp.backward_prop(net, X, y).flat()
    default = bp.numerical_gradient(net, X, y).flat()
    forward = bp.numerical_gradient(net, X, y, epsilon=1e-5, method="forward").flat()
    assert np.array_equal(default, forward)
    assert 1e-9 < relative_error(exact, default) < 1e-4


def test_numerical_gradient_names_a_bad_epsilon_or_method(net, xor):
    X, y = xor
    fails(ValueError, lambda: bp.numerical_gradient(net, X, y, epsilon=-1.0), "epsilon", "positive")
    fails(
        ValueError,
        lambda: bp.numerical_gradient(net, X, y, method="sideways"),
        "unknown method 'sideways'",
        "the valid method names are",
    )


def test_nudge_takes_a_finite_number(net):
    fails(ValueError, lambda: bp.nudge(net, "W1[0,0]", float("inf")), "epsilon", "finite")
    fails(TypeError, lambda: bp.nudge(net, "W1[0,0]", True), "epsilon must be a number, but got True (bool)")


def test_a_nudge_beyond_float64_is_refused_but_a_nudge_down_is_not(net, xor):
    X, y = xor
    net["W1[0,0]"] = 1e308
    too_large = "epsilon 1e+308 is too large: W1[0,0] + epsilon overflows float64; use a small epsilon"
    fails(ValueError, lambda: bp.nudge(net, "W1[0,0]", 1e308), too_large)  # 2e308 > 1.8e308, the largest float64
    fails(ValueError, lambda: loss_change(net, X, y, "W1[0,0]", 1e308), too_large)  # not an overflow of loss_change
    with bp.nudge(net, "W1[0,0]", -1e308):
        assert float(net["W1[0,0]"]) == 0.0
    assert float(net["W1[0,0]"]) == 1e308


def test_loss_change_that_overflows_says_so_with_the_largest_magnitudes(xor):
    X, y = xor
    linear = bp.init_network((2, 1), seed=0, output="identity")
    largest = np.max(np.abs(linear.flat()))
    fails(
        NotFiniteError,
        lambda: loss_change(linear, X * 1e200, y, "W1[0,0]", 0.1),  # outputs of order 1e200: their squares overflow
        "loss_change: float64 overflowed (numpy reported overflow",
        f"the largest |value| in X is 1e+200 and the largest |parameter| of network is {largest:.3g}: "
        "scale X to values of order 1, or start from smaller parameters",
    )


def test_loss_change_is_the_difference_of_two_losses(net, xor):
    X, y = xor
    before = bp.compute_loss(net, X, y)
    with bp.nudge(net, "W2[1,0]", 0.01):
        after = bp.compute_loss(net, X, y)
    assert loss_change(net, X, y, "W2[1,0]", 0.01) == pytest.approx(after - before, rel=1e-12)
    bce = loss_change(net, X, y, "W2[1,0]", 0.01, loss="binary_cross_entropy")
    base = bp.compute_loss(net, X, y, "binary_cross_entropy")
    with bp.nudge(net, "W2[1,0]", 0.01):
        assert bce == pytest.approx(bp.compute_loss(net, X, y, "binary_cross_entropy") - base, rel=1e-12)


def test_loss_change_takes_one_network_and_a_positive_epsilon(stack, net, xor):
    X, y = xor
    fails(
        ValueError,
        lambda: loss_change(stack, X, np.array([0, 1, 1, 0]), "W1[0,0]", 0.1, "categorical_cross_entropy"),
        "loss_change takes one network, not a stack",
    )
    fails(ValueError, lambda: loss_change(net, X, y, "W1[0,0]", -0.1), "epsilon", "positive finite number", "-0.1")


def test_nudging_z_or_a_directly_matches_the_error_signals_of_the_backward_pass(net, xor):
    X, y = xor
    g = bp.backward_prop(net, X, y)
    for layer in (1, 2):
        assert np.allclose(bp.numerical_signal(net, X, y, layer), g.delta[layer], rtol=0, atol=1e-10)
    for layer in (0, 1):
        dL_da = bp.activation_gradient(net, g, layer)
        assert np.allclose(bp.numerical_signal(net, X, y, layer, of="a"), dL_da, rtol=0, atol=1e-10)


def test_numerical_signal_names_a_layer_out_of_range_and_leaves_nothing_nudged(net, xor):
    fails(ValueError, lambda: bp.numerical_signal(net, *xor, 0), "layer", "1", "2", "z[layer]")
    fails(ValueError, lambda: bp.numerical_signal(net, *xor, 2, of="a"), "layer", "0", "1", "a[layer]")
    fails(ValueError, lambda: bp.numerical_signal(net, *xor, 1, of="W"), "of")
    fails(ValueError, lambda: bp.numerical_signal(bp.init_stack([0, 1]), *xor, 1), "stack")
    X = xor[0].copy()
    bp.numerical_signal(net, X, xor[1], 0, of="a")
    assert np.array_equal(X, xor[0])


def test_numerical_signal_names_each_bad_argument_and_its_own_overflow(net, xor):
    X, y = xor
    fails(ValueError, lambda: bp.numerical_signal(bp.init_stack([0, 1]), X, y, 1), "numerical_signal takes one network")
    fails(TypeError, lambda: bp.numerical_signal(net, X, y, 1.5), "layer")
    fails(ValueError, lambda: bp.numerical_signal(net, X, y, 1, epsilon=0.0), "epsilon")
    big = bp.init_network((2, 3, 1), seed=1, bias_init="normal")
    big["W1[0,0]"], big["W1[1,0]"] = 1e308, 1e308
    fails(
        NotFiniteError,
        lambda: bp.numerical_signal(big, [[1.0, 1.0]], [[0.0]], 1),
        "numerical_signal",
        "in X is 1 and",
        "1e+308",
    )


def _read_only(network):
    for p in network.weights + network.biases:
        p.flags.writeable = False
    return network


def test_nudging_functions_work_on_a_read_only_network_and_leave_it_as_it_was(net, xor):
    X, y = xor
    expected = bp.numerical_gradient(net, X, y).flat()
    frozen = _read_only(net.copy())
    assert np.array_equal(bp.numerical_gradient(frozen, X, y).flat(), expected)
    assert loss_change(frozen, X, y, "W1[0,1]", 1e-3) == loss_change(net, X, y, "W1[0,1]", 1e-3)
    assert np.array_equal(frozen.flat(), net.flat())


def test_nudge_names_a_read_only_array_of_the_network(net):
    net.biases[0].flags.writeable = False
    fails(ValueError, lambda: bp.nudge(net, "W1[0,0]", 0.1), "network.biases[0] (b1) is read-only, but nudge changes")


def test_numerical_signal_nudges_a_copy_of_a_read_only_X(net, xor):
    X, y = xor
    frozen = X.copy()
    frozen.flags.writeable = False
    assert np.array_equal(bp.numerical_signal(net, frozen, y, 0, of="a"), bp.numerical_signal(net, X, y, 0, of="a"))
