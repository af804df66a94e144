"""The plain numpy reference loop for the XOR 2-2-1 epoch.

What ``backprop.train`` computes for a 2-2-1 sigmoid network with the mean
squared error and full-batch gradient descent, written out as a plain loop:
no validation, no divergence checks, no layer lists, no dataclasses. It is the
floor that the package's loop is measured against (``bench_xor``: ours at
most 1.1x this loop).

The same arithmetic, in the same order, as the package:

* the package's sigmoid without its argument checks (``backprop.activations.logistic``,
  what the network's layers call), for both layers;
* the loss of every epoch, recorded: ``mean over rows of the sum over outputs
  of (y_hat - y)**2`` (no 1/2), ``epochs + 1`` values like ``History.losses``
  (the last one after the last update);
* ``dL/dy_hat = 2 (y_hat - y) / N`` chained through ``sigmoid' = a (1 - a)``;
* ``theta -= learning_rate * dL/dtheta``.

Starting from the same parameters it returns the same losses as
``backprop.train``, bit for bit (``bench_xor`` checks that once per run).

The reader's version of the same loop is the site's download "The guide's
program, finished" (``docs/downloads/guide_program.py``): plain numpy, one
function per idea of the guide, about twice as slow. ``tests/test_guide_program.py``
checks that the program, this loop and ``backprop.train`` agree bit for bit.
"""

from __future__ import annotations

import numpy as np

from backprop.activations import logistic as sigmoid


def train_xor_by_hand(W1, b1, W2, b2, X, y, *, epochs: int, learning_rate: float) -> np.ndarray:
    """Train the 2-2-1 network ``(W1, b1, W2, b2)`` in place; the losses after 0..epochs updates."""
    n = X.shape[0]
    losses = []
    for epoch in range(epochs + 1):
        h = sigmoid(X @ W1 + b1)  # hidden layer, (N, 2)
        out = sigmoid(h @ W2 + b2)  # output, (N, 1)
        losses.append(((out - y) ** 2).sum(axis=1).mean())
        if epoch == epochs:
            break
        d_out = 2.0 * (out - y) / n * out * (1.0 - out)  # dL/dz2
        d_hid = (d_out @ W2.T) * h * (1.0 - h)  # dL/dz1
        W2 -= learning_rate * (h.T @ d_out)
        b2 -= learning_rate * d_out.sum(axis=0)
        W1 -= learning_rate * (X.T @ d_hid)
        b1 -= learning_rate * d_hid.sum(axis=0)
    return np.array(losses)
