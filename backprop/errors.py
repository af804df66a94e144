"""The package's own errors, and the checks of plain arguments that raise them.

Every public function checks its arguments once, on entry, and then runs on
trusted arrays: the training loop's hot path does no checking. A message names
the argument, says what was expected and what was given, and how to fix it.

One rule for the kind of error:

* **TypeError** when an argument has the wrong *type*: a float or a bool where
  a whole number belongs, a string where a number belongs, a list where a
  network belongs, a boolean array where numbers belong.
* **ValueError** when the type is right but the *value* is not: 0 units, a
  negative seed, an epsilon of 0, NaN in X, a shape that does not fit.
* **NotFiniteError** when the arguments are valid but float64 cannot hold a
  result computed from them (inputs of 1e200 squared overflow); training
  raises its subclass **DivergenceError**, naming the epoch.

Array policy: integer arrays are converted to float64 (exact for |x| < 2**53,
and the natural way to type XOR's 0/1 table); boolean arrays are refused,
because True/False as a target is ambiguous between a label and a probability.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Set
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
"""Every array the package computes with: float64."""

T = TypeVar("T")

MEMORY_LIMIT = 2**30
"""The most memory (bytes) one request may ask the package for: 1 GiB. A network
of layer sizes [2, 10**7, 10**5], or a shuffle of 10**12 rows, is almost always a
typo, and numpy would otherwise fail deep inside with an allocation error, or the
machine would start swapping. Raise it on purpose if you mean it."""


class NotFiniteError(FloatingPointError):
    """A result that float64 cannot hold (it would be infinite or NaN), from valid arguments."""


class CallbackError(ValueError):
    """A training callback changed the network it was given (training stops: ``epoch`` is the Step's epoch)."""

    def __init__(self, function: str, epoch: int, detail: str):
        self.epoch = epoch
        super().__init__(
            f"{function}: the callback changed the network at epoch {epoch}: {detail}. A callback may read "
            "step.network but must not change it (the step's gradient comes from the forward pass made before "
            "the call); to experiment, change a copy, step.network.copy()"
        )


class DivergenceError(NotFiniteError):
    """Training produced a non-finite loss or overflowed."""

    def __init__(self, epoch: int, detail: str, learning_rate: float | Array):
        self.epoch = epoch
        self.learning_rate = float(learning_rate) if np.ndim(learning_rate) == 0 else learning_rate
        rate = _rate_text(self.learning_rate)
        lower = _rate_text(self.learning_rate / 10)
        super().__init__(
            f"training diverged at epoch {epoch}: {detail}. "
            f"The learning rate {rate} is probably too large: lower it (try {lower}) and train again."
        )


def _rate_text(rate: float | Array) -> str:
    """``2.0`` for one rate (a float or a 0-d array), ``[1.0, 2.0]`` for one per network of a stack."""
    return repr(rate.tolist()) if isinstance(rate, np.ndarray) else repr(rate)


def as_array(name: str, value: Any) -> np.ndarray:
    """``np.asarray(value)``, or a clear error for nested lists whose rows have different lengths."""
    try:
        return np.asarray(value)
    except (ValueError, TypeError):  # numpy refuses ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array of numbers (every row the same length), "
            f"but its rows have different lengths"
        ) from None


NUMBER_KINDS = "iuf"
"""The numpy dtype kinds the package computes with: signed and unsigned integers, and floats. Not
timedelta64 (numpy counts it among the integers, but 3 seconds is not the number 3), datetime64,
complex, strings or objects."""


def as_float_array(name: str, value: Any, *, ndim: int | tuple[int, ...] | None = None) -> Array:
    """``value`` as a finite float64 array with ``ndim`` dimensions (None: any), or a clear error."""
    arr = as_array(name, value)
    if arr.dtype == np.bool_:
        raise TypeError(
            f"{name} must hold numbers, but got a boolean array; convert it first, e.g. {name}.astype(float)"
        )
    if arr.dtype.kind not in NUMBER_KINDS:
        if arr.ndim == 0:
            raise TypeError(f"{name} must be a number (float or int), but got {value!r} ({type(value).__name__})")
        raise TypeError(f"{name} must be an array of numbers (float or int), but got dtype {arr.dtype}")
    if arr.dtype.itemsize > 8 and arr.dtype.kind == "f":
        check_float64_range(name, arr)
    converted: Array = arr.astype(np.float64, copy=False)
    allowed = (converted.ndim,) if ndim is None else (ndim,) if isinstance(ndim, int) else ndim
    if converted.ndim not in allowed:
        wanted = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be a {wanted} array, but got shape {converted.shape}")
    check_finite(name, converted)
    return converted


def check_float64_range(name: str, arr: np.ndarray) -> None:
    """Refuse finite values of a wider float (longdouble) that float64 cannot hold, before converting.

    The conversion would turn them into inf with a RuntimeWarning; the message gives the value as it was.
    """
    beyond = np.isfinite(arr) & (np.abs(arr) > np.finfo(np.float64).max)
    if np.any(beyond):
        bad = np.argwhere(beyond)[0]
        where = f"{name}[{', '.join(map(str, bad))}]" if arr.ndim else name
        raise ValueError(
            f"{name} must fit in float64, but {where} is {arr[tuple(bad)]!s}, beyond "
            f"float64's largest {np.finfo(np.float64).max:.4g}; scale the values down"
        )


def unordered(value: object) -> bool:
    """True for a set or a mapping: something iterable, but not in an order the caller wrote down.

    ``init_network({5, 1})`` would otherwise build whatever order the set iterates in.
    """
    return isinstance(value, (Set, Mapping))


def check_memory(what: str, n_bytes: int, fix: str) -> None:
    """Refuse a request for more than MEMORY_LIMIT bytes, saying how much ``what`` would need."""
    if n_bytes > MEMORY_LIMIT:
        raise ValueError(
            f"{what}, which need {_bytes(n_bytes)} of memory, more than the {_bytes(MEMORY_LIMIT)} backprop "
            f"allocates on request (backprop.errors.MEMORY_LIMIT); {fix}"
        )


def _bytes(n: int) -> str:
    for unit, size in (("TiB", 2**40), ("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= size:
            value = n / size
            # Three significant digits; from 1000 on (1000-1023 of a unit, or many TiB) the whole number,
            # not 1e+03.
            return f"{value:.3g} {unit}" if value < 1000 else f"{value:,.0f} {unit}"
    return f"{n} bytes"


def check_finite(name: str, arr: Array) -> None:
    """Raise if ``arr`` holds NaN or infinity, saying where."""
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = f"{name}[{', '.join(map(str, bad))}]" if arr.ndim else name
        raise ValueError(
            f"{name} must be finite, but {where} is {arr[tuple(bad)]}; remove or replace NaN and infinite values"
        )


NOT_NUMBERS = (bool, np.bool_, np.timedelta64)
"""Types that Python or numpy count as numbers but the package does not: True is not 1, and a duration
(numpy's timedelta64 is an integer type) is not a count."""


def _is_number(value: object) -> bool:
    return not isinstance(value, NOT_NUMBERS) and isinstance(value, (int, float, np.integer, np.floating))


def finite_number(name: str, value: object) -> float:
    """``value`` as a finite float (a target loss), or a clear error."""
    if not _is_number(value):
        raise TypeError(f"{name} must be a number, but got {value!r} ({type(value).__name__})")
    number = float(value)  # type: ignore[arg-type]  # _is_number checked it is a real number
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, but got {value!r}")
    return number


def positive_number(name: str, value: object) -> float:
    """``value`` as a positive finite float (learning rate, epsilon), or a clear error."""
    if not _is_number(value):
        raise TypeError(f"{name} must be a positive number, but got {value!r} ({type(value).__name__})")
    number = float(value)  # type: ignore[arg-type]  # _is_number checked it is a real number
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{name} must be a positive finite number (> 0, not inf or nan), but got {value!r}")
    return number


def nonzero_number(name: str, value: object) -> float:
    """``value`` as a finite, non-zero float (a nudge, either way), or a clear error."""
    number = finite_number(name, value)
    if number == 0:
        raise ValueError(f"{name} must be a finite number other than 0, but got {value!r}")
    return number


def non_negative_int(name: str, value: object) -> int:
    """``value`` as an int >= 0 (epochs, a seed), or a clear error."""
    if isinstance(value, NOT_NUMBERS) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number, but got {value!r} ({type(value).__name__})")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, but got {value}")
    return int(value)


def positive_int(name: str, value: object) -> int:
    """``value`` as an int >= 1 (a batch size, a layer size), or a clear error."""
    number = non_negative_int(name, value)
    if number < 1:
        raise ValueError(f"{name} must be at least 1, but got {number}")
    return number


def flag(name: str, value: object) -> bool:
    """``value`` if it is True or False; a string like "yes" is refused, not guessed at."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, but got {value!r} ({type(value).__name__})")
    return bool(value)


def choice(name: str, value: object, valid: Iterable[T]) -> T:
    """``value`` if it is one of ``valid``; otherwise an error listing the valid names."""
    options = list(valid)
    for option in options:
        if isinstance(value, str) and value == option:
            return option
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a name (a string), one of: {', '.join(map(str, options))}; but got {value!r}")
    raise ValueError(f"unknown {name} {value!r}; the valid {name} names are: {', '.join(map(str, options))}")
