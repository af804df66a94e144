"""A check on the specification itself: no sentence is claimed by two step definitions.

pytest-bdd resolves an ambiguous sentence silently (pytest-bdd #449, #608), so
a new step definition can quietly take over another chapter's sentence. This
check fails the suite instead, naming the sentence and both definitions.
"""

from __future__ import annotations

from speckit.authoring import find_ambiguities
from speckit.catalog import step_definitions
from speckit.features import feature_sentences


def test_no_sentence_matches_two_step_definitions():
    ambiguities = find_ambiguities(feature_sentences(), step_definitions())
    assert not ambiguities, "\n\n".join(a.describe() for a in ambiguities)
