"""Steps of the chapter "Gradient descent": one step, training, and symmetric starts."""

from __future__ import annotations

import numpy as np
from pytest_bdd import then, when

import backprop as bp
from steps import support
from steps.parsing import sentence


@when(sentence("I take one gradient-descent step at learning rate {lr:Number}"))
def _(state, lr):
    """One step against the backprop gradient, remembering the parameters and the loss before it.

    Example: When I take one gradient-descent step at learning rate 0.5
    """
    state.step = support.descent_step(state.network, state.X, state.y, learning_rate=lr, loss=state.loss)


@then(sentence("every parameter equals its old value minus {lr:Number} times its gradient, to the last bit"))
def _(state, lr):
    """Every weight and bias is exactly ``old - lr * gradient``, recomputed here by numpy on the saved copy.

    Example: Then every parameter equals its old value minus 0.5 times its gradient, to the last bit
    """
    assert np.array_equal(state.network.flat(), state.step.before.flat() - lr * state.step.gradients.flat())


@then("the loss is lower than before the step")
def _(state, measure):
    """The step went downhill.

    Example: Then the loss is lower than before the step
    """
    assert measure("fall in the loss", state.step.loss_before - state.step.loss_after) > 0


@then("the loss is higher than before the step")
def _(state, measure):
    """The step overshot: the loss rose.

    Example: Then the loss is higher than before the step
    """
    assert measure("rise in the loss", state.step.loss_after - state.step.loss_before) > 0


@then(sentence("the loss fell by the learning rate times the squared gradient norm, to within {pct:Number}%"))
def _(state, pct, measure):
    """The fall in the loss matches the first-order prediction ``learning_rate * |g|^2`` to ``pct`` percent.

    Example: Then the loss fell by the learning rate times the squared gradient norm, to within 1%
    """
    assert measure("gap from the prediction, %", 100 * state.step.prediction_error) <= pct


@when(sentence("I train for {epochs:d} epochs at learning rate {lr:Number}"))
def _(state, epochs, lr):
    """Full-batch gradient descent with backprop gradients on the scenario's data, in place.

    Example: When I train for 1500 epochs at learning rate 2
    """
    state.history = bp.train(state.network, state.X, state.y, epochs=epochs, learning_rate=lr, loss=state.loss)


@when(
    sentence(
        "I train one copy with backprop and one with the {method:Word}-difference numerical gradient "
        "for {epochs:d} epochs at learning rate {lr:Number}"
    )
)
def _(state, method, epochs, lr):
    """Train two copies of the network from the same start, one per gradient method (epsilon 1e-5).

    Example: When I train one copy with backprop and one with the forward-difference numerical gradient for 200
        epochs at learning rate 2
    """
    state.copies = support.train_copies(
        state.network, state.X, state.y, epochs=epochs, learning_rate=lr, loss=state.loss, method=method
    )


@then(sentence("the two copies' parameters differ by at most {tol:Number}"))
def _(state, tol, measure):
    """The largest difference between any parameter of the two trained copies is at most ``tol``.

    Example: Then the two copies' parameters differ by at most 1e-4
    """
    gap = np.abs(state.copies["backprop"].flat() - state.copies["numerical"].flat()).max()
    assert measure("largest difference between the copies", gap) <= tol


@then(sentence("training moved some parameter of the backprop copy by more than {distance:Number}"))
def _(state, distance, measure):
    """The trained copy is not just the start: some parameter moved by more than ``distance``.

    Example: Then training moved some parameter of the backprop copy by more than 0.1
    """
    assert measure("largest move", np.abs(state.copies["backprop"].flat() - state.network.flat()).max()) > distance


@then("every weight and bias is still exactly 0")
def _(state):
    """Nothing moved: every parameter is zero.

    Example: Then every weight and bias is still exactly 0
    """
    assert not state.network.flat().any(), state.network.flat()


@then(sentence("{name:Param} has moved away from {value:Number}"))
def _(state, name, value):
    """Training changed the parameter ``name``.

    Example: Then W2[0,0] has moved away from 0
    """
    assert state.network[name] != value


@then(sentence("hidden units {i:d} and {j:d} of layer {layer:d} are identical to the last bit"))
def _(state, i, j, layer):
    """The two units' incoming weights, biases and outgoing weights are bit-for-bit equal.

    Example: Then hidden units 0 and 1 of layer 1 are identical to the last bit
    """
    assert np.array_equal(
        support.unit_parameters(state.network, layer, i), support.unit_parameters(state.network, layer, j)
    )


@then(sentence("the loss is at least {bound:Number}"))
def _(state, bound, measure):
    """The network's current loss on the scenario's data is at least ``bound``.

    Example: Then the loss is at least 0.1666
    """
    assert measure("loss", bp.compute_loss(state.network, state.X, state.y, state.loss)) >= bound
