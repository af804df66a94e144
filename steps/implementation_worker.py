"""The process a reader's implementation runs in: ``python -I -B implementation_worker.py FILE``.

Started by ``steps/implementation.py`` (the runner), which imports only
``encode`` from here, so that the package run in-process is encoded the same
way as a reader's file. It loads
FILE as a module, then answers one call per line of its standard input with
one line of JSON on the pipe that was its standard output: ``{"value": ...}``
or ``{"error": {...}}``. The reader's own ``print`` goes to standard error, so
nothing the file prints can be mistaken for an answer. Its first line says
whether FILE loaded.

Encoding: an array is ``{"array": [entries, row by row], "shape": [...]}``, a
number ``{"number": x}``; dicts, lists and tuples are encoded entry by entry.
JSON writes a float's shortest repr, which reads back to the same float64, so
values cross the pipe bit for bit (NaN and infinities as JSON's NaN and
Infinity). Only the standard library and numpy are imported here: the file
under test gets a plain interpreter.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

import numpy as np

MESSAGE_LIMIT = 300
"""A reader's exception message is cut to this many characters (one line): the grader reports, it does not dump."""


def decode(item: Any) -> Any:
    if "array" in item:
        return np.array(item["array"], dtype=np.float64).reshape(item["shape"])
    if "number" in item:
        return item["number"]
    if "dict" in item:
        return {key: decode(value) for key, value in item["dict"].items()}
    if "list" in item:
        return [decode(value) for value in item["list"]]
    raise ValueError(f"cannot decode {sorted(item)}")


def encode(value: Any) -> dict:
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf":
            return {"other": f"an array of {value.dtype}"}
        return {"array": value.astype(np.float64).ravel().tolist(), "shape": list(value.shape)}
    if isinstance(value, (bool, np.bool_)):
        return {"number": float(value)}
    if isinstance(value, (int, np.integer)):
        return {"number": int(value)}  # stays a whole number: range(epochs) needs one
    if isinstance(value, (float, np.floating)):
        return {"number": float(value)}
    if isinstance(value, dict):
        return {"dict": {str(key): encode(entry) for key, entry in value.items()}}
    if isinstance(value, (list, tuple)):
        return {"list": [encode(entry) for entry in value], "tuple": isinstance(value, tuple)}
    return {"other": "None" if value is None else f"a {type(value).__name__}"}


def where(error: BaseException, path: Path) -> tuple[int | None, str | None]:
    """The line of FILE, and its function, where ``error`` was raised (the innermost frame in FILE)."""
    line = function = None
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename).resolve() == path:
            line, function = frame.lineno, frame.name
    return line, function


def describe(error: BaseException, path: Path) -> dict:
    line, function = where(error, path)
    message = " ".join(str(error).split())
    return {
        "kind": "not implemented yet" if isinstance(error, NotImplementedError) else "raised",
        "type": type(error).__name__,
        "message": message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 3] + "...",
        "line": line,
        "function": function,
        "traceback": "".join(
            ["Traceback (your file only):\n"]
            + traceback.format_list(
                [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename).resolve() == path]
            )
            + traceback.format_exception_only(type(error), error)
        ),
    }


def load(path: Path) -> Any:
    name = path.stem if path.stem.isidentifier() else "your_implementation"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path.name} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def answer(module: Any, request: dict, path: Path) -> dict:
    function = getattr(module, request["function"], None)
    if not callable(function):
        return {"error": {"kind": "missing"}}
    try:
        return {"value": encode(function(*(decode(a) for a in request["args"])))}
    except BaseException as error:  # SystemExit too: sys.exit in the reader's code is a verdict
        return {"error": describe(error, path)}


def main() -> None:
    path = Path(sys.argv[1]).resolve()
    # The answers get a private copy of the standard output; fd 1 itself then points at standard error.
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def send(message: dict) -> None:
        answers.write(json.dumps(message) + "\n")
        answers.flush()

    try:
        module = load(path)
    except BaseException as error:  # whatever stops the file loading is the verdict
        send({"loaded": False, "error": describe(error, path)})
        return
    send({"loaded": True})
    for line in sys.stdin:
        send(answer(module, json.loads(line), path))


if __name__ == "__main__":
    main()
