"""Tests of ``backprop.errors``: turning an argument into a float64 array, or naming why not.

``as_float_array`` is the conversion every array argument goes through: ints
become float64, a wrong number of dimensions is a ValueError that gives the
shape, and an array of something other than numbers is a TypeError that gives
the dtype; either way the message starts with the argument's own name. (The
messages of the number checks, ``positive_number`` and the like, are tested
with the public function that passes its argument's name: ``train``,
``gradient_descent``, ``numerical_gradient`` and the others, each in its
module's test file.)
"""

from __future__ import annotations

import numpy as np

from backprop.errors import as_float_array
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
