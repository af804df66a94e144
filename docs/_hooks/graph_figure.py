"""The worked example's computational graph as an SVG: where each box goes, and what it says.

The numbers are the package's (``backprop.computational_graph``); the markup is
in ``templates/computational-graph.svg.j2``. Columns, left to right: the
inputs with the first layer's parameters, the first layer's z, its
activations with the next layer's parameters, and so on up to the loss. A
layer's parameters stand in one column with the values they multiply, so that
every arrow runs one column to the right.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import backprop as bp
from docs._hooks import markup
from docs._hooks.formatting import plain

BOX_WIDTH, BOX_HEIGHT = 96, 56
COLUMN_GAP = 62
ROW_GAP = 8
MARGIN = 12
LEGEND = 30
DIGITS = 4
LABEL_AT = 0.12
"""Where along an arrow its gradient is written, from its tail (0) to its head (1)."""

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")


def label(name: str, layers: int) -> str:
    """A node's name as the chapters write it, in Unicode: ``W1[0,1]`` -> ``W⁽¹⁾₀₁``, ``a2[0]`` -> ``ŷ``."""
    if name == "L":
        return "L"
    if name == f"a{layers}[0]":
        return "ŷ"
    kind, rest = name[0], name[1:]
    layer, _, index = rest.partition("[")
    sub = index.rstrip("]").replace(",", "").translate(_SUB)
    return f"{kind}{sub}" if kind == "x" else f"{kind}{f'({layer})'.translate(_SUP)}{sub}"


@dataclass
class Box:
    name: str
    label: str
    kind: str
    x: float
    y: float
    value: str
    gradient: str
    highlight: bool


@dataclass
class Arrow:
    x1: float
    y1: float
    x2: float
    y2: float
    gradient: str
    label_x: float
    label_y: float
    highlight: bool


def _rows(graph: bp.Graph) -> dict[str, tuple[int, float]]:
    """Each node's column and row (rows may be fractional), for a network with one output unit.

    Column 0 holds the inputs, with the first layer's parameters of the upper
    half of the units above them and the rest below, so that no arrow into the
    first layer crosses a box. Each z sits level with the middle of what feeds
    it, and its activation level with it; a later layer's weights sit just
    above (or below) the activation they multiply, its bias between them.
    """
    nodes = graph.nodes
    layers = max(n.layer for n in nodes.values()) - 1
    units = {
        layer: [name for name, n in nodes.items() if n.kind == "z" and n.layer == layer]
        for layer in range(1, layers + 1)
    }
    parameters = {
        z: [e.source for e in graph.into(z) if nodes[e.source].kind == "parameter"] for zs in units.values() for z in zs
    }
    upper, lower = units[1][: len(units[1]) // 2], units[1][len(units[1]) // 2 :]
    column0 = [p for z in upper for p in parameters[z]] + [n for n, node in nodes.items() if node.kind == "input"]
    column0 += [p for z in lower for p in parameters[z]]
    place = {name: (0, float(r)) for r, name in enumerate(column0)}
    for layer in range(1, layers + 1):
        if layer > 1:
            below = [place[z.replace("z", "a", 1)][1] for z in units[layer - 1]]
            for z in units[layer]:
                for p in parameters[z]:
                    if p.startswith("b"):
                        row = (min(below) + max(below)) / 2
                    else:
                        i = int(p.split("[")[1].split(",")[0])
                        row = below[i] + (-1 if i < len(below) / 2 else 1)
                    place[p] = (2 * layer - 2, row)
        for z in units[layer]:
            feeders = [e.source for e in graph.into(z)]
            row = sum(place[f][1] for f in feeders) / len(feeders)
            place[z] = (2 * layer - 1, row)
            place[z.replace("z", "a", 1)] = (2 * layer, row)
    place["L"] = (2 * layers + 1, place[units[layers][0].replace("z", "a", 1)][1])
    return place


def layout(graph: bp.Graph, path: list[str]) -> tuple[list[Box], list[Arrow], float, float]:
    """Boxes and arrows in SVG coordinates; ``path`` names the nodes to highlight, from a parameter to L."""
    layers = max(node.layer for node in graph.nodes.values()) - 1
    rows = _rows(graph)
    top = min(r for _, r in rows.values())
    pitch = BOX_HEIGHT + ROW_GAP
    place = {
        name: (MARGIN + c * (BOX_WIDTH + COLUMN_GAP), LEGEND + MARGIN + (r - top) * pitch)
        for name, (c, r) in rows.items()
    }
    on_path = set(zip(path, path[1:], strict=False))
    boxes = [
        Box(
            name,
            label(name, layers),
            graph.nodes[name].kind,
            x,
            y,
            plain(graph.nodes[name].value, DIGITS),
            plain(graph.nodes[name].gradient, DIGITS),
            name in path,
        )
        for name, (x, y) in place.items()
    ]
    arrows = []
    for e in graph.edges:
        (sx, sy), (tx, ty) = place[e.source], place[e.target]
        x1, y1, x2, y2 = sx + BOX_WIDTH, sy + BOX_HEIGHT / 2, tx, ty + BOX_HEIGHT / 2
        # The label starts at the tail, just above the arrow: arrows that converge on one box start a row apart.
        arrows.append(
            Arrow(
                x1,
                y1,
                x2,
                y2,
                plain(e.gradient, DIGITS),
                x1 + 4,
                y1 + (y2 - y1) * LABEL_AT - 4,
                (e.source, e.target) in on_path,
            )
        )
    columns = max(c for c, _ in rows.values()) + 1
    width = 2 * MARGIN + columns * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP
    height = LEGEND + 2 * MARGIN + (max(r for _, r in rows.values()) - top) * pitch + BOX_HEIGHT
    return boxes, arrows, width, height


def worked_example_path() -> list[str]:
    """The highlighted path of the chain-rule chapter: from W1[0,0] to the loss."""
    return ["W1[0,0]", "z1[0]", "a1[0]", "z2[0]", "a2[0]", "L"]


def draw(path: Path) -> None:
    network, X, y = bp.worked_example()
    boxes, arrows, width, height = layout(bp.computational_graph(network, X, y), worked_example_path())
    svg = markup.render(
        "computational-graph.svg.j2",
        boxes=boxes,
        arrows=arrows,
        width=width,
        height=height,
        box=(BOX_WIDTH, BOX_HEIGHT),
    )
    Path(path).write_text(svg, encoding="utf-8")
