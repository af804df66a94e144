"""(b) The cost of a gradient: backprop against one forward pass, and against nudging.

For [n, n, 1] sigmoid networks (n = 2..64) and batches of 4 and 64 rows:

* T_f: the loss L (forward pass + loss value),
* T_g: L and all P of its gradients (forward pass + loss value + backward pass),
* T_num: the forward-difference gradient (P + 1 forward passes with their losses).

The cheap-gradient principle (Baur and Strassen; reverse-mode automatic
differentiation) bounds T_g / T_f by a small constant, 3 in their operation
count, whatever P is; nudging costs T_num / T_g ~ P / constant. These are the
package's own unchecked cores (``forward``, ``backward``,
``estimate_gradient``), the ones training runs. ``make bench`` writes the
measurements to ``benchmarks/last-run.json``, which the site's cost figure
(chapter "Why backprop") draws, saying when and where they were taken.

Bar: T_g / T_f at most 2.5 for every n and batch size.
"""

from __future__ import annotations

import numpy as np

from backprop.chain_rule import backward
from backprop.forward import forward
from backprop.losses import get_loss
from backprop.network import Network, init_network
from backprop.numerical import estimate_gradient
from benchmarks.common import Table, side_by_side, us

SIZES = (2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64)
BATCHES = (4, 64)
BAR = 2.5


def _case(network: Network, X, y, inner: int):
    loss = get_loss("mse")

    def value():
        for _ in range(inner):
            cache = forward(network, X)
            loss.value(cache.z_out, cache.output, y)

    def gradient():
        for _ in range(inner):
            cache = forward(network, X)
            loss.value(cache.z_out, cache.output, y)
            backward(network, cache, y, loss)

    def numerical():
        estimate_gradient(network, X, y, loss, 1e-5, "forward")

    return value, gradient, numerical


def measure(network: Network, X, y, *, repeats: int = 15, inner: int = 40) -> tuple[float, float, float]:
    """Seconds per call of (forward + loss, forward + loss + backward, forward-difference gradient).

    Medians of ``repeats`` side-by-side repeats of ``inner`` calls for the first
    two; of 5 single calls (3 for P > 1000) for the numerical gradient.
    """
    value, gradient, numerical = _case(network, X, y, inner)
    t = side_by_side({"f": value, "g": gradient}, repeats)
    tnum = side_by_side({"num": numerical}, 5 if network.parameter_count < 1000 else 3)["num"]
    return t["f"] / inner, t["g"] / inner, tnum


def run(repeats: int = 15, inner: int = 40) -> tuple[Table, dict]:
    table = Table(
        "Gradient cost: backprop / forward, and nudging / backprop, for [n, n, 1] networks",
        [
            "n",
            "P",
            "batch",
            "forward + loss (µs)",
            "backprop gradient (µs)",
            "backprop / forward",
            "numerical gradient (µs)",
            "numerical / backprop",
            "(numerical / backprop) / P",
        ],
        bar=f"backprop / forward at most {BAR:g} for every n and batch",
    )
    worst = 0.0
    data: dict[str, list[float]] = {
        "n": [],
        "P": [],
        "batch": [],
        "backprop_over_forward": [],
        "numerical_over_backprop": [],
        "backprop_seconds": [],
        "numerical_seconds": [],
    }
    for batch in BATCHES:
        for n in SIZES:
            network = init_network((n, n, 1), seed=n)
            rng = np.random.default_rng(batch)
            X, y = rng.standard_normal((batch, n)), rng.uniform(size=(batch, 1))
            P = network.parameter_count
            tf, tg, tnum = measure(network, X, y, repeats=repeats, inner=inner)
            worst = max(worst, tg / tf)
            table.rows.append(
                [
                    str(n),
                    str(P),
                    str(batch),
                    us(tf),
                    us(tg),
                    f"{tg / tf:.2f}",
                    us(tnum),
                    f"{tnum / tg:.1f}",
                    f"{tnum / tg / P:.2f}",
                ]
            )
            for key, v in (
                ("n", n),
                ("P", P),
                ("batch", batch),
                ("backprop_over_forward", tg / tf),
                ("numerical_over_backprop", tnum / tg),
                ("backprop_seconds", tg),
                ("numerical_seconds", tnum),
            ):
                data[key].append(v)
    table.passed = worst <= BAR
    how = (
        f"medians of {repeats} side-by-side repeats of {inner} calls for forward and backprop; "
        "of 5 single calls (3 for P > 1000) for the numerical gradient"
    )
    table.notes.append(f"Worst backprop / forward: {worst:.2f}. {how[0].upper()}{how[1:]}.")
    table.notes.append(
        "Nudging needs P + 1 forward passes where backprop needs one forward and one backward pass, "
        "so numerical / backprop grows in proportion to P."
    )
    return table, {**data, "how": how}


if __name__ == "__main__":
    print(run()[0].markdown())
