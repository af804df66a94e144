"""The helpers of the step definitions (steps/support.py), reached through the fixture ``step_helpers``.

pytest is the only importer of ``steps/``: the root conftest loads
``steps.support`` as a plugin, and its fixture hands the helpers over.
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from tests.helpers import fails


def test_a_recorded_descent_step_uses_the_chosen_loss(net, xor, step_helpers):
    X, y = xor
    step = step_helpers["descent_step"](net.copy(), X, y, learning_rate=0.5, loss="binary_cross_entropy")
    assert step.loss_before == bp.compute_loss(net, X, y, "binary_cross_entropy")
    moved = net.copy()
    bp.gradient_descent(moved, bp.backward_prop(net, X, y, "binary_cross_entropy"), 0.5)
    assert step.loss_after == bp.compute_loss(moved, X, y, "binary_cross_entropy")
    assert step_helpers["descent_step"](net.copy(), X, y, learning_rate=0.5).loss_before == bp.compute_loss(net, X, y)


def test_training_copies_use_each_gradient_method(net, xor, step_helpers):
    X, y = xor
    copies = step_helpers["train_copies"](net, X, y, epochs=2, learning_rate=0.5, method="central", epsilon=1e-4)
    numerical = net.copy()
    bp.train(numerical, X, y, epochs=2, learning_rate=0.5, gradient="numerical", method="central", epsilon=1e-4)
    assert np.array_equal(copies["numerical"].flat(), numerical.flat())
    assert not np.array_equal(copies["numerical"].flat(), copies["backprop"].flat())


def test_a_hidden_units_parameters_are_its_weights_in_its_bias_and_its_weights_out(step_helpers):
    net = bp.init_network((2, 3, 2, 1), seed=4, bias_init="normal")
    got = step_helpers["unit_parameters"](net, 2, 1)
    assert got.tolist() == [*net.weights[1][:, 1], net.biases[1][1], *net.weights[2][1, :]]
    stack = bp.init_stack([4, 5], (2, 3, 2, 1), bias_init="normal")
    assert step_helpers["unit_parameters"](stack, 1, 2).shape == (2, 2 + 1 + 2)
    fails(
        ValueError, lambda: step_helpers["unit_parameters"](net, 3, 0), "layer must be a hidden layer, 1..2, but got 3"
    )
    fails(ValueError, lambda: step_helpers["unit_parameters"](net, 0, 0), "but got 0")


def test_a_data_table_takes_roles_from_its_header(step_helpers):
    table = step_helpers["data_table"]
    X, y = table([["x1", "x_2", "y1", "y2"], ["0.5", "-1", "1", "0"], ["2", "3e-1", "0", "1"]])
    assert X.tolist() == [[0.5, -1.0], [2.0, 0.3]] and y.tolist() == [[1.0, 0.0], [0.0, 1.0]]
    X, labels = table([["x", "label"], ["1", "2"], ["0", "0"]])
    assert X.tolist() == [[1.0], [0.0]] and labels.tolist() == [2, 0] and labels.dtype == np.int64


def test_bad_data_names_the_row_the_column_and_the_fix(step_helpers):
    table = step_helpers["data_table"]
    fails(ValueError, lambda: table([["x1", "y"], ["1", "two"]], "t"), "t, row 1, column y: 'two' is not a number")
    fails(ValueError, lambda: table([["x1", "y"], ["1", "0"], ["1"]], "t"), "row 2: 1 cells", "2 columns (x1, y)")
    fails(ValueError, lambda: table([["x1", "z"], ["1", "0"]], "t"), "column 'z' has no role", "label")
    fails(ValueError, lambda: table([["x1", "y"]], "t"), "no rows")
    fails(ValueError, lambda: table([["y"], ["1"]], "t"), "needs input columns")
    fails(ValueError, lambda: table([["x1", "y", "label"], ["1", "0", "1"]], "t"), "not both")
    fails(ValueError, lambda: table([["x1", "label"], ["1", "0.5"]], "t"), "row 1, column label", "class number")
    fails(ValueError, lambda: table([["x1", "y"], ["inf", "0"]], "t"), "not a finite number")


def test_a_csv_file_reads_like_a_table_and_a_missing_one_is_named(step_helpers, tmp_path):
    (tmp_path / "and.csv").write_text("x1,x2,y\n0,0,0\n\n1,1,1\n", encoding="utf-8")
    X, y = step_helpers["data_csv"](tmp_path / "and.csv", "data/and.csv")
    assert X.tolist() == [[0.0, 0.0], [1.0, 1.0]] and y.tolist() == [[0.0], [1.0]]
    fails(
        ValueError, lambda: step_helpers["data_csv"](tmp_path / "or.csv", "data/or.csv"), 'no data file "data/or.csv"'
    )
