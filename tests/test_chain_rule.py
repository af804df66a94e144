"""Tests of ``backprop.chain_rule``: ``backward_prop``'s cache and its fused output delta.

A cache from ``forward_prop`` saves ``backward_prop`` a forward pass and must
give the same gradients to the last bit (for a network without a hidden layer
and for a stack too); a cache from another network or other inputs is refused
with a message that says which. ``fused=False`` must really
take the long way for the output layer. (That the gradients are right is the
business of ``test_properties.py`` and ``test_oracle.py``.)
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from backprop.chain_rule import backward_prop
from tests.helpers import fails


def test_a_cache_from_forward_prop_gives_the_same_gradients_as_none(net, xor):
    X, y = xor
    _, cache = bp.forward_prop(net, X)
    reused = backward_prop(net, X, y, cache=cache)
    assert np.array_equal(reused.flat(), backward_prop(net, X, y).flat())
    assert np.array_equal(
        backward_prop(net, X, y, "binary_cross_entropy", cache=cache).flat(),
        backward_prop(net, X, y, "binary_cross_entropy").flat(),
    )


def test_a_cache_works_for_a_network_without_a_hidden_layer_and_for_a_stack(stack, xor):
    X, y = xor
    one_layer = bp.init_network((2, 1), seed=0, bias_init="normal")
    _, cache = bp.forward_prop(one_layer, X)
    assert np.array_equal(backward_prop(one_layer, X, y, cache=cache).flat(), backward_prop(one_layer, X, y).flat())
    labels = np.array([0, 1, 1, 0])
    _, stacked = bp.forward_prop(stack, X)
    assert np.array_equal(
        backward_prop(stack, X, labels, "categorical_cross_entropy", cache=stacked).flat(),
        backward_prop(stack, X, labels, "categorical_cross_entropy").flat(),
    )


def test_fused_false_takes_the_long_way_through_the_output_layer(net, xor):
    # Same value up to rounding, so the bits differ only if the long way was taken.
    X, y = xor
    unfused = backward_prop(net, X, y, "binary_cross_entropy", fused=False).flat()
    assert not np.array_equal(unfused, backward_prop(net, X, y, "binary_cross_entropy").flat())


def test_a_cache_must_come_from_the_same_network_and_inputs(net, xor):
    X, y = xor
    _, cache = bp.forward_prop(net, X)
    fails(
        TypeError,
        lambda: backward_prop(net, X, y, cache=(cache.a, cache.z)),
        "cache must be the Cache returned by forward_prop, but got tuple",
    )
    _, shallow = bp.forward_prop(bp.init_network((2, 1), seed=0), X)
    fails(
        ValueError,
        lambda: backward_prop(net, X, y, cache=shallow),
        "cache must hold a[0..2] for this 2-layer network, but holds a[0..1]",
    )
    broken = bp.Cache(cache.a, cache.z[:2])
    fails(ValueError, lambda: backward_prop(net, X, y, cache=broken), "cache must hold a[0..2]")
    fails(
        ValueError,
        lambda: backward_prop(net, X[::-1], y, cache=cache),
        "cache must come from forward_prop(network, X) on the same X, but its a[0] differs from X",
    )
    fails(ValueError, lambda: backward_prop(net, X[:2], y[:2], cache=cache), "on the same X")
    as_list = bp.Cache([X.tolist(), *cache.a[1:]], cache.z)  # the same numbers, but not the array forward_prop made
    fails(ValueError, lambda: backward_prop(net, X, y, cache=as_list), "on the same X, but its a[0] differs from X")


def test_a_cache_whose_layers_were_tampered_with_is_refused_naming_the_layer(net, xor):
    X, y = xor
    _, cache = bp.forward_prop(net, X)
    not_an_array = bp.Cache([cache.a[0], "a[1]", cache.a[2]], cache.z)
    fails(ValueError, lambda: backward_prop(net, X, y, cache=not_an_array), "its a[1] should be a float64 array", "str")
    cut = bp.Cache(cache.a, [None, cache.z[1][:2], cache.z[2]])
    fails(
        ValueError,
        lambda: backward_prop(net, X, y, cache=cut),
        "its z[1] should be a float64 array of shape (4, 3), but it is of shape (2, 3)",
    )
    # The message shows what differs: the dtype (it said "shape (4, 3), but it is (4, 3)").
    single = bp.Cache([cache.a[0], cache.a[1].astype(np.float32), cache.a[2]], cache.z)
    fails(
        ValueError,
        lambda: backward_prop(net, X, y, cache=single),
        "its a[1] should be a float64 array of shape (4, 3), but it is a float32 array",
    )
    cache.a[2][1, 0] = float("nan")
    fails(
        ValueError,
        lambda: backward_prop(net, X, y, cache=cache),
        "cache.a[2] must be finite",
        "cache.a[2][1, 0] is nan",
    )
