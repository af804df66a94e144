"""The site's chapter renderer and the results recorder, on fixture features.

``tests/fixtures/features/`` holds a feature with a passing, a failing, an
undefined, a skipped and a never-run scenario, an outline with a failing row,
and a malformed file. The recorder is run on them in a separate pytest
process (so their failures stay theirs), and the renderer is checked on its
output and on hand-written results: a broken scenario shows as failed on its
page while the main suite stays green.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from docs._hooks import render
from docs._hooks.formatting import number
from speckit.features import ROOT, parse_feature

FIXTURES = Path(__file__).parent / "fixtures"
COUNTER = FIXTURES / "features" / "01-counter.feature"
BROKEN = FIXTURES / "features" / "02-broken.feature"


def hand_written_results(**changes) -> render.RunResults:
    data = json.loads((FIXTURES / "results.json").read_text(encoding="utf-8"))
    for name in data["features"]:
        data["features"][name]["sha256"] = render.file_hash(FIXTURES / "features" / name)
    data["features"].update(changes)
    return render.RunResults(data)


def chapter(run: render.RunResults, path: Path = COUNTER, **extras) -> str:
    parsed = parse_feature(path)
    return render.chapter(path, parsed.document, parsed.error, run, path.name, render.ChapterExtras(**extras))


def sections(page: str) -> dict[str, str]:
    """The page's text under each ``## heading`` (a scenario's block)."""
    parts = re.split(r"^## (.+)$", page, flags=re.M)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def statuses(block: str) -> list[str]:
    return re.findall(r'class="bdd-status bdd-([a-z-]+)"', block)


def html_of(page: str) -> str:
    return markdown.markdown(
        page, extensions=["tables", "md_in_html", "attr_list", "admonition", "pymdownx.superfences"]
    )


# --- the renderer on hand-written results


def test_each_scenario_shows_its_own_result():
    page = sections(chapter(hand_written_results()))
    assert statuses(page["Adding one passes"]) == ["passed"]
    assert statuses(page["A wrong expectation fails"]) == ["failed"]
    assert statuses(page["A sentence nobody defined"]) == ["undefined"]
    assert statuses(page["A skipped scenario"]) == ["skipped"]
    assert statuses(page["Tables and docstrings are shown as written"]) == ["not-run"]


def test_a_failure_names_its_step_and_message():
    block = sections(chapter(hand_written_results()))["A wrong expectation fails"]
    assert "Failed at step “Then the counter is 5” (line 17)" in block
    assert "AssertionError: assert 2 == 5" in block


def test_an_undefined_step_is_named():
    block = sections(chapter(hand_written_results()))["A sentence nobody defined"]
    assert "Undefined step “When I juggle the counter” (line 20)" in block


def test_a_skip_gives_its_reason_and_is_not_a_pass():
    block = sections(chapter(hand_written_results()))["A skipped scenario"]
    assert "unconditional skip" in block
    assert "bdd-passed" not in block


def test_each_examples_row_shows_its_result_in_a_real_table():
    block = sections(chapter(hand_written_results()))["Adding in steps"]
    html = html_of(block)
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert len(rows) == 4  # header and three Examples rows
    assert [statuses(row) for row in rows[1:]] == [["passed"], ["failed"], ["passed"]]
    assert "Failed at step “Then the counter is 4” (line 39) — row 2, line 44" in block


def test_an_edited_feature_shows_changed_instead_of_a_stale_verdict():
    run = hand_written_results(**{"01-counter.feature": {"sha256": "0" * 64}})
    page = chapter(run)
    assert "Changed since last run" in page
    for title, block in sections(page).items():
        if title not in ("Background", "Figures"):
            assert set(statuses(block)) == {"changed"}, title


def test_what_a_scenario_measured_is_shown_under_its_status():
    block = sections(chapter(hand_written_results()))["Adding one passes"]
    assert (
        '<p class="bdd-measured">Measured in the last run: the counter = 2; a ratio = 0.1235; '
        "a gap = 4.5 × 10<sup>−5</sup></p>" in block
    )
    assert block.index("bdd-scenario-status") < block.index("bdd-measured") < block.index("bdd-steps")
    assert "bdd-measured" not in sections(chapter(hand_written_results()))["A skipped scenario"]


def test_measured_numbers_are_shown_to_four_significant_digits():
    shown = [number(v, 4, "html") for v in (78, 608.5, 0.50205, 18020.3, 1e-07, 2.52e-10, -0.95532)]
    assert shown == ["78", "608.5", "0.502", "18,020", "10<sup>−7</sup>", "2.52 × 10<sup>−10</sup>", "-0.9553"]


def test_what_each_examples_row_measured_is_a_column_of_its_table():
    html = html_of(sections(chapter(hand_written_results()))["Adding in steps"])
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    assert "measured in the last run" in rows[0]
    assert [re.findall(r'class="bdd-measured">([^<]*)<', row) for row in rows[1:]] == [[""], ["the counter = 3"], [""]]


def test_an_edited_feature_shows_no_stale_measurement():
    page = chapter(hand_written_results(**{"01-counter.feature": {"sha256": "0" * 64}}))
    assert "Measured in the last run" not in page and "measured in the last run" not in page
    assert "the counter = " not in page


def test_without_a_recorded_run_everything_is_not_run():
    page = chapter(render.RunResults(None))
    assert "no recorded run" in page
    assert set(statuses(page)) == {"not-run"}


def test_steps_tables_and_docstrings_are_shown_as_written():
    html = html_of(sections(chapter(hand_written_results()))["Tables and docstrings are shown as written"])
    assert '<span class="bdd-keyword">Given</span> the rows:' in html
    assert "<td>a&#124;b</td>" in html  # the escaped pipe stays in its cell
    assert "x_1 * y_2" in html and "<em>" not in html  # a docstring is code, not Markdown
    assert re.search(r'<p class="bdd-step"><span class="bdd-keyword">And</span> the note:</p>', html)


def test_the_narrative_and_its_math_pass_through():
    page = chapter(hand_written_results())
    assert "A *narrative* paragraph with math: $a = b + 1$ and" in page
    assert r"\(\frac{\partial C}{\partial w}\)" in page


def test_figures_and_links_are_added():
    page = chapter(
        hand_written_results(),
        figures=[render.Figure("../figures/a.svg", "A caption")],
        step_links=[render.Link("Then the counter is {n:d}", "../step-catalog.md#step-x-1")],
        api_links=[render.Link("backprop.train", "../api/training.md#backprop.training.train")],
    )
    assert "![A caption](../figures/a.svg)" in page
    assert "[Then the counter is &#123;n:d&#125;](../step-catalog.md#step-x-1)" in page
    assert "[`backprop.train`](../api/training.md#backprop.training.train)" in page


def test_a_malformed_feature_is_a_failed_chapter_with_the_parser_message():
    page = chapter(hand_written_results(), path=BROKEN)
    assert page.startswith("# A feature file with a syntax error")
    assert "Malformed feature file" in page
    assert "(4:3): expected:" in page and "got 'This line is no step'" in page
    assert statuses(page) == ["failed"]


def test_the_results_page_counts_per_feature():
    run = hand_written_results()
    parsed = parse_feature(COUNTER)
    outcomes = render.scenario_results(parsed.document, run.feature("01-counter.feature", render.file_hash(COUNTER)))
    page = render.results_page([("Counter", "chapters/01-counter.md", outcomes, False, False)], run)
    assert "2026-01-02T03:04:05Z" in page and "`0123456789ab`" in page
    row = next(line for line in page.splitlines() if line.startswith("| [Counter]"))
    #            passed failed undefined skipped not-run changed total
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["3", "2", "1", "1", "1", "", "8"]


# --- the recorder (speckit/results.py) on the fixture suite, in its own process


def run_fixture_suite(tmp_path: Path, *options: str) -> dict:
    for name in ("features",):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    shutil.copy(FIXTURES / "suite" / "plugin_conftest.py", tmp_path / "conftest.py")
    shutil.copy(FIXTURES / "suite" / "pytest.ini", tmp_path / "pytest.ini")
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--results-json", str(out), *options],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr  # the fixture suite has failures by design
    return json.loads(out.read_text(encoding="utf-8"))


def summary(data: dict, feature: str = "01-counter.feature") -> list[tuple]:
    return [
        (s["line"], s["row"], s["status"], (s["step"] or {}).get("text"))
        for s in data["scenarios"]
        if s["feature"] == feature
    ]


EXPECTED = [
    (11, None, "passed", None),
    (15, None, "failed", "the counter is 5"),
    (19, None, "undefined", "I juggle the counter"),
    (24, None, "skipped", None),
    (27, None, "passed", None),
    (37, 0, "passed", None),
    (37, 1, "failed", "the counter is 4"),
    (37, 2, "passed", None),
]


def test_the_recorder_records_every_kind_of_result(tmp_path):
    data = run_fixture_suite(tmp_path)
    assert summary(data) == EXPECTED
    assert summary(data, "03-rules.feature") == [(6, None, "passed", None), (11, None, "passed", None)]
    assert data["features"]["01-counter.feature"]["sha256"] == render.file_hash(COUNTER)
    assert "(4:3): expected:" in data["malformed"]["02-broken.feature"]
    failed = data["scenarios"][1]
    assert failed["message"].startswith("AssertionError: assert 2 == 5")
    # what the Then step measured before asserting, failed or not, per scenario and Examples row
    assert failed["measured"] == [{"what": "the counter", "value": 2}]
    assert [s.get("measured") for s in data["scenarios"] if s["line"] == 37] == [
        [{"what": "the counter", "value": v}] for v in (2, 3, 4)
    ]
    assert "measured" not in data["scenarios"][2]  # undefined: its Then never ran
    # ... and the page shows the broken scenario as failed
    page = sections(chapter(render.RunResults(data)))
    assert statuses(page["A wrong expectation fails"]) == ["failed"]
    assert statuses(page["Adding in steps"])[-3:] == ["passed", "failed", "passed"]


@pytest.mark.slow
def test_the_recorder_gives_the_same_results_under_xdist(tmp_path):
    plain = run_fixture_suite(tmp_path / "plain")
    parallel = run_fixture_suite(tmp_path / "xdist", "-n", "2")
    assert summary(parallel) == summary(plain) == EXPECTED
    assert [s["message"] for s in parallel["scenarios"]] == [s["message"] for s in plain["scenarios"]]
    assert [s.get("measured") for s in parallel["scenarios"]] == [s.get("measured") for s in plain["scenarios"]]
    assert parallel["malformed"] == plain["malformed"]


def test_rules_nest_their_scenarios_and_results():
    path = FIXTURES / "features" / "03-rules.feature"
    data = {
        "date": "2026-01-02T03:04:05Z",
        "features": {"03-rules.feature": {"sha256": render.file_hash(path)}},
        "scenarios": [{"feature": "03-rules.feature", "line": 6, "row": None, "status": "passed"}],
    }
    page = chapter(render.RunResults(data), path=path)
    assert "## Rule: Counting starts at one" in page and "## Rule: Counting can skip" in page
    blocks = dict(re.findall(r"^### (.+)\n((?:(?!^##).*\n?)*)", page, flags=re.M))
    assert statuses(blocks["One more is two"]) == ["passed"]
    assert statuses(blocks["Three more is four"]) == ["not-run"]  # a scenario the run did not record


def test_the_mutation_score_is_shown_from_its_file():
    section = render.mutation_section({"killed": 90, "survived": 10, "total": 100, "commit": "abc", "date": "d"})
    assert "| 90 | 10 | 100 | 90.0% |" in section


def test_the_step_that_stopped_a_scenario_is_marked():
    page = sections(chapter(hand_written_results()))
    assert (
        '<p class="bdd-step bdd-step-failed"><span class="bdd-keyword">Then</span> the counter is 5</p>'
        in page["A wrong expectation fails"]
    )
    assert "bdd-step-undefined" in page["A sentence nobody defined"]
    assert "bdd-step-" not in page["Adding one passes"]
