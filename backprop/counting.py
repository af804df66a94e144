"""Counting forward and backward passes, so a gradient's cost is exact.

``forward_prop`` adds one forward pass, ``backward_prop`` one backward pass
(whatever the batch or the stack size). Nothing is counted unless a
``count_passes()`` block is open, so counting costs nothing otherwise::

    with count_passes() as passes:
        numerical_gradient(network, X, y)
    passes.forward   # P + 1 for the forward difference
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal


@dataclass
class PassCount:
    forward: int = 0
    backward: int = 0


_active: ContextVar[tuple[PassCount, ...]] = ContextVar("backprop_pass_counters", default=())


def record_pass(kind: Literal["forward", "backward"]) -> None:
    """Add one ``kind`` pass to every open count (nothing when none is open)."""
    for counter in _active.get():
        setattr(counter, kind, getattr(counter, kind) + 1)


@contextmanager
def count_passes() -> Iterator[PassCount]:
    """Count the passes run inside the block (blocks may nest)."""
    counter = PassCount()
    token = _active.set(_active.get() + (counter,))
    try:
        yield counter
    finally:
        _active.reset(token)
