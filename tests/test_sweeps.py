"""Tests of ``backprop.sweeps``: training XOR from many seeds at once and summarising the sweep.

``sweep_xor`` must record, for each seed, the first epoch at which every output
is strictly within the tolerance of its target (epoch 0 if it starts there, -1
if never), the losses and the final outputs, exactly as each seed trained
alone would; its defaults are a tolerance of 0.1 and mean squared error; it
reads its seeds once (a generator will do) and records them as int64. The
summaries of a ``SeedSweep`` (solved counts, epochs to a loss, ends near,
outputs near, loss drops) and ``median_epochs_to_learn`` / ``epochs_ratio``
are checked on a hand-made sweep whose answers are worked out by hand.
"""

from __future__ import annotations

import numpy as np

import backprop as bp
from backprop import sweeps
from backprop.sweeps import SeedSweep
from tests.helpers import fails


def _sweep(solved_epoch):
    """Three seeds, two epochs: losses and final outputs chosen so that each summary has a known answer."""
    losses = np.array([[0.30, 0.30, 0.30], [0.20, 0.126, 0.25], [0.05, 0.125, 0.01]])
    outputs = np.array([[[0.1], [0.9], [0.9], [0.1]], [[0.5], [0.5], [0.95], [0.05]], [[0.0], [1.0], [1.0], [0.0]]])
    return SeedSweep(np.array([0, 1, 2]), np.array(solved_epoch), losses, outputs)


def test_a_sweeps_summaries_follow_their_definitions():
    sweep = _sweep([1, -1, 2])
    assert sweep.solved.tolist() == [True, False, True] and sweep.failed.tolist() == [False, True, False]
    assert sweep.solved_count == 2 and sweep.final_loss.tolist() == [0.05, 0.125, 0.01]
    assert sweep.epochs_to_loss(0.2).tolist() == [1, 1, 2]
    assert sweep.epochs_to_loss(0.3).tolist() == [0, 0, 0]
    assert sweep.epochs_to_loss(0.01).tolist() == [-1, -1, 2]
    assert sweep.ends_near(0.125, tolerance=0.0).tolist() == [False, True, False]
    assert sweep.ends_near(1 / 6, 0.13, tolerance=0.004).tolist() == [False, False, False]
    assert sweep.ends_near(1 / 6, 0.13, tolerance=0.006).tolist() == [False, True, False]
    assert sweep.ends_near(0.125, 0.3, tolerance=0.001).tolist() == [False, True, False]
    assert sweep.outputs_near(0.5, tolerance=0.0).tolist() == [0, 2, 0]
    assert sweep.outputs_near(0.9, tolerance=0.05).tolist() == [2, 1, 0]
    assert np.allclose(sweep.loss_drop(1), [0.15, 0.001, 0.24]) and np.allclose(sweep.loss_drop(2), [0.25, 0.175, 0.29])


def test_median_epochs_compare_only_the_seeds_both_sweeps_learned():
    first, second = _sweep([10, -1, 30]), _sweep([4, 6, 9])
    assert sweeps.median_epochs_to_learn(first, second).tolist() == [20.0, 6.5]
    assert sweeps.epochs_ratio(first, second) == 6.5 / 20.0
    fails(
        ValueError,
        lambda: sweeps.median_epochs_to_learn(_sweep([-1, 2, -1]), _sweep([1, -1, 3])),
        "no seed learned XOR in every sweep",
    )


def test_a_sweep_records_the_first_epoch_each_seed_is_within_the_tolerance():
    # Independent route: each seed trained alone, its outputs checked at every epoch.
    X, y = bp.xor()
    sweep = sweeps.sweep_xor(
        [0, 3],
        learning_rate=2.0,
        epochs=1500,
        loss="binary_cross_entropy",
        tolerance=0.2,
        layer_sizes=(2, 3, 1),
        bias_init="normal",
    )
    for s, seed in enumerate([0, 3]):
        net = bp.init_network((2, 3, 1), seed=seed, bias_init="normal")
        first = []
        history = bp.train(
            net,
            X,
            y,
            epochs=1500,
            learning_rate=2.0,
            loss="binary_cross_entropy",
            callback=lambda step, first=first: (
                first.append(step.epoch) if np.all(np.abs(step.output - y) < 0.2) else None
            ),
        )
        assert sweep.solved_epoch[s] == (first[0] if first else -1)
        assert np.array_equal(sweep.losses[:, s], history.losses)
        assert np.array_equal(sweep.outputs[s], bp.forward_prop(net, X)[0])
    assert sweep.solved.any() and sweep.seeds.tolist() == [0, 3]


def test_a_seed_within_the_tolerance_from_the_start_learned_at_epoch_0_and_the_edge_does_not_count():
    # Zero weights and biases: every output is sigmoid(0) = 0.5 exactly, 0.5 from each target.
    at_start = sweeps.sweep_xor([0, 1], learning_rate=0.1, epochs=2, init="zeros", tolerance=0.6)
    assert at_start.solved_epoch.tolist() == [0, 0]
    on_the_edge = sweeps.sweep_xor([0], learning_rate=0.1, epochs=0, init="zeros", tolerance=0.5)
    assert on_the_edge.solved_epoch.tolist() == [-1] and on_the_edge.losses.shape == (1, 1)


def test_a_sweep_defaults_to_a_tolerance_of_a_tenth_and_mse():
    default = sweeps.sweep_xor([1, 2], learning_rate=2.0, epochs=600)
    explicit = sweeps.sweep_xor([1, 2], learning_rate=2.0, epochs=600, loss="mse", tolerance=0.1)
    assert default.solved_epoch.tolist() == explicit.solved_epoch.tolist()
    assert np.array_equal(default.losses, explicit.losses)
    never = sweeps.sweep_xor([1], learning_rate=0.01, epochs=3)
    assert never.solved_epoch.tolist() == [-1]


def test_a_sweep_reads_its_seeds_once_and_records_them_as_int64():
    from_generator = sweeps.sweep_xor((seed for seed in (0, 1)), learning_rate=0.1, epochs=0)
    assert from_generator.seeds.tolist() == [0, 1] and from_generator.losses.shape == (1, 2)
    small = sweeps.sweep_xor(np.array([2, 250], dtype=np.uint8), learning_rate=0.1, epochs=0)
    assert small.seeds.dtype == np.int64 and small.seeds.tolist() == [2, 250]


def test_a_sweeps_tolerance_must_be_positive():
    fails(
        ValueError, lambda: sweeps.sweep_xor([0], learning_rate=1.0, epochs=1, tolerance=0.0), "tolerance", "positive"
    )
