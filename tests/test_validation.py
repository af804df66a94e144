"""Tests of ``backprop.validation``: the checks of a network, its inputs X and its targets y.

Every public function checks its network and batch on entry. These tests pin
what is refused and how the message names it: a network whose weights, biases
and activations do not fit together (for one network and for a stack), a
parameter that is not finite, an X that is not a batch of rows with one column
per input, and a y that does not fit the network's outputs or the loss (values
outside [0, 1] for binary cross-entropy, rows that are not one-hot or labels
outside 0..K-1 for categorical cross-entropy, rows of different lengths). It
also pins what is accepted: any float or int array, and 0 and 1 themselves as
targets. When valid arguments overflow float64, the report gives the largest
magnitude in X and in the parameters as they are, even below 1.
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from backprop.errors import CallbackError, NotFiniteError
from backprop.validation import _largest, check_after_callback, check_network, check_writable, snapshot
from tests.helpers import fails

# --- the network ------------------------------------------------------------------------------


def test_a_network_whose_parts_do_not_fit_together_is_refused_before_anything_runs(xor):
    X, _ = xor
    good = bp.init_network((2, 3, 1), seed=0)

    def variant(**changes):
        parts = dict(
            weights=[W.copy() for W in good.weights],
            biases=[b.copy() for b in good.biases],
            activations=list(good.activations),
        )
        parts.update(changes)
        return bp.Network(**parts)

    fails(
        TypeError,
        lambda: bp.forward_prop({"W1": 1}, X),
        "network must be a backprop.Network (from init_network), but got dict",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(biases=good.biases[:1]), X),
        "network must have one bias per weight matrix and at least one layer, but got 2 weight matrices and 1 biases",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(weights=[], biases=[]), X),
        "at least one layer",
        "0 weight matrices",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(activations=["sigmoid"]), X),
        "network.activations must name one activation per layer (2), but got 1: ['sigmoid']",
    )
    fails(ValueError, lambda: bp.forward_prop(variant(activations=["sigmoid", "step"]), X), "unknown activation 'step'")
    fails(
        TypeError,
        lambda: bp.forward_prop(variant(weights=tuple(good.weights)), X),
        "network.weights must be a list (one entry per layer), but got tuple",
    )
    fails(
        TypeError,
        lambda: bp.forward_prop(variant(weights=[good.weights[0].astype(int), good.weights[1]]), X),
        "network parameter W1 must be a float64 array, but got int64",
        "np.asarray(W1, dtype=float)",
    )
    fails(
        TypeError,
        lambda: bp.forward_prop(variant(biases=[good.biases[0], [0.0]]), X),
        "network parameter b2 must be a float64 array, but got list",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(weights=[good.weights[0], np.zeros((2, 1))]), X),
        "network parameter W2 must have shape (3, 1) to follow layer 1, but got (2, 1)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(weights=[np.zeros(3), good.weights[1]]), X),
        "network parameter W1 must be a matrix of shape (inputs, outputs), but got shape (3,)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(biases=[np.zeros(2), good.biases[1]]), X),
        "network parameter b1 must have shape (3,), but got (2,)",
    )


def test_a_stacks_chain_mismatch_names_the_stacked_shape(xor):
    X, _ = xor
    good = bp.init_network((2, 3, 1), seed=0)
    stacked = bp.init_stack([0, 1], (2, 3, 1))
    fails(
        ValueError,
        lambda: bp.forward_prop(
            bp.Network([stacked.weights[0], good.weights[1]], [stacked.biases[0], good.biases[1]], good.activations), X
        ),
        "network parameter W2 must be a matrix of shape (inputs, outputs), one per network of the stack of 2, "
        "but got shape (3, 1)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(
            bp.Network([stacked.weights[0], np.zeros((2, 2, 1))], stacked.biases, good.activations), X
        ),
        "network parameter W2 must have shape (2, 3, 1) to follow layer 1, but got (2, 2, 1)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(bp.Network(stacked.weights, [stacked.biases[0], good.biases[1]], good.activations), X),
        "network parameter b2 must have shape (2, 1), but got (1,)",
    )


def test_a_parameter_that_is_not_finite_is_named_with_its_index(xor):
    X, _ = xor
    good = bp.init_network((2, 3, 1), seed=0)
    broken = good.copy()
    broken.biases[0][2] = -np.inf
    fails(ValueError, lambda: bp.forward_prop(broken, X), "b1 must be finite, but b1[2] is -inf")


# --- the inputs X -----------------------------------------------------------------------------


def test_X_must_be_a_batch_of_rows_with_one_column_per_input(net):
    fails(
        TypeError,
        lambda: bp.forward_prop(net, [["a", "b"]]),
        "X must be an array of numbers (float or int), but got dtype <U1",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(net, np.zeros((1, 2, 2))),
        "X must be a 1-D or 2-D array, but got shape (1, 2, 2)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(net, np.zeros((0, 2))),
        "X must hold at least one sample (row), but got 0 rows",
    )
    fails(
        ValueError, lambda: bp.forward_prop(net, np.zeros((4, 1))), "X must have one column per input (2), shape (N, 2)"
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(net, [1.0, 0.0]),
        "X must be a 2-D array of shape (N, 2)",
        "but got shape (2,); for a single sample write [x] or X.reshape(1, -1)",
    )
    fails(ValueError, lambda: bp.forward_prop(net, np.zeros((4, 3))), "but got shape (4, 3); samples are rows")


def test_an_overflow_report_gives_the_largest_magnitudes_as_they_are_even_below_1(xor):
    X, y = xor
    linear = bp.init_network((2, 1), seed=0, output="identity")
    linear.weights[0][...] = [[-1e200], [1e200]]
    fails(
        NotFiniteError,
        lambda: bp.compute_loss(linear, X * 0.5, y),  # outputs of 0 and +-5e199: their squares overflow
        "compute_loss: float64 overflowed",
        "the largest |value| in X is 0.5 and the largest |parameter| of network is 1e+200",
    )
    assert _largest([np.array([-0.25, 0.125]), np.zeros((2, 0))]) == 0.25  # an empty array counts as 0


def test_inputs_and_targets_of_any_float_or_int_type_become_float64(net, xor):
    X, y = xor
    assert bp.compute_loss(net, X.astype(np.float32), y.astype(np.int8)) == bp.compute_loss(net, X, y)


# --- the targets y ----------------------------------------------------------------------------


def test_y_must_fit_the_outputs_be_finite_and_lie_in_0_1_for_binary_cross_entropy(net, xor):
    X, y = xor
    fails(ValueError, lambda: bp.compute_loss(net, X, np.zeros((4, 1, 1))), "y must be a 1-D or 2-D array")
    fails(
        ValueError,
        lambda: bp.compute_loss(net, X, [[0.0], [1.0, 1.0], [1.0], [0.0]]),
        "y must be a rectangular array of numbers (every row the same length), but its rows have different lengths",
    )
    fails(
        ValueError, lambda: bp.compute_loss(net, X, [[np.nan], [0], [0], [0]]), "y must be finite, but y[0, 0] is nan"
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(net, X, [[0.0], [1.0], [1.0000001], [0.0]], "binary_cross_entropy"),
        "y must lie in [0, 1] for binary_cross_entropy, but got values from 0.0 to 1.0000001",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(net, X, [[-1e-9], [1.0], [1.0], [0.0]], "binary_cross_entropy"),
        "values from -1e-09",
    )
    assert bp.compute_loss(net, X, y, "binary_cross_entropy") > 0  # 0 and 1 themselves are targets
    assert bp.compute_loss(net, X, y[:, 0]) == bp.compute_loss(net, X, y)  # (N,) is (N, 1) for one output


def test_categorical_targets_must_be_labels_in_range_or_one_hot_rows(xor):
    X, _ = xor
    softmax_net = bp.init_network((2, 3), seed=0, output="softmax")
    fails(
        ValueError,
        lambda: bp.compute_loss(softmax_net, X, np.array([0, -1, 2, 1]), "categorical_cross_entropy"),
        "y class labels must lie in 0..2 for 3 classes, but got labels from -1 to 2",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(softmax_net, X, np.eye(3)[[0, 1, 2, 0]] * 2, "categorical_cross_entropy"),
        "row 0 of y is [2.0, 0.0, 0.0]",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(
            softmax_net, X, [[0, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]], "categorical_cross_entropy"
        ),
        "row 0 of y is [0.0, 0.0, 0.0]",
    )


def test_the_first_row_that_is_not_one_hot_is_named(xor):
    X, _ = xor
    three = bp.init_network((2, 3), seed=0, output="softmax")
    y = [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0], [0, 0, 1]]
    fails(
        ValueError,
        lambda: bp.compute_loss(three, X, y, "categorical_cross_entropy"),
        "y must be one-hot rows (a single 1 per row) or integer class labels for categorical_cross_entropy, "
        "but row 2 of y is [0.5, 0.5, 0.0]",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(three, X, np.array([], dtype=int), "categorical_cross_entropy"),
        "y must have shape (N, 3) = (4, 3)",
        "but got shape (0, 3)",
    )


def test_a_one_output_softmax_takes_its_targets_as_values_not_labels(xor):
    X, _ = xor
    one = bp.init_network((2, 1), seed=0, output="softmax")
    assert bp.compute_loss(one, X, np.array([1, 1, 1, 1]), "categorical_cross_entropy") == 0.0
    fails(
        ValueError,
        lambda: bp.compute_loss(one, X, np.array([0, 0, 0, 0]), "categorical_cross_entropy"),
        "row 0 of y is [0.0]",
    )


def test_a_layer_of_0_units_is_refused_naming_the_layer(xor):
    empty_hidden = bp.Network([np.zeros((2, 0)), np.zeros((0, 1))], [np.zeros(0), np.zeros(1)], ["sigmoid"] * 2)
    fails(
        ValueError,
        lambda: check_network(empty_hidden),
        "W1 has shape (2, 0): layer 1 has 0 units; every layer needs at least 1 unit, as in init_network",
    )
    no_inputs = bp.Network([np.zeros((0, 2)), np.zeros((2, 1))], [np.zeros(2), np.zeros(1)], ["sigmoid"] * 2)
    fails(ValueError, lambda: check_network(no_inputs), "W1 has shape (0, 2): the input layer has 0 units")
    no_outputs = bp.Network([np.zeros((2, 2)), np.zeros((2, 0))], [np.zeros(2), np.zeros(0)], ["sigmoid"] * 2)
    fails(ValueError, lambda: bp.forward_prop(no_outputs, xor[0]), "W2 has shape (2, 0): layer 2 has 0 units")


def test_a_layer_of_0_units_in_a_stack_is_refused_at_that_layer():
    stack = bp.Network(
        [np.zeros((2, 2, 0)), np.zeros((2, 0, 1))], [np.zeros((2, 0)), np.zeros((2, 1))], ["sigmoid"] * 2
    )
    fails(ValueError, lambda: check_network(stack), "W1 has shape (2, 2, 0): layer 1 has 0 units")


def test_a_stack_of_0_networks_is_refused(xor):
    empty = bp.Network(
        [np.zeros((0, 2, 2)), np.zeros((0, 2, 1))], [np.zeros((0, 2)), np.zeros((0, 1))], ["sigmoid"] * 2
    )
    fails(ValueError, lambda: bp.train(empty, *xor, epochs=2, learning_rate=1.0), "a stack of 0 networks", "(0, 2, 2)")


def test_a_read_only_array_is_named_by_its_place_in_the_network_and_its_name(net):
    assert check_writable("train", net) is None
    net.biases[1].flags.writeable = False
    fails(ValueError, lambda: check_writable("train", net), "network.biases[1] (b2) is read-only, but train changes")
    net.weights[0].flags.writeable = False
    fails(ValueError, lambda: check_writable("nudge", net), "network.weights[0] (W1) is read-only, but nudge")


def _wider(network):
    """Replace the network's layers by those of a consistent 2-4-1 network."""
    other = bp.init_network((2, 4, 1), seed=0)
    network.weights[:], network.biases[:] = other.weights, other.biases


def _set(array_of, index, value):
    return lambda n: array_of(n).__setitem__(index, value)


def test_after_a_callback_the_network_must_be_bit_for_bit_as_before(net):
    net.biases[1][0] = 0.0
    before = snapshot(net)
    assert check_after_callback("train", net, before, 3) is None
    net.weights[0] = net.weights[0].copy()  # another array with the same bits: nothing changed for training
    assert check_after_callback("train", net, before, 3) is None
    broken = [
        (_set(lambda n: n.biases[0], 1, np.inf), "b1 must be finite, but b1[1] is inf"),
        (
            _set(lambda n: n.weights[1], (2, 0), 0.5),
            f"W2[2, 0] was {float(net.weights[1][2, 0])!r} before the call and is 0.5",
        ),
        (_set(lambda n: n.biases[1], 0, -0.0), "b2[0] was 0.0 before the call and is -0.0 after it"),  # the bits
        (_wider, "W1 must keep its shape (2, 3), but it has shape (2, 4)"),
        (lambda n: n.weights.__setitem__(1, np.zeros((3, 2))), "b2 must have shape (2,), but got (1,)"),
        (
            lambda n: n.biases.__setitem__(0, np.zeros(3, dtype=np.float32)),
            "b1 must be a float64 array, but got float32",
        ),
        (lambda n: setattr(n, "weights", tuple(n.weights)), "network.weights must be a list"),
        (lambda n: n.activations.__setitem__(1, "tanh"), "must stay ['sigmoid', 'sigmoid'], but they are"),
        (lambda n: setattr(n.weights[1].flags, "writeable", False), "network.weights[1] (W2) is read-only, but train"),
        (
            lambda n: setattr(n.weights[1], "shape", (1, 3)),
            "W2 must have shape (3, 3) to follow layer 1, but got (1, 3)",
        ),
    ]
    for spoil, detail in broken:
        copy = net.copy()
        spoil(copy)
        error = fails(CallbackError, lambda c=copy: check_after_callback("train", c, before, 7), detail)
        assert isinstance(error, ValueError) and error.epoch == 7
        assert str(error).startswith("train: the callback changed the network at epoch 7: ")
        assert str(error).endswith(
            ". A callback may read step.network but must not change it (the step's gradient comes from the forward "
            "pass made before the call); to experiment, change a copy, step.network.copy()"
        )
    deeper = bp.init_network((2, 3, 1, 1), seed=0)
    fails(CallbackError, lambda: check_after_callback("train", deeper, before, 0), "must stay ['sigmoid', 'sigmoid']")


def test_a_stacks_changed_entry_is_named_with_the_networks_index(stack):
    before = snapshot(stack)
    stack.weights[1][2, 0, 1] = 7.0
    fails(CallbackError, lambda: check_after_callback("train", stack, before, 1), "W2[2, 0, 1] was", "and is 7.0")
