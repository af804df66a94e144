"""Tests of ``backprop.graph``: one sample's computation, every value forwards and every gradient backwards.

The node values must be the forward pass's and the parameter gradients the
backward pass's; every node that feeds others must have as gradient the sum of
what flows back along its edges (the sum over paths, one step at a time); and
each edge's gradient must be its target's gradient times the local derivative.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import backprop as bp
from tests.helpers import fails


@pytest.fixture
def deep():
    network = bp.init_network([3, 4, 2, 2], seed=3, hidden="tanh", output="sigmoid", bias_init="normal")
    x, y = np.random.default_rng(3).standard_normal((1, 3)), np.array([[0.2, 0.9]])
    return network, x, y


@pytest.mark.parametrize("loss", ["mse", "binary_cross_entropy"])
def test_a_nodes_gradient_is_the_sum_of_what_flows_back_along_its_edges(deep, loss):
    graph = bp.computational_graph(*deep, loss)
    for name, node in graph.nodes.items():
        if node.kind == "loss":
            assert graph.out_of(name) == [] and node.gradient == 1.0
            continue
        out = graph.out_of(name)
        assert out, name
        assert math.isclose(sum(e.gradient for e in out), node.gradient, rel_tol=1e-12, abs_tol=1e-18), name
    for edge in graph.edges:
        assert edge.gradient == pytest.approx(graph.nodes[edge.target].gradient * edge.local, rel=1e-15, abs=0)


def test_the_nodes_hold_the_forward_and_backward_passes_numbers(deep):
    network, x, y = deep
    graph = bp.computational_graph(network, x, y)
    _, cache = bp.forward_prop(network, x)
    g = bp.backward_prop(network, x, y)
    assert graph.nodes["L"].value == bp.compute_loss(network, x, y)
    assert [graph.nodes[f"a3[{k}]"].value for k in range(2)] == cache.output[0].tolist()
    assert [graph.nodes[f"z2[{j}]"].gradient for j in range(2)] == g.delta[2][0].tolist()
    assert {n: graph.nodes[n].gradient for n in network.element_names()} == dict(
        zip(network.element_names(), g.flat().tolist(), strict=True)
    )
    # 3 inputs, 4 + 2 + 2 units with z and a each, 41 parameters and the loss.
    assert len(graph.nodes) == 3 + 2 * 8 + network.parameter_count + 1


def test_the_graph_refuses_what_it_cannot_draw(deep):
    network, x, y = deep
    fails(
        ValueError, lambda: bp.computational_graph(network, np.vstack([x, x]), np.vstack([y, y])), "1 row", "X[i:i+1]"
    )
    softmax = bp.init_network([2, 2, 2], output="softmax")
    fails(
        ValueError,
        lambda: bp.computational_graph(softmax, [[1.0, 0.0]], [[0.0, 1.0]], "categorical_cross_entropy"),
        "softmax",
    )
    fails(ValueError, lambda: bp.computational_graph(bp.init_stack([0, 1]), [[1.0, 0.0]], [[1.0]]), "stack")


def test_the_worked_example_is_the_round_network_of_the_chapters():
    network, X, y = bp.worked_example()
    _, cache = bp.forward_prop(network, X)
    assert X.tolist() == [[1.0, 1.0]] and y.tolist() == [[0.0]]
    assert cache.z[1].tolist() == [[0.5, 1.0]]
