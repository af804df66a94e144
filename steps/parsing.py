"""Parsers for step sentences: numbers, lists, parameter names, tables, data files.

Patterns use ``parse`` format fields. Besides parse's own types (``d`` a whole
number, ``g`` any number such as ``0.5`` or ``1e-5``, ``w`` a word), these are
available:

* ``{x:Number}``  a float, written as in Python (``0.5``, ``-3``, ``1e-5``)
* ``{x:List}``    a list of numbers in brackets: ``[2, 2, 1]``
* ``{x:Param}``   a parameter name: ``W1[0,1]``, ``b2[0]``
* ``{x:Word}``    a name without spaces: ``sigmoid``, ``binary_cross_entropy``

A converter never raises: pytest-bdd reads a converter's ValueError as "this
pattern does not match", and the reader would get "step definition not found"
for a sentence whose only fault is a value. A value it cannot use (``[2, a, 1]``,
``1e400``) becomes a ``Malformed``, which fails the step, naming the parameter,
before the step runs (``steps.support.check_arguments``).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import parse
from pytest_bdd import parsers

CLIPPED = 100
"""A message quotes at most this many characters of what a reader wrote (a value can be any length)."""


def clip(text: str, limit: int = CLIPPED) -> str:
    """``text`` as a message quotes it: whole when short, else its start and its end around "[...]"."""
    if len(text) <= limit:
        return text
    return f"{text[: limit * 2 // 3]}[... {len(text) - limit:,} characters ...]{text[-limit // 3 :]}"


@dataclass(frozen=True)
class Malformed:
    """A value written in a step sentence that its parameter type cannot use: the text and what is wrong."""

    text: str
    problem: str

    def message(self, name: str) -> str:
        return f"{clip(name)} = {clip(self.text)}: {self.problem}"


def _float(text: str) -> float | str:
    """``text`` as a finite float, or what is wrong with it."""
    written = clip(text.strip())
    try:
        value = float(text)
    except ValueError:
        return f"{written!r} is not a number"
    if math.isnan(value):
        return f"{written} (not a number) is not allowed here"
    if math.isinf(value):
        return (
            f"{written} is not a finite number"
            if "inf" in written.lower()
            else f"{written} is beyond float64's range (up to about 1.8e308)"
        )
    return value


@parse.with_pattern(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
def number(text: str) -> float | Malformed:
    value = float(text)  # the pattern admits only numbers, but not only finite ones
    return value if math.isfinite(value) else Malformed(text, "beyond float64's range (up to about 1.8e308)")


@parse.with_pattern(r"\[[^\]]*\]")
def number_list(text: str) -> list | Malformed:
    inside = text.strip()[1:-1]
    if not inside.strip():
        return []
    items: list[int | float] = []
    for item in (t.strip() for t in inside.split(",")):
        if not item:
            return Malformed(text, "has an empty entry; write numbers separated by commas, like [2, 2, 1]")
        try:
            items.append(int(item))
            continue
        except ValueError:
            pass
        value = _float(item)
        if not isinstance(value, float):
            return Malformed(text, f"{value}; write numbers separated by commas, like [2, 2, 1]")
        items.append(value)
    return items


@parse.with_pattern(r"[Wb]\d+\[\d+(?:,\s*\d+)?\]")
def param_name(text: str) -> str:
    return text.replace(" ", "")


@parse.with_pattern(r"[A-Za-z_][A-Za-z0-9_\-]*")
def word(text: str) -> str:
    return text


TYPES = {"Number": number, "List": number_list, "Param": param_name, "Word": word}


def sentence(pattern: str):
    """A step parser for ``pattern`` that knows the types above."""
    return parsers.parse(pattern, extra_types=TYPES)


def json_value(name: str, text: str):
    """``text`` read as JSON (``[[0, 1]]``, ``NaN``, ``"sigmoid"``, ``true``), or an error naming ``name`` and where
    the text stops being JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"{clip(name)} = {clip(text)}: not a JSON value ({error.msg} at character {error.pos + 1}); write numbers, "
            '[lists], "strings" in double quotes, true, false, null, NaN or Infinity'
        ) from None
    except RecursionError:
        raise ValueError(f"{clip(name)}: the JSON value is nested too deeply") from None


class BadData(ValueError):
    """A data table or CSV file that cannot be read: the message names the row, the column and the fix."""


def table_rows(datatable, columns: tuple[str, ...], where: str) -> list[dict[str, str]]:
    """A pytest-bdd datatable (rows of strings, header first) as a list of dicts; ``columns`` must be in the header.

    ``where`` names the table in errors ("the parameters table"). A column the
    step does not read is refused too: a misspelt column would otherwise be
    silently ignored.
    """
    if not datatable or not datatable[0]:
        raise BadData(f"{where} is empty: give a header | {' | '.join(columns)} | and one row per entry")
    header, *rows = ([cell.strip() for cell in row] for row in datatable)
    for c, column in enumerate(header):
        if column in header[:c]:
            raise BadData(f"{where}: the column {clip(column)!r} appears twice in the header")
    missing = [c for c in columns if c not in header]
    unknown = [c for c in header if c not in columns]
    if missing or unknown:
        problem = f"has no column {missing[0]!r}" if missing else f"has a column {clip(unknown[0])!r} it does not read"
        raise BadData(f"{where} {problem}: its columns are | {' | '.join(columns)} |, one row per entry")
    for r, row in enumerate(rows, start=1):
        if len(row) != len(header):
            raise BadData(f"{where}, row {r}: {len(row)} cells, but the header has {len(header)} columns")
    return [dict(zip(header, row, strict=True)) for row in rows]


def table_number(row: dict[str, str], column: str, r: int, where: str) -> float:
    """The cell ``column`` of row ``r`` (from 1, the header not counted) as a finite float, or a named error."""
    value = _float(row[column])
    if not isinstance(value, float):
        raise BadData(f"{where}, row {r}, column {clip(column)}: {value}")
    return value


def table_matrix(datatable, where: str, skip_header: bool = True) -> np.ndarray:
    """The numeric cells of a datatable as a float64 matrix (rows counted from 1 in errors, the header not counted)."""
    header = datatable[0] if skip_header and datatable else []
    rows = datatable[1:] if skip_header else datatable
    values = []
    width = len(header) if skip_header else len(rows[0]) if rows else 0
    for r, row in enumerate(rows, start=1):
        if len(row) != width:
            raise BadData(f"{where}, row {r} has {len(row)} cells where the table has {width} columns")
        columns = [header[c].strip() if c < len(header) else str(c + 1) for c in range(len(row))]
        values.append([table_number({name: cell}, name, r, where) for name, cell in zip(columns, row, strict=True)])
    return np.array(values)


# --- your own data: a table or a CSV file ---------------------------------------------------------

_ROLE = re.compile(r"([xy])(?:_?(\d{1,6}))?", re.ASCII)
_ROLE_NAMES = {"x": "input", "y": "target"}
LARGEST_LABEL = 2**31 - 1
"""The largest class number a ``label`` column may hold (a larger one is surely a typo, and 1e20 overflows int64)."""


def _role(column: str) -> tuple[str, int | None] | None:
    """``("input", 2)`` for a column named x2 (or x_2, X2), ``("input", None)`` for x; the same with ``"target"``
    for y, y1, ...; ``("label", None)`` for label (or class, the word a reader may write); None for any other name."""
    name = column.strip().lower()
    if name in ("label", "class"):
        return "label", None
    m = _ROLE.fullmatch(name)
    if m is None:
        return None
    return _ROLE_NAMES[m.group(1)], None if m.group(2) is None else int(m.group(2))


def _ordered(header: list[str], roles: list, role: str, where: str) -> list[int]:
    """The indices of the ``role`` columns, ordered by their number: x1 first, wherever it stands in the header."""
    found = [(r[1], c) for c, r in enumerate(roles) if r is not None and r[0] == role]
    letter = "x" if role == "input" else "y"
    if len(found) == 1 and found[0][0] in (None, 1):
        return [found[0][1]]
    if any(number is None for number, _ in found):
        raise BadData(
            f"{where}: the header {clip(str(header))} has {letter!r} beside numbered {role} columns; "
            f"name them {letter}1, {letter}2, ... (or a single {letter!r})"
        )
    numbers = sorted(number for number, _ in found)
    if numbers != list(range(1, len(numbers) + 1)):
        gap = next(n for n in range(1, len(numbers) + 2) if n not in numbers)
        first = f"{role} columns count from 1" if numbers[0] == 0 else f"{letter}{gap} is missing"
        raise BadData(
            f"{where}: the {role} columns are {clip(', '.join(header[c] for _, c in sorted(found)))}: {first}; "
            f"number them {letter}1, {letter}2, ... without gaps"
        )
    return [c for _, c in sorted(found)]


def data_table(rows: list[list[str]], where: str = "the table") -> tuple[np.ndarray, np.ndarray]:
    """Inputs X and targets y from rows of text, header first.

    The header gives each column its role: ``x1``, ``x2``, ... (or ``x_1``, or a
    single ``x``) are inputs; ``y1``, ``y2``, ... (or a single ``y``) targets, one
    column per output: numbers, or a one-hot row; a single ``label`` column holds
    class labels instead (whole numbers from 0, for a softmax output). Inputs
    and targets are taken in the order of their numbers, wherever the column
    stands: in ``x2, x1, y`` the first input is the column x1. Numbers count
    from 1, without gaps. Rows are numbered from 1, the header not counted.
    A repeated column, an unknown one, or a cell that is not a finite number
    is an error naming it.
    """
    if not rows or not rows[0]:
        raise BadData(f"{where} is empty: give a header such as | x1 | x2 | y | and one row per sample")
    header, body = [c.strip() for c in rows[0]], rows[1:]
    roles = [_role(c) for c in header]
    for column, role in zip(header, roles, strict=True):
        if role is None:
            raise BadData(
                f"{where}: column {clip(column)!r} has no role; name input columns x1, x2, ..., "
                "target columns y (or y1, y2, ...), or one column 'label' (or 'class') for class labels"
            )
    for c, role in enumerate(roles):
        if role in roles[:c]:
            first = roles.index(role)
            same = (
                f"column {clip(header[c])!r} appears twice"
                if header[first] == header[c]
                else f"columns {clip(header[first])!r} and {clip(header[c])!r} name the same column"
            )
            raise BadData(
                f"{where}: {same} (columns {first + 1} and {c + 1} of the header); each column needs a name of its own"
            )
    kinds = {role[0] for role in roles if role is not None}
    if "input" not in kinds or not ({"target", "label"} & kinds):
        raise BadData(
            f"{where}: the header {clip(str(header))} needs input columns (x1, ...) and target columns (y, ...)"
        )
    if "label" in kinds and "target" in kinds:
        raise BadData(f"{where}: give either target columns y1, y2, ... or one 'label' column, not both")
    inputs = _ordered(header, roles, "input", where)
    targets = _ordered(header, roles, "target", where) if "target" in kinds else []
    if not body:
        raise BadData(f"{where} has a header but no rows: add one row per sample")
    values = np.empty((len(body), len(header)))
    for r, row in enumerate(body, start=1):
        if len(row) != len(header):
            raise BadData(
                f"{where}, row {r}: {len(row)} cells, but the header has {len(header)} columns "
                f"({clip(', '.join(header))})"
            )
        for c, cell in enumerate(row):
            values[r - 1, c] = table_number({header[c]: cell}, header[c], r, where)
    X = values[:, inputs]
    if "label" in kinds:
        labels = values[:, roles.index(("label", None))]
        bad = np.flatnonzero((labels < 0) | (labels != np.round(labels)) | (labels > LARGEST_LABEL))
        if bad.size:
            label = labels[bad[0]]
            problem = (
                f"is larger than any class number (at most {LARGEST_LABEL})"
                if label > LARGEST_LABEL
                else "is not a class number 0, 1, 2, ..."
            )
            raise BadData(f"{where}, row {int(bad[0]) + 1}, column label: {label:g} {problem}")
        return X, labels.astype(np.int64)
    return X, values[:, targets]


def data_path(folder: Path, written: str, inside: Path) -> Path:
    """The file that ``written`` (a path as the reader wrote it) names from ``folder``; it must lie in ``inside``.

    The path is resolved first (``..`` and symbolic links followed), then checked:
    a link that points out of ``inside`` is refused like ``../``. The errors quote
    the path as written, never the file's contents.
    """
    fix = 'give a path from the feature file\'s folder to a file inside the features folder, like "data/and.csv"'
    shown = clip(written)
    if Path(written).is_absolute():
        raise BadData(f'the data path "{shown}" is absolute; {fix}')
    try:
        file = (folder / written).resolve()
        outside = not file.is_relative_to(inside.resolve())
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a name too long, a loop of links
        raise BadData(f'the data path "{shown}" is not a usable path; {fix}') from None
    if outside:
        raise BadData(f'the data path "{shown}" leads outside the features folder; {fix}')
    return file


def data_csv(file: Path, shown: str) -> tuple[np.ndarray, np.ndarray]:
    """Inputs and targets from a CSV file with a header line (see ``data_table``); ``shown`` names it in errors.

    The file must be UTF-8 (a byte-order mark is allowed, and CRLF line ends work).
    """
    shown = clip(shown)
    try:
        raw = file.read_bytes() if file.is_file() else None
    except OSError as error:
        raise BadData(f'data file "{shown}" cannot be read: {error.strerror}') from None
    if raw is None:
        raise BadData(f'no data file "{shown}"; put the CSV under the features folder, next to the feature file')
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise BadData(
            f'data file "{shown}" is not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start} '
            f"(line {line}) does not decode; save the file as UTF-8"
        ) from None
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        rows = [row for row in reader if row]
    except csv.Error as error:
        raise BadData(f'data file "{shown}", line {reader.line_num}: {error}') from None
    return data_table(rows, shown)
