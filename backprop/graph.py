"""One sample's computation as a graph: every value forwards, every gradient backwards.

The nodes are the inputs ``x[i]``, the parameters ``W1[i,j]``, ``b1[j]``, ...,
each layer's weighted sums ``z1[j]`` and activations ``a1[j]`` (the last layer's
activation is the output), and the loss ``L``. Each node knows its forward
value and ``dL/d(node)``. Each edge, from a node u to a node v that u feeds,
carries the gradient that flows back along it: ``dL/dv * dv/du``. Where a node
feeds several others, its gradient is the sum over its outgoing edges, which
is the chain rule's sum over paths one step at a time.

The values and gradients come from one ``forward_prop`` and one
``backward_prop``; this module only names and arranges them (a drawing of the
graph, and the scenarios that state each number by hand, read them here).
"""

from __future__ import annotations

from dataclasses import dataclass

from backprop.chain_rule import activation_gradient, backward
from backprop.forward import forward
from backprop.paths import slopes
from backprop.validation import checked_batch, finite_arithmetic


@dataclass(frozen=True)
class Node:
    name: str
    """``x[0]``, ``W1[0,1]``, ``b1[1]``, ``z1[0]``, ``a1[0]``, ..., ``L``."""
    kind: str
    """``input``, ``parameter``, ``z``, ``a`` or ``loss``."""
    layer: int
    """The layer it belongs to: 0 for the inputs, l for z[l], a[l], W[l] and b[l], L + 1 for the loss."""
    unit: int
    """Its unit in that layer (for a weight W[l]_ij, the unit j it feeds; 0 for the loss)."""
    value: float
    gradient: float
    """dL/d(this node)."""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    local: float
    """d(target)/d(source), the local derivative."""
    gradient: float
    """dL/d(target) * local: what flows back from the target to the source."""


@dataclass(frozen=True)
class Graph:
    nodes: dict[str, Node]
    edges: list[Edge]

    def into(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.target == name]

    def out_of(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.source == name]

    def edge(self, source: str, target: str) -> Edge:
        """The edge from ``source`` to ``target`` (a KeyError names the pair when there is none)."""
        found = [e for e in self.edges if e.source == source and e.target == target]
        if not found:
            raise KeyError(
                f"no edge from {source!r} to {target!r}; {source!r} feeds {[e.target for e in self.out_of(source)]}"
            )
        return found[0]


def computational_graph(network: object, x: object, y: object, loss: str = "mse") -> Graph:
    """The graph of one sample ``x`` (shape (1, n_0)) with target ``y`` (shape (1, n_L)).

    Raises:
        ValueError: for a stack, a batch of more than one row, or a softmax
            layer (its units do not each have one slope).
    """
    net, loss_fn, X, Y = checked_batch(network, x, y, loss)
    if net.stack_size is not None:
        raise ValueError("computational_graph takes one network, not a stack; pass one network of the stack")
    if len(X) != 1:
        raise ValueError(f"computational_graph draws one sample: X must have 1 row, but has {len(X)}; pass X[i:i+1]")
    if "softmax" in net.activations:
        raise ValueError("computational_graph needs activations with one slope per unit; softmax has a full Jacobian")
    with finite_arithmetic("computational_graph", net, X):
        cache = forward(net, X)
        g = backward(net, cache, Y, loss_fn)
        L = len(net.weights)
        dL_da = [activation_gradient(net, g, layer)[0] for layer in range(L)]
        dL_da.append(loss_fn.grad(cache.z_out, cache.output, Y)[0])
        loss_value = float(loss_fn.value(cache.z_out, cache.output, Y))
        nodes: dict[str, Node] = {}
        edges: list[Edge] = []

        def add(name: str, kind: str, layer: int, unit: int, value: float, gradient: float) -> None:
            nodes[name] = Node(name, kind, layer, unit, float(value), float(gradient))

        def link(source: str, target: str, local: float) -> None:
            edges.append(Edge(source, target, float(local), float(nodes[target].gradient * local)))

        for i, value in enumerate(X[0]):
            add(f"x[{i}]", "input", 0, i, value, dL_da[0][i])
        for l in range(1, L + 1):  # noqa: E741  # l is the layer number of the equations
            z, a, delta = cache.z[l], cache.a[l], g.delta[l]
            assert z is not None and delta is not None, "every layer l >= 1 has z[l] and delta[l]"
            below = [f"x[{i}]" if l == 1 else f"a{l - 1}[{i}]" for i in range(net.layer_sizes[l - 1])]
            slope = slopes(net, z[0], a[0], l)
            for j in range(net.layer_sizes[l]):
                add(f"z{l}[{j}]", "z", l, j, z[0, j], delta[0, j])
                add(f"a{l}[{j}]", "a", l, j, a[0, j], dL_da[l][j])
                for i, source in enumerate(below):
                    add(f"W{l}[{i},{j}]", "parameter", l, j, net.weights[l - 1][i, j], g.dW[l - 1][i, j])
                    link(source, f"z{l}[{j}]", net.weights[l - 1][i, j])
                    link(f"W{l}[{i},{j}]", f"z{l}[{j}]", nodes[source].value)
                add(f"b{l}[{j}]", "parameter", l, j, net.biases[l - 1][j], g.db[l - 1][j])
                link(f"b{l}[{j}]", f"z{l}[{j}]", 1.0)
                link(f"z{l}[{j}]", f"a{l}[{j}]", slope[j])
        add("L", "loss", L + 1, 0, loss_value, 1.0)
        for k in range(net.layer_sizes[-1]):
            link(f"a{L}[{k}]", "L", dL_da[L][k])
    return Graph(nodes, edges)
