"""backprop: the executable edition of *A Beginner's Guide to Backpropagation*.

A small numpy package that speaks the guide's language: ``forward_prop``,
nudging each parameter by epsilon (``numerical_gradient``), ``backward_prop``
(the chain rule) and ``gradient_descent``, and a training loop that learns XOR.

Conventions (used everywhere in the package, the scenarios and the site)
-------------------------------------------------------------------------
* Everything is ``float64``.
* **Samples are rows.** A batch ``X`` has shape ``(N, n_inputs)``; targets ``y``
  have shape ``(N, n_outputs)``.
* **Layers are numbered from 1.** ``a[0] = X`` is the input; layer ``l`` computes
  ``z[l] = a[l-1] @ W[l] + b[l]`` and ``a[l] = f_l(z[l])``.
* **W[l] has shape (inputs, outputs)**, so ``W1[i, j]`` is the weight from input
  ``i`` to hidden unit ``j`` (indices from 0, as in numpy); ``b[l]`` has shape
  ``(outputs,)``.
* **Losses are averaged over the batch and summed over the outputs**:
  ``L = (1/N) * sum_n loss(y_hat_n, y_n)``. Mean squared error carries **no 1/2**:
  ``L = (1/N) * sum_n sum_k (y_hat_nk - y_nk)**2``, so ``dL/dy_hat = 2 (y_hat - y) / N``.
* The weights and biases are the network's **parameters** (what training learns).
  Learning rate, epsilon and the layer sizes are its **hyperparameters** (what
  you choose). The original guide calls weights and biases "hyperparameters"; that
  is corrected here.
* **Errors.** A bad argument raises TypeError (wrong type) or ValueError (wrong
  value) naming it; valid arguments whose result float64 cannot hold raise
  ``NotFiniteError`` (training: ``DivergenceError``), never a silent inf or NaN.
  A training callback that changes the network stops training with
  ``CallbackError``. A call refused for a bad argument changes nothing it was given.
* **A stack of networks.** Every array may carry one extra leading axis of size
  ``S`` (``W[l]`` of shape ``(S, inputs, outputs)``, ``b[l]`` of ``(S, outputs)``):
  ``S`` independent networks of the same shape then run side by side on the same
  batch, and losses come back with shape ``(S,)``. Seed sweeps use this to train
  100 networks at the cost of one.
"""

from backprop.activations import ACTIVATIONS, get_activation, sigmoid
from backprop.chain_rule import activation_gradient, backward_prop
from backprop.classification import accuracy, predict_classes, stratified_split
from backprop.counting import PassCount, count_passes
from backprop.data import WORKED_PARAMETERS, XOR_TRUTH_TABLE, worked_example, xor
from backprop.descent import gradient_descent
from backprop.errors import CallbackError, DivergenceError, NotFiniteError
from backprop.forward import Cache, compute_loss, forward_prop
from backprop.forward_mode import forward_mode_gradient
from backprop.gradcheck import GradientCheck, gradient_check
from backprop.graph import Graph, computational_graph
from backprop.losses import LOSSES, get_loss
from backprop.minibatch import epoch_orders, train_minibatch
from backprop.network import INITIALISATIONS, Network, init_network, init_stack
from backprop.numerical import nudge, numerical_gradient, numerical_signal
from backprop.parameters import Gradients
from backprop.paths import Path, paths_to_loss
from backprop.training import History, Step, train

__all__ = [
    "ACTIVATIONS",
    "INITIALISATIONS",
    "LOSSES",
    "WORKED_PARAMETERS",
    "XOR_TRUTH_TABLE",
    "Cache",
    "CallbackError",
    "DivergenceError",
    "GradientCheck",
    "Gradients",
    "History",
    "Network",
    "NotFiniteError",
    "PassCount",
    "Step",
    "backward_prop",
    "compute_loss",
    "count_passes",
    "forward_prop",
    "get_activation",
    "get_loss",
    "gradient_check",
    "gradient_descent",
    "init_network",
    "init_stack",
    "nudge",
    "numerical_gradient",
    "sigmoid",
    "train",
    "worked_example",
    "xor",
    # Beyond XOR: minibatches and classification
    "accuracy",
    "epoch_orders",
    "predict_classes",
    "stratified_split",
    "train_minibatch",
    # Why it works: the sum over paths, nudging z directly, forward mode
    "Graph",
    "Path",
    "activation_gradient",
    "computational_graph",
    "forward_mode_gradient",
    "numerical_signal",
    "paths_to_loss",
]
