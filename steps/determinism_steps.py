"""Steps of the chapter "Determinism": the same seed, the same bits, in any process.

A run is summarised as the raw float64 bytes of its final parameters and of its
loss history; ``fingerprint`` is importable so a fresh interpreter
(``sys.executable``) can compute the same summary from the same arguments.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
from pytest_bdd import then, when

import backprop as bp
from speckit.features import ROOT
from steps.parsing import sentence


def fingerprint(sizes, hidden, seed, epochs, rate, loss) -> dict:
    """Train the XOR network and return its parameters' and losses' bytes as hex strings."""
    X, y = bp.xor()
    network = bp.init_network(sizes, seed=seed, hidden=hidden, bias_init="normal")
    history = bp.train(network, X, y, epochs=epochs, learning_rate=rate, loss=loss)
    return {"parameters": network.flat().tobytes().hex(), "losses": history.losses.tobytes().hex()}


def _in_fresh_process(arguments: dict) -> dict:
    code = (
        f"import json; from steps.determinism_steps import fingerprint; print(json.dumps(fingerprint(**{arguments!r})))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@when(
    sentence(
        "a {sizes:List} {hidden:Word} network from seed {seed:d} trains on it for {epochs:d} epochs "
        "at learning rate {rate:Number} with {loss:Word}"
    )
)
def _(state, sizes, hidden, seed, epochs, rate, loss):
    """Train a network of these sizes (hidden activation, sigmoid output, normal biases) on XOR; keep its fingerprint.

    Example: When a [2, 2, 1] sigmoid network from seed 7 trains on it for 300 epochs at learning rate 2 with mse
    """
    state.arguments = dict(sizes=sizes, hidden=hidden, seed=seed, epochs=epochs, rate=rate, loss=loss)
    state.runs = [fingerprint(**state.arguments)]


@when("the same training runs again in this process")
def _(state):
    """Repeat the training with the same arguments in this process.

    Example: And the same training runs again in this process
    """
    state.runs.append(fingerprint(**state.arguments))


@when("the same training runs again in a fresh Python process")
def _(state):
    """Repeat the training in a new interpreter (``sys.executable``), which reports its fingerprint.

    Example: And the same training runs again in a fresh Python process
    """
    state.runs.append(_in_fresh_process(state.arguments))


@when(sentence("the training runs again from seed {seed:d}"))
def _(state, seed):
    """Repeat the training with only the seed changed.

    Example: And the training runs again from seed 8
    """
    state.runs.append(fingerprint(**{**state.arguments, "seed": seed}))


@then("all three runs end with bit-identical parameters")
def _(state):
    """The three runs' final parameters have the same bytes.

    Example: Then all three runs end with bit-identical parameters
    """
    assert len(state.runs) == 3 and len({run["parameters"] for run in state.runs}) == 1


@then(sentence("all three runs recorded bit-identical loss histories of {epochs:d} + 1 losses"))
def _(state, epochs):
    """The three loss histories have the same bytes, ``epochs + 1`` float64 values each.

    Example: And all three runs recorded bit-identical loss histories of 300 + 1 losses
    """
    assert len({run["losses"] for run in state.runs}) == 1
    assert np.frombuffer(bytes.fromhex(state.runs[0]["losses"])).shape == (epochs + 1,)


@then("the two runs end with different parameters and different loss histories")
def _(state):
    """The runs from two seeds differ in their parameters and in their losses.

    Example: Then the two runs end with different parameters and different loss histories
    """
    first, second = state.runs
    assert first["parameters"] != second["parameters"] and first["losses"] != second["losses"]
