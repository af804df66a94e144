"""(d) A seed sweep: 100 XOR 2-2-1 networks, 2,000 epochs, stacked or one at a time.

The seed sweeps of the XOR chapter train one stack of S networks
(``bp.init_stack(range(100))``, weights of shape (S, n_in, n_out)) in one
``bp.train`` call: every epoch is the same handful of numpy calls as for one
network, on arrays 100 times larger. The alternative is the obvious loop: the
same 100 networks (``bp.init_network(seed=s)``), each trained by its own
``bp.train`` call. Both run 2,000 epochs at learning rate 1 with the mean
squared error, and record every loss.

Bar: the stack at least 20x faster than the loop, a guard that the stack keeps
its advantage (when the bar was set: about 1 s against 31 s on an Intel Xeon,
about 40x on an AMD EPYC).
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from benchmarks.common import Table, side_by_side

SEEDS = range(100)
EPOCHS = 2000
BAR = 20.0


def _stacked(X, y):
    def run():
        return bp.train(bp.init_stack(SEEDS), X, y, epochs=EPOCHS, learning_rate=1.0).losses

    return run


def _one_at_a_time(X, y):
    def run():
        losses = [bp.train(bp.init_network(seed=s), X, y, epochs=EPOCHS, learning_rate=1.0).losses for s in SEEDS]
        return np.stack(losses, axis=1)

    return run


def run(repeats: int = 3) -> Table:
    """Medians of ``repeats`` side-by-side runs (each of the looped runs takes seconds)."""
    X, y = bp.xor()
    stacked, looped = _stacked(X, y), _one_at_a_time(X, y)
    same = np.array_equal(stacked(), looped())  # also the warm-up
    medians = side_by_side({"stack": stacked, "loop": looped}, repeats, warm_up=False)
    ratio = medians["loop"] / medians["stack"]
    table = Table(
        f"Seed sweep: {len(SEEDS)} XOR 2-2-1 networks x {EPOCHS:,} epochs",
        ["training", "seconds", "µs per epoch and network", "time / stack"],
    )
    per = len(SEEDS) * EPOCHS
    table.rows.append(
        [
            f"one stack (`init_stack(range({len(SEEDS)}))`, one `train` call)",
            f"{medians['stack']:.2f}",
            f"{medians['stack'] / per * 1e6:.2f}",
            "1",
        ]
    )
    table.rows.append(
        [
            f"one at a time ({len(SEEDS)} `init_network` + `train` calls)",
            f"{medians['loop']:.2f}",
            f"{medians['loop'] / per * 1e6:.2f}",
            f"{ratio:.1f}",
        ]
    )
    table.add_bar(
        f"the stack at least {BAR:g}x faster than one network at a time (measured: {ratio:.1f}x)", ratio >= BAR
    )
    table.notes.append(f"Median of {repeats} side-by-side repeats of the whole sweep, after one untimed run of each.")
    table.notes.append(
        "The stack's losses equal those of the networks trained one at a time, bit for bit."
        if same
        else "The stack's losses differ from those of the networks trained one at a time (in the last bits)."
    )
    return table


if __name__ == "__main__":
    print(run().markdown())
