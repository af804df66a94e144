"""The listing of every step definition: pattern, parameters, docstring, origin.

This is the one module that reads pytest-bdd's internals (its registry of step
functions); the site's step catalog and the authoring checks use this listing.

Convention for step docstrings: the first paragraph says what the step does;
a line ``Example: <Given|When|Then> <a sentence>`` gives one example use (a
long sentence goes on over the following lines, up to a blank line), which the
suite runs so that the catalog cannot lie.
"""

from __future__ import annotations

import importlib
import inspect
import string
from dataclasses import dataclass, field

from pytest_bdd.parsers import StepParser

from speckit.features import ROOT

STEPS_DIR = ROOT / "steps"
TYPE_NAMES = {
    "d": "whole number",
    "g": "number",
    "f": "number",
    "w": "word",
    "Number": "number",
    "List": "list of numbers",
    "Param": "parameter name",
    "Word": "word",
    "": "text",
}


@dataclass(frozen=True)
class StepDefinition:
    keyword: str
    """``given``, ``when``, ``then`` (or ``step`` for any)."""
    pattern: str
    parameters: tuple[tuple[str, str], ...]
    """(name, type description) of each field of the pattern, in order."""
    doc: str
    example: str | None
    module: str
    function: str
    line: int
    parser: StepParser | None = field(default=None, compare=False, hash=False, repr=False)
    """pytest-bdd's parser of the pattern (for ``matches``)."""
    reads: tuple[str, ...] = ()
    """The values earlier steps set that this step reads (its fixtures, as named in the function)."""
    sets: str | None = None
    """The value it sets for later steps (its ``target_fixture``), if any."""

    @property
    def role(self) -> str:
        """``set-up``, ``action`` or ``check``: what the step is for (Given, When, Then)."""
        return {"given": "set-up", "when": "action", "then": "check"}.get(self.keyword, "any")

    def matches(self, text: str) -> bool:
        """Does this definition's pattern match the step sentence ``text`` (as pytest-bdd would)?"""
        return self.parser is not None and self.parser.is_matching(text)

    def runs(self, keyword: str, text: str) -> bool:
        """Would pytest-bdd run this definition for the step ``keyword text``?"""
        return self.keyword in ("step", keyword) and self.matches(text)

    @property
    def chapter(self) -> str:
        """The steps module the definition lives in, e.g. ``forward``."""
        return self.module.rsplit(".", 1)[-1].removesuffix("_steps")

    @property
    def where(self) -> str:
        return f"steps/{self.module.rsplit('.', 1)[-1]}.py:{self.line}"


def step_modules() -> list[str]:
    """Dotted names of every steps module (``steps/*_steps.py``)."""
    return sorted(f"steps.{p.stem}" for p in STEPS_DIR.glob("*_steps.py"))


def _parameters(pattern: str) -> tuple[tuple[str, str], ...]:
    fields = []
    for _, name, spec, _ in string.Formatter().parse(pattern):
        if name is not None:
            fields.append((name, TYPE_NAMES.get(spec or "", spec or "text")))
    return tuple(fields)


def _example(doc: str) -> str | None:
    """The sentence after ``Example:``, joined over its continuation lines (up to a blank line)."""
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.strip().startswith("Example:"):
            words = [line.split("Example:", 1)[1].strip()]
            for more in lines[i + 1 :]:
                if not more.strip():
                    break
                words.append(more.strip())
            return " ".join(words)
    return None


NOT_READ = {"request", "measure", "datatable", "docstring", "tmp_path"}
"""Parameters of a step function that are pytest's or pytest-bdd's own, not values other steps set."""


def _reads(func, pattern: str) -> tuple[str, ...]:
    fields = {name for name, _ in _parameters(pattern)}
    return tuple(p for p in inspect.signature(func).parameters if p not in fields and p not in NOT_READ)


def allowed_values() -> dict[str, list[str]]:
    """The values a word parameter may take, by parameter name (from ``steps.support.allowed_values``)."""
    support = importlib.import_module("steps.support")
    found = getattr(support, "allowed_values", None)
    return dict(found()) if found else {}


def step_definitions() -> list[StepDefinition]:
    """Every step definition in the steps modules, in module and source order."""
    from pytest_bdd.steps import step_function_context_registry

    for name in step_modules():
        importlib.import_module(name)
    found = []
    for context in list(step_function_context_registry.values()):
        func = context.step_func
        module = func.__module__
        if not module.startswith("steps."):
            continue
        doc = inspect.cleandoc(func.__doc__ or "")
        pattern = context.parser.name
        found.append(
            StepDefinition(
                keyword=context.type or "step",
                pattern=pattern,
                parameters=_parameters(pattern),
                doc=doc.split("Example:", 1)[0].strip(),
                example=_example(doc),
                module=module,
                function=func.__name__,
                line=inspect.getsourcelines(func)[1],
                parser=context.parser,
                reads=_reads(func, pattern),
                sets=context.target_fixture,
            )
        )
    return sorted(set(found), key=lambda d: (d.module, d.line, d.keyword))
