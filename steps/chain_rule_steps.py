"""Steps of the chapter "The chain rule" (the guide's in-depth view).

State: ``state.gradients`` (the Gradients of ``backward_prop``, with their
error signals ``deltas``), ``state.unfused`` (the same without the output
shortcut) and ``state.passes`` (a PassCount).
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import given, then, when

import backprop as bp
from steps.parsing import sentence, table_rows


def _random_batch(layer_sizes, n, kind, seed):
    """n standard-normal input rows and targets uniform in [0, 1] or one-hot rows."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, layer_sizes[0]))
    targets = {
        "uniform": lambda: rng.uniform(size=(n, layer_sizes[-1])),
        "one-hot": lambda: np.eye(layer_sizes[-1])[rng.integers(layer_sizes[-1], size=n)],
    }
    return X, targets[kind]()


@given(
    sentence(
        "a {sizes:List} network with {hidden:Word} hidden layers, {output:Word} output and Glorot weights, "
        "seed {seed:d}"
    )
)
def _(state, sizes, hidden, output, seed):
    """A network with the chosen activations, Glorot/Xavier uniform weights and standard-normal biases.

    Glorot weights keep the weighted inputs of order one (no saturated
    outputs); normal biases keep relu units off their kink at z = 0.

    Example: Given a [2, 8, 8, 1] network with relu hidden layers, tanh output and Glorot weights, seed 0
    """
    state.network = bp.init_network(
        sizes, seed=seed, hidden=hidden, output=output, init="glorot_uniform", bias_init="normal"
    )


@given(sentence("{n:d} random inputs with {kind:Word} targets, seed {seed:d}"))
def _(state, n, kind, seed):
    """A batch for ``state.network``: standard-normal inputs; targets ``uniform`` in [0, 1] or ``one-hot``.

    Example: Given 5 random inputs with uniform targets, seed 0
    """
    state.X, state.y = _random_batch(state.network.layer_sizes, n, kind, seed)


@when("I run backward propagation")
def _(state):
    """Chain-rule gradients and error signals of ``state.loss`` on ``(state.X, state.y)``.

    Example: When I run backward propagation
    """
    state.gradients = bp.backward_prop(state.network, state.X, state.y, state.loss)


@when("I run backward propagation with and without the output shortcut")
def _(state):
    """Backprop with ``fused=True`` (delta = (y_hat - y) / N) and with ``fused=False`` (the long way round).

    Example: When I run backward propagation with and without the output shortcut
    """
    state.gradients, state.unfused = (
        bp.backward_prop(state.network, state.X, state.y, state.loss, fused=f) for f in (True, False)
    )


@then(sentence("unit {j:d} of layer {layer:d} has error signal {delta:Number} within {tol:Number}"))
def _(state, j, layer, delta, tol):
    """delta = dL/dz of one unit, for the first sample (layers from 1, units from 0).

    Example: Then unit 0 of layer 2 has error signal 0.20206220446563447 within 1e-9
    """
    np.testing.assert_allclose(state.gradients.delta[layer][0, j], delta, rtol=0, atol=tol)


@then(sentence("the gradients are, within {tol:Number}:"))
def _(state, tol, datatable):
    """Named gradients from a table with columns ``parameter`` and ``gradient``.

    Example: Then the gradients are, within 1e-9:
    """
    rows = table_rows(datatable)
    np.testing.assert_allclose(
        [state.gradients[r["parameter"]] for r in rows], [float(r["gradient"]) for r in rows], rtol=0, atol=tol
    )


@then(sentence("the output error signal with the shortcut is (y_hat - y) / N within {tol:Number}"))
def _(state, tol):
    """The fused output delta against (y_hat - y) / N computed from a fresh forward pass.

    Example: Then the output error signal with the shortcut is (y_hat - y) / N within 0
    """
    np.testing.assert_allclose(
        state.gradients.delta[-1],
        (bp.forward_prop(state.network, state.X)[0] - state.y) / len(state.X),
        rtol=0,
        atol=tol,
    )


@then(sentence("the output error signals with and without the shortcut agree within {tol:Number}"))
def _(state, tol):
    """The fused and the chained output deltas, entry by entry.

    Example: Then the output error signals with and without the shortcut agree within 1e-15
    """
    np.testing.assert_allclose(state.gradients.delta[-1], state.unfused.delta[-1], rtol=0, atol=tol)


@when("I count the passes spent on the chain-rule gradient")
def _(state):
    """Count the forward and backward passes of one ``backward_prop`` call (no cache given).

    Example: When I count the passes spent on the chain-rule gradient
    """
    with bp.count_passes() as state.passes:
        bp.backward_prop(state.network, state.X, state.y, state.loss)
