"""The build's cache: computed results and figures kept on disk, keyed by everything they are made from.

The experiments behind the figures and the computed pages (seed sweeps, loss
curves, the digits network...) take tens of seconds, and they depend on the
package and their own settings, never on a feature file. So a build keeps
each result, and each drawn figure, under ``.cache/site/<key>/``, where the key
is a hash of

* the package's source (every file of ``backprop/``),
* the site code that computes and draws (``SOURCES``: the settings, the
  experiments, the figures and their captions),
* the benchmarks' last measurements (``benchmarks/last-run.json``), which the
  cost figure shows,
* and the versions of Python, numpy and matplotlib.

Change any of them and the key changes: everything is computed afresh. A
rebuild after a feature edit finds every result under the same key and only
renders pages. ``BACKPROP_NO_CACHE=1`` computes everything without reading or
writing the cache (``make site`` in CI starts from a clean clone, which has
no ``.cache/``, so it computes everything anyway). Results are pickled: the
cache holds only what this project's own code wrote.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import platform
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from backprop.files import write_bytes
from speckit.features import ROOT

CACHE = ROOT / ".cache" / "site"
HOOKS = ROOT / "docs" / "_hooks"
SOURCES = [
    ROOT / "backprop",
    HOOKS / "settings.py",
    HOOKS / "experiments.py",
    HOOKS / "values.py",
    HOOKS / "figures.py",
    HOOKS / "gallery.py",
    HOOKS / "graph_figure.py",
    HOOKS / "formatting.py",
    HOOKS / "widget_data.py",
    HOOKS / "cache.py",
    HOOKS / "templates" / "captions",
    HOOKS / "templates" / "computational-graph.svg.j2",
    ROOT / "benchmarks" / "last-run.json",
]
"""What a computed result or a figure is made from, besides the library versions."""

T = TypeVar("T")


def enabled() -> bool:
    return not os.environ.get("BACKPROP_NO_CACHE")


@functools.cache
def key() -> str:
    """The hash of ``SOURCES`` (each file's path and bytes, in order) and the library versions."""
    import matplotlib
    import numpy

    digest = hashlib.sha256()
    for source in SOURCES:
        files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
        for path in files:
            if path.suffix == ".pyc" or not path.exists():
                continue
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = f"python {platform.python_version()} numpy {numpy.__version__} matplotlib {matplotlib.__version__}"
    digest.update(versions.encode())
    return digest.hexdigest()[:20]


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a temporary file in the same folder, then a rename. The first write under a new
    key removes the folders of older keys: their results can no longer be asked for."""
    if not (CACHE / key()).exists() and CACHE.exists():
        for old in CACHE.iterdir():
            shutil.rmtree(old, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, data)


def computed(function: Callable[..., T]) -> Callable[..., T]:
    """``function``'s results, kept in memory for the process and on disk under the key (arguments by repr)."""

    @functools.cache
    def wrapper(*args: Any) -> T:
        if not enabled():
            return function(*args)
        name = f"{function.__module__}.{function.__qualname__}({', '.join(map(repr, args))})"
        path = CACHE / key() / "results" / (hashlib.sha256(name.encode()).hexdigest()[:20] + ".pickle")
        if path.exists():
            result: T = pickle.loads(path.read_bytes())
            return result
        result = function(*args)
        _write(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        return result

    wrapper.__doc__ = function.__doc__
    wrapper.__wrapped__ = function  # type: ignore[attr-defined]
    return wrapper


def drawn(name: str, draw: Callable[[Path], object]) -> bytes:
    """The file ``name`` as ``draw(path)`` writes it, drawn once per key."""
    path = CACHE / key() / "files" / name
    if enabled() and path.exists():
        return path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="backprop-figure-") as folder:
        draw(Path(folder) / Path(name).name)
        data = (Path(folder) / Path(name).name).read_bytes()
    if enabled():
        _write(path, data)
    return data
