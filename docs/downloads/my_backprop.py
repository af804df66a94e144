"""Your own backpropagation: the guide's program, with the function bodies left for you.

Fill in the functions below, one at a time, in plain numpy. Run this file to
train XOR (python my_backprop.py), and let the guide's own scenarios grade it:

    pytest features --implementation my_backprop.py

The grader runs each claim of the Learn chapters that your functions can
answer, and reports it held, not held (with the sentence, the expected and the
obtained values) or "not implemented yet" while a function still raises
NotImplementedError.

The contract: the grader calls these functions exactly so
-----------------------------------------------------------
The network is the guide's: 2 inputs, 2 sigmoid hidden units, 1 sigmoid output.
Everything is a float64 numpy array. Samples are rows.

    X       inputs, shape (N, 2)          y       targets, shape (N, 1)
    params  {"W1": (2, 2), "b1": (2,), "W2": (2, 1), "b2": (1,)}
            W1[i, j] is the weight from input i to hidden unit j: z1 = X @ W1 + b1
    grads   a dict with the same four keys and shapes: grads["W1"] is dL/dW1

sigmoid(z) -> an array shaped like z
    1 / (1 + e^-z), for every entry.
forward_prop(params, X) -> (y_hat, cache)
    z1 = X @ W1 + b1, a1 = sigmoid(z1), z2 = a1 @ W2 + b2, a2 = sigmoid(z2);
    y_hat is a2, shape (N, 1); cache = {"z1": (N, 2), "a1": (N, 2), "z2": (N, 1), "a2": (N, 1)}.
compute_loss(params, X, y) -> a number
    The mean squared error with no 1/2: the sum of (y_hat - y)**2 divided by N.
numerical_gradient(params, X, y, epsilon) -> grads
    The guide's "simpler view", a forward difference: for one parameter at a
    time, (L(theta + epsilon) - L(theta)) / epsilon. Leave params as they were.
backward_prop(params, X, y) -> grads
    The chain rule. grads may also hold the error signals "delta1" = dL/dz1,
    shape (N, 2), and "delta2" = dL/dz2, shape (N, 1): then the claims about
    error signals are graded too; without them they are "not implemented yet".
gradient_descent(params, grads, learning_rate) -> new params
    params[k] - learning_rate * grads[k] for each of the four. The grader uses
    the dict you return; changing params in place and returning it is fine too.
train(params, X, y, epochs, learning_rate) -> (params, losses)
    Full-batch gradient descent with backward_prop: the trained params, and
    epochs + 1 losses, the loss before each step and after the last.

Every function gets its own copies of the arrays. Functions of your own, and
init_params below, are yours: the grader never calls them.
"""

import numpy as np

# Hyperparameters: chosen before training, never learned.
input_size = 2  # Number of input neurons
hidden_size = 2  # Number of hidden neurons
output_size = 1  # Number of output neurons
learning_rate = 1.0
epsilon = 0.00001  # Small value for numerical gradient estimation
epochs = 10_000
seed = 0

# XOR: the output is 1 when exactly one input is 1. One sample per row.
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = np.array([[0.0], [1.0], [1.0], [0.0]])


def init_params(seed):  # the parameters, learned by training: standard-normal weights, zero biases
    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((input_size, hidden_size))
    W2 = rng.standard_normal((hidden_size, output_size))
    return {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}


def sigmoid(z):
    raise NotImplementedError("1 / (1 + np.exp(-z)); np.exp works on whole arrays")


def forward_prop(params, X):
    raise NotImplementedError("z1 = X @ params['W1'] + params['b1'], a1 = sigmoid(z1), then the same for layer 2")


def compute_loss(params, X, y):
    raise NotImplementedError("run forward_prop, then the sum of (y_hat - y) ** 2 divided by len(X)")


def numerical_gradient(params, X, y, epsilon):
    raise NotImplementedError("for each entry p[i] of each parameter: add epsilon, measure the loss, put p[i] back")


def backward_prop(params, X, y):
    raise NotImplementedError("delta2 = dL/dy_hat * sigmoid'(z2) with sigmoid' = a (1 - a); then dW2 = a1.T @ delta2")


def gradient_descent(params, grads, learning_rate):
    raise NotImplementedError("a new dict: each params[k] - learning_rate * grads[k]")


def train(params, X, y, epochs, learning_rate):
    raise NotImplementedError("epochs times: record the loss, then one gradient_descent step; record the last loss")


if __name__ == "__main__":
    params, losses = train(init_params(seed), X, y, epochs, learning_rate)
    print(f"loss {losses[0]:.4f} before training, {losses[-1]:.6f} after {epochs} epochs")
    print("A B  XOR  network")
    for (a, b), target, out in zip(X, y[:, 0], forward_prop(params, X)[0][:, 0], strict=True):
        print(f"{a:.0f} {b:.0f}  {target:.0f}    {out:.3f}")
