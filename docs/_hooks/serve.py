"""While ``make docs`` serves the site: a saved feature file is judged at once, and its page reloads.

A watchdog observer (the file watcher MkDocs itself uses) watches the
feature files. When one is saved, or a CSV file that a feature file names,
pytest runs that feature file alone, in a process of its own, and records
its results into the last run (``speckit.results`` merges them, under a lock,
with what the run before found for every other scenario). MkDocs watches the
results file, so writing it rebuilds the site and reloads the page: a claim
that holds shows as passed, one that does not as failed with its measured
value and message, and a file that does not parse shows the parser's message
on its chapter while the rest of the site is served as before.

Saves close together are run together, one pytest at a time. The feature
files are not also watched by MkDocs in this mode: a save would start a
rebuild that races the run, and the results file starts the one that counts.
``BACKPROP_SERVE=rebuild`` keeps the old behaviour: a save rebuilds the site,
marks the chapter "changed since last run", and its scenarios wait for the
next ``make docs``.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from speckit.features import ROOT

log = logging.getLogger("mkdocs.hooks.backprop.serve")

SETTLE = 0.2
"""Seconds to wait after a save for more saves (an editor may write a file twice), before running."""


def on_save_enabled() -> bool:
    """Whether a served site re-runs saved feature files (the default), or only rebuilds (``rebuild``)."""
    return os.environ.get("BACKPROP_SERVE", "run") != "rebuild"


def features_naming(csv: Path, features: Path) -> list[Path]:
    """The feature files under ``features`` whose text names the file ``csv`` (``"data/and.csv"``)."""
    named = re.compile(rf"[\"/]{re.escape(csv.name)}\"")
    found = []
    for feature in sorted(features.rglob("*.feature")):
        try:
            if named.search(feature.read_text(encoding="utf-8", errors="replace")):
                found.append(feature)
        except OSError:
            continue
    return found


class Rerun:
    """Runs pytest on saved feature files, one run at a time, recording into ``results``."""

    def __init__(self, features: Path, results: Path):
        self.features, self.results = Path(features), Path(results)
        # pytest runs in the specification the feature files belong to: this project, or a scratch copy of it
        # (speckit.authoring.scratch_specification) whose features/ folder is being served.
        parent = self.features.parent
        self.root = parent if (parent / "conftest.py").is_file() and (parent / "pyproject.toml").is_file() else ROOT
        self._pending: set[Path] = set()
        self._wake = threading.Condition()
        self.runs: list[tuple[list[str], float, int]] = []
        """Each finished run: the files, its seconds, pytest's exit code (for the log and the checks)."""

    def saved(self, path: Path) -> None:
        """``path`` changed: queue the feature file, or the feature files that name the CSV file."""
        path = Path(path)
        if path.suffix == ".feature":
            targets = [path]
        elif path.suffix == ".csv":
            targets = features_naming(path, self.features)
        else:
            return
        with self._wake:
            self._pending.update(targets)
            self._wake.notify()

    def command(self, files: list[Path]) -> list[str]:
        # Feature files outside the specification's folder (a copy served from elsewhere) are not below its
        # conftest.py: name its configuration and load its conftest, so its plugins and steps are there.
        outside = not self.features.resolve().is_relative_to(self.root.resolve())
        elsewhere = ["--rootdir", str(self.root), "-c", str(self.root / "pyproject.toml"), "-p", "conftest"]
        return [
            sys.executable,
            "-m",
            "pytest",
            *(str(f) for f in files),
            "-q",
            "-p",
            "no:cacheprovider",
            *(elsewhere if outside else []),
            "-o",
            f"bdd_features_base_dir={self.features}",
            "--results-json",
            str(self.results),
        ]

    def run_pending(self) -> None:
        with self._wake:
            while not self._pending:
                self._wake.wait()
        time.sleep(SETTLE)
        with self._wake:
            files, self._pending = sorted(self._pending), set()
        existing = [f for f in files if f.exists()]
        started = time.perf_counter()
        if existing:
            done = subprocess.run(self.command(existing), cwd=self.root, capture_output=True, text=True)
            code = done.returncode
            summary = (done.stdout.strip().splitlines() or ["no output"])[-1]
        else:  # deleted: nothing to run, but the site must drop the chapter
            self.results.touch()
            code, summary = 0, "deleted"
        seconds = time.perf_counter() - started
        names = [f.name for f in files]
        self.runs.append((names, seconds, code))
        log.info("re-ran %s in %.1f s: %s", ", ".join(names), seconds, summary)

    def forever(self) -> None:
        while True:
            try:
                self.run_pending()
            except Exception:  # noqa: BLE001 (the watcher must outlive one failed run: the log says why)
                log.exception("re-running a saved feature file failed")


def watch(features: Path, results: Path) -> Rerun:
    """Start watching ``features`` (a daemon thread runs the saves); returns the runner."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    rerun = Rerun(features, results)

    class Saved(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.is_directory or event.event_type not in ("created", "modified", "moved", "deleted", "closed"):
                return
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    rerun.saved(Path(os.fsdecode(path)))

    observer = Observer()
    observer.schedule(Saved(), str(features), recursive=True)
    observer.daemon = True
    observer.start()
    threading.Thread(target=rerun.forever, name="backprop-rerun", daemon=True).start()
    log.info("watching %s: a saved feature file re-runs its scenarios (BACKPROP_SERVE=rebuild: rebuild only)", features)
    return rerun
