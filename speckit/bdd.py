"""The one place that reaches into pytest-bdd, and into pytest, beyond their public API.

Everything else in this project uses their public surface: the step
decorators and parsers, ``scenarios()``, the ``pytest_bdd_*`` hooks. What they
do not offer, and speckit needs, is here, so that a new pytest-bdd release is a
change to this file (``tests/test_bdd_adapter.py`` says at once what broke):

* ``scenario_of(item)``: which scenario (feature file, line, name) and which
  Examples row a collected test runs. pytest-bdd keeps it in
  ``scenario_wrapper_template_registry`` and in the parametrize argument
  ``_pytest_bdd_example``; nothing public answers it before the test runs.
* ``step_contexts()``: every registered step definition with its parser, its
  keyword and its ``target_fixture``, from ``step_function_context_registry``,
  for the step catalog.
* ``FeatureModule``: a ``.feature`` file collected as a test module. pytest-bdd
  binds scenarios only into a Python module's namespace (``scenarios()``), so the
  module is made on the fly by overriding pytest's ``Module._getobj`` (the
  approach of pytest-bdd PR #342, tursu and pytest-bdd-ng). The file is read as
  UTF-8 with or without a byte-order mark: ``scenarios()`` does not pass its
  ``encoding`` to its first parse (pytest-bdd 9.0.1), so the feature is parsed
  into pytest-bdd's feature cache first, with it.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.feature import get_feature
from pytest_bdd.parsers import StepParser

ENCODING = "utf-8-sig"
"""How feature files are read: UTF-8, a byte-order mark allowed (and not taken for part of "Feature:")."""
_EXAMPLE = "_pytest_bdd_example"


@dataclass(frozen=True)
class ScenarioRef:
    """The scenario a test runs: its feature file, line and name, and the Examples row of an outline."""

    filename: str
    """The feature file's absolute path."""
    feature: str
    """The feature's name, as after ``Feature:``."""
    line: int
    name: str
    row: int | None = None
    """The Examples row (from 0) an outline's test runs; None for a scenario."""
    example: dict[str, str] | None = None
    """That row's values by column."""


def scenario_of(item: pytest.Item) -> ScenarioRef | None:
    """The scenario (and Examples row) ``item`` runs; None for a test that is not a scenario."""
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    function = getattr(item, "obj", None)
    template = scenario_wrapper_template_registry.get(function) if function is not None else None  # type: ignore[arg-type]
    if template is None:
        return None
    callspec = getattr(item, "callspec", None)
    row = example = None
    if callspec is not None and _EXAMPLE in callspec.params:
        row = callspec.indices[_EXAMPLE]
        example = {str(k): str(v) for k, v in callspec.params[_EXAMPLE].items()}
    feature = template.feature
    return ScenarioRef(feature.filename, feature.name, template.line_number, template.name, row, example)


@dataclass(frozen=True)
class StepContext:
    """A registered step definition: its function, its parser, its keyword and the fixture it sets."""

    function: Callable[..., Any]
    parser: StepParser
    keyword: str | None
    """``given``, ``when``, ``then``, or None for a step of any keyword."""
    target_fixture: str | None
    converters: dict[str, Callable[[str], Any]]
    """The converters of the step's parameters, by name."""


def step_contexts() -> Iterator[StepContext]:
    """Every step definition pytest-bdd has registered so far (import the steps modules first)."""
    from pytest_bdd.steps import step_function_context_registry

    for context in list(step_function_context_registry.values()):
        yield StepContext(
            context.step_func, context.parser, context.type, context.target_fixture, dict(context.converters)
        )


def bind(path: Path, namespace: dict[str, Any]) -> str | None:
    """Bind the scenarios of the feature file ``path`` into ``namespace`` as test functions (``scenarios()``).

    Returns pytest-bdd's own message, ``(line:1): ...``, when it refuses the file beyond the grammar
    (gherkin's parse errors are found before, by ``speckit.features.parse_feature``).
    """
    try:
        get_feature(str(path.parent), path.name, encoding=ENCODING)
        # scenarios() binds into its caller's namespace: run it as the namespace's own code.
        exec(
            f"from pytest_bdd import scenarios\nscenarios(path, encoding={ENCODING!r})",
            {**namespace, "path": str(path)},
            namespace,
        )
    except GherkinParseError as problem:
        return f"({problem.line}:1): {problem.message}"
    return None


class FeatureModule(pytest.Module):
    """A ``.feature`` file as a pytest module, whose namespace ``module()`` makes (``speckit.collect``)."""

    def module(self) -> types.ModuleType:
        raise NotImplementedError

    def _getobj(self) -> types.ModuleType:  # pytest's own: what a Module imports, this one makes
        return self.module()
