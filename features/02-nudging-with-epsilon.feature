@learn
Feature: Nudging with epsilon
  The guide's "simpler view" of backward propagation: to learn how the loss
  depends on one parameter, hold every other parameter still, nudge that one
  by a small $\varepsilon$ and watch the loss move. The slope of the loss with
  respect to the parameter, its **gradient** $\partial L / \partial \theta$, is
  then about the change in the loss divided by $\varepsilon$. Doing this for
  each of the $P$ parameters in turn gives the whole gradient without any
  calculus. This chapter checks that idea, measures how good the estimate
  is for every $\varepsilon$ from $10^{-1}$ to $10^{-12}$, and counts what it
  costs. The gradients it is compared against come from the chain rule
  (`backward_prop`, the next chapter), on the guide's 2-2-1 network with
  seed 0 and the four rows of XOR, with the mean squared error.

  **Why it works, and how well.** Taylor's theorem says that for a small nudge

  $$L(\theta + \varepsilon) = L(\theta) + \varepsilon \, L'(\theta) + \tfrac12 \varepsilon^2 L''(\theta) + \tfrac16 \varepsilon^3 L'''(\theta) + \dots$$

  So the change in the loss is $\varepsilon \, L'(\theta)$ plus a remainder of
  about $\tfrac12 \varepsilon^2 L''$: with $\varepsilon = 10^{-4}$ the
  approximation "change = gradient $\times\ \varepsilon$" is off by a fraction
  $|L''| \varepsilon / (2 |L'|)$ of the change. The first scenarios check it to
  within 0.5%, a bound set from a measurement over the nine parameters of the
  seed-0 network with this package on 2026-11-28 with a margin of more than ten;
  the gap measured by the last run for each parameter is shown under the scenario.

  The guide's estimate, the **forward difference**, divides by $\varepsilon$:

  $$\frac{L(\theta + \varepsilon) - L(\theta)}{\varepsilon} = L'(\theta) + \tfrac12 \varepsilon L''(\theta) + \dots \qquad \text{(error proportional to } \varepsilon).$$

  Nudging both ways, the **central difference**, cancels the $\varepsilon^2$
  terms:

  $$\frac{L(\theta + \varepsilon) - L(\theta - \varepsilon)}{2 \varepsilon} = L'(\theta) + \tfrac16 \varepsilon^2 L'''(\theta) + \dots \qquad \text{(error proportional to } \varepsilon^2).$$

  **Round-off takes over.** A float64 loss carries a relative rounding error
  of about $u = 1.1 \times 10^{-16}$, so the difference of two losses is
  uncertain by about $u |L|$, and dividing by $\varepsilon$ magnifies that to
  $u |L| / \varepsilon$: it *grows* as $\varepsilon$ shrinks. The total error of
  the forward difference is about $\tfrac12 |L''| \varepsilon + u |L| / \varepsilon$,
  smallest near $\varepsilon \approx \sqrt{u} \approx 10^{-8}$; the central
  difference's $\tfrac16 |L'''| \varepsilon^2 + u |L| / \varepsilon$ is smallest
  near $\varepsilon \approx \sqrt[3]{u} \approx 10^{-5}$ (for losses and
  derivatives of order one).

  **How the error is measured.** For the whole gradient at once: the overall
  relative error $\lVert a - n \rVert / (\lVert a \rVert + \lVert n \rVert)$ between the chain-rule gradient
  $a$ and the nudged estimate $n$ (0 is perfect agreement, 1 total
  disagreement). The outline below states, for each $\varepsilon$, bounds
  chosen from a measurement on the guide's network with seed 0: where the
  truncation error rules (it follows from the mathematics and comes out the
  same on every machine) the bounds lie a factor of about 10 either side of
  the measurement; where round-off rules (it depends on the order in which a
  machine adds numbers) they lie a factor 100 below and 10 above. At
  $\varepsilon = 10^{-1}$ the upper bound of the forward difference is 0.5
  rather than a vacuous factor 10 above the measurement. The error measured by
  the last run is shown in each row: the forward errors fall tenfold per decade
  down to $\varepsilon = 10^{-7}$, then rise again; the central errors fall a
  hundredfold per decade down to $10^{-5}$, then rise along the same round-off
  line.

  The observed **order of accuracy**, the slope of $\log(\text{error})$ against
  $\log \varepsilon$, makes the same point in one number per method: 1 for the
  forward difference, 2 for the central one, and $-1$ (a tenfold smaller
  $\varepsilon$, a tenfold larger error) once round-off rules. The scenarios
  assert ranges around these slopes that the theory above predicts (forward,
  $\varepsilon$ from $10^{-1}$ to $10^{-6}$; central, $10^{-1}$ to $10^{-4}$;
  both, $10^{-8}$ to $10^{-12}$), and a best $\varepsilon$ near
  $\sqrt{u}$ (forward) and $\sqrt[3]{u}$ (central); the ranges were checked
  against a measurement with this package on seeds 0 to 9 on 2026-11-28. The
  slopes and best $\varepsilon$ measured by the last run are shown under each
  scenario and row.

  **The guide's two epsilons.** The guide's text nudges by 0.0001; its code
  sets `epsilon = 0.00001`. Both sit in the range where the forward
  difference's error is proportional to $\varepsilon$, so the code's choice is
  ten times more accurate (the scenario allows 8 to 12 times and shows the ratio
  measured by the last run), and both are accurate enough to train with
  (relative error below $10^{-3}$).
  The package's default is the code's $10^{-5}$.

  **What it costs.** The forward difference needs the loss once as it is and
  once per nudged parameter: $P + 1$ forward passes. The central difference
  needs two per parameter: $2P$. Neither runs a backward pass. The counts are
  exact, not timed: the package counts its passes.

  **Nothing is left nudged.** After every nudge the parameter is put back by
  restoring its saved value, bit for bit. Subtracting $\varepsilon$ again would
  not do: $(\theta + \varepsilon) - \varepsilon$ is rounded twice and need not
  equal $\theta$ (for example $(0.1 + 0.2) - 0.2 = 0.10000000000000003$).

  Scenario: Nudging one parameter changes the loss by about gradient times epsilon
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

  Scenario Outline: The error of each estimate for epsilon from 1e-1 to 1e-12
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

  Scenario: The forward difference: error proportional to epsilon, best near the square root of the rounding error
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the forward difference
    Then the observed order of accuracy from epsilon 1e-1 to 1e-6 is between 0.9 and 1.1
    And the best epsilon of the sweep lies between 1e-9 and 1e-6
    And the observed order of accuracy from epsilon 1e-8 to 1e-12 is between -1.3 and -0.7

  Scenario: The central difference: error proportional to epsilon squared, best near the cube root of the rounding error
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the central difference
    Then the observed order of accuracy from epsilon 1e-1 to 1e-4 is between 1.9 and 2.1
    And the best epsilon of the sweep lies between 1e-6 and 1e-4
    And the observed order of accuracy from epsilon 1e-8 to 1e-12 is between -1.3 and -0.7

  Scenario Outline: The same orders and best epsilons on other seeds
    Given the guide's 2-2-1 network with seed <seed>
    And the XOR data set
    When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the <method> difference
    Then the observed order of accuracy from epsilon 1e-1 to <small> is between <low> and <high>
    And the best epsilon of the sweep lies between <from> and <to>
    And the observed order of accuracy from epsilon 1e-8 to 1e-12 is between -1.3 and -0.7

    Examples:
      | seed | method  | small | low | high | from | to   |
      | 1    | forward | 1e-6  | 0.9 | 1.1  | 1e-9 | 1e-6 |
      | 2    | forward | 1e-6  | 0.9 | 1.1  | 1e-9 | 1e-6 |
      | 3    | forward | 1e-6  | 0.9 | 1.1  | 1e-9 | 1e-6 |
      | 1    | central | 1e-4  | 1.9 | 2.1  | 1e-6 | 1e-4 |
      | 2    | central | 1e-4  | 1.9 | 2.1  | 1e-6 | 1e-4 |
      | 3    | central | 1e-4  | 1.9 | 2.1  | 1e-6 | 1e-4 |

  Scenario: The guide's two epsilons: the code's 0.00001 is ten times as accurate as the text's 0.0001
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I check the gradient with the forward difference and epsilon 0.0001
    Then the overall relative error is at most 1e-3
    When I check the gradient with the forward difference and epsilon 0.00001
    Then the overall relative error is at most 1e-4
    And the forward-difference error at epsilon 0.0001 is between 8 and 12 times the error at epsilon 0.00001

  Scenario Outline: A forward-difference gradient costs P + 1 forward passes, a central one 2P
    Given a <sizes> network with seed 0
    And 5 random inputs with uniform targets, seed 0
    Then the network has <P> parameters
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

  Scenario: Every parameter is restored bit for bit after nudging
    Given a [2, 8, 8, 1] network with seed 1
    And the XOR data set
    When I compute the forward-difference gradient with epsilon 0.1
    Then every parameter is bit-for-bit what it was before
    When I compute the central-difference gradient with epsilon 0.1
    Then every parameter is bit-for-bit what it was before
    And restoring by subtracting 0.1 instead would have changed at least one parameter
