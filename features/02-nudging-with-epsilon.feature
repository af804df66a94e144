@learn
Feature: Nudging with epsilon
  The guide's "simpler view" of backward propagation. To learn how the loss
  depends on one parameter $\theta$, hold every other parameter still, nudge
  $\theta$ by a small amount $\varepsilon$ (epsilon) and watch the loss move.
  The slope of the loss with respect to $\theta$ is its **gradient**,
  $\partial L / \partial \theta$: about the change in the loss divided by
  $\varepsilon$. Doing this for each of the $P$ parameters in turn gives the
  whole gradient, without any calculus.

  This chapter checks that idea, measures how good the estimate is, and counts
  what it costs. The exact gradients it compares against come from the chain
  rule of the next chapter. Unless a scenario says otherwise, the network is
  the guide's 2-2-1 network with seed 0, the data the four rows of XOR, and
  the loss the mean squared error.

  Rule: A nudge changes the loss by about gradient times epsilon
    Taylor's theorem says how a smooth function changes under a small nudge.
    Write $L(\theta)$ for the loss as a function of one parameter, and $L'$,
    $L''$, $L'''$ for its first three derivatives with respect to that
    parameter. Then

    $$
    \begin{aligned}
    L(\theta + \varepsilon) = L(\theta) &+ \varepsilon\, L'(\theta) \\
    &+ \tfrac12 \varepsilon^2 L''(\theta) \\
    &+ \tfrac16 \varepsilon^3 L'''(\theta) + \dots
    \end{aligned}
    $$

    So the change in the loss is the gradient times $\varepsilon$,
    $\varepsilon\, L'(\theta)$, plus a remainder of about
    $\tfrac12 \varepsilon^2 L''$. As a fraction of the change, the remainder is
    $|L''|\, \varepsilon / (2 |L'|)$: the smaller the nudge, the better the
    approximation.

    @gradable
    Scenario: Nudging one parameter changes the loss by about gradient times epsilon
      The bound of 0.5% was set from a measurement over the nine parameters
      of the seed-0 network with this package on 2026-11-28, with a margin of
      more than ten. The gap measured by the last run for each parameter is
      shown on the evidence line.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I nudge W1[0,0] by 0.0001 and measure the change in the loss
      Then the change in the loss is dL/dW1[0,0] times 0.0001 to within 0.5%
      When I nudge W1[1,1] by 0.0001 and measure the change in the loss
      Then the change in the loss is dL/dW1[1,1] times 0.0001 to within 0.5%
      When I nudge b1[1] by 0.0001 and measure the change in the loss
      Then the change in the loss is dL/db1[1] times 0.0001 to within 0.5%
      When I nudge W2[1,0] by 0.0001 and measure the change in the loss
      Then the change in the loss is dL/dW2[1,0] times 0.0001 to within 0.5%
      When I nudge b2[0] by 0.0001 and measure the change in the loss
      Then the change in the loss is dL/db2[0] times 0.0001 to within 0.5%

  Rule: The forward and the central difference
    The guide's estimate of the gradient divides the change in the loss by
    $\varepsilon$. It is called the **forward difference**. By the expansion
    above, it is off by a term proportional to $\varepsilon$:

    $$
    \begin{aligned}
    &\frac{L(\theta + \varepsilon) - L(\theta)}{\varepsilon} \\
    &\quad = L'(\theta) + \tfrac12 \varepsilon\, L''(\theta) + \dots
    \end{aligned}
    \tag{2.1}
    $$

    The guide's "simpler view" in code: nudge each parameter in turn, measure
    the loss, put the parameter back. One forward pass for the loss as it is,
    then one per parameter. The package does the same, forwards or both ways,
    for a whole stack of networks at once:

    Code: guide_program.py:numerical_gradient, backprop/numerical.py:estimate_gradient

    A ten times smaller nudge gives a ten times smaller error. Nudging both
    ways, the **central difference**, cancels the $\varepsilon^2$ terms of the
    expansion. Its error is proportional to $\varepsilon^2$, so a ten times
    smaller nudge gives a hundred times smaller error:

    $$
    \begin{aligned}
    &\frac{L(\theta + \varepsilon) - L(\theta - \varepsilon)}{2 \varepsilon} \\
    &\quad = L'(\theta) + \tfrac16 \varepsilon^2 L'''(\theta) + \dots
    \end{aligned}
    \tag{2.2}
    $$

    To compare a whole estimated gradient $n$ with the exact one $a$, the
    scenarios use the **relative error**

    $$\frac{\lVert a - n \rVert}{\lVert a \rVert + \lVert n \rVert}$$

    where $\lVert a \rVert$ is the length of $a$, seen as a vector of all $P$
    gradients. It is 0 for perfect agreement and 1 for total disagreement.

    Scenario Outline: The error of each estimate, for epsilon from 1e-1 to 1e-12
      For each $\varepsilon$ the outline states bounds chosen from a
      measurement on the guide's network with seed 0. Where the truncation
      error rules (it follows from the mathematics and comes out the same on
      every machine), the bounds lie a factor of about 10 either side of the
      measurement. Where round-off rules (it depends on the order in which a
      machine adds numbers), they lie a factor 100 below and 10 above. At
      $\varepsilon = 10^{-1}$ the upper bound of the forward difference is 0.5
      rather than a vacuous factor 10 above the measurement. The error
      measured by the last run is shown in each row.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I check the gradient with the <method> difference and epsilon <epsilon>
      Then the overall relative error is between <at least> and <at most>

      Examples: the forward difference: error proportional to epsilon, then round-off
        | method  | epsilon | at least | at most |
        | forward | 1e-1    | 0.02     | 0.5     |
        | forward | 1e-2    | 1e-3     | 0.1     |
        | forward | 1e-3    | 1e-4     | 1e-2    |
        | forward | 1e-4    | 1e-5     | 1e-3    |
        | forward | 1e-5    | 1e-6     | 1e-4    |
        | forward | 1e-6    | 1e-7     | 1e-5    |
        | forward | 1e-7    | 1e-9     | 2e-6    |
        | forward | 1e-8    | 3e-9     | 3e-6    |
        | forward | 1e-9    | 2e-8     | 2e-5    |
        | forward | 1e-10   | 1e-7     | 2e-4    |
        | forward | 1e-11   | 2e-6     | 2e-3    |
        | forward | 1e-12   | 2e-5     | 2e-2    |

      Examples: the central difference: error proportional to epsilon squared, then round-off
        | method  | epsilon | at least | at most |
        | central | 1e-1    | 1e-4     | 1e-2    |
        | central | 1e-2    | 1e-6     | 1e-4    |
        | central | 1e-3    | 1e-8     | 1e-6    |
        | central | 1e-4    | 1e-10    | 1e-8    |
        | central | 1e-5    | 1e-12    | 2e-9    |
        | central | 1e-6    | 1e-11    | 2e-8    |
        | central | 1e-7    | 1e-10    | 1e-7    |
        | central | 1e-8    | 1e-9     | 2e-6    |
        | central | 1e-9    | 1e-8     | 2e-5    |
        | central | 1e-10   | 1e-7     | 2e-4    |
        | central | 1e-11   | 1e-6     | 2e-3    |
        | central | 1e-12   | 1e-5     | 2e-2    |

  Rule: Too small a nudge: round-off takes over
    Smaller is not always better. A float64 number carries a relative
    rounding error of up to $u = 2^{-53} \approx 1.1 \times 10^{-16}$. So the
    difference of two nearly equal losses is uncertain by about $u\,|L|$, and
    dividing by $\varepsilon$ magnifies that to $u\,|L| / \varepsilon$. This
    **round-off error** *grows* as $\varepsilon$ shrinks.

    The forward difference's total error is about

    $$\tfrac12 |L''|\, \varepsilon + \frac{u\,|L|}{\varepsilon}$$

    which is smallest near $\varepsilon \approx \sqrt{u} \approx 10^{-8}$. The
    central difference's total error is about

    $$\tfrac16 |L'''|\, \varepsilon^2 + \frac{u\,|L|}{\varepsilon}$$

    which is smallest near $\varepsilon \approx \sqrt[3]{u} \approx 10^{-5}$
    (for losses and derivatives of order one). The figure shows both: as
    $\varepsilon$ shrinks the errors fall, the central one faster, until
    round-off takes over and they rise again along the same line.
    [Nudge it yourself](../nudge-it-yourself.md) lets you find the same V by
    hand, stepping $\varepsilon$ down on the worked example.

    Figure: epsilon-error.svg

    The **order of accuracy** sums up each method in one number: the slope of
    $\log(\text{error})$ against $\log \varepsilon$. It is 1 for the forward
    difference, 2 for the central one, and $-1$ once round-off rules (a ten
    times smaller $\varepsilon$, a ten times larger error).

    Scenario: The forward difference: error proportional to epsilon, best near the square root of the rounding error
      The scenario asserts ranges around the slopes the theory predicts:
      order 1 for $\varepsilon$ from $10^{-1}$ to $10^{-6}$, order $-1$ from
      $10^{-8}$ to $10^{-12}$, and a best $\varepsilon$ near
      $\sqrt{u} \approx 10^{-8}$. The ranges were checked against a
      measurement with this package on seeds 0 to 9 on 2026-11-28. The slopes
      and the best $\varepsilon$ measured by the last run are shown on the
      evidence line.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the forward difference
      Then the observed order of accuracy from epsilon 1e-1 to 1e-6 is between 0.9 and 1.1
      And the best epsilon of the sweep is between 1e-9 and 1e-6
      And the observed order of accuracy from epsilon 1e-8 to 1e-12 is between -1.3 and -0.7

    Scenario: The central difference: error proportional to epsilon squared, best near the cube root of the rounding error
      The scenario asserts ranges around the slopes the theory predicts:
      order 2 for $\varepsilon$ from $10^{-1}$ to $10^{-4}$, order $-1$ from
      $10^{-8}$ to $10^{-12}$, and a best $\varepsilon$ near
      $\sqrt[3]{u} \approx 10^{-5}$. The ranges were checked against a
      measurement with this package on seeds 0 to 9 on 2026-11-28.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the central difference
      Then the observed order of accuracy from epsilon 1e-1 to 1e-4 is between 1.9 and 2.1
      And the best epsilon of the sweep is between 1e-6 and 1e-4
      And the observed order of accuracy from epsilon 1e-8 to 1e-12 is between -1.3 and -0.7

    Scenario Outline: The same orders and best epsilons on other seeds
      The same ranges as the two scenarios above, on three more seeds of the
      guide's network.

      Given the guide's 2-2-1 network with seed <seed>
      And the XOR data set
      When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the <method> difference
      Then the observed order of accuracy from epsilon 1e-1 to <small> is between <low> and <high>
      And the best epsilon of the sweep is between <from> and <to>
      And the observed order of accuracy from epsilon 1e-8 to 1e-12 is between -1.3 and -0.7

      Examples:
        | seed | method  | small | low | high | from | to   |
        | 1    | forward | 1e-6  | 0.9 | 1.1  | 1e-9 | 1e-6 |
        | 2    | forward | 1e-6  | 0.9 | 1.1  | 1e-9 | 1e-6 |
        | 3    | forward | 1e-6  | 0.9 | 1.1  | 1e-9 | 1e-6 |
        | 1    | central | 1e-4  | 1.9 | 2.1  | 1e-6 | 1e-4 |
        | 2    | central | 1e-4  | 1.9 | 2.1  | 1e-6 | 1e-4 |
        | 3    | central | 1e-4  | 1.9 | 2.1  | 1e-6 | 1e-4 |

  Rule: The guide's two epsilons
    The guide's text nudges by 0.0001; its code sets `epsilon = 0.00001`. Both
    sit where the forward difference's error is proportional to
    $\varepsilon$, so the code's choice is about ten times more accurate. Both
    are accurate enough to train with: their relative error is below
    $10^{-3}$. The package's default is the code's $10^{-5}$.

    @gradable
    Scenario: The guide's two epsilons: the code's 0.00001 is ten times as accurate as the text's 0.0001
      Ten times is what the theory predicts; the scenario allows 8 to 12
      times, and shows the ratio measured by the last run.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I check the gradient with the forward difference and epsilon 0.0001
      Then the overall relative error is at most 1e-3
      When I check the gradient with the forward difference and epsilon 0.00001
      Then the overall relative error is at most 1e-4
      And the forward-difference error at epsilon 0.0001 is between 8 and 12 times the error at epsilon 0.00001

  Rule: What nudging costs
    The forward difference needs the loss once as it is, and once per nudged
    parameter: $P + 1$ forward passes. The central difference needs two per
    parameter: $2P$. Neither runs a backward pass. The number of passes grows
    with the number of parameters; with the chain rule of the next chapter it
    does not.

    Scenario Outline: A forward-difference gradient costs P + 1 forward passes, a central one 2P
      The counts are exact, not timed: the package counts its passes.

      Given a <sizes> network with seed 0
      And 5 random inputs with uniform targets, seed 0
      Then the number of parameters is exactly <P>
      When I count the passes spent on a forward-difference gradient
      Then the count is <forward passes> forward and 0 backward passes
      When I count the passes spent on a central-difference gradient
      Then the count is <central passes> forward and 0 backward passes

      Examples:
        | sizes        | P   | forward passes | central passes |
        | [2, 2, 1]    | 9   | 10             | 18             |
        | [2, 3, 1]    | 13  | 14             | 26             |
        | [3, 4, 4, 2] | 46  | 47             | 92             |
        | [2, 8, 8, 1] | 105 | 106            | 210            |

  Rule: Nothing is left nudged
    After every nudge the parameter is put back by restoring its saved value,
    bit for bit. Subtracting $\varepsilon$ again would not do:
    $(\theta + \varepsilon) - \varepsilon$ is rounded twice and need not equal
    $\theta$. In Python, `(0.1 + 0.2) - 0.2` gives `0.10000000000000003`.

    Scenario: Every parameter is restored bit for bit after nudging
      Given a [2, 8, 8, 1] network with seed 1
      And the XOR data set
      When I compute the forward-difference gradient with epsilon 0.1
      Then every parameter is bit-for-bit what it was before
      When I compute the central-difference gradient with epsilon 0.1
      Then every parameter is bit-for-bit what it was before
      And restoring by subtracting 0.1 instead would have changed at least one parameter

  Rule: Exercises
    Try each one with pencil and paper before you open its answer. Every
    answer is stated in a scenario, worked out by hand, and checked against
    the package in every run; the answer shows the value the last run
    computed.

    @exercise @gradable
    Scenario: Nudge the output bias
      In the worked example, $\partial L / \partial b^{(2)}_0 \approx 0.2021$
      (the chain-rule chapter works it out). About how much does the loss
      change when you nudge $b^{(2)}_0$ up by $0.01$?

      Answer: About $0.2021 \times 0.01 \approx 0.00202$: a nudge changes the
      loss by about the gradient times the nudge. The exact change is a
      little larger, because the slope itself changes along the way; the
      difference is of order $\varepsilon^2$.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      When I nudge b2[0] by 0.01 and measure the change in the loss
      Then the change in the loss is 0.0020206 within 1e-5

    @exercise
    Scenario: Which epsilon is better?
      With the central difference, which gives the more accurate gradient:
      $\varepsilon = 10^{-1}$ or $10^{-5}$? And $10^{-5}$ or $10^{-12}$?

      Answer: $10^{-5}$, both times. At $10^{-1}$ the error of the formula
      itself, proportional to $\varepsilon^2$, is large. At $10^{-12}$ the
      two losses agree in almost every digit, so the rounding error of their
      difference, about $u\,|L| / \varepsilon$, swamps the slope.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      And the loss is mse
      Then with the central difference, epsilon 1e-5 gives a smaller error than epsilon 1e-1
      And with the central difference, epsilon 1e-5 gives a smaller error than epsilon 1e-12

    @exercise
    Scenario: The price of one gradient by nudging
      How many forward passes does a forward-difference gradient of the
      2-2-1 network cost?

      Answer: $P + 1 = 10$: one for the loss as it is, and one for each of
      the 9 parameters.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I count the passes spent on a forward-difference gradient
      Then the count is 10 forward and 0 backward passes
