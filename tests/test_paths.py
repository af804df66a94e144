"""Tests of ``backprop.paths``: the chain rule as a sum over paths.

The paths are listed without the backward pass, so their sum checks
``activation_gradient`` (the recursion) independently; the number of paths is
the product of the widths above; each path's factors are the local
derivatives written in the module's docstring, which a hand count on a tiny
network pins down.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import backprop as bp
from backprop import paths as paths_module
from backprop.activations import sigmoid
from tests.helpers import fails


def _deep():
    network = bp.init_network([3, 4, 4, 2], seed=0, hidden="tanh", output="softmax", init="glorot_uniform")
    rng = np.random.default_rng(0)
    return network, rng.standard_normal((5, 3)), np.eye(2)[rng.integers(2, size=5)]


@pytest.mark.parametrize("layer", [0, 1, 2])
def test_the_paths_of_every_unit_sum_to_its_gradient_from_the_backward_pass(layer):
    network, X, y = _deep()
    g = bp.backward_prop(network, X, y, "categorical_cross_entropy")
    dL_da = bp.activation_gradient(network, g, layer)
    for row in range(len(X)):
        for unit in range(network.layer_sizes[layer]):
            paths = bp.paths_to_loss(network, X, y, layer, unit, "categorical_cross_entropy", row=row)
            assert len(paths) == math.prod(network.layer_sizes[layer + 1 :])
            assert math.isclose(sum(p.product for p in paths), dL_da[row, unit], rel_tol=1e-12, abs_tol=1e-17)


def test_a_path_multiplies_weight_slope_weight_and_the_loss_slope():
    network = bp.init_network([1, 1, 1], init="zeros")
    network["W1[0,0]"], network["b1[0]"], network["W2[0,0]"], network["b2[0]"] = 2.0, 0.0, 3.0, 0.0
    (path,) = bp.paths_to_loss(network, [[0.0]], [[1.0]], 0, 0)
    # z1 = 0, a1 = 1/2, slope 1/4; z2 = 3/2, y_hat = sigmoid(3/2); dL/dz2 = 2 (y_hat - 1) y_hat (1 - y_hat).
    y_hat = float(sigmoid(np.float64(1.5)))
    assert path.units == (0, 0, 0)
    assert path.factors == pytest.approx((2.0, 0.25, 3.0, 2 * (y_hat - 1) * y_hat * (1 - y_hat)), rel=1e-15)
    assert path.product == pytest.approx(2.0 * 0.25 * 3.0 * path.factors[-1], rel=1e-15)


def test_bad_arguments_are_named():
    network, X, y = _deep()
    fails(ValueError, lambda: bp.paths_to_loss(network, X, y, 3, 0), "layer", "0", "2")
    fails(ValueError, lambda: bp.paths_to_loss(network, X, y, 1, 4), "unit", "3")
    fails(ValueError, lambda: bp.paths_to_loss(network, X, y, 0, 0, row=5), "row", "4")
    fails(ValueError, lambda: bp.paths_to_loss(bp.init_stack([0, 1]), *bp.xor(), 0, 0), "stack")
    hidden_softmax = bp.init_network([2, 3, 1], activations=["softmax", "sigmoid"])
    fails(ValueError, lambda: bp.paths_to_loss(hidden_softmax, *bp.xor(), 0, 0), "softmax")


def test_activation_gradient_refuses_the_output_layer_and_foreign_gradients(net, xor):
    g = bp.backward_prop(net, *xor)
    fails(ValueError, lambda: bp.activation_gradient(net, g, 2), "layer", "0", "1")
    fails(TypeError, lambda: bp.activation_gradient(net, "g", 0), "gradients", "str")
    deeper = bp.init_network([2, 3, 3, 1], seed=0)
    fails(ValueError, lambda: bp.activation_gradient(deeper, g, 2), "backward_prop", "delta[3]")


def test_activation_gradient_names_a_layer_that_is_not_a_whole_number(net, xor):
    g = bp.backward_prop(net, *xor)
    fails(TypeError, lambda: bp.activation_gradient(net, g, 0.5), "layer")


def test_more_paths_than_the_limit_are_refused_with_their_count_before_any_is_listed():
    # (2, 400, 400, 400, 1) used to run for a minute and end in a MemoryError.
    network = bp.init_network((2, 400, 400, 400, 1), seed=0)
    X, y = np.ones((1, 2)), np.zeros((1, 1))
    fails(
        ValueError,
        lambda: bp.paths_to_loss(network, X, y, 0, 1),
        "unit 1 of layer 0 reaches the loss along 64,000,000 paths (400 x 400 x 400 x 1 units above it), "
        "more than the 1,000,000 paths_to_loss lists on request (backprop.paths.PATH_LIMIT)",
    )
    assert len(bp.paths_to_loss(network, X, y, 2, 0)) == 400  # a higher layer has few


def test_exactly_the_limit_is_listed_and_one_more_is_refused(monkeypatch):
    network = bp.init_network((1, 3, 4, 2), seed=0)
    X, y = np.ones((1, 1)), np.zeros((1, 2))
    monkeypatch.setattr(paths_module, "PATH_LIMIT", 24)  # the documented way to allow more (or fewer)
    assert len(bp.paths_to_loss(network, X, y, 0, 0)) == 24
    monkeypatch.setattr(paths_module, "PATH_LIMIT", 23)
    fails(
        ValueError,
        lambda: bp.paths_to_loss(network, X, y, 0, 0),
        "along 24 paths (3 x 4 x 2 units above it)",
        "than the 23",
    )
