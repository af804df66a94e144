"""Classification: predicted classes, accuracy, and a stratified train/test split.

With a softmax output, ``y_hat[n, k]`` is the network's probability that
sample n belongs to class k; the predicted class is the most probable one,
``argmax_k y_hat[n, k]``, and the accuracy is the fraction of samples whose
predicted class is their true class.

Accuracy is measured on a *test* set the network never trained on: a network
can fit its training set by memorising it, and only unseen samples show
whether it has learnt the classes. A *stratified* split keeps each class's
share the same in both parts, so that no class is missing or over-represented
in the test set by bad luck.
"""

from __future__ import annotations

import numpy as np

from backprop.errors import Array, as_array, as_float_array, finite_number, non_negative_int
from backprop.forward import forward
from backprop.network import Network
from backprop.validation import check_network, check_X, finite_arithmetic


def _classes(function: str, network: object, X: object) -> np.ndarray:
    net = check_network(network)
    batch = check_X(net, X)
    with finite_arithmetic(function, net, batch):
        classes: np.ndarray = forward(net, batch).output.argmax(axis=-1)
    return classes


def predict_classes(network: Network, X: object) -> np.ndarray:
    """The most probable class of each row of X: integer labels, shape (N,) (or (S, N) for a stack)."""
    return _classes("predict_classes", network, X)


def accuracy(network: Network, X: object, labels: object) -> float | Array:
    """The fraction of rows of X whose predicted class equals the label.

    Args:
        network: a network with one output per class (or a stack; then the
            result has shape (S,)).
        X: inputs, shape (N, n_0).
        labels: the true classes, integers of shape (N,), or one-hot rows (N, K).

    Returns:
        A number in [0, 1].
    """
    labels = _labels("labels", labels)
    predicted = _classes("accuracy", network, X)
    if labels.shape[0] != predicted.shape[-1]:
        raise ValueError(f"labels must have one entry per row of X ({predicted.shape[-1]}), but got {labels.shape[0]}")
    hits: Array = (predicted == labels).mean(axis=-1)
    return float(hits) if hits.ndim == 0 else hits


def stratified_split(labels: object, test_fraction: float = 0.25, *, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of a train set and a test set with the same class proportions.

    Each class c with n_c rows gives ``round(test_fraction * n_c)`` of them,
    chosen by ``numpy.random.default_rng(seed)`` (classes in increasing order),
    to the test set and the rest to the training set.

    Args:
        labels: integer class labels, shape (N,) (or one-hot rows).
        test_fraction: the share of each class that goes to the test set, in (0, 1).
        seed: the same seed always gives the same split.

    Returns:
        ``(train_indices, test_indices)``, each sorted, together a partition of 0..N-1.
    """
    classes = _labels("labels", labels)
    fraction = finite_number("test_fraction", test_fraction)
    if not 0 < fraction < 1:
        raise ValueError(
            f"test_fraction must be a number strictly between 0 and 1 (e.g. 0.25), but got {test_fraction!r}"
        )
    rng = np.random.default_rng(non_negative_int("seed", seed))
    test = []
    for c in np.unique(classes):
        rows = rng.permutation(np.flatnonzero(classes == c))
        test.append(rows[: int(round(fraction * len(rows)))])
    test_idx = np.sort(np.concatenate(test))
    train_idx = np.setdiff1d(np.arange(classes.shape[0]), test_idx)
    return train_idx, test_idx


def _labels(name: str, labels: object) -> np.ndarray:
    """Integer labels (N,) from integer labels or one-hot rows (N, K)."""
    raw = as_array(name, labels)
    if raw.ndim == 2:
        one_hot = as_float_array(name, raw, ndim=2)
        if one_hot.size == 0:
            raise ValueError(f"{name} must hold at least one label, but got shape {one_hot.shape}")
        classes: np.ndarray = one_hot.argmax(axis=1)
        return classes
    kinds = f"{name} must be integer class labels of shape (N,) or one-hot rows (N, K)"
    if raw.ndim != 1:
        raise ValueError(f"{kinds}, but got shape {raw.shape}")
    if not np.issubdtype(raw.dtype, np.integer):
        raise TypeError(f"{kinds}, but got dtype {raw.dtype} and shape {raw.shape}")
    if raw.size == 0:
        raise ValueError(f"{name} must hold at least one label, but got none")
    return raw
