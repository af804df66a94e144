"""Property-based checks (Hypothesis): what must hold for *every* small network, not just the guide's.

Random architectures (1-4 layers, widths 1-8), activations, every accepted
(output, loss) pairing and batches of 1-6 rows; see ``tests/strategies.py``.
Under ``CI`` the examples are derandomized (the profile is set in the root
conftest.py), so CI runs the same examples every time.
"""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import backprop as bp
from tests.strategies import OUTPUTS, SMOOTH_HIDDEN, cases

# Central differences carry a round-off error of about machine_eps * |L| / epsilon
# (~2e-11 |L| at epsilon 1e-5) in every component; a relative error of 1e-6 can
# only be asked of gradients well above that floor.
GRADIENT_FLOOR = 1e-4
# relu's derivative jumps at z = 0: a nudge that crosses the kink measures a
# one-sided slope. Keep every relu input at least this far from 0 (nudges move z
# by about epsilon times an activation, far less).
KINK_MARGIN = 1e-3


def _relu_inputs_clear_of_kink(case) -> bool:
    _, cache = bp.forward_prop(case.network, case.X)
    for z, name in zip(cache.z[1:], case.network.activations, strict=True):
        if name == "relu" and not np.all(np.abs(np.asarray(z)) > KINK_MARGIN):
            return False
    return True


@settings(max_examples=60, deadline=None)
@given(cases())
def test_backprop_agrees_with_central_differences(case):
    assume(_relu_inputs_clear_of_kink(case))
    grads = bp.backward_prop(case.network, case.X, case.y, case.loss).flat()
    assume(np.linalg.norm(grads) > GRADIENT_FLOOR * max(1.0, bp.compute_loss(case.network, case.X, case.y, case.loss)))
    check = bp.gradient_check(case.network, case.X, case.y, case.loss, epsilon=1e-5, method="central")
    assert check.overall <= 1e-6, (check.overall, check.worst_parameter)


# A gradient-descent step of rate eta changes a smooth loss by
#   -eta |g|^2 + (eta^2 / 2) g.H.g + O(eta^3),
# which is negative whenever eta < 2 |g|^2 / g.H.g, i.e. eta below 2 / (the curvature
# along g). For these networks (|x| <= 1, Glorot weights, widths <= 8) the curvature
# is far below 1e4, so eta = 1e-4 is "small enough". The loss is computed in floating
# point, so "does not increase" means: not by more than a few ulps of the loss.
SMALL_RATE = 1e-4
ULPS = 4


@settings(max_examples=60, deadline=None)
@given(cases(hidden=SMOOTH_HIDDEN, outputs=tuple(o for o in OUTPUTS if o[0] != "relu")))
def test_a_small_gradient_descent_step_does_not_increase_a_smooth_loss(case):
    before = bp.compute_loss(case.network, case.X, case.y, case.loss)
    grads = bp.backward_prop(case.network, case.X, case.y, case.loss)
    bp.gradient_descent(case.network, grads, SMALL_RATE)
    after = bp.compute_loss(case.network, case.X, case.y, case.loss)
    assert after <= before + ULPS * np.spacing(before), (before, after)


@settings(max_examples=100, deadline=None)
@given(cases())
def test_the_forward_pass_of_a_batch_equals_the_forward_pass_of_each_row(case):
    batch, _ = bp.forward_prop(case.network, case.X)
    rows = np.concatenate([bp.forward_prop(case.network, case.X[i : i + 1])[0] for i in range(len(case.X))])
    assert batch.shape == rows.shape == (len(case.X), case.network.layer_sizes[-1])
    # Equal up to the order of the additions in the matrix product: BLAS blocks a
    # batch differently from a single row (measured: at most 1e-14 of |y| + 1 over
    # 2,000 random networks), so bit-identity is not promised.
    np.testing.assert_allclose(batch, rows, rtol=1e-12, atol=1e-13)


nudges = st.floats(min_value=1e-12, max_value=1e3) | st.floats(min_value=-1e3, max_value=-1e-12)


@settings(max_examples=100, deadline=None)
@given(cases(), st.integers(0, 10**6), nudges)
def test_nudging_a_parameter_restores_every_parameter_bit_for_bit(case, which, epsilon):
    net = case.network
    names = net.element_names()
    name = names[which % len(names)]
    before = net.flat().tobytes()
    old = float(net[name])
    with bp.nudge(net, name, epsilon):
        assert float(net[name]) == old + epsilon
        assert np.count_nonzero(net.flat() != np.frombuffer(before)) <= 1
    assert net.flat().tobytes() == before
