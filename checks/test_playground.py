"""Browser check of the XOR playground of the chapter Learning XOR: it trains as the package trains.

* For 5 seeds x 2 settings drawn at check time (the seed of the draw is printed; the second trains with
  nudging, as the playground offers), the loss after 1,000 epochs in the page equals the package's ``train``,
  called in-process: to relative 1e-9 with backprop, 1e-7 with nudging (``BOUND`` says why).
* "Sweep seeds 0-99" at the chapter's headline settings (standard-normal weights, zero biases, mean squared
  error, rate 2, 2,500 epochs) counts exactly the seeds the package's ``sweep_xor`` counts.
* The wrong-slope mode, trained for the same epochs, fails that agreement: a wrong widget cannot pass.
* A failed seed of the sweep loads on a click.
* Speed is printed: epochs per second of the 2-2-1 network and the time of the sweep, by ``performance.now()``
  in the page. As a test the check fails only at a tenth of the targets (10,000 epochs/s; the sweep in 5 s):
  a timing is not a test, and this machine is not the reader's.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

import backprop as bp
from backprop.sweeps import sweep_xor
from checks.conftest import _open

CHAPTER = "chapters/05-learning-xor/"
HIDDEN = ("sigmoid", "tanh", "relu")
BOUND = {"backprop": 1e-9, "numerical": 1e-7}
"""Relative agreement of the loss after 1,000 epochs. Backprop: the issue's 1e-9 (8e-16 measured). Nudging:
each nudged gradient carries a round-off of about u |L| / epsilon = 4e-12, which the browser's exp and numpy's
need not share, and 1,000 steps of descent carry it into the loss: up to 1e-9 measured over eleven draws on
2026-11-29 (smooth activations only: see the draw); the bound keeps a factor 100 above that."""


def package_loss(setting: dict, epochs: int) -> float:
    network = bp.init_network((2, int(setting["h"]), 1), seed=int(setting["seed"]), hidden=setting["act"])
    history = bp.train(
        network,
        *bp.xor(),
        epochs=epochs,
        learning_rate=float(setting["rate"]),
        loss=setting["loss"],
        gradient=setting.get("grad", "backprop"),
    )
    return float(history.losses[-1])


def configure(page, setting: dict, wrong: bool = False) -> None:
    for name in ("rate", "h", "act", "loss", "grad"):
        page.locator(f'#xor-playground [data-control="{name}"]').select_option(setting[name])
    page.locator('#xor-playground [data-control="wrong"]').set_checked(wrong)
    seed = page.locator('#xor-playground [data-control="seed"]')
    seed.fill(str(setting["seed"]))
    seed.dispatch_event("change")


def train_in_page(page, epochs: int) -> float:
    page.locator('#xor-playground [data-control="n"]').fill(str(epochs))
    page.locator('#xor-playground [data-action="train"]').click()
    page.wait_for_function(f"document.getElementById('xor-playground').dataset.epoch === '{epochs}'")
    return float(page.locator('#xor-playground [data-key="loss"]').get_attribute("data-value"))


@pytest.fixture
def playground(page, server):
    _open(page, server, CHAPTER)
    page.wait_for_selector("#xor-playground[data-ready]")
    return page


def test_training_in_the_page_equals_the_package_and_a_wrong_slope_does_not(playground, outside_requests, capsys):
    draw = int(time.time())
    rng = np.random.default_rng(draw)
    settings = [
        {
            "rate": str(rng.choice(["0.5", "1", "2"])),
            "h": str(rng.integers(2, 9)),
            # Nudging across relu's kink at 0 jumps between the two slopes on a last-bit difference of z: its
            # training is not reproducible to any bound across two implementations, so nudging draws smooth ones.
            "act": str(rng.choice(HIDDEN if grad == "backprop" else HIDDEN[:2])),
            "loss": str(rng.choice(["mse", "binary_cross_entropy"])),
            "grad": grad,
        }
        for grad in ("backprop", "numerical")
    ]
    seeds = [int(s) for s in rng.choice(100, size=5, replace=False)]
    worst = {"backprop": 0.0, "numerical": 0.0}
    for setting in settings:
        for seed in seeds:
            case = {**setting, "seed": seed}
            configure(playground, case)
            shown, expected = train_in_page(playground, 1000), package_loss(case, 1000)
            gap = abs(shown - expected) / abs(expected)
            bound = BOUND[case["grad"]]
            assert gap <= bound, f"draw {draw}, {case}: page {shown!r}, package {expected!r}"
            worst[case["grad"]] = max(worst[case["grad"]], gap)
    wrong_case = {"rate": "2", "h": "2", "act": "sigmoid", "loss": "mse", "grad": "backprop", "seed": seeds[0]}
    configure(playground, wrong_case, wrong=True)
    wrong_gap = abs(train_in_page(playground, 1000) / package_loss(wrong_case, 1000) - 1)
    with capsys.disabled():
        print(
            f"\nplayground: 10 trainings (draw {draw}: seeds {seeds}, settings {settings}) equal the package's "
            f"after 1,000 epochs to relative {worst['backprop']:.1e} (backprop) and {worst['numerical']:.1e} "
            f"(nudging); the wrong-slope mode is {wrong_gap:.1e} off, as it must be"
        )
    assert wrong_gap > 1e-9, "the wrong-slope mode trained like the package"
    assert outside_requests == [], f"the chapter asked other hosts: {sorted(set(outside_requests))}"


def test_the_sweep_counts_the_packages_seeds_and_a_failed_seed_loads(playground, capsys):
    configure(playground, {"rate": "2", "h": "2", "act": "sigmoid", "loss": "mse", "grad": "backprop", "seed": 0})
    playground.locator('#xor-playground [data-control="cap"]').fill("2500")
    playground.locator('#xor-playground [data-action="sweep"]').click()
    playground.wait_for_selector("#xor-playground[data-sweep-learned]", timeout=120_000)
    root = playground.locator("#xor-playground")
    counted, ms = int(root.get_attribute("data-sweep-learned")), float(root.get_attribute("data-sweep-ms"))
    expected = sweep_xor(range(100), learning_rate=2.0, epochs=2500, tolerance=0.1).solved_count
    speed = float(train_in_page_fresh(playground))
    with capsys.disabled():
        print(
            f"\nplayground: the sweep at the headline settings counts {counted} of 100 (the package: {expected}) "
            f"in {ms / 1000:.2f} s (target 5 s); training runs {speed:,.0f} epochs/s (target 10,000)"
        )
    assert counted == expected
    assert ms < 50_000 and speed > 1_000, "ten times slower than the targets"
    failed = playground.locator("#xor-playground .bdd-playground-failed button").first
    seed = failed.get_attribute("data-seed")
    failed.click()
    assert playground.locator('#xor-playground [data-control="seed"]').input_value() == seed
    assert root.get_attribute("data-epoch") == "0"


def train_in_page_fresh(page) -> float:
    """Epochs per second of the 2-2-1 network, as the page measures 20,000 epochs of training."""
    page.locator('#xor-playground [data-action="reset"]').click()
    train_in_page(page, 20000)
    return float(page.locator("#xor-playground").get_attribute("data-epochs-per-second"))


def test_the_playground_keeps_its_settings_in_the_address_and_fits_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    try:
        _open(page, server, CHAPTER + "#seed=7&rate=0.01&h=3&act=tanh&loss=mse&grad=backprop&cap=2500")
        page.wait_for_selector("#xor-playground[data-ready]")
        assert page.locator('#xor-playground [data-control="seed"]').input_value() == "7"
        assert page.locator('#xor-playground [data-control="rate"]').input_value() == "0.01"
        assert page.locator('#xor-playground [data-control="h"]').input_value() == "3"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # With reduced motion, Play trains a step of epochs on demand instead of animating.
        page.locator('#xor-playground [data-action="play"]').click()
        assert page.locator("#xor-playground").get_attribute("data-epoch") == "100"
    finally:
        context.close()
