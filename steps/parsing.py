"""Parsers for step sentences: numbers, lists, parameter names, tables.

Patterns use ``parse`` format fields. Besides parse's own types (``d`` a whole
number, ``g`` any number such as ``0.5`` or ``1e-5``, ``w`` a word), these are
available:

* ``{x:Number}``  a float, written as in Python (``0.5``, ``-3``, ``1e-5``)
* ``{x:List}``    a list of numbers in brackets: ``[2, 2, 1]``
* ``{x:Param}``   a parameter name: ``W1[0,1]``, ``b2[0]``
* ``{x:Word}``    a name without spaces: ``sigmoid``, ``binary_cross_entropy``
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import parse
from pytest_bdd import parsers


@parse.with_pattern(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
def number(text: str) -> float:
    return float(text)


@parse.with_pattern(r"\[[^\]]*\]")
def number_list(text: str) -> list:
    items = [t.strip() for t in text.strip("[]").split(",") if t.strip()]
    return [int(t) if t.lstrip("+-").isdigit() else float(t) for t in items]


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


def table_rows(datatable) -> list[dict[str, str]]:
    """A pytest-bdd datatable (rows of strings, header first) as a list of dicts."""
    header, *rows = datatable
    return [dict(zip(header, row, strict=True)) for row in rows]


def table_matrix(datatable, skip_header: bool = True) -> np.ndarray:
    """The numeric cells of a datatable as a float64 matrix."""
    rows = datatable[1:] if skip_header else datatable
    return np.array([[float(cell) for cell in row] for row in rows])


class BadData(ValueError):
    """A data table or CSV file that cannot be read: the message names the row, the column and the fix."""


def _role(column: str) -> str | None:
    """``input`` for a column named x, x1, x_2 ...; ``target`` for y, y1 ...; ``label`` for label; else None."""
    name = column.strip().lower()
    if name == "label":
        return "label"
    if name[:1] in ("x", "y") and (len(name) == 1 or name[1:].lstrip("_").isdigit()):
        return "input" if name[0] == "x" else "target"
    return None


def data_table(rows: list[list[str]], where: str = "the table") -> tuple[np.ndarray, np.ndarray]:
    """Inputs X and targets y from rows of text, header first.

    The header gives each column its role: ``x``, ``x1``, ``x_2`` ... are
    inputs; ``y``, ``y1`` ... are targets (one column per output: numbers, or a
    one-hot row); a single ``label`` column holds class labels instead
    (whole numbers from 0, for a softmax output). Rows are numbered from 1, the
    header not counted.
    """
    if not rows or not rows[0]:
        raise BadData(f"{where} is empty: give a header such as | x1 | x2 | y | and one row per sample")
    header, body = [c.strip() for c in rows[0]], rows[1:]
    roles = [_role(c) for c in header]
    for column, role in zip(header, roles, strict=True):
        if role is None:
            raise BadData(
                f"{where}: column {column!r} has no role; name input columns x1, x2, ..., "
                "target columns y (or y1, y2, ...), or one column 'label' for class labels"
            )
    if "input" not in roles or not ({"target", "label"} & set(roles)):
        raise BadData(f"{where}: the header {header} needs input columns (x1, ...) and target columns (y, ...)")
    if "label" in roles and ("target" in roles or roles.count("label") > 1):
        raise BadData(f"{where}: give either target columns y1, y2, ... or one 'label' column, not both")
    if not body:
        raise BadData(f"{where} has a header but no rows: add one row per sample")
    values = np.empty((len(body), len(header)))
    for r, row in enumerate(body, start=1):
        if len(row) != len(header):
            raise BadData(
                f"{where}, row {r}: {len(row)} cells, but the header has {len(header)} columns ({', '.join(header)})"
            )
        for c, cell in enumerate(row):
            try:
                values[r - 1, c] = float(cell)
            except ValueError:
                raise BadData(f"{where}, row {r}, column {header[c]}: {cell.strip()!r} is not a number") from None
            if not np.isfinite(values[r - 1, c]):
                raise BadData(f"{where}, row {r}, column {header[c]}: {cell.strip()!r} is not a finite number")
    X = values[:, [c for c, role in enumerate(roles) if role == "input"]]
    if "label" in roles:
        labels = values[:, roles.index("label")]
        bad = np.flatnonzero((labels < 0) | (labels != np.round(labels)))
        if bad.size:
            raise BadData(
                f"{where}, row {int(bad[0]) + 1}, column label: {labels[bad[0]]:g} is not a class number 0, 1, 2, ..."
            )
        return X, labels.astype(np.int64)
    return X, values[:, [c for c, role in enumerate(roles) if role == "target"]]


def data_csv(file: Path, shown: str) -> tuple[np.ndarray, np.ndarray]:
    """Inputs and targets from a CSV file with a header line (see ``data_table``); ``shown`` names it in errors."""
    if not file.is_file():
        raise BadData(f'no data file "{shown}" (looked for {file}); put the CSV next to the feature file')
    with file.open(newline="", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f) if row]
    return data_table(rows, shown)
