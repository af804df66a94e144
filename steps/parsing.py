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
