"""Tests of ``backprop.minibatch``: minibatch stochastic gradient descent.

``batch_slices`` cuts the rows into consecutive batches, keeping a short last
one; ``epoch_orders`` draws one permutation of the rows per epoch from the
seed. ``train_minibatch`` must be exactly a hand-written loop of
``backward_prop`` and ``gradient_descent`` over the batches of ``epoch_orders``
(the same bits), record the loss before training and then each epoch's running
loss, treat each network of a stack as if it were trained alone, default to
seed 0 and mean squared error, name each bad argument, and report a divergence
with the epoch and the learning rate. Expected values come from the hand-written
loop (the ``sgd_by_hand`` step helper) or from ``train`` on one full batch, never
from ``train_minibatch`` itself.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from backprop.errors import CallbackError, DivergenceError
from backprop.minibatch import batch_slices
from tests.helpers import fails


def _data(n, inputs, outputs, seed=0):
    """n rows of inputs in [-1, 1] and targets in [0, 1], drawn from the seed."""
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


def test_epoch_orders_refuse_shuffles_that_need_more_than_the_memory_limit():
    # 8 bytes a row index: 10**6 rows x 200 epochs = 1.6e9 bytes = 1.6e9 / 2**30 GiB = 1.49 GiB.
    fails(
        ValueError,
        lambda: bp.epoch_orders(10**6, 200, 0),
        "200 shuffles of n_samples = 1,000,000 rows, which need 1.49 GiB of memory, more than the 1 GiB backprop "
        "allocates on request (backprop.errors.MEMORY_LIMIT); train on fewer rows or for fewer epochs",
    )
    # One shuffle of 2**27 + 1 rows: 2**30 + 8 bytes, just over the limit (and written 1 GiB).
    fails(
        ValueError,
        lambda: bp.epoch_orders(2**27 + 1, 1, 0),
        "1 shuffles of n_samples = 134,217,729 rows, which need 1 GiB of memory",
    )


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


def test_train_minibatch_defaults_to_seed_0_and_mse():
    X, y = _data(5, 2, 1)
    default, explicit, other = (bp.init_network((2, 2, 1), seed=0) for _ in range(3))
    bp.train_minibatch(default, X, y, epochs=2, learning_rate=0.5, batch_size=2)
    bp.train_minibatch(explicit, X, y, epochs=2, learning_rate=0.5, batch_size=2, seed=0, loss="mse")
    bp.train_minibatch(other, X, y, epochs=2, learning_rate=0.5, batch_size=2, seed=1, loss="mse")
    assert default.flat().tobytes() == explicit.flat().tobytes() != other.flat().tobytes()


def test_a_stack_trains_in_minibatches_like_each_of_its_networks_alone():
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


def test_train_minibatchs_callback_sees_each_epochs_running_loss():
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


def test_a_minibatch_divergence_names_the_epoch_after_the_last_good_one_and_the_rate():
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


def test_a_minibatch_callback_that_breaks_the_network_stops_training_naming_the_epoch():
    X, y = bp.xor()
    seen = []

    def callback(step):
        seen.append(step.epoch)
        if step.epoch == 1:
            step.network.biases[0] = step.network.biases[0].astype(np.float32)

    fails(
        CallbackError,
        lambda: bp.train_minibatch(
            bp.init_network(), X, y, epochs=4, learning_rate=0.5, batch_size=2, callback=callback
        ),
        "train_minibatch: the callback changed the network at epoch 1",
        "b1 must be a float64 array, but got float32",
    )
    assert seen == [0, 1]


def test_a_minibatch_stacks_losses_are_read_only_to_the_callback_and_read_only_networks_are_refused():
    X, y = bp.xor()
    flags = []
    bp.train_minibatch(
        bp.init_stack([0, 1]),
        X,
        y,
        epochs=1,
        learning_rate=0.5,
        batch_size=2,
        callback=lambda s: flags.append(s.loss.flags.writeable),
    )
    assert flags == [False, False]
    net = bp.init_network()
    net.biases[1].flags.writeable = False
    before = net.flat().copy()
    fails(
        ValueError,
        lambda: bp.train_minibatch(net, X, y, epochs=1, learning_rate=0.5, batch_size=2),
        "network.biases[1] (b2) is read-only, but train_minibatch changes",
    )
    assert np.array_equal(net.flat(), before)


def test_the_shuffles_are_checked_by_the_function_the_command_line_calls_up_front():
    from backprop.minibatch import check_shuffles

    assert check_shuffles(1347, 50) is None
    fails(ValueError, lambda: check_shuffles(1347, 10**8), "epochs = 100,000,000 shuffles of n_samples = 1,347 rows")
