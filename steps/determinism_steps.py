"""Steps of the chapter "Determinism": the same seed, the same bits, in any process.

A run is summarised as the raw float64 bytes of its final parameters and of its
loss history (``support.fingerprint``). The fixture ``runs`` holds the first
run's arguments and every run's fingerprint.
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import then, when

from steps.parsing import sentence
from steps.support import Runs, fingerprint, fingerprint_in_fresh_process


@when(
    sentence(
        "a {sizes:List} {hidden:Word} network from seed {seed:d} trains on it for {epochs:d} epochs "
        "at learning rate {rate:Number} with {loss:Word}"
    ),
    target_fixture="runs",
)
def _(sizes, hidden, seed, epochs, rate, loss):
    """Train a network of these sizes (hidden activation, sigmoid output, normal biases) on XOR; keep its fingerprint.

    Example: When a [2, 2, 1] sigmoid network from seed 7 trains on it for 300 epochs at learning rate 2 with mse
    """
    arguments = dict(sizes=sizes, hidden=hidden, seed=seed, epochs=epochs, rate=rate, loss=loss)
    return Runs(arguments, [fingerprint(**arguments)])


@when("the same training runs again in this process")
def _(runs):
    """Repeat the training with the same arguments in this process.

    Example: And the same training runs again in this process
    """
    runs.fingerprints.append(fingerprint(**runs.arguments))


@when("the same training runs again in a fresh Python process")
def _(runs):
    """Repeat the training in a new interpreter (``sys.executable``), which reports its fingerprint.

    Example: And the same training runs again in a fresh Python process
    """
    runs.fingerprints.append(fingerprint_in_fresh_process(runs.arguments))


@when(sentence("the training runs again from seed {seed:d}"))
def _(runs, seed):
    """Repeat the training with only the seed changed.

    Example: And the training runs again from seed 8
    """
    runs.fingerprints.append(fingerprint(**{**runs.arguments, "seed": seed}))


@then("all three runs end with bit-identical parameters")
def _(runs):
    """The three runs' final parameters have the same bytes.

    Example: Then all three runs end with bit-identical parameters
    """
    distinct = len({run["parameters"] for run in runs.fingerprints})
    assert len(runs.fingerprints) == 3 and distinct == 1, (
        f"{len(runs.fingerprints)} runs ended with {distinct} different sets of parameters"
    )


@then(sentence("all three runs recorded bit-identical loss histories of {epochs:d} + 1 losses"))
def _(runs, epochs):
    """The three loss histories have the same bytes, ``epochs + 1`` float64 values each.

    Example: And all three runs recorded bit-identical loss histories of 300 + 1 losses
    """
    distinct = len({run["losses"] for run in runs.fingerprints})
    assert len(runs.fingerprints) == 3 and distinct == 1, (
        f"{len(runs.fingerprints)} runs recorded {distinct} different loss histories"
    )
    recorded = len(np.frombuffer(bytes.fromhex(runs.fingerprints[0]["losses"])))
    assert recorded == epochs + 1, f"the runs recorded {recorded} losses"


@then("the two runs end with different parameters and different loss histories")
def _(runs):
    """The runs from two seeds differ in their parameters and in their losses.

    Example: Then the two runs end with different parameters and different loss histories
    """
    if len(runs.fingerprints) != 2:
        raise ValueError(f"this check compares two runs; the scenario made {len(runs.fingerprints)}")
    first, second = runs.fingerprints
    same = [what for what in ("parameters", "losses") if first[what] == second[what]]
    assert not same, f"the two runs end with the same {' and '.join(same)}"
