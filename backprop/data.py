"""Data sets. XOR is the guide's: output 1 when exactly one input is 1.

The original guide leaves its XOR table as a placeholder ("Header | Title");
this is the real truth table.
"""

from __future__ import annotations

import numpy as np

XOR_TRUTH_TABLE = ((0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0))
"""Rows of (input A, input B, output)."""


def xor() -> tuple[np.ndarray, np.ndarray]:
    """The four XOR rows: X of shape (4, 2) and y of shape (4, 1), float64."""
    table = np.array(XOR_TRUTH_TABLE, dtype=np.float64)
    return table[:, :2], table[:, 2:]
