"""Feature files are test files: pytest collects each ``.feature`` as a module of scenarios.

``pytest features/03-the-chain-rule.feature`` runs exactly that chapter,
``pytest features/`` all of them, and a scenario's node id names its file:
``features/03-the-chain-rule.feature::test_...``. pytest-bdd itself binds
scenarios only from Python test modules (``scenarios(...)``), so each feature
file gets a module made on the fly whose body is that one call (the approach
of pytest-bdd PR #342, tursu and pytest-bdd-ng).

A feature file that does not parse becomes one failing test of its own,
``test_malformed_feature``, carrying the parser's ``(line:column): message``,
and every other feature still runs.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from pytest_bdd.exceptions import GherkinParseError

from speckit.features import parse_feature

MALFORMED = "test_malformed_feature"
"""The name of the one test a feature file that does not parse becomes."""


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    """A ``.feature`` file under ``bdd_features_base_dir`` (``features/``) is a test module.

    Feature files elsewhere (the fixtures of speckit's own tests) are left alone.
    """
    if file_path.suffix == ".feature" and file_path.resolve().is_relative_to(features_dir(parent.config)):
        return FeatureFile.from_parent(parent, path=file_path)
    return None


def features_dir(config: pytest.Config) -> Path:
    """pytest-bdd's ``bdd_features_base_dir`` (relative to the rootdir), where the feature files live."""
    base = config.getini("bdd_features_base_dir") or "."
    return (Path(config.rootpath) / base).resolve()


class FeatureFile(pytest.Module):
    """A ``.feature`` file as a pytest module: its scenarios, bound by pytest-bdd."""

    def _getobj(self) -> types.ModuleType:
        module = types.ModuleType(f"feature:{self.path.name}")
        module.__file__ = str(self.path)
        error = parse_feature(self.path).error
        if error is None:
            try:
                # scenarios() binds into its caller's namespace: run it as the module's own body.
                exec(
                    "from pytest_bdd import scenarios\nscenarios(path)",
                    {**vars(module), "path": str(self.path)},
                    vars(module),
                )
            except GherkinParseError as problem:  # pytest-bdd's own checks beyond the grammar
                error = f"({problem.line}:1): {problem.message}"
        if error is not None:
            message = f"{self.path.name} does not parse:\n{error}"

            def test_malformed_feature() -> None:
                pytest.fail(message, pytrace=False)

            vars(module)[MALFORMED] = test_malformed_feature
        return module
