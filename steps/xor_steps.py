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
from backprop.sweeps import SeedSweep, sweep_xor
from speckit.catalog import MissingStep
from steps.parsing import sentence, table_matrix
from steps.support import summary


def _seeds(sweep) -> SeedSweep:
    """The scenario's latest sweep, which these checks read as a seed sweep (an epsilon sweep is also ``sweep``)."""
    if not isinstance(sweep, SeedSweep):
        raise MissingStep(
            "sweep", why=f"this check reads a seed sweep, but the latest sweep is a {type(sweep).__name__}"
        )
    return sweep


@pytest.fixture
def sweeps() -> list[SeedSweep]:
    """Every sweep of the scenario, in order: empty until one is made."""
    return []


@given("the XOR truth table:")
def _(datatable):
    """Check that the package's XOR data is exactly this table (columns input A, input B, output).

    Example: Given the XOR truth table:
    """
    found = table_matrix(datatable, "the XOR truth table").tolist()
    assert found == [list(row) for row in bp.XOR_TRUTH_TABLE], f"the table is {found}, not XOR's truth table"


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
    The seeds run from ``first`` to ``last``, both included.

    Example: When I train seeds 0 to 99 of the guide's network (weight init normal, bias init zeros) with mse for
        2500 epochs at learning rate 2
    """
    if first > last:
        raise ValueError(f"seeds {first} to {last} is an empty range: the first seed must not be above the last")
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
    sweep = _seeds(sweep)
    if len(sweep.losses) < 2:
        raise ValueError("the sweep trained for 0 epochs: there is no fall to check")
    fall = measure("smallest fall of a seed's loss in one epoch", -np.diff(sweep.losses, axis=0).max())
    assert fall > 0, f"the smallest fall of a seed's loss in one epoch is {fall!r}"


@then(
    sentence(
        "all but at most {k:d} of the seeds that failed end with a loss within {tol:Number} of {a:Number} or {b:Number}"
    )
)
def _(sweep, k, tol, a, b, measure):
    """Almost every failed seed ends on one of two plateaus: its final loss is near ``a`` or ``b``.

    Example: Then all but at most 2 of the seeds that failed end with a loss within 0.01 of 0.125 or 0.1667
    """
    sweep = _seeds(sweep)
    off = sweep.failed.sum() - sweep.ends_near(a, b, tolerance=tol).sum()
    assert measure(f"failed seeds off both plateaus (of {sweep.failed.sum()} failed)", off) <= k, (
        f"{off} of the {sweep.failed.sum()} seeds that failed end off both plateaus"
    )


@then(sentence("at least {n:d} of the seeds that failed end with a loss within {tol:Number} of {value:Number}"))
def _(sweep, n, tol, value, measure):
    """At least ``n`` failed seeds end with a final loss within ``tol`` of ``value``.

    Example: Then at least 15 of the seeds that failed end with a loss within 0.01 of 0.125
    """
    sweep = _seeds(sweep)
    near = measure(f"failed seeds near {value:g}", sweep.ends_near(value, tolerance=tol).sum())
    assert near >= n, f"{near} of the seeds that failed end with a loss within {tol:g} of {value:g}"


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
    sweep = _seeds(sweep)
    on_plateau = sweep.ends_near(value, tolerance=tol)
    gaps = np.abs(sweep.outputs[on_plateau] - centre)
    if not (gaps <= distance).any():
        raise AssertionError(
            f"no seed that failed ends with a loss within {tol:g} of {value:g} and an output near {centre:g}"
        )
    measure(f"largest distance from {centre:g} of an output within {distance:g} of it", gaps[gaps <= distance].max())
    counts = set(sweep.outputs_near(centre, distance)[on_plateau].tolist())
    assert counts == {k}, f"those seeds have {sorted(counts)} outputs within {distance:g} of {centre:g}"


@then(
    sentence("over the last {last:d} epochs the loss of every seed that failed fell, but by less than {bound:Number}")
)
def _(sweep, last, bound, measure):
    """Stuck, not broken: each failed seed's loss is still going down over the final epochs, but barely.

    Example: Then over the last 500 epochs the loss of every seed that failed fell, but by less than 0.002
    """
    sweep = _seeds(sweep)
    epochs = len(sweep.losses) - 1
    if not 1 <= last <= epochs:
        raise ValueError(f"the last {last} epochs: the sweep trained {epochs} epochs, so give 1 to {epochs}")
    drops = sweep.loss_drop(last)[sweep.failed]
    if not drops.size:
        raise AssertionError("no seed failed: there is no failed seed's loss to check")
    measure("smallest fall of a failed seed's loss", drops.min()), measure("largest fall", drops.max())
    assert all(0 < drop < bound for drop in drops), f"the falls are {summary(drops)}"
