"""A reader's own implementation, run in a process of its own, behind the package's vocabulary.

The contract (the page "Implement it yourself" and the starter
``docs/downloads/my_backprop.py`` state it for the reader): plain numpy, the
guide's 2-2-1 sigmoid network with mean squared error, parameters as a dict
``{"W1": (2, 2), "b1": (2,), "W2": (2, 1), "b2": (1,)}`` and these functions
(``CONTRACT``)::

    sigmoid(z)                                       -> array shaped like z
    forward_prop(params, X)                          -> (y_hat, {"z1", "a1", "z2", "a2"})
    compute_loss(params, X, y)                       -> number
    numerical_gradient(params, X, y, epsilon)        -> grads (forward difference)
    backward_prop(params, X, y)                      -> grads [+ "delta1", "delta2"]
    gradient_descent(params, grads, learning_rate)   -> new params
    train(params, X, y, epochs, learning_rate)       -> (params, epochs + 1 losses)

Three layers:

* a **runner** calls one contract function and returns its result, checked
  against the contract, or a named ``Verdict``. ``FileRunner`` loads a file in
  a worker process (``steps/implementation_worker.py``, started with
  ``sys.executable -I -B``), one JSON line per call over a pipe, with a time
  limit per call: a crash (even ``os._exit``), ``sys.exit`` or a hang ends in a
  verdict and a fresh worker for the next call, never in the end of the run.
  ``PackageRunner`` runs the package itself, in contract form, in-process,
  through the same encoding and the same checks.
* an **Implementation** speaks the package's vocabulary (``forward_prop(network,
  X) -> (y_hat, Cache)``, ``backward_prop -> Gradients``, ``train -> History``
  ...) by converting a ``backprop.Network`` to the contract's dict and back, so
  a step can call ``implementation.forward_prop(network, X)`` where it calls
  ``bp.forward_prop(network, X)``. A verdict becomes an exception:
  ``NotImplementedYet`` (the grading plugin reports the claim "not implemented
  yet") or ``ImplementationFailed`` (the claim does not hold; its message is the
  verdict). ``PackageImplementation`` is the package behind the same adapter.
* committed implementations are chosen by **name** (``COMMITTED``), never by a
  path from a feature file: only the reader's command line names a file.

pytest is the only importer of ``steps/``: tests reach this module through the
fixture ``implementations`` of ``steps/grading.py``.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

import backprop as bp
from backprop.gradcheck import per_parameter_error, relative_error
from backprop.numerical import loss_change
from speckit.features import ROOT
from steps.implementation_worker import encode

WORKER = Path(__file__).with_name("implementation_worker.py")

CONTRACT = {
    "sigmoid": "sigmoid(z)",
    "forward_prop": "forward_prop(params, X)",
    "compute_loss": "compute_loss(params, X, y)",
    "numerical_gradient": "numerical_gradient(params, X, y, epsilon)",
    "backward_prop": "backward_prop(params, X, y)",
    "gradient_descent": "gradient_descent(params, grads, learning_rate)",
    "train": "train(params, X, y, epochs, learning_rate)",
}
"""The functions the grader calls, with their arguments, in the order a reader writes them."""

PARAMETERS = {"W1": (2, 2), "b1": (2,), "W2": (2, 1), "b2": (1,)}
"""The contract's parameters and their shapes: the guide's 2-2-1 network, W[l] of shape (inputs, outputs)."""

SIGNALS = {"delta1": 2, "delta2": 1}
"""The error signals backward_prop may return too, dL/dz of each layer, shape (N, units)."""

TIME_LIMIT = 10.0
"""Seconds one call may take (loading the file included). Training XOR for 10,000 epochs in plain numpy
takes about a second (``python docs/downloads/guide_program.py`` on the development machine)."""

COMMITTED = {
    "the finished program": ROOT / "docs" / "downloads" / "guide_program.py",
    "the starter": ROOT / "docs" / "downloads" / "my_backprop.py",
    "the slope written as a": ROOT / "tests" / "fixtures" / "implementations" / "slope_written_as_a.py",
    "the descent step's sign flipped": ROOT / "tests" / "fixtures" / "implementations" / "descent_sign_flipped.py",
    "the bias gradient summed over the wrong axis": (
        ROOT / "tests" / "fixtures" / "implementations" / "bias_summed_over_wrong_axis.py"
    ),
    "a file that raises": ROOT / "tests" / "fixtures" / "implementations" / "raises.py",
    "a file with the wrong shape": ROOT / "tests" / "fixtures" / "implementations" / "wrong_shape.py",
    "a file that returns NaN": ROOT / "tests" / "fixtures" / "implementations" / "not_finite.py",
    "a file that hangs": ROOT / "tests" / "fixtures" / "implementations" / "hangs.py",
    "a file that exits": ROOT / "tests" / "fixtures" / "implementations" / "exits.py",
    "a file half written": ROOT / "tests" / "fixtures" / "implementations" / "partial.py",
    "a file that fails to load": ROOT / "tests" / "fixtures" / "implementations" / "fails_to_load.py",
    "a textbook implementation": ROOT / "tests" / "fixtures" / "implementations" / "textbook.py",
}
"""Implementations a scenario may name (a feature file never names a path): the finished program, the
starter, and the grader's own test data."""


# --- verdicts ---------------------------------------------------------------------------------------


NOT_IMPLEMENTED = "not implemented yet"
RAISED = "raised"
WRONG_SHAPE = "wrong shape"
WRONG_FORM = "wrong form"
NOT_FINITE = "not finite"
TOO_SLOW = "too slow"
CRASHED = "crashed"
NOT_LOADED = "not loaded"


class NotImplementedYet(Exception):
    """A claim needs a function the reader has not written yet: the claim is skipped, not failed."""


class ImplementationFailed(Exception):
    """The reader's function did not give an answer the claim can check: the verdict says why."""


@dataclass(frozen=True)
class Verdict:
    """Why a call gave no checkable answer, in one line (``text``); ``detail`` is the traceback, if any."""

    kind: str
    text: str
    detail: str = ""

    def error(self, verbose: bool = False) -> Exception:
        message = f"{self.text}\n{self.detail.rstrip()}" if verbose and self.detail else self.text
        return NotImplementedYet(message) if self.kind == NOT_IMPLEMENTED else ImplementationFailed(message)

    def __str__(self) -> str:
        return self.text


class _Wrong(Exception):
    """Raised inside the checks below with the verdict for a result that breaks the contract."""

    def __init__(self, kind: str, text: str):
        super().__init__(text)
        self.verdict = Verdict(kind, text)


@dataclass(frozen=True)
class Other:
    """A returned value that is neither a number, an array, a dict nor a list (``None``, an object ...)."""

    description: str


def decode(item: dict) -> Any:
    """A value as the worker encoded it (``implementation_worker.encode``): arrays are float64 copies."""
    if "array" in item:
        return np.array(item["array"], dtype=np.float64).reshape(item["shape"])
    if "number" in item:
        return item["number"]
    if "dict" in item:
        return {key: decode(value) for key, value in item["dict"].items()}
    if "list" in item:
        values = [decode(value) for value in item["list"]]
        return tuple(values) if item.get("tuple") else values
    return Other(str(item.get("other", "something else")))


def _kind(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, Other):
        return value.description
    kinds: dict[type, str] = {dict: "a dict", tuple: "a tuple", list: "a list"}
    return kinds.get(type(value), "a number")


def _array(function: str, what: str, value: Any, shape: tuple[int, ...]) -> np.ndarray:
    if shape == () and isinstance(value, (int, float)):  # numpy gives a 0-d input's result as a scalar
        value = np.array(float(value))
    if not isinstance(value, np.ndarray):
        raise _Wrong(WRONG_FORM, f"{function} returned {_kind(value)} for {what}, not an array of shape {shape}")
    if value.shape != shape:
        raise _Wrong(
            WRONG_SHAPE, f"{function} returned the wrong shape: expected {shape}, got {value.shape} for {what}"
        )
    if not np.all(np.isfinite(value)):
        raise _Wrong(NOT_FINITE, f"{function} returned NaN/inf in {what}")
    return value


def _number(function: str, what: str, value: Any) -> float:
    if isinstance(value, np.ndarray) and value.size == 1:
        value = float(value.reshape(()))
    if isinstance(value, np.ndarray):
        shape = value.shape
        raise _Wrong(WRONG_SHAPE, f"{function} returned the wrong shape: expected a number, got {shape} for {what}")
    if not isinstance(value, (int, float)):
        raise _Wrong(WRONG_FORM, f"{function} returned {_kind(value)} for {what}, not a number")
    if not np.isfinite(value):
        raise _Wrong(NOT_FINITE, f"{function} returned NaN/inf for {what}")
    return float(value)


def _pair(function: str, value: Any, first: str, second: str) -> tuple[Any, Any]:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise _Wrong(WRONG_FORM, f"{function} returned {_kind(value)}, not the pair ({first}, {second})")
    return value[0], value[1]


Shapes = Mapping[str, tuple[int, ...]]


def _dict(function: str, value: Any, shapes: Shapes, optional: Shapes | None = None) -> dict:
    if not isinstance(value, dict):
        raise _Wrong(WRONG_FORM, f"{function} returned {_kind(value)}, not a dict with {', '.join(shapes)}")
    missing = [key for key in shapes if key not in value]
    if missing:
        raise _Wrong(WRONG_FORM, f"{function} returned a dict without {', '.join(map(repr, missing))}")
    checked = {key: _array(function, key, value[key], shape) for key, shape in shapes.items()}
    for key, shape in (optional or {}).items():
        if key in value:
            checked[key] = _array(function, key, value[key], shape)
    return checked


def check(function: str, value: Any, args: tuple) -> Any:
    """``value`` as returned by ``function(*args)``, checked against the contract: the value, or a Verdict."""
    try:
        if function == "sigmoid":
            return _array(function, "sigmoid(z)", value, np.shape(args[0]))
        if function == "compute_loss":
            return _number(function, "the loss", value)
        n = len(args[1])  # every other function gets (params, X, ...)
        if function == "forward_prop":
            y_hat, cache = _pair(function, value, "y_hat", "cache")
            shapes = {"z1": (n, 2), "a1": (n, 2), "z2": (n, 1), "a2": (n, 1)}
            return _array(function, "y_hat", y_hat, (n, 1)), _dict(function, cache, shapes)
        if function in ("numerical_gradient", "gradient_descent"):
            return _dict(function, value, PARAMETERS)
        if function == "backward_prop":
            return _dict(function, value, PARAMETERS, {key: (n, units) for key, units in SIGNALS.items()})
        if function == "train":
            params, losses = _pair(function, value, "params", "losses")
            epochs = args[3]
            if isinstance(losses, list):
                losses = np.array([_number(function, f"losses[{i}]", loss) for i, loss in enumerate(losses)])
            return _dict(function, params, PARAMETERS), _array(function, "the losses", losses, (epochs + 1,))
        raise ValueError(f"{function} is not a function of the contract: {', '.join(CONTRACT)}")
    except _Wrong as wrong:
        return wrong.verdict


# --- runners ------------------------------------------------------------------------------------------


class Runner:
    """Calls the contract's functions of one implementation; each result checked, or a Verdict."""

    verbose = False

    def call(self, function: str, *args: Any) -> Any:
        """``function(*args)`` checked against the contract, or the Verdict that says why there is no answer."""
        if function not in CONTRACT:
            raise ValueError(f"{function!r} is not a function of the contract: {', '.join(CONTRACT)}")
        result = self.invoke(function, args)
        return result if isinstance(result, Verdict) else check(function, result, args)

    def invoke(self, function: str, args: tuple) -> Any:
        """The decoded result of ``function(*args)``, unchecked, or a Verdict."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the runner holds (its worker process)."""

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _error_verdict(function: str, error: dict) -> Verdict:
    """The verdict for an exception the worker reported from ``function`` (or from loading the file)."""
    where = f" (line {error['line']} of your file)" if error.get("line") else ""
    inner = error.get("function")
    undefined = re.fullmatch(r"name '(\w+)' is not defined", error.get("message", ""))
    if error["kind"] == NOT_IMPLEMENTED:
        needs = f"{function} needs {inner}, which" if inner and inner != function and inner in CONTRACT else function
        return Verdict(NOT_IMPLEMENTED, f"not implemented yet: {needs} raises NotImplementedError{where}")
    if error["type"] == "NameError" and undefined and undefined.group(1) in CONTRACT:
        missing = undefined.group(1)
        return Verdict(NOT_IMPLEMENTED, f"not implemented yet: {function} needs {missing}, which is not in your file")
    message = f": {error['message']}" if error.get("message") else ""
    return Verdict(RAISED, f"{function} raised {error['type']}{message}{where}", error.get("traceback", ""))


class FileRunner(Runner):
    """A reader's file, loaded in a worker process of its own; a time limit on every call.

    The worker starts at the first call and again after a crash or a timeout
    (it is killed, with anything it started, at the time limit). A file that
    fails to load gives the same verdict for every call.
    """

    def __init__(self, path: str | os.PathLike, *, time_limit: float = TIME_LIMIT, verbose: bool = False):
        self.path = Path(path).resolve()
        if not self.path.is_file():
            raise FileNotFoundError(f"{path}: no such file; give the path of your implementation, like my_backprop.py")
        if not time_limit > 0:
            raise ValueError(f"time_limit must be a positive number of seconds, but got {time_limit!r}")
        self.time_limit, self.verbose = float(time_limit), verbose
        self._process: subprocess.Popen | None = None
        self._selector: selectors.BaseSelector | None = None
        self._buffer = b""
        self._not_loaded: Verdict | None = None

    def invoke(self, function: str, args: tuple) -> Any:
        if self._not_loaded is not None:
            return self._not_loaded
        if self._process is None:
            started = self._start()
            if started is not None:
                self._not_loaded = started
                return started
        request = json.dumps({"function": function, "args": [encode(a) for a in args]}).encode() + b"\n"
        answer = self._exchange(function, request)
        if isinstance(answer, Verdict):
            return answer
        if "value" in answer:
            return decode(answer["value"])
        if answer["error"]["kind"] == "missing":
            return Verdict(NOT_IMPLEMENTED, f"not implemented yet: there is no function {function} in your file")
        return _error_verdict(function, answer["error"])

    def _start(self) -> Verdict | None:
        """Start the worker and wait for it to load the file: None when loaded, else the verdict."""
        self._process = subprocess.Popen(
            [sys.executable, "-I", "-B", str(WORKER), str(self.path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None if self.verbose else subprocess.DEVNULL,  # what the file prints, shown with --verbose
            cwd=self.path.parent,
            start_new_session=True,  # its own process group: a timeout kills whatever the file started too
        )
        assert self._process.stdout is not None
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._process.stdout, selectors.EVENT_READ)
        self._buffer = b""
        hello = self._exchange("loading it", None)
        if isinstance(hello, Verdict):
            return Verdict(NOT_LOADED, f"your file could not be loaded: {hello.text}", hello.detail)
        if not hello.get("loaded"):
            error = _error_verdict("it", hello["error"])
            self._stop()
            return Verdict(NOT_LOADED, f"your file could not be loaded: {error.text}", error.detail)
        return None

    def _exchange(self, function: str, request: bytes | None) -> Any:
        """Send ``request`` (None: only read) and read one answer line within the time limit, or a Verdict."""
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        deadline = time.monotonic() + self.time_limit
        try:
            if request is not None:
                process.stdin.write(request)
                process.stdin.flush()
            while b"\n" not in self._buffer:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._selector or not self._selector.select(remaining):
                    self._stop()
                    return Verdict(TOO_SLOW, f"{function} took longer than {self.time_limit:g} s")
                chunk = os.read(process.stdout.fileno(), 1 << 16)
                if not chunk:
                    raise BrokenPipeError
                self._buffer += chunk
        except BrokenPipeError:
            code = self._stop()
            return Verdict(CRASHED, f"{function} ended the process it ran in (exit code {code}) without an exception")
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line)

    def _stop(self) -> int | None:
        """End the worker (and anything it started); its exit code. The next call starts a fresh one."""
        process, self._process = self._process, None
        if self._selector is not None:
            self._selector.close()
            self._selector = None
        if process is None:
            return None
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        code = process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                with contextlib.suppress(BrokenPipeError):
                    pipe.close()
        return code

    def close(self) -> None:
        process = self._process
        if process is None:
            return
        assert process.stdin is not None
        try:
            process.stdin.close()  # the worker's loop ends at the end of its input
            process.wait(timeout=2)
        except (BrokenPipeError, subprocess.TimeoutExpired):
            pass
        self._stop()


# --- the package, in contract form --------------------------------------------------------------------


def network_of(params: dict) -> bp.Network:
    """The contract's dict as the guide's 2-2-1 sigmoid network (sharing its arrays)."""
    return bp.Network([params["W1"], params["W2"]], [params["b1"], params["b2"]], ["sigmoid", "sigmoid"])


def params_of(network: bp.Network) -> dict:
    """A copy of the network's parameters as the contract's dict."""
    return {name: p.copy() for name, p in network.named()}


def _package_forward_prop(params: dict, X: np.ndarray) -> tuple:
    y_hat, cache = bp.forward_prop(network_of(params), X)
    return y_hat, {"z1": cache.z[1], "a1": cache.a[1], "z2": cache.z[2], "a2": cache.a[2]}


def _package_backward_prop(params: dict, X: np.ndarray, y: np.ndarray) -> dict:
    gradients = bp.backward_prop(network_of(params), X, y)
    return dict(gradients.named()) | {"delta1": gradients.delta[1], "delta2": gradients.delta[2]}


def _package_gradient_descent(params: dict, grads: dict, learning_rate: float) -> dict:
    network = network_of(params)
    gradients = bp.Gradients([grads["W1"], grads["W2"]], [grads["b1"], grads["b2"]])
    return params_of(bp.gradient_descent(network, gradients, learning_rate))


def _package_train(params: dict, X: np.ndarray, y: np.ndarray, epochs: int, learning_rate: float) -> tuple:
    network = network_of(params)
    history = bp.train(network, X, y, epochs=epochs, learning_rate=learning_rate)
    return params_of(network), history.losses


PACKAGE: dict[str, Callable[..., Any]] = {
    "sigmoid": bp.sigmoid,
    "forward_prop": _package_forward_prop,
    "compute_loss": lambda params, X, y: bp.compute_loss(network_of(params), X, y),
    "numerical_gradient": lambda params, X, y, epsilon: dict(
        bp.numerical_gradient(network_of(params), X, y, epsilon=epsilon).named()
    ),
    "backward_prop": _package_backward_prop,
    "gradient_descent": _package_gradient_descent,
    "train": _package_train,
}
"""The package in contract form: what ``PackageImplementation`` runs."""


class PackageRunner(Runner):
    """Contract-form functions run in this process, through the worker's encoding and the same checks.

    The package raises its own errors (they are not verdicts): a failure here is
    the package's, and pytest shows it in full.
    """

    def __init__(self, functions: dict[str, Callable[..., Any]] | None = None):
        self.functions = PACKAGE if functions is None else functions

    def invoke(self, function: str, args: tuple) -> Any:
        if function not in self.functions:
            return Verdict(NOT_IMPLEMENTED, f"not implemented yet: there is no function {function}")
        copies = [decode(encode(a)) for a in args]  # like the worker, each call gets its own arrays
        return decode(encode(self.functions[function](*copies)))


# --- the adapter: the package's vocabulary ------------------------------------------------------------


class _SignalsNotReturned(list):
    """``Gradients.delta`` when backward_prop returned no error signals: reading one is "not implemented yet"."""

    def __getitem__(self, index: Any) -> Any:
        raise NotImplementedYet(
            "not implemented yet: backward_prop returns no error signals (the optional delta1 and delta2)"
        )


class Implementation:
    """An implementation of the contract, spoken to in the package's vocabulary.

    Each method takes and returns what the ``backprop`` function of the same
    name does (a ``Network``, ``Gradients``, a ``Cache``, a ``History``) for the
    guide's 2-2-1 sigmoid network with mean squared error, and updates the
    network in place where the package does. A result the contract does not
    allow raises ``ImplementationFailed``; a function not written yet,
    ``NotImplementedYet``; a question outside the contract (another network, loss
    or method), ``ValueError``.
    """

    def __init__(self, runner: Runner, name: str):
        self.runner, self.name = runner, name

    @classmethod
    def from_file(cls, path: str | os.PathLike, *, time_limit: float = TIME_LIMIT, verbose: bool = False):
        """The reader's own file (a path from their command line, never from a feature file)."""
        return cls(FileRunner(path, time_limit=time_limit, verbose=verbose), Path(path).name)

    @classmethod
    def committed(cls, name: str, *, time_limit: float = TIME_LIMIT, verbose: bool = False) -> Implementation:
        """A committed implementation by its name in ``COMMITTED`` (what a scenario may name)."""
        if name not in COMMITTED:
            close = difflib.get_close_matches(name, COMMITTED, n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"no committed implementation is called {name!r}{hint} (known: {', '.join(COMMITTED)})")
        return cls(FileRunner(COMMITTED[name], time_limit=time_limit, verbose=verbose), name)

    def close(self) -> None:
        self.runner.close()

    def __enter__(self) -> Implementation:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Implementation({self.name!r})"

    def _call(self, function: str, *args: Any) -> Any:
        result = self.runner.call(function, *args)
        if isinstance(result, Verdict):
            raise result.error(self.runner.verbose)
        return result

    # the package's functions, through the contract

    def sigmoid(self, z: Any) -> np.ndarray:
        return self._call("sigmoid", np.asarray(z, dtype=np.float64))

    def forward_prop(self, network: bp.Network, X: Any) -> tuple[np.ndarray, bp.Cache]:
        X = _batch(X, "X", 2)
        y_hat, cache = self._call("forward_prop", _params(network), X)
        return y_hat, bp.Cache([X, cache["a1"], cache["a2"]], [None, cache["z1"], cache["z2"]])

    def compute_loss(self, network: bp.Network, X: Any, y: Any, loss: str = "mse") -> float:
        _mse(loss)
        return float(self._call("compute_loss", _params(network), _batch(X, "X", 2), _batch(y, "y", 1)))

    def numerical_gradient(
        self, network: bp.Network, X: Any, y: Any, loss: str = "mse", *, epsilon: float = 1e-5, method: str = "forward"
    ) -> bp.Gradients:
        _mse(loss)
        if method != "forward":
            raise ValueError(f"the contract's numerical_gradient is the forward difference, not the {method} one")
        grads = self._call("numerical_gradient", _params(network), _batch(X, "X", 2), _batch(y, "y", 1), epsilon)
        return bp.Gradients([grads["W1"], grads["W2"]], [grads["b1"], grads["b2"]])

    def backward_prop(self, network: bp.Network, X: Any, y: Any, loss: str = "mse") -> bp.Gradients:
        _mse(loss)
        grads = self._call("backward_prop", _params(network), _batch(X, "X", 2), _batch(y, "y", 1))
        signals = [None, grads["delta1"], grads["delta2"]] if set(SIGNALS) <= set(grads) else _SignalsNotReturned()
        return bp.Gradients([grads["W1"], grads["W2"]], [grads["b1"], grads["b2"]], signals)

    def gradient_descent(self, network: bp.Network, gradients: bp.Gradients, learning_rate: float) -> bp.Network:
        params = _params(network)
        new = self._call("gradient_descent", params, {name: g for name, g in gradients.named()}, float(learning_rate))
        _write(network, new)
        return network

    def train(
        self, network: bp.Network, X: Any, y: Any, *, epochs: int, learning_rate: float, loss: str = "mse"
    ) -> bp.History:
        _mse(loss)
        if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 0:
            raise ValueError(f"epochs must be a whole number of at least 0, but got {epochs!r}")
        params, losses = self._call(
            "train", _params(network), _batch(X, "X", 2), _batch(y, "y", 1), int(epochs), float(learning_rate)
        )
        _write(network, params)
        return bp.History(losses, False)

    def loss_change(self, network: bp.Network, X: Any, y: Any, name: str, epsilon: float, loss: str = "mse") -> float:
        """``L(theta + epsilon) - L(theta)`` for the one parameter ``name``, from two calls of compute_loss."""
        nudged = network.copy()
        nudged[name] = network[name] + epsilon
        return self.compute_loss(nudged, X, y, loss) - self.compute_loss(network, X, y, loss)

    def gradient_check(
        self, network: bp.Network, X: Any, y: Any, loss: str = "mse", *, epsilon: float = 1e-5, method: str = "central"
    ) -> bp.GradientCheck:
        """``backward_prop`` against ``numerical_gradient`` (the contract's forward difference), measured as the
        package measures them (``backprop.gradcheck``)."""
        if method != "forward":
            raise ValueError(f"the contract's numerical_gradient is the forward difference, not the {method} one")
        analytic = self.backward_prop(network, X, y, loss).flat()
        numeric = self.numerical_gradient(network, X, y, loss, epsilon=epsilon).flat()
        per = per_parameter_error(analytic, numeric)
        names, worst = network.element_names(), int(np.argmax(per))
        return bp.GradientCheck(
            relative_error(analytic, numeric), float(per[worst]), names[worst], names, analytic, numeric
        )


PACKAGE_MODULE = SimpleNamespace(
    sigmoid=bp.sigmoid,
    forward_prop=bp.forward_prop,
    compute_loss=bp.compute_loss,
    numerical_gradient=bp.numerical_gradient,
    backward_prop=bp.backward_prop,
    gradient_descent=bp.gradient_descent,
    train=bp.train,
    loss_change=loss_change,
    gradient_check=bp.gradient_check,
)
"""The package's own functions under the adapter's names: what a step computes with outside a @gradable
scenario (any network, loss or method; no adapter between)."""


class PackageImplementation(Implementation):
    """The package itself behind the same adapter: every claim the grader checks must hold for it."""

    def __init__(self) -> None:
        super().__init__(PackageRunner(), "the package")


def _params(network: Any) -> dict:
    if not isinstance(network, bp.Network):
        raise TypeError(f"network must be a backprop.Network, but got {type(network).__name__}")
    if network.stack_size is not None or network.layer_sizes != [2, 2, 1] or network.activations != ["sigmoid"] * 2:
        raise ValueError(
            "the contract is the guide's 2-2-1 sigmoid network, but this is a "
            f"{network.layer_sizes} network with {', '.join(network.activations)} layers"
            + ("" if network.stack_size is None else f", a stack of {network.stack_size}")
        )
    return params_of(network)


def _batch(values: Any, name: str, columns: int) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 2 or array.shape[1] != columns or array.shape[0] < 1:
        raise ValueError(f"{name} must have shape (N, {columns}) for the guide's network, but has {array.shape}")
    return array


def _mse(loss: str) -> None:
    if loss != "mse":
        raise ValueError(f"the contract's loss is the mean squared error (mse), not {loss}")


def _write(network: bp.Network, params: dict) -> None:
    for name, p in network.named():
        p[...] = params[name]
