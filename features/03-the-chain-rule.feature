@learn
Feature: The chain rule
  The guide's "more in-depth view" of backward propagation: compute the error
  at the output, then pass it backwards through the network, layer by layer,
  and read every gradient off along the way. Where nudging needs one extra
  forward pass per parameter, this needs one backward pass in all.

  The tool is the **chain rule** of calculus. If the loss $L$ depends on $z$,
  and $z$ depends on $w$, then

  $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial z} \cdot \frac{\partial z}{\partial w}$$

  Rule: Error signals, passed backwards
    Call $\delta^{(l)}_j = \partial L / \partial z^{(l)}_j$ the **error
    signal** of unit $j$ in layer $l$: how much the loss changes per unit
    change of that unit's weighted sum. Once it is known, the gradients of the
    unit's own weights and bias follow at once. The weighted sum is

    $$z^{(l)}_j = \sum_i a^{(l-1)}_i\, W^{(l)}_{ij} + b^{(l)}_j$$

    so, by the chain rule,

    $$
    \begin{aligned}
    \frac{\partial L}{\partial W^{(l)}_{ij}} &= a^{(l-1)}_i\, \delta^{(l)}_j \\
    \frac{\partial L}{\partial b^{(l)}_j} &= \delta^{(l)}_j
    \end{aligned}
    \tag{3.1}
    $$

    A layer's error signals come from the layer above it. The activation
    $a^{(l-1)}_i$ feeds every unit $j$ of layer $l$ through the weight
    $W^{(l)}_{ij}$, and the slope $f'$ of the activation function links it
    back to its own weighted sum $z^{(l-1)}_i$:

    $$\delta^{(l-1)}_i = \Big(\sum_j W^{(l)}_{ij}\, \delta^{(l)}_j\Big)\, f'\big(z^{(l-1)}_i\big) \tag{3.2}$$

    For the sigmoid the slope is $\sigma'(z) = \sigma(z)\,\big(1 - \sigma(z)\big)$.

    The first error signal is the output's. With the mean squared error
    $L = \frac1N \sum (\hat y - y)^2$ (no $\tfrac12$), the loss's slope is
    $\partial L / \partial \hat y = \frac{2}{N} (\hat y - y)$. For a sigmoid
    output unit, in the last layer $L$,

    $$\delta^{(L)} = \frac{2}{N}\, (\hat y - y)\; \sigma'\big(z^{(L)}\big) \tag{3.3}$$

    Over a batch of $N$ rows, each gradient sums the rows' contributions (each
    already carries its $\frac1N$).

    In code, backwards: the output's error signal (3.3), the hidden layer's
    from it (3.2), and every gradient from the error signals (3.1), as matrix
    products over the whole batch. The package's backward pass runs the same
    recursion for any number of layers, activations and losses:

    Code: guide_program.py:backward_prop, backprop/chain_rule.py:backward

  Rule: The worked example, backwards
    Take the network, the input $x = ({{ worked.x[0]|num }}, {{ worked.x[1]|num }})$
    and the target $y = {{ worked.y|num }}$ of
    [Forward propagation](01-forward-propagation.md), where we found
    $a^{(1)} = ({{ worked.a1[0]|num }},\ {{ worked.a1[1]|num }})$ and
    $\hat y = {{ worked.y_hat|num }}$. There is one sample, so $N = 1$. At the
    output:

    $$
    \begin{aligned}
    \frac{\partial L}{\partial \hat y} &= 2\,(\hat y - y) = {{ worked.dL_dy_hat|num }} \\
    \sigma'\big(z^{(2)}_0\big) &= \hat y\,(1 - \hat y) = {{ worked.slope_out|num }} \\
    \delta^{(2)}_0 &= {{ worked.dL_dy_hat|num }} \cdot {{ worked.slope_out|num }} = {{ worked.delta2|num }}
    \end{aligned}
    $$

    The output unit's own gradients multiply its error signal by its inputs,
    the hidden activations:

    | parameter | gradient | value |
    | --- | --- | --- |
    | $W^{(2)}_{00}$ | $a^{(1)}_0\, \delta^{(2)}_0$ | ${{ worked.dW2[0]|num }}$ |
    | $W^{(2)}_{10}$ | $a^{(1)}_1\, \delta^{(2)}_0$ | ${{ worked.dW2[1]|num }}$ |
    | $b^{(2)}_0$ | $\delta^{(2)}_0$ | ${{ worked.db2|num }}$ |

    One layer back, the error signal flows through each weight $W^{(2)}_{j0}$
    and each hidden sigmoid, whose slope is
    $\sigma'(z^{(1)}_j) = a^{(1)}_j\, (1 - a^{(1)}_j)$:

    $$\delta^{(1)}_j = \delta^{(2)}_0\, W^{(2)}_{j0}\, \sigma'\big(z^{(1)}_j\big)$$

    With $\delta^{(2)}_0 = {{ worked.delta2|num }}$:

    | hidden unit $j$ | $W^{(2)}_{j0}$ | $\sigma'(z^{(1)}_j)$ | $\delta^{(1)}_j$ |
    | --- | --- | --- | --- |
    | 0 | ${{ worked.W2[0][0]|num }}$ | ${{ worked.slope_hidden[0]|num }}$ | ${{ worked.delta1[0]|num }}$ |
    | 1 | ${{ worked.W2[1][0]|num }}$ | ${{ worked.slope_hidden[1]|num }}$ | ${{ worked.delta1[1]|num }}$ |

    Both inputs are 1, so each hidden weight's gradient equals its unit's
    error signal, $\partial L / \partial W^{(1)}_{ij} = x_i\, \delta^{(1)}_j = \delta^{(1)}_j$,
    and so does each hidden bias's, $\partial L / \partial b^{(1)}_j = \delta^{(1)}_j$.
    [A worked example](../worked-example.md) lists all nine gradients and
    checks them by nudging.

    @gradable
    Scenario: Backward propagation finds every error signal and every gradient of the worked example
      The scenario's 16-digit values were computed from this section's
      formulas with Python's `math` module, not by the package; the package
      must reproduce them to within $10^{-9}$.

      Given the guide's 2-2-1 network with seed 0
      And the parameters:
        | parameter | value |
        | W1[0,0]   | 0.75  |
        | W1[1,0]   | -0.25 |
        | b1[0]     | 0     |
        | W1[0,1]   | 0.5   |
        | W1[1,1]   | 1.5   |
        | b1[1]     | -1    |
        | W2[0,0]   | 1     |
        | W2[1,0]   | -2    |
        | b2[0]     | 0.5   |
      And the input [1, 1] with target [0]
      And the loss is mse
      When I run backward propagation
      Then the error signal of unit 0 of layer 2 is 0.20206220446563447 within 1e-9
      And the error signal of unit 0 of layer 1 is 0.0474853681450617 within 1e-9
      And the error signal of unit 1 of layer 1 is -0.07945568131004796 within 1e-9
      And the gradients are, within 1e-9:
        | parameter | gradient             |
        | W1[0,0]   | 0.0474853681450617   |
        | W1[1,0]   | 0.0474853681450617   |
        | b1[0]     | 0.0474853681450617   |
        | W1[0,1]   | -0.07945568131004796 |
        | W1[1,1]   | -0.07945568131004796 |
        | b1[1]     | -0.07945568131004796 |
        | W2[0,0]   | 0.12577550465285123  |
        | W2[1,0]   | 0.14771930799149216  |
        | b2[0]     | 0.20206220446563447  |

  Rule: The worked example as a graph
    The same computation can be drawn as a **computational graph**: one box
    per number, one arrow per "is used to compute". Each box shows its value
    from the forward pass (black) and the gradient of the loss with respect to
    it (red). Each arrow carries, backwards, what its head sends to its tail:
    the head's gradient times the **local derivative** of the head with
    respect to the tail.

    Figure: computational-graph.svg

    Follow one gradient from the loss back to the weight $W^{(1)}_{00}$, the
    highlighted path. Each step back multiplies by one local derivative:

    | step back | local derivative | value |
    | --- | --- | --- |
    | $L \leftarrow \hat y$ | $\partial L / \partial \hat y = 2\,(\hat y - y)$ | ${{ worked.dL_dy_hat|num }}$ |
    | $\hat y \leftarrow z^{(2)}_0$ | $\sigma'(z^{(2)}_0) = \hat y\,(1 - \hat y)$ | ${{ worked.slope_out|num }}$ |
    | $z^{(2)}_0 \leftarrow a^{(1)}_0$ | $W^{(2)}_{00}$ | ${{ worked.W2[0][0]|num }}$ |
    | $a^{(1)}_0 \leftarrow z^{(1)}_0$ | $\sigma'(z^{(1)}_0) = a^{(1)}_0\,(1 - a^{(1)}_0)$ | ${{ worked.slope_hidden[0]|num }}$ |
    | $z^{(1)}_0 \leftarrow W^{(1)}_{00}$ | $x_0$ | ${{ worked.x[0]|num }}$ |

    Their product is $\partial L / \partial W^{(1)}_{00} = {{ worked.dW1[0][0]|num }}$.
    The first four factors multiply to $\delta^{(1)}_0 = {{ worked.delta1[0]|num }}$,
    and the other two parameters feeding $z^{(1)}_0$ share them. The backward
    pass computes $\delta^{(1)}_0$ once and reuses it for all three.

    Scenario: Every value and every gradient on the graph, worked out by hand
      The stated values were computed from the formulas of this chapter with
      Python's `math` module, not by the package. The gradients of the
      parameters are those of the scenario above. Every arrow out of a box
      that feeds only one other carries that box's gradient; the last step
      checks this for every box, and the next section states the arrows out
      of the inputs, which fork.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      Then the graph's values and gradients are, within 1e-12:
        | node  | value               | gradient              |
        | x[0]  | 1                   | -0.004113814546227709 |
        | x[1]  | 1                   | -0.13105486400133737  |
        | z1[0] | 0.5                 | 0.0474853681450617    |
        | z1[1] | 1                   | -0.07945568131004796  |
        | a1[0] | 0.6224593312018546  | 0.20206220446563447   |
        | a1[1] | 0.7310585786300049  | -0.40412440893126894  |
        | z2[0] | -0.3396578260581552 | 0.20206220446563447   |
        | a2[0] | 0.41589259759975533 | 0.8317851951995107    |
        | L     | 0.17296665273827203 | 1                     |
      And every node's gradient is the sum of what its arrows send back, within 1e-15

  Rule: Gradients add where paths fork
    In the graph, the input $x_0$ feeds both hidden units. A nudge of $x_0$
    reaches the loss along two paths, one through each hidden unit, and the
    two effects add up. So the gradient of a value that feeds several others
    is the **sum** of what comes back along each of its arrows:

    $$
    \begin{aligned}
    \frac{\partial L}{\partial x_0}
      &= \delta^{(1)}_0\, W^{(1)}_{00} + \delta^{(1)}_1\, W^{(1)}_{01} \\
      &= {{ graph.edge("x[0]", "z1[0]").gradient|num }} + ({{ graph.edge("x[0]", "z1[1]").gradient|num }}) \\
      &= {{ graph.nodes["x[0]"].gradient|num }}
    \end{aligned}
    $$

    In general, the chain rule says: **multiply** the local derivatives along
    each path from a value to the loss, and **add** over all the paths. The
    recursion for $\delta$ is this rule, organised so that no path is walked
    twice. The number of paths multiplies with every layer: one input of a
    3-4-4-2 network reaches the loss along $4 \cdot 4 \cdot 2 = 32$ paths, and
    a deep, wide network has more than any computer could list. Yet each
    $\delta^{(l)}_j$ already holds the sum over every path from unit $j$ to the
    loss, so the layer below only has to add up what its arrows bring back
    from layer $l$. [Why backprop](06-why-backprop.md) counts what that saves.

    Training never needs $\partial L / \partial x$, but it shows the sum at
    the start of the network. The same happens inside: in a 2-2-2 network
    each hidden unit feeds both outputs.

    Scenario: An input of the worked example feeds both hidden units: its gradient is the sum of two paths
      The two path values are $\delta^{(1)}_j\, W^{(1)}_{0j}$, worked out by
      hand (with Python's `math` module) from the error signals of the
      section above; nudging $x_0$ itself (central difference,
      $\varepsilon = 10^{-5}$) involves no chain rule at all.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      Then x[0] feeds 2 nodes, which send back these gradients, within 1e-15:
        | to    | gradient             |
        | z1[0] | 0.03561402610879627  |
        | z1[1] | -0.03972784065502398 |
      And the gradient of x[0] is their sum, -0.004113814546227709, within 1e-15
      And nudging unit 0 of layer 0 directly gives the same gradient, within 1e-9

    Scenario Outline: Every path to the loss, listed one by one, sums to the gradient of the backward pass
      The paths are listed by the package's `paths_to_loss`, which multiplies
      weights, slopes and the loss's own derivative along each path and does
      not use the backward pass. The bound $10^{-12}$ is relative: the sums
      are taken in a different order, so only rounding may differ. The
      gradient of the backward pass is itself checked by nudging in the next
      section.

      Given a <sizes> network with <hidden> hidden layers, <output> output and Glorot weights, seed 0
      And 3 random inputs with one-hot targets, seed 0
      And the loss is <loss>
      Then unit <unit> of layer <layer> reaches the loss along <paths> paths, and their products sum to its gradient from the backward pass, within 1e-12

      Examples:
        | sizes        | hidden  | output  | loss                      | layer | unit | paths |
        | [2, 2, 2]    | sigmoid | sigmoid | mse                       | 1     | 0    | 2     |
        | [2, 2, 2]    | tanh    | softmax | categorical_cross_entropy | 1     | 1    | 2     |
        | [3, 4, 4, 2] | tanh    | softmax | categorical_cross_entropy | 0     | 2    | 32    |
        | [3, 4, 4, 2] | relu    | sigmoid | binary_cross_entropy      | 1     | 3    | 8     |

  Rule: Why the equations hold
    Here is the whole derivation, in matrix form, as the package computes it.
    A batch has $N$ rows; layer $l$ has $n_l$ units. So $a^{(l)}$, $z^{(l)}$
    and $\delta^{(l)} = \partial L / \partial z^{(l)}$ are $N \times n_l$,
    and $W^{(l)}$ is $n_{l-1} \times n_l$. Each step uses one fact: a
    quantity that affects the loss through several others gets the sum of
    the chain rule along each.

    **1. The output error.** The loss depends on $z^{(L)}$ only through
    $\hat y = f(z^{(L)})$, row by row. For an activation applied entry by
    entry, each $z^{(L)}_{nk}$ affects only $\hat y_{nk}$, so

    $$\delta^{(L)} = \frac{\partial L}{\partial \hat y} \odot f'\big(z^{(L)}\big)$$

    where $\odot$ multiplies entry by entry. What $\partial L / \partial \hat y$
    is depends on the loss:

    | loss and output | $\partial L / \partial \hat y$ | $\delta^{(L)}$ |
    | --- | --- | --- |
    | mean squared error, any $f$ | $\frac{2}{N}(\hat y - y)$ | $\frac{2}{N}(\hat y - y) \odot f'(z^{(L)})$ |
    | binary cross-entropy, sigmoid | $\frac{1}{N}\frac{\hat y - y}{\hat y (1 - \hat y)}$ | $\frac{1}{N}(\hat y - y)$ |
    | categorical cross-entropy, softmax | $-\frac{1}{N}\frac{y}{\hat y}$ | $\frac{1}{N}(\hat y - y)$ |

    The sigmoid's slope $\hat y (1 - \hat y)$ cancels the denominator of
    binary cross-entropy. The softmax is not entry by entry: every
    $z^{(L)}_{j}$ moves every $\hat y_k$, with
    $\partial \hat y_k / \partial z_j = \hat y_k ([j = k] - \hat y_j)$.
    Summing over $k$, for one row,

    $$
    \begin{aligned}
    \delta_j &= \sum_k -\frac{y_k}{N \hat y_k}\, \hat y_k \big([j = k] - \hat y_j\big) \\
      &= \frac{1}{N}\Big(\hat y_j \sum_k y_k - y_j\Big) = \frac{\hat y_j - y_j}{N}
    \end{aligned}
    $$

    because a one-hot row sums to 1. For sigmoid, tanh and identity outputs,
    $f'$ is $\hat y (1 - \hat y)$, $1 - \hat y^2$ and 1.

    **2. The recursion.** Unit $i$ of layer $l$ feeds every unit $j$ of layer
    $l + 1$, through $z^{(l+1)}_{nj} = \sum_i a^{(l)}_{ni} W^{(l+1)}_{ij} + b^{(l+1)}_j$.
    So its activation's gradient adds the paths through each $j$:

    $$\frac{\partial L}{\partial a^{(l)}_{ni}} = \sum_j \delta^{(l+1)}_{nj}\, W^{(l+1)}_{ij}$$

    which is one matrix product, $\delta^{(l+1)} W^{(l+1)\top}$: an
    $N \times n_{l+1}$ matrix times an $n_{l+1} \times n_l$ one gives
    $N \times n_l$, the shape of $a^{(l)}$. Then $a^{(l)} = f(z^{(l)})$
    entry by entry multiplies by the slope:

    $$\delta^{(l)} = \big(\delta^{(l+1)}\, W^{(l+1)\top}\big) \odot f'\big(z^{(l)}\big)$$

    **3. The weights.** The weight $W^{(l)}_{ij}$ appears in $z^{(l)}_{nj}$ of
    every row $n$, multiplied by $a^{(l-1)}_{ni}$. Adding over the rows:

    $$\frac{\partial L}{\partial W^{(l)}_{ij}} = \sum_n a^{(l-1)}_{ni}\, \delta^{(l)}_{nj}$$

    that is, $\partial L / \partial W^{(l)} = a^{(l-1)\top} \delta^{(l)}$:
    $n_{l-1} \times N$ times $N \times n_l$, the shape of $W^{(l)}$.

    **4. The biases.** The bias $b^{(l)}_j$ enters $z^{(l)}_{nj}$ of every
    row with slope 1, so $\partial L / \partial b^{(l)}_j = \sum_n \delta^{(l)}_{nj}$:
    the sum of the rows of $\delta^{(l)}$.

    The scenarios check each equation without the backward pass. They nudge
    every entry of $z^{(l)}$ directly to find $\delta^{(l)}$, and compare it
    with equations 1 and 2. Then they build $a^{(l-1)\top}\delta^{(l)}$ and
    the row sums from that nudged $\delta$, and compare them with the
    gradients found by nudging each parameter (equations 3 and 4).

    Scenario: Each equation holds on the worked example
      Both sides come from nudging with the central difference at
      $\varepsilon = 10^{-5}$, which has a small error of its own: over this
      scenario and the next, measured on 2026-11-29, at most
      $3.5 \times 10^{-9}$ relative. The bound is $10^{-7}$, as for the
      gradient checks below; a wrong slope gives $5 \times 10^{-2}$ or more.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      When I run backward propagation
      Then every layer's error signal equals dL/dz found by nudging z directly, within 1e-7
      And a^T delta and the sum of delta's rows, with delta found by nudging z, equal dL/dW and dL/db found by nudging each parameter, within 1e-7

    Scenario Outline: Each equation holds on a random 3-4-4-2 network, for every loss
      Five random rows with one-hot targets (valid targets for every loss),
      Glorot weights and normal biases; the bound is explained above.

      Given a [3, 4, 4, 2] network with <hidden> hidden layers, <output> output and Glorot weights, seed 1
      And 5 random inputs with one-hot targets, seed 1
      And the loss is <loss>
      When I run backward propagation
      Then every layer's error signal equals dL/dz found by nudging z directly, within 1e-7
      And a^T delta and the sum of delta's rows, with delta found by nudging z, equal dL/dW and dL/db found by nudging each parameter, within 1e-7

      Examples:
        | hidden  | output   | loss                      |
        | sigmoid | sigmoid  | mse                       |
        | tanh    | identity | mse                       |
        | relu    | tanh     | mse                       |
        | tanh    | sigmoid  | binary_cross_entropy      |
        | relu    | softmax  | categorical_cross_entropy |

  Rule: A shortcut for cross-entropy
    **Binary cross-entropy** is another loss for outputs between 0 and 1:

    $$L = -\frac1N \sum \big[\,y \log \hat y + (1 - y) \log (1 - \hat y)\,\big]$$

    With a sigmoid output, the sigmoid's slope cancels the denominator of the
    loss's slope:

    $$
    \begin{aligned}
    \frac{\partial L}{\partial \hat y} &= \frac1N\, \frac{\hat y - y}{\hat y\, (1 - \hat y)} \\
    \delta^{(L)} &= \frac{\partial L}{\partial \hat y}\; \hat y\, (1 - \hat y) = \frac{\hat y - y}{N}
    \end{aligned}
    $$

    In the worked example that makes
    $\delta^{(2)}_0 = \hat y - y = {{ worked.delta2_bce|num }}$, and every
    other number follows from the same formulas as before. The package takes
    this shortcut (`fused=True`). It also takes it for a softmax output with
    categorical cross-entropy, where the same cancellation happens. The
    scenarios compare the shortcut with the long way round (`fused=False`).

    Scenario: With binary cross-entropy, the worked example's output error signal is y_hat - y
      Given the guide's 2-2-1 network with seed 0
      And the parameters:
        | parameter | value |
        | W1[0,0]   | 0.75  |
        | W1[1,0]   | -0.25 |
        | b1[0]     | 0     |
        | W1[0,1]   | 0.5   |
        | W1[1,1]   | 1.5   |
        | b1[1]     | -1    |
        | W2[0,0]   | 1     |
        | W2[1,0]   | -2    |
        | b2[0]     | 0.5   |
      And the input [1, 1] with target [0]
      And the loss is binary_cross_entropy
      When I run backward propagation
      Then the error signal of unit 0 of layer 2 is 0.41589259759975533 within 1e-9
      And the error signal of unit 0 of layer 1 is 0.09773630431310644 within 1e-9
      And the error signal of unit 1 of layer 1 is -0.16353889526981913 within 1e-9
      And the gradients are, within 1e-9:
        | parameter | gradient             |
        | W1[0,0]   | 0.09773630431310644  |
        | W1[1,1]   | -0.16353889526981913 |
        | W2[0,0]   | 0.2588762281537457   |
        | W2[1,0]   | 0.3040418512640177   |
        | b2[0]     | 0.41589259759975533  |

    Scenario Outline: The shortcut equals the long way round, and (y_hat - y) / N
      The two ways differ only by rounding, so they are compared to
      $10^{-15}$: the error signals are about 0.1, whose last bit is worth
      about $10^{-17}$.

      Given a <sizes> network with <hidden> hidden layers, <output> output and Glorot weights, seed 0
      And 4 random inputs with <targets> targets, seed 0
      And the loss is <loss>
      When I run backward propagation with and without the output shortcut
      Then the output error signal with the shortcut is (y_hat - y) / N within 0
      And the output error signals with and without the shortcut agree within 1e-15

      Examples:
        | sizes        | hidden  | output  | targets | loss                      |
        | [2, 2, 1]    | sigmoid | sigmoid | uniform | binary_cross_entropy      |
        | [2, 8, 8, 1] | relu    | sigmoid | uniform | binary_cross_entropy      |
        | [3, 4, 4, 2] | tanh    | softmax | one-hot | categorical_cross_entropy |

    Scenario: The shortcut on the guide's network and the XOR data
      Compared to $10^{-15}$, as above.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      And the loss is binary_cross_entropy
      When I run backward propagation with and without the output shortcut
      Then the output error signal with the shortcut is (y_hat - y) / N within 0
      And the output error signals with and without the shortcut agree within 1e-15

  Rule: Checking the chain rule against nudging
    A **gradient check** compares the chain-rule gradient $a$ with the central
    difference $n$ of [Nudging with epsilon](02-nudging-with-epsilon.md), at
    $\varepsilon = 10^{-5}$, near its best. It uses the same relative error,
    $\lVert a - n \rVert / (\lVert a \rVert + \lVert n \rVert)$. If the chain
    rule is right, the two differ only by the nudging's own small error; a
    wrong slope anywhere shows up as a large one. In
    [Nudge it yourself](../nudge-it-yourself.md) you can break the sigmoid's
    slope and watch the check fail.

    The scenarios run the check for every hidden activation (sigmoid, tanh,
    relu, identity) with every output and loss that go together, on four
    architectures, from 2-2-1 to 2-8-8-1.

    Two precautions keep the check about backprop and not about something
    else. Relu has a kink at 0, where it has no slope, and a nudge across the
    kink spoils the difference quotient; random inputs and biases keep every
    $z$ away from it. And the weights are drawn with the **Glorot** (Xavier)
    initialisation, which keeps the weighted sums of order one.

    Scenario Outline: Backprop agrees with nudging, any hidden activation: sigmoid output, mean squared error
      Each row draws 5 random inputs (standard normal) with random targets
      (uniform in $[0, 1]$, or one-hot for softmax) and Glorot uniform
      weights; the biases are standard normal. The bound is
      $10^{-7}$: over seeds 0 to 9 and all the combinations of this section
      the largest error measured was $6.3 \times 10^{-10}$, while a wrong slope
      gives $5 \times 10^{-2}$ or more (measured on the same architectures by
      writing the sigmoid's slope as $\sigma$ instead of
      $\sigma (1 - \sigma)$, or tanh's as $1 - \tanh$ instead of
      $1 - \tanh^2$).

      Given a <sizes> network with <hidden> hidden layers, sigmoid output and Glorot weights, seed <seed>
      And 5 random inputs with uniform targets, seed <seed>
      And the loss is mse
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

      Examples:
        | sizes        | hidden   | seed |
        | [2, 2, 1]    | sigmoid  | 0    |
        | [2, 2, 1]    | tanh     | 1    |
        | [2, 2, 1]    | relu     | 2    |
        | [2, 2, 1]    | identity | 3    |
        | [2, 3, 1]    | sigmoid  | 0    |
        | [2, 3, 1]    | tanh     | 1    |
        | [2, 3, 1]    | relu     | 2    |
        | [2, 3, 1]    | identity | 3    |
        | [3, 4, 4, 2] | sigmoid  | 0    |
        | [3, 4, 4, 2] | tanh     | 1    |
        | [3, 4, 4, 2] | relu     | 2    |
        | [3, 4, 4, 2] | identity | 3    |
        | [2, 8, 8, 1] | sigmoid  | 0    |
        | [2, 8, 8, 1] | tanh     | 1    |
        | [2, 8, 8, 1] | relu     | 2    |
        | [2, 8, 8, 1] | identity | 3    |

    Scenario Outline: Backprop agrees with nudging, any hidden activation: identity output, mean squared error
      Inputs, targets, weights and bound as in the first outline of this
      section.

      Given a <sizes> network with <hidden> hidden layers, identity output and Glorot weights, seed <seed>
      And 5 random inputs with uniform targets, seed <seed>
      And the loss is mse
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

      Examples:
        | sizes        | hidden   | seed |
        | [2, 2, 1]    | sigmoid  | 4    |
        | [2, 2, 1]    | tanh     | 5    |
        | [2, 2, 1]    | relu     | 6    |
        | [2, 2, 1]    | identity | 7    |
        | [2, 3, 1]    | sigmoid  | 4    |
        | [2, 3, 1]    | tanh     | 5    |
        | [2, 3, 1]    | relu     | 6    |
        | [2, 3, 1]    | identity | 7    |
        | [3, 4, 4, 2] | sigmoid  | 4    |
        | [3, 4, 4, 2] | tanh     | 5    |
        | [3, 4, 4, 2] | relu     | 6    |
        | [3, 4, 4, 2] | identity | 7    |
        | [2, 8, 8, 1] | sigmoid  | 4    |
        | [2, 8, 8, 1] | tanh     | 5    |
        | [2, 8, 8, 1] | relu     | 6    |
        | [2, 8, 8, 1] | identity | 7    |

    Scenario Outline: Backprop agrees with nudging, any hidden activation: tanh output, mean squared error
      Inputs, targets, weights and bound as in the first outline of this
      section.

      Given a <sizes> network with <hidden> hidden layers, tanh output and Glorot weights, seed <seed>
      And 5 random inputs with uniform targets, seed <seed>
      And the loss is mse
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

      Examples:
        | sizes        | hidden   | seed |
        | [2, 2, 1]    | sigmoid  | 8    |
        | [2, 2, 1]    | tanh     | 9    |
        | [2, 2, 1]    | relu     | 0    |
        | [2, 2, 1]    | identity | 1    |
        | [2, 3, 1]    | sigmoid  | 8    |
        | [2, 3, 1]    | tanh     | 9    |
        | [2, 3, 1]    | relu     | 0    |
        | [2, 3, 1]    | identity | 1    |
        | [3, 4, 4, 2] | sigmoid  | 8    |
        | [3, 4, 4, 2] | tanh     | 9    |
        | [3, 4, 4, 2] | relu     | 0    |
        | [3, 4, 4, 2] | identity | 1    |
        | [2, 8, 8, 1] | sigmoid  | 8    |
        | [2, 8, 8, 1] | tanh     | 9    |
        | [2, 8, 8, 1] | relu     | 0    |
        | [2, 8, 8, 1] | identity | 1    |

    Scenario Outline: Backprop agrees with nudging, any hidden activation: sigmoid output, binary cross-entropy
      Inputs, targets, weights and bound as in the first outline of this
      section.

      Given a <sizes> network with <hidden> hidden layers, sigmoid output and Glorot weights, seed <seed>
      And 5 random inputs with uniform targets, seed <seed>
      And the loss is binary_cross_entropy
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

      Examples:
        | sizes        | hidden   | seed |
        | [2, 2, 1]    | sigmoid  | 2    |
        | [2, 2, 1]    | tanh     | 3    |
        | [2, 2, 1]    | relu     | 4    |
        | [2, 2, 1]    | identity | 5    |
        | [2, 3, 1]    | sigmoid  | 2    |
        | [2, 3, 1]    | tanh     | 3    |
        | [2, 3, 1]    | relu     | 4    |
        | [2, 3, 1]    | identity | 5    |
        | [3, 4, 4, 2] | sigmoid  | 2    |
        | [3, 4, 4, 2] | tanh     | 3    |
        | [3, 4, 4, 2] | relu     | 4    |
        | [3, 4, 4, 2] | identity | 5    |
        | [2, 8, 8, 1] | sigmoid  | 2    |
        | [2, 8, 8, 1] | tanh     | 3    |
        | [2, 8, 8, 1] | relu     | 4    |
        | [2, 8, 8, 1] | identity | 5    |

    Scenario Outline: Backprop agrees with nudging, any hidden activation: softmax output, categorical cross-entropy
      Inputs, one-hot targets, weights and bound as in the first outline of
      this section.

      Given a <sizes> network with <hidden> hidden layers, softmax output and Glorot weights, seed <seed>
      And 5 random inputs with one-hot targets, seed <seed>
      And the loss is categorical_cross_entropy
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

      Examples:
        | sizes        | hidden   | seed |
        | [3, 4, 4, 2] | sigmoid  | 6    |
        | [3, 4, 4, 2] | tanh     | 7    |
        | [3, 4, 4, 2] | relu     | 8    |
        | [3, 4, 4, 2] | identity | 9    |

  Rule: A check can fail for the wrong reason
    With the guide's own initialisation, standard-normal weights, a gradient
    check can fail although the chain rule is exact. In a 2-8-8-1 network
    with a tanh output, the output's weighted sum grows large and the tanh
    **saturates**: it sits near $\pm 1$, where its slope is nearly 0. The
    gradient then becomes tiny, and the round-off of the nudged losses (about
    $u\,|L| / \varepsilon$, previous chapter) is no longer small against it.
    The check reports an error far above $10^{-7}$. The same network with
    Glorot weights passes.

    Scenario: A gradient check can fail for the wrong reason: a saturated output
      On the five inputs of seed 0 the output's weighted sum $|z|$ lies
      between 7 and 14, and the norm of the gradient shrinks to a few
      millionths of the loss. The bounds lie a factor 10 either side of a
      measurement with this package on seed 0 on 2026-11-28; the value
      measured by the last run is shown on the evidence line.

      Given a [2, 8, 8, 1] network with relu hidden layers and a tanh output, seed 0
      And 5 random inputs with uniform targets, seed 0
      And the loss is mse
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is between 1e-6 and 1e-4

    Scenario: The same network with Glorot weights passes the check
      Given a [2, 8, 8, 1] network with relu hidden layers, tanh output and Glorot weights, seed 0
      And 5 random inputs with uniform targets, seed 0
      And the loss is mse
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

  Rule: What the chain rule costs
    One forward pass (to know every $z$ and $a$) and one backward pass give
    all $P$ gradients, whatever the number of parameters or the size of the
    batch. Per layer, the backward pass costs two matrix products: one for the
    gradient of the layer's weights, and one to pass the error signal back to
    the layer below (the first layer needs only the first). The forward pass
    costs one matrix product of the same size per layer. So a backward pass
    costs about twice a forward pass, where nudging needs $P + 1$ forward
    passes. [Notation](../notation.md#the-chain-rule-in-matrix-form) writes
    the two products out.

    Scenario Outline: Backprop costs one forward and one backward pass, whatever the size
      The counts are exact: the package counts its passes.

      Given a <sizes> network with seed 0
      And <N> random inputs with uniform targets, seed 0
      Then the number of parameters is exactly <P>
      When I count the passes spent on the chain-rule gradient
      Then the count is 1 forward and 1 backward passes

      Examples:
        | sizes             | P     | N   |
        | [2, 2, 1]         | 9     | 1   |
        | [2, 2, 1]         | 9     | 100 |
        | [3, 4, 4, 2]      | 46    | 5   |
        | [2, 8, 8, 1]      | 105   | 5   |
        | [64, 64, 64, 10]  | 8970  | 100 |

  Rule: Exercises
    Try each one with pencil and paper before you open its answer. Every
    answer is stated in a scenario, worked out by hand, and checked against
    the package in every run; the answer shows the value the last run
    computed.

    @exercise @gradable
    Scenario: The gradient of a bias, from its error signal
      In the worked example, $\delta^{(1)}_1 \approx -0.07946$. What is
      $\partial L / \partial b^{(1)}_1$?

      Answer: The same number. The bias enters $z^{(1)}_1$ with slope 1, so
      $\partial L / \partial b^{(1)}_1 = \delta^{(1)}_1 \approx -0.07946$
      (summed over the rows of a batch; here there is one).

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      When I run backward propagation
      Then the gradients are, within 1e-12:
        | parameter | gradient             |
        | b1[1]     | -0.07945568131004796 |

    @exercise @gradable
    Scenario: The sign of a gradient, before any arithmetic
      In the worked example the prediction $\hat y \approx 0.416$ is above
      the target 0. Is $\partial L / \partial W^{(2)}_{10}$ positive or
      negative? Will a step of gradient descent raise or lower that weight?

      Answer: Positive. $\delta^{(2)}_0 = 2(\hat y - y)\,\hat y (1 - \hat y)$
      is positive because $\hat y > y$, and the gradient is
      $a^{(1)}_1\, \delta^{(2)}_0$ with $a^{(1)}_1 > 0$ (a sigmoid is always
      positive). So a step lowers $W^{(2)}_{10}$.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      When I run backward propagation
      Then the gradient dL/dW2[1,0] is above 0

    @exercise
    Scenario: The gradient of the second input, over both paths
      In the worked example, compute $\partial L / \partial x_1$ from
      $\delta^{(1)} \approx (0.04749, -0.07946)$ and the weights out of $x_1$.

      Answer: $x_1$ feeds both hidden units, so add both paths:
      $\delta^{(1)}_0 W^{(1)}_{10} + \delta^{(1)}_1 W^{(1)}_{11} =
      0.04749 \cdot (-0.25) + (-0.07946) \cdot 1.5 \approx -0.01187 - 0.11918 = -0.13105$.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      Then x[1] feeds 2 nodes, which send back these gradients, within 1e-15:
        | to    | gradient             |
        | z1[0] | -0.011871342036265425 |
        | z1[1] | -0.11918352196507194 |
      And the gradient of x[1] is their sum, -0.13105486400133737, within 1e-15
