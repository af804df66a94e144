"""Classification: predicted classes, accuracy, and a stratified train/test split.

With a softmax output, ``y_hat[n, k]`` is the network's probability that
sample n belongs to class k; the predicted class is the most probable one,
``argmax_k y_hat[n, k]``, and the accuracy is the fraction of samples whose
predicted class is their true class.

A network with a **single sigmoid output** (the guide's XOR network) has two
classes: its output is the probability of class 1, so the predicted class is
1 when the output is above 0.5 (``THRESHOLD``) and 0 otherwise. A single
output of another activation (tanh, identity, relu) is not a probability, and
no threshold fits it: the functions here refuse it, by name.

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

THRESHOLD = 0.5
"""A single sigmoid output above this predicts class 1, at or below it class 0."""


def class_count(function: str, network: Network) -> int:
    """The number of classes ``network`` tells apart: one per output, or 2 for a single sigmoid output."""
    n_out, output = network.layer_sizes[-1], network.activations[-1]
    if n_out > 1:
        return n_out
    if output != "sigmoid":
        raise ValueError(
            f"{function} needs a network with one output per class, or a single sigmoid output (the "
            f"probability of class 1), but network has a single {output} output, which is not a probability; "
            "train a sigmoid output, or compare the outputs with the targets yourself"
        )
    return 2


def _classes(function: str, network: object, X: object) -> np.ndarray:
    net = check_network(network)
    batch = check_X(net, X)
    class_count(function, net)
    with finite_arithmetic(function, net, batch):
        output = forward(net, batch).output
    if net.layer_sizes[-1] == 1:
        above: np.ndarray = (output[..., 0] > THRESHOLD).astype(np.intp)
        return above
    classes: np.ndarray = output.argmax(axis=-1)
    return classes


def predict_classes(network: Network, X: object) -> np.ndarray:
    """The predicted class of each row of X: integer labels, shape (N,) (or (S, N) for a stack).

    The largest output's index; for a single sigmoid output, 1 where the
    output is above 0.5 and 0 elsewhere.
    """
    return _classes("predict_classes", network, X)


def accuracy(network: Network, X: object, labels: object) -> float | Array:
    """The fraction of rows of X whose predicted class equals the label.

    Args:
        network: a network with one output per class, or a single sigmoid
            output (two classes, see ``predict_classes``); or a stack, and
            then the result has shape (S,).
        X: inputs, shape (N, n_0).
        labels: the true classes: integers 0..K-1 of shape (N,), or one-hot
            rows (N, K) with K the network's outputs; for a single sigmoid
            output, 0 or 1 as integers (N,) or as targets (N, 1).

    Returns:
        A number in [0, 1].
    """
    net = check_network(network)
    labels = _labels("labels", labels, width=net.layer_sizes[-1], classes=class_count("accuracy", net))
    predicted = _classes("accuracy", net, X)
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
    for part, rows in (("training", train_idx), ("test", test_idx)):
        if rows.size == 0:
            sizes = ", ".join(f"{(classes == c).sum()} of class {c}" for c in np.unique(classes))
            raise ValueError(
                f"test_fraction {fraction!r} leaves the {part} set empty: each class gives round(test_fraction "
                f"x its rows) to the test set, and the labels hold {sizes}; choose a test_fraction nearer 0.5, "
                "or give more rows"
            )
    return train_idx, test_idx


def _labels(name: str, labels: object, *, width: int | None = None, classes: int | None = None) -> np.ndarray:
    """Integer labels (N,) from integer labels or one-hot rows (N, K), checked.

    ``width``: the network's outputs, which one-hot rows must match (a single
    output takes 0/1 targets (N, 1) instead); ``classes``: the labels' range 0..classes-1.
    """
    raw = as_array(name, labels)
    if raw.ndim == 2:
        rows = as_float_array(name, raw)  # 2-D, as raw is
        if rows.size == 0:
            raise ValueError(f"{name} must hold at least one label, but got shape {rows.shape}")
        if width is not None and rows.shape[1] != width:
            raise ValueError(
                f"{name} as one-hot rows must have one column per output of the network, shape (N, {width}), "
                f"but got shape {rows.shape}"
            )
        if width == 1:
            return _binary_targets(name, rows)
        # Counting the 1s, not summing: a sum of huge entries (1e308) overflows.
        not_one_hot = ~(np.all((rows == 0) | (rows == 1), axis=1) & (np.count_nonzero(rows, axis=1) == 1))
        if np.any(not_one_hot):
            row = int(np.argmax(not_one_hot))
            raise ValueError(
                f"{name} must be one-hot rows (a single 1 per row, the rest 0), but row {row} of {name} is "
                f"{rows[row].tolist()}"
            )
        one_hot: np.ndarray = rows.argmax(axis=1)
        return one_hot
    kinds = f"{name} must be integer class labels of shape (N,) or one-hot rows (N, K)"
    if raw.ndim != 1:
        raise ValueError(f"{kinds}, but got shape {raw.shape}")
    if raw.dtype.kind not in ("i", "u"):  # not timedelta64, which numpy counts among the integers
        raise TypeError(f"{kinds}, but got dtype {raw.dtype} and shape {raw.shape}")
    if raw.size == 0:
        raise ValueError(f"{name} must hold at least one label, but got none")
    if classes is not None and (raw.min() < 0 or raw.max() >= classes):
        raise ValueError(
            f"{name} must lie in 0..{classes - 1} for the network's {classes} classes, but got labels from "
            f"{raw.min()} to {raw.max()}"
        )
    return raw


def _binary_targets(name: str, column: Array) -> np.ndarray:
    """The classes 0/1 of a single output's targets (N, 1): each exactly 0 or 1."""
    other = (column != 0) & (column != 1)
    if np.any(other):
        row = int(np.argmax(other[:, 0]))
        raise ValueError(
            f"{name} for a single sigmoid output must be classes 0 or 1, but {name}[{row}, 0] is "
            f"{column[row, 0]}; an output above {THRESHOLD} predicts class 1"
        )
    binary: np.ndarray = column[:, 0]  # 0.0 and 1.0 equal the predicted classes 0 and 1
    return binary
