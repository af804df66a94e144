"""Checks of a call's network, batch and loss, made once at the boundary of a public function.

The math modules (``forward``, ``chain_rule``, ``numerical``, ``descent``)
each have an unchecked core that trusts its arrays, and a public function that
calls these checks first. So the training loop checks its arguments once, not
at every epoch, and a bad argument is reported in the reader's terms before
anything is computed.

``finite_arithmetic`` guards the computation itself: valid arguments can still
overflow float64 (inputs of 1e200, squared), and numpy would then return inf or
NaN with a warning. Inside the guard numpy raises instead, and the error names
the function, the arguments that are too large and what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import numpy as np

from backprop.activations import get_activation
from backprop.errors import Array, CallbackError, NotFiniteError, as_array, as_float_array, check_finite
from backprop.losses import Loss, get_loss
from backprop.network import Network

RAISE_ON_OVERFLOW = {"over": "raise", "divide": "raise", "invalid": "raise", "under": "ignore"}
"""numpy's error state inside ``finite_arithmetic`` (underflow to 0 is harmless: sigmoid(-800) = 0)."""


def check_network(network: object) -> Network:
    """``network`` if it is a consistent, finite Network; otherwise a clear error.

    Consistent: one known activation per layer, float64 parameters, W[l] of
    shape (n_{l-1}, n_l) chaining from layer to layer, b[l] of shape (n_l,),
    the same stack size S throughout.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a backprop.Network (from init_network), but got {type(network).__name__}")
    for field in ("weights", "biases", "activations"):
        if not isinstance(getattr(network, field), list):
            raise TypeError(
                f"network.{field} must be a list (one entry per layer), "
                f"but got {type(getattr(network, field)).__name__}"
            )
    if not network.weights or len(network.weights) != len(network.biases):
        raise ValueError(
            f"network must have one bias per weight matrix and at least one layer, but got "
            f"{len(network.weights)} weight matrices and {len(network.biases)} biases"
        )
    if len(network.activations) != len(network.weights):
        raise ValueError(
            f"network.activations must name one activation per layer ({len(network.weights)}), "
            f"but got {len(network.activations)}: {network.activations}"
        )
    for name in network.activations:
        get_activation(name)
    for name, p in network.named():
        if not isinstance(p, np.ndarray) or p.dtype != np.float64:
            raise TypeError(
                f"network parameter {name} must be a float64 array, but got "
                f"{getattr(p, 'dtype', type(p).__name__)}; convert it with np.asarray({name}, dtype=float)"
            )
    lead = network.weights[0].shape[:-2]
    if lead == (0,):
        raise ValueError(
            f"network must be one network or a stack of at least one, but its W1 of shape "
            f"{network.weights[0].shape} makes a stack of 0 networks; build a stack with init_stack(seeds)"
        )
    for layer, (W, b) in enumerate(network.layers(), start=1):
        if W.ndim not in (2, 3) or W.shape[:-2] != lead:
            stacked = f", one per network of the stack of {lead[0]}" if lead else ""
            raise ValueError(
                f"network parameter W{layer} must be a matrix of shape (inputs, outputs){stacked}, "
                f"but got shape {W.shape}"
            )
        fan_in = network.weights[layer - 2].shape[-1] if layer > 1 else W.shape[-2]
        if W.shape[-2] != fan_in:
            raise ValueError(
                f"network parameter W{layer} must have shape {(*lead, fan_in, W.shape[-1])} to follow "
                f"layer {layer - 1}, but got {W.shape}"
            )
        # After the chain check, only W1 can have 0 rows: a later layer's rows are the units checked before it.
        if W.shape[-2] == 0 or W.shape[-1] == 0:
            empty = "the input layer" if W.shape[-2] == 0 else f"layer {layer}"
            raise ValueError(
                f"network parameter W{layer} has shape {W.shape}: {empty} has 0 units; every layer needs "
                "at least 1 unit, as in init_network"
            )
        if b.shape != lead + W.shape[-1:]:
            raise ValueError(f"network parameter b{layer} must have shape {lead + W.shape[-1:]}, but got {b.shape}")
    for name, p in network.named():
        check_finite(name, p)
    return network


def check_writable(function: str, network: Network) -> None:
    """Refuse a network with a read-only array before ``function``, which changes them in place, changes any."""
    for field, letter, arrays in (("weights", "W", network.weights), ("biases", "b", network.biases)):
        for i, p in enumerate(arrays):
            if not p.flags.writeable:
                raise ValueError(
                    f"network.{field}[{i}] ({letter}{i + 1}) is read-only, but {function} changes the network's "
                    "parameters in place; pass a writable copy, e.g. network.copy()"
                )


class Snapshot(NamedTuple):
    """A network as it was before a callback: its arrays' shapes and bytes, and its activations."""

    shapes: list[tuple[int, ...]]
    contents: list[bytes]
    activations: list[str]


def snapshot(network: Network) -> Snapshot:
    arrays = network.weights + network.biases
    return Snapshot([p.shape for p in arrays], [p.tobytes() for p in arrays], list(network.activations))


def check_after_callback(function: str, network: Network, before: Snapshot, epoch: int) -> None:
    """Raise CallbackError unless the network a callback was given is bit for bit as it was before the call.

    Training checks its network once, on entry, and trusts it after; a
    callback runs inside the loop, so what it did is checked after every call.
    A NaN it wrote would otherwise make every later loss NaN without an error,
    and any other change would mix parameters into a step whose forward pass
    was made before the call (its gradient is of no network at all).
    """
    if not _unchanged(network, before):
        raise CallbackError(function, epoch, _change(function, network, before))


def _unchanged(network: Network, before: Snapshot) -> bool:
    """The quick comparison made after every call: a few microseconds for the guide's network."""
    if not (isinstance(network.weights, list) and isinstance(network.biases, list)):
        return False
    arrays = network.weights + network.biases
    return (
        network.activations == before.activations
        and len(arrays) == len(before.shapes)
        and all(
            isinstance(p, np.ndarray)
            and p.dtype == np.float64
            and p.flags.writeable
            and p.shape == before.shapes[i]
            and p.tobytes() == before.contents[i]
            for i, p in enumerate(arrays)
        )
    )


def _change(function: str, network: Network, before: Snapshot) -> str:
    """What a callback changed, in words naming the parameter (found only once something did change)."""
    try:
        check_network(network)
        if network.activations != before.activations:
            raise ValueError(f"network.activations must stay {before.activations}, but they are {network.activations}")
        # The same activations: the same number of layers, so the arrays pair up with the snapshot's.
        L = len(network.weights)
        for i, p in enumerate(network.weights + network.biases):  # W1 ... WL, then b1 ... bL
            name, shape = f"{'Wb'[i // L]}{i % L + 1}", before.shapes[i]
            if p.shape != shape:
                raise ValueError(f"network parameter {name} must keep its shape {shape}, but it has shape {p.shape}")
            old = np.frombuffer(before.contents[i]).reshape(shape)
            bits = np.ascontiguousarray(p).view(np.uint64) != old.view(np.uint64)  # bits: -0.0 is not 0.0
            if np.any(bits):
                where = tuple(int(k) for k in np.argwhere(bits)[0])
                raise ValueError(
                    f"network parameter {name}[{', '.join(map(str, where))}] was {float(old[where])!r} before the "
                    f"call and is {float(p[where])!r} after it"
                )
        check_writable(function, network)
    except (TypeError, ValueError) as error:
        return str(error)
    raise AssertionError  # unreachable: _unchanged found a difference, and one of the checks above names it


def check_X(network: Network, X: object) -> Array:
    """X as a float64 batch of shape (N, n_0), samples as rows."""
    n_in = network.layer_sizes[0]
    batch = as_float_array("X", X, ndim=(1, 2))
    if batch.ndim == 1:
        raise ValueError(
            f"X must be a 2-D array of shape (N, {n_in}), samples as rows, but got shape {batch.shape}; "
            "for a single sample write [x] or X.reshape(1, -1)"
        )
    if batch.shape[1] != n_in:
        raise ValueError(
            f"X must have one column per input ({n_in}), shape (N, {n_in}), but got shape {batch.shape}; "
            "samples are rows"
        )
    if batch.shape[0] == 0:
        raise ValueError("X must hold at least one sample (row), but got 0 rows")
    return batch


def _class_labels(raw: np.ndarray, n_out: int) -> Array:
    """Whole-number class labels (N,) as one-hot rows (N, n_out)."""
    if not np.issubdtype(raw.dtype, np.integer):
        raise TypeError(
            f"y as class labels for categorical_cross_entropy must be whole numbers 0..{n_out - 1}, "
            f"but got dtype {raw.dtype}; use y.astype(int), or one-hot rows of shape (N, {n_out})"
        )
    if raw.min(initial=0) < 0 or raw.max(initial=0) >= n_out:
        raise ValueError(
            f"y class labels must lie in 0..{n_out - 1} for {n_out} classes, "
            f"but got labels from {raw.min()} to {raw.max()}"
        )
    one_hot: Array = np.eye(n_out)[raw]
    return one_hot


def check_y(network: Network, X: Array, y: object, loss: Loss) -> Array:
    """y as float64 targets of shape (N, n_L) that ``loss`` accepts."""
    n_out = network.layer_sizes[-1]
    raw = as_array("y", y)
    if loss.name == "categorical_cross_entropy" and raw.ndim == 1 and n_out > 1 and raw.dtype != np.bool_:
        raw = _class_labels(raw, n_out)
    targets = as_float_array("y", raw, ndim=(1, 2))
    if targets.ndim == 1 and n_out == 1:
        targets = targets[:, None]
    if targets.shape != (X.shape[0], n_out):
        raise ValueError(
            f"y must have shape (N, {n_out}) = ({X.shape[0]}, {n_out}) to match X and the "
            f"{n_out} output(s), but got shape {targets.shape}"
        )
    if loss.name == "binary_cross_entropy" and (targets.min() < 0 or targets.max() > 1):
        raise ValueError(
            f"y must lie in [0, 1] for binary_cross_entropy, but got values from {targets.min()} to {targets.max()}"
        )
    if loss.name == "categorical_cross_entropy":
        not_one_hot = ~(np.all((targets == 0) | (targets == 1), axis=1) & (targets.sum(axis=1) == 1))
        if np.any(not_one_hot):
            row = int(np.argmax(not_one_hot))
            raise ValueError(
                "y must be one-hot rows (a single 1 per row) or integer class labels for "
                f"categorical_cross_entropy, but row {row} of y is {targets[row].tolist()}"
            )
    return targets


def checked_batch(network: object, X: object, y: object, loss: object) -> tuple[Network, Loss, Array, Array]:
    """Check a (network, X, y, loss) call once: the network, the Loss, and X and y as float64."""
    net = check_network(network)
    loss_fn = get_loss(loss, net.activations[-1])
    batch = check_X(net, X)
    return net, loss_fn, batch, check_y(net, batch, y, loss_fn)


def _largest(arrays: list[Array]) -> float:
    return max(float(np.max(np.abs(a), initial=0.0)) for a in arrays)


@contextmanager
def finite_arithmetic(
    function: str,
    network: Network,
    X: Array | None = None,
    *,
    advice: str = "scale X to values of order 1, or start from smaller parameters",
) -> Iterator[None]:
    """Run the block with numpy raising on overflow; raise a NotFiniteError that names the culprits.

    The arguments were checked finite, so an inf or NaN can only come from an
    operation that overflows, divides by zero or is invalid (inf - inf), and
    each of those raises here: no result of the block needs checking after.
    The message gives the largest magnitude in X and in the parameters, so the
    reader sees which one to scale down, and ``advice``.
    """
    with np.errstate(**RAISE_ON_OVERFLOW):  # type: ignore[arg-type]  # the keys are numpy's error categories
        try:
            yield
        except NotFiniteError:
            raise
        except FloatingPointError as error:
            sizes = f"the largest |parameter| of network is {_largest([p for _, p in network.named()]):.3g}"
            if X is not None:
                sizes = f"the largest |value| in X is {_largest([X]):.3g} and {sizes}"
            raise NotFiniteError(
                f"{function}: float64 overflowed (numpy reported {error}), so the result would not be finite; "
                f"{sizes}: {advice}"
            ) from None
