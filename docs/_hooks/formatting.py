"""The site's one number formatter: a number as a reader wants it, in LaTeX, plain text or HTML.

Every number on the site goes through ``number``: the worked example's
equations (``style="latex"``), captions and tables (``"text"``), measured
values on the chapter pages (``"html"``) and the labels in the figures
(``"text"``). Powers of ten are written as powers (``3.1 × 10⁻⁶``), never as
``3.1e-06``; whole numbers stay whole; from 10,000 up, numbers are grouped by
thousands rather than written as powers (18,020, not 1.802 × 10⁴).
"""

from __future__ import annotations

from typing import Literal

Style = Literal["latex", "text", "html"]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power(exponent: int, style: Style) -> str:
    if style == "latex":
        return f"10^{{{exponent}}}"
    if style == "html":
        return f"10<sup>{exponent}</sup>".replace("-", "\u2212")  # a real minus sign
    return "10" + str(exponent).translate(_SUPERSCRIPT)


def number(x: float, digits: int = 4, style: Style = "text") -> str:
    """``x`` to ``digits`` significant digits: ``0.125731``, ``18,020``, ``-1.2 × 10⁻⁵``, ``10⁻⁵``.

    An ``int`` is written whole (grouped by thousands outside LaTeX).
    """
    grouped = style != "latex"
    if isinstance(x, int) and not isinstance(x, bool):
        return f"{x:,}" if grouped else str(x)
    shown = f"{float(x):.{digits}g}"
    # Whole numbers of more digits than asked for are rounded, not written as powers: 8,700, not 8.7 × 10³.
    if 10**digits <= abs(float(shown)) < 1e15 or (grouped and 1e4 <= abs(float(shown)) < 1e15):
        return f"{float(shown):,.0f}" if grouped else f"{float(shown):.0f}"
    if "e" not in shown:
        return shown
    mantissa, exponent = shown.split("e")
    power = _power(int(exponent), style)
    if mantissa == "1":
        return power
    if mantissa == "-1":
        return "-" + power
    times = "\\times" if style == "latex" else "×"
    return f"{mantissa} {times} {power}"


def plain(x: float, digits: int = 2) -> str:
    """``number(x, digits)`` as plain text, for captions and Markdown tables."""
    return number(x, digits, "text")


def factor(x: float, digits: int = 6) -> str:
    """``number(x)`` in LaTeX, in parentheses when negative, for use inside a product."""
    shown = number(x, digits, "latex")
    return f"({shown})" if float(x) < 0 else shown
