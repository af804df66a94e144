"""The code beside the math: a function's source, read from its file when the site is built.

A chapter places code with a line ``Code: <file>:<function>[, <file>:<function> ...]``
in its prose, for example::

    Code: guide_program.py:forward_prop, backprop/forward.py:forward

The first listing is the finished program's function (``docs/downloads/guide_program.py``,
the file a reader downloads and runs); the ones after it, shown closed, are where the
same arithmetic lives in the package. Each is cut from the file by its syntax tree,
so the page cannot show code that did not run. A listing's comments name the
chapters' numbered equations, ``(1.1)``, that its lines implement.

The files a listing may come from are the finished program and the package's
modules, nothing else: a feature file names a function, never a path to read.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

from speckit.features import ROOT

PROGRAM = ROOT / "docs" / "downloads" / "guide_program.py"
DOWNLOADS = "downloads"
"""The folder of the site (and of ``docs/``) that holds the finished program and the starter."""
OPEN_LINES = 16
"""A listing longer than this is shown closed (the chapter's screen budget); shorter ones open."""


class ListingError(ValueError):
    """A ``Code:`` line that names a file or a function the site cannot show."""


def sources() -> dict[str, Path]:
    """The files a listing may come from, by the name a ``Code:`` line gives them."""
    found = {"guide_program.py": PROGRAM}
    found |= {f"backprop/{p.name}": p for p in sorted((ROOT / "backprop").glob("*.py"))}
    return found


@dataclass(frozen=True)
class Listing:
    source: str
    """The file as the ``Code:`` line names it: ``guide_program.py`` or ``backprop/forward.py``."""
    function: str
    code: str
    """The function's source, decorators and docstring included, dedented."""
    first_line: int
    """Its first line's number in the file."""

    @property
    def lines(self) -> int:
        return self.code.count("\n") + 1

    @property
    def download(self) -> str | None:
        """The path of the site's copy of the file, when a reader can download it."""
        return f"{DOWNLOADS}/{self.source}" if self.source == "guide_program.py" else None

    @property
    def closed(self) -> bool:
        return self.lines > OPEN_LINES


@functools.cache
def _functions(path: Path, modified: float) -> dict[str, tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found: dict[str, tuple[int, str]] = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            body = lines[start - 1 : node.end_lineno]
            indent = len(body[0]) - len(body[0].lstrip())
            found.setdefault(node.name, (start, "\n".join(line[indent:] for line in body)))
    return found


def listing(spec: str) -> Listing:
    """The listing ``<file>:<function>``; a ``ListingError`` names what is wrong and what there is."""
    source, _, function = spec.strip().partition(":")
    files = sources()
    if source not in files:
        raise ListingError(
            f"code comes from guide_program.py or a module of the package (backprop/<name>.py), not {source!r}"
        )
    path = files[source]
    functions = _functions(path, path.stat().st_mtime)
    if function not in functions:
        raise ListingError(f"{source} has no function {function!r}; it has: {', '.join(sorted(functions))}")
    first_line, code = functions[function]
    return Listing(source, function, code, first_line)


def listings(line: str) -> list[Listing]:
    """The listings of a ``Code:`` line's value: ``<file>:<function>`` separated by commas."""
    specs = [spec for spec in line.split(",") if spec.strip()]
    if not specs:
        raise ListingError("a Code: line names at least one <file>:<function>")
    return [listing(spec) for spec in specs]
