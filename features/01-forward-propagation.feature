@learn
Feature: Forward propagation
  A network makes a prediction by feeding its input forward, one layer at a
  time. Everything else in this guide (the loss, nudging, the chain rule,
  training) is built on this one pass, so we first pin it down to the last
  digit, on an example small enough to redo with pencil, paper and a
  calculator.

  **The 2-2-1 network.** The guide's network has 2 inputs, one hidden layer of
  2 units and 1 output. Each layer $l$ takes the previous layer's activations
  $a^{(l-1)}$ (the input $x$ for the first layer), forms a weighted sum plus a
  bias, and squashes it with an activation function $f$:

  $$z^{(l)} = a^{(l-1)} W^{(l)} + b^{(l)}, \qquad a^{(l)} = f\big(z^{(l)}\big), \qquad a^{(0)} = x, \qquad \hat y = a^{(2)}.$$

  Samples are rows, so $W^{(l)}$ has one row per input and one column per
  unit: `W1[i,j]` is the weight from input $i$ to hidden unit $j$, `b1[j]` the
  bias of hidden unit $j$ (indices from 0). Written out for hidden unit $j$:
  $z^{(1)}_j = x_0 \, W1[0,j] + x_1 \, W1[1,j] + b1[j]$. The activation is the
  sigmoid, $\sigma(z) = \dfrac{1}{1 + e^{-z}}$, which squashes any number into
  the interval $(0, 1)$.

  **A worked example.** Take the input $x = (1, 1)$ (the last row of XOR,
  whose target is $y = 0$) and the parameters of the first scenario:
  `W1[0,0]` $= 0.75$, `W1[1,0]` $= -0.25$, `b1[0]` $= 0$;
  `W1[0,1]` $= 0.5$, `W1[1,1]` $= 1.5$, `b1[1]` $= -1$;
  `W2[0,0]` $= 1$, `W2[1,0]` $= -2$, `b2[0]` $= 0.5$. The numbers are chosen so
  that the hidden weighted sums come out round:

  $$z^{(1)}_0 = 1 \cdot 0.75 + 1 \cdot (-0.25) + 0 = 0.5, \qquad z^{(1)}_1 = 1 \cdot 0.5 + 1 \cdot 1.5 + (-1) = 1.$$

  With $e^{-0.5} = 0.6065306597$ and $e^{-1} = 0.3678794412$:

  $$a^{(1)}_0 = \sigma(0.5) = \frac{1}{1 + 0.6065306597} = 0.6224593312, \qquad a^{(1)}_1 = \sigma(1) = \frac{1}{1 + 0.3678794412} = 0.7310585786.$$

  The output unit repeats the recipe with the hidden activations as its input:

  $$z^{(2)}_0 = 0.6224593312 \cdot 1 + 0.7310585786 \cdot (-2) + 0.5 = -0.3396578261,$$

  $$\hat y = \sigma(-0.3396578261) = \frac{1}{1 + e^{0.3396578261}} = \frac{1}{1 + 1.4044669363} = 0.4158925976.$$

  The prediction is 0.416 where the target is 0. The mean squared error (this
  project's convention: averaged over the samples, **no** factor $\tfrac12$) is
  $L = (\hat y - y)^2 = 0.4158925976^2 = 0.1729666527$.

  The scenario states these values to 16 significant digits. They were computed
  from the formulas above with Python's `math` module, independently of the
  package, and the package must reproduce them to within $10^{-9}$.

  **The sigmoid at the extremes.** Written naively, $1/(1 + e^{-z})$ overflows
  for $z < -709$, because $e^{710}$ is larger than the largest float64
  ($1.8 \times 10^{308}$). The package never exponentiates a positive number:
  for $z < 0$ it uses the equal form $e^{z}/(1 + e^{z})$. So $\sigma(\pm 1000)$
  and $\sigma(\pm 10^4)$ come out as exactly 1 and 0 (the true values differ
  from 1 and 0 by less than $e^{-1000} \approx 10^{-434}$, far below the
  smallest float64), and tiny values such as $\sigma(-30) = 9.36 \times 10^{-14}$
  keep their full precision. Warnings are errors in this suite, so a single
  overflow warning would fail these scenarios.

  **A batch is just rows.** Feeding the four XOR rows as one $4 \times 2$
  matrix gives the same four outputs as feeding them one at a time: each row
  of $X W^{(1)}$ only ever sees its own input. The matrix product may add
  its terms in a different order, so we allow a difference in the last bit
  ($10^{-15}$) rather than demanding bit-identity.

  **Parameters and hyperparameters.** The guide calls the weights and biases
  "hyperparameters". That is a mix-up: weights and biases are the network's
  **parameters**, the numbers training learns and the gradient is taken
  with respect to. The 2-2-1 network has $2 \cdot 2 + 2 \cdot 1 = 6$ weights and
  $2 + 1 = 3$ biases, $P = 9$ parameters. **Hyperparameters** are the choices
  made before training and never learned: the learning rate, epsilon (the size
  of the nudge in the next chapter) and the layer sizes themselves.

  Scenario: The worked example, every intermediate value
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

  Scenario: The sigmoid of 0 is exactly one half
    Then sigmoid of 0 is 0.5 within 0

  Scenario Outline: The sigmoid of known values, with no overflow at the extremes
    Then sigmoid of <z> is <sigmoid> within <tolerance>

    Examples:
      | z      | sigmoid            | tolerance |
      | 0.5    | 0.6224593312018546 | 1e-16     |
      | -0.5   | 0.3775406687981454 | 1e-16     |
      | 2      | 0.8807970779778823 | 1e-16     |
      | -30    | 9.3576229688393e-14 | 1e-27    |
      | 1000   | 1                  | 0         |
      | -1000  | 0                  | 0         |
      | 1e4    | 1                  | 0         |
      | -1e4   | 0                  | 0         |

  Scenario: A batch of the four XOR rows gives the same outputs as the rows one at a time
    Given the guide's 2-2-1 network with seed 2
    And the XOR data set
    Then the outputs for the whole batch equal the outputs for its rows one at a time within 1e-15

  Scenario: The 2-2-1 network has 9 parameters: 6 weights and 3 biases
    Given the guide's 2-2-1 network with seed 0
    Then the network has 9 parameters
    And the network has 6 weights and 3 biases
    And its parameters are named, in order: W1[0,0], W1[0,1], W1[1,0], W1[1,1], b1[0], b1[1], W2[0,0], W2[1,0], b2[0]
    And its layer sizes are [2, 2, 1]

  Scenario: Each parameter gets a gradient; hyperparameters get none
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I run backward propagation
    Then there is one gradient per parameter, under the parameters' names
