"""Tests of ``backprop.training``: the full-batch training loop ``train``.

``train`` must be exactly a hand-written loop of ``compute_loss``,
``backward_prop`` (or ``numerical_gradient`` with the chosen method) and
``gradient_descent``: the same bits, the loss recorded before each update, the
callback told every epoch, one forward pass per recorded loss and one backward
pass per update. It stops when the loss reaches the target (every network of a
stack must reach it), reports a non-finite loss or a numpy
overflow as a DivergenceError naming the epoch and the learning rate, and
names each bad argument. The expected values come from the hand-written loop,
never from ``train`` itself.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from backprop import training
from backprop.errors import CallbackError, DivergenceError
from tests.helpers import fails


def test_training_records_the_loss_before_each_update_like_a_hand_written_loop(xor):
    X, y = xor
    net = bp.init_network((2, 3, 1), seed=2, bias_init="normal")
    by_hand = net.copy()
    seen = []
    history = bp.train(
        net,
        X,
        y,
        epochs=5,
        learning_rate=0.7,
        callback=lambda step: seen.append((step.epoch, step.loss, step.output.copy(), step.network)),
    )
    expected = []
    for _ in range(5):
        expected.append(bp.compute_loss(by_hand, X, y))
        bp.gradient_descent(by_hand, bp.backward_prop(by_hand, X, y), 0.7)
    expected.append(bp.compute_loss(by_hand, X, y))
    assert history.losses.tolist() == expected and history.epochs == 5 and not history.reached_target
    assert np.array_equal(net.flat(), by_hand.flat())
    assert [epoch for epoch, *_ in seen] == [0, 1, 2, 3, 4, 5] and all(n is net for *_, n in seen)
    assert np.array_equal(seen[-1][2], bp.forward_prop(net, X)[0])


def test_training_makes_one_forward_pass_per_loss_and_one_backward_pass_per_update(net, xor):
    X, y = xor
    with bp.count_passes() as passes:
        bp.train(net, X, y, epochs=3, learning_rate=0.5)
    assert (passes.forward, passes.backward) == (4, 3)  # losses after 0, 1, 2, 3 updates; 3 updates


def test_training_with_cross_entropy_takes_the_fused_output_delta_like_backward_prop(xor):
    X, y = xor
    net = bp.init_network((2, 3, 1), seed=5, bias_init="normal")
    by_hand = net.copy()
    history = bp.train(net, X, y, epochs=3, learning_rate=0.9, loss="binary_cross_entropy")
    losses = []
    for _ in range(3):
        losses.append(bp.compute_loss(by_hand, X, y, "binary_cross_entropy"))
        bp.gradient_descent(by_hand, bp.backward_prop(by_hand, X, y, "binary_cross_entropy"), 0.9)
    losses.append(bp.compute_loss(by_hand, X, y, "binary_cross_entropy"))
    assert net.flat().tobytes() == by_hand.flat().tobytes() and history.losses.tolist() == losses


@pytest.mark.parametrize("method", ["forward", "central"])
def test_training_with_the_numerical_gradient_uses_the_chosen_method(xor, method):
    X, y = xor
    start = bp.init_network((2, 2, 1), seed=3)
    trained = start.copy()
    bp.train(trained, X, y, epochs=1, learning_rate=1.0, gradient="numerical", method=method, epsilon=1e-3)
    by_hand = start.copy()
    bp.gradient_descent(by_hand, bp.numerical_gradient(by_hand, X, y, epsilon=1e-3, method=method), 1.0)
    assert np.array_equal(trained.flat(), by_hand.flat())


def test_training_stops_when_the_loss_reaches_the_target_exactly(xor):
    X, y = xor
    first = bp.init_network((2, 2, 1), seed=0)
    full = bp.train(first.copy(), X, y, epochs=6, learning_rate=1.0)
    target = float(full.losses[3])
    stopped = bp.train(first.copy(), X, y, epochs=6, learning_rate=1.0, target_loss=target)
    assert stopped.reached_target is True and stopped.losses.tolist() == full.losses[:4].tolist()
    assert bp.train(first.copy(), X, y, epochs=2, learning_rate=1.0, target_loss=0.0).reached_target is False


def test_training_a_stack_stops_only_when_every_network_reaches_the_target(xor):
    X, y = xor
    history = bp.train(bp.init_stack([0, 1], (2, 2, 1)), X, y, epochs=3, learning_rate=1.0, target_loss=0.2)
    assert history.losses.shape == (4, 2) and not history.reached_target


def test_a_divergence_names_its_epoch_what_went_wrong_and_a_lower_learning_rate():
    def raise_it(detail, rate):
        raise DivergenceError(7, detail, rate)

    error = fails(
        DivergenceError,
        lambda: raise_it("the loss is [0.5 nan]", np.array(0.25)),
        "training diverged at epoch 7: the loss is [0.5 nan]",
        "learning rate 0.25",
        "try 0.025",
    )
    assert error.epoch == 7 and error.learning_rate == 0.25 and isinstance(error.learning_rate, float)
    per_network = fails(
        DivergenceError,
        lambda: raise_it("numpy reported overflow", np.array([1.0, 2.0])),
        "learning rate [1.0, 2.0]",
        "try [0.1, 0.2]",
    )
    assert per_network.learning_rate.tolist() == [1.0, 2.0]


def test_a_loss_is_a_float_for_one_network_and_an_array_for_a_stack():
    assert training.as_loss(np.float64(0.5)) == 0.5 and isinstance(training.as_loss(np.float64(0.5)), float)
    assert type(training.as_loss(np.array(0.5))) is float  # a 0-d array, as a loss function returns it
    stacked = training.as_loss(np.array([0.5, 0.25]))
    assert isinstance(stacked, np.ndarray) and stacked.tolist() == [0.5, 0.25]


def test_an_overflow_is_a_divergence_that_says_what_numpy_reported(xor):
    X, y = xor
    net = bp.init_network((2, 2, 1), seed=0, hidden="relu", output="identity", bias_init="normal")
    error = fails(
        DivergenceError,
        lambda: bp.train(net, X, y, epochs=1000, learning_rate=100.0),
        "numpy reported overflow",
        "learning rate 100.0",
    )
    assert error.learning_rate == 100.0 and isinstance(error, FloatingPointError)


def test_train_names_each_bad_argument(net, xor):
    X, y = xor
    fails(ValueError, lambda: bp.train(net, X, y, epochs=-2, learning_rate=0.1), "epochs", "0 or more", "-2")
    fails(ValueError, lambda: bp.train(net, X, y, epochs=1, learning_rate=0.0), "learning_rate", "positive")
    fails(
        ValueError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, gradient="chain"),
        "unknown gradient 'chain'",
        "the valid gradient names are: backprop, numerical",
    )
    fails(ValueError, lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, epsilon=0.0), "epsilon", "positive")
    fails(
        ValueError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, method="back"),
        "unknown method 'back'",
        "the valid method names are: forward, central",
    )
    fails(
        ValueError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, target_loss=float("nan")),
        "target_loss",
        "finite number",
        "nan",
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, target_loss="low"),
        "target_loss must be a number, but got 'low' (str)",
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, callback=3),
        "callback must be a function taking a Step, but got int",
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=True, learning_rate=0.1),
        "epochs must be a whole number",
        "True (bool)",
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate="fast"),
        "learning_rate must be a positive number, but got 'fast' (str)",
    )


def _writes(value, name, at):
    """A callback that writes ``value`` straight into parameter ``name``'s array at epoch ``at``."""

    def callback(step):
        if step.epoch == at:
            array, index = step.network.locate(name)
            array[index] = value

    return callback


@pytest.mark.parametrize("gradient", ["backprop", "numerical"])
def test_a_callback_that_writes_nan_stops_training_at_that_epoch_naming_the_parameter(xor, gradient):
    # Before: the losses went on as [..., nan, nan] and no error was raised.
    net = bp.init_network(seed=0)
    seen = []

    def callback(step):
        seen.append(step.epoch)
        _writes(np.nan, "W1[0,0]", 2)(step)

    error = fails(
        CallbackError,
        lambda: bp.train(net, *xor, epochs=5, learning_rate=1.0, gradient=gradient, callback=callback),
        "train: the callback changed the network at epoch 2:",
        "W1[0, 0] is nan",
    )
    assert error.epoch == 2 and seen == [0, 1, 2]  # stopped before stepping from the broken network


def test_an_infinity_written_after_the_last_update_is_not_handed_back(xor):
    net = bp.init_network(seed=0)
    fails(
        CallbackError,
        lambda: bp.train(net, *xor, epochs=4, learning_rate=1.0, callback=_writes(np.inf, "b2[0]", 4)),
        "at epoch 4",
        "b2[0] is inf",
    )


def test_a_callback_that_changes_a_value_in_place_is_refused_though_the_value_is_finite(xor):
    # The update after the call would use the forward pass from before it: a gradient of no network at all.
    net = bp.init_network(seed=0)
    W2_before = float(net.weights[1][0, 0])

    def clip(step):
        np.clip(step.network.weights[1], -0.5, 0.5, out=step.network.weights[1])

    fails(
        CallbackError,
        lambda: bp.train(net, *xor, epochs=3, learning_rate=1.0, callback=clip),
        f"at epoch 0: network parameter W2[0, 0] was {W2_before!r} before the call and is -0.5 after it",
        "must not change it",
    )


def test_a_callback_sees_the_output_and_a_stacks_losses_read_only(xor):
    seen = []

    def callback(step):
        seen.append((step.output.flags.writeable, step.loss.flags.writeable))

    bp.train(bp.init_stack([0, 1]), *xor, epochs=2, learning_rate=1.0, callback=callback)
    assert seen == [(False, False)] * 3

    def spoil(step):
        step.output[...] = np.nan  # would have corrupted the gradient of this very epoch

    fails(
        ValueError, lambda: bp.train(bp.init_network(), *xor, epochs=2, learning_rate=1.0, callback=spoil), "read-only"
    )


def test_a_network_with_a_read_only_array_is_refused_before_any_parameter_moves(xor):
    net = bp.init_network(seed=0)
    net.weights[1].flags.writeable = False  # the old loop had stepped W1 and b1 when W2 failed
    before = net.flat().copy()
    fails(
        ValueError,
        lambda: bp.train(net, *xor, epochs=3, learning_rate=1.0),
        "network.weights[1] (W2) is read-only, but train changes the network's parameters in place",
        "network.copy()",
    )
    assert np.array_equal(net.flat(), before)
