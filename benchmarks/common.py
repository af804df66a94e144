"""What every benchmark shares: one thread, timing, peers, the machine, tables.

Fairness rules, the same for every contender:

* **One thread.** The BLAS libraries under numpy (OpenBLAS) and PyTorch would
  otherwise start a thread per core, and on a shared 2-core machine that adds
  noise, not speed, for matrices this small. The environment variables are set
  in ``benchmarks/__init__.py``, which Python runs before any benchmark module
  (so before numpy is first imported), and ``torch.set_num_threads(1)`` here.
* **Side by side.** Contenders are timed in alternation, repeat after repeat,
  within one run, so a burst of load from elsewhere hits all of them; each
  reports the *median* over the repeats, and ratios are taken between medians.
* **CPU time.** The clock is ``time.process_time`` (the CPU time of this
  process, all its threads), not the wall clock: on a machine shared with
  other jobs a wall-clock block that gets preempted counts the other jobs'
  time too, and then the medians drift apart by chance. Each contender runs on
  one thread, so for it CPU time and wall time agree on an idle machine.
* **float64** everywhere, the package's precision.

A peer library that is not installed is reported as missing in the table;
it is not a failure (the bars that need it are then "not measured").
"""

from __future__ import annotations

import gc
import importlib
import os
import platform
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from speckit.features import ROOT

PEERS = {"torch": "PyTorch", "autograd": "HIPS autograd", "sklearn": "scikit-learn"}


def peer(module: str):
    """The peer module, or None when it is not installed (then it is reported as missing)."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    if module == "torch":
        mod.set_num_threads(1)
    return mod


def missing_note(module: str) -> str:
    return f"{PEERS[module]} is not installed (`make bench` installs the `peers` extra): not measured"


def side_by_side(contenders: dict, repeats: int, *, warm_up: bool = True) -> dict[str, float]:
    """Median seconds of each ``contenders[name]()`` call, timed in alternation.

    Each callable runs once untimed first (warm-up: imports, caches, allocations),
    unless ``warm_up`` is False (for blocks of seconds, where a first call's
    extra cost is lost in the block and a warm-up run would only add time).
    """
    if warm_up:
        for fn in contenders.values():
            fn()
    times: dict[str, list[float]] = {name: [] for name in contenders}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            for name, fn in contenders.items():
                start = time.process_time()
                fn()
                times[name].append(time.process_time() - start)
            gc.collect()
    finally:
        if gc_was_enabled:
            gc.enable()
    return {name: statistics.median(ts) for name, ts in times.items()}


DISTRIBUTIONS = {"torch": "torch", "autograd": "autograd", "sklearn": "scikit-learn"}


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"Python": platform.python_version(), "numpy": np.__version__}
    for module, name in PEERS.items():
        try:
            mod = importlib.import_module(module)
        except ImportError:
            out[name] = "not installed"
            continue
        try:
            out[name] = getattr(mod, "__version__", None) or version(DISTRIBUTIONS[module])
        except PackageNotFoundError:
            out[name] = "installed, version unknown"
    return out


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average {:.2f} {:.2f} {:.2f} at the start".format(*os.getloadavg())
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} logical cores, {system}{load}; all timings on 1 thread"


def commit() -> str:
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "backprop"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        return sha + (" (with uncommitted changes to backprop/)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


@dataclass
class Table:
    """A Markdown table plus the bar it checks."""

    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bar: str = ""
    passed: bool | None = None
    """True / False when the bar was measured, None when a peer it needs is missing.
    With several bars (``add_bar``): False if any is missed, else None if any is
    not measured, else True."""
    bars: list[tuple[str, bool | None]] = field(default_factory=list)
    """A table with several bars lists each with its own verdict (``add_bar``)."""

    def add_bar(self, text: str, passed: bool | None) -> None:
        """One more bar and its verdict; ``passed`` becomes the verdict of all of them."""
        self.bars.append((text, passed))
        verdicts = [p for _, p in self.bars]
        self.passed = False if False in verdicts else None if None in verdicts else True

    def markdown(self) -> str:
        lines = [f"### {self.title}", ""]
        lines.append("| " + " | ".join(self.header) + " |")
        lines.append("|" + "|".join("---" for _ in self.header) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        lines.append("")
        verdicts = {True: "**met**", False: "**MISSED**", None: "not measured (peer missing)"}
        if self.bar:
            lines += [f"Bar: {self.bar}: {verdicts[self.passed]}.", ""]
        for text, passed in self.bars:
            lines += [f"Bar: {text}: {verdicts[passed]}.", ""]
        lines += [f"- {note}" for note in self.notes]
        if self.notes:
            lines.append("")
        return "\n".join(lines)


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.1f}"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f}"
