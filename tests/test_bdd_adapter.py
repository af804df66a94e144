"""speckit.bdd, the one adapter to pytest-bdd's and pytest's internals: what it reads, on a real session.

When a pytest-bdd release moves a registry or renames an argument, these fail first, and name what moved.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from speckit.bdd import ENCODING, step_contexts
from speckit.features import ROOT


def test_every_step_definition_of_the_steps_modules_is_registered_with_its_parser_and_fixture():
    import steps.common_steps  # noqa: F401 (registers its definitions)

    contexts = {c.parser.name: c for c in step_contexts() if c.function.__module__ == "steps.common_steps"}
    network = contexts["the guide's 2-2-1 network with seed {seed:d}"]
    assert network.keyword == "given" and network.target_fixture == "network"
    assert network.parser.is_matching("the guide's 2-2-1 network with seed 0")


def test_a_collected_scenario_and_outline_row_are_known_by_file_line_name_and_row(tmp_path):
    # A real pytest session (the adapter reads what pytest-bdd registers while collecting): a conftest
    # prints what scenario_of says of each item; the feature is saved with a byte-order mark and CRLF.
    (tmp_path / "features").mkdir()
    feature = "Feature: Adapter\n  Scenario: One\n    Given x\n\n  Scenario Outline: Rows\n    Given <a>\n\n"
    feature += "    Examples:\n      | a |\n      | p |\n      | q |\n"
    (tmp_path / "features" / "one.feature").write_bytes(feature.replace("\n", "\r\n").encode(ENCODING))
    (tmp_path / "conftest.py").write_text(
        textwrap.dedent(
            """
            pytest_plugins = ["speckit.collect"]
            from speckit.bdd import scenario_of

            def pytest_collection_modifyitems(items):
                for item in items:
                    s = scenario_of(item)
                    here = s.filename.endswith("one.feature")
                    print("SCENARIO", item.name, s.feature, s.line, s.name, s.row, s.example, here)
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\nbdd_features_base_dir = features/\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-s", "-p", "no:cacheprovider", "features"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    seen = sorted(line for line in done.stdout.splitlines() if line.startswith("SCENARIO"))
    assert seen == [
        "SCENARIO test_one Adapter 2 One None None True",
        "SCENARIO test_rows[p] Adapter 5 Rows 0 {'a': 'p'} True",
        "SCENARIO test_rows[q] Adapter 5 Rows 1 {'a': 'q'} True",
    ], done.stdout + done.stderr
