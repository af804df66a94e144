"""Helpers that only the step definitions use: small experiments, so that a step is one call.

Each helper computes what a sentence talks about from the package's public
functions; none of it is part of the package, because only the specification
asks these questions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import backprop as bp
from backprop.sweeps import SeedSweep

# --- seed sweeps -----------------------------------------------------------------------------


def ends_near(sweep: SeedSweep, *losses: float, tolerance: float) -> np.ndarray:
    """Failed seeds whose final loss lies within ``tolerance`` of one of ``losses``, mask (S,).

    A failed seed is *on a plateau* when it ends near a loss that a stuck
    network is known to reach: with mean squared error on XOR, 1/8 (two
    outputs at 1/2, two right) or 1/6 (one right, the other three sharing
    the mean of their targets, 1/3 or 2/3).
    """
    near = np.zeros(len(sweep.seeds), dtype=bool)
    for value in losses:
        near |= np.abs(sweep.final_loss - value) <= tolerance
    return sweep.failed & near


def outputs_near(sweep: SeedSweep, value: float, tolerance: float) -> np.ndarray:
    """How many of each seed's final outputs lie within ``tolerance`` of ``value``, shape (S,)."""
    return np.sum(np.abs(sweep.outputs - value) <= tolerance, axis=(-2, -1))


def loss_drop(sweep: SeedSweep, last_epochs: int) -> np.ndarray:
    """How much each seed's loss fell over the final ``last_epochs`` epochs, shape (S,).

    Small but positive on a plateau: the network is still descending, just very slowly.
    """
    return sweep.losses[-1 - last_epochs] - sweep.losses[-1]


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


# --- one network --------------------------------------------------------------------------------


@dataclass
class DescentStep:
    """One gradient-descent step, with what it takes to check it."""

    before: bp.Network
    """A copy of the parameters before the step."""
    gradients: bp.Gradients
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


def descent_step(network: bp.Network, X, y, *, learning_rate: float, loss: str = "mse") -> DescentStep:
    """Take one gradient-descent step on ``network`` in place (backprop gradients) and record it."""
    before = network.copy()
    gradients = bp.backward_prop(network, X, y, loss)
    bp.gradient_descent(network, gradients, learning_rate)
    return DescentStep(
        before,
        gradients,
        float(learning_rate),
        float(bp.compute_loss(before, X, y, loss)),
        float(bp.compute_loss(network, X, y, loss)),
    )


def train_copies(
    network: bp.Network, X, y, *, gradients=("backprop", "numerical"), **train_options
) -> dict[str, bp.Network]:
    """Train one copy of ``network`` per gradient method from the same start; returns {method: trained copy}.

    ``train_options`` go to ``train`` (``epochs``, ``learning_rate``, ``loss``,
    ``epsilon``, ``method``). The original network is left untouched.
    """
    copies = {}
    for gradient in gradients:
        copies[gradient] = network.copy()
        bp.train(copies[gradient], X, y, gradient=gradient, **train_options)
    return copies


def unit_parameters(network: bp.Network, layer: int, unit: int) -> np.ndarray:
    """Everything that makes unit ``unit`` of hidden layer ``layer`` (from 1) what it is, as one vector.

    Its incoming weights ``W[layer][:, unit]``, its bias ``b[layer][unit]`` and
    its outgoing weights ``W[layer + 1][unit, :]``. Two units with equal vectors
    compute the same thing and receive the same gradients.
    """
    if not 1 <= layer < len(network.weights):
        raise ValueError(f"layer must be a hidden layer, 1..{len(network.weights) - 1}, but got {layer}")
    W_in, b, W_out = network.weights[layer - 1], network.biases[layer - 1], network.weights[layer]
    return np.concatenate([W_in[..., :, unit], b[..., unit, None], W_out[..., unit, :]], axis=-1)
