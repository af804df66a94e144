@learn
Feature: Gradient descent
  The gradient says which way is uphill. Gradient descent steps the other way:
  every parameter $\theta$ (each weight and each bias) moves against its own
  gradient, scaled by the learning rate $\eta$:

  $$\theta \leftarrow \theta - \eta \, \frac{\partial L}{\partial \theta}$$

  That is the guide's `gradient_descent`, and nothing more: one subtraction per
  parameter, which this chapter checks to the last bit.

  Why a small step goes downhill: write $g$ for the whole gradient. For a small
  step the loss is nearly linear, $L(\theta - \eta g) \approx L(\theta) - \eta \lVert g \rVert^2$,
  so the loss falls by about $\eta \lVert g \rVert^2$, which is never negative. The
  approximation ignores the curvature, whose share grows in proportion to $\eta$:
  from the guide's network with seed 0 on XOR the gap between the real fall and
  $\eta \lVert g \rVert^2$ grows about tenfold with each tenfold larger rate. The
  scenario's bounds, 1%, 2% and 15% at $\eta = 0.01$, 0.1 and 1, were set from a
  measurement with this package on 2026-11-28 with a margin above it; the gap
  measured by the last run is shown next to each rate.

  A step too large jumps clean across the valley and lands higher than it started.
  From seed 0 the gradient has length about 0.02, so a rate of 100 is a step of
  length about 2 through the space of the nine parameters, far beyond where the
  linear picture holds. One step from seed 0 lowers the loss at rate 1 and raises
  it at rates 30, 100 and 1000, the rates the scenario names (the rise measured by
  the last run is shown next to each).

  Either gradient can drive the descent: the guide's nudging (its "simpler view")
  or backprop. They agree only up to the nudging's own error. A forward difference
  with $\epsilon = 10^{-5}$ is off by about $\frac{\epsilon}{2} \frac{\partial^2 L}{\partial \theta^2}$,
  a few parts in $10^{7}$ here, and $N$ steps at rate $\eta$ add up at most about
  $N \eta$ times that. After 200 steps at rate 2 the two trainings differ in
  every parameter by far less than the parameters themselves moved; the bound
  $10^{-4}$ was set from a measurement with this package on 2026-11-28, about
  twice the difference measured then. The central difference is off by about
  $\frac{\epsilon^2}{6} \frac{\partial^3 L}{\partial \theta^3}$ plus round-off
  near $10^{-16} / \epsilon$, so about $10^{-11}$ per step; its bound after the
  same 200 steps is $10^{-9}$. The differences and the moves measured by the
  last run are shown next to each method.

  Finally, the start matters. If both hidden units start with the same weights,
  they compute the same value, receive the same error signal and therefore the
  same update, step after step: they stay identical forever, and the network is
  really a network with one hidden unit.

  One hidden unit cannot learn XOR. Its output is a monotone function of one
  weighted sum $t = w_A x_A + w_B x_B$, and $t(1,1) = t(0,1) + t(1,0)$ while
  $t(0,0) = 0$, so the two rows whose answer is 1
  can never both lie beyond the two rows whose answer is 0. The best monotone fit
  gets one row right and gives the other three one shared output, the mean of their
  targets ($\frac{1}{3}$ or $\frac{2}{3}$), for a mean squared error of $\frac{1}{4}\left(\frac{1}{9} + \frac{1}{9} + \frac{4}{9}\right) = \frac{1}{6}$;
  so the loss of such a network can never go below $\frac{1}{6} \approx 0.1667$.
  The scenario asserts at least 0.1666, this bound rounded down.

  All-zero weights are the extreme case: on XOR every gradient is exactly zero
  (every output is $\frac{1}{2}$ and the four errors cancel), so nothing moves at all.
  The last scenario therefore sets the output bias to 1: now the gradients are not
  zero and the weights do move, yet the two hidden units move in lockstep. Random
  initial weights break the symmetry.

  Scenario: One step moves every parameter against its gradient, exactly
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I take one gradient-descent step at learning rate 0.5
    Then every parameter equals its old value minus 0.5 times its gradient, to the last bit

  Scenario Outline: A small step lowers the loss by about the learning rate times the squared gradient
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I take one gradient-descent step at learning rate <rate>
    Then the loss is lower than before the step
    And the loss fell by the learning rate times the squared gradient norm, to within <percent>%

    Examples:
      | rate | percent |
      | 0.01 | 1       |
      | 0.1  | 2       |
      | 1    | 15      |

  Scenario Outline: A learning rate that is too large makes the loss rise
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I take one gradient-descent step at learning rate <rate>
    Then the loss is higher than before the step

    Examples:
      | rate |
      | 30   |
      | 100  |
      | 1000 |

  Scenario Outline: Training with the numerical gradient and with backprop reaches the same parameters
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When I train one copy with backprop and one with the <method>-difference numerical gradient for 200 epochs at learning rate 2
    Then the two copies' parameters differ by at most <tolerance>
    And training moved some parameter of the backprop copy by more than 0.1

    Examples:
      | method  | tolerance |
      | forward | 1e-4      |
      | central | 1e-9      |

  Scenario: All-zero weights sit exactly on a flat spot: nothing moves
    Given a [2, 2, 1] network with zeros initialisation, seed 0
    And the XOR data set
    When I train for 1000 epochs at learning rate 2
    Then every weight and bias is still exactly 0
    And the loss is at least 0.25

  Scenario: Hidden units that start equal stay equal forever, so the network cannot learn XOR
    Given a [2, 2, 1] network with zeros initialisation, seed 0
    And the parameters:
      | parameter | value |
      | b2[0]     | 1     |
    And the XOR data set
    When I train for 2000 epochs at learning rate 2
    Then W2[0,0] has moved away from 0
    And hidden units 0 and 1 of layer 1 are identical to the last bit
    And the loss is at least 0.1666
    And some output is more than 0.1 from its target
