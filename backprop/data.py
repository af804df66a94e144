"""Data sets. XOR is the guide's: output 1 when exactly one input is 1.

The original guide leaves its XOR table as a placeholder ("Header | Title");
this is the real truth table.
"""

from __future__ import annotations

import numpy as np

from backprop.network import Network, init_network

XOR_TRUTH_TABLE = ((0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0))
"""Rows of (input A, input B, output)."""


def xor() -> tuple[np.ndarray, np.ndarray]:
    """The four XOR rows: X of shape (4, 2) and y of shape (4, 1), float64."""
    table = np.array(XOR_TRUTH_TABLE, dtype=np.float64)
    return table[:, :2], table[:, 2:]


WORKED_PARAMETERS = {
    "W1[0,0]": 0.75,
    "W1[0,1]": 0.5,
    "W1[1,0]": -0.25,
    "W1[1,1]": 1.5,
    "b1[0]": 0.0,
    "b1[1]": -1.0,
    "W2[0,0]": 1.0,
    "W2[1,0]": -2.0,
    "b2[0]": 0.5,
}
"""The worked example's parameters (not the guide's: it has none). Chosen so that the hidden
weighted sums come out round for the input (1, 1): z1 = (0.5, 1)."""
WORKED_INPUT = (1.0, 1.0)
WORKED_TARGET = (0.0,)


def worked_example() -> tuple[Network, np.ndarray, np.ndarray]:
    """The worked example of the chapters Forward propagation and The chain rule: the guide's
    2-2-1 sigmoid network with ``WORKED_PARAMETERS``, one input row ``WORKED_INPUT`` and its target."""
    network = init_network((2, 2, 1), init="zeros")
    for name, value in WORKED_PARAMETERS.items():
        network[name] = value
    return network, np.array([WORKED_INPUT]), np.array([WORKED_TARGET])
