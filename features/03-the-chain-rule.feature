@learn
Feature: The chain rule
  The guide's "more in-depth view" of backward propagation: compute the error
  at the output, then pass it backwards through the network, layer by layer,
  and read every gradient off along the way. Where nudging needs one extra
  forward pass per parameter, this needs one backward pass in all. The tool is
  the chain rule of calculus: if $L$ depends on $z$ and $z$ on $w$, then
  $\dfrac{\partial L}{\partial w} = \dfrac{\partial L}{\partial z} \cdot \dfrac{\partial z}{\partial w}$.

  **Error signals.** Call $\delta^{(l)}_j = \partial L / \partial z^{(l)}_j$ the
  error signal of unit $j$ in layer $l$: how much the loss would change per
  unit change of that unit's weighted input. Once it is known, the gradients
  of the unit's own weights and bias follow at once, because
  $z^{(l)}_j = \sum_i a^{(l-1)}_i \, W^{(l)}[i,j] + b^{(l)}[j]$:

  $$\frac{\partial L}{\partial W^{(l)}[i,j]} = a^{(l-1)}_i \, \delta^{(l)}_j, \qquad \frac{\partial L}{\partial b^{(l)}[j]} = \delta^{(l)}_j.$$

  And the error signal of a layer comes from the one above it, by the chain
  rule through the weights and the activation's slope:

  $$\delta^{(l-1)}_i = \Big(\sum_j W^{(l)}[i,j] \, \delta^{(l)}_j\Big) \, f'\big(z^{(l-1)}_i\big), \qquad \sigma'(z) = \sigma(z)\,\big(1 - \sigma(z)\big).$$

  At the output, with the mean squared error $L = \frac1N \sum (\hat y - y)^2$
  (no $\tfrac12$), $\partial L / \partial \hat y = \frac{2}{N} (\hat y - y)$, so
  $\delta^{(L)} = \frac{2}{N} (\hat y - y) \, \sigma'(z^{(L)})$. Over a batch of
  $N$ rows the gradient sums the rows' contributions (each already carries
  its $\frac1N$).

  **The worked example, backwards.** Take the network, input $x = (1, 1)$ and
  target $y = 0$ of the first chapter, where we found
  $a^{(1)} = (0.6224593312,\ 0.7310585786)$ and $\hat y = 0.4158925976$. With
  $N = 1$:

  $$\frac{\partial L}{\partial \hat y} = 2 \cdot (0.4158925976 - 0) = 0.8317851952, \qquad \sigma'(z^{(2)}) = 0.4158925976 \cdot (1 - 0.4158925976) = 0.2429259449,$$

  $$\delta^{(2)}_0 = 0.8317851952 \cdot 0.2429259449 = 0.2020622045.$$

  The output layer's gradients multiply it by the hidden activations:

  $$\frac{\partial L}{\partial W2[0,0]} = 0.6224593312 \cdot 0.2020622045 = 0.1257755047, \qquad \frac{\partial L}{\partial W2[1,0]} = 0.7310585786 \cdot 0.2020622045 = 0.1477193080, \qquad \frac{\partial L}{\partial b2[0]} = 0.2020622045.$$

  Backwards through `W2` and the hidden sigmoids, with
  $\sigma'(0.5) = 0.6224593312 \cdot 0.3775406688 = 0.2350037122$ and
  $\sigma'(1) = 0.7310585786 \cdot 0.2689414214 = 0.1966119332$:

  $$\delta^{(1)}_0 = 0.2020622045 \cdot 1 \cdot 0.2350037122 = 0.0474853681, \qquad \delta^{(1)}_1 = 0.2020622045 \cdot (-2) \cdot 0.1966119332 = -0.0794556813.$$

  Both inputs are 1, so each hidden weight's gradient equals its unit's error
  signal: $\partial L / \partial W1[i,j] = x_i \, \delta^{(1)}_j = \delta^{(1)}_j$,
  and $\partial L / \partial b1[j] = \delta^{(1)}_j$. The first scenario checks
  all of it to $10^{-9}$; its 16-digit values were computed from these formulas
  with Python's `math` module, not by the package.

  **A shortcut for cross-entropy.** With binary cross-entropy,
  $L = -\frac1N \sum [\,y \log \hat y + (1 - y) \log (1 - \hat y)\,]$, and a
  sigmoid output, the sigmoid's slope cancels the loss's denominator:

  $$\frac{\partial L}{\partial \hat y} = \frac1N \, \frac{\hat y - y}{\hat y (1 - \hat y)}, \qquad \delta^{(L)} = \frac{\partial L}{\partial \hat y} \cdot \hat y (1 - \hat y) = \frac{\hat y - y}{N}.$$

  In the worked example that makes $\delta^{(2)}_0 = 0.4158925976 - 0$, and
  every other number follows with the same formulas as before. The package
  takes the shortcut (`fused=True`, also for softmax with categorical
  cross-entropy, where the same cancellation happens); a scenario compares it
  with the long way round (`fused=False`) and with $(\hat y - y)/N$ directly. The
  two ways differ only by rounding, so they are compared to $10^{-15}$ (the
  error signals are about 0.1, whose last bit is worth about $10^{-17}$).

  **Checking the chain rule against nudging.** A gradient check compares the
  chain-rule gradient $a$ with the central difference $n$ of the previous
  chapter ($\varepsilon = 10^{-5}$, its best) through the overall relative error
  $\lVert a - n \rVert / (\lVert a \rVert + \lVert n \rVert)$. The outlines below run it for every hidden
  activation (sigmoid, tanh, relu, identity) with every valid output and loss
  (sigmoid, identity or tanh with the mean squared error; sigmoid with binary
  cross-entropy; softmax with categorical cross-entropy where there are
  several outputs) on four architectures, 2-2-1, 2-3-1, 3-4-4-2 and 2-8-8-1,
  each on 5 random inputs (standard normal) with random targets (uniform in
  $[0, 1]$, or one-hot for softmax). The bound is $10^{-7}$: over seeds 0 to 9
  and all these combinations the largest error measured was
  $6.3 \times 10^{-10}$, while a wrong slope gives $5 \times 10^{-2}$ or more
  (measured on the same architectures by writing the sigmoid's slope as
  $\sigma$ instead of $\sigma (1 - \sigma)$, or tanh's as $1 - \tanh$ instead
  of $1 - \tanh^2$).

  Two precautions keep the check about backprop and not about something else.
  Relu has a kink at 0 where it has no slope, and a nudge that crosses it
  (a $z$ within $\varepsilon = 10^{-5}$ of 0) would spoil the difference
  quotient; biases drawn from a normal distribution and random inputs keep
  every $z$ away from it. And the weights are drawn with the Glorot/Xavier
  uniform initialisation, which keeps weighted inputs of order one. With the
  guide's standard-normal weights, a 2-8-8-1 network's tanh output saturates
  ($|z|$ between 7 and 14 on the five inputs), the norm of its gradient
  shrinks to a few millionths of its loss, and the round-off of the nudged
  losses (about $u |L| / \varepsilon$, previous chapter) is then no longer
  small against it: the check reports an error far above $10^{-7}$ although the
  chain rule is exact (the scenario's bounds lie a factor 10 either side of a
  measurement with this package on seed 0 on 2026-11-28; the value measured by
  the last run is shown under it). The last two scenarios show that case, and the same network with
  Glorot weights passing.

  **What it costs.** One forward pass (to know every $z$ and $a$) and one
  backward pass give all $P$ gradients, whatever the number of parameters or
  the size of the batch: the counts are exact, the package counts its passes.

  Scenario: The worked example: every error signal and every gradient
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

  Scenario: The worked example with binary cross-entropy: the output error signal is y_hat - y
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

  Scenario Outline: The output error signal shortcut equals the long way round and (y_hat - y) / N
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
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    And the loss is binary_cross_entropy
    When I run backward propagation with and without the output shortcut
    Then the output error signal with the shortcut is (y_hat - y) / N within 0
    And the output error signals with and without the shortcut agree within 1e-15

  Scenario Outline: Backprop agrees with nudging, any hidden activation: sigmoid output, mean squared error
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

  Scenario Outline: Backprop costs one forward and one backward pass, whatever the size
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

  Scenario: A gradient check can fail for the wrong reason: a saturated output
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
