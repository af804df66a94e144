"""Steps of "why it works": the computational graph, the sum over paths, the equations checked by nudging.

Each check here compares two computations that share no code: the backward
pass (or a hand-worked number in the sentence) against nudging a value
directly, or against the list of every path to the loss.
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import then

import backprop as bp
from backprop.gradcheck import relative_error
from steps.parsing import sentence, table_rows


@then(sentence("the graph's values and gradients are, within {tol:Number}:"))
def _(network, data, loss, tol, datatable, measure):
    """Each node of the one-sample computational graph: its forward value and dL/d(node).

    Nodes are named ``x[0]``, ``W1[0,1]``, ``b1[1]``, ``z1[0]``, ``a1[0]``, ...,
    ``L``; columns ``node``, ``value``, ``gradient``.

    Example: Then the graph's values and gradients are, within 1e-12:
    """
    graph = bp.computational_graph(network, *data, loss)
    rows = table_rows(datatable)
    found = np.array([[graph.nodes[r["node"]].value, graph.nodes[r["node"]].gradient] for r in rows])
    stated = np.array([[float(r["value"]), float(r["gradient"])] for r in rows])
    measure("largest difference from the table", np.abs(found - stated).max())
    np.testing.assert_allclose(found, stated, rtol=0, atol=tol)


@then(sentence("{node} feeds {n:d} nodes, which send back these gradients, within {tol:Number}:"))
def _(network, data, loss, node, n, tol, datatable):
    """The edges out of one node of the graph: the node each leads to, and dL/d(that node) * local derivative.

    Columns ``to`` and ``gradient``.

    Example: Then x[0] feeds 2 nodes, which send back these gradients, within 1e-15:
    """
    edges = {e.target: e.gradient for e in bp.computational_graph(network, *data, loss).out_of(node)}
    rows = table_rows(datatable)
    assert len(edges) == n and set(edges) == {r["to"] for r in rows}, f"{node} feeds {sorted(edges)}"
    np.testing.assert_allclose([edges[r["to"]] for r in rows], [float(r["gradient"]) for r in rows], rtol=0, atol=tol)


@then(sentence("the gradient of {node} is their sum, {value:Number}, within {tol:Number}"))
def _(network, data, loss, node, value, tol, measure):
    """dL/d(node) in the graph equals the sum of what its edges send back, and the stated value.

    Example: Then the gradient of x[0] is their sum, -0.004113814546227709, within 1e-15
    """
    graph = bp.computational_graph(network, *data, loss)
    gradient = measure(f"dL/d{node}", graph.nodes[node].gradient)
    np.testing.assert_allclose(gradient, sum(e.gradient for e in graph.out_of(node)), rtol=0, atol=tol)
    np.testing.assert_allclose(gradient, value, rtol=0, atol=tol)


@then(
    sentence(
        "unit {unit:d} of layer {layer:d} reaches the loss along {n:d} paths, "
        "and their products sum to its gradient from the backward pass, within {tol:Number}"
    )
)
def _(network, data, loss, unit, layer, n, tol, measure):
    """Every path from a[layer]_unit to the loss, listed one by one, for each sample of the batch.

    The sum of the paths' products (the chain rule along each path) against
    ``dL/da`` from the error signals of the backward pass; ``tol`` is relative
    to the gradient. Layer 0 is the input.

    Example: Then unit 0 of layer 1 reaches the loss along 2 paths, and their products sum to its gradient from the
        backward pass, within 1e-12
    """
    dL_da = bp.activation_gradient(network, bp.backward_prop(network, *data, loss), layer)
    gaps = []
    for row in range(len(data.X)):
        paths = bp.paths_to_loss(network, *data, layer, unit, loss, row=row)
        assert len(paths) == n, f"{len(paths)} paths"
        total = sum(p.product for p in paths)
        gaps.append(abs(total - dL_da[row, unit]) / abs(total))
    assert measure("gap, paths vs backward", max(gaps)) <= tol, gaps


@then(sentence("nudging unit {unit:d} of layer {layer:d} directly gives the same gradient, within {tol:Number}"))
def _(network, data, loss, unit, layer, tol, measure):
    """dL/da[layer]_unit by nudging that activation itself (central difference, epsilon 1e-5) against the backward pass.

    ``tol`` bounds the relative error over the batch's rows.

    Example: Then nudging unit 0 of layer 0 directly gives the same gradient, within 1e-9
    """
    dL_da = bp.activation_gradient(network, bp.backward_prop(network, *data, loss), layer)[:, unit]
    nudged = bp.numerical_signal(network, *data, layer, of="a", loss=loss)[:, unit]
    assert measure("relative error of the nudge", relative_error(dL_da, nudged)) <= tol


@then(sentence("every layer's error signal equals dL/dz found by nudging z directly, within {tol:Number}"))
def _(network, data, loss, gradients, tol, measure):
    """delta[l] from the backward equations against nudging each z[l] entry (central difference, epsilon 1e-5).

    The output layer checks the output error formula, every other layer the
    recursion. ``tol`` bounds the relative error of each layer.

    Example: Then every layer's error signal equals dL/dz found by nudging z directly, within 1e-7
    """
    L = len(network.weights)
    errors = [
        relative_error(gradients.delta[k], bp.numerical_signal(network, *data, k, loss=loss)) for k in range(1, L + 1)
    ]
    assert measure("error of δ", max(errors)) <= tol, errors


@then(
    sentence(
        "a^T delta and the sum of delta's rows, with delta found by nudging z, "
        "equal dL/dW and dL/db found by nudging each parameter, within {tol:Number}"
    )
)
def _(network, data, loss, tol, measure):
    """The equations dL/dW[l] = a[l-1]^T delta[l] and dL/db[l] = sum of the rows of delta[l], with no backward pass.

    delta comes from nudging z (``numerical_signal``), the gradients from
    nudging the parameters (``numerical_gradient``, central, epsilon 1e-5);
    ``tol`` bounds the relative error of each layer's weights and biases.

    Example: Then a^T delta and the sum of delta's rows, with delta found by nudging z, equal dL/dW and dL/db found
        by nudging each parameter, within 1e-7
    """
    _, cache = bp.forward_prop(network, data.X)
    nudged = bp.numerical_gradient(network, *data, loss, method="central")
    errors = []
    for l in range(1, len(network.weights) + 1):  # noqa: E741  # l is the layer number of the equations
        delta = bp.numerical_signal(network, *data, l, loss=loss)
        errors += [
            relative_error(cache.a[l - 1].T @ delta, nudged.dW[l - 1]),
            relative_error(delta.sum(axis=0), nudged.db[l - 1]),
        ]
    assert measure("error of dW, db", max(errors)) <= tol, errors


@then(sentence("the forward-mode gradient equals the chain-rule gradient within {tol:Number}"))
def _(network, data, loss, tol, measure):
    """Forward mode (exact, P passes) against the backward pass (exact, two passes): they differ only by rounding.

    ``tol`` bounds the relative error of the whole gradient.

    Example: Then the forward-mode gradient equals the chain-rule gradient within 1e-14
    """
    forward_mode = bp.forward_mode_gradient(network, *data, loss).flat()
    chain_rule = bp.backward_prop(network, *data, loss).flat()
    assert measure("relative error", relative_error(chain_rule, forward_mode)) <= tol


@then(sentence("every node's gradient is the sum of what its arrows send back, within {tol:Number}"))
def _(network, data, loss, tol, measure):
    """In the one-sample graph, each node that feeds others against the sum over its outgoing edges.

    Example: Then every node's gradient is the sum of what its arrows send back, within 1e-15
    """
    graph = bp.computational_graph(network, *data, loss)
    gaps = [
        abs(n.gradient - sum(e.gradient for e in graph.out_of(name))) for name, n in graph.nodes.items() if name != "L"
    ]
    assert measure("largest gap from the sum", max(gaps)) <= tol
