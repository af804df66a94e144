"""Steps of the chapter "Implement it yourself: the grader": the guide's program, finished, run and compared.

The program is ``docs/downloads/guide_program.py``, the file the site offers for
download. It runs on its own in a fresh interpreter, and through the grader's
adapter (``steps.implementation``: a worker process speaking the contract) its
training is compared with the package's.
"""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
from pytest_bdd import then, when

import backprop as bp
from steps.implementation import COMMITTED, Implementation
from steps.parsing import sentence
from steps.support import CommandRun, Data

PROGRAM = COMMITTED["the finished program"]


@when("the guide's program, finished, runs on its own", target_fixture="program_run")
def _(tmp_path):
    """Run ``python guide_program.py`` in an empty folder, with nothing but numpy to import.

    Example: When the guide's program, finished, runs on its own
    """
    done = subprocess.run([sys.executable, str(PROGRAM)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    return CommandRun(done.returncode, done.stdout, done.stderr)


@then(sentence("it prints each XOR row with an output within {tolerance:Number} of its target"))
def _(program_run, tolerance, measure):
    """The program exits 0 and its truth table (``A B  XOR  network``) has all four rows, each output within the
    tolerance of its target.

    Example: Then it prints each XOR row with an output within 0.1 of its target
    """
    assert program_run.code == 0, f"the program exited {program_run.code}: {program_run.err[-500:]}"
    rows = re.findall(r"^([01]) ([01])  ([01])    ([\d.]+)$", program_run.out, re.M)
    assert len(rows) == 4, f"the program printed {len(rows)} rows of the truth table:\n{program_run.out[-800:]}"
    worst = measure("largest distance from a target", max(abs(float(out) - int(t)) for _, _, t, out in rows))
    assert worst <= tolerance, f"an output is {worst:.4f} from its target, not within {tolerance}"


@when(
    sentence(
        "the finished program and the package each train the guide's network from seed {seed:d} "
        "for {epochs:d} epochs at learning rate {rate:Number}"
    ),
    target_fixture="both",
)
def _(data: Data, seed, epochs, rate):
    """Train the same start with the finished program (through the grader's adapter) and with ``backprop.train``.

    Example: When the finished program and the package each train the guide's network from seed 0 for 2000
        epochs at learning rate 1
    """
    ours, theirs = bp.init_network((2, 2, 1), seed=seed), bp.init_network((2, 2, 1), seed=seed)
    with Implementation.committed("the finished program") as program:
        program_history = program.train(theirs, data.X, data.y, epochs=epochs, learning_rate=rate)
    package_history = bp.train(ours, data.X, data.y, epochs=epochs, learning_rate=rate)
    return {"program": (theirs, program_history.losses), "package": (ours, package_history.losses)}


@then("their losses and their trained parameters are equal, bit for bit")
def _(both, measure):
    """Every epoch's loss and every trained parameter of the program equals the package's, to the last bit.

    Example: Then their losses and their trained parameters are equal, bit for bit
    """
    (program, program_losses), (package, package_losses) = both["program"], both["package"]
    differing = measure("losses that differ", int(np.sum(np.asarray(program_losses) != np.asarray(package_losses))))
    assert differing == 0, f"{differing} of {len(package_losses)} losses differ"
    assert program.flat().tobytes() == package.flat().tobytes(), (
        f"the trained parameters differ by up to {np.max(np.abs(program.flat() - package.flat())):.3g}"
    )
