"""The command line: ``backprop xor``, ``backprop gradcheck``, ``backprop digits``.

Run as ``backprop ...`` (the console script) or ``python -m backprop ...``.
Every option has a default, shown by ``--help``. Errors are one line on
stderr, never a traceback:

* a bad option (an unknown name, a choice that does not exist, a learning rate
  that is not a positive number, a hidden layer too large to allocate, a
  ``--plot`` folder that cannot be written) is refused before any work starts,
  naming the option, with exit code 2 (so are more ``--epochs`` of
  ``digits`` than the shuffles drawn up front fit in memory, and an empty
  ``--plot`` path);
* a failure while running (training that diverges, a missing optional
  library) prints ``backprop: error: ...`` with exit code 1;
* Ctrl-C stops the command with exit code 130; a figure is written under a
  temporary name and renamed when complete, so none is left half-written.

Option values are checked by the package's own argument checks
(``backprop.errors``), so the command accepts exactly what the functions do:
``--epochs 0`` just measures the loss, as ``train(epochs=0)`` does.

The progress bar comes from tqdm and the figures of ``--plot`` from
matplotlib, both in the ``cli`` extra (``pip install 'backprop-spec[cli]'``)
and imported only when a command needs them: ``import backprop`` needs numpy
only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from backprop.activations import ACTIVATIONS
from backprop.data import xor
from backprop.errors import NotFiniteError, non_negative_int, positive_int, positive_number
from backprop.forward import forward_prop
from backprop.gradcheck import gradient_check
from backprop.network import Network, init_network
from backprop.numerical import METHODS
from backprop.training import GRADIENTS, Step, train

HIDDEN_ACTIVATIONS = [name for name in ACTIVATIONS if name != "softmax"]
XOR_LOSSES = ["mse", "binary_cross_entropy"]
"""The losses for XOR's one sigmoid output (categorical cross-entropy needs a softmax)."""

Job = Callable[[], None]


class _Formatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows each option's default, unless its help already says it in words."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return action.help if "(default:" in (action.help or "") else super()._get_help_string(action)


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line: what is wrong, and where to read more."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class CommandError(Exception):
    """A failure while running a command (not a bad option): message and exit code 1."""


def _option(parse: Callable[[str], Any], check: Callable[[str, object], Any], expected: str) -> Callable[[str], Any]:
    """An argparse type: the text parsed by ``parse``, then checked by the package's own ``check``."""

    def convert(text: str) -> Any:
        try:
            value = parse(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}") from None
        try:
            return check("the value", value)
        except (TypeError, ValueError) as error:
            raise argparse.ArgumentTypeError(f"{error}") from None

    convert.__name__ = expected
    return convert


def _folder(text: str) -> Path:
    """An argparse type: a folder's path; an empty one (which would mean the current folder) is refused."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"expected a folder, got {text!r}; name one, e.g. --plot figures")
    return Path(text)


POSITIVE_NUMBER = _option(float, positive_number, "a positive number")
POSITIVE_WHOLE = _option(int, positive_int, "a positive whole number")
WHOLE = _option(int, non_negative_int, "a whole number 0 or more")


def build_parser() -> argparse.ArgumentParser:
    """The ``backprop`` parser with its three subcommands."""
    parser = _Parser(
        prog="backprop",
        description="Train and check small neural networks with backpropagation, "
        "as in 'A Beginner's Guide to Backpropagation'.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    fmt = _Formatter

    x = commands.add_parser(
        "xor",
        formatter_class=fmt,
        help="train the guide's 2-2-1 network on XOR and print its truth table",
        description="Train the guide's network (2 inputs, a hidden layer, 1 sigmoid output; "
        "standard-normal weights, zero biases) on the four XOR rows by full-batch gradient "
        "descent, then print the truth table with the network's predictions. The guide's own "
        "learning rate, 0.01, needs about 200 times the epochs of the default 2.0.",
    )
    _network_options(x)
    x.add_argument("--learning-rate", type=POSITIVE_NUMBER, default=2.0, help="gradient-descent step size")
    x.add_argument("--epochs", type=WHOLE, default=2000, help="full-batch updates (0 just measures the loss)")
    x.add_argument(
        "--gradient",
        choices=GRADIENTS,
        default="backprop",
        help="how the gradient is computed: the chain rule, or nudging each parameter by --epsilon",
    )
    x.add_argument("--epsilon", type=POSITIVE_NUMBER, default=1e-5, help="the nudge of --gradient numerical")
    x.add_argument(
        "--plot",
        metavar="DIR",
        type=_folder,
        default=None,
        help="also write the loss curve (xor-loss.svg) and the decision boundary "
        "(xor-decision-boundary.svg) into DIR (needs matplotlib) (default: no figures)",
    )
    _progress_option(x)
    x.set_defaults(prepare=prepare_xor, parser=x)

    g = commands.add_parser(
        "gradcheck",
        formatter_class=fmt,
        help="compare backprop's gradients with numerical ones, parameter by parameter",
        description="Compute the gradient of the loss on the XOR data with backpropagation and by "
        "nudging every parameter, and print both with their relative error |a - n| / (|a| + |n|).",
    )
    _network_options(g)
    g.add_argument("--epsilon", type=POSITIVE_NUMBER, default=1e-5, help="the nudge of the numerical gradient")
    g.add_argument(
        "--method",
        choices=METHODS,
        default="central",
        help="forward difference (error ~ epsilon) or central difference (error ~ epsilon**2)",
    )
    g.set_defaults(prepare=prepare_gradcheck, parser=g)

    d = commands.add_parser(
        "digits",
        formatter_class=fmt,
        help="train a 64-64-10 network on scikit-learn's handwritten digits",
        description="Train a 64-HIDDEN-10 network (softmax output, categorical cross-entropy, "
        "Glorot-uniform weights) by minibatch SGD on three quarters of scikit-learn's 1,797 "
        "bundled 8x8 digits (a stratified split) and print its accuracy on the other quarter. "
        "Needs scikit-learn; nothing is downloaded.",
    )
    d.add_argument("--seed", type=WHOLE, default=0, help="seeds the split, the weights and the shuffles")
    d.add_argument("--hidden-size", type=POSITIVE_WHOLE, default=64, help="units in the hidden layer")
    d.add_argument("--activation", choices=HIDDEN_ACTIVATIONS, default="relu", help="hidden-layer activation")
    d.add_argument("--learning-rate", type=POSITIVE_NUMBER, default=0.1, help="SGD step size")
    d.add_argument("--epochs", type=WHOLE, default=50, help="passes over the training set (0 just measures the loss)")
    d.add_argument("--batch-size", type=POSITIVE_WHOLE, default=32, help="rows per SGD step")
    _progress_option(d)
    d.set_defaults(prepare=prepare_digits, parser=d)
    return parser


def _network_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seed", type=WHOLE, default=0, help="seeds the initial weights")
    p.add_argument("--hidden-size", type=POSITIVE_WHOLE, default=2, help="units in the hidden layer (the guide has 2)")
    p.add_argument("--activation", choices=HIDDEN_ACTIVATIONS, default="sigmoid", help="hidden-layer activation")
    p.add_argument(
        "--loss", choices=XOR_LOSSES, default="mse", help="mean squared error (no 1/2), or binary cross-entropy"
    )


def _progress_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-progress", action="store_true", help="do not show the progress bar (default: shown, on stderr)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code.

    Bad options end in ``SystemExit(2)`` from argparse, ``--help`` in ``SystemExit(0)``.
    """
    args = build_parser().parse_args(argv)
    try:
        try:  # Everything an option decides is checked here, before any training.
            job: Job = args.prepare(args)
        except (TypeError, ValueError) as error:
            args.parser.error(str(error))
        job()
    except (CommandError, NotFiniteError, OSError, TypeError, ValueError) as error:  # the package's errors: named
        print(f"backprop: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("backprop: interrupted", file=sys.stderr)
        return 130
    return 0


@contextmanager
def _progress(total: int, enabled: bool, unit: str) -> Iterator[Any]:
    """A tqdm bar on stderr, or a no-op when disabled (or tqdm is missing, which is said once)."""
    if not enabled:
        yield None
        return
    try:
        from tqdm import tqdm
    except ImportError:
        print("backprop: tqdm is not installed, so no progress bar (pip install 'backprop-spec[cli]')", file=sys.stderr)
        yield None
        return
    with tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True) as bar:
        yield bar


def _xor_network(args: argparse.Namespace) -> Network:
    return _sized(
        lambda: init_network((2, args.hidden_size, 1), seed=args.seed, hidden=args.activation, output="sigmoid")
    )


def _sized(make: Callable[[], Network]) -> Network:
    """The network ``make`` builds; its size comes from --hidden-size, so a refusal names that option."""
    try:
        return make()
    except ValueError as error:
        raise ValueError(f"argument --hidden-size: {error}") from None


def _writable_folder(path: Path) -> Path:
    """``path`` as a folder this process can write into (made if missing), or a ValueError saying why not."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        raise ValueError(
            f"argument --plot: cannot write figures into {str(path)!r}: {error.strerror or error}"
        ) from None
    return path


def prepare_xor(args: argparse.Namespace) -> Job:
    X, y = xor()
    network = _xor_network(args)
    plot_dir = None if args.plot is None else _writable_folder(args.plot)
    if plot_dir is not None:
        _matplotlib()

    def run() -> None:
        with _progress(args.epochs, not args.no_progress, "epoch") as bar:

            def show(step: Step) -> None:
                if bar is not None and step.epoch > 0:
                    bar.update(1)
                    if step.epoch % 100 == 0 or step.epoch == args.epochs:
                        bar.set_postfix(loss=f"{float(step.loss):.3g}", refresh=False)

            history = train(
                network,
                X,
                y,
                epochs=args.epochs,
                learning_rate=args.learning_rate,
                loss=args.loss,
                gradient=args.gradient,
                epsilon=args.epsilon,
                callback=show,
            )
        predictions, _ = forward_prop(network, X)
        print(
            f"XOR, 2-{args.hidden_size}-1 {args.activation} network, seed {args.seed}: {args.epochs} epochs "
            f"at learning rate {args.learning_rate:g}, {args.loss}, {args.gradient} gradient"
        )
        print()
        print(f"{'A':>3} {'B':>3} {'target':>7} {'prediction':>11}")
        for (a, b), target, p in zip(X, y[:, 0], predictions[:, 0], strict=True):
            print(f"{a:>3.0f} {b:>3.0f} {target:>7.0f} {p:>11.4f}")
        print()
        worst = float(np.max(np.abs(predictions - y)))
        print(f"final loss {float(history.final_loss):.6g}; largest distance from a target {worst:.4f}")
        learned = (
            "yes, every prediction within 0.1 of its target"
            if worst <= 0.1
            else "no, some prediction is more than 0.1 from its target"
        )
        print(f"learned XOR: {learned}")
        if plot_dir is not None:
            from backprop import plots

            label = f"{args.gradient}, learning rate {args.learning_rate:g}"
            title = f"XOR, 2-{args.hidden_size}-1 {args.activation}, seed {args.seed}"
            loss_title = f"{title}: {args.loss} loss"
            print("wrote", plots.plot_loss_curves({label: history.losses}, plot_dir / "xor-loss.svg", title=loss_title))
            print(
                "wrote",
                plots.plot_decision_boundary(network, X, y, plot_dir / "xor-decision-boundary.svg", title=title),
            )

    return run


def _matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401  # only to say early that it is missing
    except ImportError:
        raise CommandError(
            "--plot needs matplotlib, which is not installed: pip install 'backprop-spec[cli]'"
        ) from None


def prepare_gradcheck(args: argparse.Namespace) -> Job:
    X, y = xor()
    network = _xor_network(args)

    def run() -> None:
        check = gradient_check(network, X, y, args.loss, epsilon=args.epsilon, method=args.method)
        print(
            f"Gradient check, 2-{args.hidden_size}-1 {args.activation} network, seed {args.seed}, XOR data, "
            f"{args.loss}; {args.method} difference, epsilon {args.epsilon:g}"
        )
        print()
        print(f"{'parameter':<10} {'backprop':>14} {'numerical':>14} {'relative error':>15}")
        for name, analytic, numeric, error in zip(
            check.names, check.analytic, check.numeric, check.per_parameter(), strict=True
        ):
            print(f"{name:<10} {analytic:>14.6e} {numeric:>14.6e} {error:>15.2e}")
        print()
        print(f"overall relative error ||a - n|| / (||a|| + ||n||) = {check.overall:.2e}")
        print(f"worst parameter {check.worst_parameter}: {check.worst:.2e}")

    return run


def prepare_digits(args: argparse.Namespace) -> Job:
    from backprop.classification import accuracy, stratified_split
    from backprop.digits import DIGITS_SETTINGS, digits_network, load_digits
    from backprop.minibatch import check_shuffles, train_minibatch

    network = _sized(lambda: digits_network(args.seed, hidden=args.hidden_size, activation=args.activation))
    try:
        X, labels = load_digits()
    except ImportError as error:
        raise CommandError(str(error)) from None
    train_rows, test_rows = stratified_split(labels, 0.25, seed=args.seed)
    try:  # the shuffles of every epoch are drawn before the first: refuse too many now, by the option's name
        check_shuffles(len(train_rows), args.epochs)
    except ValueError as error:
        raise ValueError(f"argument --epochs: {error}") from None

    def run() -> None:
        print(
            f"digits: 64-{args.hidden_size}-10 {args.activation} network, seed {args.seed}; "
            f"{len(train_rows)} training and {len(test_rows)} test images; SGD at learning rate "
            f"{args.learning_rate:g}, batches of {args.batch_size}, {args.epochs} epochs"
        )
        X_test, labels_test = X[test_rows], labels[test_rows]
        with _progress(args.epochs, not args.no_progress, "epoch") as bar:

            def show(step: Step) -> None:
                if bar is not None and step.epoch > 0:
                    bar.set_postfix(
                        loss=f"{float(step.loss):.4f}",
                        test_accuracy=f"{accuracy(step.network, X_test, labels_test):.3f}",
                        refresh=False,
                    )
                    bar.update(1)

            history = train_minibatch(
                network,
                X[train_rows],
                labels[train_rows],
                epochs=args.epochs,
                learning_rate=args.learning_rate,
                batch_size=args.batch_size,
                seed=args.seed,
                loss=DIGITS_SETTINGS["loss"],
                callback=show,
            )
        print(
            f"training loss {float(history.final_loss):.4f}; "
            f"training accuracy {accuracy(network, X[train_rows], labels[train_rows]):.2%}"
        )
        print(f"test accuracy {accuracy(network, X_test, labels_test):.2%}")

    return run
