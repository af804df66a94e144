"""The worked-example page: one forward and one backward pass, every number from the package.

``render()`` reads the cached ``experiments.worked_example()`` and fills the
template ``templates/worked-example.md.j2`` (Markdown with KaTeX-compatible
math). The arithmetic written out between a formula and its result only
restates the inputs; every result (z, a, y_hat, the loss, each delta and each
gradient) is read from ``forward_prop``'s cache and ``backward_prop``'s
Gradients, not recomputed here (only the slopes shown on the way, dL/dy_hat
and each sigma', are). Each display line is short enough for a 390 px phone: a
long "formula = numbers = result" is split over two lines, and the
hidden-layer gradients are a table.
"""

from __future__ import annotations

from types import SimpleNamespace

from backprop.data import WORKED_INPUT, WORKED_PARAMETERS, WORKED_TARGET
from docs._hooks import markup
from docs._hooks.experiments import worked_example
from docs._hooks.links import chapter
from docs._hooks.settings import WORKED_EPSILON, WORKED_LEARNING_RATE


def _W(layer: int, i: int | str, j: int | str) -> str:
    return f"W^{{({layer})}}_{{{i}{j}}}"


def context() -> dict:
    """What the page shows: the worked example's parameters, each forward and backward value, the check."""
    ex = worked_example()
    net, cache, g = ex.network, ex.cache, ex.gradients
    W1, b1, W2, b2 = net.weights[0], net.biases[0], net.weights[1], net.biases[1]
    y_hat, y = float(cache.a[2][0, 0]), float(ex.y[0, 0])
    a1 = cache.a[1][0]
    n_in, n_hidden = W1.shape
    check = ex.check
    return {
        "links": SimpleNamespace(
            forward=chapter("forward"),
            chain=chapter("chain"),
            nudging=chapter("nudging", "Nudging with epsilon"),
            descent=chapter("descent"),
        ),
        "parameters": WORKED_PARAMETERS,
        "input": WORKED_INPUT,
        "target": WORKED_TARGET,
        "named": list(zip(net.element_names(), net.flat(), strict=True)),
        "symbols": {
            **{f"W1[{i},{j}]": _W(1, i, j) for i in range(n_in) for j in range(n_hidden)},
            **{f"b1[{j}]": f"b^{{(1)}}_{j}" for j in range(n_hidden)},
            **{f"W2[{j},0]": _W(2, j, 0) for j in range(n_hidden)},
            "b2[0]": "b^{(2)}_0",
        },
        "inputs": range(n_in),
        "hidden_units": range(n_hidden),
        "W1": W1.tolist(),
        "b1": b1.tolist(),
        "W2": W2.tolist(),
        "b2": b2.tolist(),
        "x": ex.X[0].tolist(),
        "y": y,
        "z1": ex.z(1).tolist(),
        "a1": a1.tolist(),
        "z2": float(ex.z(2)[0]),
        "y_hat": y_hat,
        "loss": ex.loss,
        "dL_dy_hat": 2 * (y_hat - y),
        "slope_out": y_hat * (1 - y_hat),
        "slope_hidden": (a1 * (1 - a1)).tolist(),
        "d2": float(ex.delta(2)[0]),
        "d1": ex.delta(1).tolist(),
        "dW1": g.dW[0].tolist(),
        "db1": g.db[0].tolist(),
        "dW2": g.dW[1][:, 0].tolist(),
        "db2": float(g.db[1][0]),
        "epsilon": WORKED_EPSILON,
        "checked": list(zip(check.names, check.analytic, check.numeric, check.per_parameter(), strict=True)),
        "check": check,
        "learning_rate": WORKED_LEARNING_RATE,
        "loss_after": ex.loss_after,
    }


def render() -> str:
    return markup.render_latex("worked-example.md.j2", **context())
