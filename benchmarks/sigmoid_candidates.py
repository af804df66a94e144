"""Sigmoid implementations compared: speed on the XOR shapes, accuracy, overflow.

Not part of ``make bench`` (it measures candidates, not the package). Run it as
``python -m benchmarks.sigmoid_candidates``; it prints two Markdown tables.

* **Speed**: microseconds per call on arrays of shape (4, 2) (XOR's hidden
  layer), (4, 1) (its output) and (100, 4, 2) (a stack of 100 networks), timed
  side by side (candidates in alternation, median of the rounds), and the time
  relative to the package's sigmoid of this run.
* **Accuracy** against mpmath at 60 significant digits, on every z in
  [-750, 750] of a grid (uniform steps of 0.01 plus random points): the worst
  relative error where the true value is a normal float64 (z >= -708.39; below
  it the true value is subnormal or underflows, and any float64 answer has a
  large relative error), the worst relative error in the left tail
  z in [-708.39, -20] and at a few points, the worst absolute error everywhere,
  and what ``numpy.errstate(all="raise")`` reports over the whole range (and
  under the package's training setting, ``under="ignore"``).
"""

from __future__ import annotations

import benchmarks.common  # noqa: F401 (one thread, before numpy)

import statistics
import timeit

import mpmath
import numpy as np

from backprop import sigmoid as package_sigmoid


def current(z):
    e = np.exp(np.copysign(z, -1.0))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def current_in_place(z):
    e = np.exp(np.copysign(z, -1.0))
    s = np.where(z >= 0, 1.0, e)
    e += 1.0
    s /= e
    return s


def tanh_form(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def tanh_in_place(z):
    t = np.tanh(z * 0.5)
    t += 1.0
    t *= 0.5
    return t


def tanh_out(z):
    t = np.multiply(z, 0.5)
    np.tanh(t, out=t)
    t += 1.0
    t *= 0.5
    return t


def tanh_tail_exp(z):
    # tanh above z = -18.4, exp(z) below: there the two errors (eps / sigmoid(z) from
    # 1 + tanh's cancellation, exp(z) from dropping the denominator) cross, near 1e-8
    t = np.tanh(z * 0.5)
    t += 1.0
    t *= 0.5
    return np.where(z < -18.4, np.exp(np.minimum(z, 0.0)), t)


# numpy 2 converts a Python float operand to an array on every ufunc call
# (about 0.2 µs, as much as the arithmetic on a 4 x 2 array); 0-d arrays are converted once.
_ZERO, _ONE, _MINUS_ONE, _HALF = np.array(0.0), np.array(1.0), np.array(-1.0), np.array(0.5)


def current_constants(z):
    e = np.exp(np.copysign(z, _MINUS_ONE))
    return np.where(z >= _ZERO, _ONE, e) / (_ONE + e)


def two_exp(z):
    # the same bits as the package's: exp(min(z, 0)) is 1 for z >= 0 and e for z < 0
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(np.copysign(z, -1.0)))


def two_exp_constants(z):
    return np.exp(np.minimum(z, _ZERO)) / (_ONE + np.exp(np.copysign(z, _MINUS_ONE)))


def tanh_constants(z):
    t = np.tanh(z * _HALF)
    t += _ONE
    t *= _HALF
    return t


def logaddexp_constants(z):
    return np.exp(-np.logaddexp(_ZERO, -z))


def logaddexp_form(z):
    return np.exp(-np.logaddexp(0.0, -z))


def naive(z):
    return 1.0 / (1.0 + np.exp(-z))


CANDIDATES = {
    "package today: `where(z>=0, 1, e) / (1 + e)`, `e = exp(copysign(z, -1))`": current,
    "the same, in place (`e += 1; s /= e`)": current_in_place,
    "today's, Python floats as 0-d arrays (same bits)": current_constants,
    "`exp(min(z, 0)) / (1 + exp(copysign(z, -1)))` (same bits as today)": two_exp,
    "two exps, Python floats as 0-d arrays (same bits)": two_exp_constants,
    "`0.5 * (1 + tanh(0.5 z))`": tanh_form,
    "`t = tanh(z * 0.5); t += 1; t *= 0.5`": tanh_in_place,
    "`t = multiply(z, 0.5); tanh(t, out=t); t += 1; t *= 0.5`": tanh_out,
    "`t = tanh(z * 0.5); ...` with 0-d arrays for 0.5 and 1": tanh_constants,
    "tanh in place, `exp(z)` for z < -18.4 (`where`)": tanh_tail_exp,
    "`exp(-logaddexp(0, -z))`": logaddexp_form,
    "`exp(-logaddexp(0, -z))`, 0 as a 0-d array": logaddexp_constants,
    "naive `1 / (1 + exp(-z))` (overflows)": naive,
}

try:  # one ufunc, stable; not numpy (SciPy is no dependency of the package): for comparison only
    from scipy.special import expit

    CANDIDATES["`scipy.special.expit` (SciPy, not numpy: for comparison)"] = expit
except ImportError:  # pragma: no cover
    pass

SHAPES = [(4, 2), (4, 1), (100, 4, 2)]


def speed(rounds: int = 15, number: int = 20000) -> dict:
    rng = np.random.default_rng(0)
    arrays = {shape: rng.standard_normal(shape) * 3 for shape in SHAPES}
    times = {(name, shape): [] for name in CANDIDATES for shape in SHAPES}
    for _ in range(rounds):
        for shape, z in arrays.items():
            for name, fn in CANDIDATES.items():
                t = timeit.timeit(lambda: fn(z), number=number if shape[0] < 100 else number // 4)
                times[(name, shape)].append(t / (number if shape[0] < 100 else number // 4))
    return {key: statistics.median(ts) for key, ts in times.items()}


def grid() -> np.ndarray:
    rng = np.random.default_rng(1)
    points = np.concatenate([
        np.arange(-75000, 75001) / 100.0,
        rng.uniform(-750, 750, 20000),
        rng.uniform(-40, 40, 20000),
        np.array([-745.2, -745.1, -709.8, -709.7, -708.4, -708.3, -37.5, -37.0, -36.0]),
    ])
    return np.unique(points)


def exact(z: np.ndarray) -> list:
    mpmath.mp.dps = 60
    return [1 / (1 + mpmath.exp(-mpmath.mpf(float(v)))) for v in z]


def errors(fn, z: np.ndarray, truth: list) -> dict:
    out = {}
    for label, setting in (("all", dict(all="raise")), ("train", dict(over="raise", divide="raise", invalid="raise", under="ignore"))):
        try:
            with np.errstate(**setting):
                fn(z)
            out[label] = "nothing"
        except FloatingPointError as error:
            out[label] = str(error).split(" encountered")[0].replace("floating point ", "")
    with np.errstate(all="ignore"):
        a = fn(z)
    normal = z >= -708.39  # sigmoid(z) >= the smallest normal float64
    tail = normal & (z <= -20)
    rel = np.array([float(abs(mpmath.mpf(float(v)) - t) / t) for v, t in zip(a, truth)])
    ab = np.array([float(abs(mpmath.mpf(float(v)) - t)) if np.isfinite(v) else np.inf for v, t in zip(a, truth)])
    out["rel_normal"] = rel[normal].max()
    out["rel_middle"] = rel[np.abs(z) <= 20].max()
    out["rel_tail"] = rel[tail].max()
    out["abs"] = ab.max()
    for point in (-20.0, -30.0, -40.0, -700.0):
        i = int(np.argmin(np.abs(z - point)))
        out[f"rel at {point:g}"] = rel[i]
    out["subnormal"] = np.nanmax(np.where(z < -708.39, ab, 0.0))
    return out


def main() -> None:
    z = grid()
    truth = exact(z)
    with np.errstate(under="ignore"):
        assert np.array_equal(current(z), package_sigmoid(z)), "the package's sigmoid changed: update `current`"
        for fn in (current_in_place, current_constants, two_exp, two_exp_constants):
            assert np.array_equal(fn(z), current(z)), f"{fn.__name__} is not bit for bit today's sigmoid"
    print(f"Accuracy over {z.size} points in [-750, 750] against mpmath (60 digits).\n")
    print("| candidate | numpy calls | worst rel. error, abs(z) <= 20 | worst rel. error, z >= -708.39 | worst rel. error, -708.39 <= z <= -20 | at z = -20 | -30 | -40 | -700 | worst abs. error | errstate(all=raise) | training errstate (under ignored) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    calls = {current: 6, current_in_place: 6, current_constants: 6, two_exp: 6, two_exp_constants: 6, tanh_form: 4, tanh_in_place: 3,
             tanh_out: 4, tanh_constants: 3, tanh_tail_exp: 7, logaddexp_form: 4, logaddexp_constants: 4, naive: 4}
    for name, fn in CANDIDATES.items():
        e = errors(fn, z, truth)
        print(f"| {name} | {calls.get(fn, 1)} | {e['rel_middle']:.1e} | {e['rel_normal']:.1e} | {e['rel_tail']:.1e} | "
              f"{e['rel at -20']:.1e} | {e['rel at -30']:.1e} | {e['rel at -40']:.1e} | {e['rel at -700']:.1e} | {e['abs']:.1e} | {e['all']} | {e['train']} |")
    print()
    t = speed()
    base = {shape: t[(next(iter(CANDIDATES)), shape)] for shape in SHAPES}
    print("Speed: µs per call (median of 15 side-by-side rounds) and time / package's sigmoid.\n")
    print("| candidate | " + " | ".join(f"{s} µs | ratio" for s in SHAPES) + " |")
    print("|---|" + "---|---|" * len(SHAPES))
    for name in CANDIDATES:
        cells = []
        for shape in SHAPES:
            v = t[(name, shape)]
            cells += [f"{v * 1e6:.2f}", f"{v / base[shape]:.2f}"]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
