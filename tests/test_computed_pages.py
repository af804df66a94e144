"""The site's computed parts: the worked example, the errata, the figures' plotting.

The site build runs every experiment (about ten seconds); these tests check the
pieces that can be checked quickly, against independent computations:

* the worked example's numbers against the formulas evaluated with ``math``;
* the network diagram's labels against ``Network.element_names()``, in the SVG;
* the two plotting functions of ``backprop xor --plot`` write valid, reproducible SVG.

The errata page's text is checked on a smaller seed sweep than the site's.
"""

from __future__ import annotations

import functools
import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import backprop as bp
import backprop.sweeps
from backprop import plots
from backprop.data import WORKED_INPUT, WORKED_PARAMETERS, WORKED_TARGET
from docs._hooks import experiments, figures, gallery, graph_figure, links, page_errata, page_worked_example, settings
from docs._hooks.formatting import number

HOOKS = Path(__file__).resolve().parents[1] / "docs" / "_hooks"


def plain(x: float, digits: int = 2) -> str:
    return number(x, digits, "text")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _by_hand():
    """The worked example with plain floats and ``math``: forward, MSE without 1/2, backward."""
    p, x, t = WORKED_PARAMETERS, WORKED_INPUT, WORKED_TARGET[0]
    z1 = [x[0] * p[f"W1[0,{j}]"] + x[1] * p[f"W1[1,{j}]"] + p[f"b1[{j}]"] for j in range(2)]
    a1 = [_sigmoid(z) for z in z1]
    z2 = a1[0] * p["W2[0,0]"] + a1[1] * p["W2[1,0]"] + p["b2[0]"]
    y_hat = _sigmoid(z2)
    d2 = 2 * (y_hat - t) * y_hat * (1 - y_hat)
    d1 = [d2 * p[f"W2[{j},0]"] * a1[j] * (1 - a1[j]) for j in range(2)]
    return {
        "z1": z1,
        "a1": a1,
        "z2": z2,
        "y_hat": y_hat,
        "loss": (y_hat - t) ** 2,
        "d2": d2,
        "d1": d1,
        "dW2": [a1[j] * d2 for j in range(2)],
        "dW1": [[x[i] * d1[j] for j in range(2)] for i in range(2)],
    }


def test_worked_example_numbers_follow_the_formulas():
    ex, hand = experiments.worked_example(), _by_hand()
    close = lambda a, b: np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)  # noqa: E731
    close(ex.cache.z[1][0], hand["z1"])
    close(ex.cache.a[1][0], hand["a1"])
    close(ex.cache.z[2][0, 0], hand["z2"])
    close(ex.cache.a[2][0, 0], hand["y_hat"])
    close(ex.loss, hand["loss"])
    close(ex.gradients.delta[2][0, 0], hand["d2"])
    close(ex.gradients.delta[1][0], hand["d1"])
    close(ex.gradients.dW[1][:, 0], hand["dW2"])
    close(ex.gradients.db[1][0], hand["d2"])
    close(ex.gradients.dW[0], hand["dW1"])
    close(ex.gradients.db[0], hand["d1"])


def test_worked_example_page_shows_every_intermediate_number():
    page = page_worked_example.render()
    hand = _by_hand()
    values = [
        *hand["z1"],
        *hand["a1"],
        hand["z2"],
        hand["y_hat"],
        hand["loss"],
        hand["d2"],
        *hand["d1"],
        *hand["dW2"],
        *np.ravel(hand["dW1"]),
    ]
    missing = [v for v in values if number(v, 6, "latex") not in page]
    assert not missing, f"the page does not show {missing}"
    for name, value in WORKED_PARAMETERS.items():
        assert f"| `{name}` | {value:g} |" in page
    # Formulas sit in $$ blocks that KaTeX can read: balanced braces, no Markdown pipes inside.
    for block in re.findall(r"\$\$\n(.*?)\n\$\$", page, flags=re.S):
        assert block.count("{") == block.count("}"), block
        assert "|" not in block, block


def test_chapter_links_point_to_feature_files():
    link = links.chapter("xor")
    target = re.fullmatch(r"\[(.+)\]\(chapters/(.+)\.md\)", link)
    assert target is not None, link
    assert (settings.FEATURES / f"{target.group(2)}.feature").exists()
    assert target.group(1) == "Learning XOR"


def test_figures_are_declared_for_pages_that_exist():
    names = [f.filename for f in gallery.FIGURES]
    assert len(set(names)) == len(names)
    assert all(n.endswith(".svg") for n in names)
    for figure in gallery.FIGURES:
        page = settings.FEATURES / f"{figure.chapter}.feature"
        assert page.exists() or (HOOKS.parent / f"{figure.chapter}.md").exists(), figure.chapter


def test_diagram_labels_are_the_parameter_names(tmp_path):
    for sizes in ((2, 2, 1), (3, 2, 2)):
        network = bp.init_network(sizes)
        path = tmp_path / f"net-{len(sizes)}.svg"
        drawn = figures.plot_network_diagram(network, path)
        assert drawn == network.element_names()
        in_file = re.findall(r'id="param:([^"]+)"', path.read_text(encoding="utf-8"))
        assert in_file == network.element_names()


def test_diagram_caption_names_every_parameter():
    caption = gallery.FIGURES[0].caption
    assert gallery.FIGURES[0].chapter == "notation"
    for name in bp.init_network((2, 2, 1)).element_names():
        assert name in caption


def _valid_svg(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(list(root.iter())) > 50, "an SVG with almost nothing drawn"
    return root


def test_cli_loss_curves_write_reproducible_svg(tmp_path):
    X, y = bp.xor()
    history = bp.train(bp.init_network(seed=0), X, y, epochs=200, learning_rate=1.0)
    curves = {"learning rate 1": history.losses, "twice the loss": 2 * history.losses}
    first = plots.plot_loss_curves(curves, tmp_path / "a.svg", title="XOR")
    second = plots.plot_loss_curves(curves, tmp_path / "b.svg", title="XOR")
    _valid_svg(first)
    assert first.read_bytes() == second.read_bytes(), "same data, different files: the SVG is not reproducible"
    assert b"<dc:date>" not in first.read_bytes()
    with pytest.raises(ValueError, match="curves must hold at least one"):
        plots.plot_loss_curves({}, tmp_path / "c.svg")
    with pytest.raises(ValueError, match=r"\.svg, \.png or \.pdf.*'loss.txt'"):
        plots.plot_loss_curves(curves, tmp_path / "loss.txt")


def test_cli_decision_boundary_writes_svg(tmp_path):
    X, y = bp.xor()
    network = bp.init_network(seed=0)
    bp.train(network, X, y, epochs=50, learning_rate=1.0)
    path = plots.plot_decision_boundary(network, X, y, tmp_path / "boundary.svg", title="seed 0")
    _valid_svg(path)
    with pytest.raises(ValueError, match="single network, not a stack"):
        plots.plot_decision_boundary(bp.init_stack([0, 1]), X, y, tmp_path / "stack.svg")
    with pytest.raises(ValueError, match="2 inputs"):
        plots.plot_decision_boundary(bp.init_network((3, 2, 1)), np.zeros((2, 3)), [0, 1], tmp_path / "x.svg")


def test_epsilon_caption_reports_the_guides_two_epsilons():
    figure = next(f for f in gallery.FIGURES if f.filename == "epsilon-error.svg")
    caption = figure.caption
    for epsilon in (settings.GUIDE_EPSILON_TEXT, settings.GUIDE_EPSILON_CODE):
        assert f"ε = {plain(epsilon)}" in caption
        assert plain(experiments.epsilon_error(epsilon, "forward")) in caption
        assert plain(experiments.epsilon_error(epsilon, "central")) in caption


def test_errata_page_reports_the_sweeps_and_the_real_xor_table(monkeypatch):
    # The site sweeps 100 seeds for 10,000 epochs (seconds); the page's wording and tables are
    # the same for a smaller sweep, and chapter 05's scenarios check the full one's claims.
    monkeypatch.setattr(settings, "SWEEP_SEEDS", range(20))
    monkeypatch.setattr(settings, "SWEEP_EPOCHS", 3000)
    small = functools.cache(lambda rate: backprop.sweeps.sweep_xor(range(20), learning_rate=rate, epochs=3000))
    monkeypatch.setattr(page_errata, "sweep", small)
    errata = page_errata.render()
    for a, b, out in bp.XOR_TRUTH_TABLE:
        assert f"| {a} | {b} | {out} |" in errata
    for rate in settings.SWEEP_RATES:
        s = small(rate)
        assert f"| {rate:g}" in errata and f"| {s.solved_count} of 20 |" in errata
    assert "from each of 20 seeds (0–19) for 3,000 epochs" in " ".join(errata.split())
    assert f"`epsilon = {settings.GUIDE_EPSILON_CODE:.5f}`" in errata and "0.00001" in errata
    assert "corrected, executable retelling" in errata
    for stem in re.findall(r"\]\(chapters/([^)]+)\.md\)", errata):
        assert (settings.FEATURES / f"{stem}.feature").exists(), stem
    # Each erratum quotes the original's lines, read from the committed copy, and links to them.
    original = page_errata.original_lines()
    for erratum in page_errata.ERRATA:
        assert f'id="{erratum.anchor}"' in errata or f"#{erratum.anchor}" in errata
        for line in erratum.lines:
            assert f"original.md#L{line}" in errata
            assert original[line - 1].strip()[:40].replace("<", "&lt;") in errata


@pytest.fixture
def fresh_experiments(monkeypatch):
    """Empty every cached experiment before and after (settings are patched in between), and keep the build's
    disk cache out of it: its key is the source, not the settings a test patches."""
    monkeypatch.setenv("BACKPROP_NO_CACHE", "1")
    cached = [f for f in vars(experiments).values() if hasattr(f, "cache_clear")]
    for f in cached:
        f.cache_clear()
    yield
    for f in cached:
        f.cache_clear()


@pytest.mark.slow
def test_every_figure_builds_on_small_settings(tmp_path, monkeypatch, fresh_experiments):
    # The site's settings take ~10 s; the same code on small ones proves every figure draws
    # and every caption fills in. (`make site` and `make check-site` build the real ones.)
    monkeypatch.setattr(settings, "SWEEP_SEEDS", range(8))
    monkeypatch.setattr(settings, "SWEEP_EPOCHS", 2500)
    monkeypatch.setattr(settings, "CURVE_RATES", (settings.GUIDE_LEARNING_RATE, settings.GOOD_LEARNING_RATE))
    monkeypatch.setattr(settings, "EPSILONS", np.logspace(-9, -1, 9))
    for figure in gallery.FIGURES:
        figure.draw(tmp_path / figure.filename)
        _valid_svg(tmp_path / figure.filename)
    captions = {f.filename: f.caption for f in gallery.FIGURES}
    learned, stuck = experiments.learned_and_stuck()
    assert f"seed {learned}, the first of seeds 0–7 to learn XOR" in captions["xor-decision-boundaries.svg"]
    assert f"Right: seed {stuck}" in captions["xor-decision-boundaries.svg"]
    cost = experiments.gradient_cost()
    assert list(cost.numerical_forward) == [p + 1 for p in cost.parameters]
    assert f"at P = {cost.parameters[-1]}: {cost.parameters[-1] + 1})" in captions["gradient-cost.svg"]
    assert "Right: time measured by make bench on " in captions["gradient-cost.svg"]


def test_the_computational_graph_has_every_node_once_no_box_over_another_and_arrows_left_to_right(tmp_path):
    network, X, y = bp.worked_example()
    graph = bp.computational_graph(network, X, y)
    boxes, arrows, width, height = graph_figure.layout(graph, graph_figure.worked_example_path())
    assert sorted(b.name for b in boxes) == sorted(graph.nodes)
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.y >= 0, a.name
        assert a.x + graph_figure.BOX_WIDTH <= width and a.y + graph_figure.BOX_HEIGHT <= height, a.name
        for b in boxes[i + 1 :]:
            apart_x = abs(a.x - b.x) >= graph_figure.BOX_WIDTH
            apart_y = abs(a.y - b.y) >= graph_figure.BOX_HEIGHT
            assert apart_x or apart_y, (a.name, b.name)
    assert len(arrows) == len(graph.edges) and all(a.x2 > a.x1 for a in arrows)
    assert {b.name for b in boxes if b.highlight} == set(graph_figure.worked_example_path())
    assert sum(a.highlight for a in arrows) == len(graph_figure.worked_example_path()) - 1
    shown = {b.name: (b.value, b.gradient) for b in boxes}
    assert shown["x[0]"] == (number(1.0), number(graph.nodes["x[0]"].gradient))
    assert shown["L"] == (number(graph.nodes["L"].value), "1")
    path = tmp_path / "graph.svg"
    graph_figure.draw(path)
    _valid_svg(path)
    assert "ŷ" in path.read_text(encoding="utf-8") and "W⁽¹⁾₀₀" in path.read_text(encoding="utf-8")


def test_the_cost_figure_draws_make_benchs_times_and_says_when_and_where(tmp_path, monkeypatch, fresh_experiments):
    run = {
        "date": "2026-01-02 03:04 UTC",
        "machine": "A test CPU, 2 logical cores, load average 1 1 1 at the start",
        "gradient_cost": {
            "n": [2, 3, 2],
            "batch": [4, 4, 64],
            "backprop_seconds": [2e-5, 3e-5, 9.0],
            "numerical_seconds": [4e-4, 9e-4, 9.0],
            "how": "medians of 3 repeats",
        },
    }
    monkeypatch.setattr(settings, "BENCHMARKS", tmp_path / "last-run.json")
    with pytest.raises(experiments.NotMeasured, match=r"no gradient-cost measurements in .*last-run.json.*make bench"):
        experiments.gradient_cost()
    (tmp_path / "last-run.json").write_text(json.dumps(run), encoding="utf-8")
    experiments.gradient_cost.cache_clear()
    cost = experiments.gradient_cost()
    # Only the rows of the figure's batch; the passes are counted here, the seconds are the benchmark's.
    assert list(cost.widths) == [2, 3] and list(cost.parameters) == [9, 16]
    assert list(cost.numerical_forward) == [10, 17] and list(cost.backprop_backward) == [1, 1]
    assert list(cost.numerical_seconds) == [4e-4, 9e-4]
    assert cost.measured == "by make bench on 2026-01-02 03:04 UTC, A test CPU, 2 logical cores; medians of 3 repeats."
