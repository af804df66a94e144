"""Hypothesis strategies for random networks and batches (property checks and the oracle).

A case is drawn as: 1-4 layers of widths 1-8, a hidden activation, an
(output activation, loss) pair the package accepts, a batch of 1-6 rows, and a
numpy seed for the numbers. Parameters start Glorot-uniform with standard
normal biases, inputs are uniform in [-1, 1]: z stays of order 1, so sigmoid
and tanh do not saturate into gradients below round-off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

import backprop as bp

HIDDEN = ("sigmoid", "tanh", "relu", "identity")
SMOOTH_HIDDEN = ("sigmoid", "tanh", "identity")
# (output activation, loss): every pairing the package accepts.
OUTPUTS = (
    ("sigmoid", "mse"),
    ("tanh", "mse"),
    ("identity", "mse"),
    ("relu", "mse"),
    ("softmax", "mse"),
    ("sigmoid", "binary_cross_entropy"),
    ("softmax", "categorical_cross_entropy"),
)


@dataclass
class Case:
    network: bp.Network
    X: np.ndarray
    y: np.ndarray
    loss: str

    def __repr__(self) -> str:  # what Hypothesis prints for a failing example
        return (
            f"Case(sizes={self.network.layer_sizes}, activations={self.network.activations}, "
            f"loss={self.loss!r}, rows={len(self.X)})"
        )


def _targets(rng, output: str, loss: str, rows: int, width: int) -> np.ndarray:
    if loss == "categorical_cross_entropy":
        return np.eye(width)[rng.integers(0, width, size=rows)]
    if output in ("sigmoid", "softmax") or loss == "binary_cross_entropy":
        return rng.uniform(0.0, 1.0, size=(rows, width))
    return rng.uniform(-1.0, 1.0, size=(rows, width))


@st.composite
def cases(draw, hidden=HIDDEN, outputs=OUTPUTS, max_layers: int = 4) -> Case:
    """A random network with a batch and a loss it accepts."""
    layers = draw(st.integers(1, max_layers))
    sizes = draw(st.lists(st.integers(1, 8), min_size=layers + 1, max_size=layers + 1))
    output, loss = draw(st.sampled_from(outputs))
    if output == "softmax" and sizes[-1] == 1:
        sizes[-1] = 2  # a one-class softmax is the constant 1: no gradient to check
    activations = [draw(st.sampled_from(hidden)) for _ in range(layers - 1)] + [output]
    seed = draw(st.integers(0, 2**32 - 1))
    rows = draw(st.integers(1, 6))
    rng = np.random.default_rng(seed)
    network = bp.init_network(sizes, seed=seed, init="glorot_uniform", bias_init="normal", activations=activations)
    X = rng.uniform(-1.0, 1.0, size=(rows, sizes[0]))
    return Case(network, X, _targets(rng, output, loss, rows, sizes[-1]), loss)
