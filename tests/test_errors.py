"""Tests of ``backprop.errors``: turning an argument into a float64 array, or naming why not.

``as_float_array`` is the conversion every array argument goes through: ints
become float64, a wrong number of dimensions is a ValueError that gives the
shape, an array of something other than numbers is a TypeError that gives the
dtype, and nested lists whose rows differ in length are a ValueError that says
so; either way the message starts with the argument's own name. The memory
check allows a request of exactly ``MEMORY_LIMIT`` bytes, refuses one byte
more, and writes both sizes in the largest unit that fits (bytes, KiB, MiB,
GiB, TiB). ``choice`` refuses a name that is not a string with a TypeError
that lists the valid names. (The messages of the number checks,
``positive_number`` and the like, are tested with the public function that
passes its argument's name: ``train``, ``gradient_descent``,
``numerical_gradient`` and the others, each in its module's test file.)
"""

from __future__ import annotations

import numpy as np
import pytest

from backprop import errors
from backprop.errors import MEMORY_LIMIT, as_float_array, check_memory, choice
from tests.helpers import fails


def test_as_float_array_turns_ints_into_float64():
    assert as_float_array("v", [[1, 2]], ndim=2).dtype == np.float64


def test_as_float_array_names_a_wrong_shape_or_a_dtype_that_is_not_numbers():
    fails(ValueError, lambda: as_float_array("v", [1, 2], ndim=2), "v must be a 2-D array, but got shape (2,)")
    fails(
        TypeError,
        lambda: as_float_array("v", [1j], ndim=1),
        "v must be an array of numbers (float or int), but got dtype complex128",
    )


def test_as_float_array_names_rows_of_different_lengths():
    fails(
        ValueError,
        lambda: as_float_array("v", [[1.0, 2.0], [3.0]], ndim=2),
        "v must be a rectangular array of numbers (every row the same length), but its rows have different lengths",
    )


def test_a_request_of_exactly_the_memory_limit_is_allowed_and_one_byte_more_is_refused():
    assert MEMORY_LIMIT == 2**30
    assert check_memory("the request", MEMORY_LIMIT, "ask for less") is None
    fails(
        ValueError,
        lambda: check_memory("the request", MEMORY_LIMIT + 1, "ask for less"),
        "the request, which need 1 GiB of memory, more than the 1 GiB backprop allocates on request "
        "(backprop.errors.MEMORY_LIMIT); ask for less",
    )


@pytest.mark.parametrize(
    "limit, need, limit_text, need_text",
    [
        (2**40, 3 * 2**39, "1 TiB", "1.5 TiB"),
        (2**20, 3 * 2**19, "1 MiB", "1.5 MiB"),
        (2**20, 2**20 + 2**18, "1 MiB", "1.25 MiB"),
        (2**10, 3 * 2**9, "1 KiB", "1.5 KiB"),
        (1000, 1023, "1000 bytes", "1023 bytes"),
        (2**30, 1000 * 2**30 + 2**29, "1 GiB", "1,000 GiB"),  # not 1e+03 GiB
        (2**30, 999 * 2**30, "1 GiB", "999 GiB"),
        (2**30, 1000 * 2**30, "1 GiB", "1,000 GiB"),
        (2**30, 4096 * 2**40, "1 GiB", "4,096 TiB"),
    ],
)
def test_memory_sizes_are_written_in_the_largest_unit_that_fits(monkeypatch, limit, need, limit_text, need_text):
    monkeypatch.setattr(errors, "MEMORY_LIMIT", limit)  # the documented way to allow more (or less)
    fails(
        ValueError,
        lambda: check_memory("the request", need, "ask for less"),
        f"the request, which need {need_text} of memory, more than the {limit_text} backprop allocates",
    )


def test_a_choice_that_is_not_a_string_is_a_type_error_listing_the_valid_names():
    fails(
        TypeError,
        lambda: choice("method", 3, ("forward", "central")),
        "method must be a name (a string), one of: forward, central; but got 3",
    )
    assert choice("method", "central", ("forward", "central")) == "central"


@pytest.mark.parametrize(
    "value, dtype",
    [
        (np.array([[1, 2]], dtype="timedelta64[s]"), "timedelta64[s]"),  # an integer to numpy, not a number
        (np.array([[1, 2]], dtype="datetime64[D]"), "datetime64[D]"),
        (np.array([[1, 2]], dtype=object), "object"),
        (np.array([["1", "2"]]), "<U1"),
        (np.array([[1, 2]], dtype=complex), "complex128"),
    ],
)
def test_arrays_of_things_that_are_not_plain_numbers_are_refused_with_their_dtype(value, dtype):
    fails(
        TypeError,
        lambda: as_float_array("v", value, ndim=2),
        f"v must be an array of numbers (float or int), but got dtype {dtype}",
    )


def test_a_single_value_that_is_not_a_number_is_refused_by_what_it_is():
    fails(TypeError, lambda: as_float_array("z", "abc"), "z must be a number (float or int), but got 'abc' (str)")
    fails(TypeError, lambda: as_float_array("z", None), "z must be a number (float or int), but got None (NoneType)")


def test_any_number_of_dimensions_is_allowed_unless_ndim_says_otherwise():
    assert as_float_array("v", 2).shape == ()
    assert as_float_array("v", np.zeros((1, 2, 3, 4))).shape == (1, 2, 3, 4)
    fails(ValueError, lambda: as_float_array("v", 2, ndim=(1, 2)), "v must be a 1-D or 2-D array, but got shape ()")


def test_a_value_that_is_not_finite_is_named_with_its_index_or_alone():
    fails(ValueError, lambda: as_float_array("z", float("nan")), "z must be finite, but z is nan")
    fails(ValueError, lambda: as_float_array("v", [[0.0, 1.0], [-np.inf, 0.0]]), "but v[1, 0] is -inf")


def test_a_longdouble_beyond_float64_is_refused_as_it_is_not_as_inf():
    # Converting 1e400 to float64 gives inf with a RuntimeWarning (an error in this suite): checked before.
    huge = np.full((2, 2), np.longdouble(10) ** 400)
    huge[0, 0] = 1.0
    fails(
        ValueError,
        lambda: as_float_array("X", huge, ndim=2),
        "X must fit in float64, but X[0, 1] is 1e+400, beyond float64's largest 1.798e+308; scale the values down",
    )
    fails(ValueError, lambda: as_float_array("z", -(np.longdouble(10) ** 309)), "but z is -1e+309, beyond")
    within = np.full((1, 2), np.longdouble(10) ** 300)
    assert as_float_array("X", within, ndim=2).tolist() == [[1e300, 1e300]]
    largest = np.finfo(np.float64).max
    assert as_float_array("X", np.array([-largest, largest], dtype=np.longdouble)).tolist() == [-largest, largest]
    # NaN and infinity of a longdouble are not "beyond float64": check_finite names them after the conversion.
    fails(ValueError, lambda: as_float_array("X", np.array([np.longdouble("inf")]), ndim=1), "X must be finite")


def test_a_duration_or_a_boolean_is_not_a_number_nor_a_count():
    # numpy's timedelta64 is an integer type: int() of one fails with an unnamed TypeError further on.
    for value in (np.timedelta64(2, "s"), True, np.bool_(False)):
        fails(TypeError, lambda v=value: errors.non_negative_int("epochs", v), "epochs must be a whole number")
        fails(TypeError, lambda v=value: errors.positive_number("learning_rate", v), "learning_rate must be a positive")
    assert errors.non_negative_int("epochs", np.int8(3)) == 3 and errors.positive_number("rate", np.float32(0.5)) == 0.5


def test_sets_and_mappings_are_unordered_lists_and_ranges_are_not():
    assert errors.unordered({5, 1}) and errors.unordered(frozenset()) and errors.unordered({"a": 1})
    assert not errors.unordered([5, 1]) and not errors.unordered((5, 1)) and not errors.unordered(range(3))
