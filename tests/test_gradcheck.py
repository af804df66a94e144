"""Tests of ``backprop.gradcheck``: comparing the chain rule with nudging.

``relative_error`` is 0 exactly for agreement (zeros included) and 1 for
opposite gradients; ``gradient_check`` defaults to central differences, and
its per-parameter errors and worst parameter follow their definition;
``epsilon_sweep`` defaults to central differences and mean squared error, and
finds an epsilon it tried up to rounding but no other. Both take one network,
not a stack, and name a bad epsilon or an unknown method.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
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
