"""Step definitions: the sentences of the feature files, bound to the backprop package.

Every ``*_steps.py`` module here is loaded as a pytest plugin by the root
``conftest.py``, so its steps are available to every feature file. Outside
pytest (the site's build), ``load()`` imports them, so that the step catalog
(``speckit.catalog``) lists their definitions and the words they registered.
"""

from __future__ import annotations

import importlib
from pathlib import Path


def load() -> None:
    """Import ``steps.support`` and every ``steps/*_steps.py`` module, as the root conftest.py loads them."""
    importlib.import_module("steps.support")
    for path in sorted(Path(__file__).parent.glob("*_steps.py")):
        importlib.import_module(f"steps.{path.stem}")
