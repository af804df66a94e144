"""Tests of ``backprop.parameters``: reaching one weight or bias by its name.

A parameter is named as in the guide, ``W1[0,1]`` or ``b2[0]`` (the layer from
1, the index from 0); the tests pin which spellings are read, and that a name
outside the network says what is wrong with it (no such layer, an index outside
the matrix, too few indices, not a name at all). Gradients with fewer bias
gradients than weight gradients cannot be read at all: naming or flattening
them raises instead of silently dropping a layer.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from tests.helpers import fails


def test_a_parameter_is_found_by_its_name_with_or_without_spaces(net):
    assert float(net["W1[1, 2]"]) == float(net.weights[0][1, 2])
    assert float(net["b1[2]"]) == float(net.biases[0][2])
    assert float(net["W1 [ 1 ,2 ]"]) == float(net.weights[0][1, 2])


def test_a_name_outside_the_network_says_what_is_wrong_with_it(net):
    fails(ValueError, lambda: net["W1[2,0]"], "W1[2,0]", "has shape (2, 3)", "index (2, 0) is outside it")
    fails(ValueError, lambda: net["W1[0]"], "W1[0]", "has shape (2, 3)", "2 indices, like 'W1[0,0]', but it gives 1")
    # A whole array's name is not an entry: said so, instead of "index () is outside it".
    fails(ValueError, lambda: net["W1"], "parameter 'W1' must name one entry of W1, which has shape (2, 3)", "gives 0")
    fails(ValueError, lambda: net["b2[0,0]"], "one entry of b2, which has shape (1,): 1 index, like 'b2[0]'", "gives 2")
    fails(ValueError, lambda: net["W3[0,0]"], "layer 3 does not exist", "layers are 1..2")
    fails(
        ValueError,
        lambda: net["w1[0,0]"],
        "'w1[0,0]'",
        "is not of the form W1[0,1] or b1[0] (a letter W or b, the layer from 1, the index from 0)",
    )


def test_gradients_with_a_bias_gradient_missing_cannot_be_named_or_flattened(net, xor):
    X, y = xor
    grads = bp.backward_prop(net, X, y)
    fewer_biases = bp.Gradients(grads.dW, grads.db[:1])
    fails(ValueError, fewer_biases.named)
    fails(ValueError, fewer_biases.flat)


def test_setting_a_parameter_by_name_takes_a_finite_number_and_names_the_parameter(net):
    net["W1[0,1]"] = 2
    net["b2[0]"] = np.float32(-0.5)
    net["W2[1,0]"] = np.array(3.0)
    assert (net.weights[0][0, 1], net.biases[1][0], net.weights[1][1, 0]) == (2.0, -0.5, 3.0)
    before = net.flat().copy()
    for value, error, detail in [
        ("abc", TypeError, "value must be a number, but got 'abc' (str)"),
        (True, TypeError, "value must be a number, but got True (bool)"),
        ([1.0], TypeError, "got [1.0] (list)"),
        (float("nan"), ValueError, "value must be a finite number, but got nan"),
        (np.inf, ValueError, "value must be a finite number, but got inf"),
        (np.array([1.0]), ValueError, "value must be one number, but got an array of shape (1,)"),
        (np.array("abc"), TypeError, "value must be a number (float or int), but got"),
    ]:
        fails(error, lambda v=value: net.__setitem__("W1[0,1]", v), "parameter 'W1[0,1]' cannot be set:", detail)
    assert np.array_equal(net.flat(), before)


def test_setting_a_stacks_parameter_takes_one_number_or_one_per_network(stack):
    stack["W1[0,1]"] = 0.25
    assert stack.weights[0][:, 0, 1].tolist() == [0.25] * 3
    stack["b2[1]"] = np.array([1.0, 2.0, 3.0])
    assert stack.biases[1][:, 1].tolist() == [1.0, 2.0, 3.0]
    fails(ValueError, lambda: stack.__setitem__("b2[1]", np.ones(2)), "one per network of the stack (shape (3,))")
    fails(ValueError, lambda: stack.__setitem__("b2[1]", np.array([1.0, np.nan, 0.0])), "value[1] is nan")


@pytest.mark.parametrize("name", ["W1[0,0]", "b1[1]"])
def test_a_read_only_array_is_named_when_a_parameter_is_set(net, name):
    array, _ = net.locate(name)
    array.flags.writeable = False
    fails(ValueError, lambda: net.__setitem__(name, 1.0), f"parameter {name!r} cannot be set: {name[:2]} is read-only")
