"""Steps of the chapter "The chain rule" (the guide's in-depth view).

Fixtures set here: ``gradients`` (the Gradients of ``backward_prop``, with
their error signals ``delta``), ``shortcut`` (the gradients with and without
the output shortcut) and ``passes`` (a PassCount).
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import given, then, when

import backprop as bp
from steps.parsing import sentence, table_number, table_rows
from steps.support import Shortcut, assert_close, random_batch

SHOWN = 3
"""A table of gradients up to this long has each value shown on the page; a longer one, its largest difference."""


@given(
    sentence(
        "a {sizes:List} network with {hidden:Word} hidden layers, {output:Word} output and Glorot weights, "
        "seed {seed:d}"
    ),
    target_fixture="network",
)
def _(sizes, hidden, output, seed):
    """A network with the chosen activations, Glorot/Xavier uniform weights and standard-normal biases.

    Glorot weights keep the weighted inputs of order one (no saturated
    outputs); normal biases keep relu units off their kink at z = 0.

    Example: Given a [2, 8, 8, 1] network with relu hidden layers, tanh output and Glorot weights, seed 0
    """
    return bp.init_network(sizes, seed=seed, hidden=hidden, output=output, init="glorot_uniform", bias_init="normal")


@given(sentence("{n:d} random inputs with {kind:Word} targets, seed {seed:d}"), target_fixture="data")
def _(network, n, kind, seed):
    """A batch for the network: standard-normal inputs; targets ``uniform`` in [0, 1], ``one-hot`` rows, or ``class``
    labels (whole numbers from 0, as a data table's ``label`` column; also written classes, label or labels).

    At least one input; the batch may take up to 1 GiB (``backprop.errors.MEMORY_LIMIT``).

    Example: Given 5 random inputs with uniform targets, seed 0
    """
    return random_batch(network.layer_sizes, n, kind, seed)


@when("I run backward propagation", target_fixture="gradients")
def _(engine, network, data, loss):
    """Chain-rule gradients and error signals of the loss on the batch.

    Example: When I run backward propagation
    """
    return engine.backward_prop(network, *data, loss)


@when("I run backward propagation with and without the output shortcut", target_fixture="shortcut")
def _(network, data, loss):
    """Backprop with ``fused=True`` (delta = (y_hat - y) / N) and with ``fused=False`` (the long way round).

    Example: When I run backward propagation with and without the output shortcut
    """
    return Shortcut(*(bp.backward_prop(network, *data, loss, fused=fused) for fused in (True, False)))


@then(sentence("the gradients are, within {tol:Number}:"))
def _(gradients, tol, datatable, measure):
    """Named gradients from a table with columns ``parameter`` and ``gradient``.

    The page shows each gradient the run computed when the table is short (up
    to ``SHOWN`` rows), and the largest difference from the table otherwise.

    Example: Then the gradients are, within 1e-9:
    """
    where = "the gradients table"
    rows = table_rows(datatable, ("parameter", "gradient"), where)
    stated = np.array([table_number(row, "gradient", r, where) for r, row in enumerate(rows, start=1)])
    found = np.array([gradients[r["parameter"]] for r in rows])
    if len(rows) <= SHOWN:
        for r, value in zip(rows, found, strict=True):
            measure(f"dL/d{r['parameter']}", value)
    elif rows:
        measure("largest difference from the table", np.abs(found - stated).max())
    assert_close(found, stated, tol, "gradient")


@then(sentence("the output error signal with the shortcut is (y_hat - y) / N within {tol:Number}"))
def _(shortcut, network, data, tol):
    """The fused output delta against (y_hat - y) / N computed from a fresh forward pass.

    Example: Then the output error signal with the shortcut is (y_hat - y) / N within 0
    """
    y_hat = bp.forward_prop(network, data.X)[0]
    assert_close(shortcut.fused.delta[-1], (y_hat - data.y) / len(data.X), tol, "error signal")


@then(sentence("the output error signals with and without the shortcut agree within {tol:Number}"))
def _(shortcut, tol):
    """The fused and the chained output deltas, entry by entry.

    Example: Then the output error signals with and without the shortcut agree within 1e-15
    """
    assert_close(shortcut.fused.delta[-1], shortcut.unfused.delta[-1], tol, "error signal")
