"""Feature files are test files: pytest collects each ``.feature`` as a module of scenarios.

``pytest features/03-the-chain-rule.feature`` runs exactly that chapter,
``pytest features/`` all of them, and a scenario's node id names its file:
``features/03-the-chain-rule.feature::test_...``. pytest-bdd itself binds
scenarios only from Python test modules (``scenarios(...)``), so each feature
file gets a module made on the fly (``speckit.bdd.FeatureModule``).

A feature file that does not parse becomes one failing test of its own,
``test_malformed_feature``, carrying the parser's ``(line:column): message``,
and every other feature still runs.
"""

from __future__ import annotations

import difflib
import types
from pathlib import Path

import pytest

from speckit.bdd import FeatureModule, bind, scenario_of
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


class FeatureFile(FeatureModule):
    """A ``.feature`` file as a pytest module: its scenarios, bound by pytest-bdd."""

    def module(self) -> types.ModuleType:
        module = types.ModuleType(f"feature:{self.path.name}")
        module.__file__ = str(self.path)
        error = parse_feature(self.path).error
        if error is None:
            error = bind(self.path, vars(module))
        if error is not None:
            message = f"{self.path.name} does not parse:\n{error}"

            def test_malformed_feature() -> None:
                pytest.fail(message, pytrace=False)

            vars(module)[MALFORMED] = test_malformed_feature
        return module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--scenario",
        action="append",
        default=[],
        metavar="NAME",
        help='run only the scenario named NAME, exactly as written after "Scenario:" (repeat it for several)',
    )


def scenario_name(item: pytest.Item) -> str | None:
    """The name a test's scenario has in its feature file (None for a test that is not a scenario)."""
    scenario = scenario_of(item)
    return None if scenario is None else scenario.name


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``--scenario NAME``: keep the scenarios of that name (-k cannot take a name with spaces or quotes)."""
    wanted = config.getoption("scenario")
    if not wanted:
        return
    names = {item.nodeid: scenario_name(item) for item in items}
    for name in wanted:
        if name not in names.values():
            known = sorted({n for n in names.values() if n})
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
            hint = f"; the closest: {', '.join(repr(c) for c in close)}" if close else ""
            raise pytest.UsageError(f"--scenario {name!r}: no collected scenario has this name{hint}")
    keep = [item for item in items if names[item.nodeid] in wanted]
    config.hook.pytest_deselected(items=[item for item in items if names[item.nodeid] not in wanted])
    items[:] = keep
