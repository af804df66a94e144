"""The browser checks' shared fixtures: the built site served on 127.0.0.1, and Debian's chromium.

``page`` routes every request: one for another host is refused and remembered
in ``outside_requests``, which ``test_no_request_leaves_127_0_0_1`` reads.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from checks.serve import served
from speckit.features import ROOT

SITE = ROOT / "site"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Quiet, offline chromium: no update checks, sync, translation or other calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
]


@pytest.fixture(scope="session")
def server():
    if not (SITE / "index.html").exists():
        pytest.fail("no built site in site/: run `make site` first", pytrace=False)
    with served(SITE) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no chromium at {CHROMIUM}: sudo apt-get install -y chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def outside_requests():
    return []


@pytest.fixture
def page(browser, server, outside_requests):
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # What the page's Content-Security-Policy refused: the site's own pages must need nothing it refuses.
    page.on("console", lambda message: "Content Security Policy" in message.text and errors.append(message.text))
    page.js_errors = errors
    yield page
    context.close()


def _open(page, server, path: str):
    response = page.goto(server + path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    # KaTeX typesets after load (Material's document$); give it the moment it takes.
    # A formula it cannot even delimit stays raw: the checks below then say where.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"() => {_UNTYPESET} === 0", timeout=10_000)
    return page


_UNTYPESET = (
    "[...document.querySelectorAll('.arithmatex')].filter(e => !e.querySelector('.katex, .katex-error')).length"
)
