"""Random malformed calls to the public functions: every failure is a named, expected kind of error.

Each example calls one public function with valid arguments except one or two,
which are drawn from a pool of hostile values (None, strings, bools, NaN,
ragged lists, object and complex arrays, wrong shapes, broken networks, huge
integers...). The only exceptions allowed out are TypeError, ValueError and
the package's own NotFiniteError (DivergenceError among them), and the message
must name the argument that was spoiled. numpy warnings are errors in this
suite, so a silent NaN with a RuntimeWarning fails too. Sizes stay bounded: no
hostile value makes a valid request for gigabytes (the package refuses those
by itself), and epochs stay small.
"""

from __future__ import annotations

import re

import numpy as np
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
    ]


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
    pool = HOSTILE + (_broken_networks() if argument in ("network",) else [])
    banned = UNBOUNDED.get(argument, set())
    return st.sampled_from([v for v in pool if not (isinstance(v, int) and v in banned)])


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


@settings(max_examples=400, deadline=None)
@given(malformed_calls())
def test_a_malformed_call_raises_a_named_type_value_or_not_finite_error(case):
    function, call, spoiled, kwargs = case
    try:
        _call(function, call, kwargs)
    except ALLOWED as error:
        message = str(error)
        words = "|".join(NAMES.get(argument, re.escape(argument)) for argument in spoiled)
        assert re.search(rf"(?<![\w])({words})(?![\w])", message), (function, spoiled, message)
