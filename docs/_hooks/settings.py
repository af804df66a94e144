"""The settings of every experiment on the site: the only numbers typed in the site's code.

Pages and captions print these constants too, so a quotation of the guide (its
learning rate, its epsilons) and the computation that uses it cannot drift
apart.
"""

from __future__ import annotations

import numpy as np

from speckit.features import ROOT

FEATURES = ROOT / "features"

GUIDE_LEARNING_RATE = 0.01
"""The guide's code: ``learning_rate = 0.01``."""
GUIDE_EPSILON_TEXT = 1e-4
"""The guide's text: "increasing or decreasing by 0.0001"."""
GUIDE_EPSILON_CODE = 1e-5
"""The guide's code: ``epsilon = 0.00001``."""
GOOD_LEARNING_RATE = 1.0
"""A learning rate that suits the 2-2-1 sigmoid network with MSE on XOR."""
SWEEP_SEEDS = range(100)
SWEEP_EPOCHS = 10_000
TOLERANCE = 0.1
"""A seed has learned XOR once every output is within this of its target."""
SWEEP_RATES = (GUIDE_LEARNING_RATE, 0.1, GOOD_LEARNING_RATE)
"""Learning rates of the errata's seed sweep (100 seeds each)."""
CURVE_RATES = (GUIDE_LEARNING_RATE, 0.1, GOOD_LEARNING_RATE, 2.0)
"""Learning rates of the loss-curve figure."""
EPSILON_SEED = 0
EPSILONS = np.logspace(-13, -1, 49)
"""The nudges of the epsilon figure: 10^-13 ... 10^-1, four per decade."""
SLOPE_FROM = 1e-3
"""Where truncation error dominates both differences (the fit of the slopes starts here)."""
ERROR_EPSILONS = (1e-2, 1e-3, 1e-4)
"""The nudges of the errata's "error proportional to epsilon" table."""
BENCHMARKS = ROOT / "benchmarks" / "last-run.json"
"""What ``make bench`` measured last: the cost figure's times."""
COST_BATCH = 4
"""The batch of the benchmark's rows that the cost figure shows."""
# The worked example's parameters, input and target are the package's: backprop.data.worked_example().
WORKED_LEARNING_RATE = GOOD_LEARNING_RATE
WORKED_EPSILON = 1e-5

CHAPTERS = {
    "forward": "01-forward-propagation",
    "nudging": "02-nudging-with-epsilon",
    "chain": "03-the-chain-rule",
    "descent": "04-gradient-descent",
    "xor": "05-learning-xor",
    "cost": "06-why-backprop",
}
