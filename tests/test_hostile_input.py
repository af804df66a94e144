"""Random malformed calls to the public functions: every failure is a named, expected kind of error.

Each example calls one public function with valid arguments except one or two,
which are drawn from a pool of hostile values (None, strings, bools, NaN,
ragged lists, arrays of objects, strings, complex numbers, timedeltas and
datetimes, longdoubles beyond float64, read-only arrays, wrong shapes, broken
or read-only networks, callbacks that change the network, huge integers...).
The only exceptions allowed out are TypeError, ValueError and the package's
own NotFiniteError (DivergenceError among them), and the message must name the
argument that was spoiled. A call refused with a TypeError or ValueError
leaves the network it was given and X as they were (a callback that changed
the network is the exception: the network is what it made it). numpy warnings
are errors in this suite, so a silent NaN with a RuntimeWarning fails too.
Sizes stay bounded: no hostile value makes a valid request for gigabytes (the
package refuses those by itself), and epochs stay small.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backprop as bp
from backprop.gradcheck import epsilon_sweep
from backprop.numerical import loss_change
from backprop.sweeps import sweep_xor

X, Y = bp.xor()

SIGNATURES = {
    "forward_prop": (bp.forward_prop, ["network", "X"]),
    "compute_loss": (bp.compute_loss, ["network", "X", "y", "loss"]),
    "backward_prop": (bp.backward_prop, ["network", "X", "y", "loss", "cache", "fused"]),
    "numerical_gradient": (bp.numerical_gradient, ["network", "X", "y", "loss", "epsilon", "method"]),
    "gradient_check": (bp.gradient_check, ["network", "X", "y", "loss", "epsilon", "method"]),
    "epsilon_sweep": (epsilon_sweep, ["network", "X", "y", "loss", "epsilons", "method"]),
    "loss_change": (loss_change, ["network", "X", "y", "name", "epsilon", "loss"]),
    "gradient_descent": (bp.gradient_descent, ["network", "gradients", "learning_rate"]),
    "train": (
        bp.train,
        [
            "network",
            "X",
            "y",
            "epochs",
            "learning_rate",
            "loss",
            "gradient",
            "epsilon",
            "method",
            "target_loss",
            "callback",
        ],
    ),
    "train_minibatch": (
        bp.train_minibatch,
        ["network", "X", "y", "epochs", "learning_rate", "batch_size", "seed", "loss", "callback"],
    ),
    "init_network": (bp.init_network, ["layer_sizes", "seed", "init", "bias_init", "hidden", "output", "activations"]),
    "init_stack": (bp.init_stack, ["seeds", "layer_sizes"]),
    "nudge": (bp.nudge, ["network", "name", "epsilon"]),
    "predict_classes": (bp.predict_classes, ["network", "X"]),
    "accuracy": (bp.accuracy, ["network", "X", "labels"]),
    "stratified_split": (bp.stratified_split, ["labels", "test_fraction", "seed"]),
    "epoch_orders": (bp.epoch_orders, ["n_samples", "epochs", "seed"]),
    "sweep_xor": (sweep_xor, ["seeds", "learning_rate", "epochs", "loss", "tolerance"]),
    "get_activation": (bp.get_activation, ["name"]),
    "get_loss": (bp.get_loss, ["name"]),
    "sigmoid": (bp.sigmoid, ["z"]),
    "numerical_signal": (bp.numerical_signal, ["network", "X", "y", "layer", "of", "loss", "epsilon"]),
    "paths_to_loss": (bp.paths_to_loss, ["network", "X", "y", "layer", "unit", "loss", "row"]),
}

POSITIONAL = {
    "forward_prop",
    "compute_loss",
    "backward_prop",
    "numerical_gradient",
    "gradient_check",
    "epsilon_sweep",
    "loss_change",
    "gradient_descent",
    "nudge",
    "predict_classes",
    "accuracy",
    "init_stack",
    "epoch_orders",
    "get_activation",
    "get_loss",
}
"""Functions whose leading arguments are positional: everything is passed by keyword anyway where allowed."""

# Words a message may use to name each argument (a network is named by its parts too).
NAMES = {
    "network": r"network|W\d|b\d|activation",
    "gradients": r"gradients?|dW\d|db\d",
    "name": r"parameter|name|activation|loss",
    "hidden": "activation",
    "output": "activation",
    "activations": "activations?",
    "init": "initialisation",
    "bias_init": "bias initialisation",
    "seeds": r"seeds(\[\d+\])?",
    "epsilons": "epsilons?",
    "learning_rate": r"learning_rate(\[\d+\])?",
}


def valid(argument: str, function: str):
    """A valid value of ``argument`` for ``function``, fresh each call (functions may change it in place)."""
    network = bp.init_network((2, 3, 1), seed=0)
    values = {
        "network": network,
        "X": X.copy(),
        "y": Y.copy(),
        "loss": "mse",
        "cache": bp.forward_prop(network, X)[1],
        "fused": True,
        "epsilon": 1e-5,
        "epsilons": [1e-3, 1e-5],
        "method": "central",
        "name": {"get_activation": "tanh", "get_loss": "mse"}.get(function, "W1[0,1]"),
        "gradients": bp.backward_prop(network, X, Y),
        "learning_rate": 0.5,
        "epochs": 2,
        "gradient": "backprop",
        "target_loss": None,
        "callback": None,
        "batch_size": 2,
        "seed": 0,
        "layer_sizes": [2, 3, 1],
        "init": "normal",
        "bias_init": "zeros",
        "hidden": "sigmoid",
        "output": "sigmoid",
        "activations": None,
        "seeds": [0, 1],
        "labels": np.array([0, 0, 0, 0]),
        "test_fraction": 0.5,
        "n_samples": 4,
        "tolerance": 0.1,
        "z": X.copy(),
        "layer": 0,
        "of": "a",
        "unit": 0,
        "row": 0,
    }
    if argument == "cache" and function != "backward_prop":
        raise KeyError(argument)
    return values[argument]


def _broken_networks() -> list:
    good = bp.init_network((2, 3, 1), seed=0)

    def variant(**parts):
        fields = {
            "weights": [W.copy() for W in good.weights],
            "biases": [b.copy() for b in good.biases],
            "activations": list(good.activations),
        } | parts
        return bp.Network(**fields)

    return [
        None,
        "network",
        5,
        [good.weights, good.biases],
        variant(weights=[good.weights[0].tolist(), good.weights[1]]),
        variant(weights=[good.weights[0].astype(np.int64), good.weights[1]]),
        variant(weights=[good.weights[0].astype(complex), good.weights[1]]),
        variant(weights=[good.weights[0].astype(object), good.weights[1]]),
        variant(weights=[np.full((2, 3), np.nan), good.weights[1]]),
        variant(weights=[np.zeros(3), good.weights[1]]),
        variant(weights=[np.zeros((2, 2)), good.weights[1]]),
        variant(weights=[np.zeros((1, 2, 3)), good.weights[1]]),
        variant(weights=[]),
        variant(biases=[]),
        variant(biases=good.biases[:1]),
        variant(biases=[np.zeros((3, 1)), good.biases[1]]),
        variant(activations=["sigmoid"]),
        variant(activations=[5, "sigmoid"]),
        variant(activations="ss"),
        variant(activations=["softplus", "sigmoid"]),
        variant(weights=tuple(good.weights)),
        variant(weights=[np.full((2, 3), 1e308), good.weights[1]]),
        variant(weights=[np.zeros((2, 0)), np.zeros((0, 1))], biases=[np.zeros(0), good.biases[1]]),
        variant(weights=[np.zeros((0, 2, 3)), np.zeros((0, 3, 1))], biases=[np.zeros((0, 3)), np.zeros((0, 1))]),
        variant(weights=[good.weights[0].astype(np.float32), good.weights[1]]),
    ]


def _read_only(array: np.ndarray) -> np.ndarray:
    copy = np.array(array)
    copy.flags.writeable = False
    return copy


def _writes(value, name, epoch):
    """A callback that writes ``value`` into parameter ``name`` at ``epoch``."""

    def callback(step):
        if step.epoch == epoch:
            array, index = step.network.locate(name)
            array[index] = value

    return callback


def _does(change, epoch):
    """A callback that applies ``change`` to the network at ``epoch``."""

    def callback(step):
        if step.epoch == epoch:
            change(step.network)

    return callback


CORRUPTING_CALLBACKS = [
    _writes(np.nan, "W1[0,0]", 1),
    _writes(np.inf, "b2[0]", 2),  # the last epoch (valid epochs: 2): after the last update
    _writes(-1e300, "W2[1,0]", 0),  # finite, but not what the step's forward pass saw
    _does(lambda n: n.weights.__setitem__(0, np.zeros((2, 4))), 1),
    _does(lambda n: n.biases.__setitem__(1, n.biases[1].astype(np.float32)), 0),
    _does(lambda n: setattr(n.weights[1].flags, "writeable", False), 1),
    _does(lambda n: n.activations.__setitem__(0, "relu"), 0),
    _does(lambda n: n.activations.__setitem__(0, "softplus"), 0),
    _does(lambda n: setattr(n, "biases", tuple(n.biases)), 1),
]
"""Callbacks that break or change the network they are shown (training must stop, naming the callback)."""


HOSTILE = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    -0.0,
    float("nan"),
    float("inf"),
    -float("inf"),
    10**30,
    2**64,
    1e308,
    1e-320,
    "",
    "abc",
    "mse",
    "1",
    b"bytes",
    [],
    [[]],
    [1, 2],
    [[0, 1], [1]],
    [[0, 0, 1]],
    [[1e308, 1e308]] * 4,
    np.array([]),
    np.zeros((0, 2)),
    np.zeros((4, 2, 1)),
    np.array([["a", "b"]] * 4),
    np.ones((4, 2), dtype=complex),
    np.ones((4, 2), dtype=bool),
    np.array([[1, 2]] * 4, dtype=object),
    np.array([[2**62, 1]] * 4),
    np.float16(1.0),
    np.int8(-3),
    *(
        NOT_NUMBERS := [
            np.array([[0, 1]] * 4, dtype="timedelta64[s]"),
            np.array([[0, 1]] * 4, dtype="datetime64[D]"),
            np.array([[0, 1]] * 4, dtype=object),
            np.array([["0", "1"]] * 4),
            np.array([[0, 1j]] * 4),
            np.timedelta64(2, "s"),
            np.datetime64(2, "D"),
            np.complex128(1),
        ]
    ),
    np.full((4, 2), np.longdouble(10) ** 400),
    _read_only(X),
    _read_only(Y),
    _read_only(np.array([0, 0, 0, 0])),
    np.array([1, True, 2], dtype=object),
    [1, True, 2],
    {2, 1},
    {"a": 1},
    (1, 2),
    {1, 2},
    object(),
    len,
    range(0),
    range(3),
]
"""Hostile values for any argument (the bounded ones: nothing here asks for gigabytes)."""

UNBOUNDED = {"epochs": {10**30, 2**64}}
"""Valid values that would run for ever (epochs) are left out of that argument's pool."""

ALLOWED = (TypeError, ValueError, bp.NotFiniteError)


def _hostile(argument: str) -> st.SearchStrategy:
    pool = HOSTILE + (_broken_networks() if argument == "network" else [])
    banned = UNBOUNDED.get(argument, set())
    # Half the draws come from the values of issue 19 (not numbers; read-only networks; callbacks that change
    # the network), so that a few hundred examples are sure to try each of them in many places.
    special = NOT_NUMBERS + (_read_only_networks() if argument == "network" else [])
    special += CORRUPTING_CALLBACKS if argument == "callback" else []
    return st.sampled_from([v for v in pool if not (isinstance(v, int) and v in banned)]) | st.sampled_from(special)


def _read_only_networks() -> list:
    good = bp.init_network((2, 3, 1), seed=0)
    return [
        bp.Network([good.weights[0], _read_only(good.weights[1])], good.biases, good.activations),
        bp.Network(good.weights, [_read_only(b) for b in good.biases], good.activations),
    ]


@st.composite
def malformed_calls(draw):
    function = draw(st.sampled_from(sorted(SIGNATURES)))
    call, arguments = SIGNATURES[function]
    spoiled = draw(st.lists(st.sampled_from(arguments), min_size=1, max_size=2, unique=True))
    kwargs = {}
    for argument in arguments:
        try:
            kwargs[argument] = draw(_hostile(argument)) if argument in spoiled else valid(argument, function)
        except KeyError:
            continue
    return function, call, spoiled, kwargs


def _call(function, call, kwargs):
    if function in ("get_activation", "get_loss"):
        return call(kwargs["name"])
    result = call(**kwargs)
    if function == "nudge":
        with result:
            pass
    return result


def _state(value) -> object:
    """What a call must not change: a network's arrays (bytes, shapes, writeable flags) or an array's bytes."""
    if isinstance(value, bp.Network):
        parts = [value.weights, value.biases, value.activations]
        return [
            [(p.tobytes(), p.shape, p.flags.writeable) if isinstance(p, np.ndarray) else repr(p) for p in part]
            if isinstance(part, (list, tuple))
            else repr(part)
            for part in parts
        ]
    return (value.tobytes(), value.shape) if isinstance(value, np.ndarray) and value.dtype != object else None


@settings(max_examples=600, deadline=None)
@given(malformed_calls())
def test_a_malformed_call_raises_a_named_type_value_or_not_finite_error(case):
    function, call, spoiled, kwargs = case
    before = {name: _state(kwargs.get(name)) for name in ("network", "X")}
    try:
        _call(function, call, kwargs)
    except ALLOWED as error:
        message = str(error)
        words = "|".join(NAMES.get(argument, re.escape(argument)) for argument in spoiled)
        assert re.search(rf"(?<![\w])({words})(?![\w])", message), (function, spoiled, message)
        if isinstance(error, (TypeError, ValueError)) and "callback" not in spoiled:
            assert _state(kwargs.get("network")) == before["network"], (function, spoiled, "the network changed")
    else:
        # Whatever it is given for, a value that is not a number (a duration, a date, a string, a complex
        # number, an object) is refused; so is a callback that changes the network, if it runs at all.
        assert not [a for a in spoiled if any(kwargs[a] is v for v in NOT_NUMBERS)], (function, spoiled, "accepted")
        assert not ("callback" in spoiled and "epochs" not in spoiled and kwargs["callback"] in CORRUPTING_CALLBACKS), (
            function,
            "a callback changed the network unnoticed",
        )
    assert _state(kwargs.get("X")) == before["X"], (function, spoiled, "X changed")


CHANGES_THE_NETWORK = {"train", "train_minibatch", "gradient_descent", "nudge"}


@pytest.mark.parametrize("function", sorted(f for f, (_, arguments) in SIGNATURES.items() if "network" in arguments))
def test_a_read_only_network_is_refused_by_name_where_it_would_change_and_used_elsewhere(function):
    call, arguments = SIGNATURES[function]
    kwargs = {argument: valid(argument, function) for argument in arguments if argument != "cache"}
    for p in kwargs["network"].weights + kwargs["network"].biases:
        p.flags.writeable = False
    before = _state(kwargs["network"])
    if function in CHANGES_THE_NETWORK:
        with pytest.raises(ValueError, match=r"network\.weights\[0\] \(W1\) is read-only, but \w+ changes"):
            _call(function, call, kwargs)
    else:
        _call(function, call, kwargs)
    assert _state(kwargs["network"]) == before


@pytest.mark.parametrize("function", sorted(f for f, (_, arguments) in SIGNATURES.items() if "X" in arguments))
def test_a_read_only_X_is_used_as_it_is_and_left_as_it_was(function):
    call, arguments = SIGNATURES[function]
    kwargs = {argument: valid(argument, function) for argument in arguments if argument != "cache"}
    kwargs["X"] = _read_only(X)
    _call(function, call, kwargs)
    assert np.array_equal(kwargs["X"], X)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["train", "train_minibatch"]),
    st.sampled_from(CORRUPTING_CALLBACKS),
    st.sampled_from([{}, {"gradient": "numerical"}, {"target_loss": 0.0}, {"batch_size": 1}, {"epochs": 3}]),
)
def test_a_callback_that_changes_the_network_stops_training_naming_itself_and_the_epoch(function, callback, options):
    call, arguments = SIGNATURES[function]
    kwargs = {argument: valid(argument, function) for argument in arguments} | {"callback": callback}
    kwargs |= {k: v for k, v in options.items() if k in arguments}
    with pytest.raises(bp.CallbackError, match=rf"^{function}: the callback changed the network at epoch [0-2]: "):
        call(**kwargs)
