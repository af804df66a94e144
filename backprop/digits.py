"""Handwritten digits: the data set and the network of the chapter "Beyond XOR".

scikit-learn ships a small copy of the UCI handwritten digits with its wheel:
1,797 grey-scale images of 8 x 8 pixels, each pixel an integer 0..16, labelled
0..9. Nothing is downloaded. ``load_digits`` returns the images flattened to 64
inputs and scaled to [0, 1] (divided by 16), because a ReLU network trained with
a fixed learning rate of 0.1 wants inputs of order 1; the labels stay integers.

The network is 64-64-10: one hidden layer of 64 ReLU units and a softmax output
of 10 class probabilities, trained with categorical cross-entropy, whose output
delta is ``(y_hat - y) / N``. Its weights start Glorot-uniform, as
scikit-learn's MLPClassifier does, and its biases at zero.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from typing import TypedDict

import numpy as np

from backprop.network import Network, init_network

DIGITS_LAYER_SIZES = (64, 64, 10)


class Settings(TypedDict):
    learning_rate: float
    batch_size: int
    epochs: int
    loss: str


DIGITS_SETTINGS: Settings = {"learning_rate": 0.1, "batch_size": 32, "epochs": 50, "loss": "categorical_cross_entropy"}
"""The chapter's training settings: SGD at learning rate 0.1, batches of 32, 50 epochs."""


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 1,797 digits: X of shape (1797, 64) in [0, 1] (float64) and labels (1797,) in 0..9.

    Needs scikit-learn installed (``pip install scikit-learn`` or the ``test``
    extra). The table is read straight from the file scikit-learn ships,
    ``sklearn/datasets/data/digits.csv.gz`` (64 pixel columns, then the
    label), exactly as ``sklearn.datasets.load_digits`` reads it, without
    importing scikit-learn itself (about a second); if the file is not where
    it is expected, ``load_digits`` is called instead.
    """
    path = _bundled_digits_file()
    if path is not None:
        with gzip.open(path, "rt") as f:
            table = np.loadtxt(f, delimiter=",")
    else:
        try:
            from sklearn.datasets import load_digits as sklearn_digits
        except ImportError:  # pragma: no cover - depends on the environment
            raise ImportError(
                "the digits data set comes with scikit-learn, which is not installed; "
                "install it with `pip install scikit-learn` (or the project's `test` extra)"
            ) from None
        data = sklearn_digits()
        table = np.column_stack([data.data, data.target])
    return table[:, :-1] / 16.0, table[:, -1].astype(np.intp)


def _bundled_digits_file() -> Path | None:
    spec = importlib.util.find_spec("sklearn")  # finds the package without importing it
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "datasets" / "data" / "digits.csv.gz"
        if path.is_file():
            return path
    return None


def digits_network(seed: int = 0, hidden: int = 64, activation: str = "relu") -> Network:
    """A 64-``hidden``-10 network with a softmax output, Glorot-uniform weights and zero biases."""
    return init_network(
        (DIGITS_LAYER_SIZES[0], hidden, DIGITS_LAYER_SIZES[-1]),
        seed=seed,
        init="glorot_uniform",
        hidden=activation,
        output="softmax",
    )
