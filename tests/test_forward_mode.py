"""Tests of ``backprop.forward_mode``: exact like the backward pass, P passes like nudging."""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from tests.helpers import fails


@pytest.mark.parametrize(
    ("sizes", "hidden", "output", "loss", "targets"),
    [
        ([2, 2, 1], "sigmoid", "sigmoid", "mse", "uniform"),
        ([2, 3, 1], "relu", "sigmoid", "binary_cross_entropy", "uniform"),
        ([3, 4, 4, 2], "tanh", "softmax", "categorical_cross_entropy", "one-hot"),
        ([2, 5, 2], "identity", "tanh", "mse", "uniform"),
    ],
)
def test_forward_mode_equals_the_backward_pass_to_rounding(sizes, hidden, output, loss, targets):
    network = bp.init_network(sizes, seed=1, hidden=hidden, output=output, init="glorot_uniform", bias_init="normal")
    rng = np.random.default_rng(1)
    X = rng.standard_normal((4, sizes[0]))
    y = rng.uniform(size=(4, sizes[-1])) if targets == "uniform" else np.eye(sizes[-1])[rng.integers(sizes[-1], size=4)]
    a, f = bp.backward_prop(network, X, y, loss).flat(), bp.forward_mode_gradient(network, X, y, loss).flat()
    assert np.linalg.norm(a - f) <= 1e-14 * np.linalg.norm(a)


def test_forward_mode_costs_one_forward_pass_per_parameter_and_leaves_the_network(net, xor):
    before = net.copy()
    with bp.count_passes() as passes:
        bp.forward_mode_gradient(net, *xor)
    assert (passes.forward, passes.backward) == (net.parameter_count, 0)
    assert all(np.array_equal(p, q) for (_, p), (_, q) in zip(net.named(), before.named(), strict=True))


def test_a_stack_is_refused(xor):
    fails(ValueError, lambda: bp.forward_mode_gradient(bp.init_stack([0, 1]), *xor), "stack")
