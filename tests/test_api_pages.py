"""The API pages and a chapter's links to what its steps call (``docs/_hooks/api.py``)."""

from __future__ import annotations

from docs._hooks import api
from speckit.catalog import step_definitions


def _definition(pattern: str):
    return next(d for d in step_definitions() if d.pattern == pattern)


def test_a_step_links_to_the_package_functions_its_body_calls_in_order():
    check = _definition("I check the gradient with the {method:Word} difference and epsilon {epsilon:Number}")
    assert "gradient_check" in api.called(check)
    links = api.links([check])
    assert [link.label for link in links][:1] == [f"backprop.{api.called(check)[0]}"]
    assert all(link.url.startswith("../api/") and "#backprop." in link.url for link in links)


def test_every_public_module_has_a_page_rendered_by_mkdocstrings():
    pages = api.pages()
    assert "api/network.md" in pages and not any("/_" in page for page in pages)
    assert "::: backprop.network\n" in pages["api/network.md"] and "boost: 0.5" in pages["api/network.md"]
