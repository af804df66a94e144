"""Tests of ``backprop.activations``: softmax and its backward pass, row by row.

Softmax is the one activation that mixes the entries of a row, so these tests
pin that it never mixes rows (nor the networks of a stack), that it stays exact
for rows whose entries are far from 0, and that its backward pass is the
Jacobian-vector product, checked against the Jacobian written out by hand.
The training loop's constants (``constant``) are read-only 0-d float64 arrays,
whatever number they are made from.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from backprop.activations import constant, logistic, softmax
from tests.helpers import fails


def test_softmax_works_row_by_row_even_for_rows_far_apart():
    # Entries of 1000 overflow exp() unless the row's maximum is taken out first.
    z = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0 + np.log(3.0)]])
    assert np.allclose(softmax(z), [[0.25, 0.75], [0.25, 0.75]], rtol=1e-14)
    stacked = np.stack([z, z[::-1]])
    assert np.allclose(softmax(stacked)[1], softmax(z[::-1]), rtol=1e-14)


def test_softmax_backward_is_the_jacobian_vector_product_row_by_row():
    z = np.array([[[0.2, -0.1, 0.4]], [[1.0, 0.0, -1.0]]])  # a stack of 2 networks, 1 row, 3 classes
    g = np.array([[[1.0, 2.0, -1.0]], [[0.5, -0.5, 0.0]]])
    a = softmax(z)
    got = bp.ACTIVATIONS["softmax"].backward(z, a, g)
    for s in range(2):
        J = np.diag(a[s, 0]) - np.outer(a[s, 0], a[s, 0])
        assert np.allclose(got[s, 0], J @ g[s, 0], rtol=1e-14, atol=1e-16)


def test_a_constant_is_a_read_only_0_d_float64_array_even_when_made_from_an_int():
    three = constant(3)
    assert three.dtype == np.float64 and three.shape == () and three == 3.0
    with pytest.raises(ValueError, match="read-only"):
        three[...] = 4.0


def test_the_public_sigmoid_checks_its_argument_and_the_network_calls_the_unchecked_one():
    # The network's layers (and the benchmark's reference loop) call logistic; sigmoid is it behind the checks.
    assert bp.ACTIVATIONS["sigmoid"].f is logistic and bp.sigmoid is not logistic
    z = np.array([[-800.0, -30.0], [0.0, 30.0]])
    assert np.array_equal(bp.sigmoid(z), logistic(z)) and bp.sigmoid(0) == 0.5
    assert bp.sigmoid([-1, 1]).tolist() == logistic(np.array([-1.0, 1.0])).tolist()  # ints and lists: float64
    fails(TypeError, lambda: bp.sigmoid("abc"), "z must be a number (float or int), but got 'abc' (str)")
    fails(TypeError, lambda: bp.sigmoid(np.array([1, 2], dtype="timedelta64[s]")), "z must be", "dtype timedelta64[s]")
    fails(TypeError, lambda: bp.sigmoid(np.array([1j])), "dtype complex128")
    fails(TypeError, lambda: bp.sigmoid(True), "z must hold numbers, but got a boolean array")
    fails(ValueError, lambda: bp.sigmoid(float("nan")), "z must be finite, but z is nan")
    fails(ValueError, lambda: bp.sigmoid([0.0, -np.inf]), "z must be finite, but z[1] is -inf")
