"""The numbers a chapter's prose may quote: ``{{ worked.y_hat|num }}`` in a description is filled in at build time.

So the worked example's numbers, quoted in the chapters Forward propagation
and The chain rule, come from the same computation as the worked-example page
(``experiments.worked_example``), at the same precision (``num``: 6
significant digits, for math; ``plain``: for text), instead of being typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np

import backprop as bp
from docs._hooks import cache, settings
from docs._hooks.experiments import gradient_cost, sweep, worked_example


@dataclass(frozen=True)
class Worked:
    """The worked example: the guide's 2-2-1 network with round parameters, input x = (1, 1), target y = 0."""

    x: np.ndarray
    y: float
    W1: np.ndarray
    """The parameters, as in the network: ``W1[i][j]`` is W^(1)_ij (input i to hidden unit j)."""
    b1: np.ndarray
    W2: np.ndarray
    """``W2[j][0]`` is W^(2)_j0 (hidden unit j to the output)."""
    b2: np.ndarray
    z1: np.ndarray
    exp_z1: np.ndarray
    """e^(-z1), the exponential inside the hidden sigmoids."""
    a1: np.ndarray
    z2: float
    exp_z2: float
    """e^(-z2), the exponential inside the output sigmoid."""
    y_hat: float
    loss: float
    dL_dy_hat: float
    slope_out: float
    """sigma'(z2) = y_hat (1 - y_hat)."""
    slope_hidden: np.ndarray
    """sigma'(z1) = a1 (1 - a1)."""
    delta2: float
    delta1: np.ndarray
    dW2: np.ndarray
    db2: float
    dW1: np.ndarray
    db1: np.ndarray
    delta2_bce: float
    """The output error signal with binary cross-entropy: y_hat - y."""


def worked() -> Worked:
    ex = worked_example()
    cache, g = ex.cache, ex.gradients
    y_hat, y = float(cache.a[2][0, 0]), float(ex.y[0, 0])
    bce = bp.backward_prop(ex.network, ex.X, ex.y, "binary_cross_entropy").delta[2]
    assert bce is not None, "the chain rule gives every layer's delta"
    return Worked(
        x=ex.X[0],
        y=y,
        W1=ex.network.weights[0],
        b1=ex.network.biases[0],
        W2=ex.network.weights[1],
        b2=ex.network.biases[1],
        z1=ex.z(1),
        exp_z1=np.exp(-ex.z(1)),
        a1=cache.a[1][0],
        z2=float(ex.z(2)[0]),
        exp_z2=float(np.exp(-ex.z(2)[0])),
        y_hat=y_hat,
        loss=ex.loss,
        dL_dy_hat=2 * (y_hat - y),
        slope_out=y_hat * (1 - y_hat),
        slope_hidden=cache.a[1][0] * (1 - cache.a[1][0]),
        delta2=float(ex.delta(2)[0]),
        delta1=ex.delta(1),
        dW2=g.dW[1][:, 0],
        db2=float(g.db[1][0]),
        dW1=g.dW[0],
        db1=g.db[0],
        delta2_bce=float(bce[0, 0]),
    )


def context() -> dict:
    """The names a description may use: ``worked`` and its ``graph``, the chapters' ``descent``, ``xor``,
    ``cost`` and ``digits``, and the experiments' ``settings``."""
    network, X, y = bp.worked_example()
    return {
        "worked": worked(),
        "graph": bp.computational_graph(network, X, y),
        # The experiments' settings as plain values: prose reads fields of records, never a module.
        "settings": SimpleNamespace(**{k: v for k, v in vars(settings).items() if k.isupper()}),
        "descent": descent(),
        "xor": xor(),
        "cost": cost(),
        "digits": digits(),
    }


# The chapters Gradient descent, Learning XOR, Why backprop and Beyond XOR: digits.


@dataclass(frozen=True)
class Descent:
    """The chapter Gradient descent: the guide's 2-2-1 network from seed 0 (its scenarios' seed) on XOR."""

    gradient_norm: float
    """||g||, the length of the whole gradient (all nine partial derivatives) at the start."""

    def step_length(self, learning_rate: float) -> float:
        """How far one step at ``learning_rate`` moves the parameters: learning_rate * ||g||."""
        return learning_rate * self.gradient_norm


def descent() -> Descent:
    X, y = bp.xor()
    g = bp.backward_prop(bp.init_network((2, 2, 1), seed=0), X, y)
    return Descent(gradient_norm=float(np.linalg.norm(g.flat())))


@dataclass(frozen=True)
class Xor:
    """The chapter Learning XOR: the seed sweeps behind its figures and the errata (``experiments.sweep``).

    Every seed of ``settings.SWEEP_SEEDS`` trained for ``settings.SWEEP_EPOCHS``
    epochs at the guide's rate, a slower-than-good rate and the good rate.
    """

    seeds: int
    epochs: int
    guide_rate: float
    slow_rate: float
    good_rate: float
    learned_guide: int
    """Seeds that learn XOR at the guide's rate."""
    learned_good: int
    """Seeds that learn XOR at the good rate."""
    median_slow: int
    """Median epoch at which XOR is learned at ``slow_rate``, over the seeds that learn it at both rates (rounded)."""
    median_good: int
    """The same at ``good_rate``, over the same seeds."""

    @property
    def guide_estimate(self) -> float:
        """Epochs the median seed would need at the guide's rate, if epochs scale like 1 / rate."""
        return self.median_good * self.good_rate / self.guide_rate


def xor() -> Xor:
    guide_rate, slow_rate, good_rate = settings.SWEEP_RATES
    guide, slow, good = (sweep(rate) for rate in settings.SWEEP_RATES)
    both = slow.solved & good.solved
    return Xor(
        seeds=len(good.seeds),
        epochs=settings.SWEEP_EPOCHS,
        guide_rate=guide_rate,
        slow_rate=slow_rate,
        good_rate=good_rate,
        learned_guide=guide.solved_count,
        learned_good=good.solved_count,
        median_slow=round(float(np.median(slow.solved_epoch[both]))),
        median_good=round(float(np.median(good.solved_epoch[both]))),
    )


@dataclass(frozen=True)
class Cost:
    """The chapter Why backprop: one gradient of the cost figure's largest network (``experiments.gradient_cost``)."""

    parameters: int
    nudging_ms: float
    backprop_ms: float
    measured: str
    """When and where ``make bench`` took the times."""

    @property
    def speedup(self) -> float:
        """How many times longer nudging took than backprop, as ``make bench`` measured them."""
        return self.nudging_ms / self.backprop_ms

    @property
    def speedup_rounded(self) -> int:
        """``speedup`` to two significant digits, as a whole number for prose ("about 2,500 times")."""
        return max(1, int(float(f"{self.speedup:.2g}")))


def cost() -> Cost:
    c = gradient_cost()
    return Cost(
        int(c.parameters[-1]), float(c.numerical_seconds[-1] * 1e3), float(c.backprop_seconds[-1] * 1e3), c.measured
    )


@dataclass(frozen=True)
class Digits:
    """The chapter Beyond XOR: the digits, their split and the network of seed 0 (its scenarios' settings)."""

    images: int
    inputs: int
    train: int
    test: int
    batch_size: int
    steps_per_epoch: int
    """Minibatches per epoch: the training images in batches of ``batch_size``, the last one shorter."""
    correct: int
    """Test images the network of seed 0 reads correctly after training."""


@cache.computed
def digits() -> Digits:
    from backprop.digits import DIGITS_SETTINGS, digits_network, load_digits

    X, labels = load_digits()
    train, test = bp.stratified_split(labels, 0.25, seed=0)
    network = digits_network(0)
    batch = DIGITS_SETTINGS["batch_size"]
    bp.train_minibatch(
        network,
        X[train],
        labels[train],
        epochs=DIGITS_SETTINGS["epochs"],
        learning_rate=DIGITS_SETTINGS["learning_rate"],
        batch_size=batch,
        seed=0,
        loss=DIGITS_SETTINGS["loss"],
    )
    predicted = bp.predict_classes(network, X[test])
    return Digits(
        images=len(X),
        inputs=X.shape[1],
        train=len(train),
        test=len(test),
        batch_size=batch,
        steps_per_epoch=-(-len(train) // batch),
        correct=int(np.sum(predicted == labels[test])),
    )
