"""The API reference: a page per module of ``backprop``, and the links from a chapter to what its steps call."""

from __future__ import annotations

import ast
import functools
import pkgutil
from dataclasses import dataclass

from speckit.catalog import StepDefinition
from speckit.features import ROOT

SEARCH_BOOST = 0.5
"""Material's search boost of an API page: below the Learn pages and the catalog for the words they teach."""


@dataclass
class Link:
    label: str
    url: str


def modules() -> list[str]:
    """The public modules of ``backprop``, each an API page ``api/<module>.md``."""
    import backprop

    return [m.name for m in pkgutil.iter_modules(backprop.__path__) if not m.name.startswith("_")]


STUB = (
    "While the site is served (`make docs`), this page is not rendered: mkdocstrings takes seconds, and a "
    "saved feature file should show its results sooner. `make site` renders it, and so does "
    "`BACKPROP_SERVE_API=1 make docs`.\n"
)


def pages(stubs: bool = False) -> dict[str, str]:
    """Each module's page: mkdocstrings renders it from the docstrings (``stubs``: a note where it is)."""
    front = f"---\nsearch:\n  boost: {SEARCH_BOOST}\n---\n\n"
    body = STUB if stubs else "::: backprop.{module}\n"
    return {f"api/{m}.md": f"{front}# `backprop.{m}`\n\n" + body.format(module=m) for m in modules()}


_PACKAGE_NAMES = ("bp", "engine")
"""How step bodies name the package: the module, or the fixture that stands for it."""


@functools.cache
def _tree(path: str) -> ast.Module:
    return ast.parse((ROOT / path).read_text(encoding="utf-8"))


def called(definition: StepDefinition) -> list[str]:
    """The names a step function calls or reads as ``bp.<name>``, in order, from its source's syntax tree.

    ``engine.<name>`` counts too: the fixture ``engine`` is the package's function of that name (or, in a
    @gradable scenario, a reader's implementation of it: ``steps/grading.py``)."""
    for node in ast.walk(_tree(definition.where.rsplit(":", 1)[0])):
        if (
            isinstance(node, ast.FunctionDef)
            and min([node.lineno, *(d.lineno for d in node.decorator_list)]) == definition.line
        ):
            names = [
                n.attr
                for n in ast.walk(node)
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in _PACKAGE_NAMES
            ]
            return list(dict.fromkeys(sorted(names, key=names.index)))
    return []


def links(definitions_used: list[StepDefinition]) -> list[Link]:
    """The ``backprop`` names (with docstrings) that the used step functions call as ``bp.<name>``."""
    import backprop

    names = list(dict.fromkeys(name for d in definitions_used for name in called(d)))
    found = []
    for name in names:
        obj = getattr(backprop, name, None)
        module = getattr(obj, "__module__", "") or ""
        if obj is None or not module.startswith("backprop.") or not (getattr(obj, "__doc__", None) or "").strip():
            continue
        found.append(Link(f"backprop.{name}", f"../api/{module.split('.', 1)[1]}.md#{module}.{name}"))
    return found
