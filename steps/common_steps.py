"""Sentences every chapter uses: a network, the data, the loss.

What a step sets is a pytest fixture, named by the step's ``target_fixture``;
what a step reads is a parameter of its function. So ``network``, ``data``
(``data.X``, ``data.y``) and ``loss`` are fixtures: a Given sets them, and a
later Given of the same name replaces them for the rest of the scenario (a
Background's network, then an outline's own). Defaults that a scenario may
override are plain fixtures here: the loss is mean squared error until a
scenario says otherwise. No fixture is computed from another one, because
pytest keeps a fixture's value for the whole scenario and would not recompute
it after a later Given.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pytest_bdd import given, then

import backprop as bp
from speckit.collect import features_dir
from steps.parsing import data_csv, data_path, data_table, json_value, sentence, table_number, table_rows
from steps.support import Data, summary


@pytest.fixture
def loss() -> str:
    """The loss every step uses, until ``Given the loss is ...`` chooses another."""
    return "mse"


@given(sentence("the guide's 2-2-1 network with seed {seed:d}"), target_fixture="network")
def _(seed):
    """A 2-2-1 sigmoid network with standard-normal weights and zero biases.

    Example: Given the guide's 2-2-1 network with seed 0
    """
    return bp.init_network((2, 2, 1), seed=seed)


@given(sentence("a {sizes:List} network with seed {seed:d}"), target_fixture="network")
def _(sizes, seed):
    """A sigmoid network of the given layer sizes, standard-normal weights, zero biases.

    Example: Given a [2, 3, 1] network with seed 0
    """
    return bp.init_network(sizes, seed=seed)


@given(
    sentence("a {sizes:List} network with {hidden:Word} hidden layers and a {output:Word} output, seed {seed:d}"),
    target_fixture="network",
)
def _(sizes, hidden, output, seed):
    """A network with the chosen activations, standard-normal weights and biases.

    Normal biases keep relu units off their kink at z = 0.

    Example: Given a [2, 8, 8, 1] network with relu hidden layers and a tanh output, seed 0
    """
    return bp.init_network(sizes, seed=seed, hidden=hidden, output=output, bias_init="normal")


@given(sentence("a {sizes:List} network with {init:Word} initialisation, seed {seed:d}"), target_fixture="network")
def _(sizes, init, seed):
    """A sigmoid network whose weights start as ``init`` (normal, glorot_uniform or zeros).

    Example: Given a [2, 2, 1] network with zeros initialisation, seed 0
    """
    return bp.init_network(sizes, seed=seed, init=init)


@given("the worked example's network", target_fixture="network")
def _():
    """The guide's 2-2-1 sigmoid network with the worked example's round parameters.

    W1 = [[0.75, 0.5], [-0.25, 1.5]] (row i: input i), b1 = [0, -1],
    W2 = [[1], [-2]], b2 = [0.5]: the table of the chapter Forward propagation.

    Example: Given the worked example's network
    """
    return bp.worked_example()[0]


@given("the parameters:")
def _(network, datatable):
    """Set weights and biases of the network by name, from a table with columns ``parameter`` and ``value``.

    A name gives the layer from 1 and the indices from 0 (``W1[0,1]``: the weight
    from input 0 to unit 1 of layer 1; ``b2[0]``). A name the network does not
    have, or a value that is not a finite number, fails the step, naming the
    row; the network is changed only when every row is valid.

    Example: Given the parameters:
    """
    where = "the parameters table"
    rows = table_rows(datatable, ("parameter", "value"), where)
    values = {row["parameter"]: table_number(row, "value", r, where) for r, row in enumerate(rows, start=1)}
    changed = network.copy()
    for name, value in values.items():
        changed[name] = value
    for name, value in values.items():
        network[name] = value


@given("the XOR data set", target_fixture="data")
def _():
    """The four rows of the XOR truth table as X (4, 2) and y (4, 1).

    Example: Given the XOR data set
    """
    return Data(*bp.xor())


@given(sentence("the input {x:List} with target {t:List}"), target_fixture="data")
def _(x, t):
    """A batch of one sample.

    Example: Given the input [1, 1] with target [0]
    """
    return Data(np.array([x], dtype=float), np.array([t], dtype=float))


@given(sentence("the loss is {loss:Word}"), target_fixture="loss")
def _(loss):
    """Choose the loss: mse, binary_cross_entropy or categorical_cross_entropy.

    Example: Given the loss is binary_cross_entropy
    """
    return loss


@given("the data:", target_fixture="data")
def _(datatable):
    """Your own data set: one row per sample; columns x1, x2, ... are inputs, y (or y1, y2, ...) targets.

    A single ``label`` (or ``class``) column instead of targets gives class labels (0, 1, 2, ...)
    for a softmax output. Columns count from 1 and are taken in the order of
    their numbers, wherever they stand: in ``| x2 | x1 | y |`` the first input
    is the column x1. Rows count from 1, the header not counted. A cell that
    is not a finite number, a header without a role, a repeated column or a
    gap in the numbers (x1, x3) fails this step, naming the row and the column.

    Example: Given the data:
    """
    return Data(*data_table(datatable))


@given(sentence('the data in "{path}"'), target_fixture="data")
def _(request, path):
    """Your own data set from a CSV file, found from the feature file's folder (``features/data/and.csv``
    is ``"data/and.csv"``). The first line is the header, as for a table: x1, x2, ..., then y or label.

    The file must lie inside the features folder (an absolute path, or one that
    leads out of it, is refused), and be UTF-8 (a byte-order mark and CRLF line
    ends are fine).

    Example: Given the data in "data/and.csv"
    """
    file = data_path(Path(request.node.path).parent, path, features_dir(request.config))
    return Data(*data_csv(file, path))


@then(sentence("the data's inputs are {X} and its targets {y}"))
def _(data, X, y):
    """The inputs X and the targets y (or class labels) of the scenario's data, as JSON lists, exactly.

    Example: Then the data's inputs are [[0, 1], [1, 1]] and its targets [[1], [0]]
    """
    found = (data.X.tolist(), data.y.tolist())
    assert found == (json_value("X", X), json_value("y", y)), (
        f"the inputs are {summary(data.X)}, the targets {summary(data.y)}"
    )
