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
    "steps/grading.py",
    "steps/implementation.py",
    "steps/implementation_worker.py",
    "tests/__init__.py",
    "tests/test_step_ambiguity.py",
)
"""What a scratch specification copies besides speckit: the configuration, the shared
sentences (``common_steps.py``, its parameter types and the support module), the plugins
the configuration loads (the grader's) and the ambiguity check."""

DEMONSTRATIONS = ROOT / "tests" / "fixtures" / "scratch"
"""Steps modules that only a demonstration loads (``<name>_steps.py``): shipped with the project,
chosen by name, never written from a feature file. Outside ``steps/``, so the real suite never loads them."""

WRITABLE = "features/<name>.feature (any folder under features/) or features/data/<name>.csv"
"""What a feature file may add to a scratch specification: more feature files and their data. Nothing
Python would run (a conftest.py, a steps module, a test file, a configuration file)."""

SCRATCH_OPTIONS = "paths inside the scratch folder, --scenario NAME, --steps[=WORD] and --results-json FILE"
"""The pytest arguments a scratch run takes: what the chapter on writing scenarios shows, and nothing
that writes, reads or configures outside the scratch folder (--basetemp, -p, -c, --rootdir, -o, ...)."""


class ScratchError(ValueError):
    """A scratch file or a scratch run's argument that would reach outside the scratch specification."""


def inside(base: Path, path: str, what: str) -> Path:
    """``path`` (relative, as a reader wrote it) resolved inside ``base``, or a ``ScratchError`` quoting it.

    Resolving first defeats ``..`` and symbolic links that point out.
    """
    base = Path(base).resolve()
    target = (base / path).resolve()
    if Path(path).is_absolute() or not target.is_relative_to(base):
        raise ScratchError(f"{what} {path!r} is outside the scratch specification; give a path inside it")
    return target


def write_scratch_file(dest: Path, path: str, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    """Write ``text`` to ``path`` (from the scratch root) if it is a feature file or a data file (``WRITABLE``),
    in ``encoding`` with ``newline`` line ends."""
    target = inside(dest, path, "the scratch file")
    parts = target.relative_to(Path(dest).resolve()).parts
    feature = parts[0] == "features" and target.suffix == ".feature" and len(parts) >= 2
    data = parts[:2] == ("features", "data") and len(parts) == 3 and target.suffix == ".csv"
    if not (feature or data):
        raise ScratchError(f"the scratch file {path!r} cannot be written: a scratch file is {WRITABLE}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.replace("\n", newline).encode(encoding))
    return target


def demonstrations() -> list[str]:
    """The names of the demonstration steps modules ``add_demonstration`` can load."""
    return sorted(p.name.removesuffix("_steps.py") for p in DEMONSTRATIONS.glob("*_steps.py"))


def add_demonstration(dest: Path, name: str) -> Path:
    """Copy the demonstration steps module ``name`` into the scratch specification's ``steps/``."""
    if name not in demonstrations():
        raise ScratchError(f"no demonstration steps {name!r}; the demonstrations: {', '.join(demonstrations())}")
    target = Path(dest) / "steps" / f"{name}_steps.py"
    shutil.copy2(DEMONSTRATIONS / f"{name}_steps.py", target)
    return target


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


def scratch_arguments(dest: Path, arguments: list[str]) -> list[str]:
    """``arguments`` if each is one a scratch run takes (``SCRATCH_OPTIONS``), else a ``ScratchError`` naming it."""
    checked: list[str] = []
    rest = iter(arguments)
    for argument in rest:
        name, equals, value = argument.partition("=")
        if name == "--scenario":
            value = value if equals else next(rest, "")
            if not value:
                raise ScratchError('--scenario needs the scenario\'s name: --scenario "Its name, as written"')
            checked += ["--scenario", value]
        elif name == "--steps":
            checked.append(argument)
        elif name == "--results-json":
            value = value if equals else next(rest, "")
            inside(dest, value, "--results-json")
            checked += ["--results-json", value]
        elif argument.startswith("-"):
            raise ScratchError(f"the pytest option {name} is not taken by a scratch run; it takes {SCRATCH_OPTIONS}")
        else:
            inside(dest, argument.split("::", 1)[0], "the path")
            checked.append(argument)
    return checked


def run_scratch(dest: Path, arguments: list[str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the scratch specification in a fresh interpreter: pytest with ``arguments``
    (by default ``features tests``: every feature and the ambiguity check).

    Only the arguments ``scratch_arguments`` accepts; ``-rA`` lists every test as
    PASSED/FAILED in the summary; output is combined.
    """
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("PYTEST_ADDOPTS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD"):  # a plain pytest, as a writer runs it
        env.pop(name, None)
    command = [sys.executable, "-m", "pytest", "-rA", "-p", "no:cacheprovider", "--color=no"]
    command += ["features", "tests"] if arguments is None else scratch_arguments(dest, arguments)
    return subprocess.run(command, cwd=dest, env=env, capture_output=True, text=True, timeout=timeout)


CACHES = {
    ".git",
    ".cache",
    ".venv",
    ".venv-py310",
    ".lock-venv",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "mutants",
}
"""Folders of a project that other processes write while a suite runs (caches, environments, history)."""


def project_files(root: Path = ROOT) -> set[str]:
    """Every file of the project but its ``CACHES``, as paths from ``root``: taken before and after something
    a feature file asked for, the difference is what it wrote outside its scratch folder."""
    return {
        path.relative_to(root).as_posix()
        for path in Path(root).rglob("*")
        if path.is_file() and not CACHES & set(path.relative_to(root).parts[:-1])
    }


def excerpt(report: str, limit: int = 1500) -> str:
    """A long run's report cut to what a failure message may carry: its end, where pytest's summary is."""
    if len(report) <= limit:
        return report
    return f"[the last {limit:,} of the report's {len(report):,} characters]\n{report[-limit:]}"


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
