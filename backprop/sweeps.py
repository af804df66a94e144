"""Seed sweeps: how often, and how fast, does the guide's network learn XOR?

All seeds are trained together as one stack of networks (see ``init_stack``), so
100 seeds cost about as much as a few. A seed has *learned XOR* at the first
epoch at which every one of the four outputs is within ``tolerance`` of its
target.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from backprop.data import xor
from backprop.errors import Array, positive_number
from backprop.network import init_stack
from backprop.training import Step, train


@dataclass
class SeedSweep:
    seeds: np.ndarray
    """The seeds, shape (S,)."""
    solved_epoch: np.ndarray
    """First epoch at which every output was within tolerance; -1 if never."""
    losses: Array
    """Loss history, shape (epochs + 1, S)."""
    outputs: Array
    """Final outputs, shape (S, 4, 1)."""

    @property
    def solved(self) -> np.ndarray:
        """Seeds that learned XOR within the epochs, mask of shape (S,)."""
        return self.solved_epoch >= 0

    @property
    def solved_count(self) -> int:
        return int(self.solved.sum())

    @property
    def failed(self) -> np.ndarray:
        """Seeds that never learned XOR within the epochs, mask of shape (S,)."""
        return ~self.solved

    @property
    def final_loss(self) -> Array:
        final: Array = self.losses[-1]
        return final

    def epochs_to_loss(self, target: float) -> np.ndarray:
        """First epoch at which each seed's loss is <= target; -1 if never."""
        below = self.losses <= target
        return np.where(below.any(axis=0), below.argmax(axis=0), -1)


def sweep_xor(
    seeds: Iterable[int] = range(100),
    *,
    learning_rate: float,
    epochs: int,
    loss: str = "mse",
    tolerance: float = 0.1,
    layer_sizes: Sequence[int] = (2, 2, 1),
    **init_options: Any,
) -> SeedSweep:
    """Train one network per seed on XOR for ``epochs`` epochs and record when each learns it.

    ``init_options`` go to ``init_network`` (``init``, ``bias_init``, ``hidden``, ...).
    """
    tolerance = positive_number("tolerance", tolerance)
    if isinstance(seeds, Iterable) and not isinstance(seeds, (str, bytes)):
        seeds = list(seeds)  # read once: init_stack checks them, the sweep records them
    stack = init_stack(seeds, layer_sizes, **init_options)
    chosen = np.array(seeds, dtype=np.int64)
    X, y = xor()
    solved_epoch = np.full(len(chosen), -1)
    outputs: list[Array] = []

    def record(step: Step) -> None:
        assert step.output is not None  # full-batch training passes its outputs
        ok = np.all(np.abs(step.output - y) < tolerance, axis=(-2, -1))
        solved_epoch[(solved_epoch < 0) & ok] = step.epoch
        outputs[:] = [step.output]

    history = train(stack, X, y, epochs=epochs, learning_rate=learning_rate, loss=loss, callback=record)
    return SeedSweep(chosen, solved_epoch, history.losses, outputs[0])
