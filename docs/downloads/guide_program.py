"""The guide's program, finished: its 2-2-1 sigmoid network learns XOR. Plain numpy.
Run it with: python guide_program.py. Each function keeps the contract of "Implement it yourself";
a comment (1.1) names the equation of the site's chapters that its line computes."""

import numpy as np

# Hyperparameters: chosen before training, never learned.
input_size = 2  # Number of input neurons
hidden_size = 2  # Number of hidden neurons
output_size = 1  # Number of output neurons
learning_rate = 1.0  # the guide's 0.01 learns XOR too slowly to see
epsilon = 0.00001  # Small value for numerical gradient estimation (one nudge, the code's)
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


def sigmoid(z):  # (1.2) 1 / (1 + e^-z), written so that no e^(...) overflows: e^min(z, 0) / (1 + e^-|z|)
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def forward_prop(params, X):
    z1 = X @ params["W1"] + params["b1"]  # (1.1) hidden layer: a weighted sum, then a squash
    a1 = sigmoid(z1)
    z2 = a1 @ params["W2"] + params["b2"]  # (1.1) output layer: the same recipe
    a2 = sigmoid(z2)
    return a2, {"z1": z1, "a1": a1, "z2": z2, "a2": a2}


def compute_loss(params, X, y):
    y_hat, _ = forward_prop(params, X)
    return float(np.sum((y_hat - y) ** 2) / len(X))  # (1.3) mean squared error, no 1/2


def numerical_gradient(params, X, y, epsilon):
    """The simpler view: nudge one parameter up by epsilon, see how the loss changes."""
    loss = compute_loss(params, X, y)
    grads = {}
    for name, p in params.items():
        grads[name] = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + epsilon
            grads[name][i] = (compute_loss(params, X, y) - loss) / epsilon  # (2.1)
            p[i] = old  # put back the saved value: old + epsilon - epsilon may round
    return grads


def backward_prop(params, X, y):
    """The in-depth view: the chain rule, from the loss back to every parameter."""
    y_hat, cache = forward_prop(params, X)
    a1 = cache["a1"]
    delta2 = 2.0 * (y_hat - y) / len(X) * y_hat * (1.0 - y_hat)  # (3.3) dL/dz2: dL/dy_hat times sigmoid'(z2)
    delta1 = (delta2 @ params["W2"].T) * a1 * (1.0 - a1)  # (3.2) dL/dz1: back along W2, times sigmoid'(z1)
    grads = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0), "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}  # (3.1)
    return grads | {"delta1": delta1, "delta2": delta2}  # the error signals too: optional


def gradient_descent(params, grads, learning_rate):
    """One step downhill: every parameter minus learning_rate times its gradient."""
    return {name: params[name] - learning_rate * grads[name] for name in params}  # (4.1)


def train(params, X, y, epochs, learning_rate):
    losses = []
    for epoch in range(epochs + 1):
        losses.append(compute_loss(params, X, y))  # the loss after `epoch` steps
        if epoch < epochs:
            params = gradient_descent(params, backward_prop(params, X, y), learning_rate)
    return params, losses


if __name__ == "__main__":
    params = init_params(seed)
    nudged, chained = numerical_gradient(params, X, y, epsilon), backward_prop(params, X, y)
    print(f"nudging and the chain rule agree to {max(abs(nudged[k] - chained[k]).max() for k in params):.1e}")
    params, losses = train(params, X, y, epochs, learning_rate)
    print(f"loss {losses[0]:.4f} before training, {losses[-1]:.6f} after {epochs} epochs")
    print("A B  XOR  network")
    for (a, b), target, out in zip(X, y[:, 0], forward_prop(params, X)[0][:, 0], strict=True):
        print(f"{a:.0f} {b:.0f}  {target:.0f}    {out:.3f}")
