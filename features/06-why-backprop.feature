@learn
Feature: Why backprop
  Nudging (the guide's "simpler view") and the chain rule (its "in-depth view")
  give the same gradient. The difference is the price. To nudge, you must run the
  network once more for every parameter: a forward-difference gradient costs
  $P + 1$ forward passes (one for $L(\theta)$, one for each nudged parameter), a
  central difference $2P$. Backprop reuses the error signal of each layer for the
  layer below it and gets all $P$ gradients from one forward pass and one backward
  pass, which is made of the same matrix products as the forward pass, transposed.
  The scenarios count the passes exactly; nothing is timed.

  How big is $P$? A network with layer sizes $[n, n, 1]$ has, in layer 1, an
  $n \times n$ weight matrix and $n$ biases, and in layer 2 an $n \times 1$ weight
  matrix and one bias:

  $$P = (n^2 + n) + (n + 1) = n^2 + 2n + 1 = (n + 1)^2$$

  So the guide's 2-2-1 network has $P = 9$ and nudging costs 10 forward passes
  against backprop's one forward and one backward; at $n = 64$, $P = 4225$ and
  nudging costs 4226. The Examples table below writes out $P$, $P + 1$ and $2P$ for
  each $n$ from this formula.

  The chain rule has a cost of its own in deep networks. Going back one layer
  multiplies the error signal by the layer's weights and by the derivative of its
  activation:

  $$\delta^{[l-1]} = \left(\delta^{[l]} \, W^{[l]\top}\right) \odot \sigma'\!\left(z^{[l-1]}\right), \qquad \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr) \le \tfrac{1}{4}$$

  With Glorot weights (uniform, variance $\frac{2}{n_{in} + n_{out}} = \frac{1}{8}$ for
  8-unit layers) the product with $W^{\top}$ keeps the signal's size about the same,
  so each sigmoid layer shrinks it by a factor of 4 or more, and the gradient
  $\partial L / \partial W^{[l]} = a^{[l-1]\top} \delta^{[l]}$ shrinks with it: the
  first layers of a deep sigmoid network barely learn. This is the *vanishing
  gradient*. Standard-normal weights (the guide's) grow the signal by about
  $\sqrt{8} \approx 2.8$ per layer, which partly undoes the $\frac{1}{4}$, and the
  shrinking is milder.

  The scenarios take a $[2, 8, 8, 8, 8, 8, 8, 1]$ sigmoid network (six hidden
  layers) with seed 0 on the XOR data and compare the last layer's weight
  gradient with the first layer's. The bounds, at least 1,000 times with Glorot
  weights and at least 10 times with standard-normal weights, and every layer's
  gradient smaller than the next one's, were set from a measurement with this
  package on 2026-11-28 on seeds 0 to 19, below the smallest ratio any of those
  seeds gave. The ratio measured by the last run is shown next to each.

  Scenario: For the guide's network nudging costs P + 1 = 10 forward passes, backprop one of each
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I count the passes spent on a forward-difference gradient
    Then the count is 10 forward and 0 backward passes
    When I count the passes spent on the chain-rule gradient
    Then the count is 1 forward and 1 backward passes

  Scenario Outline: Nudging costs grow with the number of parameters, backprop's do not
    Given a [<n>, <n>, 1] network with seed 0
    And 4 random inputs with uniform targets, seed 0
    Then the network has <P> parameters
    When I count the passes spent on a forward-difference gradient
    Then the count is <P + 1> forward and 0 backward passes
    When I count the passes spent on a central-difference gradient
    Then the count is <2P> forward and 0 backward passes
    When I count the passes spent on the chain-rule gradient
    Then the count is 1 forward and 1 backward passes

    Examples:
      | n  | P    | P + 1 | 2P   |
      | 2  | 9    | 10    | 18   |
      | 4  | 25   | 26    | 50   |
      | 8  | 81   | 82    | 162  |
      | 16 | 289  | 290   | 578  |
      | 32 | 1089 | 1090  | 2178 |
      | 64 | 4225 | 4226  | 8450 |

  Scenario Outline: In a deep sigmoid network the gradient shrinks layer by layer
    Given a [2, 8, 8, 8, 8, 8, 8, 1] network with <weights> initialisation, seed 0
    And the XOR data set
    When I run backward propagation
    Then the weight gradient's norm shrinks from each layer to the layer before it
    And the first layer's weight gradient norm is at least <factor> times smaller than the last layer's

    Examples:
      | weights        | factor |
      | glorot_uniform | 1000   |
      | normal         | 10     |
