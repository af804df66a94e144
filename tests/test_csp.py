"""The Content-Security-Policy of every built page (``docs/_hooks/csp.py``)."""

from __future__ import annotations

import base64
import hashlib

import pytest

from docs._hooks.csp import inline_script_hashes, policy, with_policy

BOOTSTRAP = "__md_scope=new URL('..',location)"
PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    f"<script>{BOOTSTRAP}</script>"
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script src="../assets/javascripts/bundle.js"></script>'
    "</head><body><script>\n  tabs()\n</script></body></html>"
)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_each_inline_script_that_runs_is_allowed_by_its_hash_and_nothing_else_is():
    # The hash is of the exact text between the tags, whitespace included, as the browser computes it.
    assert inline_script_hashes(PAGE) == [sha256(BOOTSTRAP), sha256("\n  tabs()\n")]


def test_the_policy_keeps_everything_on_the_site():
    rules = dict(rule.strip().split(" ", 1) for rule in policy(PAGE).split(";"))
    assert rules["script-src"] == f"'self' {sha256(BOOTSTRAP)} {sha256(chr(10) + '  tabs()' + chr(10))}"
    assert "'unsafe-inline'" not in rules["script-src"] and "'unsafe-eval'" not in rules["script-src"]
    assert rules["default-src"] == rules["connect-src"] == rules["worker-src"] == "'self'"
    assert rules["object-src"] == "'none'"
    # KaTeX writes style attributes: styles may be inline, scripts may not.
    assert rules["style-src"] == "'self' 'unsafe-inline'"


def test_the_policy_comes_before_any_script():
    page = with_policy(PAGE)
    meta = page.index('<meta http-equiv="Content-Security-Policy"')
    assert page.index('<meta charset="utf-8">') < meta < page.index("<script")


def test_a_page_without_head_is_refused():
    with pytest.raises(ValueError, match="without <head>"):
        with_policy("<p>no head</p>")
