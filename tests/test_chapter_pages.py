"""The site's chapter pages (``docs/_hooks/chapter.py`` and its template) and the results recorder, on fixtures.

``tests/fixtures/features/`` holds a feature with a passing, a failing, an
undefined, a skipped and a never-run scenario, an outline with a failing row, a
malformed file, rules, and a Learn chapter with prose, a figure and a computed
value. The recorder is run on them in a separate pytest process (so their
failures stay theirs), and the pages are checked on its output and on
hand-written results: a broken scenario shows as failed on its page, open, and
listed at the top, while the main suite stays green.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest

from docs._hooks import api, build, markup, navigation
from docs._hooks.chapter import read_chapter
from docs._hooks.formatting import number
from docs._hooks.results import RunResults, file_hash
from speckit.features import ROOT, parse_feature

FIXTURES = Path(__file__).parent / "fixtures"
COUNTER = FIXTURES / "features" / "01-counter.feature"
BROKEN = FIXTURES / "features" / "02-broken.feature"
RULES = FIXTURES / "features" / "03-rules.feature"
TEACHING = FIXTURES / "features" / "04-chapter.feature"
FIGURE = SimpleNamespace(filename="a-figure.svg", caption="A caption with 0.25", alt="A short description", wide=False)
PAGES = {"index.md", "notation.md", "worked-example.md"}
"""The pages a fixture description may link to."""


def hand_written_results(**changes) -> RunResults:
    data = json.loads((FIXTURES / "results.json").read_text(encoding="utf-8"))
    for name in data["features"]:
        data["features"][name]["sha256"] = file_hash(FIXTURES / "features" / name)
    data["features"].update(changes)
    return RunResults(data)


def read(run: RunResults, path: Path = COUNTER, values: dict | None = None):
    parsed = parse_feature(path)
    return read_chapter(
        path,
        path.name,
        parsed.document,
        parsed.error,
        run,
        build.prose_renderer(values or {}, f"chapters/{path.stem}.md", PAGES),
    )


def chapter(run: RunResults, path: Path = COUNTER, values: dict | None = None, links: dict | None = None) -> str:
    return markup.render(
        "chapter.md.j2",
        chapter=read(run, path, values),
        run=run,
        figures={FIGURE.filename: FIGURE},
        links=links or {},
        boost=1,
        source=path.read_text(encoding="utf-8"),
    )


def evidence(page: str) -> dict[str, str]:
    """Each piece of evidence (a scenario's ``<details>``) by its claim, as written in the page."""
    blocks = re.findall(r'(<details class="bdd-evidence[^"]*"[^>]*>.*?</details>)', page, flags=re.S)
    named = {}
    for block in blocks:
        found = re.search(r'<span class="bdd-claim">(.*?)</span>', block)
        assert found, block[:200]
        claim = found.group(1)
        named[re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), claim)] = block
    return named


def statuses(block: str) -> list[str]:
    return re.findall(r'class="bdd-status bdd-([a-z-]+)"', block)


def html_of(page: str) -> str:
    return markdown.markdown(
        page, extensions=["tables", "md_in_html", "attr_list", "admonition", "pymdownx.superfences"]
    )


# --- a chapter on hand-written results


def test_each_scenario_shows_its_own_result_first_in_its_evidence():
    page = evidence(chapter(hand_written_results()))
    assert statuses(page["Adding one passes"])[0] == "passed"
    assert statuses(page["A wrong expectation fails"])[0] == "failed"
    assert statuses(page["A sentence nobody defined"])[0] == "undefined"
    assert statuses(page["A skipped scenario"])[0] == "skipped"
    assert statuses(page["Tables and docstrings are shown as written"])[0] == "not-run"


def test_a_failure_names_its_step_and_message_and_stays_open():
    page = chapter(hand_written_results())
    block = evidence(page)["A wrong expectation fails"]
    assert "Failed at step “Then the counter is 5” (line 17)" in block
    assert "AssertionError: assert 2 == 5" in block
    assert re.match(r'<details class="bdd-evidence bdd-evidence-failed" id="scenario-15" open', block)
    assert " open" not in evidence(page)["Adding one passes"].split(">", 1)[0]


def test_a_chapter_with_failures_lists_them_at_the_top():
    page = chapter(hand_written_results())
    top = page[: page.index("A <em>narrative</em> paragraph")]
    assert "3 claims of this chapter did not pass in the last run" in top
    assert "[A wrong expectation fails](#scenario-15)" in top and "(#scenario-19)" in top and "(#scenario-37)" in top


def test_an_undefined_step_is_named():
    block = evidence(chapter(hand_written_results()))["A sentence nobody defined"]
    assert "Undefined step “When I juggle the counter” (line 20)" in block


def test_a_skip_gives_its_reason_and_is_not_a_pass():
    block = evidence(chapter(hand_written_results()))["A skipped scenario"]
    assert "unconditional skip" in block
    assert "bdd-passed" not in block


def test_an_outline_is_one_line_summing_its_rows_and_its_table_leads_with_each_result():
    block = evidence(chapter(hand_written_results()))["Adding in steps"]
    summary = block.split("</summary>")[0]
    assert "3 rows: 2 passed, 1 failed" in summary
    rows = re.findall(r"<tr>(.*?)</tr>", html_of(block), flags=re.S)
    assert len(rows) == 4  # header and three Examples rows
    assert [statuses(row) for row in rows[1:]] == [["passed"], ["failed"], ["passed"]]
    assert all(row.strip().startswith('<td><span class="bdd-status') for row in rows[1:])
    assert "Failed at step “Then the counter is 4” (line 39) — row 2" in block


def test_an_edited_feature_shows_changed_instead_of_a_stale_verdict():
    run = hand_written_results(**{"01-counter.feature": {"sha256": "0" * 64}})
    page = chapter(run)
    assert "Changed since last run" in page
    for claim, block in evidence(page).items():
        assert statuses(block)[0] == "changed", claim


def test_what_a_scenario_measured_is_on_its_evidence_line():
    block = evidence(chapter(hand_written_results()))["Adding one passes"]
    summary = block.split("</summary>")[0]
    assert "measured: the counter 2; a ratio 0.1235; a gap 4.5 × 10<sup>−5</sup>" in summary
    assert "measured" not in evidence(chapter(hand_written_results()))["A skipped scenario"].split("</summary>")[0]


def test_measured_numbers_are_shown_to_four_significant_digits():
    shown = [number(v, 4, "html") for v in (78, 608.5, 0.50205, 18020.3, 1e-07, 2.52e-10, -0.95532)]
    assert shown == ["78", "608.5", "0.502", "18,020", "10<sup>−7</sup>", "2.52 × 10<sup>−10</sup>", "-0.9553"]


def test_what_examples_rows_measured_is_a_column_per_quantity_and_the_range_is_on_the_line():
    block = evidence(chapter(hand_written_results()))["Adding in steps"]
    rows = re.findall(r"<tr>(.*?)</tr>", html_of(block), flags=re.S)
    assert re.findall(r"<th[^>]*>(.*?)</th>", rows[0])[-1] == "the counter (last run)"
    assert [re.findall(r"<td[^>]*>(.*?)</td>", row)[-1] for row in rows[1:]] == [
        "",
        '<span class="bdd-measured bdd-number">3</span>',
        "",
    ]
    assert "measured: the counter 3" in block.split("</summary>")[0]


def test_rows_that_measure_differently_named_quantities_share_one_measured_column():
    from docs._hooks.results import Outcome

    outcomes = [
        Outcome("passed", measured=[("order from 0.1 to 1e-06", 1.98)]),
        Outcome("passed", measured=[("order from 1e-08 to 1e-12", -0.97), ("best epsilon", 1e-05)]),
        Outcome("failed"),
    ]
    rows = markup.examples_table(["from", "to"], [["0.1", "1e-06"], ["1e-08", "1e-12"], ["1", "2"]], outcomes)
    lines = rows.splitlines()
    assert lines[0] == "| result | from | to | measured in the last run |"
    assert lines[2].endswith('<span class="bdd-measured">order from 0.1 to 1e-06 = 1.98</span> |')
    assert "order from 1e-08 to 1e-12 = -0.97; best epsilon = 10<sup>−5</sup>" in lines[3]
    assert lines[4].endswith("|  |")


def test_an_edited_feature_shows_no_stale_measurement():
    page = chapter(hand_written_results(**{"01-counter.feature": {"sha256": "0" * 64}}))
    assert "measured" not in page
    assert "(last run)" not in page


def test_without_a_recorded_run_everything_is_not_run():
    page = chapter(RunResults(None))
    assert "no recorded run" in page
    assert {statuses(b)[0] for b in evidence(page).values()} == {"not-run"}


def test_a_partial_run_shows_each_scenario_it_did_not_run_with_its_last_result_and_date():
    data = json.loads((FIXTURES / "results.json").read_text(encoding="utf-8"))
    for name in data["features"]:
        data["features"][name]["sha256"] = file_hash(FIXTURES / "features" / name)
    data["command"] = "pytest -k adding_one"
    data["earlier"] = [
        {
            "feature": "01-counter.feature",
            "line": 27,
            "row": None,
            "name": "Tables and docstrings are shown as written",
            "status": "failed",
            "step": {"keyword": "Then", "text": "the rows are 3", "line": 33},
            "message": "AssertionError: the rows are 2, not 3",
            "measured": [{"what": "rows", "value": 2}],
            "date": "2026-01-01T00:00:00Z",
        }
    ]
    data["scenarios"] = [s for s in data["scenarios"] if s["line"] != 27]
    page = chapter(RunResults(data))
    block = evidence(page)["Tables and docstrings are shown as written"]
    summary = block.split("</summary>")[0]
    # The whole record of the earlier run: its status, what it measured, where it failed and why.
    assert statuses(summary) == ["failed"] and "rows 2" in summary
    assert "result of the run of 2026-01-01T00:00:00Z (not run by the last, `pytest -k adding&#95;one`)" in summary
    assert "AssertionError: the rows are 2, not 3" in block and "(line 33)" in block
    assert "Results of more than one run" in page


def test_steps_tables_and_docstrings_are_shown_as_written():
    html = html_of(evidence(chapter(hand_written_results()))["Tables and docstrings are shown as written"])
    assert '<span class="bdd-keyword">Given</span> the rows:' in html
    assert "<td>a&#124;b</td>" in html  # the escaped pipe stays in its cell
    assert "x_1 * y_2" in html and "<em>" not in html  # a docstring is code, not Markdown
    assert re.search(r'<p class="bdd-step"><span class="bdd-keyword">And</span> the note:</p>', html)


def test_the_narrative_is_rendered_to_html_and_its_math_left_for_katex():
    page = chapter(hand_written_results())
    assert '<p>A <em>narrative</em> paragraph with math: <span class="arithmatex">\\(a = b + 1\\)</span> and' in page
    assert r'<span class="arithmatex">\(\frac{\partial C}{\partial w}\)</span>' in page
    assert "<li>a list item in the description</li>" in page
    # Placed as a raw block: the page's Markdown does not read the prose a second time.
    assert html_of(page).count("<em>narrative</em>") == 1


def test_the_legend_of_the_marks_is_on_every_chapter():
    for path in (COUNTER, RULES, TEACHING, BROKEN):
        page = chapter(hand_written_results(), path, values={"answer": 2})
        assert '<p class="bdd-legend">' in page and "✔ passed · ✘ failed · ? undefined step" in page, path


def test_links_behind_the_chapter_are_added():
    links = {
        "steps": [api.Link("Then the counter is {n:d}", "../step-catalog.md#step-x-1")],
        "api": [api.Link("backprop.train", "../api/training.md#backprop.training.train")],
    }
    page = chapter(hand_written_results(), links=links)
    assert "[Then the counter is &#123;n:d&#125;](../step-catalog.md#step-x-1)" in page
    assert "[`backprop.train`](../api/training.md#backprop.training.train)" in page
    assert "The feature file: `features/01-counter.feature`." in page


def test_a_malformed_feature_is_a_failed_chapter_with_the_parser_message():
    page = chapter(hand_written_results(), path=BROKEN)
    assert "# A feature file with a syntax error" in page
    assert "Malformed feature file" in page
    assert "(4:3): expected:" in page and "got 'This line is no step'" in page
    assert statuses(page.split('<p class="bdd-legend">')[0]) == ["failed"]


def test_rules_are_sections_with_their_own_evidence():
    data = {
        "date": "2026-01-02T03:04:05Z",
        "features": {"03-rules.feature": {"sha256": file_hash(RULES)}},
        "scenarios": [{"feature": "03-rules.feature", "line": 6, "row": None, "status": "passed"}],
    }
    page = chapter(RunResults(data), path=RULES)
    assert "## Counting starts at one" in page and "## Counting can skip" in page
    assert page.index("## Counting starts at one") < page.index("One more is two") < page.index("## Counting can skip")
    assert statuses(evidence(page)["One more is two"])[0] == "passed"
    assert statuses(evidence(page)["Three more is four"])[0] == "not-run"  # a scenario the run did not record


def test_a_teaching_chapter_reads_prose_then_figure_then_prose_then_evidence():
    page = chapter(RunResults(None), TEACHING, values={"answer": 2})
    order = [
        "The introduction",
        "## Counting adds",
        "one larger: 2.",
        "![A short description](../figures/a-figure.svg)",
        "A caption with 0.25",
        "After the figure, more prose.",
        "One and one make two",
    ]
    positions = [page.index(piece) for piece in order]
    assert positions == sorted(positions), positions
    # How the bound was chosen is method: inside the evidence, not in the teaching prose.
    block = evidence(page)["One and one make two"]
    assert "The bound was chosen by hand." in block
    assert page.count("The bound was chosen by hand.") == 1


def test_the_learn_tag_puts_a_chapter_in_the_learn_track():
    assert read(RunResults(None), TEACHING, {"answer": 2}).track == "learn"
    assert read(RunResults(None), COUNTER).track == "check"
    assert read(RunResults(None), BROKEN).track == "check"


def test_the_navigation_has_two_tracks_and_marks_a_failing_chapter():
    run = hand_written_results()
    chapters = [read(run, TEACHING, {"answer": 2}), read(run, COUNTER)]
    pages = {
        "index.md",
        "notation.md",
        "original.md",
        "errata.md",
        "results.md",
        "step-catalog.md",
        "api/network.md",
        "chapters/04-chapter.md",
        "chapters/01-counter.md",
        "a-readers-page.md",
    }
    nav = navigation.navigation(chapters, pages)
    learn, check = nav[0]["Learn"], nav[1]["Specify and check"]
    assert learn == [
        {"Introduction": "index.md"},
        "notation.md",
        {"A chapter that teaches": "chapters/04-chapter.md"},
        "original.md",
        "errata.md",
    ]
    assert check[0] == {"✘ A counter for the renderer&#x27;s tests": "chapters/01-counter.md"}
    assert "a-readers-page.md" in check and check[-1] == {"API reference": ["api/network.md"]}


def test_a_value_a_description_names_but_the_build_does_not_have_is_a_problem_shown_in_its_place():
    read_back = read(RunResults(None), TEACHING, values={})
    assert len(read_back.problems) == 1
    assert re.fullmatch(
        r"features/04-chapter\.feature:6: the description of the Rule 'Counting adds' cannot be shown: "
        r"'answer' is undefined; the values a description may quote: none",
        read_back.problems[0],
    )
    page = chapter(RunResults(None), TEACHING, values={})
    assert "This text of the feature file cannot be shown" in page and "&#39;answer&#39; is undefined" not in page
    assert "'answer' is undefined" in page  # in a text fence, as written


def test_the_results_page_counts_per_chapter():
    run = hand_written_results()
    chapters = [read(run, COUNTER)]
    totals = {"passed": 3, "failed": 2, "undefined": 1, "skipped": 1, "not run": 1}
    page = markup.render("results.md.j2", chapters=chapters, run=run, score=None, totals=totals)
    assert "2026-01-02T03:04:05Z" in page and "`0123456789ab`" in page
    row = next(line for line in page.splitlines() if line.startswith("| [A counter"))
    #                      track passed failed undefined skipped not-run changed total
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["Specify", "3", "2", "1", "1", "1", "", "8"]


def test_the_mutation_score_is_shown_from_its_file():
    score = {"killed": 89, "timeout": 1, "survived": 10, "total": 100, "score": 0.9, "commit": "abc", "date": "d"}
    page = markup.render("results.md.j2", chapters=[], run=RunResults(None), score=score, totals={})
    assert "| 90 | 10 | 100 | 90.0% | `abc` | d |" in page


def test_the_step_that_stopped_a_scenario_is_marked():
    page = evidence(chapter(hand_written_results()))
    assert (
        '<p class="bdd-step bdd-step-failed"><span class="bdd-keyword">Then</span> the counter is 5</p>'
        in page["A wrong expectation fails"]
    )
    assert "bdd-step-undefined" in page["A sentence nobody defined"]
    assert "bdd-step-" not in page["Adding one passes"]


def test_math_is_kept_out_of_the_search_index():
    from docs._hooks import site

    html = '<p>See <span class="arithmatex">\\(\\varepsilon\\)</span>.</p><div class="arithmatex">\\[x\\]</div>'
    marked = site.on_page_content(html, None, None, None)
    assert marked.count("data-search-exclude") == 2


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
    assert data["features"]["01-counter.feature"]["sha256"] == file_hash(COUNTER)
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
    page = evidence(chapter(RunResults(data)))
    assert statuses(page["A wrong expectation fails"])[0] == "failed"
    assert statuses(page["Adding in steps"])[-3:] == ["passed", "failed", "passed"]


@pytest.mark.slow
def test_the_recorder_gives_the_same_results_under_xdist(tmp_path):
    plain = run_fixture_suite(tmp_path / "plain")
    parallel = run_fixture_suite(tmp_path / "xdist", "-n", "2")
    assert summary(parallel) == summary(plain) == EXPECTED
    assert [s["message"] for s in parallel["scenarios"]] == [s["message"] for s in plain["scenarios"]]
    assert [s.get("measured") for s in parallel["scenarios"]] == [s.get("measured") for s in plain["scenarios"]]
    assert parallel["malformed"] == plain["malformed"]


def test_a_partial_run_keeps_what_the_run_before_it_found(tmp_path):
    # A full run, then `-k` on one scenario into the same file: the others keep their results and date.
    full = run_fixture_suite(tmp_path)
    out = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--results-json",
            str(out),
            "-k",
            "adding_one_passes",
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    partial = json.loads(out.read_text(encoding="utf-8"))
    assert [(s["line"], s["status"]) for s in partial["scenarios"]] == [(11, "passed")]
    kept = {(s["feature"], s["line"], s["row"]): s for s in partial["earlier"]}
    before = {(s["feature"], s["line"], s["row"]): s for s in full["scenarios"]}
    # Whole records, as the full run wrote them, with its date.
    assert kept[("01-counter.feature", 15, None)] == {**before[("01-counter.feature", 15, None)], "date": full["date"]}
    assert kept[("01-counter.feature", 37, 1)]["status"] == "failed" and kept[("01-counter.feature", 37, 1)]["message"]
    assert ("01-counter.feature", 11, None) not in kept


# --- exercises

EXERCISES = FIXTURES / "features" / "05-exercises.feature"


def test_an_exercise_shows_its_question_and_hides_its_answer_and_its_check():
    page = chapter(hand_written_results(), EXERCISES)
    assert '<p class="bdd-exercise-title">Exercise 1. Add one</p>' in page
    assert '<p class="bdd-exercise-title">Exercise 2. Add nothing</p>' in page
    first = page[page.index("Exercise 1.") : page.index("Exercise 2.")]
    question, answer = first.split('<details class="bdd-answer', 1)
    assert "What is 1 + 1?" in question and "Answer:" not in question and "one and one" not in question
    assert " open" not in answer.split(">", 1)[0]
    assert "2, because one and one make two." in answer
    assert "Given" in answer and "the counter is 2" in answer
    # The scenario between the two exercises stays ordinary evidence.
    assert list(evidence(page)) == ["Ordinary evidence between the exercises"]


def test_an_exercise_without_an_answer_is_refused_with_its_line(tmp_path):
    path = tmp_path / "06-no-answer.feature"
    path.write_text(EXERCISES.read_text(encoding="utf-8").replace("      Answer: 3.\n", ""), encoding="utf-8")
    assert read(hand_written_results(), path).problems == [
        "features/06-no-answer.feature:22: this exercise has no answer: end its description with 'Answer: ...'"
    ]


@pytest.mark.slow
def test_a_run_merges_with_the_last_under_a_lock_so_two_runs_ending_together_lose_nothing(tmp_path):
    # While the lock is held (as by another run writing), a run that ends must wait, then merge with what
    # that other run wrote: here a change made to the file while the lock was held.
    from speckit.results import _locked

    full = run_fixture_suite(tmp_path)
    out = tmp_path / "results.json"
    with _locked(out.with_suffix(".json.lock")):
        run = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--results-json", str(out)]
            + ["-k", "adding_one_passes"],
            cwd=tmp_path,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(8)  # one scenario runs in about a second: after 8 s the run waits only for the lock
        assert run.poll() is None, "the run wrote its results while another held the lock"
        changed = {
            **full,
            "scenarios": [{**s, "message": "written meanwhile"} if s["line"] == 15 else s for s in full["scenarios"]],
        }
        out.write_text(json.dumps(changed), encoding="utf-8")
    assert run.wait(timeout=60) == 0
    merged = json.loads(out.read_text(encoding="utf-8"))
    kept = {(s["line"], s["row"]): s for s in merged["earlier"]}
    assert kept[(15, None)]["message"] == "written meanwhile"
    assert [s["line"] for s in merged["scenarios"]] == [11]


def test_a_code_line_shows_the_programs_function_open_and_the_packages_closed(tmp_path):
    path = tmp_path / "07-code.feature"
    path.write_text(
        "Feature: Code\n  The pass in code:\n\n  Code: guide_program.py:forward_prop, backprop/forward.py:forward\n\n"
        "  Code: backprop/nowhere.py:x\n\n  Scenario: Nothing\n    Given a counter at 1\n",
        encoding="utf-8",
    )
    read_back = read(RunResults(None), path)
    [code] = [b for b in read_back.blocks if b.kind == "code"]
    assert [(x.source, x.function) for x in code.listings] == [
        ("guide_program.py", "forward_prop"),
        ("backprop/forward.py", "forward"),
    ]
    assert read_back.problems == [
        "features/07-code.feature:6: code comes from guide_program.py or a module of the package "
        "(backprop/<name>.py), not 'backprop/nowhere.py'"
    ]
    page = chapter(RunResults(None), path)
    first, second = re.findall(r'<details class="bdd-code[^"]*"[^>]*>', page)
    assert first.endswith(" open markdown>") and "open" not in second
    assert '<a href="../../downloads/guide_program.py" download>guide_program.py</a>' in page
    assert '```python linenums="' in page and "def forward_prop(params, X):" in page


def test_the_site_step_writes_each_file_whole_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    site = build.Site(
        pages={"chapters/a.md": "# A\n"}, files={"figures/f.svg": b"<svg/>"}, nav=[{"A": "chapters/a.md"}]
    )
    site.write(tmp_path)
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["chapters/a.md", "figures/f.svg", "nav.json"]
    assert json.loads((tmp_path / "nav.json").read_text(encoding="utf-8")) == [{"A": "chapters/a.md"}]
    # Interrupted while writing the figure: the page written before it is complete, the old figure is kept.
    (tmp_path / "figures" / "f.svg").write_bytes(b"<svg>old</svg>")
    real = Path.write_bytes

    def interrupted(path, data):
        if path.name.startswith(".f.svg."):
            real(path, data[:3])
            raise KeyboardInterrupt
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build.Site(pages={"chapters/a.md": "# B\n"}, files={"figures/f.svg": b"<svg>new</svg>"}).write(tmp_path)
    assert (tmp_path / "chapters" / "a.md").read_text() == "# B\n"
    assert (tmp_path / "figures" / "f.svg").read_bytes() == b"<svg>old</svg>"
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".partial")]
