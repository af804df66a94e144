"""Tests of ``backprop.forward``: the forward pass and the loss it gives.

``compute_loss`` of one network is a plain Python float (a stack gives one per
network; see ``test_network.py``), defaults to mean squared error, and is the
mean over the rows of the squared errors summed over the outputs, with no 1/2,
as the package's conventions say; the expected value is computed here from
``forward_prop``'s output by that formula.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp


def test_compute_loss_of_a_single_network_is_a_python_float_and_defaults_to_mse(net, xor):
    X, y = xor
    value = bp.compute_loss(net, X, y)
    y_hat, _ = bp.forward_prop(net, X)
    assert type(value) is float and value == pytest.approx(np.mean(np.sum((y_hat - y) ** 2, axis=1)), rel=1e-15)
