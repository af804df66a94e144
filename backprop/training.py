"""The training loop: forward, gradient, descend, repeat.

One epoch is one full-batch step: a forward pass to get the loss, the gradient
(by the chain rule, or by nudging), and one gradient-descent update.
``History.losses[k]`` is the loss after k updates, so it holds ``epochs + 1``
values when training runs to the end.

Divergence: every step runs under ``numpy.errstate(over, divide, invalid =
"raise")``, so a learning rate that is too large stops training with a
``DivergenceError`` naming the epoch, instead of numpy printing an overflow
warning and the loss turning into inf or NaN.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from backprop.chain_rule import backward
from backprop.descent import check_learning_rate, descend
from backprop.errors import Array, DivergenceError, choice, finite_number, non_negative_int, positive_number
from backprop.forward import forward
from backprop.network import Network
from backprop.numerical import METHODS, estimate_gradient
from backprop.validation import (
    RAISE_ON_OVERFLOW,
    check_after_callback,
    check_writable,
    checked_batch,
    finite_arithmetic,
    snapshot,
)

GRADIENTS = ("backprop", "numerical")


class Step(NamedTuple):
    """What a training callback sees: the epoch (updates done so far), the loss
    and output of the current parameters, and the network itself."""

    epoch: int
    loss: float | Array
    output: Array | None
    network: Network


@dataclass
class History:
    losses: Array
    """Loss after 0, 1, ..., ``epochs`` updates: shape (epochs + 1,) or (epochs + 1, S)."""
    reached_target: bool
    """True when training stopped early because the loss reached ``target_loss``."""

    @property
    def epochs(self) -> int:
        """The number of updates made."""
        return len(self.losses) - 1

    @property
    def final_loss(self) -> float | Array:
        final: float | Array = self.losses[-1]
        return final


Callback = Callable[[Step], object]


def check_callback(callback: Callback | None) -> Callback | None:
    """``callback`` if it is None or can be called (what it does with a Step cannot be checked)."""
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function taking a Step, but got {type(callback).__name__}")
    return callback


def train(
    network: Network,
    X: object,
    y: object,
    *,
    epochs: int,
    learning_rate: float | Array,
    loss: str = "mse",
    gradient: str = "backprop",
    epsilon: float = 1e-5,
    method: str = "forward",
    target_loss: float | None = None,
    callback: Callback | None = None,
) -> History:
    """Train ``network`` in place by full-batch gradient descent.

    Args:
        network: the network (or a stack of networks, trained side by side).
        X: the inputs, shape (N, n_0).
        y: the targets, shape (N, n_L).
        epochs: the maximum number of updates (0 just measures the loss).
        learning_rate: the step size, positive; for a stack, one number for
            every network or one per network (shape (S,)).
        loss: the loss name.
        gradient: ``"backprop"`` (the chain rule) or ``"numerical"`` (nudging
            by ``epsilon`` with ``method`` ``"forward"`` or ``"central"``).
        target_loss: stop as soon as the loss (of every network in a stack) is
            at or below it.
        callback: called with a Step before each update and after the last.
            It may read the step but must not change the network: the update
            that follows uses the forward pass made before the call. The
            network is compared with a copy taken before each call, and any
            change (a NaN written in, an array replaced or made read-only,
            another activation) stops training with a CallbackError naming
            the parameter and the epoch. ``step.output`` is read-only. Without
            a callback nothing is checked during training: the arguments were
            checked once, on entry, and the loop trusts them.

    Returns:
        History of losses.

    Raises:
        DivergenceError: at the first epoch whose loss is not finite or whose
        step overflows.
        CallbackError: when the callback broke the network (see ``callback``).
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    epochs = non_negative_int("epochs", epochs)
    rate = check_learning_rate(learning_rate, net)
    gradient = choice("gradient", gradient, GRADIENTS)
    epsilon = positive_number("epsilon", epsilon)
    method = choice("method", method, METHODS)
    target = None if target_loss is None else finite_number("target_loss", target_loss)
    callback = check_callback(callback)
    check_writable("train", net)

    with finite_arithmetic("train", net, X):  # before any step only X or the start can overflow the loss
        cache = forward(net, X)
        value = loss_fn.value(cache.z_out, cache.output, y)
    use_backprop = gradient == "backprop"
    losses = []
    reached = False
    with np.errstate(**RAISE_ON_OVERFLOW):  # type: ignore[arg-type]  # the keys are numpy's error categories
        for epoch in range(epochs + 1):
            try:
                if epoch > 0:
                    cache = forward(net, X)
                    value = loss_fn.value(cache.z_out, cache.output, y)
                loss_now = as_loss(value)
                losses.append(loss_now)
                if callback is not None:
                    before = snapshot(net)
                    callback(Step(epoch, seen_loss(loss_now), read_only(cache.output), net))
                    check_after_callback("train", net, before, epoch)
                if target is not None and np.all(loss_now <= target):
                    reached = True
                    break
                if epoch == epochs:
                    break
                if use_backprop:
                    grads = backward(net, cache, y, loss_fn)
                else:
                    grads = estimate_gradient(net, X, y, loss_fn, epsilon, method)
                descend(net, grads, rate)
            except FloatingPointError as error:
                raise diverged(error, epoch, rate) from None
    return History(np.array(losses), reached)


def read_only(array: Array) -> Array:
    """A read-only view of ``array``: what a callback sees of the loop's own arrays.

    The loop goes on computing with them after the callback: the backward pass
    reads the output, History keeps a stack's losses.
    """
    view: Array = array.view()
    view.flags.writeable = False
    return view


def seen_loss(loss: float | Array) -> float | Array:
    """The loss as a callback sees it: a float as it is, a stack's losses read-only."""
    return loss if isinstance(loss, float) else read_only(loss)


def as_loss(value: Array) -> float | Array:
    """A loss as History keeps it: a float for one network, shape (S,) for a stack.

    It needs no check for inf or NaN: the inputs and parameters were checked
    finite, and under ``RAISE_ON_OVERFLOW`` every operation that could make one
    (an overflow, a division by zero, an invalid operation) raises instead.
    """
    return float(value) if value.ndim == 0 else value


def diverged(error: FloatingPointError, epoch: int, learning_rate: Array) -> DivergenceError:
    """The DivergenceError for a numpy floating-point error raised at ``epoch``."""
    return DivergenceError(epoch, f"numpy reported {error}", learning_rate)
