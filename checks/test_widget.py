"""Browser check of the widget "Nudge it yourself": the page computes what the package computes.

The widget's numbers are computed in the page by ``docs/assets/javascripts/backprop.js``, the one place where
the site's numbers are not the package's. So this check draws parameter settings at check time (the worked
example, random ones, saturated ones with |z| > 30; the seed is printed), types each into the page, reads
every value the page shows from its ``data-value`` attribute and compares it with the package, called
in-process:

* forward values, the loss and the backprop gradients: relative 1e-12 (of the largest value of the same kind
  when that is larger: a sum that cancels keeps only its terms' absolute accuracy);
* nudged estimates at epsilon >= 1e-4: relative 1e-9, or the round-off bound below when that is larger (a
  small gradient); below 1e-4, absolute 8 u |L| / epsilon (u = 2.2e-16), because a browser's exp and
  summation order need not match numpy's last bit and round-off grows as epsilon shrinks. |L| there is the
  loss's round-off scale (``package_values``): |L| plus each intermediate value times its sensitivity;
* a value that is exactly 0: an absolute floor of 1e-15.

The wrong-slope mode is read by the same comparison, and must fail it: a wrong widget cannot pass.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

import backprop as bp
from checks.conftest import _open

U = 2.2e-16
XOR_ROWS = bp.xor()
EPSILONS = ["1e-1", "1e-2", "1e-3", "1e-4", "1e-5", "1e-6", "1e-7", "1e-8", "1e-9", "1e-10", "1e-11", "1e-12"]
SETTINGS = 24


def draw_settings(seed: int) -> list[dict]:
    """The worked example, then random and saturated settings: parameters, row ("all" or 0-3), epsilon."""
    rng = np.random.default_rng(seed)
    names = bp.init_network((2, 2, 1)).element_names()
    out = [{"params": dict(bp.WORKED_PARAMETERS), "row": "3", "eps": "1e-5"}]
    while len(out) < SETTINGS:
        params = {n: float(rng.normal(0, 2)) for n in names}
        row = str(rng.choice(["0", "1", "2", "3", "all"]))
        if len(out) % 4 == 0:
            # Saturated: a hidden unit with |z| > 30 on a row where both inputs are 1.
            params[str(rng.choice(["W1[0,0]", "W1[1,1]"]))] = float(rng.choice([-1, 1]) * rng.uniform(35, 60))
            row = "3"
        out.append({"params": params, "row": row, "eps": str(rng.choice(EPSILONS))})
    return out


def package_values(setting: dict) -> tuple[dict, float]:
    """What the page should show for ``setting``, by the package; and the loss's round-off scale.

    The scale is |L| plus, for every z and a of the forward pass, |value| * |dL/d(value)|: rounding a value by
    a relative u moves the loss by about u times that. It, not |L| alone, bounds how far two implementations'
    losses can differ (a small loss from an output close to its target is much more sensitive than |L| says:
    a run on 2026-11-29 at epsilon 1e-12 differed by four times 8 u |L| / epsilon).
    """
    network = bp.init_network((2, 2, 1), init="zeros")
    for name, value in setting["params"].items():
        network[name] = value
    X, y = XOR_ROWS
    if setting["row"] != "all":
        X, y = X[[int(setting["row"])]], y[[int(setting["row"])]]
    eps = float(setting["eps"])
    _, cache = bp.forward_prop(network, X)
    loss = float(bp.compute_loss(network, X, y))
    g = bp.backward_prop(network, X, y)
    forward = bp.numerical_gradient(network, X, y, epsilon=eps, method="forward")
    central = bp.numerical_gradient(network, X, y, epsilon=eps, method="central")
    values = {"loss": loss}
    z1, z2 = cache.z[1], cache.z[2]
    assert z1 is not None and z2 is not None, "a 2-layer network's cache has z[1] and z[2]"
    for n in range(len(X)):
        for j in range(2):
            values[f"z1,{n},{j}"], values[f"a1,{n},{j}"] = float(z1[n, j]), float(cache.a[1][n, j])
        values[f"z2,{n},0"], values[f"a2,{n},0"] = float(z2[n, 0]), float(cache.a[2][n, 0])
    for name in network.element_names():
        values[f"grad:{name}"], values[f"fwd:{name}"], values[f"cen:{name}"] = g[name], forward[name], central[name]
    delta1, delta2 = g.delta[1], g.delta[2]
    assert delta1 is not None and delta2 is not None, "backward_prop gives delta[1] and delta[2]"
    dL_da1, dL_da2 = bp.activation_gradient(network, g, 1), 2 * (cache.a[2] - y) / len(X)
    sensitivity = np.abs(z1 * delta1) + np.abs(cache.a[1] * dL_da1), np.abs(z2 * delta2) + np.abs(cache.a[2] * dL_da2)
    return values, abs(loss) + float(sum(np.sum(s) for s in sensitivity))


def kind(key: str) -> str:
    """``grad``, ``fwd``, ``cen``, ``z1``, ``a1``, ``z2``, ``a2`` or ``loss``: the quantity a shown value is."""
    return key.split(":")[0] if ":" in key else key.split(",")[0]


def tolerance(key: str, expected: float, eps: float, roundoff_scale: float, scale: float) -> float:
    """How far the page may be from the package on one value; ``scale`` is the largest value of its kind."""
    if kind(key) in ("fwd", "cen"):
        # The round-off bound holds at every epsilon: at 1e-4 a gradient of 4e-4 is within 1e-9 of itself only to
        # 4e-13, less than one unit in the last place of L divided by epsilon (a run on 2026-11-29 differed by that).
        roundoff = 8 * U * roundoff_scale / eps
        return max(1e-9 * abs(expected), roundoff) if eps >= 1e-4 else roundoff
    # Relative 1e-12 of the value, or of the largest value of its kind when that is larger: a sum that cancels
    # (a small gradient summed over the rows, a z near 0) keeps only the absolute accuracy of its terms (a run on
    # 2026-11-29 showed 9.6e-13 relative on such a gradient).
    return max(1e-12 * max(abs(expected), scale), 1e-15)


def differences(
    shown: dict, setting: dict, expected: dict, roundoff_scale: float
) -> list[tuple[str, float, float, float]]:
    """(key, shown, expected, tolerance) for every value outside its tolerance; ``expected`` and
    ``roundoff_scale`` are the package's, from ``package_values(setting)``."""
    missing = set(expected) - set(shown)
    assert not missing, f"the page does not show {sorted(missing)}"
    scale: dict[str, float] = {}
    for key, value in expected.items():
        scale[kind(key)] = max(scale.get(kind(key), 0.0), abs(value))
    out = []
    for key, value in expected.items():
        bound = tolerance(key, value, float(setting["eps"]), roundoff_scale, scale[kind(key)])
        if abs(shown[key] - value) > bound:
            out.append((key, shown[key], value, bound))
    return out


def type_setting(page, setting: dict, wrong: bool = False) -> dict:
    """Type a setting into the widget like a reader (inputs, selects, checkbox) and read what it shows."""
    before = page.locator("#nudge-widget").get_attribute("data-ready")
    for name, value in setting["params"].items():
        page.locator(f'[data-param="{name}"]').fill(repr(float(value)))
    page.locator('[data-control="row"]').select_option(setting["row"])
    page.locator('[data-control="eps"]').select_option(setting["eps"])
    page.locator('[data-control="wrong"]').set_checked(wrong)
    page.wait_for_function(f"document.getElementById('nudge-widget').getAttribute('data-ready') !== '{before}'")
    shown = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('#nudge-widget [data-key]')]"
        ".map(e => [e.dataset.key, Number(e.dataset.value)]))"
    )
    return {k: v for k, v in shown.items() if not k.startswith("err-")}


@pytest.fixture
def widget(page, server):
    """The widget's page, opened through the guarded ``page`` (a request to another host is refused and recorded)."""
    _open(page, server, "nudge-it-yourself/")
    page.wait_for_selector("#nudge-widget[data-ready]")
    return page


def test_the_widget_computes_what_the_package_computes_and_a_wrong_slope_fails(widget, outside_requests, capsys):
    seed = int(time.time())
    settings = draw_settings(seed)
    worst: dict[str, float] = {}
    saturated = 0
    for setting in settings:
        shown = type_setting(widget, setting)
        expected, roundoff_scale = package_values(setting)
        bad = differences(shown, setting, expected, roundoff_scale)
        assert not bad, f"seed {seed}, setting {setting}: {bad[:5]}"
        saturated += any(abs(v) > 30 for k, v in expected.items() if kind(k) in ("z1", "z2"))
        for key, value in expected.items():
            label = kind(key) if kind(key) in ("grad", "fwd", "cen") else "forward values and loss"
            gap = abs(shown[key] - value) / abs(value) if value else abs(shown[key])
            worst[label] = max(worst.get(label, 0.0), gap)
    wrong = type_setting(widget, settings[0], wrong=True)
    caught = differences(wrong, settings[0], *package_values(settings[0]))
    with capsys.disabled():
        print(
            f"\nwidget: {len(settings)} settings (seed {seed}, {saturated} with |z| > 30) agree with the package; "
            "largest relative differences: " + ", ".join(f"{k} {v:.1e}" for k, v in sorted(worst.items()))
        )
        print(f"widget: the wrong-slope mode differs from the package in {len(caught)} values, as it must")
    assert saturated >= 4
    assert any(k.startswith("grad:") for k, *_ in caught), "the wrong-slope mode passed the comparison"
    assert outside_requests == [], f"the widget's page asked other hosts: {sorted(set(outside_requests))}"


def test_the_widget_keeps_its_setting_in_the_address_and_resets(widget):
    widget.locator('[data-param="W1[0,0]"]').fill("2.5")
    widget.locator('[data-control="eps"]').select_option("1e-8")
    widget.wait_for_function("location.hash.includes('eps=1e-8')")
    url = widget.url
    widget.goto(url)
    widget.reload()
    widget.wait_for_selector("#nudge-widget[data-ready]")
    assert widget.locator('[data-param="W1[0,0]"]').input_value() == "2.5"
    assert widget.locator('[data-control="eps"]').input_value() == "1e-8"
    widget.locator('[data-control="reset"]').click()
    assert widget.locator('[data-param="W1[0,0]"]').input_value() == "0.75"
    assert widget.locator('[data-control="eps"]').input_value() == "1e-5"


def test_the_widget_is_usable_on_a_phone_with_the_parameter_names_in_view(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        _open(page, server, "nudge-it-yourself/")
        page.wait_for_selector("#nudge-widget[data-ready]")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        scroller = page.locator(".bdd-widget-scroll").filter(has=page.locator(".bdd-widget-gradients"))
        first = page.locator(".bdd-widget-gradients tbody th").first
        left = first.bounding_box()["x"]
        scroller.evaluate("s => { s.scrollLeft = s.scrollWidth; }")
        assert abs(first.bounding_box()["x"] - left) < 1, "the parameter's name scrolls away with the numbers"
        # Keyboard: tab reaches the first control, and a parameter input takes a typed value.
        page.locator('[data-control="row"]').focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.control") == "eps"
    finally:
        context.close()
