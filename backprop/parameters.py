"""Parameters by name: ``W1[0,1]`` is the weight from input 0 to hidden unit 1.

A network's parameters and its gradients are both lists of matrices and bias
vectors, layer by layer, and both are read by the same names: ``W1``, ``b1``,
``W2``... for whole arrays and ``W1[0,1]``, ``b2[0]`` for single entries
(layers from 1, indices from 0). ``Parameters`` gives both the naming, the
flattening into one vector of P numbers (the order every table and check uses:
W1 row by row, b1, W2, b2, ...) and item access by name; ``Gradients`` holds
dL/dW and dL/db. The ``Network`` itself lives in ``backprop.network``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from backprop.errors import Array, as_float_array, finite_number

_NAME = re.compile(r"^([Wb])(\d+)(?:\[(\d+)(?:,\s*(\d+))?\])?$")

Index = tuple[Any, ...]
"""An index into a parameter array: ``(..., i, j)``; the Ellipsis skips a stack's axis."""


class Parameters:
    """Arrays named W1, b1, W2, b2, ...: a subclass lists them with ``layers()``."""

    def layers(self) -> list[tuple[Array, Array]]:
        """``[(W1, b1), (W2, b2), ...]``: the weight-like and bias-like array of each layer."""
        raise NotImplementedError

    @property
    def stack_size(self) -> int | None:
        """``S`` for a stack of networks, ``None`` for a single one."""
        W1 = self.layers()[0][0]
        return W1.shape[0] if W1.ndim == 3 else None

    def named(self) -> list[tuple[str, Array]]:
        """``[("W1", W1), ("b1", b1), ("W2", W2), ...]``, the order used everywhere."""
        out = []
        for layer, (W, b) in enumerate(self.layers(), start=1):
            out += [(f"W{layer}", W), (f"b{layer}", b)]
        return out

    def flat(self) -> Array:
        """All entries in one vector (shape (P,), or (S, P) for a stack)."""
        lead = () if self.stack_size is None else (self.stack_size,)
        return np.concatenate([p.reshape(lead + (-1,)) for _, p in self.named()], axis=-1)

    def element_names(self) -> list[str]:
        """Names of the entries of ``flat()``: ``W1[0,0]``, ``W1[0,1]``, ... ``b2[0]``."""
        skip = 0 if self.stack_size is None else 1
        return [f"{name}[{','.join(map(str, idx))}]" for name, p in self.named() for idx in np.ndindex(p.shape[skip:])]

    def locate(self, name: object) -> tuple[Array, Index]:
        """The array and index of an entry named like ``W1[0,1]`` or ``b2[0]``."""
        _, array, index = self._locate(name)
        return array, index

    def _locate(self, name: object) -> tuple[str, Array, Index]:
        """``("W1", W1, (..., 0, 1))`` for ``"W1[0,1]"``: the array's name, the array and the entry's index."""
        if not isinstance(name, str):
            raise TypeError(
                f"parameter name must be a string like 'W1[0,1]' or 'b1[0]', but got {name!r} ({type(name).__name__})"
            )
        m = _NAME.match(name.replace(" ", ""))
        if m is None:
            raise ValueError(
                f"parameter name {name!r} is not of the form W1[0,1] or b1[0] "
                "(a letter W or b, the layer from 1, the index from 0)"
            )
        kind, layer = m.group(1), int(m.group(2))
        layers = self.layers()
        if not 1 <= layer <= len(layers):
            raise ValueError(f"parameter {name!r}: layer {layer} does not exist; layers are 1..{len(layers)}")
        array = layers[layer - 1][0 if kind == "W" else 1]
        index = tuple(int(i) for i in m.groups()[2:] if i is not None)
        shape = array.shape[0 if self.stack_size is None else 1 :]
        whole = f"{kind}{layer}"
        if len(index) != len(shape):
            example = f"{whole}[{','.join('0' * len(shape))}]"
            raise ValueError(
                f"parameter {name!r} must name one entry of {whole}, which has shape {shape}: "
                f"{len(shape)} ind{'ex' if len(shape) == 1 else 'ices'}, like {example!r}, but it gives {len(index)}"
            )
        if any(not 0 <= i < n for i, n in zip(index, shape, strict=True)):
            raise ValueError(f"parameter {name!r}: {whole} has shape {shape}, index {index} is outside it")
        return whole, array, (Ellipsis, *index)

    def __getitem__(self, name: str) -> Any:
        array, index = self.locate(name)
        return array[index]

    def __setitem__(self, name: str, value: object) -> None:
        """Set the entry ``name`` to a finite number (for a stack: one number, or an array of one per network)."""
        whole, array, index = self._locate(name)
        try:
            number = _entry_value(value, array[index].shape)
            if not array.flags.writeable:
                raise ValueError(f"{whole} is read-only; set it on a copy, e.g. network.copy()")
        except (TypeError, ValueError) as error:
            raise type(error)(f"parameter {name!r} cannot be set: {error}") from None
        array[index] = number


def _entry_value(value: object, shape: tuple[int, ...]) -> float | Array:
    """``value`` as a finite float, or for a stack's entry of ``shape`` (S,), an array of one per network."""
    if isinstance(value, np.ndarray):
        number = as_float_array("value", value)
        if number.shape not in ((), shape):
            stack = f", or one per network of the stack (shape {shape})" if shape else ""
            raise ValueError(f"value must be one number{stack}, but got an array of shape {number.shape}")
        return number
    return finite_number("value", value)


@dataclass
class Gradients(Parameters):
    """dL/dW and dL/db, shaped exactly like the network's parameters, read by the same names.

    ``delta[l] = dL/dz[l]`` (l = 1..L; ``delta[0]`` is None so indices match the
    layer numbers) when they come from the chain rule; empty for a numerical
    gradient, which has no error signals.
    """

    dW: list[Array]
    """``dW[l-1] = dL/dW[l]``."""
    db: list[Array]
    """``db[l-1] = dL/db[l]``."""
    delta: list[Array | None] = field(default_factory=list)

    def layers(self) -> list[tuple[Array, Array]]:
        return list(zip(self.dW, self.db, strict=True))

    def layer_norms(self) -> Array:
        """The Euclidean norm of dL/dW[l] for each layer l = 1..L (shape (L,) or (S, L))."""
        return np.stack([np.sqrt((dW * dW).sum(axis=(-2, -1))) for dW in self.dW], axis=-1)
