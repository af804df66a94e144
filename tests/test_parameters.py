"""Tests of ``backprop.parameters``: reaching one weight or bias by its name.

A parameter is named as in the guide, ``W1[0,1]`` or ``b2[0]`` (the layer from
1, the index from 0); the tests pin which spellings are read, and that a name
outside the network says what is wrong with it (no such layer, an index outside
the matrix, too few indices, not a name at all). Gradients with fewer bias
gradients than weight gradients cannot be read at all: naming or flattening
them raises instead of silently dropping a layer.
"""

from __future__ import annotations

import backprop as bp
from tests.helpers import fails


def test_a_parameter_is_found_by_its_name_with_or_without_spaces(net):
    assert float(net["W1[1, 2]"]) == float(net.weights[0][1, 2])
    assert float(net["b1[2]"]) == float(net.biases[0][2])
    assert float(net["W1 [ 1 ,2 ]"]) == float(net.weights[0][1, 2])


def test_a_name_outside_the_network_says_what_is_wrong_with_it(net):
    fails(ValueError, lambda: net["W1[2,0]"], "W1[2,0]", "has shape (2, 3)", "index (2, 0) is outside it")
    fails(ValueError, lambda: net["W1[0]"], "W1[0]", "has shape (2, 3)")
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
