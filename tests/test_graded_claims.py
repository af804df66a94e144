"""Which claims the grader checks: ``speckit.features.tagged`` and the page that lists them
(``docs/_hooks/page_grader.py``)."""

from __future__ import annotations

from pathlib import Path

from docs._hooks import page_grader
from speckit.features import FEATURES_DIR, feature_paths, tagged

FEATURE = """Feature: Tags
  Rule: Plain
    @gradable
    Scenario: Tagged itself
      Given the XOR data set

    Scenario: Not tagged
      Given the XOR data set

    Scenario Outline: One Examples block tagged
      Given the guide's 2-2-1 network with seed <seed>

      Examples: not graded
        | seed |
        | 0    |

      @gradable
      Examples: graded
        | seed |
        | 1    |
        | 2    |

  @gradable
  Rule: Every scenario of this rule
    Scenario: Tagged by its rule
      Given the XOR data set
"""


def test_a_tag_reaches_a_scenario_from_itself_its_rule_or_its_examples_block(tmp_path):
    path = tmp_path / "01-tags.feature"
    path.write_text(FEATURE, encoding="utf-8")
    found = [(t.feature, t.scenario, t.line, t.example) for t in tagged("@gradable", [path])]
    assert found == [
        ("Tags", "Tagged itself", 4, None),
        ("Tags", "One Examples block tagged", 10, {"seed": "1"}),
        ("Tags", "One Examples block tagged", 10, {"seed": "2"}),
        ("Tags", "Tagged by its rule", 25, None),
    ]


def test_the_page_lists_every_graded_claim_under_its_chapter_with_the_count(tmp_path):
    path = tmp_path / "01-tags.feature"
    path.write_text(FEATURE, encoding="utf-8")
    text = f"Before.\n\n{page_grader.GRADED}\n\n{page_grader.REPORT}\n\nAfter.\n"
    page = page_grader.render(text, [path], computed=False)
    assert page_grader.GRADED not in page and page_grader.REPORT not in page
    assert "The grader checks **4 claims**, made by 3 scenarios" in page
    assert "**[Tags](chapters/01-tags.md)**" in page
    assert "- [One Examples block tagged](chapters/01-tags.md#scenario-10) (2 rows)\n" in page
    assert "- [Tagged itself](chapters/01-tags.md#scenario-4)\n" in page and "Not tagged" not in page


def test_the_project_page_places_both_lists_and_counts_the_chapters_tags():
    text = (Path(__file__).parent.parent / "docs" / page_grader.PAGE).read_text(encoding="utf-8")
    assert text.count(page_grader.GRADED) == 1 and text.count(page_grader.REPORT) == 1
    chapters = page_grader.graded(feature_paths(FEATURES_DIR))
    assert sum(s.claims for c in chapters for s in c.scenarios) == len(tagged("@gradable")) > 0
