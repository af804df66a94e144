"""The numbers a chapter's prose may quote: ``{{ worked.y_hat|num }}`` in a description is filled in at build time.

So the worked example's numbers, quoted in the chapters Forward propagation
and The chain rule, come from the same computation as the worked-example page
(``experiments.worked_example``), at the same precision (``num``: 6
significant digits, for math; ``plain``: for text), instead of being typed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import backprop as bp
from docs._hooks import settings
from docs._hooks.experiments import worked_example


@dataclass(frozen=True)
class Worked:
    """The worked example: the guide's 2-2-1 network with round parameters, input x = (1, 1), target y = 0."""

    x: np.ndarray
    y: float
    z1: np.ndarray
    a1: np.ndarray
    z2: float
    y_hat: float
    loss: float
    dL_dy_hat: float
    slope_out: float
    """sigma'(z2) = y_hat (1 - y_hat)."""
    slope_hidden: np.ndarray
    """sigma'(z1) = a1 (1 - a1)."""
    delta2: float
    delta1: np.ndarray
    dW2: np.ndarray
    db2: float
    dW1: np.ndarray
    db1: np.ndarray
    delta2_bce: float
    """The output error signal with binary cross-entropy: y_hat - y."""


def worked() -> Worked:
    ex = worked_example()
    cache, g = ex.cache, ex.gradients
    y_hat, y = float(cache.a[2][0, 0]), float(ex.y[0, 0])
    bce = bp.backward_prop(ex.network, ex.X, ex.y, "binary_cross_entropy")
    return Worked(
        x=ex.X[0],
        y=y,
        z1=cache.z[1][0],
        a1=cache.a[1][0],
        z2=float(cache.z[2][0, 0]),
        y_hat=y_hat,
        loss=ex.loss,
        dL_dy_hat=2 * (y_hat - y),
        slope_out=y_hat * (1 - y_hat),
        slope_hidden=cache.a[1][0] * (1 - cache.a[1][0]),
        delta2=float(g.delta[2][0, 0]),
        delta1=g.delta[1][0],
        dW2=g.dW[1][:, 0],
        db2=float(g.db[1][0]),
        dW1=g.dW[0],
        db1=g.db[0],
        delta2_bce=float(bce.delta[2][0, 0]),
    )


def context() -> dict:
    """The names a description may use: ``worked`` and the experiments' ``settings``."""
    return {"worked": worked(), "settings": settings}
