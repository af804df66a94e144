"""Steps of the chapter "Nudging with epsilon" (the guide's simpler view).

Fixtures set here: ``change`` (a nudge's change in the loss), ``check`` (the
latest gradient check, an EpsilonCheck) and ``checks`` (every check of the
scenario by (method, epsilon)), ``sweep`` (an EpsilonSweep), ``passes`` (a
PassCount) and ``before`` (a copy of the network taken before nudging).
"""

from __future__ import annotations

import numpy as np
import pytest
from pytest_bdd import then, when

import backprop as bp
from backprop.gradcheck import epsilon_sweep
from speckit.catalog import MissingStep
from steps.parsing import clip, sentence
from steps.support import EpsilonCheck


@pytest.fixture
def checks() -> dict[tuple[str, float], EpsilonCheck]:
    """Every gradient check of the scenario, by (method, epsilon): empty until one is made."""
    return {}


@when(sentence("I nudge {name:Param} by {epsilon:Number} and measure the change in the loss"), target_fixture="change")
def _(engine, network, data, loss, name, epsilon):
    """L(theta + epsilon) - L(theta) for one parameter, every other one held still.

    Example: When I nudge W1[0,0] by 0.0001 and measure the change in the loss
    """
    return engine.loss_change(network, *data, name, epsilon, loss)


@then(sentence("the change in the loss is dL/d{name:Param} times {epsilon:Number} to within {percent:Number}%"))
def _(engine, network, data, loss, change, name, epsilon, percent, measure):
    """The measured change against the chain-rule gradient times epsilon, as a relative gap.

    Example: Then the change in the loss is dL/dW1[0,0] times 0.0001 to within 0.5%
    """
    with np.errstate(over="ignore"):  # an epsilon near the largest float: reported below, not warned
        expected = engine.backward_prop(network, *data, loss)[name] * epsilon
    if not np.isfinite(expected):
        raise ValueError(f"dL/d{name} times {epsilon:g} overflows float64: take an epsilon like 1e-4")
    if expected == 0:
        raise ValueError(f"dL/d{name} times {epsilon:g} is 0: a gap relative to 0 is undefined")
    with np.errstate(over="ignore"):  # a gap beyond the largest float is inf: it fails the claim below
        gap = measure(f"gap for {name}, %", 100 * (abs(change - expected) / abs(expected)))
    assert gap <= percent, (
        f"the change in the loss is {change:.6g}, {gap:.3g}% from dL/d{name} times {epsilon:g} = {expected:.6g}; "
        f"the claim allows {percent:g}%"
    )


@when(
    sentence("I check the gradient with the {method:Word} difference and epsilon {epsilon:Number}"),
    target_fixture="check",
)
def _(engine, network, data, loss, checks, method, epsilon):
    """Compare backprop with the numerical gradient (``gradient_check``); keeps every check made.

    Example: When I check the gradient with the central difference and epsilon 1e-5
    """
    result = engine.gradient_check(network, *data, loss, epsilon=epsilon, method=method)
    checks[method, epsilon] = check = EpsilonCheck(method, epsilon, result)
    return check


@then(
    sentence(
        "the {method:Word}-difference error at epsilon {first:Number} is between {low:Number} and {high:Number} "
        "times the error at epsilon {second:Number}"
    )
)
def _(checks, method, first, low, high, second, measure):
    """The ratio of two checks made earlier in the scenario with the same method.

    Example: Then the forward-difference error at epsilon 0.0001 is between 8 and 12 times the error at epsilon 0.00001
    """
    errors = [_check(checks, method, epsilon).result.overall for epsilon in (first, second)]
    if errors[1] == 0:
        raise ValueError(f"the {method}-difference error at epsilon {second:g} is 0: a ratio to it is undefined")
    ratio = measure("ratio", errors[0] / errors[1])
    assert low <= ratio <= high, f"the ratio is {ratio!r}, not between {low:g} and {high:g}"


def _check(checks, method: str, epsilon: float) -> EpsilonCheck:
    """The scenario's gradient check with ``method`` at ``epsilon``, or an error listing the checks it made."""
    if (method, epsilon) not in checks:
        made = ", ".join(f"{m} difference at epsilon {e:g}" for m, e in checks) or "none"
        raise MissingStep(
            "check",
            why=f"no {method}-difference check at epsilon {epsilon:g} earlier in the scenario (checks made: {made})",
        )
    return checks[method, epsilon]


@when(
    sentence("I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the {method:Word} difference"),
    target_fixture="sweep",
)
def _(network, data, loss, method):
    """The gradient check at epsilon = 1e-1, 1e-2, ..., 1e-12 (``epsilon_sweep``).

    Example: When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the forward difference
    """
    return epsilon_sweep(network, *data, loss, method=method)


GRADIENTS = {
    "a forward-difference gradient": lambda net, X, y, loss: bp.numerical_gradient(net, X, y, loss, method="forward"),
    "a central-difference gradient": lambda net, X, y, loss: bp.numerical_gradient(net, X, y, loss, method="central"),
    "a forward-mode gradient": bp.forward_mode_gradient,
    "the chain-rule gradient": bp.backward_prop,
}
"""The ways to compute every gradient whose passes a scenario can count."""


@when(sentence("I count the passes spent on {way}"), target_fixture="passes")
def _(network, data, loss, way):
    """Count the forward and backward passes of one whole gradient computed ``way``: a forward-difference,
    central-difference or forward-mode gradient, or the chain-rule gradient (``backward_prop``, no cache).

    Example: When I count the passes spent on a central-difference gradient
    """
    if way not in GRADIENTS:
        raise ValueError(f"I can count the passes of {', '.join(GRADIENTS)}; not of {clip(way)!r}")
    with bp.count_passes() as passes:
        GRADIENTS[way](network, *data, loss)
    return passes


@then(sentence("the count is {forward:d} forward and {backward:d} backward passes"))
def _(passes, forward, backward):
    """The passes counted by the latest count.

    Example: Then the count is 1 forward and 1 backward passes
    """
    found = (passes.forward, passes.backward)
    assert found == (forward, backward), f"the count is {found[0]} forward and {found[1]} backward passes"


@when(
    sentence("I compute the {method:Word}-difference gradient with epsilon {epsilon:Number}"), target_fixture="before"
)
def _(network, data, loss, method, epsilon):
    """Keep a copy of the network, then estimate every gradient by nudging.

    Example: When I compute the forward-difference gradient with epsilon 0.1
    """
    before = network.copy()
    bp.numerical_gradient(network, *data, loss, epsilon=epsilon, method=method)
    return before


@then("every parameter is bit-for-bit what it was before")
def _(network, before):
    """The network's parameters have exactly the bytes of the copy kept before.

    Example: Then every parameter is bit-for-bit what it was before
    """
    assert network.flat().tobytes() == before.flat().tobytes()


@then(sentence("restoring by subtracting {epsilon:Number} instead would have changed at least one parameter"))
def _(before, epsilon):
    """``(theta + epsilon) - epsilon != theta`` for some parameter: why the package saves and restores.

    Example: Then restoring by subtracting 0.1 instead would have changed at least one parameter
    """
    with np.errstate(all="ignore"):  # a huge epsilon overflows to inf: that too changes the parameter
        restored = (before.flat() + epsilon) - epsilon
    assert np.any(restored != before.flat()), f"subtracting {epsilon:g} restores all {before.parameter_count} exactly"


@then(
    sentence(
        "with the {method:Word} difference, epsilon {better:Number} gives a smaller error than epsilon {worse:Number}"
    )
)
def _(network, data, loss, method, better, worse, measure):
    """Two gradient checks of the network, at two epsilons: the first must have the smaller overall relative error.

    Example: Then with the central difference, epsilon 1e-5 gives a smaller error than epsilon 1e-1
    """
    errors = [
        measure(
            f"error at ε = {epsilon:g}", bp.gradient_check(network, *data, loss, epsilon=epsilon, method=method).overall
        )
        for epsilon in (better, worse)
    ]
    assert errors[0] < errors[1], f"the error at epsilon {better:g} is {errors[0]!r}, at {worse:g} {errors[1]!r}"
