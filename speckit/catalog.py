"""The listing of every step definition: pattern, parameters, docstring, origin.

The definitions come from pytest-bdd's registry (through ``speckit.bdd``), so
the steps modules must be imported first: the root ``conftest.py`` loads them as
plugins, and ``steps.load()`` imports them outside pytest (the site's build).
speckit imports nothing of them: the words a word parameter takes are what the
steps modules ``register_words`` when they are imported.

Convention for step docstrings: the first paragraph says what the step does;
a line ``Example: <Given|When|Then> <a sentence>`` gives one example use (a
long sentence goes on over the following lines, up to a blank line), which the
suite runs so that the catalog cannot lie.
"""

from __future__ import annotations

import inspect
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pytest_bdd.parsers import StepParser

from speckit.bdd import step_contexts

STEPS_PACKAGE = "steps."
"""The definitions listed are those of the modules of this package (the project's ``steps/``)."""
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
    func: Callable[..., Any] | None = field(default=None, compare=False, hash=False, repr=False)
    """The step function itself (for ``run_step``)."""
    converters: dict[str, Callable[[str], Any]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """pytest-bdd's converters of the step's parameters, by name."""

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


_WORDS: dict[str, list[str]] = {}


def register_words(words: Mapping[str, Sequence[str]]) -> None:
    """Make ``words`` (parameter name -> the values it takes) what the catalog lists for those parameters.

    A steps module calls this when it is imported; registering a name again replaces its values.
    """
    _WORDS.update({name: list(values) for name, values in words.items()})


def allowed_values() -> dict[str, list[str]]:
    """The values a word parameter may take, by parameter name, as the steps modules registered them."""
    return {name: list(values) for name, values in _WORDS.items()}


def step_definitions() -> list[StepDefinition]:
    """Every step definition of the steps modules imported so far, in module and source order."""
    found = []
    for context in step_contexts():
        func = context.function
        module = func.__module__
        if not module.startswith(STEPS_PACKAGE):
            continue
        doc = inspect.cleandoc(func.__doc__ or "")
        pattern = context.parser.name
        found.append(
            StepDefinition(
                keyword=context.keyword or "step",
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
                func=func,
                converters=dict(context.converters),
            )
        )
    return sorted(set(found), key=lambda d: (d.module, d.line, d.keyword))


# --- what a step needs from the steps before it ---------------------------------------------------


def setters(name: str, definitions: list[StepDefinition] | None = None) -> list[StepDefinition]:
    """The step definitions that set the value ``name`` for later steps (``target_fixture=name``)."""
    definitions = step_definitions() if definitions is None else definitions
    return [d for d in definitions if d.sets == name]


SHOWN_SETTERS = 12
"""A MissingStep message lists up to this many steps that would set the value."""

_NOT_SET_BY_STEPS = {
    "datatable": "this step takes a table: write its rows under the step, header first",
    "docstring": 'this step takes a text block: write it under the step, between lines of """',
}


class MissingStep(LookupError):
    """A step reads a value that no earlier step of its scenario set: the message lists every step that sets it.

    ``names`` are the values (fixtures) of which any one would do; ``why``
    replaces the opening sentence when the value exists but is of the wrong
    kind (an epsilon sweep where a seed sweep is read).
    """

    def __init__(self, *names: str, why: str | None = None, definitions: list[StepDefinition] | None = None):
        self.names = names
        super().__init__(_missing_text(names, why, definitions))


def _keyword(kind: str) -> str:
    return kind.capitalize() if kind != "step" else "Given/When/Then"


def _missing_text(names: tuple[str, ...], why: str | None, definitions: list[StepDefinition] | None) -> str:
    if len(names) == 1 and names[0] in _NOT_SET_BY_STEPS:
        return _NOT_SET_BY_STEPS[names[0]]
    which = " or ".join(names)
    opening = why or f"this step reads {which}, which no earlier step of the scenario set"
    found = [d for name in names for d in setters(name, definitions)]
    if not found:
        return f"{opening}; no step definition sets {which}"
    lines = [f"{opening}. Add one of these steps before it:"]
    lines += [f"    {_keyword(d.keyword)} {d.pattern}" for d in found[:SHOWN_SETTERS]]
    if len(found) > SHOWN_SETTERS:
        lines.append(f"    ... and {len(found) - SHOWN_SETTERS} more (the step catalog lists them)")
    return "\n".join(lines)


def explain_missing(exception: BaseException) -> BaseException:
    """pytest's FixtureLookupError for a step's argument as a MissingStep naming the steps that set it.

    A step reads the values earlier steps set as pytest fixtures, so a missing
    prerequisite reaches pytest-bdd as "fixture 'network' not found". Any
    other exception is returned as it is.
    """
    import pytest

    name = getattr(exception, "argname", None)
    if isinstance(exception, pytest.FixtureLookupError) and name:
        return MissingStep(name)
    return exception


# --- running one step sentence, in process ------------------------------------------------------


def run_step(
    sentence: str,
    value: Callable[[str], Any],
    *,
    datatable: list[list[str]] | None = None,
    docstring: str | None = None,
    check: Callable[[dict[str, Any]], None] | None = None,
    definitions: list[StepDefinition] | None = None,
) -> tuple[StepDefinition, Any]:
    """Run the step definition pytest-bdd would run for ``sentence`` ("Then the loss is at most 1"); return it and
    what the step function returned.

    Its parameters are parsed from the sentence as pytest-bdd parses them; the
    other values it reads come from ``value(name)`` (``request.getfixturevalue``
    in a scenario), the table and the text block from ``datatable`` and
    ``docstring``. ``check(arguments)`` runs just before the call, as the
    ``pytest_bdd_before_step_call`` hooks do. Whatever the step raises comes
    out; a value it sets is not kept for later steps.
    """
    keyword, _, text = sentence.strip().partition(" ")
    kind = keyword.lower()
    if kind not in ("given", "when", "then"):
        raise ValueError(f"a step starts with Given, When or Then, not {keyword!r}")
    definitions = step_definitions() if definitions is None else definitions
    matching = [d for d in definitions if d.runs(kind, text)]
    if len(matching) != 1:
        problem = "no step definition matches" if not matching else f"{len(matching)} step definitions match"
        raise ValueError(f'{problem} {keyword} "{text}"')
    [definition] = matching
    assert definition.func is not None and definition.parser is not None
    parameters = inspect.signature(definition.func).parameters
    parsed = definition.parser.parse_arguments(text) or {}
    arguments = {n: definition.converters.get(n, lambda v: v)(v) for n, v in parsed.items() if n in parameters}
    given = {"datatable": datatable, "docstring": docstring}
    for name, parameter in parameters.items():
        if name in arguments or parameter.default is not parameter.empty:
            continue
        if name in given:
            if given[name] is None:
                raise MissingStep(name)
            arguments[name] = given[name]
            continue
        try:
            arguments[name] = value(name)
        except LookupError as error:
            raise explain_missing(error) from None
    if check is not None:
        check(arguments)
    return definition, definition.func(**arguments)
