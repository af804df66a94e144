"""Steps of the chapter "Forward propagation".

The forward pass sets the fixture ``cache`` (every ``z[l]`` and ``a[l]``; its
``output`` is y_hat, shape (N, n_L)); the Thens read single values from it.
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import then, when

from steps.parsing import clip, sentence
from steps.support import assert_close, numbered


@when("I run forward propagation", target_fixture="cache")
def _(engine, network, data):
    """Feed the batch's X through the network; keeps every z and a of the pass.

    Example: When I run forward propagation
    """
    return engine.forward_prop(network, data.X)[1]


@then(sentence("unit {j:d} of layer {layer:d} has z = {z:Number} and a = {a:Number} within {tol:Number}"))
def _(cache, j, layer, z, a, tol, measure):
    """The weighted input z and the activation a of one unit, for the first sample.

    Layers are numbered from 1 (the first hidden layer; the last is the output),
    units from 0. A layer or unit the network does not have is refused with the
    valid range.

    Example: Then unit 0 of layer 1 has z = 0.5 and a = 0.6224593312018546 within 1e-9
    """
    numbered("layer", layer, 1, len(cache.z) - 1)
    numbered("unit", j, 0, cache.z[layer].shape[1] - 1, of=f"layer {layer}")
    found = [measure(f"z{layer}[{j}]", cache.z[layer][0, j]), measure(f"a{layer}[{j}]", cache.a[layer][0, j])]
    assert_close(found, [z, a], tol, "value (z, a)")


@then(sentence("the outputs for the whole batch equal the outputs for its rows one at a time within {tol:Number}"))
def _(engine, network, data, tol):
    """Forward propagation of the batch's X against each of its rows alone.

    Example: Then the outputs for the whole batch equal the outputs for its rows one at a time within 1e-15
    """
    one_at_a_time = np.vstack([engine.forward_prop(network, data.X[r : r + 1])[0] for r in range(len(data.X))])
    assert_close(engine.forward_prop(network, data.X)[0], one_at_a_time, tol, "output")


@then(sentence("the network has {weights:d} weights and {biases:d} biases"))
def _(network, weights, biases):
    """Count the entries of all W[l] and of all b[l] separately.

    Example: Then the network has 6 weights and 3 biases
    """
    found = (sum(W.size for W in network.weights), sum(b.size for b in network.biases))
    assert found == (weights, biases), f"the network has {found[0]} weights and {found[1]} biases"


@then(sentence("its parameters are named, in order: {names}"))
def _(network, names):
    """The network's parameter names (``Network.element_names()``), comma-separated.

    Example: Then its parameters are named, in order: W1[0,0], W1[0,1], W1[1,0], W1[1,1], b1[0], b1[1], W2[0,0],
        W2[1,0], b2[0]
    """
    found, stated = network.element_names(), names.split(", ")
    first = next((i for i in range(len(found)) if found[i : i + 1] != stated[i : i + 1]), len(found))
    assert found == stated, (
        f"the network has {len(found)} parameters, the sentence names {len(stated)}; at position {first + 1} the "
        f"network has {found[first] if first < len(found) else 'none'}, the sentence "
        f"{clip(stated[first]) if first < len(stated) else 'none'}"
    )


@then(sentence("its layer sizes are {sizes:List}"))
def _(network, sizes):
    """The layer sizes [n_0, ..., n_L], input first.

    Example: Then its layer sizes are [2, 2, 1]
    """
    assert network.layer_sizes == sizes, f"its layer sizes are {network.layer_sizes}"


@then("there is one gradient per parameter, under the parameters' names")
def _(network, gradients):
    """The gradients name exactly the network's parameters, in the same order.

    Example: Then there is one gradient per parameter, under the parameters' names
    """
    assert gradients.element_names() == network.element_names(), (
        f"{len(gradients.element_names())} gradients for {len(network.element_names())} parameters"
    )
