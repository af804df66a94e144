"""Steps of the chapter "Gradient descent": one step, training, and symmetric starts.

Fixtures set here: ``step`` (a recorded DescentStep), ``training`` (the loss
history and the parameters before training), with backprop or with the numerical gradient.
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import then, when

import backprop as bp
from steps import support
from steps.parsing import sentence


@when(sentence("I take one gradient-descent step at learning rate {lr:Number}"), target_fixture="step")
def _(engine, network, data, loss, lr):
    """One step against the backprop gradient, remembering the parameters and the loss before it.

    Example: When I take one gradient-descent step at learning rate 0.5
    """
    return support.descent_step(network, *data, learning_rate=lr, loss=loss, engine=engine)


@then(sentence("every parameter equals its old value minus {lr:Number} times its gradient, to the last bit"))
def _(network, step, lr):
    """Every weight and bias is exactly ``old - lr * gradient``, recomputed here by numpy on the saved copy.

    Example: Then every parameter equals its old value minus 0.5 times its gradient, to the last bit
    """
    with np.errstate(all="ignore"):  # a huge rate overflows: the comparison below reports it
        expected = step.before.flat() - lr * step.gradients.flat()
    gap = network.flat() != expected
    assert not gap.any(), (
        f"{int(gap.sum())} of {gap.size} parameters differ from old - {lr:g} x gradient; "
        f"the first is {network.element_names()[int(np.argmax(gap))]}"
    )


@then(sentence("the loss fell by the learning rate times the squared gradient norm, to within {pct:Number}%"))
def _(step, pct, measure):
    """The fall in the loss matches the first-order prediction ``learning_rate * |g|^2`` to ``pct`` percent.

    Example: Then the loss fell by the learning rate times the squared gradient norm, to within 1%
    """
    if step.predicted_fall == 0:
        raise ValueError("the gradient is 0, so the predicted fall is 0: a gap relative to it is undefined")
    gap = measure("gap from the prediction, %", 100 * step.prediction_error)
    assert gap <= pct, f"the fall differs from the prediction by {gap:.6g}%"


@when(sentence("I train for {epochs:d} epochs at learning rate {lr:Number}"), target_fixture="training")
def _(engine, network, data, loss, epochs, lr):
    """Full-batch gradient descent with backprop gradients on the scenario's data, in place.

    Sets ``training``: the loss history and a copy of the parameters before training.

    Example: When I train for 1500 epochs at learning rate 2
    """
    before = network.copy()
    return support.Training(engine.train(network, *data, epochs=epochs, learning_rate=lr, loss=loss), before)


@when(
    sentence(
        "I train for {epochs:d} epochs at learning rate {lr:Number} with the {method:Word}-difference numerical "
        "gradient"
    ),
    target_fixture="training",
)
def _(network, data, loss, epochs, lr, method):
    """Full-batch gradient descent as above, with the guide's nudging (epsilon 1e-5) in place of backprop.

    To compare it with backprop, name a backprop run first (``When I call this run "backprop"``) and start
    again from the same network: ``Then the largest difference of any parameter from "backprop" is ...``.

    Example: When I train for 200 epochs at learning rate 2 with the forward-difference numerical gradient
    """
    before = network.copy()
    history = bp.train(network, *data, epochs=epochs, learning_rate=lr, loss=loss, gradient="numerical", method=method)
    return support.Training(history, before)


@then("every weight and bias is still exactly 0")
def _(network):
    """Nothing moved: every parameter is zero.

    Example: Then every weight and bias is still exactly 0
    """
    moved = network.flat() != 0
    assert not moved.any(), (
        f"{int(moved.sum()):,} of {moved.size:,} parameters are not 0: {support.summary(network.flat())}"
    )


@then(sentence("hidden units {i:d} and {j:d} of layer {layer:d} are identical to the last bit"))
def _(network, i, j, layer):
    """The two units' incoming weights, biases and outgoing weights are bit-for-bit equal.

    Hidden layers count from 1, units from 0.

    Example: Then hidden units 0 and 1 of layer 1 are identical to the last bit
    """
    first, second = (support.unit_parameters(network, layer, unit) for unit in (i, j))
    gap = np.abs(first - second).max()
    assert np.array_equal(first, second), f"units {i} and {j} of layer {layer} differ by up to {gap!r}"
