"""A feature file's prose as untrusted input (``docs/_hooks/prose.py``): values, Markdown, sanitising."""

from __future__ import annotations

import time
from dataclasses import dataclass
from html.parser import HTMLParser

import numpy as np
import pytest

from docs._hooks.prose import TAGS, VALUE_LIMIT, ProseError, relative_url, sanitise, to_html, values_template


@dataclass(frozen=True)
class Record:
    y_hat: float
    W1: np.ndarray
    nodes: dict

    def step_length(self, rate: float) -> float:
        return rate * 2.0


RECORD = Record(0.4158932, np.array([[0.75, 0.5], [-0.25, 1.5]]), {"x[0]": 3, "all": list(range(200))})
render = values_template({"worked": RECORD, "answer": 42})


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("{{ worked.y_hat|num }}", "0.415893"),
        ("{{ worked.W1[0][1]|num }}", "0.5"),
        ("{{ worked.W1[1][0]|plain(2) }}", "-0.25"),
        ('{{ worked.nodes["x[0]"] }}', "3"),
        ("{{ worked.step_length(100)|num(2) }}", "200"),
        ("{{ answer }} and $z < -709$", "42 and $z < -709$"),
        ("no values at all: { not a template }", "no values at all: { not a template }"),
    ],
)
def test_the_values_chapters_use_are_filled_in(text, shown):
    assert render(text) == shown


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{{ "x" * 10**8 }}', "the expression Mul is not allowed"),
        ("{{ answer + 1 }}", "the expression Add is not allowed"),
        ('{{ "a" ~ "b" }}', "the expression Concat is not allowed"),
        ("{{ worked.__class__ }}", "the field '__class__' starts with an underscore"),
        ("{{ cycler.__init__.__globals__.os }}", "the field '__globals__' starts with an underscore"),
        ("{% for i in range(3) %}x{% endfor %}", r"a statement \({% ... %}\) is not allowed"),
        ("{% include '/etc/passwd' %}", r"a statement \({% ... %}\) is not allowed"),
        ("{{ worked.step_length(answer) }}", "a call's arguments must be literal numbers or strings"),
        ("{{ worked.W1[answer] }}", "an index must be a literal number or string"),
        ("{{ worked.y_hat|e }}", "the filter 'e' is not available"),
        ("{{ worked.y_hat|num(100000000) }}", "a number of digits must be a whole number from 1 to 17"),
        ("{{ worked.W1.tofile('x') }}", "the field 'tofile' of a ndarray cannot be read in prose"),
        ("{{ worked.W1.fill(0) }}", "the field 'fill' of a ndarray cannot be read in prose"),
        ("{{ lipsum(1000) }}", "'lipsum' is undefined"),
        ('{{ worked.nodes["all"] }}', f"at most {VALUE_LIMIT} may be placed in prose"),
        ("{{ nothing }}", "'nothing' is undefined; the values a description may quote: worked, answer"),
        ("{{ worked.W1[9] }}", "has no element 9"),
        ("{{ worked.y_hat|num }} {{", r"unexpected 'end of template' \(a template starts with {{ or {%\)"),
    ],
)
def test_anything_but_a_value_is_refused_by_name(text, why, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    with pytest.raises(ProseError, match=why):
        render(text)
    assert time.perf_counter() - started < 1, "refused before any work is done"
    assert list(tmp_path.iterdir()) == [], "no file was written"
    assert RECORD.W1[0, 0] == 0.75, "nothing was changed"


def test_a_layout_build_leaves_a_missing_value_as_written():
    assert values_template({}, strict=False)("a {{ worked.y_hat|num }} b") == "a … b"


PAGES = {"chapters/01-a.md", "chapters/02-b.md", "worked-example.md", "index.md"}


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        ("*emphasis* and `code`", "<p><em>emphasis</em> and <code>code</code></p>"),
        ("math $z < -709$ stays", r'<span class="arithmatex">\(z &lt; -709\)</span>'),
        ("[next](02-b.md#the-rule)", '<a href="../02-b/#the-rule" rel="noopener noreferrer">next</a>'),
        ("[example](../worked-example.md)", '<a href="../../worked-example/" rel="noopener noreferrer">example</a>'),
        ("[home](../index.md)", '<a href="../../" rel="noopener noreferrer">home</a>'),
        ("[web](https://example.org/x)", '<a href="https://example.org/x" rel="noopener noreferrer">web</a>'),
        ("| a | b |\n| - | - |\n| 1 | 2 |", "<td>1</td>"),
    ],
)
def test_markdown_becomes_html_with_links_to_the_sites_pages(markdown, kept):
    assert kept in to_html(markdown, "chapters/01-a.md", PAGES)


@pytest.mark.parametrize(
    ("markdown", "gone"),
    [
        ("<script>alert(1)</script>", ["<script", "alert"]),
        ('<img src="x" onerror="alert(1)">', ["<img", "onerror"]),
        ("A paragraph\n{: onmouseover=alert(1) }", ["<p onmouseover"]),
        ("[click](javascript:alert(1))", ["javascript:"]),
        ("[data](data:text/html;base64,PHNjcmlwdD4=)", ["data:text"]),
        ('<iframe src="https://evil.example/"></iframe>', ["<iframe", "evil.example"]),
        ('<object data="x.swf"></object><embed src="x">', ["<object", "<embed"]),
        ("<style>body{display:none}</style>", ["<style", "display"]),
        ('<svg onload="alert(1)"><circle/></svg>', ["<svg", "onload"]),
        ('<form action="https://evil.example"><input name="q"></form>', ["<form", "<input"]),
        ('<a href="#" onclick="alert(1)" style="color:red">x</a>', ["onclick", "style="]),
        ('<div id="xor-playground" data-x="1">x</div>', ["id=", "data-x"]),
        ("<!-- a comment --> text", ["<!--"]),
        ('--8<-- "constraints.txt"', ["numpy=="]),
        ("Text[^1]\n\n[^1]: <b onmouseover=alert(1)>note</b>", ["onmouseover"]),
    ],
)
def test_markup_that_could_run_or_reach_out_is_removed(markdown, gone):
    html = to_html(markdown, "chapters/01-a.md", PAGES)
    for text in gone:
        assert text not in html, html
    for tag, attributes in _tags(html):
        assert tag in TAGS, html
        assert not any(name.startswith("on") or name in ("style", "id", "src") for name, _ in attributes), html


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    found: list = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Parser().feed(html)
    return found


def test_a_link_to_a_page_the_site_does_not_have_is_refused():
    with pytest.raises(ProseError, match=r"a link to a page the site does not have: 03-c\.md#x"):
        to_html("[gone](03-c.md#x)", "chapters/01-a.md", PAGES)


def test_sanitise_keeps_the_structure_prose_needs():
    html = '<details class="note"><summary>More</summary><ol start="3"><li><strong>x</strong></li></ol></details>'
    assert sanitise(html) == html


@pytest.mark.parametrize(
    ("target", "page", "link"),
    [
        ("chapters/02-b/", "chapters/01-a/", "../02-b/"),
        ("worked-example/", "chapters/01-a/", "../../worked-example/"),
        ("", "chapters/01-a/", "../../"),
        ("chapters/01-a/", "", "chapters/01-a/"),
        ("chapters/01-a.html", "chapters/02-b.html", "01-a.html"),
    ],
)
def test_relative_url(target, page, link):
    assert relative_url(target, page) == link
