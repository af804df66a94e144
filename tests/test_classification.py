"""Tests of ``backprop.classification``: predicted classes, accuracy and the stratified split.

A network's predicted class is its largest output; ``accuracy`` is the share
of rows whose predicted class is the label (integer labels or one-hot rows), a
Python float for one network and one per network for a stack. ``stratified_split``
puts round(fraction * count) of each class in the test set (a quarter by
default), in increasing order, the same for the same seed, and accepts one-hot
rows like labels. Bad labels (of the wrong type or shape, ragged, out of
range, one-hot rows of the wrong width or not one-hot, or none at all),
fractions and seeds are named. A single sigmoid output predicts class 1
above 0.5; a single output of another activation is refused. The outputs are
hand-made (an identity softmax network, whose class is the largest input) and
class counts are worked out by hand.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from tests.helpers import fails


def _argmax_network(k=3):
    """A k-k softmax network with W = I, b = 0: its predicted class is the largest input."""
    net = bp.init_network((k, k), seed=0, output="softmax")
    net.weights[0][...] = np.eye(k)
    net.biases[0][...] = 0.0
    return net


X_HAND = np.array([[3.0, 1.0, 0.0], [0.0, 2.0, 1.0], [0.0, 0.0, 5.0], [1.0, 0.0, 0.5]])
"""Predicted classes, by the largest entry: 0, 1, 2, 0."""


def test_accuracy_counts_the_rows_whose_largest_output_is_the_label():
    net = _argmax_network()
    assert bp.predict_classes(net, X_HAND).tolist() == [0, 1, 2, 0]
    result = bp.accuracy(net, X_HAND, np.array([0, 1, 1, 2]))
    assert type(result) is float and result == 0.5
    assert bp.accuracy(net, X_HAND, np.eye(3)[[0, 1, 2, 2]]) == 0.75  # one-hot labels


def test_accuracy_of_a_stack_is_one_per_network():
    stack = bp.init_stack([0, 1], (3, 3), output="softmax")
    stack.weights[0][...] = [np.eye(3), np.eye(3)[::-1]]  # the second predicts 2 - (largest input's index)
    stack.biases[0][...] = 0.0
    assert bp.predict_classes(stack, X_HAND).tolist() == [[0, 1, 2, 0], [2, 1, 0, 2]]
    result = bp.accuracy(stack, X_HAND, np.array([0, 1, 0, 2]))
    assert isinstance(result, np.ndarray) and result.tolist() == [0.5, 0.75]


def test_accuracy_and_split_name_bad_labels():
    net = _argmax_network()
    fails(
        ValueError,
        lambda: bp.accuracy(net, X_HAND, np.array([0, 1, 2])),
        "labels must have one entry per row of X (4), but got 3",
    )
    kinds = "labels must be integer class labels of shape (N,) or one-hot rows (N, K)"
    fails(
        TypeError,
        lambda: bp.accuracy(net, X_HAND, np.array([0.0, 1.0, 2.0, 0.0])),
        kinds,
        "dtype float64 and shape (4,)",
    )
    fails(TypeError, lambda: bp.stratified_split(np.array([True, False])), kinds, "dtype bool")
    fails(ValueError, lambda: bp.stratified_split(np.zeros((2, 2, 2), dtype=int)), kinds, "shape (2, 2, 2)")
    fails(TypeError, lambda: bp.stratified_split(np.eye(2, dtype=bool)), "labels must hold numbers", "boolean array")
    fails(ValueError, lambda: bp.stratified_split(np.array([[0.0, np.nan], [1.0, 0.0]])), "labels")


def test_labels_must_be_rectangular_and_hold_at_least_one_label():
    fails(
        ValueError,
        lambda: bp.stratified_split([[0, 1], [1]]),
        "labels must be a rectangular array of numbers (every row the same length), "
        "but its rows have different lengths",
    )
    fails(
        ValueError,
        lambda: bp.stratified_split(np.zeros((0, 3))),
        "labels must hold at least one label, but got shape (0, 3)",
    )
    fails(
        ValueError,
        lambda: bp.stratified_split(np.array([], dtype=int)),
        "labels must hold at least one label, but got none",
    )
    assert bp.accuracy(_argmax_network(), X_HAND[:1], np.array([0])) == 1.0  # one label is enough


def test_stratified_split_takes_a_quarter_of_each_class_by_default():
    labels = np.array([0] * 8 + [1] * 4 + [2] * 6)
    train, test = bp.stratified_split(labels)
    # round(0.25 * 8) = 2, round(0.25 * 4) = 1, round(0.25 * 6) = round(1.5) = 2 (to even)
    assert np.bincount(labels[test], minlength=3).tolist() == [2, 1, 2]
    assert np.array_equal(np.sort(np.concatenate([train, test])), np.arange(18))
    assert np.all(np.diff(train) > 0) and np.all(np.diff(test) > 0)
    same = bp.stratified_split(labels, 0.25, seed=0)
    assert np.array_equal(same[1], test) and np.array_equal(bp.stratified_split(labels, 0.25, seed=0)[1], test)
    assert not all(np.array_equal(bp.stratified_split(labels, 0.25, seed=s)[1], test) for s in range(1, 6))


def test_stratified_split_accepts_one_hot_rows():
    labels = np.array([0, 0, 1, 1, 1, 1])
    one_hot = np.eye(2)[labels]
    assert [a.tolist() for a in bp.stratified_split(one_hot, 0.5, seed=3)] == [
        a.tolist() for a in bp.stratified_split(labels, 0.5, seed=3)
    ]


@pytest.mark.parametrize("fraction", [0, 1, 1.5, -0.25])
def test_a_test_fraction_outside_0_and_1_is_refused(fraction):
    fails(
        ValueError,
        lambda: bp.stratified_split(np.array([0, 1, 0, 1]), fraction),
        "test_fraction must be a number strictly between 0 and 1 (e.g. 0.25)",
        f"got {fraction!r}",
    )


@pytest.mark.parametrize("fraction", ["0.5", None, True])
def test_a_test_fraction_that_is_not_a_number_is_a_type_error(fraction):
    fails(
        TypeError,
        lambda: bp.stratified_split(np.array([0, 1, 0, 1]), fraction),
        "test_fraction must be a number",
        f"got {fraction!r}",
    )


def test_stratified_split_names_a_bad_seed():
    fails(ValueError, lambda: bp.stratified_split(np.array([0, 1]), 0.5, seed=-1), "seed must be 0 or more", "got -1")


def _one_output(output="sigmoid"):
    """A 2-1 network whose z is x0 - x1: its sigmoid output is above 0.5 exactly where x0 > x1."""
    net = bp.init_network((2, 1), seed=0, output=output)
    net.weights[0][...] = [[1.0], [-1.0]]
    net.biases[0][...] = 0.0
    return net


X_PAIRS = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0], [3.0, -1.0]])
"""x0 - x1 = 1, -1, 0, 4: classes 1, 0, 0 (an output of exactly 0.5 is not above it), 1."""


def test_a_single_sigmoid_output_predicts_class_1_above_one_half():
    net = _one_output()
    assert bp.predict_classes(net, X_PAIRS).tolist() == [1, 0, 0, 1]
    assert bp.predict_classes(net, X_PAIRS).dtype == np.intp  # class labels, as the argmax of many outputs
    assert bp.accuracy(net, X_PAIRS, np.array([1, 0, 0, 1])) == 1.0
    assert bp.accuracy(net, X_PAIRS, [[1.0], [0.0], [1.0], [1.0]]) == 0.75  # targets (N, 1) as training takes them
    stack = bp.init_stack([0, 1], (2, 1))
    stack.weights[0][...] = [[[1.0], [-1.0]], [[-1.0], [1.0]]]
    stack.biases[0][...] = 0.0
    assert bp.predict_classes(stack, X_PAIRS).tolist() == [[1, 0, 0, 1], [0, 1, 0, 0]]
    assert bp.accuracy(stack, X_PAIRS, np.array([1, 0, 0, 1])).tolist() == [1.0, 0.25]


def test_an_untrained_network_no_longer_scores_1_on_xor_or_on_the_or_gate():
    # The old argmax over one output was always class 0, so any network scored 1 against (N, 1) targets.
    X, y = bp.xor()
    assert bp.accuracy(bp.init_network(seed=0), X, y) == 0.5  # outputs all just below 0.5: class 0 everywhere
    or_gate = np.array([[0.0], [1.0], [1.0], [1.0]])
    assert bp.accuracy(bp.init_network(seed=0), X, or_gate) == 0.25  # the writing chapter's network before training


@pytest.mark.parametrize("output", ["tanh", "identity", "relu"])
def test_a_single_output_that_is_not_a_probability_is_refused(output):
    net = _one_output(output)
    for function, call in (
        ("accuracy", lambda: bp.accuracy(net, X_PAIRS, [0, 1, 0, 1])),
        ("predict_classes", lambda: bp.predict_classes(net, X_PAIRS)),
    ):
        fails(
            ValueError,
            call,
            f"{function} needs a network with one output per class, or a single sigmoid output (the probability of "
            f"class 1), but network has a single {output} output, which is not a probability; train a sigmoid output, "
            "or compare the outputs with the targets yourself",
        )


def test_two_outputs_are_two_classes_whatever_their_activation():
    net = _argmax_network(2)
    assert bp.predict_classes(net, X_HAND[:, :2]).tolist() == [0, 1, 0, 0]
    assert bp.accuracy(net, X_HAND[:, :2], [0, 1, 1, 0]) == 0.75


def test_labels_must_be_classes_of_the_network():
    net = _argmax_network()
    fails(
        ValueError,
        lambda: bp.accuracy(net, X_HAND, np.array([0, 7, 99, -3])),
        "labels must lie in 0..2 for the network's 3 classes, but got labels from -3 to 99",
    )
    fails(ValueError, lambda: bp.accuracy(net, X_HAND, np.array([0, 1, 2, 3])), "lie in 0..2", "from 0 to 3")
    assert bp.accuracy(net, X_HAND, np.array([0, 1, 2, 2], dtype=np.uint8)) == 0.75  # the edges 0 and 2 are in
    fails(
        ValueError,
        lambda: bp.accuracy(net, X_HAND, np.eye(5)[[0, 1, 2, 3]]),
        "labels as one-hot rows must have one column per output of the network, shape (N, 3), but got shape (4, 5)",
    )
    for rows, shown in [
        ([[1, 0, 0], [0, 1, 1], [0, 0, 1], [1, 0, 0]], "[0.0, 1.0, 1.0]"),
        ([[1, 0, 0], [0, 1, 0], [0, 0, 0], [1, 0, 0]], "[0.0, 0.0, 0.0]"),
        ([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0]], "[0.5, 0.5, 0.0]"),
    ]:
        fails(
            ValueError,
            lambda r=rows: bp.accuracy(net, X_HAND, r),
            "one-hot rows (a single 1 per row, the rest 0)",
            shown,
        )
    one = _one_output()
    fails(
        ValueError,
        lambda: bp.accuracy(one, X_PAIRS, [0, 1, 2, 0]),
        "labels must lie in 0..1 for the network's 2 classes",
    )
    fails(
        ValueError,
        lambda: bp.accuracy(one, X_PAIRS, [[0], [1], [0.5], [0]]),
        "labels for a single sigmoid output must be classes 0 or 1, but labels[2, 0] is 0.5",
        "above 0.5 predicts class 1",
    )
    fails(ValueError, lambda: bp.accuracy(one, X_PAIRS, np.eye(2)[[0, 1, 0, 1]]), "shape (N, 1), but got shape (4, 2)")
    fails(
        TypeError,
        lambda: bp.accuracy(net, X_HAND, np.array([0, 1, 2, 0], dtype="timedelta64[s]")),
        "dtype timedelta64[s]",
    )


def test_one_hot_rows_for_a_split_must_be_one_hot_too():
    fails(ValueError, lambda: bp.stratified_split([[1, 0], [1, 1], [0, 1]]), "row 1 of labels is [1.0, 1.0]")


def test_huge_entries_in_one_hot_rows_are_named_not_summed_into_an_overflow():
    # Found by tests/test_hostile_input.py: rows.sum() of 1e308s warned "overflow" before the named error.
    huge = [[1e308, 1e308], [0, 1], [1, 0], [0, 1]]
    fails(ValueError, lambda: bp.stratified_split(huge), "row 0 of labels is [1e+308, 1e+308]")


@pytest.mark.parametrize(
    "labels, fraction, part, counts",
    [
        ([0, 0, 1, 1], 0.9, "training", "2 of class 0, 2 of class 1"),  # round(1.8) = 2 of each class
        ([0, 0, 1, 1], 0.2, "test", "2 of class 0, 2 of class 1"),  # round(0.4) = 0
        ([3, 3, 3], 0.1, "test", "3 of class 3"),
    ],
)
def test_a_split_that_leaves_either_set_empty_is_refused(labels, fraction, part, counts):
    fails(
        ValueError,
        lambda: bp.stratified_split(labels, fraction),
        f"test_fraction {fraction} leaves the {part} set empty",
        f"the labels hold {counts}; choose a test_fraction nearer 0.5, or give more rows",
    )
    train, test = bp.stratified_split([0, 0, 1, 1], 0.5)
    assert len(train) == len(test) == 2
