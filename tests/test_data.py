"""Tests of ``backprop.data``: the XOR data set.

``xor()`` gives the four rows of the truth table as float64 arrays, inputs of
shape (4, 2) and targets of shape (4, 1), the package's conventions for a batch.
"""

from __future__ import annotations

import numpy as np

import backprop as bp


def test_the_xor_data_are_float64():
    X, y = bp.xor()
    assert X.dtype == y.dtype == np.float64 and X.shape == (4, 2) and y.shape == (4, 1)
