"""Every step sentence, driven with out-of-range and malformed values: only named errors come out.

For each step definition of the catalog (``speckit.catalog.step_definitions``)
the property takes its ``Example:`` sentence, replaces each parameter by a
drawn value (0, negatives, huge numbers, 1e308, 1e400, nan, non-numbers where
the pattern lets them through, indices past the end, paths out of the
features folder, JSON that does not parse, ...) and runs the sentence in
process (``speckit.catalog.run_step``) in a typical scenario: the values it
reads (network, data, loss, a training run, a gradient check, a sweep, ...)
are set by running the sentences a scenario would use for them, and one of
them may be missing. The before-call checks of the suite run too
(``steps.support.check_arguments``).

What may come out:

* nothing;
* a ValueError, TypeError or NotFiniteError raised by a ``raise`` statement of
  backprop/, steps/ or speckit/ (not one numpy or Python raised for them,
  which would be an unnamed error such as "could not convert string to float");
* MissingStep (a missing prerequisite, named with the steps that set it);
* an AssertionError with a message (a check that states what it measured),
  not a bare ``assert``;

and every message fits in 20 lines and 2,000 characters. numpy warnings are
errors in this suite, so a silent NaN with a RuntimeWarning fails too.

Bounds: "work" parameters (epochs, rows, seed ranges, batch sizes) are drawn
small, because a huge count is a request for hours of honest work, not a
malformed value (the package refuses what would not fit in memory, but not
what would take long: see the report of issue 18). Excluded, with the reason
in ``EXCLUDED``: the definitions that start another process.
"""

from __future__ import annotations

import copy
import linecache
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backprop.errors import NotFiniteError
from speckit.catalog import MissingStep, StepDefinition, allowed_values, run_step, step_definitions
from speckit.features import FEATURES_DIR, ROOT
from speckit.short import MAX_CHARS, MAX_LINES

DEFINITIONS = step_definitions()

EXCLUDED = {
    "steps.writing_steps": "builds and runs a scratch specification: a pytest process of its own (about 1 s each)",
    "steps.feature_file_steps": "writes a scratch project and builds its site: an mkdocs build of its own (seconds)",
    "steps.program_steps": "runs the guide's program in a Python process of its own (about 1 s)",
    "steps.grader_steps": "grades a committed implementation in a pytest process of its own (about 3 s)",
    "the same training runs again in a fresh Python process": "starts a new Python interpreter (about 0.5 s)",
}
"""Definitions the property does not drive (by module, or by pattern), and why."""

DRIVEN = [d for d in DEFINITIONS if d.module not in EXCLUDED and d.pattern not in EXCLUDED]

OURS = tuple(str(ROOT / folder) + "/" for folder in ("backprop", "steps", "speckit"))
FEATURE = FEATURES_DIR / "12-what-a-feature-file-can-do.feature"
"""The feature file a driven step believes it is in (data paths are resolved from its folder)."""


# --- values ----------------------------------------------------------------------------------------

WHOLE = ["0", "-1", "1", "2", "3", "9", "99", "2147483648", "9223372036854775808", "1" + "0" * 30]
WORK = {"epochs": ["-1", "0", "1", "2"], "n": ["-1", "0", "1", "3"], "first": ["-1", "0", "1", "2"]}
WORK |= {"last": WORK["first"], "batch": ["-1", "0", "1", "3", "32", "1000000000000"]}
NUMBER = ["0", "-0", "1", "-1", "0.5", "2", "100", "1e-300", "5e-324", "1e-5", "1e20", "1e308", "-1e308", "1e400"]
LISTS = ["[]", "[0]", "[1]", "[2, 2, 1]", "[2, 3, 3]", "[2, 0, 1]", "[2, -1, 1]", "[2, 2.5, 1]", "[1e308, 1]"]
LISTS += ["[nan]", "[inf, 1]", "[a]", "[1,,2]", "[2, 1e400, 1]", "[0, 0]", "[1, 1]", "[1000000000000, 1]"]
LISTS += ["[" + ", ".join(["1"] * 1000) + "]", "[" + "9" * 5000 + "]"]
PARAMS = ["W1[0,0]", "W2[1,0]", "b1[1]", "b2[0]", "W9[0,0]", "W1[9,9]", "b9[0]", "W0[0,0]", "W1[0]", "b1[0,0]"]
WORDS = {name: [*values, "bogus", "MSE"] for name, values in allowed_values().items() if name not in ("quantity",)}
WORDS |= {
    "function": [
        "f" * 3000,
        "backward_prop",
        "train",
        "nudge",
        "init_network",
        "compute_loss",
        "bogus",
        "_private",
        "__import__",
    ],
    "argument": ["X", "y", "epochs", "learning_rate", "name", "layer_sizes", "network", "bogus"],
    "error": ["ValueError", "TypeError", "NotFiniteError", "Bogus"],
    "registry": ["LOSSES", "ACTIVATIONS", "__all__", "bogus"],
    "subcommand": ["xor", "gradcheck", "digits", "bogus"],
    "unit": ["epoch", "epochs", "bogus"],
    "name": ["W1", "b2", "W9", "W0", "Q1", "b", "W99999999", "W" + "1" * 3000],
}
JSON = ["[[0, 1]]", "[[0, 0], [0, 1], [1, 0], [1, 1]]", "[[0], [1], [1], [0]]", "[0, 1, 1, 0]", "NaN", "Infinity"]
JSON += ["[[0, 1]", "{", "null", "true", '"sigmoid"', '"W9[0,0]"', "1e400", "[[1e308, 1e308], [1e308, 1e308]]", "-1"]
JSON += ["[" * 5000 + "]" * 5000, "[" + ", ".join(["0"] * 3000) + "]", '"' + "w" * 3000 + '"']
PATHS = ["data/and.csv", "data/latin-1.csv", "data/twice.csv", "data/link-out.csv", "../pyproject.toml"]
PATHS += ["/etc/passwd", "data/../../conftest.py", "data/missing.csv", "data", "data/\x00.csv", "x" * 5000, "~/x.csv"]
TEXT = ["x", "é", "a" * 3000, '"', "x[0]", "x[9]", "a1[0]", "L", "W1[0,0]", "xor-loss.svg", "../../etc/passwd"]
TEXT += ["/etc/passwd", "W1[0,0], W1[0,1]", "a forward-mode gradient", "a guess"]
COMMAND_LINES = ["xor --epochs 0 --no-progress", "xor --epochs -1", "xor --learning-rate nan", "bogus", ""]
COMMAND_LINES += ["gradcheck --epsilon 0", "xor --epochs 0 --no-progress --plot /tmp/elsewhere", "--help"]
COMMAND_LINES += ["xor --epochs 1e9", "xor --epochs 0 --no-progress --plot FIGURES/../..", "xor --plo=/", "'"]
COMMAND_LINES += ["xor --epochs 0 --no-progress --plot /" + "d" * 3000, "'" + "q" * 3000]
SENTENCES = ["Then the output of row 0 is at most 1", "Given the XOR data set", "And x", "bogus", ""]
SENTENCES += ["Then the loss is at most 1e400", 'Given the data in "../pyproject.toml"', "Given the parameters:"]
TEXTS = {"arguments": COMMAND_LINES, "text": SENTENCES, "value": JSON, "X": JSON, "y": JSON, "path": PATHS}

CELLS = ["0", "1", "-2.5", "nan", "inf", "1e400", "half", "", "W1[0,0]", "W9[0,0]", "b1[1]", "x[0]", "x[9]", "L"]
COLUMNS = ["parameter", "value", "gradient", "node", "to", "x1", "x2", "y", "label", "z", "input A", "output"]


def _values(name: str, kind: str) -> list[str]:
    """The values drawn for a parameter ``name`` of type ``kind`` (as ``speckit.catalog`` names types)."""
    if name in WORK and kind == "whole number":
        return WORK[name]
    return {
        "whole number": WHOLE,
        "number": NUMBER,
        "list of numbers": LISTS,
        "parameter name": PARAMS,
        "word": WORDS.get(name, ["bogus", "x"]),
    }.get(kind, TEXTS.get(name, [*TEXT, *PATHS[:2]]))


def _field_values(spec: str) -> list[str]:
    """Values for a field of a check's quantity phrase (``{row:d}``, ``{v:Number}``...)."""
    return {
        "d": WHOLE,
        "Number": NUMBER,
        "Param": PARAMS,
        "Loss": ["mse", "binary_cross_entropy"],
        "Run": [f'"{name}"' for name in RUN_NAMES],
    }.get(spec, ["forward", "backward"])


RUN_NAMES = ["a", "b", "missing", ""]
"""Names a quantity of a named run may quote: the property names a run "a" before the step when one is quoted."""


@st.composite
def quantities(draw) -> str:
    phrase = draw(st.sampled_from(allowed_values()["quantity"]))
    text = re.sub(r"\{(\w+):(\w+)\}", lambda m: draw(st.sampled_from(_field_values(m.group(2)))), phrase)
    run = draw(st.sampled_from([None, None, *RUN_NAMES]))
    return text if run is None else f'{text} of "{run}"'


@st.composite
def comparisons(draw) -> str:
    form = draw(st.sampled_from(allowed_values()["comparison"]))
    form = re.sub(r"\bthe Q\b", lambda m: "the " + draw(quantities()), form)
    form = re.sub(r'"R"', lambda m: f'"{draw(st.sampled_from(RUN_NAMES))}"', form)
    return re.sub(r"\b[VABTPK]\b", lambda m: draw(st.sampled_from(NUMBER)), form)


tables = st.lists(st.lists(st.sampled_from(CELLS), min_size=0, max_size=4), min_size=1, max_size=4).flatmap(
    lambda rows: st.lists(st.sampled_from(COLUMNS), min_size=0, max_size=4).map(lambda header: [header, *rows[1:]])
)
"""A table: a header of known and unknown columns, rows of cells that may be malformed or ragged."""


@st.composite
def sentences(draw, definition: StepDefinition) -> str:
    """The definition's example sentence with each parameter replaced by a drawn value."""
    assert definition.example is not None and definition.parser is not None
    keyword, _, text = definition.example.partition(" ")
    if not definition.parameters:  # a plain sentence (parsers.string): nothing to draw
        return f"{definition.keyword.capitalize()} {text}"
    found = definition.parser.parser.parse(text)  # type: ignore[attr-defined]  # parsers.parse keeps a parse.Parser
    for name, (start, end) in sorted(found.spans.items(), key=lambda item: -item[1][0]):
        kind = dict(definition.parameters).get(name, "text")
        value = {"Quantity": quantities(), "Comparison": comparisons()}.get(kind, st.sampled_from(_values(name, kind)))
        text = text[:start] + draw(value) + text[end:]
    return f"{definition.keyword.capitalize()} {text}"


# --- a typical scenario -----------------------------------------------------------------------------

SETUP: dict[str, list[str]] = {
    "network": ["Given the guide's 2-2-1 network with seed 0"],
    "data": ["Given the XOR data set"],
    "cache": ["When I run forward propagation"],
    "gradients": ["When I run backward propagation"],
    "shortcut": ["When I run backward propagation with and without the output shortcut"],
    "step": ["When I take one gradient-descent step at learning rate 0.5"],
    "training": ["When I train for 20 epochs at learning rate 2"],
    "change": ["When I nudge W1[0,0] by 0.0001 and measure the change in the loss"],
    "check": ["When I check the gradient with the central difference and epsilon 1e-5"],
    "passes": ["When I count the passes spent on a central-difference gradient"],
    "before": ["When I compute the forward-difference gradient with epsilon 0.1"],
    "runs": [
        "When a [2, 2, 1] sigmoid network from seed 7 trains on it for 5 epochs at learning rate 2 with mse",
        "When the same training runs again in this process",
        "When the same training runs again in this process",
    ],
    "call": ["When backward_prop is called with y = [[0], [1], [1], [0]]"],
    "command": ["When I run the command line: backprop xor --epochs 0 --no-progress"],
    "shuffles": ["When I draw the shuffles of 2 epochs with shuffle seed 4"],
    "twins": ["When I train two copies for 1 epochs at learning rate 0.1 in batches of 32, shuffle seed 5"],
    "accuracies": [
        "When I train a 64-64-10 ReLU network on each of the digits splits 0 to 1 for 1 epochs at learning rate 0.1 "
        "in batches of 32"
    ],
    "parity": [
        "When ours and scikit-learn's MLPClassifier each train a copy for 1 epochs at learning rate 0.1 in batches "
        "of 32, shuffle seed 0"
    ],
    "minibatch_run": [
        "When I train a copy by minibatch SGD for 2 epochs at learning rate 0.5 in batches of 3, shuffle seed 3"
    ],
    "other_run": [
        "When I train another copy by hand, one backward pass and one descent step per batch, for 2 epochs at "
        "learning rate 0.5 in batches of 3, shuffle seed 3"
    ],
    "sweep": [
        "When I train seeds 0 to 3 of the guide's network (weight init normal, bias init zeros) with mse for 30 "
        "epochs at learning rate 2"
    ],
    "step_run": ['When the step "Then the output of row 0 is at most 1" runs'],
}
"""How a scenario sets each value a step reads: the sentences it would write."""

VARIANTS = {
    "the guide's network on XOR": {},
    "one sample": {
        "network": ["Given the worked example's network"],
        "data": ["Given the input [1, 1] with target [0]"],
    },
    "a softmax network and class labels": {
        "network": ["Given a [2, 3, 3] network with sigmoid hidden layers and a softmax output, seed 0"],
        "data": ["Given 4 random inputs with one-hot targets, seed 0"],
        "loss": ["Given the loss is categorical_cross_entropy"],
    },
    "a network of zeros, an epsilon sweep, a diverging training": {
        "network": ["Given a [2, 2, 1] network with zeros initialisation, seed 0"],
        "sweep": ["When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the forward difference"],
        "call": ["When training runs for 30 epochs at learning rate 100 while recording each loss"],
        "runs": ["When a [2, 2, 1] sigmoid network from seed 7 trains on it for 5 epochs at learning rate 2 with mse"],
    },
    "the digits network": {
        "network": ["Given a 64-64-10 ReLU digits network with seed 1"],
        "data": ["Given 4 random inputs with one-hot targets, seed 0"],
        "loss": ["Given the loss is categorical_cross_entropy"],
    },
    "the digits split": {
        "network": ["Given a 64-64-10 ReLU digits network with seed 1"],
        "data": ["Given the digits data set split 75/25 by class with seed 0"],
        "loss": ["Given the loss is categorical_cross_entropy"],
    },
}
"""Scenarios of different shapes: the same names, set by other sentences."""

DIGITS_ONLY = {"twins", "parity"}
"""Values whose set-up sentences train the digits network: a step that reads one runs on the digits split."""


SPLIT_ONLY = {"the training set holds {n_train:d} images and the test set {n_test:d}"}
SPLIT_ONLY |= {"every digit's share of the test set is within one image of a quarter of its images"}
"""Checks of the split itself, which read nothing else: they run on the split (1,347 rows, too many for the
numerical gradients of the other checks)."""


def _variants(definition: StepDefinition) -> list[str]:
    if DIGITS_ONLY & set(definition.reads) or definition.pattern in SPLIT_ONLY:
        return ["the digits split"]
    return sorted(v for v in VARIANTS if v != "the digits split")


SLOW_TO_SET = {"twins", "accuracies", "parity", "digits", "shuffles"}
_MADE: dict[tuple[str, str], object] = {}


class Scenario:
    """The values a scenario's earlier steps set, made on demand by running their sentences; ``dropped`` are missing."""

    def __init__(self, variant: str, dropped: frozenset[str], pytest_request, measure, capsys, tmp_path: Path):
        self.variant, self.dropped, self.pytest_request = variant, dropped, pytest_request
        self.recipes = {**SETUP, **VARIANTS[variant]}
        self.values = {
            "loss": "mse",  # the default of steps/common_steps.py, unless the variant sets another
            "checks": {},
            "sweeps": [],
            "named_runs": {},
            "command_runs": [],
            "figures": tmp_path / "figures",
            "tmp_path": tmp_path,
            "capsys": capsys,
            "measure": measure,
            "engine": pytest_request.getfixturevalue("engine"),  # the package: no drawn sentence is @gradable
            "request": SimpleNamespace(
                getfixturevalue=self.get, node=SimpleNamespace(path=FEATURE), config=pytest_request.config
            ),
        }
        if "loss" in self.recipes:
            del self.values["loss"]

    def get(self, name: str):
        """What the step under test reads: a dropped value is missing."""
        if name in self.dropped:
            raise pytest.FixtureLookupError(name, self.pytest_request)
        return self.made(name)

    def made(self, name: str):
        """A value as the scenario's earlier steps set it (they do not miss anything)."""
        if name == "digits":
            from backprop.digits import load_digits

            return _MADE.setdefault(("", "digits"), load_digits())
        if name in self.recipes and name not in self.values:
            key = (self.variant, name)
            if name in SLOW_TO_SET and key in _MADE:
                self.values[name] = copy.deepcopy(_MADE[key])
            else:
                self.values[name] = self._make(name)
                if name in SLOW_TO_SET:
                    _MADE[key] = copy.deepcopy(self.values[name])
        if name not in self.values:
            raise pytest.FixtureLookupError(name, self.pytest_request)
        return self.values[name]

    def _make(self, name: str):
        """Run the sentences that set ``name``: the first sets it, the others (which read it) add to it."""
        first, *more = self.recipes[name]
        self.values[name] = self._run(first)
        for sentence in more:
            self._run(sentence)
        return self.values[name]

    def _run(self, sentence: str):
        try:
            return run_step(sentence, self.made)[1]
        except Exception as error:  # a sentence of the set-up itself must work
            raise RuntimeError(f"the set-up sentence {sentence!r} failed: {type(error).__name__}") from None


# --- the property -------------------------------------------------------------------------------------

BUILTIN_MESSAGES = re.compile(
    r"could not convert|invalid literal|too many values|not enough values|zip\(\) argument|arg is an empty"
    r"|math domain|codec can't|index \d+ is out of bounds|operands could not be broadcast"
)
"""Messages Python and numpy write for their own errors: unnamed, even when raised from our frame."""


def _problem(error: BaseException) -> str | None:
    """What is wrong with an error a step raised (None when it is a named error, or a check's measurement)."""
    message = str(error)
    if isinstance(error, AssertionError) and not message.startswith("assert "):
        # pytest's rewriting appends its own explanation after the step's message ("assert ...", then a
        # diff, printed whole when CI is set); the reader sees it cut by speckit.short.failure_text. What
        # is bounded here is the step's own message, which comes first.
        message = message.split("\nassert ", 1)[0]
    if len(message.splitlines()) > MAX_LINES or len(message) > MAX_CHARS:
        return f"a message of {len(message.splitlines())} lines and {len(message)} characters"
    if isinstance(error, MissingStep):
        return None
    if isinstance(error, AssertionError):
        return None if message.strip() and not message.startswith("assert ") else "an assertion without a message"
    if not isinstance(error, (ValueError, TypeError, NotFiniteError)):
        return f"{type(error).__name__}, not a named error"
    tb = error.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = tb.tb_frame.f_code.co_filename if tb is not None else ""
    line = linecache.getline(where, tb.tb_lineno).strip() if tb is not None else ""
    if not where.startswith(OURS) or not line.startswith("raise"):
        return f"raised by {Path(where).name}:{tb.tb_lineno if tb else '?'} ({line!r}), not by a raise of ours"
    if BUILTIN_MESSAGES.search(message):
        return "a message Python or numpy wrote"
    return None


def _id(definition: StepDefinition) -> str:
    return f"{definition.where} {definition.pattern}"[:120]


@pytest.mark.slow
@pytest.mark.parametrize("definition", DRIVEN, ids=_id)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_every_step_answers_a_malformed_value_with_a_named_error(
    definition, data, request, measure, capsys, tmp_path, step_helpers
):
    sentence = data.draw(sentences(definition), label="sentence")
    if not definition.runs(definition.keyword, sentence.partition(" ")[2]):
        return  # pytest-bdd would report "step not found" with the closest sentences (speckit.authoring)
    variant = data.draw(st.sampled_from(_variants(definition)), label="scenario")
    dropped = (
        data.draw(st.sets(st.sampled_from(sorted(definition.reads)), max_size=1), label="missing")
        if (definition.reads)
        else frozenset()
    )
    table = data.draw(tables, label="table") if "datatable" in _parameters(definition) else None
    scenario = Scenario(variant, frozenset(dropped), request, measure, capsys, tmp_path)
    if '"a"' in sentence and definition.pattern.startswith("the {quantity"):
        run_step('When I call this run "a"', scenario.made)  # a run the check may read, named as a scenario would
    for name in definition.reads:  # what the step reads is set before it runs, as earlier steps would
        if name not in dropped:
            scenario.get(name)
    try:
        run_step(sentence, scenario.get, datatable=table, check=step_helpers["check_arguments"])
    except Exception as error:
        problem = _problem(error)
        assert problem is None, f"{sentence!r} ({variant}) failed with {problem}:\n{type(error).__name__}: {error}"[
            :3000
        ]


def _parameters(definition: StepDefinition) -> set[str]:
    import inspect

    assert definition.func is not None
    return set(inspect.signature(definition.func).parameters)


# --- the property's own bounds and helpers ------------------------------------------------------------


def test_the_property_drives_every_definition_but_the_excluded_ones():
    excluded = [d for d in DEFINITIONS if d not in DRIVEN]
    assert {d.module for d in excluded if d.pattern not in EXCLUDED} == {
        "steps.writing_steps",
        "steps.feature_file_steps",
        "steps.program_steps",
        "steps.grader_steps",
    }
    assert all(pattern in {d.pattern for d in DEFINITIONS} for pattern in EXCLUDED if not pattern.startswith("steps."))
    assert len(DRIVEN) == len(DEFINITIONS) - len(excluded) and all(d.example for d in DRIVEN)
    assert all(
        name in SETUP
        or name in ("loss", "engine", "checks", "sweeps", "named_runs", "command_runs", "figures", "capsys", "digits")
        for d in DRIVEN
        for name in d.reads
    ), "a value some step reads has no set-up sentence"


def test_a_named_error_passes_and_an_unnamed_one_does_not(step_helpers):
    with pytest.raises(ValueError) as ours:
        step_helpers["numbered"]("row", 0, 1, 4)
    assert _problem(ours.value) is None
    with pytest.raises(ValueError) as pythons:
        int("x")
    assert "not by a raise of ours" in (_problem(pythons.value) or "")
    with pytest.raises(ValueError) as in_our_frame:
        step_helpers["summary"](["x"])  # numpy raises, called from steps/support.py
    assert "not by a raise of ours" in (_problem(in_our_frame.value) or "")
    assert _problem(KeyError("bogus")) == "KeyError, not a named error"
    assert _problem(AssertionError("assert 1 == 2")) == "an assertion without a message"
    assert _problem(AssertionError("the loss is 0.3, not at most 0.1")) is None
    rewritten = "the table is [], not XOR's truth table\nassert [] == [[0, 0, 0]]\n" + "  - 0,\n" * 40
    assert _problem(AssertionError(rewritten)) is None  # pytest's diff after the message is failure_text's to cut
    assert "2,000" in f"{MAX_CHARS:,}" and "characters" in (_problem(AssertionError("x" * 2001)) or "")


RANDOM_INPUTS = next(d for d in DRIVEN if d.pattern == "{n:d} random inputs with {kind:Word} targets, seed {seed:d}")


@settings(max_examples=20, deadline=None)
@given(sentence=sentences(RANDOM_INPUTS))
def test_a_drawn_sentence_keeps_the_examples_words_and_replaces_its_parameters(sentence):
    n, _, rest = sentence.removeprefix("Given ").partition(" random inputs with ")
    kind, _, seed = rest.partition(" targets, seed ")
    assert n in WORK["n"] and kind in WORDS["kind"] and seed in WHOLE, (n, kind, seed)
