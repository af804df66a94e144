"""The author's loop in a browser: ``mkdocs serve`` on a scratch copy, a feature file saved, its result shown.

A scratch specification (``speckit.authoring.scratch_specification``, in a
temporary folder) is served as ``make docs`` serves the project: MkDocs with
the project's configuration, its features folder the scratch one
(``BACKPROP_FEATURES``) and its results the scratch run's. The check saves a
new feature file, with a claim that holds, and waits in chromium for the
page to reload showing it passed; then saves a false claim and waits for it
to show as failed, with the measured value and the short message. The time
from each save to the page is printed, not asserted (machines differ; the
target, 5 s, and its bar, 10 s, are in ``make bench``'s report). A save that
does not parse shows the parser's message on its chapter.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from speckit.authoring import scratch_specification, write_scratch_file
from speckit.features import ROOT

WAIT = 60
"""Seconds a check waits for a result on the page before it fails (a generous bound: the bar is 10 s)."""

HOLDS = """Feature: Saved while served
  Scenario: The guide's network has nine parameters
    Given the guide's 2-2-1 network with seed 0
    Then the number of parameters is exactly 9
"""
FALSE = HOLDS.replace("exactly 9", "exactly 10")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A scratch specification served by ``mkdocs serve`` (with re-runs on save): (its folder, its URL)."""
    scratch = scratch_specification(tmp_path_factory.mktemp("served") / "spec")
    write_scratch_file(scratch, "features/01-first.feature", HOLDS.replace("Saved while served", "First"))
    port = _free_port()
    env = {
        **os.environ,
        "BACKPROP_FEATURES": str(scratch / "features"),
        "BACKPROP_RESULTS": str(scratch / "results" / "last-run.json"),
        "NO_MKDOCS_2_WARNING": "1",
    }
    env.pop("BACKPROP_SERVE", None)
    log = (scratch.parent / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 300  # the first build computes the site (a cold cache: a minute here)
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base, timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"mkdocs serve stopped: {(scratch.parent / 'serve.log').read_text()[-2000:]}")
                time.sleep(0.5)
        else:
            pytest.fail("mkdocs serve did not answer within 300 s")
        yield scratch, base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _save_and_wait(page, scratch: Path, base: str, name: str, text: str, selector: str) -> float:
    """Save ``text`` as the feature file ``name``, then watch its chapter until ``selector`` shows on it;
    the seconds from the save. The served page reloads itself after a rebuild (MkDocs' live reload); a
    chapter that did not exist yet is opened again every second until it does."""
    url = base + f"chapters/{Path(name).stem}/"
    page.goto(url, wait_until="load")
    saved = time.monotonic()
    write_scratch_file(scratch, f"features/{name}", text)
    opened = saved
    while time.monotonic() < saved + WAIT:
        try:
            if page.locator(selector).count():
                return time.monotonic() - saved
            if time.monotonic() - opened > 1 and page.locator(".bdd-summary").count() == 0:
                page.goto(url, wait_until="load")  # a 404 page has no live reload
                opened = time.monotonic()
        except Exception:  # noqa: BLE001 (the live reload may be replacing the page at that moment)
            pass
        page.wait_for_timeout(100)
    log = (scratch.parent / "serve.log").read_text()
    pytest.fail(f"{name}: {selector} not shown {WAIT} s after the save; the server said: {log[-1500:]}")


def test_a_new_feature_file_shows_its_result_on_its_page_once_saved(browser, served):
    scratch, base = served
    page = browser.new_page()
    seconds = _save_and_wait(page, scratch, base, "02-saved.feature", HOLDS, ".bdd-summary .bdd-passed")
    assert page.locator(".bdd-evidence-passed .bdd-claim").first.inner_text() == (
        "The guide's network has nine parameters"
    )
    print(f"serve: a new feature file's result was on its page {seconds:.1f} s after the save (target 5 s)")
    page.close()


def test_a_false_claim_shows_as_failed_with_the_measured_value_once_saved(browser, served):
    scratch, base = served
    page = browser.new_page()
    seconds = _save_and_wait(page, scratch, base, "01-first.feature", FALSE, ".bdd-summary .bdd-failed")
    failure = page.locator(".bdd-evidence-failed .admonition.failure").first.inner_text()
    assert "the number of parameters is 9, not exactly 10" in failure, failure
    # The other chapter keeps its result: the run of one file merged into the last run.
    page.goto(base + "chapters/02-saved/", wait_until="load")
    assert page.locator(".bdd-summary .bdd-passed").count() == 1
    print(f"serve: a false claim showed as failed {seconds:.1f} s after the save")
    page.close()


def test_a_saved_file_that_does_not_parse_shows_the_parsers_message_on_its_chapter(browser, served):
    scratch, base = served
    page = browser.new_page()
    broken = HOLDS + "    This line is not Gherkin\n"
    _save_and_wait(page, scratch, base, "03-broken.feature", broken, "text=Malformed feature file")
    assert "got 'This line is not Gherkin'" in page.locator("article").inner_text()
    page.goto(base + "chapters/02-saved/", wait_until="load")
    assert page.locator(".bdd-summary .bdd-passed").count() == 1, "the rest of the site is served as before"
    page.close()
