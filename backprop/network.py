"""The network: its parameters, how they start, and the forward pass.

A network with layer sizes ``[n_0, n_1, ..., n_L]`` has, for each layer
``l = 1..L``, a weight matrix ``W[l]`` of shape ``(n_{l-1}, n_l)``, a bias
``b[l]`` of shape ``(n_l,)`` and an activation ``f_l``. The guide's network is
``[2, 2, 1]``: 6 weights and 3 biases, 9 parameters.

Forward propagation (samples as rows)::

    a[0] = X                              (N, n_0)
    z[l] = a[l-1] @ W[l] + b[l]           (N, n_l)
    a[l] = f_l(z[l])                      (N, n_l)
    y_hat = a[L]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from backprop.activations import get_activation
from backprop.counting import _count
from backprop.errors import as_float_array, check_finite, choice, non_negative_int
from backprop.losses import Loss, get_loss

INITIALISATIONS = ("normal", "glorot_uniform", "zeros")
"""How weights start: the guide's standard normal N(0, 1); Glorot/Xavier uniform
U(-r, r) with r = sqrt(6 / (fan_in + fan_out)); or all zeros, which never breaks
the symmetry between hidden units."""

BIAS_INITIALISATIONS = ("zeros", "normal")

_NAME = re.compile(r"^([Wb])(\d+)(?:\[(\d+)(?:,\s*(\d+))?\])?$")


@dataclass
class Parameters:
    """Weights and biases, layer by layer (``weights[0]`` is W1)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]

    @property
    def stack_size(self) -> int | None:
        """``S`` for a stack of networks, ``None`` for a single one."""
        return self.weights[0].shape[0] if self.weights[0].ndim == 3 else None

    def named(self) -> list[tuple[str, np.ndarray]]:
        """``[("W1", W1), ("b1", b1), ("W2", W2), ...]``, the order used everywhere."""
        out = []
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            out += [(f"W{l}", W), (f"b{l}", b)]
        return out

    def flat(self) -> np.ndarray:
        """All parameters in one vector (shape (P,), or (S, P) for a stack)."""
        lead = () if self.stack_size is None else (self.stack_size,)
        return np.concatenate([p.reshape(lead + (-1,)) for _, p in self.named()], axis=-1)

    def element_names(self) -> list[str]:
        """Names of the entries of ``flat()``: ``W1[0,0]``, ``W1[0,1]``, ... ``b2[0]``."""
        names = []
        skip = 0 if self.stack_size is None else 1
        for name, p in self.named():
            for idx in np.ndindex(p.shape[skip:]):
                names.append(f"{name}[{','.join(map(str, idx))}]")
        return names

    def locate(self, name: str) -> tuple[np.ndarray, tuple]:
        """The array and index of a parameter named like ``W1[0,1]`` or ``b2[0]``."""
        m = _NAME.match(name.replace(" ", ""))
        if m is None:
            raise ValueError(
                f"parameter name {name!r} is not of the form W1[0,1] or b1[0] "
                "(a letter W or b, the layer from 1, the index from 0)"
            )
        kind, layer = m.group(1), int(m.group(2))
        if not 1 <= layer <= len(self.weights):
            raise ValueError(f"parameter {name!r}: layer {layer} does not exist; layers are 1..{len(self.weights)}")
        array = (self.weights if kind == "W" else self.biases)[layer - 1]
        index = tuple(int(i) for i in m.groups()[2:] if i is not None)
        skip = 0 if self.stack_size is None else 1
        shape = array.shape[skip:]
        if len(index) != len(shape) or any(not 0 <= i < n for i, n in zip(index, shape)):
            raise ValueError(f"parameter {name!r}: {kind}{layer} has shape {shape}, index {index} is outside it")
        return array, (Ellipsis,) + index

    def __getitem__(self, name: str):
        array, index = self.locate(name)
        return array[index]

    def __setitem__(self, name: str, value) -> None:
        array, index = self.locate(name)
        array[index] = value


@dataclass
class Gradients(Parameters):
    """dL/dW and dL/db, shaped exactly like the network's parameters.

    ``deltas[l] = dL/dz[l]`` (l = 1..L, ``deltas[0]`` is None) when they come from
    the chain rule; empty for a numerical gradient.
    """

    deltas: list = field(default_factory=list)

    def layer_norms(self) -> np.ndarray:
        """The Euclidean norm of dL/dW[l] for each layer l = 1..L (shape (L,) or (S, L))."""
        return np.stack([np.sqrt((dW * dW).sum(axis=(-2, -1))) for dW in self.weights], axis=-1)


@dataclass
class Network(Parameters):
    """A fully connected network: parameters plus one activation name per layer."""

    activations: list[str] = field(default_factory=list)

    @property
    def layer_sizes(self) -> list[int]:
        return [self.weights[0].shape[-2]] + [W.shape[-1] for W in self.weights]

    @property
    def parameter_count(self) -> int:
        """P, the number of weights and biases of one network."""
        return sum(W.shape[-2] * W.shape[-1] + W.shape[-1] for W in self.weights)

    def copy(self) -> "Network":
        return Network([W.copy() for W in self.weights], [b.copy() for b in self.biases], list(self.activations))


def _check_layer_sizes(layer_sizes) -> list[int]:
    try:
        sizes = list(layer_sizes)
    except TypeError:
        raise TypeError(
            f"layer_sizes must be a list of whole numbers, like [2, 2, 1], but got {layer_sizes!r}"
        ) from None
    if len(sizes) < 2:
        raise ValueError(
            f"layer_sizes needs at least an input and an output size, like [2, 2, 1], but got {sizes}"
        )
    for s in sizes:
        if isinstance(s, bool) or not isinstance(s, (int, np.integer)) or s < 1:
            raise ValueError(f"layer_sizes must be whole numbers of at least 1, like [2, 2, 1], but got {sizes}")
    return [int(s) for s in sizes]


def _layer_activations(n_layers: int, hidden: str, output: str, activations) -> list[str]:
    if activations is None:
        activations = [hidden] * (n_layers - 1) + [output]
    activations = list(activations)
    if len(activations) != n_layers:
        raise ValueError(f"activations needs one name per layer ({n_layers}), but got {len(activations)}: {activations}")
    for name in activations:
        get_activation(name)
    return activations


def _draw(rng: np.random.Generator, layer_sizes, init: str, bias_init: str):
    weights, biases = [], []
    for fan_in, fan_out in zip(layer_sizes[:-1], layer_sizes[1:]):
        if init == "normal":
            W = rng.standard_normal((fan_in, fan_out))
        elif init == "glorot_uniform":
            r = np.sqrt(6.0 / (fan_in + fan_out))
            W = rng.uniform(-r, r, size=(fan_in, fan_out))
        else:
            W = np.zeros((fan_in, fan_out))
        b = rng.standard_normal(fan_out) if bias_init == "normal" else np.zeros(fan_out)
        weights.append(W)
        biases.append(b)
    return weights, biases


def init_network(
    layer_sizes=(2, 2, 1),
    *,
    seed: int = 0,
    init: str = "normal",
    bias_init: str = "zeros",
    hidden: str = "sigmoid",
    output: str = "sigmoid",
    activations=None,
) -> Network:
    """A new network with the given layer sizes, drawn from ``default_rng(seed)``.

    Args:
        layer_sizes: ``[n_0, ..., n_L]``; the default is the guide's 2-2-1.
        seed: the same seed always gives bit-identical parameters.
        init: ``"normal"`` (the guide's standard normal), ``"glorot_uniform"``
            or ``"zeros"``; see ``INITIALISATIONS``.
        bias_init: ``"zeros"`` or ``"normal"`` (standard normal).
        hidden, output: activation of the hidden layers and of the last layer.
        activations: one name per layer, overriding ``hidden`` and ``output``.

    Draw order: layer by layer, W[l] (row-major) then b[l] when it is random.
    """
    sizes = _check_layer_sizes(layer_sizes)
    seed = non_negative_int("seed", seed)
    choice("initialisation", init, INITIALISATIONS)
    choice("bias initialisation", bias_init, BIAS_INITIALISATIONS)
    acts = _layer_activations(len(sizes) - 1, hidden, output, activations)
    weights, biases = _draw(np.random.default_rng(seed), sizes, init, bias_init)
    return Network(weights, biases, acts)


def init_stack(seeds, layer_sizes=(2, 2, 1), **options) -> Network:
    """A stack of ``len(seeds)`` networks; network ``s`` equals ``init_network(seed=seeds[s])``.

    Weights get shape (S, n_{l-1}, n_l), biases (S, n_l). Every function of the
    package accepts the stack and treats its networks independently.
    """
    nets = [init_network(layer_sizes, seed=s, **options) for s in seeds]
    if not nets:
        raise ValueError("seeds must name at least one seed")
    return Network(
        [np.stack([n.weights[l] for n in nets]) for l in range(len(nets[0].weights))],
        [np.stack([n.biases[l] for n in nets]) for l in range(len(nets[0].biases))],
        nets[0].activations,
    )


@dataclass
class Cache:
    """What the forward pass leaves for the backward pass.

    ``a[l]`` for l = 0..L (``a[0]`` is X, ``a[L]`` is y_hat) and ``z[l]`` for
    l = 1..L (``z[0]`` is None so that indices match the layer numbers).
    """

    a: list[np.ndarray]
    z: list[np.ndarray | None]

    @property
    def output(self) -> np.ndarray:
        return self.a[-1]


def _forward(network: Network, X: np.ndarray) -> tuple[list, list]:
    """The unchecked forward pass (trusted inputs); counts one forward pass."""
    _count("forward")
    a, z = [X], [None]
    for W, b, name in zip(network.weights, network.biases, network.activations):
        z.append(a[-1] @ W + (b if b.ndim == 1 else b[..., None, :]))
        a.append(get_activation(name).f(z[-1]))
    return a, z


def check_network(network) -> Network:
    """Raise a clear error if ``network`` is not a consistent, finite Network.

    Consistent: one known activation per layer, float64 parameters, W[l] of
    shape (n_{l-1}, n_l) chaining from layer to layer, b[l] of shape (n_l,),
    the same stack size S throughout.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a backprop.Network (from init_network), but got {type(network).__name__}")
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
    lead = network.weights[0].shape[:-2]
    for l, (W, b) in enumerate(zip(network.weights, network.biases), start=1):
        for name, p in ((f"W{l}", W), (f"b{l}", b)):
            if not isinstance(p, np.ndarray) or p.dtype != np.float64:
                raise TypeError(
                    f"network parameter {name} must be a float64 array, but got "
                    f"{getattr(p, 'dtype', type(p).__name__)}; convert it with np.asarray({name}, dtype=float)"
                )
        if W.ndim not in (2, 3) or W.shape[:-2] != lead:
            raise ValueError(
                f"network parameter W{l} must be a matrix of shape (inputs, outputs)"
                f"{f', one per network of the stack of {lead[0]}' if lead else ''}, but got shape {W.shape}"
            )
        fan_in = network.weights[l - 2].shape[-1] if l > 1 else W.shape[-2]
        if W.shape[-2] != fan_in:
            raise ValueError(
                f"network parameter W{l} must have shape {lead + (fan_in, W.shape[-1])} to follow "
                f"layer {l - 1}, but got {W.shape}"
            )
        if b.shape != lead + W.shape[-1:]:
            raise ValueError(f"network parameter b{l} must have shape {lead + W.shape[-1:]}, but got {b.shape}")
    for name, p in network.named():
        check_finite(name, p)
    return network


def check_X(network: Network, X) -> np.ndarray:
    n_in = network.layer_sizes[0]
    X = as_float_array("X", X, ndim=(1, 2))
    if X.ndim == 1:
        raise ValueError(
            f"X must be a 2-D array of shape (N, {n_in}), samples as rows, but got shape {X.shape}; "
            "for a single sample write [x] or X.reshape(1, -1)"
        )
    if X.shape[1] != n_in:
        raise ValueError(
            f"X must have one column per input ({n_in}), shape (N, {n_in}), but got shape {X.shape}; "
            "samples are rows"
        )
    if X.shape[0] == 0:
        raise ValueError("X must hold at least one sample (row), but got 0 rows")
    return X


def check_y(network: Network, X: np.ndarray, y, loss: Loss) -> np.ndarray:
    n_out = network.layer_sizes[-1]
    raw = np.asarray(y)
    if loss.name == "categorical_cross_entropy" and raw.ndim == 1 and n_out > 1:
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
        raw = np.eye(n_out)[raw]
    y = as_float_array("y", raw, ndim=(1, 2))
    if y.ndim == 1 and n_out == 1:
        y = y[:, None]
    if y.shape != (X.shape[0], n_out):
        raise ValueError(
            f"y must have shape (N, {n_out}) = ({X.shape[0]}, {n_out}) to match X and the "
            f"{n_out} output(s), but got shape {np.shape(y)}"
        )
    if loss.name == "binary_cross_entropy" and (y.min() < 0 or y.max() > 1):
        raise ValueError(f"y must lie in [0, 1] for binary_cross_entropy, but got values from {y.min()} to {y.max()}")
    if loss.name == "categorical_cross_entropy":
        not_one_hot = ~(np.all((y == 0) | (y == 1), axis=1) & (y.sum(axis=1) == 1))
        if np.any(not_one_hot):
            row = int(np.argmax(not_one_hot))
            raise ValueError(
                "y must be one-hot rows (a single 1 per row) or integer class labels for "
                f"categorical_cross_entropy, but row {row} of y is {y[row].tolist()}"
            )
    return y


def _checked_inputs(network, X, y, loss_name: str):
    """Validate a (network, X, y, loss) call once; returns (Loss, X, y) as float64."""
    check_network(network)
    loss = get_loss(loss_name, network.activations[-1])
    X = check_X(network, X)
    return loss, X, check_y(network, X, y, loss)


def forward_prop(network: Network, X) -> tuple[np.ndarray, Cache]:
    """Feed the batch X through the network.

    Args:
        network: a Network (or a stack of S networks).
        X: inputs, shape (N, n_0), samples as rows.

    Returns:
        ``(y_hat, cache)``: the output ``a[L]`` of shape (N, n_L) (or (S, N, n_L))
        and the Cache of every ``z[l]`` and ``a[l]`` that ``backward_prop`` needs.
    """
    check_network(network)
    a, z = _forward(network, check_X(network, X))
    return a[-1], Cache(a, z)
