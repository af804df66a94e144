"""Minibatch stochastic gradient descent: many small steps per pass over the data.

Full-batch training (``backprop.training.train``) makes one update per epoch,
from the gradient of the loss over all N samples. With N in the thousands that
is slow going: each update costs a pass over everything. Minibatch SGD instead
shuffles the rows at the start of every epoch, cuts them into consecutive
batches of ``B`` rows (the last one may be smaller), and makes one update per
batch::

    for each epoch:
        order = a fresh permutation of 0..N-1        (seeded: reproducible)
        for each batch I of B consecutive entries of order:
            theta <- theta - learning_rate * dL_I/dtheta

where ``L_I`` is the loss averaged over the batch's rows only, so the step is
an unbiased but noisy estimate of the full-batch step, and an epoch makes
``ceil(N / B)`` of them. Every update is the same forward pass, backward pass
and descent as in full-batch training; only the rows differ.

Reshuffling each epoch keeps the batches from being the same every time (which
would bias the steps in a fixed cycle). The permutations come from
``numpy.random.default_rng(seed)``, one ``permutation(N)`` per epoch, so the same
seed gives the same batches and bit-identical parameters; ``epoch_orders``
returns them, so a peer library can be fed the very same batches.
"""

from __future__ import annotations

import numpy as np

from backprop.chain_rule import backward
from backprop.descent import check_learning_rate, descend
from backprop.errors import Array, check_memory, non_negative_int, positive_int
from backprop.forward import forward
from backprop.losses import Loss
from backprop.network import Network
from backprop.training import Callback, History, Step, as_loss, check_callback, diverged, seen_loss
from backprop.validation import (
    RAISE_ON_OVERFLOW,
    check_after_callback,
    check_writable,
    checked_batch,
    finite_arithmetic,
    snapshot,
)


def epoch_orders(n_samples: int, epochs: int, seed: int) -> np.ndarray:
    """The row order of each epoch: shape (epochs, n_samples), one permutation per row.

    Exactly the orders ``train_minibatch`` uses with the same ``seed``.
    """
    n_samples = positive_int("n_samples", n_samples)
    epochs = non_negative_int("epochs", epochs)
    seed = non_negative_int("seed", seed)
    check_shuffles(n_samples, epochs)
    rng = np.random.default_rng(seed)
    return np.array([rng.permutation(n_samples) for _ in range(epochs)], dtype=np.intp).reshape(epochs, n_samples)


def check_shuffles(n_samples: int, epochs: int) -> None:
    """Refuse ``epochs`` shuffles of ``n_samples`` rows that need more than MEMORY_LIMIT (all are drawn first)."""
    check_memory(
        f"epochs = {epochs:,} shuffles of n_samples = {n_samples:,} rows",
        8 * n_samples * max(epochs, 1),
        "train on fewer rows or for fewer epochs",
    )


def batch_slices(n_samples: int, batch_size: int) -> list[slice]:
    """Consecutive slices of ``batch_size`` rows covering 0..n_samples-1; the last may be shorter."""
    return [slice(start, min(start + batch_size, n_samples)) for start in range(0, n_samples, batch_size)]


def train_minibatch(
    network: Network,
    X: object,
    y: object,
    *,
    epochs: int,
    learning_rate: float | Array,
    batch_size: int,
    seed: int = 0,
    loss: str = "mse",
    callback: Callback | None = None,
) -> History:
    """Train ``network`` in place by minibatch SGD, reshuffling the rows every epoch.

    Args:
        network: the network (a stack of networks also works: every network of
            the stack sees the same batches).
        X: the training inputs, shape (N, n_0).
        y: the training targets, shape (N, n_L); for ``categorical_cross_entropy``
            they may be integer class labels (N,).
        epochs: passes over the data (0 just measures the loss).
        learning_rate: the step size, positive.
        batch_size: rows per update, at least 1 (a batch_size of N or more is
            full-batch gradient descent with the rows shuffled).
        seed: seeds the shuffles; see ``epoch_orders``.
        loss: the loss name.
        callback: called with a Step after each epoch (and once before the
            first) holding that epoch's loss; its ``output`` is None (no
            forward pass over the whole training set is made). As in ``train``,
            it must not change the network: any change it makes stops
            training with a CallbackError naming the parameter and the epoch.

    Returns:
        History of ``epochs + 1`` losses (shape (epochs + 1,), or
        (epochs + 1, S) for a stack): ``losses[0]`` is the loss on the whole
        training set before training; ``losses[k]`` is epoch k's *running*
        loss, the mean over all rows of each row's loss as it was just before
        its batch's step (scikit-learn's ``loss_curve_``, the usual PyTorch
        running loss). The outputs each batch computes anyway are kept, and
        their loss is taken once per epoch; the loss on the whole training
        set after every epoch would cost an extra forward pass over all of it.

    Raises:
        DivergenceError: at the first epoch whose step overflows or whose loss
        is not finite.
        CallbackError: when the callback broke the network.
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    epochs = non_negative_int("epochs", epochs)
    rate = check_learning_rate(learning_rate, net)
    batch_size = positive_int("batch_size", batch_size)
    callback = check_callback(callback)
    check_writable("train_minibatch", net)
    orders = epoch_orders(X.shape[0], epochs, seed)
    slices = batch_slices(X.shape[0], batch_size)

    with finite_arithmetic("train_minibatch", net, X):  # before any step only X or the start can overflow the loss
        cache = forward(net, X)
        first = loss_fn.value(cache.z_out, cache.output, y)
    losses = []
    with np.errstate(**RAISE_ON_OVERFLOW):  # type: ignore[arg-type]  # the keys are numpy's error categories
        for epoch in range(epochs + 1):
            try:
                raw = first if epoch == 0 else _epoch(net, X, y, orders[epoch - 1], slices, loss_fn, rate)
                value = as_loss(raw)
                losses.append(value)
                if callback is not None:
                    before = snapshot(net)
                    callback(Step(epoch, seen_loss(value), None, net))
                    check_after_callback("train_minibatch", net, before, epoch)
            except FloatingPointError as error:
                raise diverged(error, epoch, rate) from None
    return History(np.array(losses), False)


def _epoch(net: Network, X: Array, y: Array, order: np.ndarray, slices: list[slice], loss: Loss, rate: Array) -> Array:
    """One pass over the rows in ``order``, a step per batch; returns the epoch's running loss."""
    # One gather per epoch; the batches are then contiguous views.
    X_epoch, y_epoch = X[order], y[order]
    # z_L and a_L of every row, as they were before its batch's step: (N, n_L), or (S, N, n_L) for a stack.
    shape = net.weights[0].shape[:-2] + y.shape
    z_seen, a_seen = np.empty(shape), np.empty(shape)
    for rows in slices:
        cache = forward(net, X_epoch[rows])
        z_seen[..., rows, :], a_seen[..., rows, :] = cache.z_out, cache.output
        descend(net, backward(net, cache, y_epoch[rows], loss), rate)
    # The loss of all rows at once: one vectorised call instead of one per batch, the same mean over the rows.
    return loss.value(z_seen, a_seen, y_epoch)
