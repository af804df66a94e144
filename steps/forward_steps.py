"""Steps of the chapter "Forward propagation".

The forward pass leaves ``state.y_hat`` (N, n_L) and ``state.cache`` (every
``z[l]`` and ``a[l]``); the Thens read single values from them.
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import then, when

import backprop as bp
from steps.parsing import sentence


@when("I run forward propagation")
def _(state):
    """Feed ``state.X`` through ``state.network``; keeps the output and the cache.

    Example: When I run forward propagation
    """
    state.y_hat, state.cache = bp.forward_prop(state.network, state.X)


@then(sentence("unit {j:d} of layer {layer:d} has z = {z:Number} and a = {a:Number} within {tol:Number}"))
def _(state, j, layer, z, a, tol):
    """The weighted input z and the activation a of one unit, for the first sample.

    Layers are numbered from 1 (the first hidden layer), units from 0.

    Example: Then unit 0 of layer 1 has z = 0.5 and a = 0.6224593312018546 within 1e-9
    """
    np.testing.assert_allclose([state.cache.z[layer][0, j], state.cache.a[layer][0, j]], [z, a], rtol=0, atol=tol)


@then(sentence("the output is {value:Number} within {tol:Number}"))
def _(state, value, tol):
    """The prediction y_hat of a one-sample, one-output batch.

    Example: Then the output is 0.41589259759975533 within 1e-9
    """
    np.testing.assert_allclose(state.y_hat, [[value]], rtol=0, atol=tol)


@then(sentence("the {loss:Word} loss is {value:Number} within {tol:Number}"))
def _(state, loss, value, tol):
    """The loss named in the sentence, of ``state.network`` on ``(state.X, state.y)``.

    Example: Then the mse loss is 0.17296665273827203 within 1e-9
    """
    np.testing.assert_allclose(bp.compute_loss(state.network, state.X, state.y, loss), value, rtol=0, atol=tol)


@then(sentence("sigmoid of {z:Number} is {value:Number} within {tol:Number}"))
def _(z, value, tol):
    """The package's sigmoid of one number; any overflow warning fails the step.

    Example: Then sigmoid of 0 is 0.5 within 0
    """
    np.testing.assert_allclose(bp.sigmoid(np.float64(z)), value, rtol=0, atol=tol)


@then(sentence("the outputs for the whole batch equal the outputs for its rows one at a time within {tol:Number}"))
def _(state, tol):
    """Forward propagation of the batch ``state.X`` against each of its rows alone.

    Example: Then the outputs for the whole batch equal the outputs for its rows one at a time within 1e-15
    """
    np.testing.assert_allclose(
        bp.forward_prop(state.network, state.X)[0],
        np.vstack([bp.forward_prop(state.network, row[None, :])[0] for row in state.X]),
        rtol=0,
        atol=tol,
    )


@then(sentence("the network has {count:d} parameters"))
def _(state, count):
    """P, the number of weights and biases, is ``count``.

    Example: Then the network has 9 parameters
    """
    assert state.network.parameter_count == count


@then(sentence("the network has {weights:d} weights and {biases:d} biases"))
def _(state, weights, biases):
    """Count the entries of all W[l] and of all b[l] separately.

    Example: Then the network has 6 weights and 3 biases
    """
    assert (sum(W.size for W in state.network.weights), sum(b.size for b in state.network.biases)) == (weights, biases)


@then(sentence("its parameters are named, in order: {names}"))
def _(state, names):
    """The network's parameter names (``Network.element_names()``), comma-separated.

    Example: Then its parameters are named, in order: W1[0,0], W1[0,1], W1[1,0], W1[1,1], b1[0], b1[1], W2[0,0],
        W2[1,0], b2[0]
    """
    assert state.network.element_names() == names.split(", ")


@then(sentence("its layer sizes are {sizes:List}"))
def _(state, sizes):
    """The layer sizes [n_0, ..., n_L], input first.

    Example: Then its layer sizes are [2, 2, 1]
    """
    assert state.network.layer_sizes == sizes


@then("there is one gradient per parameter, under the parameters' names")
def _(state):
    """``state.gradients`` names exactly the network's parameters, in the same order.

    Example: Then there is one gradient per parameter, under the parameters' names
    """
    assert state.gradients.element_names() == state.network.element_names()
