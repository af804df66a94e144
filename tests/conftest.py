"""Fixtures the unit tests of several modules share.

``net`` is the guide's 2-3-1 sigmoid network with random biases (so no bias
gradient is zero by accident), ``xor`` the four rows of the XOR truth table,
and ``stack`` three 2-3-2 tanh/softmax networks side by side (seeds 4, 5, 6),
for the tests that check a stack against its networks one at a time.
"""

from __future__ import annotations

import pytest

import backprop as bp


@pytest.fixture
def net():
    return bp.init_network((2, 3, 1), seed=1, bias_init="normal")


@pytest.fixture
def xor():
    return bp.xor()


@pytest.fixture
def stack():
    return bp.init_stack([4, 5, 6], (2, 3, 2), bias_init="normal", hidden="tanh", output="softmax")
