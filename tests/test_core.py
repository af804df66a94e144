"""The fine print of the mathematical core, pinned down where the chapters do not reach.

Each test here was written for a behaviour that mutation testing (``make
mutation``) showed no scenario fixed: stacks of networks (every array with a
leading axis S), defaults, boundaries (<= versus <), and the exact wording of
each error (the argument's own name, what was expected, what was given). The
expected values are worked out by hand or by an independent route (one network
at a time instead of a stack; a hand-written training loop), never copied from
the package's output.
"""

from __future__ import annotations

import numpy as np
import pytest

import backprop as bp
from backprop import sweeps, training
from backprop.activations import softmax
from backprop.chain_rule import backward_prop
from backprop.errors import DivergenceError, as_float_array
from backprop.gradcheck import EpsilonSweep, epsilon_sweep, relative_error
from backprop.losses import logsumexp
from backprop.numerical import loss_change
from backprop.sweeps import SeedSweep
from tests.helpers import fails


@pytest.fixture
def net():
    return bp.init_network((2, 3, 1), seed=1, bias_init="normal")


@pytest.fixture
def xor():
    return bp.xor()


@pytest.fixture
def stack():
    return bp.init_stack([4, 5, 6], (2, 3, 2), bias_init="normal", hidden="tanh", output="softmax")


# --- stacks: every array may carry a leading axis S -------------------------------------------


def test_a_stack_holds_each_seeds_network_and_flattens_per_network(stack):
    single = bp.init_network((2, 3, 2), seed=5, bias_init="normal", hidden="tanh", output="softmax")
    assert stack.stack_size == 3 and stack.layer_sizes == [2, 3, 2]
    assert stack.flat().shape == (3, single.parameter_count)
    assert np.array_equal(stack.flat()[1], single.flat())
    assert stack.element_names() == single.element_names()
    assert float(stack["W2[2,1]"][1]) == float(single["W2[2,1]"])
    assert stack.activations == ["tanh", "softmax"]


def test_a_stack_of_one_seed_is_a_stack():
    one = bp.init_stack([3], (2, 2, 1))
    assert one.stack_size == 1 and one.flat().shape == (1, 9) and one.activations == ["sigmoid", "sigmoid"]


def test_a_stack_needs_at_least_one_seed():
    fails(ValueError, lambda: bp.init_stack([], (2, 2, 1)), "seeds must name at least one seed")


def test_every_function_treats_the_networks_of_a_stack_independently(stack, xor):
    X, _ = xor
    labels = np.array([0, 1, 1, 0])
    losses = bp.compute_loss(stack, X, labels, "categorical_cross_entropy")
    grads = bp.backward_prop(stack, X, labels, "categorical_cross_entropy")
    numerical = bp.numerical_gradient(stack, X, labels, "categorical_cross_entropy", method="central")
    assert losses.shape == (3,) and grads.flat().shape == stack.flat().shape
    assert grads.layer_norms().shape == (3, 2)
    for s, seed in enumerate([4, 5, 6]):
        one = bp.init_network((2, 3, 2), seed=seed, bias_init="normal", hidden="tanh", output="softmax")
        g = bp.backward_prop(one, X, labels, "categorical_cross_entropy")
        assert losses[s] == pytest.approx(bp.compute_loss(one, X, labels, "categorical_cross_entropy"), rel=1e-14)
        assert np.allclose(grads.flat()[s], g.flat(), rtol=1e-12, atol=1e-15)
        assert np.allclose(numerical.flat()[s], g.flat(), rtol=1e-6, atol=1e-9)
        assert np.allclose(grads.layer_norms()[s], [np.linalg.norm(g.dW[0]), np.linalg.norm(g.dW[1])])


def test_gradient_descent_on_a_stack_moves_each_network_by_its_own_gradient(stack, xor):
    X, _ = xor
    y = np.eye(2)[[0, 1, 1, 0]]
    before = stack.flat().copy()
    grads = bp.backward_prop(stack, X, y, "categorical_cross_entropy")
    bp.gradient_descent(stack, grads, 0.5)
    assert np.array_equal(stack.flat(), before - 0.5 * grads.flat())


# --- numerics the chapters take for granted -----------------------------------------------------


def test_softmax_and_logsumexp_work_row_by_row_even_for_rows_far_apart():
    z = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0 + np.log(3.0)]])
    assert np.allclose(softmax(z), [[0.25, 0.75], [0.25, 0.75]], rtol=1e-14)
    assert np.allclose(logsumexp(z)[:, 0], [np.log(4.0), 1000.0 + np.log(4.0)], rtol=1e-14)
    stacked = np.stack([z, z[::-1]])
    assert np.allclose(softmax(stacked)[1], softmax(z[::-1]), rtol=1e-14)
    assert np.allclose(logsumexp(stacked)[1], logsumexp(z[::-1]), rtol=1e-14)


def test_softmax_backward_is_the_jacobian_vector_product_row_by_row():
    z = np.array([[[0.2, -0.1, 0.4]], [[1.0, 0.0, -1.0]]])  # a stack of 2 networks, 1 row, 3 classes
    g = np.array([[[1.0, 2.0, -1.0]], [[0.5, -0.5, 0.0]]])
    a = softmax(z)
    got = bp.ACTIVATIONS["softmax"].backward(z, a, g)
    for s in range(2):
        J = np.diag(a[s, 0]) - np.outer(a[s, 0], a[s, 0])
        assert np.allclose(got[s, 0], J @ g[s, 0], rtol=1e-14, atol=1e-16)


def test_the_xor_data_are_float64():
    X, y = bp.xor()
    assert X.dtype == y.dtype == np.float64 and X.shape == (4, 2) and y.shape == (4, 1)


def test_compute_loss_of_a_single_network_is_a_python_float_and_defaults_to_mse(net, xor):
    X, y = xor
    value = bp.compute_loss(net, X, y)
    y_hat, _ = bp.forward_prop(net, X)
    assert type(value) is float and value == pytest.approx(np.mean(np.sum((y_hat - y) ** 2, axis=1)), rel=1e-15)


def test_relative_error_is_zero_only_for_agreement_and_one_for_opposites():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.array([1.0, 0.0]), np.array([-1.0, 0.0])) == 1.0
    assert relative_error(np.array([3.0, 4.0]), np.array([3.0, 4.0])) == 0.0


def test_the_gradient_check_defaults_to_central_differences_and_names_the_worst_parameter(net, xor):
    X, y = xor
    check = bp.gradient_check(net, X, y)
    assert check.overall < 1e-9  # central differences at epsilon 1e-5; forward ones give ~1e-6
    per = check.per_parameter()
    assert per.shape == (net.parameter_count,) and np.all(per <= 1)
    i = int(np.argmax(per))
    assert check.worst == per[i] and check.worst_parameter == net.element_names()[i]
    assert per[i] == pytest.approx(
        abs(check.analytic[i] - check.numeric[i]) / (abs(check.analytic[i]) + abs(check.numeric[i]))
    )


def test_the_gradient_check_takes_one_network_not_a_stack(stack, xor):
    X, _ = xor
    labels = np.array([0, 1, 1, 0])
    fails(
        ValueError,
        lambda: bp.gradient_check(stack, X, labels, "categorical_cross_entropy"),
        "gradient_check takes one network, not a stack",
    )
    fails(
        ValueError,
        lambda: epsilon_sweep(stack, X, labels, "categorical_cross_entropy"),
        "epsilon_sweep takes one network, not a stack",
    )


def test_numerical_gradients_default_to_the_forward_difference_at_1e_5(net, xor):
    X, y = xor
    exact = bp.backward_prop(net, X, y).flat()
    default = bp.numerical_gradient(net, X, y).flat()
    forward = bp.numerical_gradient(net, X, y, epsilon=1e-5, method="forward").flat()
    assert np.array_equal(default, forward)
    assert 1e-9 < relative_error(exact, default) < 1e-4


def test_an_epsilon_sweep_defaults_to_central_differences_and_mse(net, xor):
    X, y = xor
    sweep = epsilon_sweep(net, X, y, epsilons=(1e-3, 1e-5))
    assert sweep.method == "central" and sweep.epsilons.tolist() == [1e-3, 1e-5]
    assert sweep.error_at(1e-5) == pytest.approx(bp.gradient_check(net, X, y, epsilon=1e-5).overall, rel=1e-12)
    fails(ValueError, lambda: sweep.error_at(1e-4), "epsilon 0.0001 is not in the sweep; it tried")
    decades = EpsilonSweep("central", np.array([0.1, 0.01]), np.array([1.0, 2.0]))
    assert decades.error_at(0.1 * (1 + 1e-12)) == 1.0  # the same epsilon, up to rounding
    fails(ValueError, lambda: decades.error_at(0.1 * (1 + 1e-7)), "is not in the sweep")


def test_loss_change_is_the_difference_of_two_losses(net, xor):
    X, y = xor
    before = bp.compute_loss(net, X, y)
    with bp.nudge(net, "W2[1,0]", 0.01):
        after = bp.compute_loss(net, X, y)
    assert loss_change(net, X, y, "W2[1,0]", 0.01) == pytest.approx(after - before, rel=1e-12)
    bce = loss_change(net, X, y, "W2[1,0]", 0.01, loss="binary_cross_entropy")
    base = bp.compute_loss(net, X, y, "binary_cross_entropy")
    with bp.nudge(net, "W2[1,0]", 0.01):
        assert bce == pytest.approx(bp.compute_loss(net, X, y, "binary_cross_entropy") - base, rel=1e-12)


def test_loss_change_takes_one_network_and_a_positive_epsilon(stack, net, xor):
    X, y = xor
    fails(
        ValueError,
        lambda: loss_change(stack, X, np.array([0, 1, 1, 0]), "W1[0,0]", 0.1, "categorical_cross_entropy"),
        "loss_change takes one network, not a stack",
    )
    fails(ValueError, lambda: loss_change(net, X, y, "W1[0,0]", -0.1), "epsilon", "positive finite number", "-0.1")


# --- parameter names --------------------------------------------------------------------------


def test_parameter_names_allow_spaces_and_stop_at_the_last_index(net):
    assert float(net["W1[1, 2]"]) == float(net.weights[0][1, 2])
    assert float(net["b1[2]"]) == float(net.biases[0][2])
    fails(ValueError, lambda: net["W1[2,0]"], "W1[2,0]", "has shape (2, 3)", "index (2, 0) is outside it")
    fails(ValueError, lambda: net["W1[0]"], "W1[0]", "has shape (2, 3)")
    fails(ValueError, lambda: net["W3[0,0]"], "layer 3 does not exist", "layers are 1..2")
    fails(
        ValueError,
        lambda: net["w1[0,0]"],
        "'w1[0,0]'",
        "is not of the form W1[0,1] or b1[0] (a letter W or b, the layer from 1, the index from 0)",
    )
    assert float(net["W1 [ 1 ,2 ]"]) == float(net.weights[0][1, 2])


# --- training ---------------------------------------------------------------------------------


def test_training_records_the_loss_before_each_update_like_a_hand_written_loop(xor):
    X, y = xor
    net = bp.init_network((2, 3, 1), seed=2, bias_init="normal")
    by_hand = net.copy()
    seen = []
    history = bp.train(
        net,
        X,
        y,
        epochs=5,
        learning_rate=0.7,
        callback=lambda step: seen.append((step.epoch, step.loss, step.output.copy(), step.network)),
    )
    expected = []
    for _ in range(5):
        expected.append(bp.compute_loss(by_hand, X, y))
        bp.gradient_descent(by_hand, bp.backward_prop(by_hand, X, y), 0.7)
    expected.append(bp.compute_loss(by_hand, X, y))
    assert history.losses.tolist() == expected and history.epochs == 5 and not history.reached_target
    assert np.array_equal(net.flat(), by_hand.flat())
    assert [epoch for epoch, *_ in seen] == [0, 1, 2, 3, 4, 5] and all(n is net for *_, n in seen)
    assert np.array_equal(seen[-1][2], bp.forward_prop(net, X)[0])


def test_training_with_cross_entropy_takes_the_fused_output_delta_like_backward_prop(xor):
    X, y = xor
    net = bp.init_network((2, 3, 1), seed=5, bias_init="normal")
    by_hand = net.copy()
    history = bp.train(net, X, y, epochs=3, learning_rate=0.9, loss="binary_cross_entropy")
    losses = []
    for _ in range(3):
        losses.append(bp.compute_loss(by_hand, X, y, "binary_cross_entropy"))
        bp.gradient_descent(by_hand, bp.backward_prop(by_hand, X, y, "binary_cross_entropy"), 0.9)
    losses.append(bp.compute_loss(by_hand, X, y, "binary_cross_entropy"))
    assert net.flat().tobytes() == by_hand.flat().tobytes() and history.losses.tolist() == losses


def test_the_output_delta_is_fused_unless_asked_otherwise():
    z = np.array([[0.3], [-1.2]])
    a, y = bp.sigmoid(z), np.array([[1.0], [0.0]])
    loss = bp.get_loss("binary_cross_entropy", "sigmoid")
    assert np.array_equal(loss.output_delta(bp.ACTIVATIONS["sigmoid"], z, a, y), (a - y) / 2)
    chained = loss.output_delta(bp.ACTIVATIONS["sigmoid"], z, a, y, fused=False)
    assert np.allclose(chained, (a - y) / 2, rtol=1e-12)


def test_a_one_output_softmax_takes_its_targets_as_values_not_labels(xor):
    X, _ = xor
    one = bp.init_network((2, 1), seed=0, output="softmax")
    assert bp.compute_loss(one, X, np.array([1, 1, 1, 1]), "categorical_cross_entropy") == 0.0
    fails(
        ValueError,
        lambda: bp.compute_loss(one, X, np.array([0, 0, 0, 0]), "categorical_cross_entropy"),
        "row 0 of y is [0.0]",
    )


def test_training_stops_when_the_loss_reaches_the_target_exactly(xor):
    X, y = xor
    first = bp.init_network((2, 2, 1), seed=0)
    full = bp.train(first.copy(), X, y, epochs=6, learning_rate=1.0)
    target = float(full.losses[3])
    stopped = bp.train(first.copy(), X, y, epochs=6, learning_rate=1.0, target_loss=target)
    assert stopped.reached_target is True and stopped.losses.tolist() == full.losses[:4].tolist()
    assert bp.train(first.copy(), X, y, epochs=2, learning_rate=1.0, target_loss=0.0).reached_target is False


@pytest.mark.parametrize("method", ["forward", "central"])
def test_training_with_the_numerical_gradient_uses_the_chosen_method(xor, method):
    X, y = xor
    start = bp.init_network((2, 2, 1), seed=3)
    trained = start.copy()
    bp.train(trained, X, y, epochs=1, learning_rate=1.0, gradient="numerical", method=method, epsilon=1e-3)
    by_hand = start.copy()
    bp.gradient_descent(by_hand, bp.numerical_gradient(by_hand, X, y, epsilon=1e-3, method=method), 1.0)
    assert np.array_equal(trained.flat(), by_hand.flat())


def test_training_a_stack_stops_only_when_every_network_reaches_the_target(xor):
    X, y = xor
    history = bp.train(bp.init_stack([0, 1], (2, 2, 1)), X, y, epochs=3, learning_rate=1.0, target_loss=0.2)
    assert history.losses.shape == (4, 2) and not history.reached_target


def test_a_non_finite_loss_is_a_divergence_at_that_epoch():
    error = fails(
        DivergenceError,
        lambda: training.finite_loss(np.array([0.5, np.nan]), 7, 0.25),
        "training diverged at epoch 7: the loss is [0.5 nan]",
        "learning rate 0.25",
        "try 0.025",
    )
    assert error.epoch == 7 and error.learning_rate == 0.25
    assert training.finite_loss(np.float64(0.5), 1, 0.1) == 0.5
    fails(DivergenceError, lambda: training.finite_loss(np.float64("inf"), 2, 0.1), "epoch 2: the loss is inf")


def test_an_overflow_is_a_divergence_that_says_what_numpy_reported(xor):
    X, y = xor
    net = bp.init_network((2, 2, 1), seed=0, hidden="relu", output="identity", bias_init="normal")
    error = fails(
        DivergenceError,
        lambda: bp.train(net, X, y, epochs=1000, learning_rate=100.0),
        "numpy reported overflow",
        "learning rate 100.0",
    )
    assert error.learning_rate == 100.0 and isinstance(error, FloatingPointError)


# --- the checks of every argument -------------------------------------------------------------


def test_each_validated_argument_is_named_in_its_error(net, xor):
    X, y = xor
    grads = bp.backward_prop(net, X, y)
    fails(ValueError, lambda: bp.train(net, X, y, epochs=-2, learning_rate=0.1), "epochs", "0 or more", "-2")
    fails(ValueError, lambda: bp.train(net, X, y, epochs=1, learning_rate=0.0), "learning_rate", "positive")
    fails(
        ValueError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, gradient="chain"),
        "unknown gradient 'chain'",
        "the valid gradient names are: backprop, numerical",
    )
    fails(ValueError, lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, epsilon=0.0), "epsilon", "positive")
    fails(
        ValueError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, method="back"),
        "unknown method 'back'",
        "the valid method names are: forward, central",
    )
    fails(
        ValueError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, target_loss=float("nan")),
        "target_loss",
        "finite number",
        "nan",
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, target_loss="low"),
        "target_loss must be a number, but got 'low' (str)",
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate=0.1, callback=3),
        "callback must be a function taking a Step, but got int",
    )
    fails(ValueError, lambda: bp.gradient_descent(net, grads, -1.0), "learning_rate", "positive")
    fails(
        TypeError,
        lambda: bp.gradient_descent(net, "grads", 0.1),
        "gradients must be backprop.Gradients (from backward_prop), but got str",
    )
    fails(ValueError, lambda: bp.numerical_gradient(net, X, y, epsilon=-1.0), "epsilon", "positive")
    fails(
        ValueError,
        lambda: bp.numerical_gradient(net, X, y, method="sideways"),
        "unknown method 'sideways'",
        "the valid method names are",
    )
    fails(ValueError, lambda: bp.gradient_check(net, X, y, epsilon=0.0), "epsilon", "positive")
    fails(ValueError, lambda: bp.gradient_check(net, X, y, method="up"), "unknown method 'up'")
    fails(ValueError, lambda: epsilon_sweep(net, X, y, method="up"), "unknown method 'up'")
    fails(ValueError, lambda: epsilon_sweep(net, X, y, epsilons=(1e-3, -1e-3)), "epsilon", "positive", "-0.001")
    fails(ValueError, lambda: bp.nudge(net, "W1[0,0]", float("inf")), "epsilon", "finite")
    fails(
        ValueError, lambda: sweeps.sweep_xor([0], learning_rate=1.0, epochs=1, tolerance=0.0), "tolerance", "positive"
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=True, learning_rate=0.1),
        "epochs must be a whole number",
        "True (bool)",
    )
    fails(
        TypeError,
        lambda: bp.train(net, X, y, epochs=1, learning_rate="fast"),
        "learning_rate must be a positive number, but got 'fast' (str)",
    )
    fails(TypeError, lambda: bp.nudge(net, "W1[0,0]", True), "epsilon must be a number, but got True (bool)")


def test_gradients_must_fit_the_network_they_update(net, xor):
    X, y = xor
    other = bp.init_network((2, 2, 1), seed=0)
    deeper = bp.init_network((2, 3, 3, 1), seed=0)
    fails(
        ValueError,
        lambda: bp.gradient_descent(net, bp.backward_prop(other, X, y), 0.1),
        "the gradient dW1 must have shape (2, 3) like W1, but got shape (2, 2)",
    )
    fails(
        ValueError,
        lambda: bp.gradient_descent(net, bp.backward_prop(deeper, X, y), 0.1),
        "gradients must have one entry per layer of the network (2), but got 3",
    )
    grads = bp.backward_prop(net, X, y)
    fewer_biases = bp.Gradients(grads.dW, grads.db[:1])
    fails(ValueError, lambda: bp.gradient_descent(net, fewer_biases, 0.1), "one entry per layer")
    grads.db[1][0] = np.nan
    fails(ValueError, lambda: bp.gradient_descent(net, grads, 0.1), "the gradient db2 must be finite", "is nan")


def test_a_cache_must_come_from_the_same_network_and_inputs(net, xor):
    X, y = xor
    _, cache = bp.forward_prop(net, X)
    reused = backward_prop(net, X, y, cache=cache)
    assert np.array_equal(reused.flat(), backward_prop(net, X, y).flat())
    assert np.array_equal(
        backward_prop(net, X, y, "binary_cross_entropy", cache=cache).flat(),
        backward_prop(net, X, y, "binary_cross_entropy").flat(),
    )
    unfused = backward_prop(net, X, y, "binary_cross_entropy", fused=False).flat()
    assert not np.array_equal(unfused, backward_prop(net, X, y, "binary_cross_entropy").flat())
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


# --- seed sweeps --------------------------------------------------------------------------------


def _sweep(solved_epoch):
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


# --- networks that do not fit together ------------------------------------------------------------


def test_a_network_must_be_consistent_before_anything_runs(xor):
    X, _ = xor
    good = bp.init_network((2, 3, 1), seed=0)

    def variant(**changes):
        parts = dict(
            weights=[W.copy() for W in good.weights],
            biases=[b.copy() for b in good.biases],
            activations=list(good.activations),
        )
        parts.update(changes)
        return bp.Network(**parts)

    fails(
        TypeError,
        lambda: bp.forward_prop({"W1": 1}, X),
        "network must be a backprop.Network (from init_network), but got dict",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(biases=good.biases[:1]), X),
        "network must have one bias per weight matrix and at least one layer, but got 2 weight matrices and 1 biases",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(weights=[], biases=[]), X),
        "at least one layer",
        "0 weight matrices",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(activations=["sigmoid"]), X),
        "network.activations must name one activation per layer (2), but got 1: ['sigmoid']",
    )
    fails(ValueError, lambda: bp.forward_prop(variant(activations=["sigmoid", "step"]), X), "unknown activation 'step'")
    fails(
        TypeError,
        lambda: bp.forward_prop(variant(weights=[good.weights[0].astype(int), good.weights[1]]), X),
        "network parameter W1 must be a float64 array, but got int64",
        "np.asarray(W1, dtype=float)",
    )
    fails(
        TypeError,
        lambda: bp.forward_prop(variant(biases=[good.biases[0], [0.0]]), X),
        "network parameter b2 must be a float64 array, but got list",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(weights=[good.weights[0], np.zeros((2, 1))]), X),
        "network parameter W2 must have shape (3, 1) to follow layer 1, but got (2, 1)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(weights=[np.zeros(3), good.weights[1]]), X),
        "network parameter W1 must be a matrix of shape (inputs, outputs), but got shape (3,)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(variant(biases=[np.zeros(2), good.biases[1]]), X),
        "network parameter b1 must have shape (3,), but got (2,)",
    )
    stacked = bp.init_stack([0, 1], (2, 3, 1))
    fails(
        ValueError,
        lambda: bp.forward_prop(
            bp.Network([stacked.weights[0], good.weights[1]], [stacked.biases[0], good.biases[1]], good.activations), X
        ),
        "network parameter W2 must be a matrix of shape (inputs, outputs), one per network of the stack of 2, "
        "but got shape (3, 1)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(
            bp.Network([stacked.weights[0], np.zeros((2, 2, 1))], stacked.biases, good.activations), X
        ),
        "network parameter W2 must have shape (2, 3, 1) to follow layer 1, but got (2, 2, 1)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(bp.Network(stacked.weights, [stacked.biases[0], good.biases[1]], good.activations), X),
        "network parameter b2 must have shape (2, 1), but got (1,)",
    )
    broken = good.copy()
    broken.biases[0][2] = -np.inf
    fails(ValueError, lambda: bp.forward_prop(broken, X), "b1 must be finite, but b1[2] is -inf")


def test_layer_sizes_and_activations_are_checked_when_a_network_is_made():
    fails(
        TypeError, lambda: bp.init_network(3), "layer_sizes must be a list of whole numbers, like [2, 2, 1], but got 3"
    )
    fails(
        TypeError,
        lambda: bp.init_network([2, 2.0, 1]),
        "layer_sizes must be whole numbers",
        "[2, 2.0, 1]",
        "2.0 is a float",
    )
    fails(TypeError, lambda: bp.init_network([2, True, 1]), "layer_sizes must be whole numbers", "True is a bool")
    fails(
        ValueError,
        lambda: bp.init_network([2, 1], activations=["tanh", "sigmoid"]),
        "activations needs one name per layer (1), but got 2: ['tanh', 'sigmoid']",
    )
    fails(
        ValueError,
        lambda: bp.init_network([2, 2, 1], init="uniform"),
        "unknown initialisation 'uniform'",
        "normal, glorot_uniform, zeros",
    )
    fails(
        ValueError,
        lambda: bp.init_network([2, 2, 1], bias_init="ones"),
        "unknown bias initialisation 'ones'",
        "zeros, normal",
    )
    assert bp.init_network([1, 1]).layer_sizes == [1, 1]
    assert bp.init_network(np.array([3, 2])).parameter_count == 8


def test_a_new_network_draws_its_numbers_in_the_documented_order():
    # Re-drawn here from default_rng(seed): layer by layer, W[l] row-major, then b[l] when random.
    rng = np.random.default_rng(9)
    W1, b1 = rng.standard_normal((2, 3)), rng.standard_normal(3)
    W2, b2 = rng.standard_normal((3, 1)), rng.standard_normal(1)
    net = bp.init_network((2, 3, 1), seed=9, bias_init="normal", hidden="relu", output="identity")
    assert [p.tolist() for _, p in net.named()] == [W1.tolist(), b1.tolist(), W2.tolist(), b2.tolist()]
    assert net.activations == ["relu", "identity"]
    rng = np.random.default_rng(9)
    r1, r2 = np.sqrt(6 / 5), np.sqrt(6 / 4)
    W1, W2 = rng.uniform(-r1, r1, (2, 3)), rng.uniform(-r2, r2, (3, 1))
    glorot = bp.init_network((2, 3, 1), seed=9, init="glorot_uniform")
    assert glorot.weights[0].tolist() == W1.tolist() and glorot.weights[1].tolist() == W2.tolist()
    assert [b.tolist() for b in glorot.biases] == [[0.0, 0.0, 0.0], [0.0]]
    zeros = bp.init_network((2, 3, 1), seed=9, init="zeros", bias_init="normal")
    rng = np.random.default_rng(9)
    assert (
        zeros.flat().tolist()
        == [0.0] * 6 + rng.standard_normal(3).tolist() + [0.0] * 3 + rng.standard_normal(1).tolist()
    )
    default = bp.init_network(seed=9)
    rng = np.random.default_rng(9)
    assert default.layer_sizes == [2, 2, 1] and default.activations == ["sigmoid", "sigmoid"]
    assert default.weights[0].tolist() == rng.standard_normal((2, 2)).tolist() and not default.biases[0].any()
    assert bp.init_network().flat().tolist() == bp.init_network(seed=0).flat().tolist()


# --- batches that do not fit the network ---------------------------------------------------------


def test_inputs_and_targets_are_checked_against_the_network(net, xor):
    X, y = xor
    fails(
        TypeError,
        lambda: bp.forward_prop(net, [["a", "b"]]),
        "X must be an array of numbers (float or int), but got dtype <U1",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(net, np.zeros((1, 2, 2))),
        "X must be a 1-D or 2-D array, but got shape (1, 2, 2)",
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(net, np.zeros((0, 2))),
        "X must hold at least one sample (row), but got 0 rows",
    )
    fails(
        ValueError, lambda: bp.forward_prop(net, np.zeros((4, 1))), "X must have one column per input (2), shape (N, 2)"
    )
    fails(
        ValueError,
        lambda: bp.forward_prop(net, [1.0, 0.0]),
        "X must be a 2-D array of shape (N, 2)",
        "but got shape (2,); for a single sample write [x] or X.reshape(1, -1)",
    )
    fails(ValueError, lambda: bp.compute_loss(net, X, np.zeros((4, 1, 1))), "y must be a 1-D or 2-D array")
    fails(
        ValueError, lambda: bp.compute_loss(net, X, [[np.nan], [0], [0], [0]]), "y must be finite, but y[0, 0] is nan"
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(net, X, [[0.0], [1.0], [1.0000001], [0.0]], "binary_cross_entropy"),
        "y must lie in [0, 1] for binary_cross_entropy, but got values from 0.0 to 1.0000001",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(net, X, [[-1e-9], [1.0], [1.0], [0.0]], "binary_cross_entropy"),
        "values from -1e-09",
    )
    assert bp.compute_loss(net, X, y, "binary_cross_entropy") > 0  # 0 and 1 themselves are targets
    assert bp.compute_loss(net, X, y[:, 0]) == bp.compute_loss(net, X, y)  # (N,) is (N, 1) for one output
    softmax_net = bp.init_network((2, 3), seed=0, output="softmax")
    fails(
        ValueError,
        lambda: bp.compute_loss(softmax_net, X, np.array([0, -1, 2, 1]), "categorical_cross_entropy"),
        "y class labels must lie in 0..2 for 3 classes, but got labels from -1 to 2",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(softmax_net, X, np.eye(3)[[0, 1, 2, 0]] * 2, "categorical_cross_entropy"),
        "row 0 of y is [2.0, 0.0, 0.0]",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(
            softmax_net, X, [[0, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]], "categorical_cross_entropy"
        ),
        "row 0 of y is [0.0, 0.0, 0.0]",
    )


def test_arrays_of_any_float_or_int_type_become_float64(net, xor):
    X, y = xor
    assert bp.compute_loss(net, X.astype(np.float32), y.astype(np.int8)) == bp.compute_loss(net, X, y)
    assert as_float_array("v", [[1, 2]], ndim=2).dtype == np.float64
    fails(ValueError, lambda: as_float_array("v", [1, 2], ndim=2), "v must be a 2-D array, but got shape (2,)")
    fails(
        TypeError,
        lambda: as_float_array("v", [1j], ndim=1),
        "v must be an array of numbers (float or int), but got dtype complex128",
    )
    fails(ValueError, lambda: bp.forward_prop(net, np.zeros((4, 3))), "but got shape (4, 3); samples are rows")


def test_the_first_row_that_is_not_one_hot_is_named(xor):
    X, _ = xor
    three = bp.init_network((2, 3), seed=0, output="softmax")
    y = [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0], [0, 0, 1]]
    fails(
        ValueError,
        lambda: bp.compute_loss(three, X, y, "categorical_cross_entropy"),
        "y must be one-hot rows (a single 1 per row) or integer class labels for categorical_cross_entropy, "
        "but row 2 of y is [0.5, 0.5, 0.0]",
    )
    fails(
        ValueError,
        lambda: bp.compute_loss(three, X, np.array([], dtype=int), "categorical_cross_entropy"),
        "y must have shape (N, 3) = (4, 3)",
        "but got shape (0, 3)",
    )


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
