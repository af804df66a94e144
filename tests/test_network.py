"""Tests of ``backprop.network``: making one network, or a stack of them.

What ``init_network`` and ``init_stack`` refuse (layer sizes that are not whole
numbers, unknown activations and initialisations, an empty list of seeds, more
parameters than the memory limit allows, for one network or for the stack), the
order in which a new network draws its numbers from its seed, and what a stack
is: S networks of one shape, each the network its seed makes alone, run side by
side by every function. A network with fewer biases than weight matrices
cannot be read by name at all. Expected values are redrawn by hand from
``numpy.random.default_rng`` or computed one network at a time, never copied
from the package's output.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from tests.helpers import fails

# --- stacks: every array may carry a leading axis S -------------------------------------------


def test_a_stack_holds_each_seeds_network_and_flattens_per_network(stack):
    single = bp.init_network((2, 3, 2), seed=5, bias_init="normal", hidden="tanh", output="softmax")
    assert stack.stack_size == 3 and stack.layer_sizes == [2, 3, 2]
    assert stack.flat().shape == (3, single.parameter_count)
    assert np.array_equal(stack.flat()[1], single.flat())
    assert stack.element_names() == single.element_names()
    assert float(stack["W2[2,1]"][1]) == float(single["W2[2,1]"])
    assert stack.activations == ["tanh", "softmax"]


def test_a_stack_of_one_seed_is_still_a_stack():
    one = bp.init_stack([3], (2, 2, 1))
    assert one.stack_size == 1 and one.flat().shape == (1, 9) and one.activations == ["sigmoid", "sigmoid"]


def test_a_stack_needs_at_least_one_seed():
    fails(ValueError, lambda: bp.init_stack([], (2, 2, 1)), "seeds must name at least one seed")


def test_a_stack_whose_parameters_would_exceed_the_memory_limit_is_refused_before_any_is_drawn():
    # One 1-8192-8192 network: P = 8192 + 8192 + 8192**2 + 8192 = 2**26 + 3 * 2**13 = 67,133,440 parameters,
    # 537,067,520 bytes (allowed alone); two of them: 1,074,135,040 bytes, just over 2**30 = 1,073,741,824.
    fails(
        ValueError,
        lambda: bp.init_stack([0, 1], (1, 2**13, 2**13)),
        "2 seeds give 134,266,880 float64 parameters, which need 1 GiB of memory, more than the 1 GiB backprop "
        "allocates on request (backprop.errors.MEMORY_LIMIT); use fewer seeds",
    )


def test_a_network_with_fewer_biases_than_weight_matrices_cannot_be_read_by_name():
    good = bp.init_network((2, 3, 1), seed=0)
    broken = bp.Network(good.weights, good.biases[:1], good.activations)
    fails(ValueError, broken.named)
    fails(ValueError, broken.flat)


def test_every_function_treats_the_networks_of_a_stack_independently(stack, xor):
    """Loss, gradients (by the chain rule and by nudging) and layer norms of a stack, network by network.

    It lives here, not with any one of those functions: what it pins is what a
    stack made by ``init_stack`` is (S networks that never mix), and each
    function only has to keep the leading axis apart.
    """
    X, _ = xor
    labels = np.array([0, 1, 1, 0])
    losses = bp.compute_loss(stack, X, labels, "categorical_cross_entropy")
    grads = bp.backward_prop(stack, X, labels, "categorical_cross_entropy")
    numerical = bp.numerical_gradient(stack, X, labels, "categorical_cross_entropy", method="central")
    assert losses.shape == (3,) and grads.flat().shape == stack.flat().shape
    assert grads.layer_norms().shape == (3, 2)
    for s, seed in enumerate([4, 5, 6]):
        one = bp.init_network((2, 3, 2), seed=seed, bias_init="normal", hidden="tanh", output="softmax")
        g = bp.backward_prop(one, X, labels, "categorical_cross_entropy")
        assert losses[s] == pytest.approx(bp.compute_loss(one, X, labels, "categorical_cross_entropy"), rel=1e-14)
        assert np.allclose(grads.flat()[s], g.flat(), rtol=1e-12, atol=1e-15)
        assert np.allclose(numerical.flat()[s], g.flat(), rtol=1e-6, atol=1e-9)
        assert np.allclose(grads.layer_norms()[s], [np.linalg.norm(g.dW[0]), np.linalg.norm(g.dW[1])])


# --- making a network -------------------------------------------------------------------------


def test_layer_sizes_and_activations_are_checked_when_a_network_is_made():
    fails(
        TypeError, lambda: bp.init_network(3), "layer_sizes must be a list of whole numbers, like [2, 2, 1], but got 3"
    )
    fails(
        TypeError,
        lambda: bp.init_network([2, 2.0, 1]),
        "layer_sizes must be whole numbers",
        "[2, 2.0, 1]",
        "2.0 is a float",
    )
    fails(TypeError, lambda: bp.init_network([2, True, 1]), "layer_sizes must be whole numbers", "True is a bool")
    fails(
        ValueError,
        lambda: bp.init_network([2, 1], activations=["tanh", "sigmoid"]),
        "activations needs one name per layer (1), but got 2: ['tanh', 'sigmoid']",
    )
    fails(
        ValueError,
        lambda: bp.init_network([2, 2, 1], init="uniform"),
        "unknown initialisation 'uniform'",
        "normal, glorot_uniform, zeros",
    )
    fails(
        ValueError,
        lambda: bp.init_network([2, 2, 1], bias_init="ones"),
        "unknown bias initialisation 'ones'",
        "zeros, normal",
    )
    # The docstring's example of a typo: P = 2 * 10**7 + 10**7 + 10**7 * 10**5 + 10**5 = 1,000,030,100,000,
    # 8 bytes each: 8,000,240,800,000 bytes = 8,000,240,800,000 / 2**40 TiB = 7.28 TiB.
    fails(
        ValueError,
        lambda: bp.init_network([2, 10**7, 10**5]),
        "layer_sizes [2, 10000000, 100000] give 1,000,030,100,000 float64 parameters, which need 7.28 TiB of memory, "
        "more than the 1 GiB backprop allocates on request (backprop.errors.MEMORY_LIMIT); use smaller layers",
    )
    assert bp.init_network([1, 1]).layer_sizes == [1, 1]
    assert bp.init_network(np.array([3, 2])).parameter_count == 8


def test_a_new_network_draws_its_numbers_in_the_documented_order():
    # Re-drawn here from default_rng(seed): layer by layer, W[l] row-major, then b[l] when random.
    rng = np.random.default_rng(9)
    W1, b1 = rng.standard_normal((2, 3)), rng.standard_normal(3)
    W2, b2 = rng.standard_normal((3, 1)), rng.standard_normal(1)
    net = bp.init_network((2, 3, 1), seed=9, bias_init="normal", hidden="relu", output="identity")
    assert [p.tolist() for _, p in net.named()] == [W1.tolist(), b1.tolist(), W2.tolist(), b2.tolist()]
    assert net.activations == ["relu", "identity"]
    rng = np.random.default_rng(9)
    r1, r2 = np.sqrt(6 / 5), np.sqrt(6 / 4)
    W1, W2 = rng.uniform(-r1, r1, (2, 3)), rng.uniform(-r2, r2, (3, 1))
    glorot = bp.init_network((2, 3, 1), seed=9, init="glorot_uniform")
    assert glorot.weights[0].tolist() == W1.tolist() and glorot.weights[1].tolist() == W2.tolist()
    assert [b.tolist() for b in glorot.biases] == [[0.0, 0.0, 0.0], [0.0]]
    zeros = bp.init_network((2, 3, 1), seed=9, init="zeros", bias_init="normal")
    rng = np.random.default_rng(9)
    assert (
        zeros.flat().tolist()
        == [0.0] * 6 + rng.standard_normal(3).tolist() + [0.0] * 3 + rng.standard_normal(1).tolist()
    )
    default = bp.init_network(seed=9)
    rng = np.random.default_rng(9)
    assert default.layer_sizes == [2, 2, 1] and default.activations == ["sigmoid", "sigmoid"]
    assert default.weights[0].tolist() == rng.standard_normal((2, 2)).tolist() and not default.biases[0].any()
    assert bp.init_network().flat().tolist() == bp.init_network(seed=0).flat().tolist()


@pytest.mark.parametrize("unordered", [{5, 1}, frozenset({2, 1}), {2: "in", 1: "out"}])
def test_layer_sizes_in_no_particular_order_are_refused(unordered):
    fails(
        TypeError,
        lambda: bp.init_network(unordered),
        "layer_sizes must be a list of whole numbers in order",
        f"but got a {type(unordered).__name__}, {unordered!r}, which has no order",
    )


def test_seeds_and_activations_in_no_particular_order_are_refused():
    fails(TypeError, lambda: bp.init_stack({0, 1}), "seeds must be a list of whole numbers", "but got {0, 1}")
    fails(
        TypeError,
        lambda: bp.init_network((2, 2, 1), activations={"tanh", "sigmoid"}),
        "activations must be a list of one activation name per layer, in order",
    )
    assert bp.init_stack(range(2)).stack_size == 2 and bp.init_network(iter([2, 3, 1])).layer_sizes == [2, 3, 1]


def test_a_layer_size_that_is_a_duration_is_refused_by_name():
    fails(
        TypeError,
        lambda: bp.init_network((2, np.timedelta64(2, "s"), 1)),
        "layer_sizes must be whole numbers",
        "timedelta64",
    )


@pytest.mark.parametrize("activations", ["sigmoid", 5])
def test_activations_must_be_a_list_not_one_name_or_a_number(activations):
    fails(
        TypeError,
        lambda: bp.init_network((2, 2, 1), activations=activations),
        "activations must be a list of one activation name per layer, in order",
    )
