"""Sentences every chapter uses: a network, the data, the loss.

Scenario state lives in the ``state`` fixture (a fresh namespace per scenario):
``state.network``, ``state.X``, ``state.y``, ``state.loss`` and whatever a
chapter's steps add. Steps stay one or two lines; the work is in ``backprop``.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from pytest_bdd import given

import backprop as bp
from steps.parsing import sentence, table_rows


@pytest.fixture
def state():
    """The scenario's state; the loss defaults to mean squared error."""
    return SimpleNamespace(loss="mse")


@given(sentence("the guide's 2-2-1 network with seed {seed:d}"))
def _(state, seed):
    """A 2-2-1 sigmoid network with standard-normal weights and zero biases.

    Example: Given the guide's 2-2-1 network with seed 0
    """
    state.network = bp.init_network((2, 2, 1), seed=seed)


@given(sentence("a {sizes:List} network with seed {seed:d}"))
def _(state, sizes, seed):
    """A sigmoid network of the given layer sizes, standard-normal weights, zero biases.

    Example: Given a [2, 3, 1] network with seed 0
    """
    state.network = bp.init_network(sizes, seed=seed)


@given(sentence("a {sizes:List} network with {hidden:Word} hidden layers and a {output:Word} output, seed {seed:d}"))
def _(state, sizes, hidden, output, seed):
    """A network with the chosen activations, standard-normal weights and biases.

    Normal biases keep relu units off their kink at z = 0.

    Example: Given a [2, 8, 8, 1] network with relu hidden layers and a tanh output, seed 0
    """
    state.network = bp.init_network(sizes, seed=seed, hidden=hidden, output=output, bias_init="normal")


@given(sentence("a {sizes:List} network with {init:Word} initialisation, seed {seed:d}"))
def _(state, sizes, init, seed):
    """A sigmoid network whose weights start as ``init`` (normal, glorot_uniform or zeros).

    Example: Given a [2, 2, 1] network with zeros initialisation, seed 0
    """
    state.network = bp.init_network(sizes, seed=seed, init=init)


@given("the parameters:")
def _(state, datatable):
    """Set weights and biases by name from a table with columns ``parameter`` and ``value``.

    Example: Given the parameters:
    """
    for row in table_rows(datatable):
        state.network[row["parameter"]] = float(row["value"])


@given("the XOR data set")
def _(state):
    """The four rows of the XOR truth table as X (4, 2) and y (4, 1).

    Example: Given the XOR data set
    """
    state.X, state.y = bp.xor()


@given(sentence("the input {x:List} with target {t:List}"))
def _(state, x, t):
    """A batch of one sample.

    Example: Given the input [1, 1] with target [0]
    """
    state.X, state.y = np.array([x], dtype=float), np.array([t], dtype=float)


@given(sentence("the loss is {loss:Word}"))
def _(state, loss):
    """Choose the loss: mse, binary_cross_entropy or categorical_cross_entropy.

    Example: Given the loss is binary_cross_entropy
    """
    state.loss = loss
