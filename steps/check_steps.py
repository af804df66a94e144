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

Two things compared. Where a comparison takes a number V it can take another
quantity instead, ``the <quantity>``, times a factor if wanted (``10 times the
<quantity>``); ``in size`` at the end compares absolute values. Either side may
be a quantity of a named run: ``When I call this run "table"`` keeps a copy of
the scenario's network, data, loss and latest training (and what else the
quantities read) as they are at that step, and ``the <quantity> of "table"`` is
the same phrase measured on that copy. So::

    Then the final loss of "table" is within 1e-12 of the final loss of "csv"
    Then the gradient dL/db2[0] is at least 10 times the gradient dL/dW1[0,1] in size
"""

from __future__ import annotations

import copy
import difflib
import math
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import parse
import pytest
from pytest_bdd import parsers, then, when

import backprop as bp
from backprop.gradcheck import EpsilonSweep
from backprop.sweeps import SeedSweep, median_epochs_to_learn
from speckit.catalog import MissingStep, register_words
from steps.parsing import TYPES, Malformed, clip, number, sentence
from steps.support import Data, Split, numbered

_NUMBER = number.pattern
_PARAM = r"[Wb]\d+\[\d+(?:,\s*\d+)?\]"


# --- the quantities --------------------------------------------------------------------------------


def fixture(request: pytest.FixtureRequest, name: str, kind: type | None = None):
    """The value an earlier step set under ``name``; when none did, an error naming every step that sets it.

    ``kind``: the type the check reads, when steps of different kinds set the
    same name (a seed sweep and an epsilon sweep are both ``sweep``).
    """
    try:
        value = request.getfixturevalue(name)
    except pytest.FixtureLookupError:
        raise MissingStep(name) from None
    if kind is not None and not isinstance(value, kind):
        found = type(value).__name__
        raise MissingStep(name, why=f"this check reads a {kind.__name__} as {name}, but the latest step set a {found}")
    return value


def _network(request):
    return fixture(request, "network")


def _data(request) -> Data:
    return fixture(request, "data")


def _held_out(request) -> Data:
    """The held-out part of the digits split (the scenario's data is its training part)."""
    data = _data(request)
    if not isinstance(data, Split):
        raise ValueError(
            "the test accuracy reads the held-out part of the digits split, and this scenario's data is not split: "
            "Given the digits data set split 75/25 by class with seed 0"
        )
    return data.test


def _loss(request) -> str:
    return request.getfixturevalue("loss")


def _engine(request):
    """The package's functions, or the implementation being graded in a @gradable scenario (``steps.grading``)."""
    return request.getfixturevalue("engine")


def _gradients(request) -> bp.Gradients:
    return _engine(request).backward_prop(_network(request), *_data(request), _loss(request))


def _training(request):
    return fixture(request, "training")


def _before(request) -> bp.Network:
    """The parameters before the scenario's training or descent step."""
    for name in ("training", "step"):
        try:
            return request.getfixturevalue(name).before
        except (pytest.FixtureLookupError, MissingStep):  # MissingStep: a named run that holds neither
            continue
    raise MissingStep("training", "step")


def _outputs(request) -> np.ndarray:
    return _engine(request).forward_prop(_network(request), _data(request).X)[0]


def _one_output(request) -> float:
    y_hat = _outputs(request)
    if y_hat.shape != (1, 1):
        raise ValueError(
            f"'the output' is for one sample and one output; this batch gives {y_hat.shape[0]} samples of "
            f"{y_hat.shape[1]} outputs: use 'the output of row R'"
        )
    return float(y_hat[0, 0])


def _output_of_row(request, row: int) -> float:
    y_hat = _outputs(request)
    if y_hat.shape[1] != 1:
        raise ValueError(f"'the output of row {row}' is for a network with one output; this one has {y_hat.shape[1]}")
    return float(y_hat[numbered("row", row, 1, len(y_hat)) - 1, 0])


def _first_epoch_below(request, v: float) -> float:
    losses = np.asarray(_training(request).history.losses)
    below = np.flatnonzero(losses < v)
    if below.size == 0:
        raise AssertionError(
            f"the loss never fell below {v:g} in {len(losses) - 1} epochs: its lowest is {losses.min()!r}"
        )
    return int(below[0])


def _layer(network: bp.Network, layer: int) -> int:
    return numbered("layer", layer, 1, len(network.weights))


def _norm(request, layer: int) -> float:
    network = _network(request)
    _layer(network, layer)
    return float(np.linalg.norm(bp.backward_prop(network, *_data(request), _loss(request)).dW[layer - 1]))


def _norm_ratio(request, top: int, bottom: int) -> float:
    numerator, denominator = _norm(request, top), _norm(request, bottom)
    if denominator == 0:
        raise ValueError(
            f"the ratio of the weight gradient norms of layers {top} and {bottom} is undefined: "
            f"the norm of layer {bottom} is 0"
        )
    return numerator / denominator


def _unit(request, unit: int, layer: int, what: str) -> float:
    """The z or the error signal of one unit, for a batch of one sample."""
    network, data = _network(request), _data(request)
    if len(data.X) != 1:
        raise ValueError(
            f"the {what} of a unit is for a batch of one sample; this batch has {len(data.X)} "
            "(Given the input [...] with target [...] gives one)"
        )
    _layer(network, layer)
    numbered("unit", unit, 0, network.layer_sizes[layer] - 1, of=f"layer {layer}")
    values = _engine(request).forward_prop(network, data.X)[1].z if what == "z" else _gradients(request).delta
    found = values[layer]
    assert found is not None  # only layer 0 has no z and no error signal
    return float(found[0, unit])


def _order(request, large: float, small: float) -> float:
    sweep = fixture(request, "sweep", EpsilonSweep)
    phrase = f"the observed order of accuracy from epsilon {large:g} to {small:g}"
    if large == small:
        raise ValueError(f"{phrase} compares a range of one point: give two different epsilons of the sweep")
    for epsilon in (large, small):
        if sweep.error_at(epsilon) == 0:
            raise ValueError(f"{phrase} is undefined: the error at epsilon {epsilon:g} is 0, which has no logarithm")
    return sweep.order(large, small)


_SEEDS = "accuracies"


def _median_ratio(request) -> float:
    """Over the seeds both of the last two sweeps learn: the second's median epochs over the first's."""
    sweeps = fixture(request, "sweeps")
    if len(sweeps) < 2:
        raise MissingStep(
            "sweeps", why=f"this check compares the last two seed sweeps; the scenario made {len(sweeps)}"
        )
    first, second = sweeps[-2:]
    if list(first.seeds) != list(second.seeds):
        raise ValueError("the last two seed sweeps trained different seeds; compare sweeps of the same seeds")
    first_median, second_median = median_epochs_to_learn(first, second)
    if first_median == 0:
        raise ValueError("the first sweep's median epochs to learn XOR is 0: the ratio is undefined")
    return float(second_median / first_median)


QUANTITIES: dict[str, Callable[..., float]] = {
    "loss": lambda r: float(_engine(r).compute_loss(_network(r), *_data(r), _loss(r))),
    "{which:Loss} loss": lambda r, which: float(_engine(r).compute_loss(_network(r), *_data(r), which)),
    "final loss": lambda r: float(_training(r).history.losses[-1]),
    "first epoch with a loss below {v:Number}": _first_epoch_below,
    "output": _one_output,
    "output of row {row:d}": _output_of_row,
    "largest distance of an output from its target": lambda r: float(np.max(np.abs(_outputs(r) - _data(r).y))),
    "z of unit {unit:d} of layer {layer:d}": lambda r, unit, layer: _unit(r, unit, layer, "z"),
    "error signal of unit {unit:d} of layer {layer:d}": lambda r, unit, layer: _unit(r, unit, layer, "error signal"),
    "gradient dL/d{name:Param}": lambda r, name: float(_gradients(r)[name]),
    "weight gradient norm of layer {layer:d}": _norm,
    "ratio of the weight gradient norms of layers {top:d} and {bottom:d}": _norm_ratio,
    "overall relative error": lambda r: float(fixture(r, "check").result.overall),
    "worst relative error": lambda r: float(fixture(r, "check").result.worst),
    "number of {kind:Pass} passes": lambda r, kind: getattr(fixture(r, "passes"), kind),
    "number of parameters": lambda r: _network(r).parameter_count,
    "accuracy": lambda r: float(bp.accuracy(_network(r), *_data(r))),
    "test accuracy": lambda r: float(bp.accuracy(_network(r), *_held_out(r))),
    "parameter {name:Param}": lambda r, name: float(_network(r)[name]),
    "change in {name:Param}": lambda r, name: float(_network(r)[name] - _before(r)[name]),
    "largest change of any parameter": lambda r: float(np.max(np.abs(_network(r).flat() - _before(r).flat()))),
    "number of seeds that learned XOR": lambda r: fixture(r, "sweep", SeedSweep).solved_count,
    "best epsilon of the sweep": lambda r: fixture(r, "sweep", EpsilonSweep).best_epsilon,
    "observed order of accuracy from epsilon {large:Number} to {small:Number}": _order,
    "mean test accuracy over those seeds": lambda r: float(fixture(r, _SEEDS).mean()),
    "lowest test accuracy over those seeds": lambda r: float(fixture(r, _SEEDS).min()),
    "ratio of the second sweep's median epochs to learn XOR to the first's": lambda r: _median_ratio(r),
    "change in the loss": lambda r: float(fixture(r, "change")),
    "fall in the loss": lambda r: float(fixture(r, "step").fall),
    "sigmoid of {z:Number}": lambda r, z: float(_engine(r).sigmoid(np.float64(z))),
}
"""Each quantity's phrase and how it is measured. A ``{name:Type}`` field of the phrase is an argument
(``PHRASE_TYPES``); the step catalog lists the phrases as written here."""

PHRASE_TYPES = {
    "Number": _NUMBER,
    "d": r"\d+",
    "Param": _PARAM,
    "Loss": "|".join(bp.LOSSES),
    "Pass": "forward|backward",
    "Run": r'"[^"]*"',
}


# --- named runs: a copy of what a scenario has, for checks that compare two runs ---------------------

SNAPSHOT = ("network", "data", "loss", "training", "step", "change", "check", "passes", "sweep", "sweeps", "accuracies")
"""What a named run keeps: every value the quantities read that a step had set when the run was named."""

RUN_NAME_LENGTH = 40


@dataclass(frozen=True)
class NamedRun:
    """What a scenario had when a step named it: copies of its values, which later steps do not change."""

    name: str
    values: dict[str, Any]


@pytest.fixture
def named_runs() -> dict[str, NamedRun]:
    """The runs the scenario named (``When I call this run "..."``), by name: empty until one is named."""
    return {}


def snapshot(request, name: str) -> NamedRun:
    """A deep copy of each value of ``SNAPSHOT`` that an earlier step set."""
    values = {}
    for value_name in SNAPSHOT:
        try:
            values[value_name] = copy.deepcopy(request.getfixturevalue(value_name))
        except pytest.FixtureLookupError:
            continue
    return NamedRun(name, values)


def _quoted(names) -> str:
    return ", ".join(f'"{clip(n)}"' for n in names)


def named_run(request, name: str) -> NamedRun:
    """The run the scenario named ``name``; an error giving the names it has (and the closest) otherwise."""
    runs = request.getfixturevalue("named_runs")
    if name in runs:
        return runs[name]
    if not runs:
        raise ValueError(
            f'no run is called "{clip(name)}": this scenario has named no run; after the steps to compare, '
            f'write: When I call this run "{clip(name)}"'
        )
    close = difflib.get_close_matches(name, list(runs), n=1, cutoff=0.6)
    hint = f'; did you mean "{clip(close[0])}"?' if close else ""
    raise ValueError(f'no run is called "{clip(name)}": this scenario named {_quoted(runs)}{hint}')


class _RunValues:
    """A named run in place of the scenario's request: a quantity reads the run's copies."""

    def __init__(self, run: NamedRun, request):
        self.run, self.request = run, request

    def getfixturevalue(self, name: str):
        if name == "named_runs":  # a quantity that names another run reads the scenario's runs
            return self.request.getfixturevalue(name)
        if name not in self.run.values:
            raise MissingStep(name)
        return self.run.values[name]


@when(sentence('I call this run "{name}"'))
def _(request, named_runs, name):
    """Keep what the scenario has now under a name, so that a check can compare it with what comes later.

    The run holds copies of the network, the data, the loss and the latest
    training (with the gradient-descent step, gradient check, seed sweep...
    that earlier steps made), as they are at this step; later steps do not
    change them. A check then reads any quantity of it by adding ``of "NAME"``:
    ``Then the final loss of "table" is within 1e-12 of the final loss of
    "csv"``. A name is up to 40 characters without quotes, once per scenario.

    Example: When I call this run "table"
    """
    named_runs[_run_name(name, named_runs)] = snapshot(request, name)


def _run_name(name: str, named_runs: dict) -> str:
    if '"' in name or not name.strip() or len(name) > RUN_NAME_LENGTH:
        raise ValueError(
            f'the run name "{clip(name)}" is not usable: write 1 to {RUN_NAME_LENGTH} characters without quotes'
        )
    if name in named_runs:
        raise ValueError(f'a run is already called "{clip(name)}": give this one another name')
    return name


def _difference_from(request, run: str) -> float:
    network, other = _network(request), named_run(request, run).values.get("network")
    if other is None:
        raise MissingStep("network", why=f'the run "{clip(run)}" holds no network: it was named before a step set one')
    if list(network.layer_sizes) != list(other.layer_sizes):
        raise ValueError(
            f'the network is {list(network.layer_sizes)}, the run "{clip(run)}"\'s '
            f"{list(other.layer_sizes)}: only networks of the same layer sizes have the same parameters"
        )
    return float(np.max(np.abs(network.flat() - other.flat())))


QUANTITIES["largest difference of any parameter from {run:Run}"] = _difference_from


# --- a quantity in a sentence -------------------------------------------------------------------------


def _regex(phrase: str, named: bool = True) -> str:
    """A phrase as a regular expression: its ``{name:Type}`` fields as (named) groups, the rest literal."""
    out = []
    for literal, name, spec, _ in string.Formatter().parse(phrase):
        out.append(re.escape(literal))
        if name is not None:
            body = PHRASE_TYPES[spec or ""]
            out.append(f"(?P<{name}>{body})" if named else f"(?:{body})")
    return "".join(out)


_OF_RUN = r'(?: of "(?P<of_run>[^"]*)")?'
"""A quantity of a named run: the phrase, then ``of "NAME"``."""

_CONVERT: dict[str, Callable[[str], object]] = {"Number": number, "d": int, "Run": lambda text: text[1:-1]}
"""How a phrase's field is read (the others stay text): as the sentence's own parameters are."""


@dataclass(frozen=True)
class Quantity:
    phrase: str
    measure: Callable[..., float]
    arguments: dict[str, object]
    run: str | None = None
    """The named run it is measured on; None for the scenario as it is."""

    def value(self, request) -> float:
        for name, argument in self.arguments.items():
            if isinstance(argument, Malformed):
                raise ValueError(f"the {self.phrase}: {argument.message(name)}")
        if self.run is None:
            return self.measure(request, **self.arguments)
        try:
            return self.measure(_RunValues(named_run(request, self.run), request), **self.arguments)
        except MissingStep as missing:
            which = " or ".join(missing.names)
            why = f'the run "{clip(self.run)}" holds no {which}: it was named before a step set it'
            raise MissingStep(*missing.names, why=why) from None


_QUANTITY = "|".join(f"(?:{_regex(phrase, named=False)})" for phrase in QUANTITIES)
_QUANTITY_OF_RUN = rf'(?:{_QUANTITY})(?: of "[^"]*")?'


def read_quantity(text: str) -> Quantity:
    for phrase, measure in QUANTITIES.items():
        m = re.fullmatch(_regex(phrase) + _OF_RUN, text)
        if m:
            specs = {name: spec or "" for _, name, spec, _ in string.Formatter().parse(phrase) if name is not None}
            found = m.groupdict()
            run = found.pop("of_run")
            arguments = {name: _CONVERT.get(specs[name], str)(value) for name, value in found.items()}
            return Quantity(text, measure, arguments, run)
    raise AssertionError(f"the quantity pattern matched {text!r} but no phrase reads it")  # unreachable


quantity = parse.with_pattern(_QUANTITY_OF_RUN)(read_quantity)


# --- the comparisons -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """How a measured value must compare: at most, at least, below, above, between, exactly, different from, within.

    ``a`` is the number compared with, or, when ``other`` is a quantity, a
    placeholder for ``times`` x that quantity's value (``against`` measures it).
    ``in_size``: both sides are compared as absolute values.
    """

    kind: str
    a: float
    b: float = 0.0
    relative: bool = False
    text: str = ""
    other: Quantity | None = None
    times: float = 1.0
    in_size: bool = False

    def holds(self, x: float) -> bool:
        x = abs(x) if self.in_size else x
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

    def problem(self) -> str | None:
        """Why no value could be checked against this comparison (None when it can be)."""
        if not (math.isfinite(self.a) and math.isfinite(self.b) and math.isfinite(self.times)):
            return "has a number beyond float64's range (up to 1.8e308)"
        if self.kind == "between" and self.a > self.b:
            return f"is an empty range: {self.a:g} is above {self.b:g}"
        if self.kind == "within" and self.b < 0:
            return f"has a negative tolerance, {self.b:g}"
        return None

    def against(self, request, measure) -> tuple[Comparison, str]:
        """This comparison with its other quantity measured; and what the failure message adds about it."""
        if self.other is None:
            return self, ""
        found = float(measure(self.other.phrase, self.other.value(request)))
        a = self.times * (abs(found) if self.in_size else found)
        if math.isfinite(found) and not math.isfinite(a):
            raise ValueError(f"{self.times:g} times the {self.other.phrase} ({found:g}) is beyond float64's range")
        return Comparison(self.kind, a, self.b, self.relative, self.text, None, 1.0, self.in_size), (
            f" (the {self.other.phrase} is {found!r})"
        )


_VALUE = rf"(?:(?P<a>{_NUMBER})(?P<apct>%)?|(?:(?P<times>{_NUMBER}) times )?the (?P<other>{_QUANTITY_OF_RUN}))"
"""What a comparison compares with: a number, or another quantity (``the <quantity>``, ``K times the <quantity>``)."""

_COMPARISONS = [
    (rf"(?P<kind>at most|at least|below|above|exactly|different from) {_VALUE}", None),
    (rf"between (?P<a>{_NUMBER})(?P<apct>%)? and (?P<b>{_NUMBER})(?P<bpct>%)?", "between"),
    (rf"(?P<a>{_NUMBER}) within (?P<b>{_NUMBER})(?P<pct>%)?", "within"),
    (rf"within (?P<b>{_NUMBER})(?P<pct>%)? of {_VALUE}", "within"),
]
_IN_SIZE = "(?P<in_size> in size)?"


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
    "at most the Q",
    "within T of the Q",
    'exactly the Q of "R"',
    "at least K times the Q",
    "at least K times the Q in size",
)
"""The comparisons, as the step catalog lists them (a percentage outside a tolerance is a fraction: 96% = 0.96).

V may be another quantity Q in every form but "between" and "V within T": ``the Q`` of this run or ``the Q of "R"``
of the run named R, times a factor K if wanted; ``in size`` at the end of any form compares absolute values."""


def _alternatives(patterns) -> str:
    """One regular expression for parse: the patterns as alternatives, their named groups made anonymous."""
    return "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", p) + ")" for p in patterns)


def read_comparison(text: str) -> Comparison:
    for pattern, kind in _COMPARISONS:
        m = re.fullmatch(pattern + _IN_SIZE, text)
        if m:
            found = m.groupdict()
            # 96% outside a tolerance is the fraction 0.96 (accuracies are fractions); a tolerance in % is relative.
            a = float(found["a"] or 0.0) / (100 if found.get("apct") else 1)
            b = float(found.get("b") or 0.0) / (100 if found.get("bpct") else 1)
            other = read_quantity(found["other"]) if found.get("other") else None
            times = float(found.get("times") or 1.0)
            in_size = bool(found["in_size"])
            return Comparison(kind or found["kind"], a, b, bool(found.get("pct")), text, other, times, in_size)
    raise AssertionError(f"the comparison pattern matched {text!r} but no form reads it")  # unreachable


comparison = parse.with_pattern(f"(?:{_alternatives(p for p, _ in _COMPARISONS)})(?: in size)?")(read_comparison)

register_words({"quantity": list(QUANTITIES), "comparison": list(COMPARISON_FORMS)})


@then(
    parsers.parse(
        "the {quantity:Quantity} is {comparison:Comparison}",
        extra_types={**TYPES, "Quantity": quantity, "Comparison": comparison},
    )
)
def _(request, quantity, comparison, measure):
    """Any quantity the package computes, compared with a number or with another quantity, of this run or of a run
    named earlier: the one sentence for checks. So ``Then the final loss of "table" is within 1e-12 of the final loss
    of "csv"`` and ``Then the gradient dL/db2[0] is at least 10 times the gradient dL/dW1[0,1] in size``.

    The quantities are the phrases of ``QUANTITIES`` (the step catalog lists them
    all); the comparisons are at most, at least, below, above, between A and B,
    exactly, different from, V within T, V within P%, within T of V and within
    P% of V. A percentage outside a tolerance is a fraction: at least 96% is at
    least 0.96.

    Two things compared: in place of the number V, write another quantity,
    ``the <quantity>`` (``at most the loss``), with a factor if you want a ratio
    (``at least 10 times the gradient dL/dW1[0,1]``); end with ``in size`` to
    compare absolute values (``Then the gradient dL/db2[0] is at least 10 times
    the gradient dL/dW1[0,1] in size``). Either side may be a quantity of a run
    named earlier with ``When I call this run "NAME"``: the same phrase followed
    by ``of "NAME"`` (``Then the final loss of "table" is within 1e-12 of the
    final loss of "csv"``). A name the scenario did not give is refused with
    the names it gave.

    Numbering: rows and layers count from 1 (row 1 is the batch's first sample,
    layer 1 the first hidden layer, the last layer the output); units count
    from 0 within their layer, as the indices of a parameter name do
    (``W1[0,1]``). A row, layer or unit that the network or the batch does not
    have is refused with the valid range ("row 5 is out of range: rows 1–4"),
    and so is a quantity that cannot be computed (a ratio to a norm of 0, an
    order of accuracy over a single epsilon). "The z" and "the error signal" of
    a unit are for a batch of one sample, "the output of row R" for a network
    with one output. "The accuracy" reads the scenario's data (after the digits
    split, its training part); "the test accuracy" the held-out part of the split.

    Example: Then the overall relative error is at most 1e-7
    """
    problem = comparison.problem()
    if problem is not None:
        raise ValueError(f"the comparison '{comparison.text}' {problem}")
    value = measure(quantity.phrase, quantity.value(request))
    resolved, other = comparison.against(request, measure)
    assert resolved.holds(value), f"the {quantity.phrase} is {value!r}, not {comparison.text}{other}"
