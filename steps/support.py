"""Helpers that only the step definitions use: small experiments, so that a step is one call.

Each helper computes what a sentence talks about from the package's public
functions; none of it is part of the package, because only the specification
asks these questions. The records (``Data``, ``DescentStep``, ``Run``...) are
what steps hand to each other as fixtures.

The unit tests of these helpers (``tests/test_step_support.py``) reach them
through the fixtures at the end of this module: pytest is the only importer of
``steps/``. The root ``conftest.py`` loads this module as a plugin for that.
"""

from __future__ import annotations

import difflib
import inspect
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pytest

import backprop as bp
from backprop.errors import check_memory, non_negative_int, positive_int
from backprop.network import BIAS_INITIALISATIONS
from speckit.catalog import register_words
from speckit.features import ROOT
from steps.parsing import (
    Malformed,
    clip,
    data_csv,
    data_path,
    data_table,
    json_value,
    number,
    number_list,
    table_matrix,
    table_rows,
)


class Data(NamedTuple):
    """A batch: inputs X, shape (N, n_0), and targets y, shape (N, n_L)."""

    X: np.ndarray
    y: np.ndarray


def random_batch(layer_sizes: list[int], n: int, kind: str, seed: int) -> Data:
    """n standard-normal input rows and targets uniform in [0, 1], one-hot rows, or class labels 0, 1, ... (integers).

    ``n`` is at least 1 and the batch within the package's memory limit; the seed is 0 or more.
    """
    n, seed = positive_int("the number of inputs", n), non_negative_int("seed", seed)
    width = layer_sizes[0] + layer_sizes[-1]
    check_memory(f"{n:,} random inputs with their targets", 8 * n * width, "ask for fewer inputs")
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, layer_sizes[0]))
    targets = {
        "uniform": lambda: rng.uniform(size=(n, layer_sizes[-1])),
        "one-hot": lambda: np.eye(layer_sizes[-1])[rng.integers(layer_sizes[-1], size=n)],
        "class": lambda: rng.integers(layer_sizes[-1], size=n),
    }
    return Data(X, targets[kind]())


# --- one network --------------------------------------------------------------------------------


@dataclass
class DescentStep:
    """One gradient-descent step, with what it takes to check it."""

    before: bp.Network
    """A copy of the parameters before the step."""
    gradients: bp.Gradients
    """The backprop gradients the step used."""
    learning_rate: float
    loss_before: float
    loss_after: float

    @property
    def predicted_fall(self) -> float:
        """The first-order (Taylor) prediction of the fall in the loss.

        ``L(theta - eta g) ~ L(theta) - eta g.g``, so a small step lowers the loss
        by about ``learning_rate * |g|^2``.
        """
        g = self.gradients.flat()
        return float(self.learning_rate * (g @ g))

    @property
    def fall(self) -> float:
        """How much the step lowered the loss (negative when the loss rose)."""
        return self.loss_before - self.loss_after

    @property
    def prediction_error(self) -> float:
        """``|fall - predicted_fall| / predicted_fall``: small for a small step, growing with the rate."""
        return abs(self.fall - self.predicted_fall) / self.predicted_fall


def descent_step(
    network: bp.Network, X, y, *, learning_rate: float, loss: str = "mse", engine: Any = bp
) -> DescentStep:
    """Take one gradient-descent step on ``network`` in place (backprop gradients) and record it.

    ``engine`` computes it: the package, or an implementation being graded (the fixture ``engine``).
    """
    before = network.copy()
    gradients = engine.backward_prop(network, X, y, loss)
    engine.gradient_descent(network, gradients, learning_rate)
    loss_before, loss_after = engine.compute_loss(before, X, y, loss), engine.compute_loss(network, X, y, loss)
    return DescentStep(before, gradients, float(learning_rate), float(loss_before), float(loss_after))


def unit_parameters(network: bp.Network, layer: int, unit: int) -> np.ndarray:
    """Everything that makes unit ``unit`` of hidden layer ``layer`` (from 1) what it is, as one vector.

    Its incoming weights ``W[layer][:, unit]``, its bias ``b[layer][unit]`` and
    its outgoing weights ``W[layer + 1][unit, :]``. Two units with equal vectors
    compute the same thing and receive the same gradients. Units count from 0.
    """
    numbered("layer", layer, 1, len(network.weights) - 1, plural="hidden layers")
    numbered("unit", unit, 0, network.weights[layer - 1].shape[-1] - 1, of=f"layer {layer}")
    W_in, b, W_out = network.weights[layer - 1], network.biases[layer - 1], network.weights[layer]
    return np.concatenate([W_in[..., :, unit], b[..., unit, None], W_out[..., unit, :]], axis=-1)


class Training(NamedTuple):
    """A full-batch training run: the loss of every epoch, and the parameters it started from."""

    history: bp.History
    before: bp.Network


class Shortcut(NamedTuple):
    """The chain-rule gradients with the output shortcut ``(y_hat - y) / N`` and without it."""

    fused: bp.Gradients
    unfused: bp.Gradients


@dataclass
class EpsilonCheck:
    """A gradient check and the nudge it was made with."""

    method: str
    epsilon: float
    result: bp.GradientCheck


@dataclass
class Call:
    """A call of a public function with a bad argument, and what came of it."""

    function: str
    before: bp.Network
    """A copy of the scenario's network before the call."""
    result: Any = None
    error: Exception | None = None
    recorded: list[tuple[int, float]] = field(default_factory=list)
    """(epoch, loss) of every training step a callback saw."""


# --- training runs -------------------------------------------------------------------------------------


@dataclass
class Run:
    """A trained network, with its History, or the running losses a hand-written loop returned."""

    network: bp.Network
    history: bp.History | None = None
    running: np.ndarray | None = None
    seed: int | None = None
    """The shuffle seed of a minibatch run."""


class Split(Data):
    """The digits split: its training part is the data (``X``, and the class labels as ``y``) that every training
    sentence reads; ``test`` is the held-out part, ``all_labels`` every image's label."""

    test: Data
    all_labels: np.ndarray

    @classmethod
    def of(cls, X: np.ndarray, labels: np.ndarray, test: Data, all_labels: np.ndarray) -> Split:
        split = cls(X, labels)
        split.test, split.all_labels = test, all_labels
        return split


class Shuffles(NamedTuple):
    """The row order of each of ``epochs`` epochs, shape (epochs, N)."""

    orders: np.ndarray
    epochs: int


class Parity(NamedTuple):
    """One start trained by ``train_minibatch`` (ours) and by scikit-learn (theirs) on the same batches."""

    start: bp.Network
    ours: Run
    theirs: Any


class CommandRun(NamedTuple):
    """One run of the command line: its exit code and what it printed."""

    code: int
    out: str
    err: str


class ScratchRun(NamedTuple):
    """A finished run of a scratch specification: pytest's exit code and its combined output."""

    returncode: int
    report: str


# --- minibatch SGD written out from its definition ---------------------------------------------------


def sgd_by_hand(network, X, y, *, epochs, learning_rate, batch_size, seed, loss="mse") -> np.ndarray:
    """Minibatch SGD from its definition, the oracle for ``train_minibatch``: returns each epoch's running loss.

    For each epoch's row order (``epoch_orders``) and each run of ``batch_size``
    consecutive entries of it (the last run may be shorter): one ``backward_prop``
    on those rows and one ``gradient_descent`` step, in place. Nothing of
    ``backprop.minibatch`` is used but the orders. The running loss of an epoch
    is the sum over its batches of (rows in the batch) x (the batch's mean loss
    just before its step), divided by N.
    """
    batch_size = positive_int("batch_size", batch_size)
    running = []
    for order in bp.epoch_orders(X.shape[0], epochs, seed):
        total = 0.0
        for start in range(0, X.shape[0], batch_size):
            rows = order[start : start + batch_size]
            total += len(rows) * float(bp.compute_loss(network, X[rows], y[rows], loss))
            bp.gradient_descent(network, bp.backward_prop(network, X[rows], y[rows], loss), learning_rate)
        running.append(total / X.shape[0])
    return np.array(running)


# --- determinism: a training run summarised as bytes ----------------------------------------------


def fingerprint(sizes, hidden, seed, epochs, rate, loss) -> dict:
    """Train the XOR network and return its parameters' and losses' bytes as hex strings."""
    import backprop as bp  # imported here too: a fresh process runs this function's source alone

    X, y = bp.xor()
    network = bp.init_network(sizes, seed=seed, hidden=hidden, bias_init="normal")
    history = bp.train(network, X, y, epochs=epochs, learning_rate=rate, loss=loss)
    return {"parameters": network.flat().tobytes().hex(), "losses": history.losses.tobytes().hex()}


def fingerprint_in_fresh_process(arguments: dict) -> dict:
    """``fingerprint(**arguments)`` computed by a new interpreter (``sys.executable``) from this function's source."""
    code = f"{inspect.getsource(fingerprint)}\nimport json\nprint(json.dumps(fingerprint(**{arguments!r})))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:  # the traceback's last line is the error; the rest is this function's frames
        error = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise RuntimeError(f"the fresh Python process failed: {error}")
    return json.loads(done.stdout)


@dataclass
class Runs:
    """Training runs to compare: the arguments of the first, and each run's fingerprint."""

    arguments: dict[str, Any]
    fingerprints: list[dict] = field(default_factory=list)


# --- the helpers, for their unit tests ----------------------------------------------------------


@pytest.fixture(name="step_helpers")
def _step_helpers() -> dict[str, Callable[..., Any]]:
    """The helpers above by name, for ``tests/test_step_support.py`` (pytest is steps' only importer)."""
    return {
        "descent_step": descent_step,
        "unit_parameters": unit_parameters,
        "sgd_by_hand": sgd_by_hand,
        "fingerprint": fingerprint,
        "fingerprint_in_fresh_process": fingerprint_in_fresh_process,
        "data_table": data_table,
        "data_csv": data_csv,
        "data_path": data_path,
        "clip": clip,
        "json_value": json_value,
        "number": number,
        "number_list": number_list,
        "table_rows": table_rows,
        "table_matrix": table_matrix,
        "numbered": numbered,
        "summary": summary,
        "assert_close": assert_close,
        "check_arguments": check_arguments,
        "random_batch": random_batch,
    }


# --- words: a step's word parameter is checked when the step runs, not later -------------------


WORDS: dict[str, tuple[str, ...]] = {
    "loss": tuple(bp.LOSSES),
    "hidden": tuple(bp.ACTIVATIONS),
    "output": tuple(bp.ACTIVATIONS),
    "init": bp.INITIALISATIONS,
    "bias_init": BIAS_INITIALISATIONS,
    "method": ("forward", "central"),
    "kind": ("uniform", "one-hot", "class"),
}
"""The allowed values of each word parameter, by the parameter's name in the step patterns."""

ALIASES: dict[str, dict[str, str]] = {
    "kind": {"onehot": "one-hot", "classes": "class", "label": "class", "labels": "class"},
    "init": {"glorot": "glorot_uniform"},
}
"""Other words a reader is likely to write for a value, where only one value can be meant. ``label`` is an integer
class label (as a data table's ``label`` column), never a one-hot row."""


def _folded(word: str) -> str:
    """A word as it is compared: case, and hyphen against underscore, do not count (ReLU, one_hot)."""
    return word.lower().replace("-", "_")


def words(name: str) -> list[str]:
    """Every word the parameter ``name`` accepts: its values, then their aliases."""
    return [*WORDS.get(name, ()), *ALIASES.get(name, {})]


def canonical_word(name: str, value: str) -> str | None:
    """The value ``value`` stands for (``ReLU`` -> ``relu``, ``onehot`` -> ``one-hot``); None when it is none."""
    known = {_folded(w): w for w in WORDS.get(name, ())}
    known |= {_folded(alias): word for alias, word in ALIASES.get(name, {}).items()}
    return known.get(_folded(value))


register_words({name: words(name) for name in WORDS})


def unknown_word(name: str, value: str) -> str | None:
    """The message for a word the step does not know (None when it is allowed)."""
    if name not in WORDS or canonical_word(name, value) is not None:
        return None
    valid = words(name)
    close = difflib.get_close_matches(value, valid, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{name} {clip(value)!r} is not one of {', '.join(valid)}{hint}"


def check_arguments(arguments: dict[str, Any]) -> None:
    """Refuse a step's parameter that it cannot use: an unknown word, or a malformed number or list.

    ``arguments`` are the step function's arguments by name (parameters of the
    sentence and fixtures alike); the error names the parameter and the fix. A
    word written another accepted way (``ReLU``, ``onehot``, ``labels``) is
    replaced, in ``arguments``, by the value it stands for, so the step reads
    one spelling.
    """
    for name, value in arguments.items():
        if isinstance(value, Malformed):
            raise ValueError(value.message(name))
        message = unknown_word(name, value) if isinstance(value, str) else None
        if message is not None:
            raise ValueError(message)
    for name, value in arguments.items():
        if isinstance(value, str) and name in WORDS:
            arguments[name] = canonical_word(name, value)


def pytest_bdd_before_step_call(request, feature, scenario, step, step_func, step_func_args):
    """Fail a step at once when one of its parameters is a word the package does not know, or a malformed value.

    pytest-bdd swallows a parse converter's error (the sentence would become an
    "undefined step"), so words are matched as any word, and numbers and lists
    that cannot be used are kept as ``Malformed``; both are checked here, before
    the step runs: the failure is at the step the reader wrote, with the valid
    values and the closest one.
    """
    check_arguments(step_func_args)


# --- numbers in a sentence: checked against what exists, and summarised in messages -----------


def numbered(kind: str, value: int, first: int, last: int, *, of: str = "", plural: str = "") -> int:
    """``value`` when ``first <= value <= last``; otherwise an error giving the valid range.

    ``numbered("row", 0, 1, 4)`` fails with "row 0 is out of range: rows 1–4";
    ``of`` places the number ("unit 9 of layer 1"); ``plural`` names the kind
    in the range ("hidden layers" for "layer").
    """
    if first <= value <= last:
        return value
    plural = plural or f"{kind}s"
    if last < first:
        valid = f"no {plural}"
    else:
        valid = f"{plural} {first}–{last}" if last > first else f"{plural}: {first} only"
    where = f" of {of}" if of else ""
    raise ValueError(f"{kind} {value}{where} is out of range: {valid}")


SHOWN_VALUES = 6
"""A message shows an array of up to this many values whole, and a summary of a longer one."""


def summary(values) -> str:
    """A short text for an array in a message: the values themselves when few, else their count and range."""
    flat = np.asarray(values, dtype=float).ravel()
    if flat.size <= SHOWN_VALUES:
        return "[" + ", ".join(f"{v:.6g}" for v in flat) + "]"
    return f"{flat.size:,} values from {flat.min():.6g} to {flat.max():.6g}"


def assert_close(found, stated, tol: float, what: str = "value") -> None:
    """Every found value within ``tol`` of the stated one; a failure names the largest difference and where it is.

    Replaces ``np.testing.assert_allclose(found, stated, rtol=0, atol=tol)``, whose
    message prints both arrays whole.
    """
    found, stated = np.asarray(found, dtype=float), np.asarray(stated, dtype=float)
    if found.shape != stated.shape:
        raise AssertionError(f"found {found.size} {what}s (shape {found.shape}), stated {stated.size} ({stated.shape})")
    with np.errstate(all="ignore"):  # an inf or nan found is a difference to report, not a warning
        gap = np.abs(found - stated)
    bad = ~(gap <= tol)
    if bad.any():
        worst = np.unravel_index(np.argmax(np.where(np.isnan(gap), np.inf, gap)), gap.shape)
        at = f" at {list(map(int, worst))}" if gap.ndim else ""
        raise AssertionError(
            f"{int(bad.sum())} of {gap.size} {what}s differ by more than {tol:g}; the largest difference is "
            f"{gap[worst]:.6g}{at}: found {float(found[worst])!r}, stated {float(stated[worst])!r}"
        )
