"""Tests of ``backprop.counting``: counting forward and backward passes.

``count_passes`` counts each pass once (a ``backward_prop`` without a cache is
one forward and one backward pass; with a cache, only the backward), counts in
nested blocks count for the outer block too, and a numerical gradient costs one
forward pass per parameter plus one, and no backward pass.
"""

from __future__ import annotations

import backprop as bp


def test_counting_counts_each_pass_once_and_nests(net, xor):
    X, y = xor
    with bp.count_passes() as outer:
        bp.forward_prop(net, X)
        with bp.count_passes() as inner:
            bp.backward_prop(net, X, y)
        _, cache = bp.forward_prop(net, X)
        bp.backward_prop(net, X, y, cache=cache)
    assert (inner.forward, inner.backward) == (1, 1)
    assert (outer.forward, outer.backward) == (3, 2)
    with bp.count_passes() as passes:
        bp.numerical_gradient(net, X, y)
    assert (passes.forward, passes.backward) == (net.parameter_count + 1, 0)
