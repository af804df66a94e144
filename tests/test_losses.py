"""Tests of ``backprop.losses``: logsumexp and the output layer's error signal.

``logsumexp`` (behind categorical cross-entropy) must work row by row and stay
exact for rows far from 0; ``Loss.output_delta`` takes the fused shortcut
``(a - y) / N`` for a loss paired with its canonical output activation unless
``fused=False`` asks for the long way through the chain rule, which must agree.
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from backprop.losses import logsumexp


def test_logsumexp_works_row_by_row_even_for_rows_far_apart():
    # Entries of 1000 overflow exp() unless the row's maximum is taken out first.
    z = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0 + np.log(3.0)]])
    assert np.allclose(logsumexp(z)[:, 0], [np.log(4.0), 1000.0 + np.log(4.0)], rtol=1e-14)
    stacked = np.stack([z, z[::-1]])
    assert np.allclose(logsumexp(stacked)[1], logsumexp(z[::-1]), rtol=1e-14)


def test_the_output_delta_is_fused_unless_asked_otherwise():
    # At z = 2.5 the long way rounds differently (by 2.8e-17), so the default is seen to be the shortcut.
    z = np.array([[0.3], [-1.2], [2.5], [7.1]])
    a, y = bp.sigmoid(z), np.array([[1.0], [0.0], [0.0], [1.0]])
    loss = bp.get_loss("binary_cross_entropy", "sigmoid")
    assert np.array_equal(loss.output_delta(bp.ACTIVATIONS["sigmoid"], z, a, y), (a - y) / 4)
    chained = loss.output_delta(bp.ACTIVATIONS["sigmoid"], z, a, y, fused=False)
    assert np.allclose(chained, (a - y) / 4, rtol=1e-12) and not np.array_equal(chained, (a - y) / 4)
