"""Steps of the chapter "What a feature file can and cannot do": hostile feature files, built and refused.

The hostile files live in a scratch specification (``writing_steps``: the
fixture ``scratch``); ``When the scratch site is built`` builds the site of
that folder alone (``BACKPROP_FEATURES``) with MkDocs, without the computed
pages, into the scratch folder. Not strictly: the project's own pages link to
chapters the scratch folder does not have. What the build warns about, which
``make site`` (strict) stops on, is in its log. The checks read the built HTML as a
browser would receive it; ``make check-site`` also opens such a site in
chromium (``checks/test_hostile.py``).
"""

from __future__ import annotations

import re
import shlex
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest
from pytest_bdd import given, then, when

from speckit.authoring import ScratchError, excerpt, project_files, scratch_arguments, write_scratch_file
from steps.parsing import sentence

SAVINGS = {
    "UTF-8": ("utf-8", "\n"),
    "Latin-1": ("latin-1", "\n"),
    "UTF-8 with a byte-order mark and Windows line ends": ("utf-8-sig", "\r\n"),
}
"""How ``the scratch file ..., saved as ...`` may save a file: an encoding and a line end."""

MARKER = "pwned"
"""The word every hostile payload of the chapter carries (``alert('pwned')``, ``https://pwned.example``):
wherever it could run or load, the sanitiser failed."""


class ScratchSite(NamedTuple):
    """A site built from a scratch specification's features: MkDocs' exit code, what it logged, where it is."""

    returncode: int
    log: str
    folder: Path
    appeared: list[str]
    """Files of the project (outside the scratch folder) that were not there before the build."""


def build_scratch_site(scratch: Path) -> ScratchSite:
    """The project's site made of the scratch specification's feature files (``docs._hooks.build.build_site``)."""
    from docs._hooks.build import build_site  # the site's tooling, only for these steps

    before = project_files()
    done = build_site(scratch / "features", scratch / "site", scratch / "results.json")
    return ScratchSite(done.returncode, done.stdout + done.stderr, scratch / "site", sorted(project_files() - before))


class _Page(HTMLParser):
    """What a page could run or load: its elements, each with its attributes, and its scripts' text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "poster", "xlink:href", "background"}
NEVER = {"iframe", "frame", "object", "embed", "base", "applet"}
"""Elements no page has; a form is the theme's search box, which has no ``action``."""


def what_runs(page: _Page) -> list[str]:
    """Everything on ``page`` that would run, frame or load something the feature file wrote."""
    found = []
    for tag, attributes in page.elements:
        if tag in NEVER:
            found.append(f"a <{tag}> element")
        for name, value in attributes.items():
            if name.startswith("on"):
                found.append(f"the handler {name}={value[:60]!r} on <{tag}>")
            elif name in URL_ATTRIBUTES and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                found.append(f"the URL {name}={value[:60]!r} on <{tag}>")
            elif name in ("action", "formaction"):
                found.append(f"a form sending to {value[:60]!r}")
            elif name in URL_ATTRIBUTES and MARKER in value and tag != "a":
                found.append(f"a load of {value[:60]!r} by <{tag}>")
            elif tag == "meta" and name == "http-equiv" and value.lower() == "refresh":
                found.append("a <meta http-equiv=refresh>")
    found += [f"a script with {MARKER!r} in it" for script in page.scripts if MARKER in script]
    return found


def _pages(site: ScratchSite) -> list[Path]:
    return sorted(site.folder.rglob("*.html"))


@given(sentence('the scratch file "{path}", saved as {saving}:'))
def _(scratch, path, saving, docstring):
    """Add a file to the scratch specification in another encoding or with other line ends:
    ``Latin-1``, ``UTF-8``, or ``UTF-8 with a byte-order mark and Windows line ends``.

    Example: And the scratch file "features/02-latin-1.feature", saved as Latin-1:
    """
    if saving not in SAVINGS:
        raise ValueError(f"a scratch file is saved as one of: {', '.join(SAVINGS)}; not {saving!r}")
    encoding, newline = SAVINGS[saving]
    write_scratch_file(scratch, path, docstring + "\n", encoding=encoding, newline=newline)


@when("the scratch site is built", target_fixture="scratch_site")
def _(scratch):
    """Build the site (``mkdocs build``, without the computed pages) from the scratch specification's
    feature files and, when a scratch run wrote ``results.json``, its results.

    Example: When the scratch site is built
    """
    return build_scratch_site(scratch)


def _warnings(site: ScratchSite) -> list[str]:
    """What the build warned about besides the links of the project's own pages to pages it did not build."""
    return [
        line.split(" - ", 1)[-1].strip()
        for line in site.log.splitlines()
        if line.startswith("WARNING") and "not found among documentation files" not in line
    ]


@then("the scratch site builds without a warning about the feature files")
def _(scratch_site):
    """MkDocs built the scratch site, and warned about nothing in its feature files.

    Example: Then the scratch site builds without a warning about the feature files
    """
    assert scratch_site.returncode == 0, excerpt(scratch_site.log)
    assert _warnings(scratch_site) == [], excerpt("\n".join(_warnings(scratch_site)))


@then(sentence('the scratch site\'s build warns "{text}"'))
def _(scratch_site, text):
    """The build's log has a warning that starts with ``text`` (a problem names the feature file and the line);
    ``make site``, a strict build, stops on it.

    Example: Then the scratch site's build warns "features/01-widget.feature:4: there is no widget 'no-such-widget';
        the widgets: xor-playground"
    """
    assert any(w.startswith(text) for w in _warnings(scratch_site)), excerpt("\n".join(_warnings(scratch_site)))


@then("no page of the scratch site runs or loads anything the feature files wrote")
def _(scratch_site, measure):
    """Every page of the scratch site (the chapters, the home page, the results, the catalog...) has no
    event handler, no ``javascript:`` or ``data:`` URL, no frame, object or form, and no script or load
    carrying the chapter's marker word.

    Example: Then no page of the scratch site runs or loads anything the feature files wrote
    """
    pages = measure("pages read", len(_pages(scratch_site)))
    assert pages > 0, "the scratch site has no pages"
    found = {
        path.relative_to(scratch_site.folder).as_posix(): what_runs(read_page(path)) for path in _pages(scratch_site)
    }
    found = {path: what for path, what in found.items() if what}
    assert not found, "; ".join(f"{path}: {', '.join(what[:3])}" for path, what in list(found.items())[:5])


@then("every page of the scratch site allows only the site's own scripts")
def _(scratch_site):
    """Each page carries a Content-Security-Policy whose script-src is the site itself and the hashes of
    the theme's inline scripts, and whose connect-src is the site itself.

    Example: Then every page of the scratch site allows only the site's own scripts
    """
    for path in _pages(scratch_site):
        policies = [
            a["content"] for tag, a in read_page(path).elements if a.get("http-equiv") == "Content-Security-Policy"
        ]
        name = path.relative_to(scratch_site.folder).as_posix()
        assert len(policies) == 1, f"{name}: {len(policies)} Content-Security-Policy meta elements"
        rules = dict(rule.strip().split(" ", 1) for rule in policies[0].split(";"))
        sources = rules["script-src"].split()
        assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:]), f"{name}: {sources}"
        assert rules["connect-src"] == "'self'", f"{name}: connect-src {rules['connect-src']}"


@then(sentence('the scratch site\'s chapter "{stem}" shows "{text}" as text'))
def _(scratch_site, stem, text):
    """The chapter's page shows ``text`` as words a reader reads, not as markup.

    Example: And the scratch site's chapter "01-markup" shows "<img src=x onerror="alert('pwned')"> A hostile name"
        as text
    """
    page = read_page(scratch_site.folder / "chapters" / stem / "index.html")
    assert text in " ".join("".join(page.text).split()), f"{text!r} is not in the text of chapters/{stem}/"


@then(sentence('the scratch site\'s chapter "{stem}" does not contain "{text}"'))
def _(scratch_site, stem, text):
    """Neither the chapter's text nor its markup contains ``text``.

    Example: And the scratch site's chapter "01-markup" does not contain "numpy=="
    """
    assert text not in (scratch_site.folder / "chapters" / stem / "index.html").read_text(encoding="utf-8")


@then("no file appeared in the project outside the scratch folder")
def _(scratch_site):
    """The project's files (but its caches and virtual environments) are the same set as before the build.

    Example: Then no file appeared in the project outside the scratch folder
    """
    assert scratch_site.appeared == [], f"new files: {scratch_site.appeared[:10]}"


@then(sentence('writing the scratch file "{path}" is refused with "{message}"'))
def _(scratch, path, message):
    """A scratch file other than a feature file or its data, or outside the scratch folder, is refused by name.

    Example: Then writing the scratch file "conftest.py" is refused with "the scratch file 'conftest.py' cannot be
        written"
    """
    before = {p: p.read_bytes() for p in scratch.rglob("*") if p.is_file()}
    with pytest.raises(ScratchError) as refused:
        write_scratch_file(scratch, path, "")
    assert message in str(refused.value), str(refused.value)
    assert {p: p.read_bytes() for p in scratch.rglob("*") if p.is_file()} == before, "a file was written"


@then(sentence('the scratch run "pytest {arguments}" is refused with "{message}"'))
def _(scratch, arguments, message):
    """A pytest argument that a scratch run does not take is refused by name, before anything runs.

    Example: Then the scratch run "pytest -p os features" is refused with "the pytest option -p is not taken by a
        scratch run"
    """
    with pytest.raises(ScratchError) as refused:
        scratch_arguments(scratch, shlex.split(arguments))
    assert message in str(refused.value), str(refused.value)
