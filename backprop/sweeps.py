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

    def ends_near(self, *losses: float, tolerance: float) -> np.ndarray:
        """Failed seeds whose final loss lies within ``tolerance`` of one of ``losses``, mask (S,).

        A failed seed is *on a plateau* when it ends near a loss that a stuck
        network is known to reach: with mean squared error on XOR, 1/8 (two
        outputs at 1/2, two right) or 1/6 (one right, the other three sharing
        the mean of their targets, 1/3 or 2/3).
        """
        near = np.zeros(len(self.seeds), dtype=bool)
        for value in losses:
            near |= np.abs(self.final_loss - value) <= tolerance
        failed_and_near: np.ndarray = self.failed & near
        return failed_and_near

    def outputs_near(self, value: float, tolerance: float) -> np.ndarray:
        """How many of each seed's final outputs lie within ``tolerance`` of ``value``, shape (S,)."""
        counts: np.ndarray = np.sum(np.abs(self.outputs - value) <= tolerance, axis=(-2, -1))
        return counts

    def loss_drop(self, last_epochs: int) -> Array:
        """How much each seed's loss fell over the final ``last_epochs`` epochs, shape (S,).

        Small but positive on a plateau: the network is still descending, just very slowly.
        """
        drop: Array = self.losses[-1 - last_epochs] - self.losses[-1]
        return drop


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


def median_epochs_to_learn(*sweeps: SeedSweep) -> Array:
    """The median epoch at which XOR was learned, for each sweep, over the seeds *every* sweep learned.

    Comparing medians over the same seeds keeps a sweep from looking fast just
    because its slow seeds failed. Returns shape (len(sweeps),); raises if no
    seed was learned by all of them.
    """
    both = np.logical_and.reduce([s.solved for s in sweeps])
    if not both.any():
        raise ValueError("no seed learned XOR in every sweep, so there is no common median to compare")
    return np.array([np.median(s.solved_epoch[both]) for s in sweeps])


def epochs_ratio(first: SeedSweep, second: SeedSweep) -> float:
    """The median epochs ``second`` needs to learn XOR divided by the median ``first`` needs.

    Both medians are taken over the seeds that both sweeps learned; below 1,
    ``second`` is the faster.
    """
    first_median, second_median = median_epochs_to_learn(first, second)
    return float(second_median / first_median)
