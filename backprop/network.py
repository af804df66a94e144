"""The network: its parameters, one activation per layer, and how it starts.

A network with layer sizes ``[n_0, n_1, ..., n_L]`` has, for each layer
``l = 1..L``, a weight matrix ``W[l]`` of shape ``(n_{l-1}, n_l)``, a bias
``b[l]`` of shape ``(n_l,)`` and an activation ``f_l``. The guide's network is
``[2, 2, 1]``: 6 weights and 3 biases, 9 parameters.

Weights start random so that the hidden units differ: units that start equal
receive equal gradients and stay equal forever (the chapter "Gradient descent"
shows it with ``init="zeros"``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np

from backprop.activations import get_activation
from backprop.errors import NOT_NUMBERS, Array, check_memory, choice, non_negative_int, unordered
from backprop.parameters import Parameters

INITIALISATIONS = ("normal", "glorot_uniform", "zeros")
"""How weights start: the guide's standard normal N(0, 1); Glorot/Xavier uniform
U(-r, r) with r = sqrt(6 / (fan_in + fan_out)); or all zeros, which never breaks
the symmetry between hidden units."""

BIAS_INITIALISATIONS = ("zeros", "normal")


@dataclass
class Network(Parameters):
    """A fully connected network: parameters plus one activation name per layer."""

    weights: list[Array]
    """``weights[l-1]`` is W[l], shape (n_{l-1}, n_l), or (S, n_{l-1}, n_l) for a stack."""
    biases: list[Array]
    """``biases[l-1]`` is b[l], shape (n_l,), or (S, n_l) for a stack."""
    activations: list[str] = field(default_factory=list)

    def layers(self) -> list[tuple[Array, Array]]:
        return list(zip(self.weights, self.biases, strict=True))

    @property
    def layer_sizes(self) -> list[int]:
        return [self.weights[0].shape[-2]] + [W.shape[-1] for W in self.weights]

    @property
    def parameter_count(self) -> int:
        """P, the number of weights and biases of one network."""
        return parameter_count(self.layer_sizes)

    def copy(self) -> Network:
        return Network([W.copy() for W in self.weights], [b.copy() for b in self.biases], list(self.activations))


def parameter_count(layer_sizes: Sequence[int]) -> int:
    """P = sum over layers of n_{l-1} n_l weights and n_l biases."""
    return sum(n_in * n_out + n_out for n_in, n_out in pairwise(layer_sizes))


def check_layer_sizes(layer_sizes: object) -> list[int]:
    """``layer_sizes`` as a list of whole numbers >= 1, at least two, small enough to allocate."""
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, Iterable):
        raise TypeError(f"layer_sizes must be a list of whole numbers, like [2, 2, 1], but got {layer_sizes!r}")
    if unordered(layer_sizes):
        raise TypeError(
            f"layer_sizes must be a list of whole numbers in order from input to output, like [2, 2, 1], but got "
            f"a {type(layer_sizes).__name__}, {layer_sizes!r}, which has no order"
        )
    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes needs at least an input and an output size, like [2, 2, 1], but got {sizes}")
    for s in sizes:
        if isinstance(s, NOT_NUMBERS) or not isinstance(s, (int, np.integer)):
            raise TypeError(
                f"layer_sizes must be whole numbers, like [2, 2, 1], but got {sizes}: {s!r} is a {type(s).__name__}"
            )
        if s < 1:
            raise ValueError(f"layer_sizes must be whole numbers of at least 1, like [2, 2, 1], but got {sizes}")
    sizes = [int(s) for s in sizes]
    P = parameter_count(sizes)
    check_memory(f"layer_sizes {sizes} give {P:,} float64 parameters", 8 * P, "use smaller layers")
    return sizes


def _layer_activations(n_layers: int, hidden: object, output: object, activations: object) -> list[str]:
    if activations is None:
        names = [hidden] * (n_layers - 1) + [output]
    elif isinstance(activations, (str, bytes)) or not isinstance(activations, Iterable) or unordered(activations):
        raise TypeError(
            f"activations must be a list of one activation name per layer, in order, but got {activations!r}"
        )
    else:
        names = list(activations)
    if len(names) != n_layers:
        raise ValueError(f"activations needs one name per layer ({n_layers}), but got {len(names)}: {names}")
    return [get_activation(name).name for name in names]


def _draw(
    rng: np.random.Generator, layer_sizes: list[int], init: str, bias_init: str
) -> tuple[list[Array], list[Array]]:
    weights, biases = [], []
    for fan_in, fan_out in pairwise(layer_sizes):
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
    layer_sizes: Sequence[int] = (2, 2, 1),
    *,
    seed: int = 0,
    init: str = "normal",
    bias_init: str = "zeros",
    hidden: str = "sigmoid",
    output: str = "sigmoid",
    activations: Sequence[str] | None = None,
) -> Network:
    """A new network with the given layer sizes, drawn from ``default_rng(seed)``.

    Args:
        layer_sizes: ``[n_0, ..., n_L]``; the default is the guide's 2-2-1.
        seed: the same seed always gives bit-identical parameters.
        init: ``"normal"`` (the guide's standard normal), ``"glorot_uniform"``
            or ``"zeros"``; see ``INITIALISATIONS``.
        bias_init: ``"zeros"`` or ``"normal"`` (standard normal).
        hidden: the activation of every hidden layer.
        output: the activation of the last layer.
        activations: one name per layer, overriding ``hidden`` and ``output``.

    Draw order: layer by layer, W[l] (row-major) then b[l] when it is random.
    """
    sizes = check_layer_sizes(layer_sizes)
    seed = non_negative_int("seed", seed)
    init = choice("initialisation", init, INITIALISATIONS)
    bias_init = choice("bias initialisation", bias_init, BIAS_INITIALISATIONS)
    names = _layer_activations(len(sizes) - 1, hidden, output, activations)
    weights, biases = _draw(np.random.default_rng(seed), sizes, init, bias_init)
    return Network(weights, biases, names)


def init_stack(seeds: Iterable[int], layer_sizes: Sequence[int] = (2, 2, 1), **options: Any) -> Network:
    """A stack of ``len(seeds)`` networks; network ``s`` equals ``init_network(seed=seeds[s])``.

    Weights get shape (S, n_{l-1}, n_l), biases (S, n_l). Every function of the
    package accepts the stack and treats its networks independently.
    """
    if isinstance(seeds, (str, bytes)) or not isinstance(seeds, Iterable) or unordered(seeds):
        raise TypeError(
            f"seeds must be a list of whole numbers, like [0, 1, 2] or range(100) (network s has seed seeds[s]), "
            f"but got {seeds!r}"
        )
    seeds = [non_negative_int(f"seeds[{i}]", s) for i, s in enumerate(seeds)]
    if not seeds:
        raise ValueError("seeds must name at least one seed, like [0, 1, 2], but got none")
    P = parameter_count(check_layer_sizes(layer_sizes))
    check_memory(
        f"{len(seeds)} seeds give {len(seeds) * P:,} float64 parameters", 8 * P * len(seeds), "use fewer seeds"
    )
    nets = [init_network(layer_sizes, seed=s, **options) for s in seeds]
    return Network(
        [np.stack([n.weights[i] for n in nets]) for i in range(len(nets[0].weights))],
        [np.stack([n.biases[i] for n in nets]) for i in range(len(nets[0].biases))],
        nets[0].activations,
    )
