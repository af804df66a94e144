"""The package's own errors, and the checks that raise them.

Every public function validates its arguments once, on entry, with these
helpers, and then runs on trusted arrays: the training loop's hot path does no
checking. Messages name the argument, what was expected, what was given, and
how to fix it.

Array policy: integer arrays are converted to float64 (exact for |x| < 2**53,
and the natural way to type XOR's 0/1 table); boolean arrays are rejected,
because True/False as a target is ambiguous between a label and a probability.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np


class DivergenceError(FloatingPointError):
    """Training produced a non-finite loss or overflowed."""

    def __init__(self, epoch: int, detail: str, learning_rate: float):
        self.epoch = epoch
        self.learning_rate = learning_rate
        super().__init__(
            f"training diverged at epoch {epoch}: {detail}. "
            f"The learning rate {learning_rate!r} is probably too large: lower it "
            f"(try {learning_rate / 10!r}) and train again."
        )


def as_float_array(name: str, value, *, ndim: int | tuple[int, ...]) -> np.ndarray:
    """``value`` as a finite float64 array with ``ndim`` dimensions, or a clear error."""
    try:
        arr = np.asarray(value)
    except ValueError:  # numpy refuses ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers (every row the same length), "
            f"but its rows have different lengths"
        ) from None
    if arr.dtype == np.bool_:
        raise TypeError(
            f"{name} must hold numbers, but got a boolean array; "
            f"convert it first, e.g. {name}.astype(float)"
        )
    if not (np.issubdtype(arr.dtype, np.floating) or np.issubdtype(arr.dtype, np.integer)):
        raise TypeError(f"{name} must be an array of numbers (float or int), but got dtype {arr.dtype}")
    arr = arr.astype(np.float64, copy=False)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if arr.ndim not in allowed:
        wanted = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be a {wanted} array, but got shape {arr.shape}")
    check_finite(name, arr)
    return arr


def check_finite(name: str, arr: np.ndarray) -> None:
    """Raise if ``arr`` holds NaN or infinity, saying where."""
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        raise ValueError(
            f"{name} must be finite, but {name}[{', '.join(map(str, bad))}] is "
            f"{arr[tuple(bad)]}; remove or replace NaN and infinite values"
        )


def positive_number(name: str, value) -> float:
    """``value`` as a positive finite float (learning rate, epsilon), or a clear error."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a positive number, but got {value!r} ({type(value).__name__})")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{name} must be a positive finite number (> 0, not inf or nan), but got {value!r}")
    return number


def nonzero_number(name: str, value) -> float:
    """``value`` as a finite, non-zero float (a nudge, either way), or a clear error."""
    number = finite_number(name, value)
    if number == 0:
        raise ValueError(f"{name} must be a finite number other than 0, but got {value!r}")
    return number


def finite_number(name: str, value) -> float:
    """``value`` as a finite float (a target loss), or a clear error."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, but got {value!r} ({type(value).__name__})")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, but got {value!r}")
    return number


def non_negative_int(name: str, value) -> int:
    """``value`` as an int >= 0 (epochs), or a clear error."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number, but got {value!r} ({type(value).__name__})")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, but got {value}")
    return int(value)


def choice(name: str, value, valid: Iterable[str]) -> str:
    """``value`` if it is one of ``valid``; otherwise an error listing the valid names."""
    valid = list(valid)
    if value not in valid:
        raise ValueError(f"unknown {name} {value!r}; the valid {name} names are: {', '.join(valid)}")
    return value
