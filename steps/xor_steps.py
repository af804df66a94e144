"""Steps of the chapter "Learning XOR": the truth table, one network, and sweeps over seeds.

A sweep trains one network per seed as a single stack (``backprop.sweeps.sweep_xor``).
The fixture ``sweep`` is the latest sweep, which the sentences about "the seeds"
speak of; ``sweeps`` holds every sweep of the scenario, for comparing two.
"""

from __future__ import annotations

import numpy as np
import pytest
from pytest_bdd import given, then, when

import backprop as bp
from backprop.sweeps import SeedSweep, epochs_ratio, median_epochs_to_learn, sweep_xor
from steps.parsing import sentence, table_matrix


@pytest.fixture
def sweeps() -> list[SeedSweep]:
    """Every sweep of the scenario, in order: empty until one is made."""
    return []


@given("the XOR truth table:")
def _(datatable):
    """Check that the package's XOR data is exactly this table (columns input A, input B, output).

    Example: Given the XOR truth table:
    """
    assert table_matrix(datatable).tolist() == [list(row) for row in bp.XOR_TRUTH_TABLE]


@then(sentence("every output is within {tol:Number} of its target"))
def _(network, data, tol, measure):
    """Every output of the network on the scenario's data is closer than ``tol`` to its target.

    Example: Then every output is within 0.1 of its target
    """
    gaps = np.abs(bp.forward_prop(network, data.X)[0] - data.y)
    assert measure("largest distance of an output from its target", gaps.max()) < tol


@then(sentence("some output is more than {tol:Number} from its target"))
def _(network, data, tol):
    """At least one output on the scenario's data is further than ``tol`` from its target.

    Example: Then some output is more than 0.1 from its target
    """
    assert np.any(np.abs(bp.forward_prop(network, data.X)[0] - data.y) > tol)


@when(
    sentence(
        "I train seeds {first:d} to {last:d} of the guide's network (weight init {init:Word}, "
        "bias init {bias_init:Word}) with {loss:Word} for {epochs:d} epochs at learning rate {lr:Number}"
    ),
    target_fixture="sweep",
)
def _(sweeps, first, last, init, bias_init, loss, epochs, lr):
    """Train one 2-2-1 sigmoid network per seed on XOR, all at once, recording when each learns it.

    A seed has learned XOR at the first epoch at which every output is within 0.1 of its target.

    Example: When I train seeds 0 to 99 of the guide's network (weight init normal, bias init zeros) with mse for
        2500 epochs at learning rate 2
    """
    sweep = sweep_xor(
        range(first, last + 1), learning_rate=lr, epochs=epochs, loss=loss, init=init, bias_init=bias_init
    )
    sweeps.append(sweep)
    return sweep


@then("every seed's loss fell at every epoch")
def _(sweep, measure):
    """Each seed's loss is strictly lower after every update than before it: slow, but downhill.

    Example: Then every seed's loss fell at every epoch
    """
    assert measure("smallest fall of a seed's loss in one epoch", -np.diff(sweep.losses, axis=0).max()) > 0


@then(
    sentence(
        "all but at most {k:d} of the seeds that failed end with a loss within {tol:Number} of {a:Number} or {b:Number}"
    )
)
def _(sweep, k, tol, a, b, measure):
    """Almost every failed seed ends on one of two plateaus: its final loss is near ``a`` or ``b``.

    Example: Then all but at most 2 of the seeds that failed end with a loss within 0.01 of 0.125 or 0.1667
    """
    off = sweep.failed.sum() - sweep.ends_near(a, b, tolerance=tol).sum()
    assert measure(f"failed seeds off both plateaus (of {sweep.failed.sum()} failed)", off) <= k


@then(sentence("at least {n:d} of the seeds that failed end with a loss within {tol:Number} of {value:Number}"))
def _(sweep, n, tol, value, measure):
    """At least ``n`` failed seeds end with a final loss within ``tol`` of ``value``.

    Example: Then at least 15 of the seeds that failed end with a loss within 0.01 of 0.125
    """
    assert measure(f"failed seeds near {value:g}", sweep.ends_near(value, tolerance=tol).sum()) >= n


@then(
    sentence(
        "every seed that failed with a loss within {tol:Number} of {value:Number} has exactly {k:d} "
        "outputs within {distance:Number} of {centre:Number}"
    )
)
def _(sweep, tol, value, k, distance, centre, measure):
    """On that plateau, each failed seed has exactly ``k`` outputs near ``centre`` (and there is such a seed).

    Example: Then every seed that failed with a loss within 0.01 of 0.125 has exactly 2 outputs within 0.05 of 0.5
    """
    gaps = np.abs(sweep.outputs[sweep.ends_near(value, tolerance=tol)] - centre)
    measure(f"largest distance from {centre:g} of an output within {distance:g} of it", gaps[gaps <= distance].max())
    assert set(sweep.outputs_near(centre, distance)[sweep.ends_near(value, tolerance=tol)]) == {k}


@then(
    sentence("over the last {last:d} epochs the loss of every seed that failed fell, but by less than {bound:Number}")
)
def _(sweep, last, bound, measure):
    """Stuck, not broken: each failed seed's loss is still going down over the final epochs, but barely.

    Example: Then over the last 500 epochs the loss of every seed that failed fell, but by less than 0.002
    """
    drops = sweep.loss_drop(last)[sweep.failed]
    measure("smallest fall of a failed seed's loss", drops.min()), measure("largest fall", drops.max())
    assert all(0 < drop < bound for drop in drops)


@then(
    sentence(
        "over the seeds both sweeps learn, the second needs at most {ratio:Number} times the median epochs of the first"
    )
)
def _(sweeps, ratio, measure):
    """Compare the last two sweeps' median epochs to learn XOR, over the seeds both learned.

    Example: Then over the seeds both sweeps learn, the second needs at most 0.6 times the median epochs of the first
    """
    assert _measured_ratio(sweeps, measure) <= ratio


@then(
    sentence(
        "over the seeds both sweeps learn, the second needs between {low:Number} and {high:Number} times "
        "the median epochs of the first"
    )
)
def _(sweeps, low, high, measure):
    """The ratio of the last two sweeps' median epochs to learn XOR (second over first) lies in [low, high].

    Example: Then over the seeds both sweeps learn, the second needs between 0.45 and 0.55 times the median epochs
        of the first
    """
    assert low <= _measured_ratio(sweeps, measure) <= high


def _measured_ratio(sweeps, measure) -> float:
    """The last two sweeps' median epochs to learn XOR (over the seeds both learned) and their ratio, recorded."""
    first, second = median_epochs_to_learn(*sweeps[-2:])
    measure("median epochs, first sweep", first), measure("median epochs, second sweep", second)
    return measure("ratio, second over first", epochs_ratio(*sweeps[-2:]))
