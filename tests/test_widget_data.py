"""The package's data exported for the widgets (``docs/_hooks/widget_data.py``): the package's own numbers, exactly."""

from __future__ import annotations

import json

import numpy as np

import backprop as bp
from docs._hooks.widget_data import FILES, package_data, xor_starts


def test_the_worked_example_and_xor_round_trip_exactly():
    data = json.loads(package_data())
    network, _, _ = bp.worked_example()
    X, y = bp.xor()
    assert np.array_equal(data["worked"]["W1"], network.weights[0]) and np.array_equal(data["worked"]["b2"], [0.5])
    assert np.array_equal(data["xor"]["X"], X) and np.array_equal(data["xor"]["y"], y)
    assert {"assets/generated/package-data.json": package_data} == FILES


def test_every_playground_start_is_init_network_of_its_seed_bit_for_bit():
    starts = json.loads(xor_starts())
    assert sorted(starts, key=int) == [str(h) for h in range(2, 9)] and len(starts["2"]) == 100
    drawn = bp.init_network((2, 5, 1), seed=73)
    assert np.array_equal(starts["5"]["73"]["W1"], drawn.weights[0])
    assert np.array_equal(starts["5"]["73"]["W2"], drawn.weights[1])
    assert starts["5"]["73"]["b1"] == [0.0] * 5
