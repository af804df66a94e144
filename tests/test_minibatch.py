"""The fine print of minibatch SGD, classification and the digits loader.

Written for the mutants ``make mutation`` showed no scenario of the chapter
"Beyond XOR" caught (its accuracy and scikit-learn scenarios are @slow and stay
out of the mutation run). Expected values come from the definitions: a
hand-written loop of ``backward_prop`` and ``gradient_descent`` over the
batches of ``epoch_orders``, hand-made outputs whose classes are known, class
counts worked out by hand, never from the functions' own output.
"""

from __future__ import annotations

import math
import sys
from types import SimpleNamespace

import numpy as np
import pytest

import backprop as bp
from backprop import digits as digits_module
from backprop.errors import DivergenceError
from backprop.minibatch import batch_slices
from tests.helpers import fails


def _data(n, inputs, outputs, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(-1, 1, (n, inputs)), rng.uniform(0, 1, (n, outputs))


# --- batches and shuffles ---------------------------------------------------


def test_batches_are_consecutive_and_the_last_short_one_is_kept():
    assert batch_slices(10, 4) == [slice(0, 4), slice(4, 8), slice(8, 10)]
    assert batch_slices(3, 5) == [slice(0, 3)]
    assert batch_slices(4, 1) == [slice(0, 1), slice(1, 2), slice(2, 3), slice(3, 4)]


def test_epoch_orders_are_integer_permutations_that_change_every_epoch():
    orders = bp.epoch_orders(7, 4, 3)
    assert orders.shape == (4, 7) and orders.dtype == np.intp
    assert all(sorted(order) == list(range(7)) for order in orders)
    assert len({order.tobytes() for order in orders}) == 4
    empty = bp.epoch_orders(5, 0, 0)
    assert empty.shape == (0, 5) and empty.dtype == np.intp  # still usable as indices


def test_epoch_orders_name_the_bad_argument():
    fails(ValueError, lambda: bp.epoch_orders(0, 1, 0), "n_samples must be at least 1", "got 0")
    fails(ValueError, lambda: bp.epoch_orders(3, -1, 0), "epochs must be 0 or more", "got -1")
    fails(ValueError, lambda: bp.epoch_orders(3, 1, -2), "seed must be 0 or more", "got -2")
    assert bp.epoch_orders(1, 2, 0).tolist() == [[0], [0]]  # one sample is allowed


# --- train_minibatch against its definition ----------------------------------


@pytest.mark.parametrize(
    "sizes, options, loss",
    [
        ((2, 3, 1), {}, "mse"),
        ((2, 1), {}, "mse"),  # no hidden layer
        ((3, 4, 3), {"output": "softmax"}, "categorical_cross_entropy"),
    ],
)
def test_train_minibatch_is_sgd_over_the_shuffled_batches(sizes, options, loss, step_helpers):
    X, y = _data(10, sizes[0], sizes[-1])
    if loss == "categorical_cross_entropy":
        y = np.eye(sizes[-1])[np.arange(10) % sizes[-1]]
    ours, hand = bp.init_network(sizes, seed=2, **options), bp.init_network(sizes, seed=2, **options)
    before = bp.compute_loss(ours, X, y, loss)
    history = bp.train_minibatch(ours, X, y, epochs=3, learning_rate=0.5, batch_size=4, seed=7, loss=loss)
    running = step_helpers["sgd_by_hand"](hand, X, y, epochs=3, learning_rate=0.5, batch_size=4, seed=7, loss=loss)
    # Same batches (10 rows: 4 + 4 + the short 2), same steps: the same bits.
    assert ours.flat().tobytes() == hand.flat().tobytes()
    assert history.losses.shape == (4,) and history.losses[0] == before
    # The running loss: each row's loss just before its batch's step, averaged over all rows.
    np.testing.assert_allclose(history.losses[1:], running, rtol=1e-12, atol=0)
    assert history.reached_target is False


def test_a_batch_of_all_rows_is_one_full_batch_step_on_the_shuffled_rows():
    X, y = _data(6, 2, 1, seed=1)
    ours, full = bp.init_network((2, 2, 1), seed=0), bp.init_network((2, 2, 1), seed=0)
    history = bp.train_minibatch(ours, X, y, epochs=1, learning_rate=0.3, batch_size=6, seed=4)
    order = bp.epoch_orders(6, 1, 4)[0]
    reference = bp.train(full, X[order], y[order], epochs=1, learning_rate=0.3)
    assert ours.flat().tobytes() == full.flat().tobytes()
    # One batch: the running loss is the loss before the step, over all rows.
    assert history.losses[1] == reference.losses[0]


def test_defaults_are_seed_0_and_mse():
    X, y = _data(5, 2, 1)
    default, explicit, other = (bp.init_network((2, 2, 1), seed=0) for _ in range(3))
    bp.train_minibatch(default, X, y, epochs=2, learning_rate=0.5, batch_size=2)
    bp.train_minibatch(explicit, X, y, epochs=2, learning_rate=0.5, batch_size=2, seed=0, loss="mse")
    bp.train_minibatch(other, X, y, epochs=2, learning_rate=0.5, batch_size=2, seed=1, loss="mse")
    assert default.flat().tobytes() == explicit.flat().tobytes() != other.flat().tobytes()


def test_a_stack_trains_like_each_of_its_networks_alone():
    X, y = _data(7, 2, 1)
    stack = bp.init_stack([0, 1], (2, 3, 1))
    alone = [bp.init_network((2, 3, 1), seed=s) for s in (0, 1)]
    history = bp.train_minibatch(stack, X, y, epochs=2, learning_rate=0.5, batch_size=3, seed=5)
    singles = [bp.train_minibatch(net, X, y, epochs=2, learning_rate=0.5, batch_size=3, seed=5) for net in alone]
    assert history.losses.shape == (3, 2)
    for s in (0, 1):
        np.testing.assert_allclose(stack.flat()[s], alone[s].flat(), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(history.losses[:, s], singles[s].losses, rtol=1e-12)


def test_train_minibatch_names_the_bad_argument():
    X, y = bp.xor()
    net = bp.init_network((2, 2, 1), seed=0)

    def call(**kw):
        return bp.train_minibatch(net, X, y, **{"epochs": 1, "learning_rate": 0.1, "batch_size": 2, **kw})

    fails(ValueError, lambda: call(epochs=-1), "epochs must be 0 or more", "got -1")
    fails(ValueError, lambda: call(learning_rate=-0.5), "learning_rate must be a positive finite number", "got -0.5")
    fails(ValueError, lambda: call(batch_size=-3), "batch_size must be 0 or more", "got -3")
    fails(TypeError, lambda: call(callback=3), "callback must be a function taking a Step", "got int")
    call(batch_size=1)  # one row per step is allowed


def test_the_callback_sees_each_epochs_running_loss():
    X, y = bp.xor()
    seen = []
    history = bp.train_minibatch(
        bp.init_network((2, 2, 1), seed=0),
        X,
        y,
        epochs=3,
        learning_rate=0.5,
        batch_size=3,
        callback=lambda step: seen.append((step.epoch, step.loss, step.output)),
    )
    assert [epoch for epoch, _, _ in seen] == [0, 1, 2, 3]
    assert [loss for _, loss, _ in seen] == list(history.losses)
    assert all(output is None for _, _, output in seen)


def test_divergence_names_the_epoch_after_the_last_good_one_and_the_rate():
    X, y = bp.xor()
    net = bp.init_network((2, 2, 1), seed=0, output="identity")
    epochs = []
    error = fails(
        DivergenceError,
        lambda: bp.train_minibatch(
            net, X, y * 1e3, epochs=1000, learning_rate=10.0, batch_size=2, callback=lambda s: epochs.append(s.epoch)
        ),
        "numpy reported",
        "learning rate 10.0",
        "try 1.0",
    )
    assert error.epoch == epochs[-1] + 1 >= 1
    assert f"training diverged at epoch {error.epoch}: numpy reported overflow" in str(error)


# --- classification -----------------------------------------------------------


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


# --- the digits loader and network ---------------------------------------------


def test_the_digits_are_read_from_scikit_learns_file_without_importing_it(monkeypatch):
    path = digits_module._bundled_digits_file()
    assert path is not None and path.is_file()
    assert path.parts[-3:] == ("datasets", "data", "digits.csv.gz") and path.parts[-4] == "sklearn"
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)  # importing it now fails
    X, labels = digits_module.load_digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    # Pixels are 0..16, divided by 16: multiples of 1/16 filling [0, 1].
    assert X.min() == 0.0 and X.max() == 1.0 and np.array_equal(X * 16, np.round(X * 16))
    # Ten digits, each written by hand some 180 times (174 to 183 in the UCI set).
    assert labels.dtype == np.intp and np.bincount(labels).size == 10 and np.bincount(labels).min() >= 170


def test_without_the_bundled_file_the_digits_come_from_scikit_learn(monkeypatch):
    pixels = np.array([[16.0] * 64, [8.0] * 64])
    fake = SimpleNamespace(load_digits=lambda: SimpleNamespace(data=pixels, target=np.array([7, 3])))
    monkeypatch.setattr(digits_module, "_bundled_digits_file", lambda: None)
    monkeypatch.setitem(sys.modules, "sklearn.datasets", fake)
    X, labels = digits_module.load_digits()
    assert np.array_equal(X, pixels / 16) and labels.tolist() == [7, 3] and labels.dtype == np.intp
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    fails(
        ImportError,
        digits_module.load_digits,
        "the digits data set comes with scikit-learn, which is not installed",
        "install it with `pip install scikit-learn` (or the project's `test` extra)",
    )


def test_without_scikit_learn_there_is_no_bundled_file(monkeypatch):
    monkeypatch.setattr(digits_module.importlib.util, "find_spec", lambda name: None)
    assert digits_module._bundled_digits_file() is None


def test_the_digits_network_is_64_64_10_relu_softmax_glorot_uniform():
    net = digits_module.digits_network()
    assert net.layer_sizes == [64, 64, 10]
    assert net.flat().tobytes() == digits_module.digits_network(0).flat().tobytes()
    assert net.flat().tobytes() != digits_module.digits_network(3).flat().tobytes()
    for W, (fan_in, fan_out) in zip(net.weights, [(64, 64), (64, 10)], strict=True):
        limit = math.sqrt(6 / (fan_in + fan_out))  # Glorot-uniform: U(-limit, limit)
        assert np.abs(W).max() <= limit and np.abs(W).max() > 0.9 * limit
    assert all(np.all(b == 0) for b in net.biases)
    assert digits_module.digits_network(0, hidden=5).layer_sizes == [64, 5, 10]
