"""The worked-example page: one forward and one backward pass, every number from the package.

``render(c)`` takes the ``computed`` module (its settings, its cached
``worked_example()`` and its number formatters) and returns Markdown with
KaTeX-compatible math. The arithmetic written out between a formula and its
result only restates the inputs; every result (z, a, y_hat, the loss, each
delta and each gradient) is read from ``forward_prop``'s cache and
``backward_prop``'s Gradients, not recomputed here.
"""

from __future__ import annotations

from docs._hooks.experiments import worked_example
from docs._hooks.formatting import factor, number
from docs._hooks.links import chapter
from docs._hooks.settings import WORKED_EPSILON, WORKED_INPUT, WORKED_LEARNING_RATE, WORKED_PARAMETERS, WORKED_TARGET


def _matrix(rows) -> str:
    return "\\begin{pmatrix} " + " \\\\ ".join(" & ".join(rows_) for rows_ in rows) + " \\end{pmatrix}"


def _aligned(lines) -> list[str]:
    """A display block of equations aligned at their first "=" (one per line, so none runs off the page)."""
    rows = ["&" + line if line.startswith("= ") else line.replace(" = ", " &= ", 1) for line in lines]
    return ["$$", "\\begin{aligned}", *(row + " \\\\" for row in rows[:-1]), rows[-1], "\\end{aligned}", "$$", ""]


def render() -> str:
    ex = worked_example()
    net, cache, g = ex.network, ex.cache, ex.gradients
    W1, b1, W2, b2 = net.weights[0], net.biases[0], net.weights[1], net.biases[1]
    x, t = ex.X[0], ex.y[0, 0]
    z1, a1 = cache.z[1][0], cache.a[1][0]
    z2, y_hat = cache.z[2][0, 0], cache.a[2][0, 0]
    d2, d1 = g.delta[2][0, 0], g.delta[1][0]
    dW1, db1, dW2, db2 = g.dW[0], g.db[0], g.dW[1][:, 0], g.db[1][0]
    n_in, n_hidden = W1.shape
    xs = ", ".join(num(v) for v in x)

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
        f"{chapter('chain')}, chosen there so that the hidden weighted sums come out round:",
        "",
        "| parameter | value |",
        "| --- | --- |",
    ]
    out += [f"| `{name}` | {value:g} |" for name, value in zip(net.element_names(), net.flat(), strict=True)]
    out += [
        "",
        "As matrices (rows are inputs, columns are outputs):",
        "",
        "$$",
        f"W^{{(1)}} = {_matrix([[num(v) for v in row] for row in W1])},\\quad "
        f"b^{{(1)}} = {_matrix([[num(v) for v in b1]])},\\quad "
        f"W^{{(2)}} = {_matrix([[num(v) for v in row] for row in W2])},\\quad "
        f"b^{{(2)}} = {_matrix([[num(v) for v in b2]])}",
        "$$",
        "",
        f"The input is one sample, a row $x = ({xs})$, with target $t = {num(t)}$: a row of the XOR table. With a "
        "batch of one, the batch averages below are averages over a single row.",
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
        terms = " + ".join(f"x_{i} W^{{(1)}}[{i},{j}]" for i in range(n_in))
        values = " + ".join(f"{factor(x[i])} \\cdot {factor(W1[i, j])}" for i in range(n_in))
        hidden += [
            f"z^{{(1)}}_{j} = {terms} + b^{{(1)}}[{j}]",
            f"= {values} + {factor(b1[j])} = {num(z1[j])}",
            f"a^{{(1)}}_{j} = \\sigma(z^{{(1)}}_{j}) = \\frac{{1}}{{1 + e^{{{num(-z1[j])}}}}} = {num(a1[j])}",
        ]
    out += _aligned(hidden)
    terms = " + ".join(f"a^{{(1)}}_{j} W^{{(2)}}[{j},0]" for j in range(n_hidden))
    values = " + ".join(f"{factor(a1[j])} \\cdot {factor(W2[j, 0])}" for j in range(n_hidden))
    out += [
        "### Output layer",
        "",
        *_aligned(
            [
                f"z^{{(2)}}_0 = {terms} + b^{{(2)}}[0]",
                f"= {values} + {factor(b2[0])} = {num(z2)}",
                f"\\hat y = a^{{(2)}}_0 = \\sigma(z^{{(2)}}_0) = \\frac{{1}}{{1 + e^{{{num(-z2)}}}}} = {num(y_hat)}",
            ]
        ),
        "### Loss",
        "",
        "Mean squared error, averaged over the batch, without a factor 1/2:",
        "",
        "$$",
        f"L = \\frac{{1}}{{N}} \\sum_n (\\hat y_n - t_n)^2 = ({num(y_hat)} - {factor(t)})^2 = {num(ex.loss)}",
        "$$",
        "",
        "## Backward pass",
        "",
        "Backward from the loss, each quantity reuses the one before it. The error signal of a layer is "
        "$\\delta^{(l)} = \\partial L / \\partial z^{(l)}$.",
        "",
        "### Output error signal",
        "",
        "$\\partial L/\\partial \\hat y = 2(\\hat y - t)/N$ (no 1/2 in the loss, so the 2 stays), and the "
        "sigmoid's derivative is $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) = \\hat y (1 - \\hat y)$:",
        "",
        "$$",
        f"\\delta^{{(2)}}_0 = 2(\\hat y - t)\\,\\hat y\\,(1 - \\hat y) = 2 \\cdot ({num(y_hat)} - {factor(t)}) "
        f"\\cdot {num(y_hat)} \\cdot (1 - {num(y_hat)}) = {num(d2)}",
        "$$",
        "",
        "### Output-layer gradients",
        "",
        "$z^{(2)}_0$ depends on $W^{(2)}[j,0]$ through the term $a^{(1)}_j W^{(2)}[j,0]$ and on $b^{(2)}[0]$ "
        "directly, so $\\partial L/\\partial W^{(2)}[j,0] = a^{(1)}_j\\,\\delta^{(2)}_0$ and "
        "$\\partial L/\\partial b^{(2)}[0] = \\delta^{(2)}_0$ (in matrix form "
        "$\\partial L/\\partial W^{(2)} = a^{(1)\\top} \\delta^{(2)}$):",
        "",
        *_aligned(
            [
                *(
                    f"\\frac{{\\partial L}}{{\\partial W^{{(2)}}[{j},0]}} = "
                    f"{factor(a1[j])} \\cdot {factor(d2)} = {num(dW2[j])}"
                    for j in range(n_hidden)
                ),
                f"\\frac{{\\partial L}}{{\\partial b^{{(2)}}[0]}} = {num(db2)}",
            ]
        ),
        "### Hidden error signals",
        "",
        "The output's error flows back along each weight $W^{(2)}[j,0]$ (its value *before* any update, "
        "which is why the forward pass keeps its numbers) and through each hidden sigmoid: "
        "$\\delta^{(1)}_j = \\delta^{(2)}_0\\, W^{(2)}[j,0]\\, a^{(1)}_j (1 - a^{(1)}_j)$, in matrix form "
        "$\\delta^{(1)} = (\\delta^{(2)} W^{(2)\\top}) \\odot \\sigma'(z^{(1)})$:",
        "",
    ]
    out += _aligned(
        [
            f"\\delta^{{(1)}}_{j} = {factor(d2)} \\cdot {factor(W2[j, 0])} \\cdot {num(a1[j])} \\cdot "
            f"(1 - {num(a1[j])}) = {num(d1[j])}"
            for j in range(n_hidden)
        ]
    )
    out += [
        "### Hidden-layer gradients",
        "",
        "The same pattern one layer down: $\\partial L/\\partial W^{(1)}[i,j] = x_i\\,\\delta^{(1)}_j$ and "
        "$\\partial L/\\partial b^{(1)}[j] = \\delta^{(1)}_j$:",
        "",
    ]
    gradients = []
    for j in range(n_hidden):
        gradients += [
            f"\\frac{{\\partial L}}{{\\partial W^{{(1)}}[{i},{j}]}} = "
            f"{factor(x[i])} \\cdot {factor(d1[j])} = {num(dW1[i, j])}"
            for i in range(n_in)
        ]
        gradients.append(f"\\frac{{\\partial L}}{{\\partial b^{{(1)}}[{j}]}} = {num(db1[j])}")
    out += _aligned(gradients)

    check = ex.check
    out += [
        "## All nine gradients, checked by nudging",
        "",
        'The same gradients from the guide\'s "simpler view": nudge one parameter at a time and watch the loss '
        f"(central difference, $\\varepsilon = {num(WORKED_EPSILON)}$; see "
        f"{chapter('nudging', 'Nudging with epsilon')}).",
        "",
        "| parameter | value | $\\partial L/\\partial\\theta$ by backprop | by nudging | relative difference |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, value, a, n, r in zip(
        check.names, net.flat(), check.analytic, check.numeric, check.per_parameter(), strict=True
    ):
        out.append(f"| `{name}` | {value:g} | {a:.8g} | {n:.8g} | {plain(r, 2)} |")
    out += [
        "",
        f"Overall relative difference $\\lVert a - n \\rVert / (\\lVert a \\rVert + \\lVert n \\rVert) = "
        f"{num(check.overall, 2)}$; the worst single parameter is `{check.worst_parameter}` at "
        f"{plain(check.worst, 2)}.",
        "",
        "## One step downhill",
        "",
        f"Gradient descent moves every parameter against its gradient, $\\theta \\leftarrow \\theta - \\eta\\, "
        f"\\partial L / \\partial \\theta$. With learning rate $\\eta = {num(WORKED_LEARNING_RATE)}$ the loss on "
        f"this sample goes from ${num(ex.loss)}$ to ${num(ex.loss_after)}$ (more in {chapter('descent')}).",
        "",
    ]
    return "\n".join(out)


def plain(x: float, digits: int = 2) -> str:
    return number(x, digits, "text")


def num(x: float, digits: int = 6) -> str:
    return number(x, digits, "latex")
