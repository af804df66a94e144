"""Tests of ``backprop.gradcheck``: comparing the chain rule with nudging.

``relative_error`` is 0 exactly for agreement (zeros included) and 1 for
opposite gradients; ``gradient_check`` defaults to central differences, and
its per-parameter errors and worst parameter follow their definition;
``epsilon_sweep`` defaults to central differences and mean squared error, and
finds an epsilon it tried up to rounding but no other. Both take one network,
not a stack, and name a bad epsilon or an unknown method; the sweep takes a
list of at least one epsilon (one is enough) and reports an overflow as a
NotFiniteError that names it and gives the largest magnitudes in X and in the
parameters.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from backprop.errors import NotFiniteError
from backprop.gradcheck import EpsilonSweep, epsilon_sweep, relative_error
from tests.helpers import fails


def test_relative_error_is_zero_only_for_agreement_and_one_for_opposites():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.array([1.0, 0.0]), np.array([-1.0, 0.0])) == 1.0
    assert relative_error(np.array([3.0, 4.0]), np.array([3.0, 4.0])) == 0.0


def test_the_gradient_check_defaults_to_central_differences_and_names_the_worst_parameter(net, xor):
    X, y = xor
    check = bp.gradient_check(net, X, y)
    assert check.overall < 1e-9  # central differences at epsilon 1e-5; forward ones give ~1e-6
    per = check.per_parameter()
    assert per.shape == (net.parameter_count,) and np.all(per <= 1)
    i = int(np.argmax(per))
    assert check.worst == per[i] and check.worst_parameter == net.element_names()[i]
    assert per[i] == pytest.approx(
        abs(check.analytic[i] - check.numeric[i]) / (abs(check.analytic[i]) + abs(check.numeric[i]))
    )


def test_the_gradient_check_and_the_epsilon_sweep_take_one_network_not_a_stack(stack, xor):
    X, _ = xor
    labels = np.array([0, 1, 1, 0])
    fails(
        ValueError,
        lambda: bp.gradient_check(stack, X, labels, "categorical_cross_entropy"),
        "gradient_check takes one network, not a stack",
    )
    fails(
        ValueError,
        lambda: epsilon_sweep(stack, X, labels, "categorical_cross_entropy"),
        "epsilon_sweep takes one network, not a stack",
    )


def test_an_epsilon_sweep_defaults_to_central_differences_and_mse(net, xor):
    X, y = xor
    sweep = epsilon_sweep(net, X, y, epsilons=(1e-3, 1e-5))
    assert sweep.method == "central" and sweep.epsilons.tolist() == [1e-3, 1e-5]
    assert sweep.error_at(1e-5) == pytest.approx(bp.gradient_check(net, X, y, epsilon=1e-5).overall, rel=1e-12)
    fails(ValueError, lambda: sweep.error_at(1e-4), "epsilon 0.0001 is not in the sweep; it tried")
    decades = EpsilonSweep("central", np.array([0.1, 0.01]), np.array([1.0, 2.0]))
    assert decades.error_at(0.1 * (1 + 1e-12)) == 1.0  # the same epsilon, up to rounding
    fails(ValueError, lambda: decades.error_at(0.1 * (1 + 1e-7)), "is not in the sweep")


def test_the_gradient_check_and_the_epsilon_sweep_name_a_bad_epsilon_or_method(net, xor):
    X, y = xor
    fails(ValueError, lambda: bp.gradient_check(net, X, y, epsilon=0.0), "epsilon", "positive")
    fails(ValueError, lambda: bp.gradient_check(net, X, y, method="up"), "unknown method 'up'")
    fails(ValueError, lambda: epsilon_sweep(net, X, y, method="up"), "unknown method 'up'")
    fails(ValueError, lambda: epsilon_sweep(net, X, y, epsilons=(1e-3, -1e-3)), "epsilon", "positive", "-0.001")


def test_the_epsilon_sweep_takes_a_list_of_at_least_one_epsilon(net, xor):
    X, y = xor
    for not_a_list, shown in (("1e-3", "'1e-3'"), (1e-3, "0.001")):
        fails(
            TypeError,
            lambda not_a_list=not_a_list: epsilon_sweep(net, X, y, epsilons=not_a_list),
            f"epsilons must be a list of positive numbers, like [1e-1, 1e-2], but got {shown}",
        )
    fails(
        ValueError,
        lambda: epsilon_sweep(net, X, y, epsilons=[]),
        "epsilons must hold at least one epsilon, like [1e-1, 1e-2], but got none",
    )
    one = epsilon_sweep(net, X, y, epsilons=[1e-4])
    assert one.epsilons.tolist() == [1e-4] and one.errors.shape == (1,)


def test_an_epsilon_sweep_that_overflows_says_so_with_the_largest_magnitudes(xor):
    X, y = xor
    linear = bp.init_network((2, 1), seed=0, output="identity")
    largest = np.max(np.abs(linear.flat()))
    fails(
        NotFiniteError,
        lambda: epsilon_sweep(linear, X * 1e200, y),  # outputs of order 1e200: their squares overflow
        "epsilon_sweep: float64 overflowed (numpy reported overflow",
        f"the largest |value| in X is 1e+200 and the largest |parameter| of network is {largest:.3g}: "
        "scale X to values of order 1, or start from smaller parameters",
    )


def test_the_gradient_check_and_the_sweep_work_on_a_read_only_network(net, xor):
    X, y = xor
    expected = bp.gradient_check(net, X, y)
    sweep = epsilon_sweep(net, X, y, epsilons=[1e-3, 1e-6])
    for p in net.weights + net.biases:
        p.flags.writeable = False
    assert bp.gradient_check(net, X, y).overall == expected.overall
    assert epsilon_sweep(net, X, y, epsilons=[1e-3, 1e-6]).errors.tolist() == sweep.errors.tolist()
