"""A feature file's prose, treated as what it is: text from anyone who can write a feature file.

A description (of a feature, a rule, a scenario, an exercise's answer) reaches
the page in three steps, each of which can only narrow what the text can do:

1. **Values.** ``{{ worked.y_hat | num }}`` is filled in with a number the
   package computed. The template language is Jinja's, but locked twice: the
   parsed template may hold only names, fields (``a.b``), indexes and calls
   with literal arguments (``graph.edge("x[0]", "z1[1]")``,
   ``descent.step_length(100)``) and the filters ``num`` and ``plain``: no
   arithmetic, no statements, no loops. It then renders in Jinja's sandbox,
   where fields and methods are readable only on the build's own records
   (dataclasses), never on arrays, modules or anything reaching Python's
   internals. Each value is at most ``VALUE_LIMIT`` characters.
2. **Markdown**, math included, rendered to HTML on its own (not inside the
   page): no snippets (``--8<--`` would read a file), no attribute lists
   (``{: onclick=...}``), no footnotes that would land outside the description.
   A link to another page of the site (``../worked-example.md#anchor``) is
   written as that page's URL, and a link to a page that does not exist is an
   error.
3. **Sanitising** (nh3, the binding of the Ammonia sanitiser): an allow-list of
   tags and attributes with no script, style, iframe, object, form, image or
   event handler, and links only to http, https, mailto or this site.

A template that breaks the rules raises ``ProseError`` naming the expression;
the build shows it in place of the description.
"""

from __future__ import annotations

import dataclasses
import posixpath
import types
import xml.etree.ElementTree as etree
from collections.abc import Callable

import jinja2
import markdown
import nh3
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from docs._hooks.formatting import number

VALUE_LIMIT = 300
"""The most characters one ``{{ ... }}`` may put into the prose: a number, a short array, a name."""
DIGITS = range(1, 18)
"""The significant digits ``num`` and ``plain`` may be asked for: float64 holds 17."""

EXTENSIONS = [
    "tables",
    "sane_lists",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.arithmatex",
]
"""The site's Markdown (mkdocs.yml) minus what lets prose reach outside itself: snippets read files,
attr_list and md_in_html write attributes, footnotes and the table of contents place text elsewhere."""
EXTENSION_CONFIGS = {"pymdownx.arithmatex": {"generic": True}}

TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "code", "pre", "kbd", "sub", "sup", "span", "div", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "table", "thead", "tbody", "tr", "th", "td",
    "h3", "h4", "h5", "h6", "details", "summary",
}  # fmt: skip
"""What a description may contain once rendered: text structure only. No script, style, iframe, object,
embed, form, input, img, svg or math markup (math is typeset by KaTeX from text)."""
ATTRIBUTES = {
    "a": {"href", "title"},
    "span": {"class"},
    "div": {"class"},
    "code": {"class"},
    "pre": {"class"},
    "p": {"class"},
    "details": {"class"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
"""Attributes kept (everything else, every ``on...`` handler and ``style`` included, is dropped):
classes for math, code highlighting and admonitions, a link's target."""
URL_SCHEMES = {"http", "https", "mailto"}


class ProseError(ValueError):
    """A description that cannot be shown as written: the message names the expression and what is allowed;
    ``line`` is the line of the description it is on (from 1)."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


# --- 1. values --------------------------------------------------------------------------------------

_ALLOWED = "only names, fields (a.b), indexes (a[0]) and calls with literal arguments, and the filters num and plain"


def _check(node: nodes.Node, source: str) -> None:
    """Refuse any part of a parsed template but values: see ``_ALLOWED``."""

    def refuse(why: str) -> ProseError:
        return ProseError(f"{why}; {_ALLOWED} are allowed", getattr(node, "lineno", 1))

    def literal(arg: nodes.Node) -> bool:
        return isinstance(arg, nodes.Const) or (
            isinstance(arg, nodes.Tuple) and all(isinstance(item, nodes.Const) for item in arg.items)
        )

    if isinstance(node, (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const)):
        pass
    elif isinstance(node, nodes.Name):
        if node.name.startswith("_"):
            raise refuse(f"the name {node.name!r} starts with an underscore")
    elif isinstance(node, nodes.Getattr):
        if node.attr.startswith("_"):
            raise refuse(f"the field {node.attr!r} starts with an underscore")
    elif isinstance(node, nodes.Getitem):
        if not literal(node.arg):
            raise refuse("an index must be a literal number or string")
    elif isinstance(node, nodes.Call):
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise refuse("*args and **kwargs are not allowed")
        if not all(literal(a) for a in node.args) or not all(literal(k.value) for k in node.kwargs):
            raise refuse("a call's arguments must be literal numbers or strings")
    elif isinstance(node, nodes.Filter):
        if node.name not in ("num", "plain"):
            raise refuse(f"the filter {node.name!r} is not available")
        if not all(literal(a) for a in node.args) or node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise refuse(f"the filter {node.name!r} takes one literal number of digits")
    elif isinstance(node, nodes.Tuple) and literal(node):
        pass
    else:
        kind = type(node).__name__
        what = "a statement ({% ... %})" if isinstance(node, nodes.Stmt) else f"the expression {kind}"
        raise refuse(f"{what} is not allowed")
    for child in node.iter_child_nodes():
        _check(child, source)


def _own_member(obj: object, attr: str) -> bool:
    """``attr`` is a field of the dataclass ``obj``, or a method or property its own class defines."""
    if isinstance(obj, types.SimpleNamespace):
        return attr in vars(obj)
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return False
    if attr in {f.name for f in dataclasses.fields(obj)}:
        return True
    return any(attr in vars(cls) for cls in type(obj).__mro__ if cls is not object)


class _ProseEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's sandbox, narrowed: fields and methods only of the build's own records (dataclasses)."""

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        if isinstance(obj, jinja2.Undefined):  # a layout build's missing value: reading on stays undefined
            return True
        return _own_member(obj, attr) and super().is_safe_attribute(obj, attr, value)

    def unsafe_undefined(self, obj: object, attribute: str) -> jinja2.Undefined:
        raise ProseError(
            f"the field {attribute!r} of a {type(obj).__name__} cannot be read in prose: "
            "only the fields of the site's own records (worked, descent, xor, ...) can"
        )

    def is_safe_callable(self, obj: object) -> bool:
        if isinstance(obj, jinja2.Undefined):  # calling it fails with "... is undefined", which names it
            return True
        owner = getattr(obj, "__self__", None)
        name = getattr(obj, "__name__", "")
        return (
            isinstance(obj, types.MethodType)
            and owner is not None
            and _own_member(owner, name)
            and super().is_safe_callable(obj)
        )


def _limited(value: object) -> object:
    text = str(value)
    if len(text) > VALUE_LIMIT:
        raise ProseError(f"a value of {len(text):,} characters; at most {VALUE_LIMIT} may be placed in prose")
    return value


def values_template(context: dict, *, strict: bool = True) -> Callable[[str], str]:
    """``render(text)``: the text with each ``{{ ... }}`` replaced by its value from ``context``.

    ``strict``: a name the context lacks is a ``ProseError``; otherwise (a layout
    build without the experiments) it shows as an ellipsis.
    """

    def formatter(style: str) -> Callable[..., str]:
        def format_number(x: object, digits: int = 6) -> str:
            if isinstance(x, jinja2.Undefined):
                return "…"
            if isinstance(digits, bool) or not isinstance(digits, int) or digits not in DIGITS:
                raise ProseError(f"a number of digits must be a whole number from 1 to 17, not {digits!r}")
            if isinstance(x, bool) or not isinstance(x, (int, float)) and not hasattr(x, "__float__"):
                raise ProseError(f"{type(x).__name__} is not a number; num and plain format numbers")
            return number(x if isinstance(x, int) else float(x), digits, style)  # type: ignore[arg-type]

        return format_number

    environment = _ProseEnvironment(
        undefined=jinja2.StrictUndefined if strict else jinja2.ChainableUndefined, autoescape=False, finalize=_limited
    )
    environment.filters = {"num": formatter("latex"), "plain": formatter("text")}
    environment.globals.clear()

    def render(text: str) -> str:
        if "{" not in text:
            return text
        try:
            parsed = environment.parse(text)
            _check(parsed, text)
            return environment.from_string(parsed).render(**context)
        except ProseError:
            raise
        except jinja2.TemplateSyntaxError as error:
            raise ProseError(f"{error.message} (a template starts with {{{{ or {{%)", error.lineno) from None
        except jinja2.UndefinedError as error:
            if strict:
                quotable = ", ".join(context) or "none"
                raise ProseError(f"{error.message}; the values a description may quote: {quotable}") from None
            return text
        except jinja2.exceptions.SecurityError as error:
            raise ProseError(f"{error}; {_ALLOWED} are allowed") from None
        except (LookupError, TypeError, ValueError, ArithmeticError) as error:
            raise ProseError(f"a value could not be computed: {type(error).__name__}: {error}") from None

    return render


# --- 2. Markdown, with links to the site's pages ---------------------------------------------------------


class _Links(Treeprocessor):
    """Rewrite ``href="../page.md#anchor"`` to the URL of that page of the site; note a link to a missing page.

    ``page``, ``pages`` and ``url`` are set for each conversion (``to_html``); ``missing`` collects hrefs.
    """

    page: str = ""
    pages: set[str] = set()
    url: Callable[[str], str] = staticmethod(lambda page: page)  # type: ignore[assignment]
    missing: list[str] = []

    def run(self, root: etree.Element) -> None:
        for a in root.iter("a"):
            href = a.get("href", "")
            path, _, anchor = href.partition("#")
            if not path.endswith(".md") or "://" in path or path.startswith("/"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path))
            if target not in self.pages:
                self.missing.append(href)
                continue
            a.set("href", relative_url(self.url(target), self.url(self.page)) + (f"#{anchor}" if anchor else ""))


class _LinksExtension(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.links: _Links | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        self.links = _Links(md)
        md.treeprocessors.register(self.links, "bdd-links", 1)


def directory_url(page: str) -> str:
    """The URL of a page with MkDocs' ``use_directory_urls``: ``chapters/x.md`` is ``chapters/x/``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(target: str, page: str) -> str:
    """The link from the page at URL ``page`` to the URL ``target`` (both from the site's root)."""
    base = page if page.endswith("/") else posixpath.dirname(page) + "/"
    relative = posixpath.relpath("/" + target, "/" + base)
    return relative + "/" if target.endswith("/") or target == "" else relative


_LINKS = _LinksExtension()
_MARKDOWN = markdown.Markdown(
    extensions=[*EXTENSIONS, _LINKS], extension_configs=EXTENSION_CONFIGS, output_format="html"
)
"""One converter for every description (a new one costs milliseconds each); ``reset`` between texts."""


def to_html(text: str, page: str, pages: set[str], url: Callable[[str], str] = directory_url) -> str:
    """The Markdown ``text`` of the page ``page`` as sanitised HTML (see the module's docstring)."""
    links = _LINKS.links
    assert links is not None, "the extension is registered when the converter is made"
    links.page, links.pages, links.url, links.missing = page, pages, url, []
    rendered = _MARKDOWN.reset().convert(text)
    if links.missing:
        raise ProseError(f"a link to a page the site does not have: {', '.join(links.missing)}")
    return sanitise(rendered)


# --- 3. sanitising ------------------------------------------------------------------------------------------


def sanitise(html: str) -> str:
    """``html`` with only ``TAGS``, ``ATTRIBUTES`` and links of ``URL_SCHEMES`` (or relative) left."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
