"""The training loop: forward, gradient, descend, repeat.

One epoch is one full-batch step: a forward pass to get the loss, the gradient
(by the chain rule, or by nudging), and one gradient-descent update.
``History.losses[k]`` is the loss after k updates, so it holds ``epochs + 1``
values when training runs to the end.

Divergence: every step runs under ``numpy.errstate(over, divide, invalid =
"raise")``, and the loss is checked to be finite, so a learning rate that is too
large stops training with a ``DivergenceError`` naming the epoch instead of
numpy printing an overflow warning and the loss turning into NaN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

from backprop.chain_rule import _backward
from backprop.descent import _descend
from backprop.errors import DivergenceError, choice, finite_number, non_negative_int, positive_number
from backprop.network import Network, _checked_inputs, _forward
from backprop.numerical import METHODS, _numerical_gradient

GRADIENTS = ("backprop", "numerical")


class Step(NamedTuple):
    """What a training callback sees: the epoch (updates done so far), the loss
    and output of the current parameters, and the network itself."""

    epoch: int
    loss: float | np.ndarray
    output: np.ndarray
    network: Network


@dataclass
class History:
    losses: np.ndarray
    """Loss after 0, 1, ..., ``epochs`` updates: shape (epochs + 1,) or (epochs + 1, S)."""
    reached_target: bool
    """True when training stopped early because the loss reached ``target_loss``."""

    @property
    def epochs(self) -> int:
        """The number of updates made."""
        return len(self.losses) - 1

    @property
    def final_loss(self):
        return self.losses[-1]


def train(
    network: Network,
    X,
    y,
    *,
    epochs: int,
    learning_rate: float,
    loss: str = "mse",
    gradient: str = "backprop",
    epsilon: float = 1e-5,
    method: str = "forward",
    target_loss: float | None = None,
    callback: Callable[[Step], None] | None = None,
) -> History:
    """Train ``network`` in place by full-batch gradient descent.

    Args:
        network: the network (or a stack of networks, trained side by side).
        X, y: the batch, shapes (N, n_0) and (N, n_L).
        epochs: the maximum number of updates (0 just measures the loss).
        learning_rate: the step size, positive.
        loss: the loss name.
        gradient: ``"backprop"`` (the chain rule) or ``"numerical"`` (nudging
            by ``epsilon`` with ``method`` ``"forward"`` or ``"central"``).
        target_loss: stop as soon as the loss (of every network in a stack) is
            at or below it.
        callback: called with a Step before each update and after the last.

    Returns:
        History of losses.

    Raises:
        DivergenceError: at the first epoch whose loss is not finite or whose
        step overflows.
    """
    loss_fn, X, y = _checked_inputs(network, X, y, loss)
    epochs = non_negative_int("epochs", epochs)
    learning_rate = positive_number("learning_rate", learning_rate)
    choice("gradient", gradient, GRADIENTS)
    epsilon = positive_number("epsilon", epsilon)
    choice("method", method, METHODS)
    if target_loss is not None:
        target_loss = finite_number("target_loss", target_loss)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function taking a Step, but got {type(callback).__name__}")

    losses = []
    reached = False
    with np.errstate(**RAISE_ON_OVERFLOW):
        for epoch in range(epochs + 1):
            try:
                a, z = _forward(network, X)
                value = _finite_loss(loss_fn.value(z[-1], a[-1], y), epoch, learning_rate)
                losses.append(value)
                if callback is not None:
                    callback(Step(epoch, value, a[-1], network))
                if target_loss is not None and np.all(value <= target_loss):
                    reached = True
                    break
                if epoch == epochs:
                    break
                if gradient == "backprop":
                    grads = _backward(network, a, z, y, loss_fn)
                else:
                    grads = _numerical_gradient(network, X, y, loss_fn, epsilon, method)
                _descend(network, grads, learning_rate)
            except FloatingPointError as error:
                raise _diverged(error, epoch, learning_rate) from None
    return History(np.array(losses), reached)


# Shared with the minibatch loop (backprop.minibatch): how a step that
# overflows or a loss that is not finite becomes a DivergenceError.
RAISE_ON_OVERFLOW = dict(over="raise", divide="raise", invalid="raise", under="ignore")


def _finite_loss(value, epoch: int, learning_rate: float):
    """``value`` if every entry is finite, else a DivergenceError at ``epoch``."""
    finite = np.all(np.isfinite(value)) if isinstance(value, np.ndarray) else math.isfinite(value)
    if not finite:
        raise DivergenceError(epoch, f"the loss is {value}", learning_rate)
    return value


def _diverged(error: FloatingPointError, epoch: int, learning_rate: float) -> DivergenceError:
    """The DivergenceError for a numpy floating-point error raised at ``epoch``."""
    if isinstance(error, DivergenceError):
        return error
    return DivergenceError(epoch, f"numpy reported {error}", learning_rate)
