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
    $$

    A layer's error signals come from the layer above it. The activation
    $a^{(l-1)}_i$ feeds every unit $j$ of layer $l$ through the weight
    $W^{(l)}_{ij}$, and the slope $f'$ of the activation function links it
    back to its own weighted sum $z^{(l-1)}_i$:

    $$\delta^{(l-1)}_i = \Big(\sum_j W^{(l)}_{ij}\, \delta^{(l)}_j\Big)\, f'\big(z^{(l-1)}_i\big)$$

    For the sigmoid the slope is $\sigma'(z) = \sigma(z)\,\big(1 - \sigma(z)\big)$.

    The first error signal is the output's. With the mean squared error
    $L = \frac1N \sum (\hat y - y)^2$ (no $\tfrac12$), the loss's slope is
    $\partial L / \partial \hat y = \frac{2}{N} (\hat y - y)$. For a sigmoid
    output unit, in the last layer $L$,

    $$\delta^{(L)} = \frac{2}{N}\, (\hat y - y)\; \sigma'\big(z^{(L)}\big)$$

    Over a batch of $N$ rows, each gradient sums the rows' contributions (each
    already carries its $\frac1N$).

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

    Scenario: The package finds every error signal and every gradient of the worked example
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
      Then unit 0 of layer 2 has error signal 0.20206220446563447 within 1e-9
      And unit 0 of layer 1 has error signal 0.0474853681450617 within 1e-9
      And unit 1 of layer 1 has error signal -0.07945568131004796 within 1e-9
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
      Then unit 0 of layer 2 has error signal 0.41589259759975533 within 1e-9
      And unit 0 of layer 1 has error signal 0.09773630431310644 within 1e-9
      And unit 1 of layer 1 has error signal -0.16353889526981913 within 1e-9
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
    wrong slope anywhere shows up as a large one.

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
      Then the network has <P> parameters
      When I count the passes spent on the chain-rule gradient
      Then the count is 1 forward and 1 backward passes

      Examples:
        | sizes             | P     | N   |
        | [2, 2, 1]         | 9     | 1   |
        | [2, 2, 1]         | 9     | 100 |
        | [3, 4, 4, 2]      | 46    | 5   |
        | [2, 8, 8, 1]      | 105   | 5   |
        | [64, 64, 64, 10]  | 8970  | 100 |
