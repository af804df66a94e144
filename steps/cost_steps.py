"""Steps of the chapter "Why backprop": how the gradient fades in deep sigmoid networks.

Counting a gradient's passes reuses the sentences of the chapters on nudging and
on the chain rule ("I count the passes spent on ...", "the count is ...").
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import then


@then("the weight gradient's norm shrinks from each layer to the layer before it")
def _(gradients):
    """Going back from the output to the input, each layer's |dL/dW| is smaller than the next layer's.

    Example: Then the weight gradient's norm shrinks from each layer to the layer before it
    """
    assert np.all(np.diff(gradients.layer_norms()) > 0), gradients.layer_norms()
