"""Steps of the chapter "Forward propagation"."""

from __future__ import annotations

from pytest_bdd import then

from steps.parsing import sentence


@then(sentence("the network has {count:d} parameters"))
def _(state, count):
    """P, the number of weights and biases, is ``count``.

    Example: Then the network has 9 parameters
    """
    assert state.network.parameter_count == count
