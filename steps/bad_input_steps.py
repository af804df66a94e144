"""Steps of the chapter "Bad input gets a clear error".

A call is written as ``<function> is called with <argument> = <JSON value>``;
every other argument comes from the scenario's fixtures (network, data, loss)
or from a valid default below, so the one bad argument is the only thing
wrong. The outcome (result or exception) is the fixture ``call`` for the Thens.
"""

from __future__ import annotations

import difflib
import inspect
import re

import numpy as np
from pytest_bdd import given, then, when

import backprop as bp
from backprop.sweeps import sweep_xor
from steps.parsing import clip, json_value, sentence
from steps.support import Call, Data, numbered

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
    """Call ``function`` with ``overrides`` and the scenario's values; keep its result or its exception.

    A function the package does not export, or an argument it does not take, fails the step itself.
    """
    if function not in FUNCTIONS:
        close = difflib.get_close_matches(function, FUNCTIONS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"they are {', '.join(sorted(FUNCTIONS))}"
        raise ValueError(f"{clip(function)!r} is not a public function of backprop; {hint}")
    parameters = inspect.signature(FUNCTIONS[function]).parameters
    unknown = [name for name in overrides if name not in parameters]
    if unknown:
        raise ValueError(
            f"{function} takes no argument {clip(unknown[0])!r}; its arguments are {', '.join(parameters)}"
        )
    scenario = {"network": network, "X": data.X, "y": data.y, "loss": loss}
    kwargs = {}
    for name in parameters:
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
    arrays, index = _place(network, name)
    return arrays[index]


def _place(network: bp.Network, name: str) -> tuple[list, int]:
    """Where the weight matrix ``W<layer>`` or the bias ``b<layer>`` is kept: its list and index."""
    if not re.fullmatch(r"[Wb][0-9]{1,6}", name):
        raise ValueError(f"{clip(name)!r} is not a weight matrix or a bias: write W1, b1, W2, ...")
    layer = numbered("layer", int(name[1:]), 1, len(network.weights))
    return (network.weights if name[0] == "W" else network.biases), layer - 1


def _writing(name: str, value: float, epoch: int):
    """A training callback that writes ``value`` into the parameter ``name`` at ``epoch``, and nothing else."""

    def callback(step: bp.Step) -> None:
        if step.epoch == epoch:
            array, index = step.network.locate(name)
            array[index] = value  # into the array, as a careless callback would: setting by name refuses it

    return callback


def _bits(result) -> bytes:
    """The bytes of an array, of a network's parameters (``flat``) or of a training's losses."""
    values = result.flat() if hasattr(result, "flat") else getattr(result, "losses", result)
    try:
        return np.asarray(values, dtype=np.float64).tobytes()
    except (TypeError, ValueError):
        raise ValueError(
            f"the result is a {type(result).__name__}: this sentence compares arrays, networks and loss histories"
        ) from None


def _failure(call, error: str) -> str:
    assert call.error is not None, f"expected {error}, but the call returned a {type(call.result).__name__}"
    assert type(call.error).__name__ == error, f"expected {error}, but got {type(call.error).__name__}: {call.error}"
    return str(call.error)


@when(sentence("{function:Word} is called with {argument:Word} = {value}"), target_fixture="call")
def _(network, data, loss, function, argument, value):
    """Call a public function with one argument replaced by a JSON value; others valid.

    Example: When backward_prop is called with y = [[false], [true], [true], [false]]
    """
    return _call(function, network, data, loss, {argument: json_value(argument, value)})


@given(sentence("the network's {name:Word} is the nested list {value}"))
def _(network, name, value):
    """Replace a whole weight matrix or bias by a plain Python list (JSON), not a numpy array.

    ``W1`` is the weight matrix of layer 1, ``b2`` the bias of layer 2: layers count from 1.

    Example: Given the network's W1 is the nested list [[0.5, -0.5], [1.0, 2.0]]
    """
    _replace(network, name, json_value(name, value))


@given(sentence("the network's {name:Word} is the float64 array {value}"))
def _(network, name, value):
    """Replace a whole weight matrix or bias by a float64 array (JSON: NaN and Infinity allowed), unchecked.

    The way to give the package a network that is already broken, as a bug in a
    caller's code could leave it.

    Example: Given the network's W2 is the float64 array [[0.5], [NaN]]
    """
    try:
        array = np.array(json_value(name, value), dtype=np.float64)
    except (TypeError, ValueError):  # numpy's own words ("could not convert string to float") name nothing
        raise ValueError(
            f"{clip(name)} = {clip(value)}: not a rectangular array of numbers, like [[1.0], [NaN]]"
        ) from None
    _replace(network, name, array)


def _replace(network: bp.Network, name: str, value) -> None:
    """Set the weight matrix ``W<layer>`` or the bias ``b<layer>`` of the network to ``value`` as it is."""
    arrays, index = _place(network, name)
    arrays[index] = value


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
    return _attempt("set", network, lambda: network.__setitem__(name, json_value(name, value)))


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
        function, network, data, loss, {"epochs": epochs, "callback": _writing(name, json_value(name, value), epoch)}
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
    if registry not in ("ACTIVATIONS", "LOSSES"):
        raise ValueError(f"{clip(registry)!r}: the registries of names are ACTIVATIONS and LOSSES")
    missing = [name for name in getattr(bp, registry) if name not in str(call.error)]
    assert not missing, f"the message does not list {', '.join(missing)}: {call.error}"


@then(sentence("the result equals the result for {argument:Word} = {value} bit for bit"))
def _(call, network, data, loss, argument, value):
    """The last call succeeded and gives the same bits as the call with ``argument`` set to ``value``.

    Example: Then the result equals the result for X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]] bit for bit
    """
    assert call.error is None, f"the call failed: {type(call.error).__name__}: {call.error}"
    other = _call(call.function, network, data, loss, {argument: json_value(argument, value)})
    assert other.error is None, (
        f"the call with {clip(argument)} = {clip(value)} failed: {type(other.error).__name__}: "
        f"{clip(str(other.error), 500)}"
    )
    assert _bits(call.result) == _bits(other.result), "the two results differ"


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
    assert isinstance(call.error, bp.DivergenceError), f"expected a DivergenceError, but {_outcome(call)}"
    epoch = measure("epoch of the overflow", call.error.epoch)
    assert 0 < epoch < limit, f"training stopped at epoch {epoch}"


def _outcome(call: Call) -> str:
    """What a call came to, in a line: its error, or what it returned (never a long repr)."""
    if call.error is not None:
        return f"the call failed with {type(call.error).__name__}: {str(call.error)[:300]}"
    if call.recorded:
        return f"training finished: {len(call.recorded):,} epochs recorded, the last loss {call.recorded[-1][1]:.4g}"
    return f"the call returned a {type(call.result).__name__}"


def _divergence(call: Call) -> bp.DivergenceError:
    if not isinstance(call.error, bp.DivergenceError):
        raise AssertionError(f"this check reads a training run that diverged, but {_outcome(call)}")
    return call.error


@then(sentence("the message names that epoch, the overflow and the learning rate {rate:Number}, and says to lower it"))
def _(call, rate):
    """The DivergenceError's message states its epoch, the learning rate and the hint to lower it.

    Example: And the message names that epoch, the overflow and the learning rate 100.0, and says to lower it
    """
    error = _divergence(call)
    message = str(error)
    assert f"at epoch {error.epoch}:" in message and f"learning rate {rate!r}" in message, message
    assert "lower it" in message and f"try {rate / 10!r}" in message, message
    assert "numpy reported overflow" in message and error.learning_rate == rate, message


@then("every loss recorded before that epoch is finite")
def _(call):
    """Every epoch before the failing one reported a finite loss: training stopped at the first bad one.

    Example: And every loss recorded before that epoch is finite
    """
    stop = _divergence(call).epoch
    epochs = [epoch for epoch, _ in call.recorded]
    assert epochs == list(range(len(epochs))) and len(epochs) >= stop, (
        f"the callback saw {len(epochs)} epochs, not every epoch from 0 to {stop}"
    )
    bad = [epoch for epoch, loss in call.recorded[:stop] if not np.isfinite(loss)]
    assert not bad, f"the loss of epoch {bad[0]} is not finite"
