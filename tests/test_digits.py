"""Tests of ``backprop.digits``: the handwritten digits data set and the network for it.

``load_digits`` reads scikit-learn's bundled ``digits.csv.gz`` without importing
scikit-learn, falls back to ``sklearn.datasets`` when the file is not found, and
says how to install scikit-learn when neither is there; pixels come scaled to
[0, 1] and labels as integers. ``digits_network`` is a 64-64-10 relu/softmax
network with Glorot-uniform weights and zero biases, the same for the same seed.
"""

from __future__ import annotations

import math
import sys
from types import SimpleNamespace

import numpy as np

from backprop import digits as digits_module
from tests.helpers import fails


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
