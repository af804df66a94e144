@learn
Feature: Forward propagation
  A network makes a prediction by feeding its input forward, one layer at a
  time. Everything else in this guide (the loss, nudging, the chain rule,
  training) is built on this one pass. This chapter pins it down to the last
  digit, on an example small enough to redo with pencil, paper and a
  calculator.

  Rule: A layer is a weighted sum, then a squash
    The guide's network has 2 inputs, one hidden layer of 2 units and 1
    output unit: its layer sizes are $[2, 2, 1]$, so we call it the **2-2-1
    network**. [Notation](../notation.md) draws it with every weight and bias
    labelled.

    Each layer $l$ takes the activations of the layer below it, $a^{(l-1)}$,
    and does two things. It forms a **weighted sum** plus a **bias**, called
    $z^{(l)}$. Then it squashes that sum with an **activation function** $f$:

    $$
    \begin{aligned}
    z^{(l)} &= a^{(l-1)}\, W^{(l)} + b^{(l)} \\
    a^{(l)} &= f\big(z^{(l)}\big)
    \end{aligned}
    \tag{1.1}
    $$

    The first layer's input is the network's input, $a^{(0)} = x$. The last
    layer's activation is the network's prediction, $\hat y = a^{(2)}$.

    A sample is a row vector. So $W^{(l)}$ has one row per input of the layer
    and one column per unit: $W^{(l)}_{ij}$ is the weight from input $i$ to
    unit $j$, and $b^{(l)}_j$ is the bias of unit $j$. Indices count from 0.
    Written out for hidden unit $j$:

    $$z^{(1)}_j = x_0\, W^{(1)}_{0j} + x_1\, W^{(1)}_{1j} + b^{(1)}_j$$

    The guide's activation function is the **sigmoid**:

    $$\sigma(z) = \frac{1}{1 + e^{-z}} \tag{1.2}$$

    It squashes any number into the interval $(0, 1)$. A large positive sum
    comes out near 1, a large negative one near 0, and a sum of 0 gives
    exactly one half.

    In code, the whole pass is two lines per layer. The guide's program,
    finished (a plain numpy file to download and run), writes the sigmoid so
    that no exponential can overflow, and keeps every $z$ and $a$ for the
    backward pass; each comment names the equation its line computes. The
    package's own code, closed under each listing, does the same for any
    number of layers:

    Code: guide_program.py:sigmoid, backprop/activations.py:sigmoid
    Code: guide_program.py:forward_prop, backprop/forward.py:forward

    The weights and biases are the network's **parameters**. The 2-2-1 network
    has $2 \cdot 2 + 2 \cdot 1 = 6$ weights and $2 + 1 = 3$ biases, so
    $P = 9$ parameters. In the code and in the scenarios each one has a name:
    `W1[i,j]` is $W^{(1)}_{ij}$, `b1[j]` is $b^{(1)}_j$, `W2[j,0]` is
    $W^{(2)}_{j0}$ and `b2[0]` is $b^{(2)}_0$.

    Scenario: The 2-2-1 network has 9 parameters: 6 weights and 3 biases
      Given the guide's 2-2-1 network with seed 0
      Then the number of parameters is exactly 9
      And the network has 6 weights and 3 biases
      And its parameters are named, in order: W1[0,0], W1[0,1], W1[1,0], W1[1,1], b1[0], b1[1], W2[0,0], W2[1,0], b2[0]
      And its layer sizes are [2, 2, 1]

    @gradable
    Scenario: The sigmoid of 0 is exactly one half
      Then the sigmoid of 0 is 0.5 within 0

  Rule: A worked example, by hand
    Take the input $x = ({{ worked.x[0]|num }}, {{ worked.x[1]|num }})$, the
    last row of XOR, whose target is $y = {{ worked.y|num }}$. Give the
    network these parameters (row $l, j$ holds unit $j$ of layer $l$):

    | layer $l$, unit $j$ | $W^{(l)}_{0j}$ | $W^{(l)}_{1j}$ | $b^{(l)}_j$ |
    | --- | --- | --- | --- |
    | hidden: $l = 1$, $j = 0$ | ${{ worked.W1[0][0]|num }}$ | ${{ worked.W1[1][0]|num }}$ | ${{ worked.b1[0]|num }}$ |
    | hidden: $l = 1$, $j = 1$ | ${{ worked.W1[0][1]|num }}$ | ${{ worked.W1[1][1]|num }}$ | ${{ worked.b1[1]|num }}$ |
    | output: $l = 2$, $j = 0$ | ${{ worked.W2[0][0]|num }}$ | ${{ worked.W2[1][0]|num }}$ | ${{ worked.b2[0]|num }}$ |

    They are chosen so that the hidden weighted sums come out round:

    $$
    \begin{aligned}
    z^{(1)}_0 &= 1 \cdot {{ worked.W1[0][0]|num }} + 1 \cdot ({{ worked.W1[1][0]|num }}) + {{ worked.b1[0]|num }} = {{ worked.z1[0]|num }} \\
    z^{(1)}_1 &= 1 \cdot {{ worked.W1[0][1]|num }} + 1 \cdot {{ worked.W1[1][1]|num }} + ({{ worked.b1[1]|num }}) = {{ worked.z1[1]|num }}
    \end{aligned}
    $$

    Each hidden unit's activation is the sigmoid of its sum,
    $a^{(1)}_j = 1 / (1 + e^{-z^{(1)}_j})$:

    | hidden unit $j$ | $z^{(1)}_j$ | $e^{-z^{(1)}_j}$ | $a^{(1)}_j$ |
    | --- | --- | --- | --- |
    | 0 | ${{ worked.z1[0]|num }}$ | ${{ worked.exp_z1[0]|num }}$ | ${{ worked.a1[0]|num }}$ |
    | 1 | ${{ worked.z1[1]|num }}$ | ${{ worked.exp_z1[1]|num }}$ | ${{ worked.a1[1]|num }}$ |

    The output unit repeats the recipe, with the hidden activations as its
    inputs:

    $$
    \begin{aligned}
    z^{(2)}_0 &= a^{(1)}_0\, W^{(2)}_{00} + a^{(1)}_1\, W^{(2)}_{10} + b^{(2)}_0 \\
    &= {{ worked.a1[0]|num }} \cdot {{ worked.W2[0][0]|num }} + {{ worked.a1[1]|num }} \cdot ({{ worked.W2[1][0]|num }}) + {{ worked.b2[0]|num }} \\
    &= {{ worked.z2|num }} \\
    \hat y &= \frac{1}{1 + e^{-z^{(2)}_0}} = \frac{1}{1 + {{ worked.exp_z2|num }}} \\
    &= {{ worked.y_hat|num }}
    \end{aligned}
    $$

    The prediction is ${{ worked.y_hat|num }}$ where the target is
    ${{ worked.y|num }}$. A **loss** measures how far off that is. This project
    uses the **mean squared error**, averaged over the $N$ samples, with **no**
    factor $\tfrac12$:

    $$L = \frac1N \sum_{n=1}^{N} \big(\hat y_n - y_n\big)^2 \tag{1.3}$$

    Code: guide_program.py:compute_loss

    With one sample:

    $$L = (\hat y - y)^2 = {{ worked.y_hat|num }}^2 = {{ worked.loss|num }}$$

    [A worked example](../worked-example.md) repeats this calculation and
    carries on backwards, through every gradient, and
    [Nudge it yourself](../nudge-it-yourself.md) lets you change the
    parameters and watch every value follow.

    @gradable
    Scenario: Forward propagation reproduces every intermediate value of the worked example
      The scenario states these values to 16 significant digits. They were
      computed from the formulas of this section with Python's `math` module,
      independently of the package, and the package must reproduce them to
      within $10^{-9}$.

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
      When I run forward propagation
      Then unit 0 of layer 1 has z = 0.5 and a = 0.6224593312018546 within 1e-9
      And unit 1 of layer 1 has z = 1.0 and a = 0.7310585786300049 within 1e-9
      And unit 0 of layer 2 has z = -0.3396578260581552 and a = 0.41589259759975533 within 1e-9
      And the output is 0.41589259759975533 within 1e-9
      And the mse loss is 0.17296665273827203 within 1e-9

  Rule: The sigmoid at the extremes
    Written naively, $1/(1 + e^{-z})$ breaks down for $z < -709$: there
    $e^{-z}$ is larger than the largest float64 number, about
    $1.8 \times 10^{308}$, and the exponential overflows. The package never
    raises $e$ to a positive power. For $z < 0$ it uses an equal form, the
    first one multiplied above and below by $e^{z}$:

    $$\sigma(z) = \frac{e^{z}}{1 + e^{z}}$$

    So $\sigma(1000)$ and $\sigma(-1000)$ come out as exactly 1 and 0. The true
    values differ from 1 and 0 by less than $e^{-1000} \approx 10^{-434}$, far
    below the smallest float64. And tiny values such as $\sigma(-30)$, about
    $e^{-30}$, keep their full precision.

    Scenario Outline: The sigmoid of known values, and no overflow at the extremes
      Warnings are errors in this test suite, so a single overflow warning
      would fail these rows.

      Then the sigmoid of <z> is <sigmoid> within <tolerance>

      Examples: known values, to the last bit
        | z      | sigmoid            | tolerance |
        | 0.5    | 0.6224593312018546 | 1e-16     |
        | -0.5   | 0.3775406687981454 | 1e-16     |
        | 2      | 0.8807970779778823 | 1e-16     |

      @gradable
      Examples: a tiny value, and the extremes
        | z      | sigmoid            | tolerance |
        | -30    | 9.3576229688393e-14 | 1e-27    |
        | 1000   | 1                  | 0         |
        | -1000  | 0                  | 0         |
        | 1e4    | 1                  | 0         |
        | -1e4   | 0                  | 0         |

  Rule: A batch is just rows
    The four rows of XOR can go through the network one at a time, or all at
    once as one $4 \times 2$ matrix $X$, one sample per row. Both give the same
    four outputs: each row of $X\, W^{(1)}$ only ever sees its own input. That
    is why samples are rows: one matrix product handles a whole batch.

    @gradable
    Scenario: A batch of the four XOR rows gives the same outputs as the rows one at a time
      The matrix product may add its terms in a different order than the
      row-by-row one, so the scenario allows a difference in the last bit
      ($10^{-15}$) rather than demanding that the outputs be bit-identical.

      Given the guide's 2-2-1 network with seed 2
      And the XOR data set
      Then the outputs for the whole batch equal the outputs for its rows one at a time within 1e-15

  Rule: Parameters and hyperparameters
    The guide calls the weights and biases "hyperparameters". That is a
    mix-up. Weights and biases are the network's **parameters**: the numbers
    training learns, and the numbers the gradient is taken with respect to.

    **Hyperparameters** are the choices made before training and never
    learned: the learning rate, epsilon (the size of the nudge in the next
    chapter) and the layer sizes themselves. So the next chapters compute one
    gradient per parameter, and none for a hyperparameter.

    @gradable
    Scenario: Each parameter gets a gradient, and hyperparameters get none
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I run backward propagation
      Then there is one gradient per parameter, under the parameters' names

  Rule: Exercises
    Try each one with pencil and paper before you open its answer. Every
    answer is stated in a scenario, worked out by hand, and checked against
    the package in every run; the answer shows the value the last run
    computed.

    @exercise @gradable
    Scenario: The weighted sum and the activation of hidden unit 1
      In the worked example, with input $x = (1, 1)$, compute $z^{(1)}_1$ and
      $a^{(1)}_1$ by hand. The parameters are in the table above.

      Answer: $z^{(1)}_1 = 1 \cdot 0.5 + 1 \cdot 1.5 + (-1) = 1$, and
      $a^{(1)}_1 = \sigma(1) = 1 / (1 + e^{-1}) \approx 0.731059$.

      Given the worked example's network
      And the input [1, 1] with target [0]
      When I run forward propagation
      Then unit 1 of layer 1 has z = 1 and a = 0.7310585786300049 within 1e-15

    @exercise @gradable
    Scenario: What a network of zeros predicts
      Set every weight and bias of the 2-2-1 network to 0. What does it
      predict for the input $(0.3, -2)$, and what is the loss if the target
      is 1?

      Answer: Every weighted sum is 0, so every activation is
      $\sigma(0) = \tfrac12$, whatever the input: $\hat y = 0.5$. The loss is
      $(0.5 - 1)^2 = 0.25$.

      Given a [2, 2, 1] network with zeros initialisation, seed 0
      And the input [0.3, -2] with target [1]
      When I run forward propagation
      Then the output is 0.5 within 0
      And the mse loss is 0.25 within 0
