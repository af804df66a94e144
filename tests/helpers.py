"""Helpers the unit tests share."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest


def fails(error: type[BaseException], call: Callable[[], object], *parts: str) -> BaseException:
    """``call()`` raises ``error`` whose message holds each part, not inside a longer word
    (so the argument ``epsilon`` is not found in ``XXepsilonXX``)."""
    with pytest.raises(error) as caught:
        call()
    message = str(caught.value)
    for part in parts:
        before = r"(?<!\w)" if re.match(r"\w", part) else ""
        after = r"(?!\w)" if re.search(r"\w$", part) else ""
        assert re.search(before + re.escape(part) + after, message), (part, message)
    return caught.value
