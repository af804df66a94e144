"""Every scenario of every feature file becomes a test; no list to edit.

A feature file that does not parse becomes one failing test of its own,
``test_malformed_feature[<file>]``, carrying the parser's ``(line:column): message``,
and every other feature still runs.
"""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios
from pytest_bdd.exceptions import GherkinParseError

from steps.feature_files import FEATURES_DIR, feature_paths, parse_feature

_broken: dict[str, str] = {}

for _path in feature_paths():
    _relative = _path.relative_to(FEATURES_DIR).as_posix()
    _parsed = parse_feature(_path)
    if _parsed.error is not None:
        _broken[_relative] = _parsed.error
        continue
    try:
        scenarios(_relative)
    except GherkinParseError as error:  # pytest-bdd's own checks beyond the grammar
        _broken[_relative] = f"({error.line}:1): {error.message}"


if _broken:

    @pytest.mark.parametrize("feature", sorted(_broken))
    def test_malformed_feature(feature):
        pytest.fail(f"{feature} does not parse:\n{_broken[feature]}", pytrace=False)
