"""Checks, in one sentence: "Then the <quantity> is <comparison>".

A reader states what the package computed with one pattern. The quantity is a
phrase from the list below, read from what the scenario's earlier steps set up
(its network, data, loss, training, gradient check, ...); the comparison is
one of::

    at most 0.01        at least 0.9        below 0.125        above 0
    between 1e-9 and 1e-7                   exactly 10
    0.25 within 1e-12   (absolute)          0.25 within 1%     (relative)
    within 1e-12 of 0.25                    within 1% of 0.25
    different from 0    at least 96%        (= at least 0.96: a percentage is a fraction)

So ``Then the loss is at most 0.01``, ``Then the gradient dL/dW1[0,0] is
0.0474853681450617 within 1e-12`` and ``Then the first epoch with a loss below
0.01 is at most 2000`` are one step definition. The measured value goes to the
site beside the claim, and a failure says what was measured and what was
expected, in one line.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import parse
import pytest
from pytest_bdd import parsers, then

import backprop as bp
from backprop.sweeps import epochs_ratio
from steps.parsing import TYPES, number
from steps.support import Data

_NUMBER = number.pattern
_PARAM = r"[Wb]\d+\[\d+(?:,\s*\d+)?\]"


@dataclass(frozen=True)
class Comparison:
    """How a measured value must compare: at most, at least, below, above, between, exactly, different from, within."""

    kind: str
    a: float
    b: float = 0.0
    relative: bool = False
    text: str = ""

    def holds(self, x: float) -> bool:
        if self.kind == "within":
            tolerance = self.b * abs(self.a) / 100 if self.relative else self.b
            return abs(x - self.a) <= tolerance
        return {
            "at most": lambda: x <= self.a,
            "at least": lambda: x >= self.a,
            "below": lambda: x < self.a,
            "above": lambda: x > self.a,
            "between": lambda: self.a <= x <= self.b,
            "exactly": lambda: x == self.a,
            "different from": lambda: x != self.a,
        }[self.kind]()


_COMPARISONS = [
    (rf"(?P<kind>at most|at least|below|above|exactly|different from) (?P<a>{_NUMBER})(?P<apct>%)?", None),
    (rf"between (?P<a>{_NUMBER})(?P<apct>%)? and (?P<b>{_NUMBER})(?P<bpct>%)?", "between"),
    (rf"(?P<a>{_NUMBER}) within (?P<b>{_NUMBER})(?P<pct>%)?", "within"),
    (rf"within (?P<b>{_NUMBER})(?P<pct>%)? of (?P<a>{_NUMBER})", "within"),
]


COMPARISON_FORMS = (
    "at most V",
    "at least V",
    "below V",
    "above V",
    "between A and B",
    "exactly V",
    "different from V",
    "V within T",
    "V within P%",
    "within T of V",
    "within P% of V",
)
"""The comparisons, as the step catalog lists them (a percentage outside a tolerance is a fraction: 96% = 0.96)."""


def _alternatives(patterns) -> str:
    """One regular expression for parse: the patterns as alternatives, their named groups made anonymous."""
    return "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", p) + ")" for p in patterns)


@parse.with_pattern(_alternatives(p for p, _ in _COMPARISONS))
def comparison(text: str) -> Comparison:
    for pattern, kind in _COMPARISONS:
        m = re.fullmatch(pattern, text)
        if m:
            found = m.groupdict()
            # 96% outside a tolerance is the fraction 0.96 (accuracies are fractions); a tolerance in % is relative.
            a = float(found["a"]) / (100 if found.get("apct") else 1)
            b = float(found.get("b") or 0.0) / (100 if found.get("bpct") else 1)
            return Comparison(kind or found["kind"], a, b, bool(found.get("pct")), text)
    raise AssertionError(f"the comparison pattern matched {text!r} but no form reads it")  # unreachable


# --- the quantities --------------------------------------------------------------------------------


def fixture(request: pytest.FixtureRequest, name: str, needs: str):
    """The value an earlier step set under ``name``; a clear failure naming the step it needs when none did."""
    try:
        return request.getfixturevalue(name)
    except pytest.FixtureLookupError:
        pytest.fail(f"this check needs {needs} earlier in the scenario", pytrace=False)


def _network(request):
    return fixture(request, "network", "a network (Given the guide's 2-2-1 network with seed 0)")


def _data(request) -> Data:
    return fixture(request, "data", "data (Given the XOR data set, or Given the data:)")


def _loss(request) -> str:
    return request.getfixturevalue("loss")


def _gradients(request) -> bp.Gradients:
    return bp.backward_prop(_network(request), *_data(request), _loss(request))


def _training(request):
    return fixture(request, "training", "a training step (When I train for 1000 epochs at learning rate 2)")


def _before(request) -> bp.Network:
    """The parameters before the scenario's training or descent step."""
    for name in ("training", "step"):
        try:
            return request.getfixturevalue(name).before
        except pytest.FixtureLookupError:
            continue
    pytest.fail("this check needs a training or descent step earlier in the scenario", pytrace=False)


def _outputs(request) -> np.ndarray:
    return bp.forward_prop(_network(request), _data(request).X)[0]


def _one_output(request) -> float:
    y_hat = _outputs(request)
    assert y_hat.shape == (1, 1), f"'the output' is for one sample with one output; this batch gives {y_hat.shape}"
    return float(y_hat[0, 0])


def _first_epoch_below(request, v: str) -> float:
    losses = np.asarray(_training(request).history.losses)
    below = np.flatnonzero(losses < float(v))
    if below.size == 0:
        pytest.fail(f"the loss never fell below {v} in {len(losses) - 1} epochs", pytrace=False)
    return int(below[0])


def _norm(request, layer: str) -> float:
    return float(np.linalg.norm(_gradients(request).dW[int(layer) - 1]))


def _unit(values, unit: str, layer: str, what: str) -> float:
    assert values is not None and int(layer) >= 1, f"{what} exists for layers 1 and up, not layer {layer}"
    return float(values[int(layer)][0, int(unit)])


_SEEDS = "digits networks trained on several seeds"


def _median_ratio(request) -> float:
    """Over the seeds both of the last two sweeps learn: the second's median epochs over the first's."""
    sweeps = fixture(request, "sweeps", "two seed sweeps")
    assert len(sweeps) >= 2, "this check compares the last two seed sweeps of the scenario; it has one"
    return float(epochs_ratio(*sweeps[-2:]))


QUANTITIES: dict[str, Callable[..., float]] = {
    "loss": lambda r: float(bp.compute_loss(_network(r), *_data(r), _loss(r))),
    "{which:Loss} loss": lambda r, which: float(bp.compute_loss(_network(r), *_data(r), which)),
    "final loss": lambda r: float(_training(r).history.losses[-1]),
    "first epoch with a loss below {v:Number}": _first_epoch_below,
    "output": _one_output,
    "output of row {row:d}": lambda r, row: float(_outputs(r)[int(row) - 1, 0]),
    "largest distance of an output from its target": lambda r: float(np.max(np.abs(_outputs(r) - _data(r).y))),
    "z of unit {unit:d} of layer {layer:d}": lambda r, unit, layer: _unit(
        bp.forward_prop(_network(r), _data(r).X)[1].z, unit, layer, "z"
    ),
    "error signal of unit {unit:d} of layer {layer:d}": lambda r, unit, layer: _unit(
        _gradients(r).delta, unit, layer, "an error signal"
    ),
    "gradient dL/d{name:Param}": lambda r, name: float(_gradients(r)[name.replace(" ", "")]),
    "weight gradient norm of layer {layer:d}": _norm,
    "ratio of the weight gradient norms of layers {top:d} and {bottom:d}": lambda r, top, bottom: (
        _norm(r, top) / _norm(r, bottom)
    ),
    "overall relative error": lambda r: float(fixture(r, "check", "a gradient check").result.overall),
    "worst relative error": lambda r: float(fixture(r, "check", "a gradient check").result.worst),
    "number of {kind:Pass} passes": lambda r, kind: getattr(fixture(r, "passes", "a count"), kind),
    "number of parameters": lambda r: _network(r).parameter_count,
    "accuracy": lambda r: float(bp.accuracy(_network(r), *_data(r))),
    "parameter {name:Param}": lambda r, name: float(_network(r)[name.replace(" ", "")]),
    "change in {name:Param}": lambda r, name: float(_network(r)[name] - _before(r)[name]),
    "largest change of any parameter": lambda r: float(np.max(np.abs(_network(r).flat() - _before(r).flat()))),
    "number of seeds that learned XOR": lambda r: (
        fixture(r, "sweep", "a seed sweep (When I train seeds 0 to 99 ...)").solved_count
    ),
    "best epsilon of the sweep": lambda r: fixture(r, "sweep", "an epsilon sweep").best_epsilon,
    "observed order of accuracy from epsilon {large:Number} to {small:Number}": lambda r, large, small: fixture(
        r, "sweep", "an epsilon sweep"
    ).order(float(large), float(small)),
    "mean test accuracy over those seeds": lambda r: float(fixture(r, "accuracies", _SEEDS).mean()),
    "lowest test accuracy over those seeds": lambda r: float(fixture(r, "accuracies", _SEEDS).min()),
    "ratio of the second sweep's median epochs to learn XOR to the first's": lambda r: _median_ratio(r),
    "change in the loss": lambda r: float(fixture(r, "change", "a nudge (When I nudge W1[0,0] by 0.01 ...)")),
    "fall in the loss": lambda r: float(fixture(r, "step", "a descent step").fall),
    "sigmoid of {z:Number}": lambda r, z: float(bp.sigmoid(np.float64(z))),
}
"""Each quantity's phrase and how it is measured. A ``{name:Type}`` field of the phrase is an argument
(``PHRASE_TYPES``); the step catalog lists the phrases as written here."""

PHRASE_TYPES = {
    "Number": _NUMBER,
    "d": r"\d+",
    "Param": _PARAM,
    "Loss": "|".join(bp.LOSSES),
    "Pass": "forward|backward",
}


def _regex(phrase: str, named: bool = True) -> str:
    """A phrase as a regular expression: its ``{name:Type}`` fields as (named) groups, the rest literal."""
    out = []
    for literal, name, spec, _ in string.Formatter().parse(phrase):
        out.append(re.escape(literal))
        if name is not None:
            body = PHRASE_TYPES[spec or ""]
            out.append(f"(?P<{name}>{body})" if named else f"(?:{body})")
    return "".join(out)


@dataclass(frozen=True)
class Quantity:
    phrase: str
    measure: Callable[..., float]
    arguments: dict[str, str]

    def value(self, request: pytest.FixtureRequest) -> float:
        return self.measure(request, **self.arguments)


@parse.with_pattern("|".join(f"(?:{_regex(phrase, named=False)})" for phrase in QUANTITIES))
def quantity(text: str) -> Quantity:
    for phrase, measure in QUANTITIES.items():
        m = re.fullmatch(_regex(phrase), text)
        if m:
            return Quantity(text, measure, m.groupdict())
    raise AssertionError(f"the quantity pattern matched {text!r} but no phrase reads it")  # unreachable


@then(
    parsers.parse(
        "the {quantity:Quantity} is {comparison:Comparison}",
        extra_types={**TYPES, "Quantity": quantity, "Comparison": comparison},
    )
)
def _(request, quantity, comparison, measure):
    """Any quantity the package computes, compared with a number: the one sentence for checks.

    The quantities are the phrases of ``QUANTITIES`` (the step catalog lists them
    all); the comparisons are at most, at least, below, above, between A and B,
    exactly, different from, V within T, V within P%, within T of V and within
    P% of V. A percentage outside a tolerance is a fraction: at least 96% is at
    least 0.96.

    Example: Then the overall relative error is at most 1e-7
    """
    value = measure(quantity.phrase, quantity.value(request))
    assert comparison.holds(value), f"the {quantity.phrase} is {value!r}, not {comparison.text}"
