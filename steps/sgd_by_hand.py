"""Minibatch SGD written out from its definition: the oracle for ``train_minibatch``.

For each epoch's row order (``epoch_orders``) and each run of ``batch_size``
consecutive entries of it (the last run may be shorter): one ``backward_prop``
on those rows and one ``gradient_descent`` step. Nothing of
``backprop.minibatch`` is used but the orders.
"""

from __future__ import annotations

import numpy as np

import backprop as bp


def sgd_by_hand(network, X, y, *, epochs, learning_rate, batch_size, seed, loss="mse") -> np.ndarray:
    """Train ``network`` in place; return each epoch's running loss, shape (epochs,).

    The running loss of an epoch is the sum over its batches of (rows in the
    batch) x (the batch's mean loss just before its step), divided by N: the
    mean over all rows of each row's loss just before its batch's step.
    """
    running = []
    for order in bp.epoch_orders(X.shape[0], epochs, seed):
        total: float | np.ndarray = 0.0
        for start in range(0, X.shape[0], batch_size):
            rows = order[start : start + batch_size]
            total = total + len(rows) * bp.compute_loss(network, X[rows], y[rows], loss)
            bp.gradient_descent(network, bp.backward_prop(network, X[rows], y[rows], loss), learning_rate)
        running.append(total / X.shape[0])
    return np.array(running)
