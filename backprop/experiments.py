"""Experiments over many seeds: how often, and how fast, does the guide's network learn XOR?

All seeds are trained together as one stack of networks (see ``init_stack``), so
100 seeds cost about as much as a few. A seed has *learned XOR* at the first
epoch at which every one of the four outputs is within ``tolerance`` of its
target.

The module also holds the small experiments the guide's chapters run on one
network (a recorded gradient-descent step, training copies with each gradient
method, the parameters of one hidden unit), so that a scenario step is one call.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from backprop.chain_rule import backward_prop
from backprop.data import xor
from backprop.descent import gradient_descent
from backprop.errors import positive_number
from backprop.losses import compute_loss
from backprop.network import Gradients, Network, init_stack
from backprop.training import Step, train


@dataclass
class SeedSweep:
    seeds: np.ndarray
    """The seeds, shape (S,)."""
    solved_epoch: np.ndarray
    """First epoch at which every output was within tolerance; -1 if never."""
    losses: np.ndarray
    """Loss history, shape (epochs + 1, S)."""
    outputs: np.ndarray
    """Final outputs, shape (S, 4, 1)."""

    @property
    def solved(self) -> np.ndarray:
        return self.solved_epoch >= 0

    @property
    def solved_count(self) -> int:
        return int(self.solved.sum())

    @property
    def final_loss(self) -> np.ndarray:
        return self.losses[-1]

    def epochs_to_loss(self, target: float) -> np.ndarray:
        """First epoch at which each seed's loss is <= target; -1 if never."""
        below = self.losses <= target
        return np.where(below.any(axis=0), below.argmax(axis=0), -1)

    @property
    def failed(self) -> np.ndarray:
        """Seeds that never learned XOR within the epochs, mask of shape (S,)."""
        return ~self.solved

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
        return self.failed & near

    def outputs_near(self, value: float, tolerance: float) -> np.ndarray:
        """How many of each seed's final outputs lie within ``tolerance`` of ``value``, shape (S,)."""
        return np.sum(np.abs(self.outputs - value) <= tolerance, axis=(-2, -1))

    def loss_drop(self, last_epochs: int) -> np.ndarray:
        """How much each seed's loss fell over the final ``last_epochs`` epochs, shape (S,).

        Small but positive on a plateau: the network is still descending, just
        very slowly.
        """
        return self.losses[-1 - last_epochs] - self.losses[-1]


def sweep_xor(
    seeds=range(100),
    *,
    learning_rate: float,
    epochs: int,
    loss: str = "mse",
    tolerance: float = 0.1,
    layer_sizes=(2, 2, 1),
    **init_options,
) -> SeedSweep:
    """Train one network per seed on XOR for ``epochs`` epochs and record when each learns it.

    ``init_options`` go to ``init_network`` (``init``, ``bias_init``, ``hidden``, ...).
    """
    tolerance = positive_number("tolerance", tolerance)
    seeds = np.asarray(list(seeds))
    X, y = xor()
    stack = init_stack(seeds, layer_sizes, **init_options)
    solved_epoch = np.full(len(seeds), -1)
    last = {}

    def record(step: Step) -> None:
        ok = np.all(np.abs(step.output - y) < tolerance, axis=(-2, -1))
        solved_epoch[(solved_epoch < 0) & ok] = step.epoch
        last["output"] = step.output

    history = train(stack, X, y, epochs=epochs, learning_rate=learning_rate, loss=loss, callback=record)
    return SeedSweep(seeds, solved_epoch, history.losses, last["output"])


def median_epochs_to_learn(*sweeps: SeedSweep) -> np.ndarray:
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


@dataclass
class DescentStep:
    """One gradient-descent step, with what it takes to check it."""

    before: Network
    """A copy of the parameters before the step."""
    gradients: Gradients
    """The backprop gradients the step used."""
    learning_rate: float
    loss_before: float
    loss_after: float

    @property
    def predicted_fall(self) -> float:
        """The first-order (Taylor) prediction of the fall in the loss.

        ``L(theta - eta g) ~ L(theta) - eta g.g``, so a small step lowers the loss
        by about ``learning_rate * |g|^2``.
        """
        g = self.gradients.flat()
        return float(self.learning_rate * (g @ g))

    @property
    def fall(self) -> float:
        """How much the step lowered the loss (negative when the loss rose)."""
        return self.loss_before - self.loss_after

    @property
    def prediction_error(self) -> float:
        """``|fall - predicted_fall| / predicted_fall``: small for a small step, growing with the rate."""
        return abs(self.fall - self.predicted_fall) / self.predicted_fall


def descent_step(network: Network, X, y, *, learning_rate: float, loss: str = "mse") -> DescentStep:
    """Take one gradient-descent step on ``network`` in place (backprop gradients) and record it."""
    before = network.copy()
    gradients = backward_prop(network, X, y, loss)
    gradient_descent(network, gradients, learning_rate)
    return DescentStep(before, gradients, float(learning_rate),
                       float(compute_loss(before, X, y, loss)), float(compute_loss(network, X, y, loss)))


def train_copies(network: Network, X, y, *, gradients=("backprop", "numerical"), **train_options) -> dict[str, Network]:
    """Train one copy of ``network`` per gradient method from the same start; returns {method: trained copy}.

    ``train_options`` go to ``train`` (``epochs``, ``learning_rate``, ``loss``,
    ``epsilon``, ``method``). The original network is left untouched.
    """
    copies = {}
    for gradient in gradients:
        copies[gradient] = network.copy()
        train(copies[gradient], X, y, gradient=gradient, **train_options)
    return copies


def unit_parameters(network: Network, layer: int, unit: int) -> np.ndarray:
    """Everything that makes unit ``unit`` of hidden layer ``layer`` (from 1) what it is, as one vector.

    Its incoming weights ``W[layer][:, unit]``, its bias ``b[layer][unit]`` and
    its outgoing weights ``W[layer + 1][unit, :]``. Two units with equal vectors
    compute the same thing and receive the same gradients.
    """
    if not 1 <= layer < len(network.weights):
        raise ValueError(f"layer must be a hidden layer, 1..{len(network.weights) - 1}, but got {layer}")
    W_in, b, W_out = network.weights[layer - 1], network.biases[layer - 1], network.weights[layer]
    return np.concatenate([W_in[..., :, unit], b[..., unit, None], W_out[..., unit, :]], axis=-1)
