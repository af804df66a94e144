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

import numpy as np

from backprop.network import Network, init_network

DIGITS_LAYER_SIZES = (64, 64, 10)
DIGITS_SETTINGS = {"learning_rate": 0.1, "batch_size": 32, "epochs": 50, "loss": "categorical_cross_entropy"}
"""The chapter's training settings: SGD at learning rate 0.1, batches of 32, 50 epochs."""


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 1,797 digits: X of shape (1797, 64) in [0, 1] (float64) and labels (1797,) in 0..9.

    Needs scikit-learn (imported here, not when ``backprop`` is imported):
    ``pip install scikit-learn`` or the ``test`` extra.
    """
    try:
        from sklearn.datasets import load_digits as sklearn_digits
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "the digits data set comes with scikit-learn, which is not installed; "
            "install it with `pip install scikit-learn` (or the project's `test` extra)"
        ) from None
    data = sklearn_digits()
    return data.data.astype(np.float64) / 16.0, data.target.astype(np.intp)


def digits_network(seed: int = 0, hidden: int = 64, activation: str = "relu") -> Network:
    """A 64-``hidden``-10 network with a softmax output, Glorot-uniform weights and zero biases."""
    return init_network(
        (DIGITS_LAYER_SIZES[0], hidden, DIGITS_LAYER_SIZES[-1]),
        seed=seed,
        init="glorot_uniform",
        hidden=activation,
        output="softmax",
    )
