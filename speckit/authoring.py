"""Help for the people who write scenarios: the mistakes they make, explained.

A pytest plugin (listed in the root ``conftest.py``) and the checks behind
``tests/test_step_ambiguity.py``:

* **Undefined step.** pytest-bdd reports ``Step definition is not found`` and
  stops there. The hook below appends the closest existing step sentences
  ("did you mean ..."), ranked by ``difflib`` similarity against every step
  definition's pattern and example sentence from ``speckit.catalog``.
* **Ambiguous step.** When two step definitions both match a sentence,
  pytest-bdd silently picks one (pytest-bdd #449, #608). ``find_ambiguities``
  matches every step of every feature file (Scenario Outlines expanded, one
  sentence per Examples row) against every definition and reports each sentence
  that more than one definition matches, with both definitions' file:line.
* **Malformed feature file.** Handled by ``speckit.collect`` (the file
  becomes one failing test with the parser's line:column message).

``scratch_specification`` / ``run_scratch`` build and run a tiny copy of this
specification in a temporary folder, so that the chapter "Writing scenarios"
can show each mistake failing for real without breaking the real suite.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from speckit.catalog import StepDefinition, step_definitions
from speckit.features import ROOT, Sentence


def _keyword(kind: str) -> str:
    return kind.capitalize() if kind != "step" else "Step"


def _sentence_of(definition: StepDefinition) -> str | None:
    """The definition's example sentence without its keyword."""
    return definition.example.split(" ", 1)[1] if definition.example and " " in definition.example else None


def did_you_mean(kind: str, text: str, definitions=None, n: int = 3) -> str:
    """Lines suggesting the ``n`` step definitions closest to the undefined sentence ``text``.

    Each definition is scored by the better ``difflib`` ratio of its pattern and
    of its example sentence; definitions of another step type come after those
    of the same type. Returns "" when nothing is remotely close (ratio < 0.4).
    """
    definitions = step_definitions() if definitions is None else definitions
    scored = []
    for d in definitions:
        candidates = [d.pattern] + ([_sentence_of(d)] if _sentence_of(d) else [])
        score = max(difflib.SequenceMatcher(None, text, c).ratio() for c in candidates)
        if score >= 0.4:
            scored.append((d.keyword in (kind, "step"), score, d))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    if not scored:
        return ""
    lines = ["Did you mean one of these step definitions (closest first)?"]
    for _, _, d in scored[:n]:
        example = f'  e.g. "{d.example}"' if d.example else ""
        lines.append(f"    {_keyword(d.keyword)} {d.pattern}    ({d.where}){example}")
    return "\n".join(lines)


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_step_func_lookup_error(request, feature, scenario, step, exception):
    """Append the closest existing step sentences to pytest-bdd's "not found" message.

    First among the hooks: the results recorder then keeps the suggestions for the site.
    """
    hint = did_you_mean(step.type, step.name)
    if hint:
        exception.args = (f"{exception.args[0]}\n{hint}",) + exception.args[1:]


@dataclass(frozen=True)
class Ambiguity:
    sentence: Sentence
    definitions: tuple[StepDefinition, ...]

    def describe(self) -> str:
        defs = "\n".join(f"    {_keyword(d.keyword)} {d.pattern}    ({d.where})" for d in self.definitions)
        return (
            f'{_keyword(self.sentence.keyword)} "{self.sentence.text}" ({self.sentence.where}) '
            f"is matched by {len(self.definitions)} step definitions; pytest-bdd silently uses one:\n{defs}\n"
            "Make one of the patterns more specific, or remove the duplicate."
        )


def find_ambiguities(sentences, definitions) -> list[Ambiguity]:
    """Every sentence that more than one step definition (of its type, or untyped) matches.

    A sentence that occurs many times (a Background, an outline) is reported once.
    """
    found, seen = [], set()
    for s in sentences:
        if (s.keyword, s.text) in seen:
            continue
        seen.add((s.keyword, s.text))
        matching = tuple(d for d in definitions if d.runs(s.keyword, s.text))
        if len(matching) > 1:
            found.append(Ambiguity(s, matching))
    return found


# --- a scratch copy of the specification, for showing mistakes --------------------------------


SCRATCH_FILES = (
    "pyproject.toml",
    "conftest.py",
    "steps/__init__.py",
    "steps/parsing.py",
    "steps/common_steps.py",
    "steps/check_steps.py",
    "steps/support.py",
    "tests/__init__.py",
    "tests/test_step_ambiguity.py",
)
"""What a scratch specification copies besides speckit: the configuration, the shared
sentences (``common_steps.py``, its parameter types and the support module) and the ambiguity check."""


def scratch_specification(dest: Path) -> Path:
    """A copy of this project's specification machinery under ``dest``, with an empty ``features/``.

    Copies speckit, the configuration, the shared sentences and the ambiguity
    check (``SCRATCH_FILES``); the chapters' own steps modules and the unit
    tests stay out, which keeps the scratch run quick. The package ``backprop``
    is imported from the installed project.
    """
    dest = Path(dest)
    (dest / "features").mkdir(parents=True)
    shutil.copytree(ROOT / "speckit", dest / "speckit", ignore=shutil.ignore_patterns("__pycache__"))
    for name in SCRATCH_FILES:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


def run_scratch(dest: Path, arguments: list[str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the scratch specification in a fresh interpreter: pytest with ``arguments``
    (by default ``features tests``: every feature and the ambiguity check).

    ``-rA`` lists every test as PASSED/FAILED in the summary; output is combined.
    """
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("PYTEST_ADDOPTS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD"):  # a plain pytest, as a writer runs it
        env.pop(name, None)
    command = [sys.executable, "-m", "pytest", "-rA", "-p", "no:cacheprovider", "--color=no"]
    command += ["features", "tests"] if arguments is None else arguments
    return subprocess.run(command, cwd=dest, env=env, capture_output=True, text=True, timeout=timeout)


# --- the catalog in the terminal: pytest --steps=WORD


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--steps",
        metavar="WORD",
        nargs="?",
        const="",
        default=None,
        help="print the step definitions whose sentence, description, example or allowed words mention WORD "
        "(every one with --steps alone), and exit",
    )


def catalog_text(word: str, definitions=None) -> str:
    """The catalog entries that mention ``word`` (case-insensitive), as plain text for a terminal."""
    from speckit.catalog import allowed_values

    definitions = step_definitions() if definitions is None else definitions
    allowed = allowed_values()
    entries = []
    for d in definitions:
        words = [v for name, _ in d.parameters for v in allowed.get(name, ())]
        haystack = " ".join([d.pattern, d.doc, d.example or "", *words]).lower()
        if word.lower() not in haystack:
            continue
        lines = [f"{_keyword(d.keyword)} {d.pattern}    ({d.where})"]
        if d.doc:
            lines.append("    " + d.doc.split("\n\n", 1)[0].replace("\n", " "))
        for name, _ in d.parameters:
            values = allowed.get(name, ())
            # A long list (the quantities of a check) one per line; a few words on one.
            lines += (
                [f"    {name}: {', '.join(values)}"]
                if len(values) <= 8
                else [f"    {name}:"] + [f"        {v}" for v in values]
            )
        if d.example:
            lines.append(f"    e.g. {d.example}")
        flow = ([f"reads {', '.join(d.reads)}"] if d.reads else []) + ([f"sets {d.sets}"] if d.sets else [])
        if flow:
            lines.append(f"    {'; '.join(flow)}")
        entries.append("\n".join(lines))
    found = f"{len(entries)} of {len(definitions)} step definitions mention {word!r}" if word else ""
    return "\n\n".join(entries + ([found] if found else []))


def pytest_cmdline_main(config: pytest.Config) -> int | None:
    word = config.getoption("steps")
    if word is None:
        return None
    print(catalog_text(word))
    return 0
