"""Steps of the chapter "Beyond XOR: handwritten digits".

Fixtures set here: ``data`` (the digits split: its training part, with the
held-out part beside it, ``support.Split``), ``network`` (the digits network),
``training`` (minibatch SGD in place), ``shuffles`` (the row orders of some
epochs), ``twins`` (two copies trained alike), ``accuracies`` (one per seed),
``parity`` (ours against scikit-learn), ``minibatch_run`` and ``other_run`` (a
minibatch run and the run it is compared with). Every sentence that trains
reads ``data`` and ``loss``, whatever set them: XOR, a table, a CSV, random
inputs or the digits split.
"""

from __future__ import annotations

import numpy as np
import pytest
from pytest_bdd import given, then, when

import backprop as bp
from backprop.digits import DIGITS_SETTINGS, digits_network, load_digits
from backprop.peers import sklearn_train_same_batches
from steps.parsing import clip, sentence
from steps.support import Data, Parity, Run, Shuffles, Split, Training, numbered, sgd_by_hand, summary

LOSS = DIGITS_SETTINGS["loss"]


@pytest.fixture(scope="session")
def digits():
    """The digits (X, labels), loaded once per test session."""
    return load_digits()


def _split(digits, seed: int) -> Split:
    X, labels = digits
    train, test = bp.stratified_split(labels, 0.25, seed=seed)
    return Split.of(X[train], labels[train], Data(X[test], labels[test]), labels)


def _held_out(data) -> Split:
    """The scenario's data as the digits split, which these checks read."""
    if not isinstance(data, Split):
        raise ValueError(
            "this check reads the digits split, and this scenario's data is not split: "
            "Given the digits data set split 75/25 by class with seed 0"
        )
    return data


def _train(network, data, loss, epochs, lr, batch, seed):
    return bp.train_minibatch(network, *data, epochs=epochs, learning_rate=lr, batch_size=batch, seed=seed, loss=loss)


def _epochs(unit: str) -> None:
    if unit not in ("epoch", "epochs"):
        raise ValueError(f"{clip(unit)!r}: write 'epoch' or 'epochs' after the number")


def _seed_accuracy(digits, seed, epochs, lr, batch) -> float:
    split, network = _split(digits, seed), digits_network(seed)
    _train(network, split, LOSS, epochs, lr, batch, seed)
    return float(bp.accuracy(network, *split.test))


@given(sentence("the digits data set split 75/25 by class with seed {seed:d}"), target_fixture="data")
def _(digits, seed):
    """scikit-learn's 1,797 digits, split by ``stratified_split`` (a quarter of each digit for testing).

    The training part is the scenario's data, with the class labels (0 to 9) as
    targets: every sentence that trains reads it (give the loss
    categorical_cross_entropy, for the digits network's softmax output). "The
    accuracy" reads it too; "the test accuracy" reads the held-out quarter.

    Example: Given the digits data set split 75/25 by class with seed 0
    """
    return _split(digits, seed)


@given(sentence("a 64-64-10 ReLU digits network with seed {seed:d}"), target_fixture="network")
def _(seed):
    """``digits_network(seed)``: ReLU hidden layer, softmax output, Glorot-uniform weights, zero biases.

    Example: Given a 64-64-10 ReLU digits network with seed 1
    """
    return digits_network(seed)


@when(sentence("I draw the shuffles of {epochs:d} epochs with shuffle seed {seed:d}"), target_fixture="shuffles")
def _(data, epochs, seed):
    """``epoch_orders`` for the data (the training set): one row order per epoch.

    Example: When I draw the shuffles of 3 epochs with shuffle seed 4
    """
    return Shuffles(bp.epoch_orders(len(data.X), epochs, seed), epochs)


@when(
    sentence(
        "I train two copies for {epochs:d} epochs at learning rate {lr:Number} in batches of {batch:d}, "
        "shuffle seed {seed:d}"
    ),
    target_fixture="twins",
)
def _(network, data, loss, epochs, lr, batch, seed):
    """Train two copies of the network with ``train_minibatch``, the same settings for both.

    Example: When I train two copies for 2 epochs at learning rate 0.1 in batches of 32, shuffle seed 5
    """
    copies = [network.copy(), network.copy()]
    return [Run(copy, _train(copy, data, loss, epochs, lr, batch, seed)) for copy in copies]


@when(
    sentence(
        "I train a 64-64-10 ReLU network on each of the digits splits {first:d} to {last:d} for {epochs:d} "
        "epochs at learning rate {lr:Number} in batches of {batch:d}"
    ),
    target_fixture="accuracies",
)
def _(digits, first, last, epochs, lr, batch):
    """For each seed s: split with seed s, network with seed s, shuffles with seed s; keep the test accuracy.

    Example: When I train a 64-64-10 ReLU network on each of the digits splits 0 to 6 for 50 epochs at learning
        rate 0.1 in batches of 32
    """
    if first > last:
        raise ValueError(f"splits {first} to {last} is an empty range: the first must not be above the last")
    return np.array([_seed_accuracy(digits, s, epochs, lr, batch) for s in range(first, last + 1)])


@when(
    sentence(
        "ours and scikit-learn's MLPClassifier each train a copy for {epochs:d} epochs at learning rate "
        "{lr:Number} in batches of {batch:d}, shuffle seed {seed:d}"
    ),
    target_fixture="parity",
)
def _(network, data, loss, epochs, lr, batch, seed):
    """Train a copy with ``train_minibatch`` and one with scikit-learn on the same batches (``backprop.peers``).

    scikit-learn's classifier minimises the categorical cross-entropy of class labels: so must the scenario.

    Example: When ours and scikit-learn's MLPClassifier each train a copy for 3 epochs at learning rate 0.1 in
        batches of 32, shuffle seed 0
    """
    if loss != LOSS:
        raise ValueError(f"scikit-learn's MLPClassifier trains with {LOSS}, not {loss}: write Given the loss is {LOSS}")
    start = network.copy()
    theirs = sklearn_train_same_batches(start, *data, epochs=epochs, learning_rate=lr, batch_size=batch, seed=seed)
    return Parity(start, Run(network, _train(network, data, loss, epochs, lr, batch, seed)), theirs)


@when(
    sentence(
        "I train by minibatch SGD for {epochs:d} {unit:Word} at learning rate {lr:Number} in batches of {batch:d}, "
        "shuffle seed {seed:d}"
    ),
    target_fixture="training",
)
def _(network, data, loss, epochs, unit, lr, batch, seed):
    """``train_minibatch`` on the network itself (in place), like full-batch training: sets ``training``.

    Each epoch shuffles the data's rows with the shuffle seed and takes one step per batch. After the digits
    split, it trains on the training part.

    Example: When I train by minibatch SGD for 5 epochs at learning rate 0.1 in batches of 32, shuffle seed 0
    """
    _epochs(unit)
    before = network.copy()
    return Training(_train(network, data, loss, epochs, lr, batch, seed), before)


@when(
    sentence(
        "I train a copy by minibatch SGD for {epochs:d} {unit:Word} at learning rate {lr:Number} in batches of "
        "{batch:d}, shuffle seed {seed:d}"
    ),
    target_fixture="minibatch_run",
)
def _(network, data, loss, epochs, unit, lr, batch, seed):
    """``train_minibatch`` on a copy of the network and the data set given (``unit``: "epoch" or "epochs").

    Example: When I train a copy by minibatch SGD for 2 epochs at learning rate 0.5 in batches of 3, shuffle seed 3
    """
    _epochs(unit)
    copy = network.copy()
    history = bp.train_minibatch(copy, *data, epochs=epochs, learning_rate=lr, batch_size=batch, seed=seed, loss=loss)
    return Run(copy, history, seed=seed)


@when(
    sentence(
        "I train another copy by full-batch gradient descent for 1 epoch at learning rate {lr:Number} on the "
        "rows in that shuffled order"
    ),
    target_fixture="other_run",
)
def _(network, data, loss, minibatch_run, lr):
    """``train`` for one epoch on the rows reordered by ``epoch_orders`` with the minibatch run's seed.

    Example: When I train another copy by full-batch gradient descent for 1 epoch at learning rate 0.5 on the rows
        in that shuffled order
    """
    copy, order = network.copy(), bp.epoch_orders(len(data.X), 1, minibatch_run.seed)[0]
    return Run(copy, bp.train(copy, data.X[order], data.y[order], epochs=1, learning_rate=lr, loss=loss))


@when(
    sentence(
        "I train another copy by hand, one backward pass and one descent step per batch, for {epochs:d} epochs "
        "at learning rate {lr:Number} in batches of {batch:d}, shuffle seed {seed:d}"
    ),
    target_fixture="other_run",
)
def _(network, data, loss, epochs, lr, batch, seed):
    """``support.sgd_by_hand``: ``backward_prop`` and ``gradient_descent`` over each batch of ``epoch_orders``.

    Example: When I train another copy by hand, one backward pass and one descent step per batch, for 2 epochs at
        learning rate 0.5 in batches of 3, shuffle seed 3
    """
    copy = network.copy()
    running = sgd_by_hand(copy, *data, epochs=epochs, learning_rate=lr, batch_size=batch, seed=seed, loss=loss)
    return Run(copy, running=running)


@then("the two copies are identical to the last bit")
def _(minibatch_run, other_run):
    """The minibatch copy's parameters have the same bytes as the other copy's.

    Example: Then the two copies are identical to the last bit
    """
    gap = np.abs(minibatch_run.network.flat() - other_run.network.flat()).max()
    assert minibatch_run.network.flat().tobytes() == other_run.network.flat().tobytes(), f"they differ by up to {gap!r}"


@then("the minibatch loss of epoch 1 is the full-batch loss before its step, to the last bit")
def _(minibatch_run, other_run):
    """``train_minibatch``'s ``losses[1]`` equals ``train``'s ``losses[0]`` on the reordered rows.

    Example: Then the minibatch loss of epoch 1 is the full-batch loss before its step, to the last bit
    """
    if len(minibatch_run.history.losses) < 2 or other_run.history is None:
        raise ValueError("this check needs a minibatch run of at least 1 epoch and a full-batch run after it")
    ours, theirs = minibatch_run.history.losses[1], other_run.history.losses[0]
    assert ours == theirs, f"the minibatch loss of epoch 1 is {ours!r}, the full-batch loss {theirs!r}"


@then(
    sentence(
        "each epoch's minibatch loss is the mean of its rows' losses before their batch's step, within {tol:Number}"
    )
)
def _(minibatch_run, other_run, tol):
    """``losses[1:]`` against the hand-written loop's running losses, relative difference at most ``tol``.

    Example: Then each epoch's minibatch loss is the mean of its rows' losses before their batch's step, within 1e-12
    """
    if other_run.running is None or len(other_run.running) != len(minibatch_run.history.losses) - 1:
        raise ValueError("this check compares a minibatch run with a run by hand of as many epochs")
    ours, by_hand = minibatch_run.history.losses[1:], other_run.running
    with np.errstate(over="ignore"):  # a tolerance near the largest float: the bound is inf, not a warning
        off = np.abs(ours - by_hand) > tol * np.abs(by_hand)
    worst = int(np.argmax(np.abs(ours - by_hand)))
    assert not off.any(), (
        f"{int(off.sum())} epochs differ by more than {tol:g} relative; the largest difference, at epoch "
        f"{worst + 1}: {ours[worst]!r} against {by_hand[worst]!r}"
    )


@then(sentence("the training set holds {n_train:d} images and the test set {n_test:d}"))
def _(data, n_train, n_test):
    """The sizes of the two parts of the split.

    Example: Then the training set holds 1347 images and the test set 450
    """
    split = _held_out(data)
    found = (len(split.y), len(split.test.y))
    assert found == (n_train, n_test), f"the training set holds {found[0]} images and the test set {found[1]}"


@then("every digit's share of the test set is within one image of a quarter of its images")
def _(data):
    """For each digit d: |test images of d - 0.25 x images of d| <= 1.

    Example: Then every digit's share of the test set is within one image of a quarter of its images
    """
    split = _held_out(data)
    gap = np.bincount(split.test.y, minlength=10) - 0.25 * np.bincount(split.all_labels, minlength=10)
    assert np.all(np.abs(gap) <= 1), f"the test set's share of each digit is off by {summary(gap)} images"


@then("each epoch visits every training image exactly once")
def _(data, shuffles):
    """Every order is a permutation of the training rows.

    Example: Then each epoch visits every training image exactly once
    """
    bad = [e for e, order in enumerate(shuffles.orders) if not np.array_equal(np.sort(order), np.arange(len(data.X)))]
    assert not bad, f"epochs {bad[:5]} do not visit every image exactly once"


@then("no two epochs visit the images in the same order")
def _(shuffles):
    """The orders are pairwise different (the rows are reshuffled each epoch).

    Example: Then no two epochs visit the images in the same order
    """
    distinct = len({order.tobytes() for order in shuffles.orders})
    assert distinct == len(shuffles.orders), f"{len(shuffles.orders)} epochs have {distinct} different orders"


@then(sentence("drawing them again with shuffle seed {seed:d} gives the same orders"))
def _(data, shuffles, seed):
    """The shuffles depend on the seed only.

    Example: Then drawing them again with shuffle seed 4 gives the same orders
    """
    again = bp.epoch_orders(len(data.X), shuffles.epochs, seed)
    assert np.array_equal(again, shuffles.orders), f"shuffle seed {seed} gives other orders"


@then("the two digits networks are identical to the last bit")
def _(twins):
    """Both copies' parameters have the same bytes.

    Example: Then the two digits networks are identical to the last bit
    """
    gap = np.abs(twins[0].network.flat() - twins[1].network.flat()).max()
    assert twins[0].network.flat().tobytes() == twins[1].network.flat().tobytes(), f"they differ by up to {gap!r}"


@then(sentence("the training loss after {epochs:d} epochs is below half the loss before training"))
def _(twins, epochs, measure):
    """``History.losses[epochs] < losses[0] / 2`` (the loss on the whole training set).

    Example: Then the training loss after 2 epochs is below half the loss before training
    """
    losses = twins[0].history.losses
    numbered("epoch", epochs, 0, len(losses) - 1, plural="epochs trained")
    if losses[0] == 0:
        raise ValueError("the loss before training is 0: a fraction of it is undefined")
    ratio = measure("loss after training over loss before", losses[epochs] / losses[0])
    assert ratio < 1 / 2, f"the loss after {epochs} epochs is {ratio:.6g} times the loss before"


@then(sentence("ours and scikit-learn's parameters agree within {tol:Number}"))
def _(parity, tol, measure):
    """The largest absolute difference over all 4,810 parameters is at most ``tol``.

    Example: Then ours and scikit-learn's parameters agree within 1e-10
    """
    gap = np.max(np.abs(parity.ours.network.flat() - parity.theirs.network.flat()))
    assert measure("largest parameter difference", gap) <= tol, f"the largest difference is {gap!r}"


@then(sentence("so do the losses of every epoch, within {tol:Number}"))
def _(parity, tol, measure):
    """Our ``History.losses[1:]`` (each epoch's mean batch loss) against scikit-learn's ``loss_`` per epoch.

    Example: Then so do the losses of every epoch, within 1e-10
    """
    ours, theirs = parity.ours.history.losses[1:], parity.theirs.losses
    assert ours.shape == theirs.shape, f"{len(ours)} epochs of ours, {len(theirs)} of scikit-learn's"
    if not ours.size:
        raise ValueError("the copies trained for 0 epochs: there are no epoch losses to compare")
    gap = measure("largest loss difference", np.max(np.abs(ours - theirs)))
    assert gap <= tol, f"the largest difference is {gap!r}"


@then(sentence("scikit-learn's copy moved some parameter by more than {distance:Number}"))
def _(parity, distance):
    """Training really happened: some parameter is more than ``distance`` from where it started.

    Example: Then scikit-learn's copy moved some parameter by more than 0.1
    """
    move = np.max(np.abs(parity.theirs.network.flat() - parity.start.flat()))
    assert move > distance, f"the largest move is {move!r}"
