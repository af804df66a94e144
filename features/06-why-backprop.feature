@learn
Feature: Why backprop
  Nudging (the guide's "simpler view") and the chain rule (its "more in depth
  view") give the same gradient. What differs is the price. This chapter
  counts it, and then looks at a cost that the chain rule has in deep
  networks.

  Rule: Nudging pays one forward pass per parameter
    Write $P$ for the number of parameters. To nudge, you run the network once
    more for every parameter. A forward difference needs the loss once as it
    is, then once per nudged parameter: $P + 1$ forward passes. A central
    difference nudges each parameter both ways: $2P$ forward passes.

    Backprop needs one forward pass and one backward pass, whatever $P$. The
    backward pass reuses each layer's error signal $\delta^{(l)}$ for the layer
    below it. Per layer it makes two matrix products: one for the weight
    gradient, $\partial L / \partial W^{(l)} = a^{(l-1)\top} \delta^{(l)}$, and
    one to pass the error back, $\delta^{(l)} W^{(l)\top}$. The forward pass
    makes one product per layer, $a^{(l-1)} W^{(l)}$, of the same size. So a
    backward pass costs at most about two forward passes.

    Scenario: For the guide's network nudging costs P + 1 = 10 forward passes, backprop one of each
      The passes are counted exactly, by the package's `count_passes`;
      nothing is timed.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I count the passes spent on a forward-difference gradient
      Then the count is 10 forward and 0 backward passes
      When I count the passes spent on the chain-rule gradient
      Then the count is 1 forward and 1 backward passes

  Rule: The price of nudging grows with the network
    How big is $P$? A network with layer sizes $[n, n, 1]$ has, in layer 1, an
    $n \times n$ weight matrix and $n$ biases, and in layer 2 an $n \times 1$
    weight matrix and one bias:

    $$\begin{aligned} P &= (n^2 + n) + (n + 1) \\ &= n^2 + 2n + 1 = (n + 1)^2 \end{aligned}$$

    So the guide's 2-2-1 network has $P = 9$, and nudging costs 10 forward
    passes against backprop's one forward and one backward. At $n = 64$,
    $P = 65^2 = 4225$: nudging costs 4226 forward passes, backprop still two
    passes.

    A wider network also makes each pass dearer, for nudging and backprop
    alike, because its matrix products are larger. But nudging needs $P + 1$
    of them, and $P$ grows with the square of the width. The figure shows the
    passes counted and the time `make bench` measured (its caption says when
    and where): for the network with {{ cost.parameters|plain }} parameters,
    one gradient by nudging took about {{ cost.speedup_rounded|plain }} times
    as long as by backprop.

    Figure: gradient-cost.svg

    Scenario Outline: Nudging costs grow with the number of parameters, backprop's do not
      The Examples table writes out $P$, $P + 1$ and $2P$ for each $n$ from
      the formula above; the scenario checks them against the package's count
      of parameters and of passes.

      Given a [<n>, <n>, 1] network with seed 0
      And 4 random inputs with uniform targets, seed 0
      Then the number of parameters is exactly <P>
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

  Rule: Forwards or backwards: why reverse mode is cheap
    Nudging is not the only way to go forwards. **Forward-mode
    differentiation** carries, beside every value of the forward pass, its
    exact derivative with respect to one chosen parameter $\theta$, written
    with a dot:

    $$
    \begin{aligned}
    \dot z^{(l)} &= \dot a^{(l-1)} W^{(l)} + a^{(l-1)} \dot W^{(l)} + \dot b^{(l)} \\
    \dot a^{(l)} &= f'\big(z^{(l)}\big) \odot \dot z^{(l)}
    \end{aligned}
    \tag{6.1}
    $$

    where $\dot W$ and $\dot b$ are 1 at $\theta$ and 0 elsewhere, and
    $\dot a^{(0)} = 0$. At the end, $\dot L = \partial L / \partial \theta$
    exactly: no $\varepsilon$, no truncation error. But one pass gives the
    derivative along one parameter only, so all $P$ of them still take $P$
    passes. Exactness is not what makes backprop cheap. The package's forward
    mode carries the tangents (6.1) layer by layer, one parameter per pass:

    Code: backprop/forward_mode.py:directional_derivative, backprop/forward_mode.py:forward_mode_gradient

    What does is the direction. A forward pass answers "how does *every*
    value depend on *one* input?"; a backward pass answers "how does *one*
    output depend on *every* value?". A network's gradient has $P$ inputs
    (the parameters) and one output (the loss), so going backwards is the
    right way round. In the language of [The chain rule](03-the-chain-rule.md#gradients-add-where-paths-fork),
    the sum over paths from each parameter to the loss shares its tail
    with the sums of every other parameter of the same unit, and of every
    unit below. Reverse mode computes each shared tail once, as $\delta$,
    and hands it down. Forward mode, like nudging, walks the network again
    for every parameter.

    The counts above are exact. The time follows them: the figure of the
    previous section measures nudging at about
    {{ cost.speedup_rounded|plain }} times the cost of backprop for
    {{ cost.parameters|plain }} parameters, and forward mode, also one pass
    per parameter, pays the same order of price.

    Scenario Outline: Forward mode is exact but costs P passes; reverse mode costs two
      The counts are exact; the two exact methods differ only by rounding,
      so their relative difference is bounded by $10^{-14}$.

      Given a <sizes> network with seed 0
      And 5 random inputs with uniform targets, seed 0
      And the loss is mse
      Then the number of parameters is exactly <P>
      When I count the passes spent on a forward-mode gradient
      Then the count is <P> forward and 0 backward passes
      And the forward-mode gradient equals the chain-rule gradient within 1e-14
      When I count the passes spent on the chain-rule gradient
      Then the count is 1 forward and 1 backward passes

      Examples:
        | sizes        | P   |
        | [2, 2, 1]    | 9   |
        | [3, 4, 4, 2] | 46  |
        | [2, 8, 8, 1] | 105 |

  Rule: In a deep network the error signal fades
    The chain rule has a cost of its own in deep networks. Going back one
    layer multiplies the error signal by the layer's weights and by the slope
    of its activation:

    $$\begin{aligned} \delta^{(l-1)} &= \bigl(\delta^{(l)} \, W^{(l)\top}\bigr) \odot \sigma'\bigl(z^{(l-1)}\bigr) \\ \sigma'(z) &= \sigma(z)\,\bigl(1 - \sigma(z)\bigr) \le \tfrac{1}{4} \end{aligned}$$

    With Glorot weights (drawn uniformly, with variance
    $\frac{2}{n_{in} + n_{out}} = \frac{1}{8}$ for layers of 8 units) the
    product with $W^{(l)\top}$ keeps the signal's size about the same. So each
    sigmoid layer shrinks it by a factor of 4 or more, and the weight gradient
    $\partial L / \partial W^{(l)} = a^{(l-1)\top} \delta^{(l)}$ shrinks with
    it: the first layers of a deep sigmoid network barely learn. This is the
    **vanishing gradient**. Standard-normal weights (the guide's) make the
    signal about $\sqrt{8} \approx 2.8$ times larger per layer, which partly
    undoes the $\frac{1}{4}$, and the shrinking is milder.

    The scenarios take a sigmoid network with six hidden layers of 8 units,
    $[2, 8, 8, 8, 8, 8, 8, 1]$, on the XOR data, and compare the first
    layer's weight gradient with the last layer's.

    Scenario Outline: In a deep sigmoid network the gradient shrinks layer by layer
      The bounds, at least 1,000 times with Glorot weights and at least 10
      times with standard-normal weights, and every layer's gradient smaller
      than the next one's, were set from a measurement with this package on
      2026-11-28 on seeds 0 to 19, below the smallest ratio any of those seeds
      gave.

      Given a [2, 8, 8, 8, 8, 8, 8, 1] network with <weights> initialisation, seed 0
      And the XOR data set
      When I run backward propagation
      Then the weight gradient's norm shrinks from each layer to the layer before it
      And the ratio of the weight gradient norms of layers 7 and 1 is at least <factor>

      Examples:
        | weights        | factor |
        | glorot_uniform | 1000   |
        | normal         | 10     |

  Rule: Exercises
    Try each one with pencil and paper before you open its answer. Every
    answer is stated in a scenario, worked out by hand, and checked against
    the package in every run; the answer shows the value the last run
    computed.

    @exercise
    Scenario: The price of nudging a bigger network
      How many parameters does a network with layer sizes $[64, 64, 64, 10]$
      have, and how many forward passes does a forward-difference gradient
      of it cost?

      Answer: $(64 \cdot 64 + 64) + (64 \cdot 64 + 64) + (64 \cdot 10 + 10)
      = 4160 + 4160 + 650 = 8970$ parameters, so $8971$ forward passes.
      Backprop still needs one forward and one backward pass.

      Given a [64, 64, 64, 10] network with seed 0
      And 2 random inputs with uniform targets, seed 0
      Then the number of parameters is exactly 8970
      When I count the passes spent on a forward-difference gradient
      Then the count is 8971 forward and 0 backward passes

    @exercise
    Scenario: Forward mode on the guide's network
      Forward-mode differentiation is exact. How many passes does it need for
      every gradient of the 2-2-1 network?

      Answer: $P = 9$, one forward pass per parameter, each carrying the
      derivative along that one parameter. Exact or not, going forwards costs
      a pass per parameter.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      And the loss is mse
      When I count the passes spent on a forward-mode gradient
      Then the count is 9 forward and 0 backward passes
      And the forward-mode gradient equals the chain-rule gradient within 1e-15
