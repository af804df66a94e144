"""The helpers of the step definitions (steps/support.py), reached through the fixture ``step_helpers``.

pytest is the only importer of ``steps/``: the root conftest loads
``steps.support`` as a plugin, and its fixture hands the helpers over.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

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


def test_a_hidden_units_parameters_are_its_weights_in_its_bias_and_its_weights_out(step_helpers):
    net = bp.init_network((2, 3, 2, 1), seed=4, bias_init="normal")
    got = step_helpers["unit_parameters"](net, 2, 1)
    assert got.tolist() == [*net.weights[1][:, 1], net.biases[1][1], *net.weights[2][1, :]]
    stack = bp.init_stack([4, 5], (2, 3, 2, 1), bias_init="normal")
    assert step_helpers["unit_parameters"](stack, 1, 2).shape == (2, 2 + 1 + 2)
    fails(ValueError, lambda: step_helpers["unit_parameters"](net, 3, 0), "layer 3 is out of range: hidden layers 1–2")
    fails(ValueError, lambda: step_helpers["unit_parameters"](net, 0, 0), "layer 0 is out of range: hidden layers 1–2")
    fails(
        ValueError, lambda: step_helpers["unit_parameters"](net, 1, 3), "unit 3 of layer 1 is out of range: units 0–2"
    )
    fails(
        ValueError, lambda: step_helpers["unit_parameters"](bp.init_network((2, 1), seed=0), 1, 0), "no hidden layers"
    )


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


def test_input_and_target_columns_are_taken_by_their_number(step_helpers):
    table = step_helpers["data_table"]
    X, y = table([["y2", "x2", "y1", "x1"], ["1", "0.5", "0", "-1"]])
    assert X.tolist() == [[-1.0, 0.5]] and y.tolist() == [[0.0, 1.0]]
    fails(ValueError, lambda: table([["x1", "x3", "y"], ["1", "0", "0"]], "t"), "x1, x3: x2 is missing")
    fails(ValueError, lambda: table([["x0", "x1", "y"], ["1", "0", "0"]], "t"), "input columns count from 1")
    fails(ValueError, lambda: table([["x", "x1", "y"], ["1", "0", "0"]], "t"), "'x' beside numbered input columns")
    fails(ValueError, lambda: table([["x2", "y"], ["1", "0"]], "t"), "x1 is missing")


def test_a_repeated_column_is_named_with_both_places(step_helpers):
    table = step_helpers["data_table"]
    fails(
        ValueError,
        lambda: table([["x1", "x1", "y"], ["0", "0", "0"]], "t"),
        "column 'x1' appears twice (columns 1 and 2",
    )
    fails(ValueError, lambda: table([["x1", "X_1", "y"], ["0", "0", "0"]], "t"), "'x1' and 'X_1' name the same column")
    fails(ValueError, lambda: table([["x1", "label", "label"], ["0", "0", "0"]], "t"), "'label' appears twice")


def test_a_class_label_too_large_for_int64_is_named_without_a_numpy_warning(step_helpers):
    table = step_helpers["data_table"]
    fails(ValueError, lambda: table([["x1", "label"], ["0", "1e20"]], "t"), "row 1, column label: 1e+20 is larger than")
    X, labels = table([["x1", "label"], ["0", "2147483647"]])
    assert labels.tolist() == [2147483647]


def test_a_class_column_is_a_label_column(step_helpers):
    table = step_helpers["data_table"]
    X, labels = table([["x1", "Class"], ["0.5", "2"], ["1.5", "0"]])
    assert X.tolist() == [[0.5], [1.5]] and labels.tolist() == [2, 0] and labels.dtype.kind == "i"
    fails(ValueError, lambda: table([["x1", "class", "label"], ["0", "0", "0"]], "t"), "name the same column")


def test_a_csv_file_with_a_bom_or_crlf_reads_as_plain_utf8_and_latin1_is_named(step_helpers, tmp_path):
    read = step_helpers["data_csv"]
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbfx1,y\r\n1,0\r\n")
    X, y = read(tmp_path / "bom.csv", "bom.csv")
    assert X.tolist() == [[1.0]] and y.tolist() == [[0.0]]
    (tmp_path / "latin.csv").write_bytes(b"x1,y\n1,0\n2,\xe9\n")  # 0xe9 after 5 + 4 + 2 bytes
    fails(ValueError, lambda: read(tmp_path / "latin.csv", "l.csv"), "byte 0xe9 at offset 11 (line 3)", "not UTF-8")
    (tmp_path / "quote.csv").write_text('x1,y\n"1,0\n', encoding="utf-8")
    fails(ValueError, lambda: read(tmp_path / "quote.csv", "q.csv"), 'data file "q.csv", line 2')


def test_a_data_path_stays_inside_its_folder_after_resolving_links(step_helpers, tmp_path):
    path = step_helpers["data_path"]
    inside = tmp_path / "features"
    (inside / "data").mkdir(parents=True)
    (tmp_path / "secret.csv").write_text("x1,y\nsecret,0\n", encoding="utf-8")
    (inside / "data" / "ok.csv").write_text("x1,y\n1,0\n", encoding="utf-8")
    (inside / "data" / "link.csv").symlink_to(tmp_path / "secret.csv")
    assert path(inside, "data/ok.csv", inside) == (inside / "data" / "ok.csv").resolve()
    assert path(inside / "data", "../data/ok.csv", inside) == (inside / "data" / "ok.csv").resolve()
    for written in ("../secret.csv", "data/link.csv", "data/../../secret.csv"):
        error = fails(ValueError, lambda w=written: path(inside, w, inside), f'"{written}" leads outside the features')
        assert "secret" not in str(error).replace(written, "")
    fails(ValueError, lambda: path(inside, str(tmp_path / "secret.csv"), inside), "is absolute")
    fails(ValueError, lambda: path(inside, "data/\0.csv", inside), "is not a usable path")


def test_a_value_a_parameter_type_cannot_use_is_kept_malformed_not_raised(step_helpers):
    number, numbers = step_helpers["number"], step_helpers["number_list"]
    assert number("1e-5") == 1e-5 and numbers("[2, 2.5, -1]") == [2, 2.5, -1] and numbers("[ ]") == []
    assert number("1e400").message("lr") == "lr = 1e400: beyond float64's range (up to about 1.8e308)"
    assert numbers("[2, a]").message("sizes").startswith("sizes = [2, a]: 'a' is not a number")
    assert "empty entry" in numbers("[1,,2]").problem and "not a finite number" in numbers("[inf]").problem
    assert "(not a number)" in numbers("[nan]").problem and "too many" not in numbers("[²]").problem
    with pytest.raises(ValueError, match="sizes = \\[2, a\\]: 'a' is not a number"):
        step_helpers["check_arguments"]({"sizes": numbers("[2, a]"), "network": None})
    with pytest.raises(ValueError, match="loss 'msee' is not one of"):
        step_helpers["check_arguments"]({"loss": "msee"})


def test_a_word_written_another_accepted_way_becomes_the_value_it_stands_for(step_helpers):
    arguments = {"kind": "labels", "hidden": "ReLU", "init": "glorot", "loss": "Binary-Cross-Entropy", "n": 3}
    step_helpers["check_arguments"](arguments)
    assert arguments == {
        "kind": "class",
        "hidden": "relu",
        "init": "glorot_uniform",
        "loss": "binary_cross_entropy",
        "n": 3,
    }
    one_hot = {"kind": "onehot"}
    step_helpers["check_arguments"](one_hot)
    assert one_hot == {"kind": "one-hot"}  # "label" is a class label, never a one-hot row
    with pytest.raises(ValueError, match="kind 'hot' is not one of uniform, one-hot, class, onehot, classes, label"):
        step_helpers["check_arguments"]({"kind": "hot"})


def test_random_class_targets_are_whole_number_labels_of_the_output_units(step_helpers):
    X, y = step_helpers["random_batch"]([2, 4, 3], 50, "class", 0)
    assert X.shape == (50, 2) and y.shape == (50,) and y.dtype.kind == "i" and set(y.tolist()) == {0, 1, 2}


def test_a_table_of_named_columns_refuses_missing_extra_and_repeated_columns(step_helpers):
    rows, matrix = step_helpers["table_rows"], step_helpers["table_matrix"]
    assert rows([["a", "b"], ["1", "2"]], ("a", "b"), "t") == [{"a": "1", "b": "2"}]
    fails(ValueError, lambda: rows([["a"], ["1"]], ("a", "b"), "t"), "t has no column 'b'")
    fails(
        ValueError, lambda: rows([["a", "b", "c"], ["1", "2", "3"]], ("a", "b"), "t"), "a column 'c' it does not read"
    )
    fails(ValueError, lambda: rows([["a", "a"], ["1", "2"]], ("a",), "t"), "the column 'a' appears twice")
    assert matrix([["p", "q"], ["1", "0"]], "t").tolist() == [[1.0, 0.0]]
    fails(ValueError, lambda: matrix([["p", "q"], ["1", "one"]], "t"), "t, row 1, column q: 'one' is not a number")


def test_json_that_does_not_parse_is_named_with_where_it_stops(step_helpers):
    assert step_helpers["json_value"]("X", "[[0, NaN]]")[0][0] == 0
    fails(
        ValueError, lambda: step_helpers["json_value"]("X", "[[0, 1]"), "X = [[0, 1]: not a JSON value", "character 8"
    )


def test_a_number_out_of_range_is_refused_with_the_valid_range(step_helpers):
    numbered = step_helpers["numbered"]
    assert numbered("row", 4, 1, 4) == 4
    fails(ValueError, lambda: numbered("row", 0, 1, 4), "row 0 is out of range: rows 1–4")
    fails(ValueError, lambda: numbered("unit", 9, 0, 1, of="layer 1"), "unit 9 of layer 1 is out of range: units 0–1")
    fails(ValueError, lambda: numbered("row", 2, 1, 1), "rows: 1 only")
    fails(ValueError, lambda: numbered("layer", 1, 1, 0, plural="hidden layers"), "out of range: no hidden layers")


def test_an_array_in_a_message_is_summarised_and_a_closeness_failure_names_the_worst_entry(step_helpers):
    summary, close = step_helpers["summary"], step_helpers["assert_close"]
    assert summary([1, 2.5]) == "[1, 2.5]" and summary(np.arange(2001.0)) == "2,001 values from 0 to 2000"
    close([1.0, 2.0], [1.0, 2.0 + 1e-12], 1e-9)
    error = fails(AssertionError, lambda: close(np.zeros((50, 50)), np.eye(50) * 0.5, 0.1, "gradient"), "50 of 2500")
    assert "largest difference is 0.5 at [0, 0]: found 0.0, stated 0.5" in str(error) and len(str(error)) < 200
    fails(AssertionError, lambda: close([np.inf], [1.0], 1.0), "found inf, stated 1.0")
    fails(AssertionError, lambda: close([1.0, 2.0], [1.0], 1.0), "found 2 values (shape (2,)), stated 1")


def test_a_long_value_is_quoted_by_its_start_and_end(step_helpers):
    clip, path = step_helpers["clip"], step_helpers["data_path"]
    assert clip("data/and.csv") == "data/and.csv"
    quoted = clip("a" * 50 + "b" * 5000 + "c" * 50)
    assert (
        quoted.startswith("a" * 50 + "b" * 16) and quoted.endswith("c" * 33) and "[... 5,000 characters ...]" in quoted
    )
    error = fails(ValueError, lambda: path(Path("/tmp"), "../" * 3000 + "x.csv", Path("/tmp")), "leads outside")
    assert len(str(error)) < 400
