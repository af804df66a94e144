"""The runner and adapter of a reader's implementation (``steps/implementation.py`` and its worker).

Reached through the fixture ``implementations`` (the module itself): pytest is
the only importer of ``steps/``. The committed implementations of
``tests/fixtures/implementations`` give every named verdict: not implemented
yet, raised (with the line of the file), the wrong shape, NaN/inf, a hang
killed at its time limit, a process that ends itself, a file that does not
load. The tests that start worker processes are marked slow.
"""

from __future__ import annotations

import importlib.util
import inspect
import time
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

import backprop as bp
from backprop.numerical import loss_change
from speckit.features import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "implementations"
PROGRAM = ROOT / "docs" / "downloads" / "guide_program.py"
STARTER = ROOT / "docs" / "downloads" / "my_backprop.py"
PAGE = ROOT / "docs" / "implement-it-yourself.md"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def line_of(path: Path, text: str) -> int:
    """The number of the one line of ``path`` that holds ``text``."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line]
    assert len(found) == 1, (text, found)
    return found[0]


def bits(values) -> bytes:
    return np.asarray(values, dtype=np.float64).tobytes()


@pytest.fixture
def xor_start():
    X, y = bp.xor()
    return bp.init_network((2, 2, 1), seed=0), X, y


# --- the contract, written down once and kept alike everywhere


def test_the_program_the_starter_the_runner_and_the_page_state_one_contract(implementations):
    page = PAGE.read_text(encoding="utf-8")
    starter = load(STARTER)
    for module in (load(PROGRAM), starter):
        for name, signature in implementations.CONTRACT.items():
            assert f"{name}{inspect.signature(getattr(module, name))}" == signature
    for signature in implementations.CONTRACT.values():
        assert f"`{signature}`" in page, signature
        assert signature in starter.__doc__, signature
    for name, shape in implementations.PARAMETERS.items():
        assert f'"{name}": {shape}' in starter.__doc__


def test_every_function_of_the_starter_is_left_for_the_reader_with_a_one_line_hint():
    starter = load(STARTER)
    for name in ("sigmoid", "forward_prop", "compute_loss", "numerical_gradient", "backward_prop"):
        with pytest.raises(NotImplementedError) as hint:
            getattr(starter, name)(*[None] * len(inspect.signature(getattr(starter, name)).parameters))
        assert str(hint.value) and "\n" not in str(hint.value)
    for name in ("gradient_descent", "train"):
        with pytest.raises(NotImplementedError):
            getattr(starter, name)(*[None] * len(inspect.signature(getattr(starter, name)).parameters))


@pytest.mark.parametrize(
    ("name", "changed"),
    [("slope_written_as_a.py", 2), ("descent_sign_flipped.py", 1), ("bias_summed_over_wrong_axis.py", 1)],
)
def test_each_wrong_implementation_is_the_finished_program_with_one_bug(name, changed):
    program = PROGRAM.read_text(encoding="utf-8").splitlines()
    wrong = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    assert len(wrong) == len(program)
    differ = [(ours, theirs) for ours, theirs in zip(program[2:], wrong[2:], strict=True) if ours != theirs]
    assert len(differ) == changed
    assert all(theirs.endswith(("# BUG", "not a", "uphill")) and "BUG" in theirs for _, theirs in differ)


def test_committed_implementations_are_chosen_by_name_and_exist(implementations):
    assert all(path.is_file() for path in implementations.COMMITTED.values())
    with pytest.raises(ValueError, match="did you mean 'the slope written as a'"):
        implementations.Implementation.committed("the slope written as 'a'")


# --- the package behind the adapter


def test_the_package_behind_the_adapter_answers_as_the_package(implementations, xor_start):
    network, X, y = xor_start
    package = implementations.PackageImplementation()
    y_hat, cache = package.forward_prop(network, X)
    expected_y_hat, expected = bp.forward_prop(network, X)
    assert bits(y_hat) == bits(expected_y_hat)
    assert [bits(a) for a in cache.a] == [bits(a) for a in expected.a] and cache.z[0] is None
    assert [bits(z) for z in cache.z[1:]] == [bits(z) for z in expected.z[1:]]
    assert package.compute_loss(network, X, y) == bp.compute_loss(network, X, y)
    gradients, chained = package.backward_prop(network, X, y), bp.backward_prop(network, X, y)
    assert bits(gradients.flat()) == bits(chained.flat())
    assert [bits(d) for d in gradients.delta[1:]] == [bits(d) for d in chained.delta[1:]]
    nudged = package.numerical_gradient(network, X, y, epsilon=1e-4)
    assert bits(nudged.flat()) == bits(bp.numerical_gradient(network, X, y, epsilon=1e-4).flat())
    assert package.loss_change(network, X, y, "W1[1,0]", 1e-3) == loss_change(network, X, y, "W1[1,0]", 1e-3)
    stepped, expected_step = network.copy(), network.copy()
    assert package.gradient_descent(stepped, chained, 0.5) is stepped
    bp.gradient_descent(expected_step, chained, 0.5)
    assert bits(stepped.flat()) == bits(expected_step.flat())
    trained, expected_trained = network.copy(), network.copy()
    history = package.train(trained, X, y, epochs=50, learning_rate=2.0)
    assert bits(history.losses) == bits(bp.train(expected_trained, X, y, epochs=50, learning_rate=2.0).losses)
    assert bits(trained.flat()) == bits(expected_trained.flat())
    assert bits(package.sigmoid(np.array([-1000.0, 0.0, 30.0]))) == bits(bp.sigmoid(np.array([-1000.0, 0.0, 30.0])))
    assert package.sigmoid(0.0).shape == ()


def test_a_question_outside_the_contract_is_refused(implementations, xor_start):
    network, X, y = xor_start
    package = implementations.PackageImplementation()
    with pytest.raises(ValueError, match=r"the guide's 2-2-1 sigmoid network, but this is a \[2, 3, 1\] network"):
        package.forward_prop(bp.init_network((2, 3, 1)), X)
    with pytest.raises(ValueError, match="with tanh, sigmoid layers"):
        package.backward_prop(bp.init_network((2, 2, 1), hidden="tanh"), X, y)
    with pytest.raises(ValueError, match="not binary_cross_entropy"):
        package.compute_loss(network, X, y, "binary_cross_entropy")
    with pytest.raises(ValueError, match="forward difference, not the central one"):
        package.numerical_gradient(network, X, y, method="central")
    with pytest.raises(ValueError, match=r"X must have shape \(N, 2\)"):
        package.forward_prop(network, X.T)


def test_a_result_that_breaks_the_contract_gets_a_named_verdict(implementations):
    check, X = implementations.check, np.zeros((4, 2))
    params = {k: np.zeros(s) for k, s in implementations.PARAMETERS.items()}
    cache = {"z1": np.zeros((4, 2)), "a1": np.zeros((4, 2)), "z2": np.zeros((4, 1)), "a2": np.zeros((4, 1))}
    assert check("forward_prop", (np.zeros((1, 4)), cache), (params, X)).text == (
        "forward_prop returned the wrong shape: expected (4, 1), got (1, 4) for y_hat"
    )
    assert check("forward_prop", np.zeros((4, 1)), (params, X)).text == (
        "forward_prop returned an array of shape (4, 1), not the pair (y_hat, cache)"
    )
    assert check("compute_loss", np.zeros((4, 1)), (params, X, X)).text == (
        "compute_loss returned the wrong shape: expected a number, got (4, 1) for the loss"
    )
    assert check("compute_loss", float("nan"), (params, X, X)).text == "compute_loss returned NaN/inf for the loss"
    assert check("compute_loss", np.array([[0.25]]), (params, X, X)) == 0.25
    without_b2 = {k: v for k, v in params.items() if k != "b2"}
    assert check("backward_prop", without_b2, (params, X, X)).text == "backward_prop returned a dict without 'b2'"
    wrong_signal = params | {"delta1": np.zeros((4, 2)), "delta2": np.zeros((1, 4))}
    assert check("backward_prop", wrong_signal, (params, X, X)).kind == implementations.WRONG_SHAPE
    short = (params, [0.5] * 10)
    assert check("train", short, (params, X, X, 10, 1.0)).text == (
        "train returned the wrong shape: expected (11,), got (10,) for the losses"
    )
    assert check("gradient_descent", implementations.Other("None"), (params, X, 1.0)).text == (
        "gradient_descent returned None, not a dict with W1, b1, W2, b2"
    )


# --- a reader's file, in a worker process


@pytest.mark.slow
def test_the_finished_program_crosses_the_pipe_bit_for_bit(implementations, xor_start):
    network, X, y = xor_start
    package = implementations.PackageImplementation()
    with implementations.Implementation.committed("the finished program") as program:
        assert bits(program.forward_prop(network, X)[0]) == bits(package.forward_prop(network, X)[0])
        ours, theirs = program.backward_prop(network, X, y), package.backward_prop(network, X, y)
        assert bits(ours.flat()) == bits(theirs.flat()) and bits(ours.delta[1]) == bits(theirs.delta[1])
        trained, expected = network.copy(), network.copy()
        history = program.train(trained, X, y, epochs=300, learning_rate=1.0)
        assert bits(history.losses) == bits(package.train(expected, X, y, epochs=300, learning_rate=1.0).losses)
        assert bits(trained.flat()) == bits(expected.flat())


@pytest.mark.slow
def test_not_implemented_yet_a_function_that_raises_it_or_is_missing(implementations, xor_start):
    network, X, y = xor_start
    with implementations.FileRunner(STARTER) as starter:
        verdict = starter.call("sigmoid", np.zeros(3))
        line = line_of(STARTER, "1 / (1 + np.exp(-z)); np.exp works on whole arrays")
        assert verdict.kind == implementations.NOT_IMPLEMENTED
        assert verdict.text == f"not implemented yet: sigmoid raises NotImplementedError (line {line} of your file)"
    with implementations.Implementation.committed("a file half written") as partial:
        assert partial.compute_loss(network, X, y) == bp.compute_loss(network, X, y)
        with pytest.raises(implementations.NotImplementedYet, match="^not implemented yet: there is no function back"):
            partial.backward_prop(network, X, y)
        with pytest.raises(implementations.NotImplementedYet, match="train raises NotImplementedError"):
            partial.train(network, X, y, epochs=1, learning_rate=1.0)


@pytest.mark.slow
def test_a_function_that_raises_is_named_with_the_line_of_the_file(implementations, xor_start):
    network, X, y = xor_start
    path = implementations.COMMITTED["a file that raises"]
    line = line_of(path, 'params["w1"]')
    with implementations.FileRunner(path) as runner:
        params = implementations.params_of(network)
        verdict = runner.call("compute_loss", params, X, y)
        assert verdict.kind == implementations.RAISED
        assert verdict.text == f"compute_loss raised KeyError: 'w1' (line {line} of your file)"
        assert "Traceback" not in str(verdict.error()) and "Traceback" in str(verdict.error(verbose=True))
        assert f"line {line}, in forward_prop" in verdict.detail


@pytest.mark.slow
def test_the_wrong_shape_and_nan_are_named(implementations, xor_start):
    network, X, _ = xor_start
    with (
        implementations.Implementation.committed("a file with the wrong shape") as wrong,
        pytest.raises(
            implementations.ImplementationFailed,
            match=r"^forward_prop returned the wrong shape: expected \(4, 1\), got \(1, 4\) for y_hat$",
        ),
    ):
        wrong.forward_prop(network, X)
    with implementations.Implementation.committed("a file that returns NaN") as nan:
        assert bits(nan.sigmoid(np.array([-2.0, 0.5]))) == bits(bp.sigmoid(np.array([-2.0, 0.5])))
        with pytest.raises(implementations.ImplementationFailed, match=r"^sigmoid returned NaN/inf in sigmoid\(z\)$"):
            nan.sigmoid(np.array([1000.0]))


@pytest.mark.slow
def test_a_hang_is_killed_at_the_time_limit_and_the_next_call_gets_a_fresh_worker(implementations, xor_start):
    network, X, y = xor_start
    with implementations.FileRunner(implementations.COMMITTED["a file that hangs"], time_limit=1.0) as runner:
        assert runner.call("sigmoid", np.zeros(1)).tolist() == [0.5]  # the worker is up: the limit is the call's
        started = time.monotonic()
        verdict = runner.call("train", implementations.params_of(network), X, y, 10, 1.0)
        took = time.monotonic() - started
        assert verdict.kind == implementations.TOO_SLOW and verdict.text == "train took longer than 1 s"
        assert 1.0 <= took < 5.0  # the file sleeps for an hour
        assert runner.call("sigmoid", np.zeros(1)).tolist() == [0.5]


@pytest.mark.slow
def test_a_file_that_ends_its_process_does_not_end_the_run(implementations, xor_start):
    network, X, y = xor_start
    path = implementations.COMMITTED["a file that exits"]
    params = implementations.params_of(network)
    with implementations.FileRunner(path) as runner:
        verdict = runner.call("backward_prop", params, X, y)
        assert verdict.kind == implementations.CRASHED
        assert verdict.text == "backward_prop ended the process it ran in (exit code 3) without an exception"
        assert runner.call("sigmoid", np.zeros(1)).tolist() == [0.5]
        verdict = runner.call("gradient_descent", params, params, 0.5)
        line = line_of(path, 'sys.exit("giving up")')
        assert verdict.text == f"gradient_descent raised SystemExit: giving up (line {line} of your file)"


@pytest.mark.slow
def test_a_file_that_does_not_load_gives_that_verdict_for_every_call(implementations):
    path = implementations.COMMITTED["a file that fails to load"]
    with implementations.FileRunner(path) as runner:
        first, second = runner.call("sigmoid", np.zeros(1)), runner.call("sigmoid", np.zeros(1))
    assert first == second and first.kind == implementations.NOT_LOADED
    assert first.text.startswith("your file could not be loaded: it raised ValueError: matmul")
    assert first.text.endswith(f"(line {line_of(path, 'np.ones((3, 1))')} of your file)")
    with pytest.raises(FileNotFoundError, match="no_such_file.py: no such file"):
        implementations.FileRunner(FIXTURES / "no_such_file.py")


@pytest.mark.slow
def test_what_the_file_prints_and_does_to_its_arguments_stays_its_own(implementations, xor_start, tmp_path):
    network, X, y = xor_start
    program = PROGRAM.read_text(encoding="utf-8")
    noisy = program.replace("def compute_loss(params, X, y):\n", "def compute_loss(params, X, y):\n    print('{')\n")
    noisy = noisy.replace(
        "    return {name: params[name] - learning_rate",
        "    params['W1'][:] = 0\n    return {name: params[name] - learning_rate",
    )
    noisy = noisy.replace('    return grads | {"delta1": delta1, "delta2": delta2}', "    return grads")
    path = tmp_path / "noisy.py"
    path.write_text(noisy, encoding="utf-8")
    start = network.copy()
    with implementations.Implementation.from_file(path) as reader:
        assert reader.compute_loss(network, X, y) == bp.compute_loss(network, X, y)  # its print is not an answer
        gradients = reader.backward_prop(network, X, y)
        with pytest.raises(implementations.NotImplementedYet, match="no error signals"):
            gradients.delta[2]
        stepped = reader.gradient_descent(network.copy(), gradients, 0.5)
    assert bits(network.flat()) == bits(start.flat())  # the file zeroed its own copy of W1, not the network
    assert bits(stepped.weights[0]) == bits(-0.5 * gradients.dW[0])  # ... and the step it returned started there
