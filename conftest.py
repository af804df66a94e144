"""Root pytest configuration for the specification.

* Loads every ``steps/*_steps.py`` module as a plugin, so their step
  definitions serve every feature file;
* loads speckit's plugins: feature files collected as tests (``collect``), "did
  you mean" for an undefined step (``authoring``), ``--results-json`` for
  the site (``results``), and a failing step reported in a few lines (``short``);
* registers every tag used in the feature files as a marker, so a tag a reader
  invents (``@wip``) works under ``--strict-markers``.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import Phase, settings

from speckit.features import feature_paths, parse_feature, tags_in

# An undefined step's failure suggests the closest existing steps ("did you mean"):
# first, because it must be registered before the step modules that it reads.
pytest_plugins = ["speckit.authoring", "speckit.collect", "speckit.results", "speckit.short"]
# The step helpers (with fixtures for their own unit tests), before the step modules that import them.
pytest_plugins.append("steps.support")
# The grader (--implementation FILE) and the fixture `implementation` the gradable steps call.
pytest_plugins.append("steps.grading")
pytest_plugins += sorted(f"steps.{p.stem}" for p in (Path(__file__).parent / "steps").glob("*_steps.py"))

# Property checks (tests/): under CI (any non-empty CI variable, as CI services set)
# Hypothesis runs the same derandomized examples every time and keeps no example database.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
# Under mutmut (which sets MUTANT_UNDER_TEST) a failure only has to be found, not
# shrunk to its simplest example: skip the shrink phase.
settings.register_profile("mutation", settings.get_profile("ci"), phases=[Phase.explicit, Phase.generate])
if os.environ.get("MUTANT_UNDER_TEST"):
    settings.load_profile("mutation")
elif os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config):
    # Imported here, not above: a plugin module imported before pytest registers it is not assertion-rewritten.
    from speckit.collect import features_dir

    for path in feature_paths(features_dir(config)):
        parsed = parse_feature(path)
        if parsed.document is not None:
            for tag in sorted(tags_in(parsed.document)):
                config.addinivalue_line("markers", f"{tag}: tag used in {path.name}")
