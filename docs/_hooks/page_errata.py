"""The errata page: what the original guide gets wrong or leaves out, with the truth computed.

``render(c)`` takes the ``computed`` module (settings, cached experiments,
formatters, chapter links). The guide's own numbers are quoted from the same
constants the experiments use (``GUIDE_EPSILON_TEXT`` ...), so the quotation
and the computation cannot drift apart.
"""

from __future__ import annotations

import numpy as np

import backprop as bp

GUESS = 0.5
"""The answer of a network that has learned nothing about XOR: its loss is the baseline."""


def _sweep_rows(c) -> list[str]:
    rows = []
    for rate in c.SWEEP_RATES:
        s = c.sweep(rate)
        learned = s.solved_epoch[s.solved]
        median = f"{int(np.median(learned)):,}" if len(learned) else "none learned"
        rows.append(
            f"| {rate:g}{' (the guide)' if rate == c.GUIDE_LEARNING_RATE else ''} | {s.solved_count} of {len(s.seeds)} "
            f"| {median} | {c.plain(np.median(s.final_loss), 3)} |"
        )
    return rows


def _plateaus(c) -> str:
    """The final losses of the seeds that fail at the good rate, grouped (rounded to 3 digits)."""
    s = c.sweep(c.GOOD_LEARNING_RATE)
    values, counts = np.unique(np.round(s.final_loss[~s.solved], 3), return_counts=True)
    return ", ".join(f"{v:g} ({k} seed{'s' if k != 1 else ''})" for v, k in zip(values, counts, strict=True))


def render(c) -> str:
    network = bp.init_network((2, 2, 1))
    names = network.element_names()
    X, y = bp.xor()
    with bp.count_passes() as nudging:
        bp.numerical_gradient(network, X, y)
    with bp.count_passes() as chain:
        bp.backward_prop(network, X, y)
    guide, good = c.sweep(c.GUIDE_LEARNING_RATE), c.sweep(c.GOOD_LEARNING_RATE)
    text_eps, code_eps = c.GUIDE_EPSILON_TEXT, c.GUIDE_EPSILON_CODE
    err = {
        (e, m): c.epsilon_error(e, m) for e in (text_eps, code_eps, *c.ERROR_EPSILONS) for m in ("forward", "central")
    }
    e = c.epsilon_errors()
    (best_f, _), (best_c, _) = e.best("forward"), e.best("central")
    xor_rows = [f"| {a} | {b} | {out} |" for a, b, out in bp.XOR_TRUTH_TABLE]

    out = [
        "# Errata",
        "",
        "This site is a corrected, executable retelling of the ideas of *A Beginner's Guide to "
        "Backpropagation*. Below is what the original gets wrong or leaves out, what is true instead, and the "
        "chapter whose scenarios check it. Every number on this page was computed by the `backprop` package "
        "when the site was built.",
        "",
        "## 1. Weights and biases are parameters, not hyperparameters",
        "",
        "> Each hyperparameter(Weights and biases) is isolated and by nudging it slightly [...]",
        "",
        "Weights and biases are the network's **parameters**: training learns them. The guide's 2-2-1 "
        f"network has {network.parameter_count} of them, {', '.join(f'`{n}`' for n in names)}. "
        "**Hyperparameters** are what you choose before training: the layer sizes, the learning rate, epsilon, "
        "the number of epochs, the initialisation and its seed. (The guide's code comment `# Hyperparameters` "
        "above the sizes, the learning rate and epsilon is right; the text is not.)",
        "",
        f"Shown in: {c.shown_in('forward', 'hyperparameters')}; the conventions are in "
        "[Notation and the network](notation.md).",
        "",
        "## 2. Two different epsilons",
        "",
        f'The text nudges each parameter "by {text_eps:.4f}"; the code sets `epsilon = {code_eps:.5f}`. '
        "Both are usable, and they give different answers. On the guide's network "
        f"(seed {c.EPSILON_SEED}, all four XOR rows), the relative error of the nudged gradient against "
        "backprop is:",
        "",
        "| epsilon | forward difference (the guide's nudge) | central difference |",
        "| --- | --- | --- |",
        *(
            f"| {c.plain(eps)} (the {where}) | {c.plain(err[eps, 'forward'])} | {c.plain(err[eps, 'central'])} |"
            for eps, where in ((text_eps, "text"), (code_eps, "code"))
        ),
        "",
        f"Neither is the best nudge: on a grid of epsilons the forward difference is most accurate near "
        f"{c.plain(best_f, 1)} and the central difference near {c.plain(best_c, 1)}; smaller nudges lose to "
        "round-off. The figure in the chapter shows the whole curve.",
        "",
        f"Shown in: {c.shown_in('nudging', 'two epsilons')}.",
        "",
        "## 3. The XOR table is a placeholder",
        "",
        "The guide's table of what the network should learn reads:",
        "",
        "```text",
        "| Input A     | Input B     | Output   |",
        "| ----------- | ----------- | -------- |",
        "| Header      | Title       | Title    |",
        "| Paragraph   | Text        | Text     |",
        "```",
        "",
        "XOR outputs 1 when exactly one input is 1. The table the package trains on (`backprop.XOR_TRUTH_TABLE`):",
        "",
        "| input A | input B | output |",
        "| --- | --- | --- |",
        *xor_rows,
        "",
        f"Shown in: {c.chapter('xor')}.",
        "",
        f"## 4. A learning rate of {c.GUIDE_LEARNING_RATE:g} is far too slow for XOR",
        "",
        f"The guide's code sets `learning_rate = {c.GUIDE_LEARNING_RATE}`. We trained the guide's network "
        f"(sigmoid units, standard-normal weights, zero biases, mean squared error, full batch) from each of "
        f"{len(guide.seeds)} seeds ({c.SWEEP_SEEDS.start}–{c.SWEEP_SEEDS.stop - 1}) for {c.SWEEP_EPOCHS:,} "
        f"epochs at several learning rates. A seed *learns XOR* once every output is within {c.TOLERANCE:g} of its "
        "target.",
        "",
        f"| learning rate | seeds that learn XOR in {c.SWEEP_EPOCHS:,} epochs | median epoch when learned "
        "| median final loss |",
        "| --- | --- | --- | --- |",
        *_sweep_rows(c),
        "",
        f"At the guide's rate {guide.solved_count} of {len(guide.seeds)} seeds learn XOR; at "
        f"{c.GOOD_LEARNING_RATE:g}, {good.solved_count}. After {c.SWEEP_EPOCHS:,} epochs at the guide's rate the "
        f"lowest loss of any seed is {c.plain(guide.final_loss.min(), 3)}; the seeds started between "
        f"{c.plain(guide.losses[0].min(), 3)} and {c.plain(guide.losses[0].max(), 3)}, and a network that answers "
        f"{GUESS:g} to every row scores {c.plain(np.mean((GUESS - y) ** 2), 3)}. Even at a good rate some seeds "
        f"never learn XOR: they stop on plateaus, with final losses {_plateaus(c)}.",
        "",
        f"Shown in: {c.shown_in('xor', 'own rate')}.",
        "",
        '## 5. "Nudging" is a forward difference, and its error is proportional to epsilon',
        "",
        "The guide's simpler view nudges a parameter up and reads the change in the loss, "
        "$(L(\\theta + \\varepsilon) - L(\\theta)) / \\varepsilon$. That is a *forward difference*: by Taylor's "
        "theorem it equals $\\partial L/\\partial\\theta + \\tfrac{\\varepsilon}{2}\\,\\partial^2 L/\\partial\\theta^2 "
        "+ \\dots$, so its error shrinks only in proportion to $\\varepsilon$. Nudging both ways, "
        "$(L(\\theta + \\varepsilon) - L(\\theta - \\varepsilon)) / 2\\varepsilon$ (the *central difference*, "
        'which the text\'s "increasing or decreasing" hints at but the code does not do), cancels that term: '
        "its error shrinks like $\\varepsilon^2$. Relative errors on the guide's network:",
        "",
        "| epsilon | forward difference | central difference |",
        "| --- | --- | --- |",
        *[f"| {c.plain(x)} | {c.plain(err[x, 'forward'])} | {c.plain(err[x, 'central'])} |" for x in c.ERROR_EPSILONS],
        "",
        f"Fitted over epsilon ≥ {c.plain(c.SLOPE_FROM)}, the forward error falls like epsilon to the power "
        f"{e.slope('forward'):.2f} and the central error like epsilon to the power {e.slope('central'):.2f}.",
        "",
        "Nudging is also slow: one gradient of the 2-2-1 network by the forward difference ran "
        f"{nudging.forward} forward passes (P + 1 with P = {network.parameter_count}); backprop ran "
        f"{chain.forward} forward and {chain.backward} backward pass, for every parameter at once.",
        "",
        f"Shown in: {c.shown_in('nudging', 'forward difference', 'proportional')}; and {c.shown_in('cost', 'P + 1')}.",
        "",
        "## 6. What the guide leaves out",
        "",
        "- **The code.** The guide says its code has `forward_prop`, `backward_prop` and `gradient_descent` "
        "functions, but shows only the hyperparameter block. The `backprop` package has all three, and the "
        "chapters run them.",
        '- **The loss.** "Measures the difference between computed y and true y" does not say which loss. '
        "Here it is the mean squared error averaged over the batch, without a factor 1/2 "
        "([Notation](notation.md)).",
        "- **The initialisation.** The guide does not say how the weights start. Here: standard normal "
        "weights and zero biases from a stated seed; the seed decides whether XOR is learned at all (item 4).",
        "- **Why backprop.** The guide presents nudging and the chain rule as two views of one thing. They give "
        "the same gradient, but the chain rule gets all of it for one backward pass, while nudging pays a "
        f"forward pass per parameter ({c.chapter('cost')}).",
        "- **The worked numbers.** The guide never follows one input through the network. "
        "[A worked example](worked-example.md) does, number by number.",
        "",
    ]
    return "\n".join(out)
