"""The errata page: what the original guide gets wrong or leaves out, with the truth computed.

Each erratum quotes the lines of the original it corrects (read from the
committed copy, ``docs/original/``, never retyped) and links to them on the
page "The original text", which links back. The guide's own numbers are quoted
from the same constants the experiments use (``GUIDE_EPSILON_TEXT`` ...), so
the quotation and the computation cannot drift apart. The prose is in
``templates/errata.md.j2``; this module computes what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

import backprop as bp
from docs._hooks import markup, settings
from docs._hooks.experiments import epsilon_error, epsilon_errors, sweep
from docs._hooks.links import chapter, shown_in

ORIGINAL = settings.ROOT / "docs" / "original" / "a-beginners-guide-to-backpropagation.txt"

GUESS = 0.5
"""The answer of a network that has learned nothing about XOR: its loss is the baseline."""


@dataclass(frozen=True)
class Erratum:
    number: int
    anchor: str
    title: str
    lines: tuple[int, ...]
    """The lines of the original it corrects (from 1)."""

    def quote(self, original: list[str]) -> list[tuple[int, str]]:
        return [(n, original[n - 1]) for n in self.lines]


ERRATA = (
    Erratum(1, "erratum-1", "Weights and biases are parameters, not hyperparameters", (14,)),
    Erratum(2, "erratum-2", "Two different epsilons", (14, 30)),
    Erratum(3, "erratum-3", "The XOR table is a placeholder", (33, 34, 35, 36)),
    Erratum(4, "erratum-4", f"A learning rate of {settings.GUIDE_LEARNING_RATE:g} is far too slow for XOR", (29,)),
    Erratum(5, "erratum-5", '"Nudging" is a forward difference, and its error is proportional to epsilon', (14,)),
    Erratum(6, "erratum-6", "What the guide leaves out", (14, 22, 38)),
)


def original_lines(path: Path = ORIGINAL) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


PROGRAM_STOPS = "epsilon = 0.00001"
"""The last line of the original's program (its hyperparameters): "The guide's program, finished" goes on."""


def program_stops(original: list[str]) -> int:
    """The number of the original's line where its program stops."""
    return next(n for n, line in enumerate(original, start=1) if PROGRAM_STOPS in line)


def errata_by_line() -> dict[int, list[Erratum]]:
    """The errata that correct each line of the original, for the marks on the original's page."""
    marks: dict[int, list[Erratum]] = {}
    for erratum in ERRATA:
        for line in erratum.lines:
            marks.setdefault(line, []).append(erratum)
    return marks


def _plain(x: float, digits: int = 2) -> str:
    return markup.number(x, digits, "text")


def context() -> dict:
    """Everything the errata template shows, computed by the package."""
    network = bp.init_network((2, 2, 1))
    X, y = bp.xor()
    with bp.count_passes() as nudging:
        bp.numerical_gradient(network, X, y)
    with bp.count_passes() as chain:
        bp.backward_prop(network, X, y)
    errors = {
        (e, m): epsilon_error(e, m)
        for e in (settings.GUIDE_EPSILON_TEXT, settings.GUIDE_EPSILON_CODE, *settings.ERROR_EPSILONS)
        for m in ("forward", "central")
    }
    curve = epsilon_errors()
    sweeps = []
    for rate in settings.SWEEP_RATES:
        s = sweep(rate)
        learned = s.solved_epoch[s.solved]
        sweeps.append({"rate": rate, "sweep": s, "median": f"{int(np.median(learned)):,}" if len(learned) else None})
    good = sweep(settings.GOOD_LEARNING_RATE)
    values, counts = np.unique(np.round(good.final_loss[~good.solved], 3), return_counts=True)
    return {
        "errata": ERRATA,
        "original": original_lines(),
        "network": network,
        "nudging": nudging,
        "chain": chain,
        "errors": errors,
        "best_forward": curve.best("forward")[0],
        "best_central": curve.best("central")[0],
        "slopes": {m: curve.slope(m) for m in ("forward", "central")},
        "sweeps": sweeps,
        "guide": sweep(settings.GUIDE_LEARNING_RATE),
        "good": good,
        "plateaus": list(zip(values.tolist(), counts.tolist(), strict=True)),
        "guess_loss": float(np.mean((GUESS - y) ** 2)),
        "xor_table": bp.XOR_TRUTH_TABLE,
        "plain": _plain,
        "chapter": chapter,
        "shown_in": shown_in,
        "GUESS": GUESS,
        "settings": settings,
    }


def render() -> str:
    return markup.render("errata.md.j2", **context())
