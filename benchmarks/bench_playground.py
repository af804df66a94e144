"""(e) The XOR playground in a browser: epochs per second, and the 100-seed sweep's time.

The playground of the chapter Learning XOR trains in the reader's browser with
``docs/assets/javascripts/backprop.js``. This opens the built site (``site/``,
from ``make site``) in headless chromium, as ``make check-site`` does, and reads
what the page measures with ``performance.now()``: 20,000 epochs of the 2-2-1
network, and "Sweep seeds 0-99" at the chapter's settings (rate 2, 2,500
epochs). ``make check-site`` fails only at a tenth of these targets; here they
are the bars.

Bars: at least 10,000 epochs/s; the sweep in under 5 s. Not measured (not a
failure) without a built site or without chromium.
"""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.common import ROOT, Table

EPOCHS_PER_SECOND = 10_000
SWEEP_SECONDS = 5.0
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def measure(site: Path) -> tuple[float, float]:
    """(epochs per second, sweep seconds) as the playground measures them in headless chromium."""
    from playwright.sync_api import sync_playwright

    from checks.serve import served

    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(base + "chapters/05-learning-xor/#seed=0&rate=2&h=2&act=sigmoid&loss=mse&grad=backprop&cap=2500")
        page.wait_for_selector("#xor-playground[data-ready]")
        page.locator('#xor-playground [data-control="n"]').fill("20000")
        page.locator('#xor-playground [data-action="train"]').click()
        page.wait_for_function("document.getElementById('xor-playground').dataset.epoch === '20000'")
        rate = float(page.locator("#xor-playground").get_attribute("data-epochs-per-second") or "nan")
        page.locator('#xor-playground [data-action="sweep"]').click()
        page.wait_for_selector("#xor-playground[data-sweep-ms]", timeout=300_000)
        sweep = float(page.locator("#xor-playground").get_attribute("data-sweep-ms") or "nan") / 1000
        browser.close()
    return rate, sweep


def run(repeats: int = 1) -> Table:
    table = Table(
        "XOR playground in the browser (chromium, headless)",
        ["measurement", "measured", "target"],
    )
    site = ROOT / "site"
    if not (site / "chapters" / "05-learning-xor" / "index.html").exists() or not Path(CHROMIUM).exists():
        table.notes.append("Not measured: it needs the built site (`make site`) and Debian's chromium.")
        table.add_bar(f"at least {EPOCHS_PER_SECOND:,} epochs/s and the sweep in under {SWEEP_SECONDS:g} s", None)
        return table
    rate, sweep = max((measure(site) for _ in range(repeats)), key=lambda m: m[0])
    table.rows += [
        ["training the 2-2-1 network, epochs/s", f"{rate:,.0f}", f"≥ {EPOCHS_PER_SECOND:,}"],
        ["sweep of seeds 0-99, 2,500 epochs each, s", f"{sweep:.2f}", f"< {SWEEP_SECONDS:g}"],
    ]
    table.add_bar(f"at least {EPOCHS_PER_SECOND:,} epochs/s", rate >= EPOCHS_PER_SECOND)
    table.add_bar(f"the sweep in under {SWEEP_SECONDS:g} s", sweep < SWEEP_SECONDS)
    table.notes.append("Measured by the page itself (`performance.now()`), on the machine named above.")
    return table
