"""The package's data the widgets read, exported by the build as JSON, so that no copy is typed in JavaScript.

* ``package-data.json``: the worked example's parameters and the XOR data set
  (the nudge widget starts from the first; both widgets train on the second);
* ``xor-starts.json``: the playground's starting parameters for every seed and
  hidden width, as ``init_network`` draws them.

``repr`` round-trips a float64 exactly, and so does JSON's float text through
JavaScript's Number: the page's numbers are the package's.
"""

from __future__ import annotations

import json
from pathlib import Path

import backprop as bp


def write_xor_starts(path: Path) -> None:
    path.write_bytes(xor_starts())


def _parameters(network: bp.Network) -> dict[str, list]:
    (W1, W2), (b1, b2) = network.weights, network.biases
    return {"W1": W1.tolist(), "b1": b1.tolist(), "W2": W2.tolist(), "b2": b2.tolist()}


PLAYGROUND_SEEDS = range(100)
PLAYGROUND_HIDDEN = range(2, 9)


def xor_starts() -> bytes:
    """The starting parameters of the XOR playground: ``init_network((2, h, 1), seed=s)`` for every seed and h.

    The guide's initialisation (standard-normal weights, zero biases), as JSON
    ``{h: {seed: {"W1": ..., "b1": ..., "W2": ..., "b2": ...}}}``: seed 7 in the page is seed 7 in Python.
    """
    starts: dict[str, dict[str, dict[str, list]]] = {}
    for h in PLAYGROUND_HIDDEN:
        starts[str(h)] = {}
        for seed in PLAYGROUND_SEEDS:
            starts[str(h)][str(seed)] = _parameters(bp.init_network((2, h, 1), seed=seed))
    return json.dumps(starts, separators=(",", ":")).encode("utf-8")


def package_data() -> bytes:
    """The worked example's parameters and the XOR data set: ``{"worked": {...}, "xor": {"X": ..., "y": ...}}``."""
    network, _, _ = bp.worked_example()
    X, y = bp.xor()
    return json.dumps({"worked": _parameters(network), "xor": {"X": X.tolist(), "y": y.tolist()}}).encode("utf-8")


FILES = {"assets/generated/package-data.json": package_data}
"""What every build writes (cheap); ``xor-starts.json`` is written with the computed pages."""
