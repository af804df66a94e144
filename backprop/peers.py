"""The same training in scikit-learn: the parity check and the benchmarks' peer.

scikit-learn's ``MLPClassifier`` uses the same mathematics as this package:
``z = a @ W + b`` with samples as rows, ReLU hidden units, a softmax output,
the mean cross-entropy over the batch, output delta ``(y_hat - y) / N``, and
plain SGD ``theta -= learning_rate * gradient`` when momentum, the L2 penalty
``alpha`` and learning-rate schedules are switched off. Started from the same
parameters and fed the same batches in the same order, both must end at the
same parameters, up to floating-point rounding (the order of a few operations
differs, e.g. sklearn divides the gradient by N where this package divides the
delta).

scikit-learn is imported inside the functions: ``import backprop`` needs numpy only.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from backprop.errors import as_float_array, non_negative_int, positive_int, positive_number
from backprop.minibatch import epoch_orders
from backprop.network import Network
from backprop.validation import check_network

SKLEARN_ACTIVATIONS = {"relu": "relu", "sigmoid": "logistic", "tanh": "tanh", "identity": "identity"}
"""This package's hidden-layer activation names and scikit-learn's."""


def sklearn_classifier(
    network: Network, *, learning_rate: float, batch_size: int, epochs: int = 1, shuffle: bool = True, seed: int = 0
) -> Any:
    """An ``MLPClassifier`` with the settings of ``train_minibatch``: the same layer
    sizes and hidden activation, plain SGD at a constant ``learning_rate`` (no
    momentum, no L2 penalty, no early stopping), batches of ``batch_size``,
    ``epochs`` passes (``max_iter``)."""
    from sklearn.neural_network import MLPClassifier

    check_network(network)
    hidden = set(network.activations[:-1])
    if network.activations[-1] != "softmax" or len(hidden) != 1 or not hidden <= set(SKLEARN_ACTIVATIONS):
        raise ValueError(
            "scikit-learn's MLPClassifier needs one hidden activation for all hidden layers "
            f"({', '.join(SKLEARN_ACTIVATIONS)}) and a softmax output, but the network has {network.activations}"
        )
    return MLPClassifier(
        hidden_layer_sizes=tuple(network.layer_sizes[1:-1]),
        activation=SKLEARN_ACTIVATIONS[hidden.pop()],
        solver="sgd",
        learning_rate="constant",
        learning_rate_init=positive_number("learning_rate", learning_rate),
        momentum=0.0,
        nesterovs_momentum=False,
        alpha=0.0,
        batch_size=positive_int("batch_size", batch_size),
        max_iter=positive_int("epochs", epochs),
        shuffle=shuffle,
        early_stopping=False,
        tol=0.0,
        n_iter_no_change=max(epochs, 1) + 1,
        random_state=non_negative_int("seed", seed),
    )


class SklearnRun(NamedTuple):
    """Where scikit-learn's training ended."""

    network: Network
    """Its final ``coefs_`` and ``intercepts_`` as a Network."""
    losses: np.ndarray
    """Its ``loss_`` after each epoch: the mean of the epoch's batch losses
    (compare ``History.losses[1:]`` of ``train_minibatch``)."""


def sklearn_train_same_batches(
    network: Network, X: object, labels: object, *, epochs: int, learning_rate: float, batch_size: int, seed: int = 0
) -> SklearnRun:
    """Train a copy of ``network`` with scikit-learn on the batches ``train_minibatch`` would use.

    scikit-learn starts from ``network``'s parameters (its own random start is
    replaced before any step counts) and makes one ``partial_fit`` pass per
    epoch over the rows in the order ``epoch_orders(N, epochs, seed)`` with its
    own shuffling off, so it sees exactly the batches of
    ``train_minibatch(network, X, labels, ..., seed=seed)``.

    Args:
        network: a network with one hidden activation and a softmax output (not changed).
        X: inputs, shape (N, n_0).
        labels: integer class labels (N,); every class must occur.

    Returns:
        A SklearnRun: the parameters scikit-learn ends at and its loss per epoch.
    """
    inputs = as_float_array("X", X, ndim=2)
    targets = np.asarray(labels)
    epochs = non_negative_int("epochs", epochs)
    # A batch of N rows or more is the whole set, as in train_minibatch; scikit-learn
    # would clip it too, but with a warning.
    batch_size = min(positive_int("batch_size", batch_size), inputs.shape[0])
    classes = np.arange(network.layer_sizes[-1])
    if not np.array_equal(np.unique(targets), classes):
        raise ValueError(
            f"labels must contain every class 0..{classes[-1]} for scikit-learn to build the same output layer"
        )
    clf = sklearn_classifier(network, learning_rate=learning_rate, batch_size=batch_size, shuffle=False)
    # The first partial_fit builds the classifier (layers, classes, optimiser);
    # the parameters it leaves are then replaced by the network's.
    clf.partial_fit(inputs, targets, classes=classes)
    clf.coefs_ = [W.copy() for W in network.weights]
    clf.intercepts_ = [b.copy() for b in network.biases]
    losses = []
    for order in epoch_orders(inputs.shape[0], epochs, seed):
        clf.partial_fit(inputs[order], targets[order])
        losses.append(clf.loss_)
    trained = Network([W.copy() for W in clf.coefs_], [b.copy() for b in clf.intercepts_], list(network.activations))
    return SklearnRun(trained, np.array(losses))
