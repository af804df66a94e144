"""The worked-example page: one forward and one backward pass, every number from the package.

``render()`` reads the cached ``experiments.worked_example()`` and returns
Markdown with KaTeX-compatible math. The arithmetic written out between a
formula and its result only restates the inputs; every result (z, a, y_hat,
the loss, each delta and each gradient) is read from ``forward_prop``'s cache
and ``backward_prop``'s Gradients, not recomputed here (only the slopes shown
on the way, dL/dy_hat and each sigma', are). Each display line is short
enough for a 390 px phone: a long "formula = numbers = result" is split over
two lines, and the hidden-layer gradients are a table.
"""

from __future__ import annotations

from backprop.data import WORKED_INPUT, WORKED_PARAMETERS, WORKED_TARGET
from docs._hooks.experiments import worked_example
from docs._hooks.formatting import factor, number, plain
from docs._hooks.links import chapter
from docs._hooks.settings import WORKED_EPSILON, WORKED_LEARNING_RATE


def _matrix(rows) -> str:
    return "\\begin{pmatrix} " + " \\\\ ".join(" & ".join(rows_) for rows_ in rows) + " \\end{pmatrix}"


def _aligned(lines) -> list[str]:
    """A display block of equations aligned at their first "=", one per line.

    A line starting with "= " continues the equation above it, so a long "formula = numbers = result" is
    written as "formula" and "= numbers = result" on two lines: short enough for a 390 px phone.
    """
    rows = ["&" + line if line.startswith("= ") else line.replace(" = ", " &= ", 1) for line in lines]
    return ["$$", "\\begin{aligned}", *(row + " \\\\" for row in rows[:-1]), rows[-1], "\\end{aligned}", "$$", ""]


def _W(layer: int, i: int | str, j: int | str) -> str:
    return f"W^{{({layer})}}_{{{i}{j}}}"


def render() -> str:
    ex = worked_example()
    net, cache, g = ex.network, ex.cache, ex.gradients
    W1, b1, W2, b2 = net.weights[0], net.biases[0], net.weights[1], net.biases[1]
    x, y = ex.X[0], ex.y[0, 0]
    z1, a1 = ex.z(1), cache.a[1][0]
    z2, y_hat = ex.z(2)[0], cache.a[2][0, 0]
    d2, d1 = ex.delta(2)[0], ex.delta(1)
    dW1, db1, dW2, db2 = g.dW[0], g.db[0], g.dW[1][:, 0], g.db[1][0]
    n_in, n_hidden = W1.shape
    xs = ", ".join(num(v) for v in x)
    symbols = {
        **{f"W1[{i},{j}]": _W(1, i, j) for i in range(n_in) for j in range(n_hidden)},
        **{f"b1[{j}]": f"b^{{(1)}}_{j}" for j in range(n_hidden)},
        **{f"W2[{j},0]": _W(2, j, 0) for j in range(n_hidden)},
        "b2[0]": "b^{(2)}_0",
    }

    out = [
        "# A worked example",
        "",
        "One forward pass and one backward pass through the guide's 2-2-1 network, with every intermediate "
        "number. The numbers are computed by the `backprop` package each time this site is built; the "
        "formulas are those of [Notation and the network](notation.md), and each backward step is the chain "
        f"rule applied once ({chapter('chain')} derives them and checks the same numbers in its scenarios).",
        "",
        '!!! example "Reproduce every number on this page"',
        "",
        "    ```python",
        "    import backprop as bp",
        "",
        "    network = bp.init_network((2, 2, 1))",
        *[f'    network["{name}"] = {value!r}' for name, value in WORKED_PARAMETERS.items()],
        f"    X, y = [[{', '.join(map(repr, WORKED_INPUT))}]], [[{', '.join(map(repr, WORKED_TARGET))}]]",
        "    y_hat, cache = bp.forward_prop(network, X)          # cache.z[l], cache.a[l]",
        '    gradients = bp.backward_prop(network, X, y, "mse", cache=cache)',
        "    gradients.delta[2], gradients.dW[0]                # delta of layer 2, dL/dW1",
        "    ```",
        "",
        "## The network and the input",
        "",
        f"The parameters are those of the worked example in {chapter('forward')} and "
        f"{chapter('chain')}, chosen there so that the hidden weighted sums come out round. In the code each "
        "has a name; in the formulas, a symbol:",
        "",
        "| in code | value | in math |",
        "| --- | --- | --- |",
    ]
    out += [
        f"| `{name}` | {value:g} | ${symbols[name]}$ |"
        for name, value in zip(net.element_names(), net.flat(), strict=True)
    ]
    out += [
        "",
        "As matrices (rows are inputs, columns are units):",
        "",
        "$$",
        "\\begin{aligned}",
        f"W^{{(1)}} &= {_matrix([[num(v) for v in row] for row in W1])}, "
        f"&b^{{(1)}} &= {_matrix([[num(v) for v in b1]])} \\\\",
        f"W^{{(2)}} &= {_matrix([[num(v) for v in row] for row in W2])}, "
        f"&b^{{(2)}} &= {_matrix([[num(v) for v in b2]])}",
        "\\end{aligned}",
        "$$",
        "",
        f"The input is one sample, a row $x = ({xs})$, with target $y = {num(y)}$: a row of the XOR table. "
        "With a batch of one, $N = 1$, and the batch averages below are averages over a single row.",
        "",
        "## Forward pass",
        "",
        "### Hidden layer",
        "",
        "In matrix form $z^{(1)} = x\\,W^{(1)} + b^{(1)}$ and $a^{(1)} = \\sigma(z^{(1)})$, with "
        "$\\sigma(z) = 1/(1 + e^{-z})$. Unit by unit:",
        "",
    ]
    hidden = []
    for j in range(n_hidden):
        terms = " + ".join(f"x_{i} {_W(1, i, j)}" for i in range(n_in))
        values = " + ".join(f"{factor(x[i])} \\cdot {factor(W1[i, j])}" for i in range(n_in))
        hidden += [
            f"z^{{(1)}}_{j} = {terms} + b^{{(1)}}_{j}",
            f"= {values} + {factor(b1[j])}",
            f"= {num(z1[j])}",
            f"a^{{(1)}}_{j} = \\sigma(z^{{(1)}}_{j}) = \\frac{{1}}{{1 + e^{{{num(-z1[j])}}}}}",
            f"= {num(a1[j])}",
        ]
    out += _aligned(hidden)
    terms = " + ".join(f"a^{{(1)}}_{j} {_W(2, j, 0)}" for j in range(n_hidden))
    values = " + ".join(f"{factor(a1[j])} \\cdot {factor(W2[j, 0])}" for j in range(n_hidden))
    out += [
        "### Output layer",
        "",
        "The same recipe, with the hidden activations as inputs; the output's activation is the "
        "prediction, $\\hat y = a^{(2)}_0$:",
        "",
        *_aligned(
            [
                f"z^{{(2)}}_0 = {terms} + b^{{(2)}}_0",
                f"= {values} + {factor(b2[0])}",
                f"= {num(z2)}",
                f"\\hat y = \\sigma(z^{{(2)}}_0) = \\frac{{1}}{{1 + e^{{{num(-z2)}}}}}",
                f"= {num(y_hat)}",
            ]
        ),
        "### Loss",
        "",
        "Mean squared error, averaged over the batch, without a factor 1/2:",
        "",
        *_aligned(
            [
                "L = \\frac{1}{N} \\sum_n (\\hat y_n - y_n)^2",
                f"= ({num(y_hat)} - {factor(y)})^2",
                f"= {num(ex.loss)}",
            ]
        ),
        "## Backward pass",
        "",
        "Backward from the loss, each quantity reuses the one before it. The error signal of a layer is "
        "$\\delta^{(l)} = \\partial L / \\partial z^{(l)}$.",
        "",
        "### Output error signal",
        "",
        "$\\partial L/\\partial \\hat y = 2(\\hat y - y)/N$ (no 1/2 in the loss, so the 2 stays), and the "
        "sigmoid's slope is $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$, which at the output is "
        "$\\hat y (1 - \\hat y)$:",
        "",
        *_aligned(
            [
                "\\frac{\\partial L}{\\partial \\hat y} = 2\\,(\\hat y - y)",
                f"= 2 \\cdot ({num(y_hat)} - {factor(y)}) = {num(2 * (y_hat - y))}",
                "\\sigma'(z^{(2)}_0) = \\hat y\\,(1 - \\hat y)",
                f"= {num(y_hat)} \\cdot (1 - {num(y_hat)})",
                f"= {num(y_hat * (1 - y_hat))}",
                "\\delta^{(2)}_0 = \\frac{\\partial L}{\\partial \\hat y}\\, \\sigma'(z^{(2)}_0)",
                f"= {num(2 * (y_hat - y))} \\cdot {num(y_hat * (1 - y_hat))} = {num(d2)}",
            ]
        ),
        "### Output-layer gradients",
        "",
        f"$z^{{(2)}}_0$ depends on ${_W(2, 'j', 0)}$ through the term $a^{{(1)}}_j {_W(2, 'j', 0)}$ and on "
        f"$b^{{(2)}}_0$ directly, so $\\partial L/\\partial {_W(2, 'j', 0)} = a^{{(1)}}_j\\,\\delta^{{(2)}}_0$ and "
        "$\\partial L/\\partial b^{(2)}_0 = \\delta^{(2)}_0$ (in matrix form "
        "$\\partial L/\\partial W^{(2)} = a^{(1)\\top} \\delta^{(2)}$):",
        "",
    ]
    output_gradients = []
    for j in range(n_hidden):
        output_gradients += [
            f"\\frac{{\\partial L}}{{\\partial {_W(2, j, 0)}}} = a^{{(1)}}_{j}\\, \\delta^{{(2)}}_0",
            f"= {factor(a1[j])} \\cdot {factor(d2)} = {num(dW2[j])}",
        ]
    output_gradients.append(f"\\frac{{\\partial L}}{{\\partial b^{{(2)}}_0}} = \\delta^{{(2)}}_0 = {num(db2)}")
    out += _aligned(output_gradients)
    out += [
        "### Hidden error signals",
        "",
        f"The output's error flows back along each weight ${_W(2, 'j', 0)}$ (its value *before* any update, "
        "which is why the forward pass keeps its numbers) and through each hidden sigmoid, whose slope is "
        "$\\sigma'(z^{(1)}_j) = a^{(1)}_j (1 - a^{(1)}_j)$. So "
        f"$\\delta^{{(1)}}_j = \\delta^{{(2)}}_0\\, {_W(2, 'j', 0)}\\, \\sigma'(z^{{(1)}}_j)$, in matrix form "
        "$\\delta^{(1)} = (\\delta^{(2)} W^{(2)\\top}) \\odot \\sigma'(z^{(1)})$:",
        "",
    ]
    hidden_deltas = []
    for j in range(n_hidden):
        slope = a1[j] * (1 - a1[j])
        hidden_deltas += [
            f"\\sigma'(z^{{(1)}}_{j}) = {num(a1[j])} \\cdot (1 - {num(a1[j])})",
            f"= {num(slope)}",
            f"\\delta^{{(1)}}_{j} = {factor(d2)} \\cdot {factor(W2[j, 0])} \\cdot {num(slope)}",
            f"= {num(d1[j])}",
        ]
    out += _aligned(hidden_deltas)
    out += [
        "### Hidden-layer gradients",
        "",
        f"The same pattern one layer down: $\\partial L/\\partial {_W(1, 'i', 'j')} = x_i\\,\\delta^{{(1)}}_j$ and "
        "$\\partial L/\\partial b^{(1)}_j = \\delta^{(1)}_j$:",
        "",
        "| parameter | $x_i \\cdot \\delta^{(1)}_j$ | gradient |",
        "| --- | --- | --- |",
    ]
    for j in range(n_hidden):
        out += [
            f"| ${_W(1, i, j)}$ | ${factor(x[i])} \\cdot {factor(d1[j])}$ | ${num(dW1[i, j])}$ |" for i in range(n_in)
        ]
        out.append(f"| $b^{{(1)}}_{j}$ | $\\delta^{{(1)}}_{j}$ | ${num(db1[j])}$ |")
    out.append("")

    check = ex.check
    out += [
        "## All nine gradients, checked by nudging",
        "",
        'The same gradients from the guide\'s "simpler view": nudge one parameter at a time and watch the loss '
        f"(central difference, $\\varepsilon = {num(WORKED_EPSILON)}$; see "
        f"{chapter('nudging', 'Nudging with epsilon')}).",
        "",
        "| parameter | by backprop | by nudging | relative difference |",
        "| --- | --- | --- | --- |",
    ]
    for name, a, n, r in zip(check.names, check.analytic, check.numeric, check.per_parameter(), strict=True):
        out.append(f"| `{name}` | {plain(a, 8)} | {plain(n, 8)} | {plain(r, 2)} |")
    out += [
        "",
        "The overall relative difference is",
        "",
        "$$",
        f"\\frac{{\\lVert a - n \\rVert}}{{\\lVert a \\rVert + \\lVert n \\rVert}} = {num(check.overall, 2)}",
        "$$",
        "",
        f"where $a$ is the gradient by backprop and $n$ by nudging; the worst single parameter is "
        f"`{check.worst_parameter}` at {plain(check.worst, 2)}.",
        "",
        "## One step downhill",
        "",
        f"Gradient descent moves every parameter against its gradient, $\\theta \\leftarrow \\theta - \\eta\\, "
        f"\\partial L / \\partial \\theta$. With learning rate $\\eta = {num(WORKED_LEARNING_RATE)}$ the loss on "
        f"this sample goes from ${num(ex.loss)}$ to ${num(ex.loss_after)}$ (more in {chapter('descent')}).",
        "",
    ]
    return "\n".join(out)


def num(x: float, digits: int = 6) -> str:
    return number(x, digits, "latex")
