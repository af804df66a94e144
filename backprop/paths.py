"""Gradients add where paths fork: the chain rule as a sum over paths.

A unit's activation ``a[l]_i`` reaches the loss along every path through the
layers above it: to unit ``j`` of layer l+1 (through the weight
``W[l+1]_ij``), through that unit's activation (its slope ``f'(z[l+1]_j)``),
on to each unit of the next layer, and so on up to the output, where the loss
itself contributes ``dL/dz[L]_k``. The chain rule along one path multiplies
these local derivatives; where paths fork, their contributions add::

    dL/da[l]_i = sum over paths (i, j, ..., k) of
                 W[l+1]_ij f'(z[l+1]_j) W[l+2]_j. ... W[L]_.k dL/dz[L]_k

The number of paths multiplies with every layer (one unit of a 3-4-4-2
network's input reaches the loss along 4 x 4 x 2 = 32 of them). The backward
pass never lists them: each ``delta`` already sums every path from its layer
to the loss, so the layer below reuses it instead of walking those paths
again. This module lists them anyway, to check that sum independently of
``backward_prop``, and to draw it.
"""

from __future__ import annotations

import itertools
import math
from typing import NamedTuple

import numpy as np

from backprop.activations import ACTIVATIONS
from backprop.errors import Array, non_negative_int
from backprop.forward import forward
from backprop.network import Network
from backprop.validation import checked_batch, finite_arithmetic

PATH_LIMIT = 1_000_000
"""The most paths ``paths_to_loss`` lists on one request. Each path is a few Python objects: measured
with tracemalloc, 376 bytes for a path through 3 layers (network 2-1000-1000-1, a million paths in 3.7 s
and about 0.4 GiB) and about 75 bytes more per layer (881 at 10 layers), so a million paths through up
to 10 layers stay within the 1 GiB that backprop allocates on request (``errors.MEMORY_LIMIT``). The
count multiplies with every layer: (2, 400, 400, 400, 1) has 64 million, which would run for minutes
and end in a MemoryError. Raise it on purpose if you mean it."""


class Path(NamedTuple):
    """One path from a unit to the loss: the unit it passes in each layer, and the local derivatives on its edges."""

    units: tuple[int, ...]
    """The unit in layer ``l``, ``l + 1``, ..., ``L``."""
    factors: tuple[float, ...]
    """``W[l+1]_ij``, ``f'(z[l+1]_j)``, ``W[l+2]_jk``, ..., and last ``dL/dz[L]_k``."""

    @property
    def product(self) -> float:
        """The chain rule along this one path: the product of its local derivatives."""
        return math.prod(self.factors)


def slopes(network: Network, z: Array, a: Array, layer: int) -> Array:
    """``f'(z[layer])`` entry by entry (the activation's backward pass applied to a gradient of ones)."""
    activation = ACTIVATIONS[network.activations[layer - 1]]
    slope: Array = activation.backward(z, a, np.ones_like(z))
    return slope


def paths_to_loss(
    network: Network, X: object, y: object, layer: int, unit: int, loss: str = "mse", *, row: int = 0
) -> list[Path]:
    """Every path from ``a[layer]_unit`` (of sample ``row``) to the loss, with its local derivatives.

    ``layer`` 0 is the input: the paths of ``x_unit``. The sum of the paths'
    products is ``dL/da[layer]_unit`` for that row, which ``backward_prop``
    finds without listing a single path.

    Raises:
        ValueError: for a stack, a layer or unit the network lacks, a row
            outside the batch, a softmax hidden layer (its units do not have
            one slope each), or more than ``PATH_LIMIT`` paths.
    """
    net, loss_fn, X, y = checked_batch(network, X, y, loss)
    if net.stack_size is not None:
        raise ValueError("paths_to_loss takes one network, not a stack; pass one network of the stack")
    L = len(net.weights)
    layer, unit, row = (non_negative_int(n, v) for n, v in (("layer", layer), ("unit", unit), ("row", row)))
    if layer >= L:
        raise ValueError(f"layer must be from 0 (the input) to {L - 1}, a layer below the output, but got {layer}")
    if unit >= net.layer_sizes[layer]:
        raise ValueError(f"unit must be from 0 to {net.layer_sizes[layer] - 1} in layer {layer}, but got {unit}")
    if row >= len(X):
        raise ValueError(f"row must be from 0 to {len(X) - 1}, a row of X, but got {row}")
    if "softmax" in net.activations[:-1]:
        raise ValueError("paths_to_loss needs hidden activations with one slope per unit; softmax is output-only here")
    widths = net.layer_sizes[layer + 1 :]
    count = math.prod(widths)
    if count > PATH_LIMIT:
        raise ValueError(
            f"unit {unit} of layer {layer} reaches the loss along {count:,} paths ({' x '.join(map(str, widths))} "
            f"units above it), more than the {PATH_LIMIT:,} paths_to_loss lists on request "
            "(backprop.paths.PATH_LIMIT); pick a unit in a higher layer or a narrower network "
            "(backward_prop sums every path without listing them)"
        )
    with finite_arithmetic("paths_to_loss", net, X):
        cache = forward(net, X)
        # slope[m] = f'(z[m]) of the row, for the hidden layers m = 1..L-1 (slope[0] is a placeholder).
        slope: list[Array] = [np.empty(0)]
        for m in range(1, L):
            z_m = cache.z[m]
            assert z_m is not None, "z[m] exists for every layer m >= 1"
            slope.append(slopes(net, z_m[row], cache.a[m][row], m))
        dL_dz_out = loss_fn.output_delta(ACTIVATIONS[net.activations[-1]], cache.z_out, cache.output, y)[row]
    found = []
    for above in itertools.product(*(range(n) for n in net.layer_sizes[layer + 1 :])):
        units = (unit, *above)
        factors: list[float] = []
        for m in range(layer + 1, L + 1):
            i, j = units[m - layer - 1], units[m - layer]
            factors.append(float(net.weights[m - 1][i, j]))
            factors.append(float(slope[m][j] if m < L else dL_dz_out[j]))
        found.append(Path(units, tuple(factors)))
    return found
