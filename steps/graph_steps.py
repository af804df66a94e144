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
from steps.parsing import clip, sentence, table_number, table_rows
from steps.support import assert_close, numbered, summary


def _node(graph, name: str):
    """The node ``name`` of the graph, or an error naming the nodes it has."""
    if name not in graph.nodes:
        names = list(graph.nodes)
        shown = ", ".join(names[:8]) + (f", ... ({len(names)} nodes)" if len(names) > 8 else "")
        raise ValueError(f"the graph has no node {clip(name)!r}; its nodes are {shown}")
    return graph.nodes[name]


def _paths_layer(network, layer: int, unit: int) -> None:
    """A unit whose activation feeds the layer above: layers 0 (the input) to the last hidden layer."""
    numbered("layer", layer, 0, len(network.weights) - 1, plural="layers below the output")
    numbered("unit", unit, 0, network.layer_sizes[layer] - 1, of=f"layer {layer}")


@then(sentence("the graph's values and gradients are, within {tol:Number}:"))
def _(network, data, loss, tol, datatable, measure):
    """Each node of the one-sample computational graph: its forward value and dL/d(node).

    Nodes are named ``x[0]``, ``W1[0,1]``, ``b1[1]``, ``z1[0]``, ``a1[0]``, ...,
    ``L``; columns ``node``, ``value``, ``gradient``.

    Example: Then the graph's values and gradients are, within 1e-12:
    """
    graph = bp.computational_graph(network, *data, loss)
    where = "the graph table"
    rows = table_rows(datatable, ("node", "value", "gradient"), where)
    stated = np.array(
        [[table_number(row, c, r, where) for c in ("value", "gradient")] for r, row in enumerate(rows, 1)]
    )
    found = np.array([[_node(graph, r["node"]).value, _node(graph, r["node"]).gradient] for r in rows])
    if rows:
        measure("largest difference from the table", np.abs(found - stated).max())
    assert_close(found, stated, tol, "value or gradient")


@then(sentence("{node} feeds {n:d} nodes, which send back these gradients, within {tol:Number}:"))
def _(network, data, loss, node, n, tol, datatable):
    """The edges out of one node of the graph: the node each leads to, and dL/d(that node) * local derivative.

    Columns ``to`` and ``gradient``.

    Example: Then x[0] feeds 2 nodes, which send back these gradients, within 1e-15:
    """
    graph = bp.computational_graph(network, *data, loss)
    _node(graph, node)
    edges = {e.target: e.gradient for e in graph.out_of(node)}
    where = "the table of edges"
    rows = table_rows(datatable, ("to", "gradient"), where)
    stated = [table_number(row, "gradient", r, where) for r, row in enumerate(rows, start=1)]
    assert len(edges) == n and set(edges) == {r["to"] for r in rows}, f"{node} feeds {sorted(edges)}"
    assert_close([edges[r["to"]] for r in rows], stated, tol, "gradient")


@then(sentence("the gradient of {node} is their sum, {value:Number}, within {tol:Number}"))
def _(network, data, loss, node, value, tol, measure):
    """dL/d(node) in the graph equals the sum of what its edges send back, and the stated value.

    Example: Then the gradient of x[0] is their sum, -0.004113814546227709, within 1e-15
    """
    graph = bp.computational_graph(network, *data, loss)
    gradient = measure(f"dL/d{node}", _node(graph, node).gradient)
    if not graph.out_of(node):
        raise ValueError(f"{node} feeds no node: its gradient is not a sum over arrows")
    assert_close(gradient, sum(e.gradient for e in graph.out_of(node)), tol, "sum of what the arrows send back")
    assert_close(gradient, value, tol, "gradient")


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
    to the gradient. Layer 0 is the input, the last layer below the output
    the highest; units count from 0.

    Example: Then unit 0 of layer 1 reaches the loss along 2 paths, and their products sum to its gradient from the
        backward pass, within 1e-12
    """
    _paths_layer(network, layer, unit)
    dL_da = bp.activation_gradient(network, bp.backward_prop(network, *data, loss), layer)
    gaps = []
    for row in range(len(data.X)):
        paths = bp.paths_to_loss(network, *data, layer, unit, loss, row=row)
        assert len(paths) == n, f"unit {unit} of layer {layer} reaches the loss along {len(paths)} paths"
        total = sum(p.product for p in paths)
        if total == 0:
            raise ValueError(f"the paths' products sum to 0 in row {row + 1}: a gap relative to 0 is undefined")
        gaps.append(abs(total - dL_da[row, unit]) / abs(total))
    assert measure("gap, paths vs backward", max(gaps)) <= tol, f"the largest relative gap is {max(gaps)!r}"


@then(sentence("nudging unit {unit:d} of layer {layer:d} directly gives the same gradient, within {tol:Number}"))
def _(network, data, loss, unit, layer, tol, measure):
    """dL/da[layer]_unit by nudging that activation itself (central difference, epsilon 1e-5) against the backward pass.

    ``tol`` bounds the relative error over the batch's rows. Layer 0 is the
    input, the last layer below the output the highest; units count from 0.

    Example: Then nudging unit 0 of layer 0 directly gives the same gradient, within 1e-9
    """
    _paths_layer(network, layer, unit)
    dL_da = bp.activation_gradient(network, bp.backward_prop(network, *data, loss), layer)[:, unit]
    nudged = bp.numerical_signal(network, *data, layer, of="a", loss=loss)[:, unit]
    error = measure("relative error of the nudge", relative_error(dL_da, nudged))
    assert error <= tol, f"the relative error is {error!r}"


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
    assert measure("error of δ", max(errors)) <= tol, f"the errors of the layers are {summary(errors)}"


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
    assert measure("error of dW, db", max(errors)) <= tol, f"the errors of dW and db are {summary(errors)}"


@then(sentence("the forward-mode gradient equals the chain-rule gradient within {tol:Number}"))
def _(network, data, loss, tol, measure):
    """Forward mode (exact, P passes) against the backward pass (exact, two passes): they differ only by rounding.

    ``tol`` bounds the relative error of the whole gradient.

    Example: Then the forward-mode gradient equals the chain-rule gradient within 1e-14
    """
    forward_mode = bp.forward_mode_gradient(network, *data, loss).flat()
    chain_rule = bp.backward_prop(network, *data, loss).flat()
    error = measure("relative error", relative_error(chain_rule, forward_mode))
    assert error <= tol, f"the relative error is {error!r}"


@then(sentence("every node's gradient is the sum of what its arrows send back, within {tol:Number}"))
def _(network, data, loss, tol, measure):
    """In the one-sample graph, each node that feeds others against the sum over its outgoing edges.

    Example: Then every node's gradient is the sum of what its arrows send back, within 1e-15
    """
    graph = bp.computational_graph(network, *data, loss)
    gaps = [
        abs(n.gradient - sum(e.gradient for e in graph.out_of(name))) for name, n in graph.nodes.items() if name != "L"
    ]
    assert measure("largest gap from the sum", max(gaps)) <= tol, f"the largest gap is {max(gaps)!r}"
