"""Steps of the chapter "Learning XOR": the truth table, one network, and sweeps over seeds.

A sweep trains one network per seed as a single stack (``backprop.sweeps.sweep_xor``);
each sweep is appended to ``state.sweeps``, and the sentences about "the seeds" speak of
the latest one.
"""

from __future__ import annotations

import numpy as np
from pytest_bdd import given, then, when

import backprop as bp
from backprop.sweeps import sweep_xor
from steps import support
from steps.parsing import sentence, table_matrix


@given("the XOR truth table:")
def _(state, datatable):
    """Check that the package's XOR data is exactly this table (columns input A, input B, output).

    Example: Given the XOR truth table:
    """
    assert table_matrix(datatable).tolist() == [list(row) for row in bp.XOR_TRUTH_TABLE]


@then(sentence("every output is within {tol:Number} of its target"))
def _(state, tol, measure):
    """Every output of the network on the scenario's data is closer than ``tol`` to its target.

    Example: Then every output is within 0.1 of its target
    """
    gaps = np.abs(bp.forward_prop(state.network, state.X)[0] - state.y)
    assert measure("largest distance of an output from its target", gaps.max()) < tol


@then(sentence("some output is more than {tol:Number} from its target"))
def _(state, tol):
    """At least one output on the scenario's data is further than ``tol`` from its target.

    Example: Then some output is more than 0.1 from its target
    """
    assert np.any(np.abs(bp.forward_prop(state.network, state.X)[0] - state.y) > tol)


@when(
    sentence(
        "I train seeds {first:d} to {last:d} of the guide's network (weight init {init:Word}, "
        "bias init {bias_init:Word}) with {loss:Word} for {epochs:d} epochs at learning rate {lr:Number}"
    )
)
def _(state, first, last, init, bias_init, loss, epochs, lr):
    """Train one 2-2-1 sigmoid network per seed on XOR, all at once, recording when each learns it.

    A seed has learned XOR at the first epoch at which every output is within 0.1 of its target.

    Example: When I train seeds 0 to 99 of the guide's network (weight init normal, bias init zeros) with mse for
        2500 epochs at learning rate 2
    """
    vars(state).setdefault("sweeps", []).append(
        sweep_xor(range(first, last + 1), learning_rate=lr, epochs=epochs, loss=loss, init=init, bias_init=bias_init)
    )


@then("none of the seeds learned XOR")
def _(state, measure):
    """No seed of the latest sweep got every output within 0.1 of its target.

    Example: Then none of the seeds learned XOR
    """
    assert measure("seeds that learned XOR", state.sweeps[-1].solved_count) == 0, state.sweeps[-1].seeds[
        state.sweeps[-1].solved
    ]


@then("every seed's loss fell at every epoch")
def _(state, measure):
    """Each seed's loss is strictly lower after every update than before it: slow, but downhill.

    Example: Then every seed's loss fell at every epoch
    """
    assert measure("smallest fall of a seed's loss in one epoch", -np.diff(state.sweeps[-1].losses, axis=0).max()) > 0


@then(sentence("between {low:d} and {high:d} of the seeds learned XOR"))
def _(state, low, high, measure):
    """The number of seeds of the latest sweep that learned XOR lies in [low, high].

    Example: Then between 73 and 83 of the seeds learned XOR
    """
    assert low <= measure("seeds that learned XOR", state.sweeps[-1].solved_count) <= high


@then(
    sentence(
        "all but at most {k:d} of the seeds that failed end with a loss within {tol:Number} of {a:Number} or {b:Number}"
    )
)
def _(state, k, tol, a, b, measure):
    """Almost every failed seed ends on one of two plateaus: its final loss is near ``a`` or ``b``.

    Example: Then all but at most 2 of the seeds that failed end with a loss within 0.01 of 0.125 or 0.1667
    """
    off = state.sweeps[-1].failed.sum() - support.ends_near(state.sweeps[-1], a, b, tolerance=tol).sum()
    assert measure(f"failed seeds off both plateaus (of {state.sweeps[-1].failed.sum()} failed)", off) <= k


@then(sentence("at least {n:d} of the seeds that failed end with a loss within {tol:Number} of {value:Number}"))
def _(state, n, tol, value, measure):
    """At least ``n`` failed seeds end with a final loss within ``tol`` of ``value``.

    Example: Then at least 15 of the seeds that failed end with a loss within 0.01 of 0.125
    """
    assert measure(f"failed seeds near {value:g}", support.ends_near(state.sweeps[-1], value, tolerance=tol).sum()) >= n


@then(
    sentence(
        "every seed that failed with a loss within {tol:Number} of {value:Number} has exactly {k:d} "
        "outputs within {distance:Number} of {centre:Number}"
    )
)
def _(state, tol, value, k, distance, centre, measure):
    """On that plateau, each failed seed has exactly ``k`` outputs near ``centre`` (and there is such a seed).

    Example: Then every seed that failed with a loss within 0.01 of 0.125 has exactly 2 outputs within 0.05 of 0.5
    """
    gaps = np.abs(state.sweeps[-1].outputs[support.ends_near(state.sweeps[-1], value, tolerance=tol)] - centre)
    measure(f"largest distance from {centre:g} of an output within {distance:g} of it", gaps[gaps <= distance].max())
    assert set(
        support.outputs_near(state.sweeps[-1], centre, distance)[
            support.ends_near(state.sweeps[-1], value, tolerance=tol)
        ]
    ) == {k}


@then(
    sentence("over the last {last:d} epochs the loss of every seed that failed fell, but by less than {bound:Number}")
)
def _(state, last, bound, measure):
    """Stuck, not broken: each failed seed's loss is still going down over the final epochs, but barely.

    Example: Then over the last 500 epochs the loss of every seed that failed fell, but by less than 0.002
    """
    drops = support.loss_drop(state.sweeps[-1], last)[state.sweeps[-1].failed]
    measure("smallest fall of a failed seed's loss", drops.min()), measure("largest fall", drops.max())
    assert all(0 < drop < bound for drop in drops)


@then(
    sentence(
        "over the seeds both sweeps learn, the second needs at most {ratio:Number} times the median epochs of the first"
    )
)
def _(state, ratio, measure):
    """Compare the last two sweeps' median epochs to learn XOR, over the seeds both learned.

    Example: Then over the seeds both sweeps learn, the second needs at most 0.6 times the median epochs of the first
    """
    assert _measured_ratio(state, measure) <= ratio


@then(
    sentence(
        "over the seeds both sweeps learn, the second needs between {low:Number} and {high:Number} times "
        "the median epochs of the first"
    )
)
def _(state, low, high, measure):
    """The ratio of the last two sweeps' median epochs to learn XOR (second over first) lies in [low, high].

    Example: Then over the seeds both sweeps learn, the second needs between 0.45 and 0.55 times the median epochs
        of the first
    """
    assert low <= _measured_ratio(state, measure) <= high


def _measured_ratio(state, measure) -> float:
    """The last two sweeps' median epochs to learn XOR (over the seeds both learned) and their ratio, recorded."""
    first, second = support.median_epochs_to_learn(*state.sweeps[-2:])
    measure("median epochs, first sweep", first), measure("median epochs, second sweep", second)
    return measure("ratio, second over first", support.epochs_ratio(*state.sweeps[-2:]))
