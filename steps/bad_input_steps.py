"""Steps of the chapter "Bad input gets a clear error".

A call is written as ``<function> is called with <argument> = <JSON value>``;
every other argument comes from the scenario's fixtures (network, data, loss)
or from a valid default below, so the one bad argument is the only thing
wrong. The outcome (result or exception) is the fixture ``call`` for the Thens.
"""

from __future__ import annotations

import inspect
import json
import re

import numpy as np
from pytest_bdd import given, then, when

import backprop as bp
from backprop.sweeps import sweep_xor
from steps.parsing import sentence
from steps.support import Call, Data

FUNCTIONS = {name: getattr(bp, name) for name in bp.__all__ if callable(getattr(bp, name))} | {"sweep_xor": sweep_xor}

# Valid values for the arguments the scenario does not set.
VALID = {
    "epochs": 3,
    "learning_rate": 0.5,
    "layer_sizes": [2, 2, 1],
    "name": "W1[0,1]",
    "seeds": [0],
    "epsilon": 1e-5,
    "batch_size": 2,
    "labels": [0, 0, 0, 0],
}


def _call(function: str, network: bp.Network, data: Data, loss: str, overrides: dict) -> Call:
    """Call ``function`` with ``overrides`` and the scenario's values; keep its result or its exception."""
    scenario = {"network": network, "X": data.X, "y": data.y, "loss": loss}
    kwargs = {}
    for name in inspect.signature(FUNCTIONS[function]).parameters:
        if name in overrides:
            kwargs[name] = overrides[name]
        elif name == "gradients":
            kwargs[name] = bp.backward_prop(network, *data, loss)
        elif name in scenario:
            kwargs[name] = scenario[name]
        elif name in VALID:
            kwargs[name] = VALID[name]
    call = Call(function, network.copy())
    try:
        call.result = FUNCTIONS[function](**kwargs)
        if hasattr(call.result, "__enter__"):  # nudge: a context manager does its work on entry
            with call.result:
                pass
    except Exception as error:  # noqa: BLE001 - the Then steps inspect it
        call.error = error
    return call


def _attempt(function: str, network: bp.Network, action) -> Call:
    """Run ``action()`` and keep what came of it, with a copy of the network from before."""
    call = Call(function, network.copy())
    try:
        call.result = action()
    except Exception as error:  # noqa: BLE001 - the Then steps inspect it
        call.error = error
    return call


def _array(network: bp.Network, name: str) -> np.ndarray:
    """The network's whole array ``W2`` or ``b1``."""
    return (network.weights if name[0] == "W" else network.biases)[int(name[1:]) - 1]


def _writing(name: str, value: float, epoch: int):
    """A training callback that writes ``value`` into the parameter ``name`` at ``epoch``, and nothing else."""

    def callback(step: bp.Step) -> None:
        if step.epoch == epoch:
            array, index = step.network.locate(name)
            array[index] = value  # into the array, as a careless callback would: setting by name refuses it

    return callback


def _bits(result) -> bytes:
    return np.asarray(result.flat() if hasattr(result, "flat") else result, dtype=np.float64).tobytes()


def _failure(call, error: str) -> str:
    assert call.error is not None, f"expected {error}, but the call returned {call.result!r}"
    assert type(call.error).__name__ == error, f"expected {error}, but got {type(call.error).__name__}: {call.error}"
    return str(call.error)


@when(sentence("{function:Word} is called with {argument:Word} = {value}"), target_fixture="call")
def _(network, data, loss, function, argument, value):
    """Call a public function with one argument replaced by a JSON value; others valid.

    Example: When backward_prop is called with y = [[false], [true], [true], [false]]
    """
    return _call(function, network, data, loss, {argument: json.loads(value)})


@given(sentence("the network's {name:Word} is the nested list {value}"))
def _(network, name, value):
    """Replace a whole weight matrix or bias by a plain Python list (JSON), not a numpy array.

    Example: Given the network's W1 is the nested list [[0.5, -0.5], [1.0, 2.0]]
    """
    layer = int(name[1:]) - 1
    (network.weights if name[0] == "W" else network.biases)[layer] = json.loads(value)


@given(sentence("the network's {name:Word} is the float64 array {value}"))
def _(network, name, value):
    """Replace a whole weight matrix or bias by a float64 array (JSON: NaN and Infinity allowed), bypassing checks.

    Example: Given the network's W2 is the float64 array [[0.5], [NaN]]
    """
    (network.weights if name[0] == "W" else network.biases)[int(name[1:]) - 1] = np.array(json.loads(value))


@given(sentence("the network's {name:Word} is read-only"))
def _(network, name):
    """Mark a whole weight matrix or bias read-only (numpy's writeable flag), as a shared or memory-mapped one is.

    Example: Given the network's W2 is read-only
    """
    _array(network, name).flags.writeable = False


@when(sentence("the parameter {name:Param} is set to {value}"), target_fixture="call")
def _(network, name, value):
    """Set one parameter by its name to a JSON value, as ``network["W1[0,1]"] = value`` does; keep the outcome.

    Example: When the parameter W1[0,1] is set to "abc"
    """
    return _attempt("set", network, lambda: network.__setitem__(name, json.loads(value)))


@when(
    sentence(
        "{function:Word} runs for {epochs:d} epochs with a callback that writes {value} into {name:Param} "
        "at epoch {epoch:d}"
    ),
    target_fixture="call",
)
def _(network, data, loss, function, epochs, value, name, epoch):
    """Train with a callback that writes a JSON number straight into one parameter's array at one epoch.

    Example: When train runs for 10 epochs with a callback that writes NaN into W1[0,0] at epoch 3
    """
    return _call(
        function, network, data, loss, {"epochs": epochs, "callback": _writing(name, json.loads(value), epoch)}
    )


@then("the network's parameters are those it had before the call")
def _(network, call):
    """Every weight and bias has the bytes it had before the last call: a failed call changes nothing.

    Example: Then the network's parameters are those it had before the call
    """
    assert network.flat().tobytes() == call.before.flat().tobytes()


@then(sentence('the call fails with {error:Word} naming "{argument}", expecting "{expected}", given "{given}"'))
def _(call, error, argument, expected, given):
    """The call raised ``error`` whose message contains the argument, what was expected and what was given.

    Example: Then the call fails with TypeError naming "y", expecting "must hold numbers", given "a boolean array"
    """
    message = _failure(call, error)
    assert [part for part in (argument, expected, given) if part not in message] == [], message
    # The argument by its own name, not inside a longer word.
    assert re.search(rf"(?<![\w]){re.escape(argument)}(?![\w])", message), message


@then(sentence("the message lists every name in {registry:Word}"))
def _(call, registry):
    """The error message lists every valid name of ``backprop.ACTIVATIONS`` or ``backprop.LOSSES``.

    Example: And the message lists every name in LOSSES
    """
    assert [name for name in getattr(bp, registry) if name not in str(call.error)] == [], call.error


@then(sentence("the result equals the result for {argument:Word} = {value} bit for bit"))
def _(call, network, data, loss, argument, value):
    """The last call succeeded and gives the same bits as the call with ``argument`` set to ``value``.

    Example: Then the result equals the result for X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]] bit for bit
    """
    assert call.error is None, f"the call failed: {call.error!r}"
    other = _call(call.function, network, data, loss, {argument: json.loads(value)})
    assert _bits(call.result) == _bits(other.result)


@when(
    sentence("training runs for {epochs:d} epochs at learning rate {rate:Number} while recording each loss"),
    target_fixture="call",
)
def _(network, data, loss, epochs, rate):
    """Train the network on the batch, keeping (epoch, loss) of every epoch the callback sees.

    Example: When training runs for 1000 epochs at learning rate 100 while recording each loss
    """
    recorded: list[tuple[int, float]] = []
    record = {"callback": lambda step: recorded.append((step.epoch, step.loss))}
    call = _call("train", network, data, loss, {"epochs": epochs, "learning_rate": rate, **record})
    call.recorded = recorded
    return call


@then(sentence("training stops with a DivergenceError before epoch {limit:d}"))
def _(call, limit, measure):
    """Training raised DivergenceError at an epoch after the first and before ``limit``.

    Example: Then training stops with a DivergenceError before epoch 100
    """
    assert isinstance(call.error, bp.DivergenceError), f"expected DivergenceError, got {call!r}"
    assert 0 < measure("epoch of the overflow", call.error.epoch) < limit


@then(sentence("the message names that epoch, the overflow and the learning rate {rate:Number}, and says to lower it"))
def _(call, rate):
    """The DivergenceError's message states its epoch, the learning rate and the hint to lower it.

    Example: And the message names that epoch, the overflow and the learning rate 100.0, and says to lower it
    """
    message = str(call.error)
    assert f"at epoch {call.error.epoch}:" in message and f"learning rate {rate!r}" in message, message
    assert "lower it" in message and f"try {rate / 10!r}" in message, message
    assert "numpy reported overflow" in message and call.error.learning_rate == rate, message


@then("every loss recorded before that epoch is finite")
def _(call):
    """Every epoch before the failing one reported a finite loss: training stopped at the first bad one.

    Example: And every loss recorded before that epoch is finite
    """
    epochs = [epoch for epoch, _ in call.recorded]
    assert epochs == list(range(len(epochs))) and len(epochs) >= call.error.epoch, epochs
    assert all(np.isfinite(loss) for _, loss in call.recorded[: call.error.epoch])
