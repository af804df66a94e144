@learn
Feature: Gradient descent
  Backpropagation gives the gradient: for every parameter, how steeply the loss
  rises when that parameter grows. The gradient points uphill. **Gradient
  descent** uses it to go downhill: it moves every parameter a small step the
  other way, and repeats. This chapter looks at one step, at how long a step
  may be, at why nudging and backprop train alike, and at why the starting
  point matters.

  The examples use the guide's 2-2-1 network on the four XOR rows, started
  from seed 0: the seed fixes the random numbers its weights start from, so
  every run starts at the same place.

  Rule: One step moves every parameter against its own gradient
    Write $\theta$ for any one parameter (a weight or a bias) and $\eta$ for the
    **learning rate**, a small positive number you choose. One step of gradient
    descent changes every parameter at once:

    $$\theta \leftarrow \theta - \eta \, \frac{\partial L}{\partial \theta} \tag{4.1}$$

    A parameter whose gradient is positive (the loss rises as it grows) gets
    smaller; one whose gradient is negative gets larger. A steep gradient means
    a large move. That is all of the guide's `gradient_descent`: one
    subtraction per parameter.

    Code: guide_program.py:gradient_descent, backprop/descent.py:descend

    @gradable
    Scenario: One step moves every parameter against its gradient, exactly
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I take one gradient-descent step at learning rate 0.5
      Then every parameter equals its old value minus 0.5 times its gradient, to the last bit

  Rule: A small step goes downhill
    Why does the step lower the loss? Write $g$ for the whole gradient, all the
    partial derivatives $\partial L / \partial \theta$ in one list, and
    $\lVert g \rVert^2$ for the sum of their squares. Over a short distance the
    loss is nearly a straight slope, so a step of $-\eta g$ changes it by about
    the slope times the step:

    $$L(\theta - \eta g) \approx L(\theta) - \eta \lVert g \rVert^2$$

    The predicted fall, $\eta \lVert g \rVert^2$, is never negative: a small
    enough step always goes downhill, unless the gradient is zero. The
    prediction ignores how the slope bends (the loss's curvature). The error
    this makes, relative to the fall, grows in proportion to $\eta$: ten times
    the rate, about ten times the relative error.

    @gradable
    Scenario Outline: A small step lowers the loss by about the learning rate times the squared gradient
      The bounds, 1%, 2% and 15% at $\eta = 0.01$, 0.1 and 1, were set from a
      measurement with this package on 2026-11-28, with a margin above it.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I take one gradient-descent step at learning rate <rate>
      Then the fall in the loss is above 0
      And the loss fell by the learning rate times the squared gradient norm, to within <percent>%

      Examples:
        | rate | percent |
        | 0.01 | 1       |
        | 0.1  | 2       |
        | 1    | 15      |

  Rule: A step too long overshoots
    The straight-slope picture only holds close by. Picture the loss as a
    valley: a step that is too long jumps clean across it and lands higher up
    the far side than it started.

    How long is too long? From seed 0 the gradient is short: its length is
    $\lVert g \rVert \approx {{ descent.gradient_norm|num(2) }}$. At a rate of
    100 one step moves the nine parameters a distance of about
    ${{ descent.step_length(100)|num(2) }}$, far beyond where the loss looks
    straight. One step from seed 0 lowers the loss at rate 1, as above, but
    raises it at rates 30, 100 and 1000.

    Scenario Outline: A learning rate that is too large makes the loss rise
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I take one gradient-descent step at learning rate <rate>
      Then the fall in the loss is below 0

      Examples:
        | rate |
        | 30   |
        | 100  |
        | 1000 |

  Rule: Nudging or backprop, the descent is the same
    Gradient descent needs a gradient; it does not care where the gradient
    comes from. The guide's nudging (its "simpler view", see
    [Nudging with epsilon](02-nudging-with-epsilon.md)) can drive it as well as
    backprop. The two gradients differ only by nudging's small error, so two
    trainings from the same start end at almost the same parameters: far
    closer to each other than to where they started. With the central
    difference, the more accurate nudge, they end closer still. The chapter
    [Learning XOR](05-learning-xor.md) shows the two loss curves side by side.

    Scenario Outline: Training with the numerical gradient and with backprop reaches the same parameters
      How the bounds were chosen. A forward difference with
      $\varepsilon = 10^{-5}$ is off by about
      $\frac{\varepsilon}{2} \frac{\partial^2 L}{\partial \theta^2}$, a few
      parts in $10^{7}$ here, and $N$ steps at rate $\eta$ add up at most about
      $N \eta$ times that. The bound $10^{-4}$ after 200 steps at rate 2 was
      set from a measurement with this package on 2026-11-28, about twice the
      difference measured then. The central difference is off by about
      $\frac{\varepsilon^2}{6} \frac{\partial^3 L}{\partial \theta^3}$ plus
      round-off near $10^{-16} / \varepsilon$, so about $10^{-11}$ per step;
      its bound after the same 200 steps is $10^{-9}$. The last step makes
      sure training really moved the parameters, so that the two runs
      agreeing means something.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I train for 200 epochs at learning rate 2
      And I call this run "backprop"
      Given the guide's 2-2-1 network with seed 0
      When I train for 200 epochs at learning rate 2 with the <method>-difference numerical gradient
      Then the largest difference of any parameter from "backprop" is at most <tolerance>
      And the largest change of any parameter of "backprop" is above 0.1

      Examples:
        | method  | tolerance |
        | forward | 1e-4      |
        | central | 1e-9      |

  Rule: Where you start matters
    Gradient descent only ever walks downhill from where it starts. Some
    starts lead nowhere.

    **Twin hidden units.** If both hidden units start with the same weights,
    they compute the same value, receive the same error signal and so get the
    same update, step after step. They stay identical forever, and the network
    is really a network with one hidden unit.

    **One hidden unit cannot learn XOR.** Its output only ever rises (or only
    ever falls) with one weighted sum, $t = w_A x_A + w_B x_B$, plus a bias.
    To get all four rows right, $t$ would have to be larger on the two rows
    whose answer is 1, $(0,1)$ and $(1,0)$, than on both rows whose answer is
    0 (or smaller on both). But $t(0,0) = 0$ and
    $t(1,1) = t(0,1) + t(1,0)$: if $t(0,1)$ and $t(1,0)$ are both above 0,
    their sum is above each of them. The best such a network can do is get one
    row right and give the other three one shared output, the mean of their
    targets ($\frac13$ or $\frac23$). Its mean squared error is then

    $$\tfrac14\left(\tfrac19 + \tfrac19 + \tfrac49\right) = \tfrac16 \approx 0.1667,$$

    and its loss can never go below that.

    **All-zero weights** are the extreme case. Every output is then
    $\frac12$, the four errors cancel and every gradient is exactly zero:
    nothing moves at all. Random starting weights break the symmetry from the
    first step.

    @gradable
    Scenario: All-zero weights sit exactly on a flat spot: nothing moves
      Given a [2, 2, 1] network with zeros initialisation, seed 0
      And the XOR data set
      When I train for 1000 epochs at learning rate 2
      Then every weight and bias is still exactly 0
      And the loss is at least 0.25

    @gradable
    Scenario: Hidden units that start equal stay equal forever, so the network cannot learn XOR
      All-zero weights would not move at all, so this scenario sets the output
      bias to 1: now the gradients are not zero and the weights do move, yet
      the two hidden units move in lockstep. The bound on the loss, 0.1666, is
      $\frac16$ rounded down.

      Given a [2, 2, 1] network with zeros initialisation, seed 0
      And the parameters:
        | parameter | value |
        | b2[0]     | 1     |
      And the XOR data set
      When I train for 2000 epochs at learning rate 2
      Then the parameter W2[0,0] is different from 0
      And hidden units 0 and 1 of layer 1 are identical to the last bit
      And the loss is at least 0.1666
      And the largest distance of an output from its target is above 0.1

  Rule: Exercises
    Try each one with pencil and paper before you open its answer. Every
    answer is stated in a scenario, worked out by hand, and checked against
    the package in every run; the answer shows the value the last run
    computed.

    @exercise @gradable
    Scenario: One step on the worked example
      In the worked example, $\partial L / \partial b^{(2)}_0 \approx 0.202062$.
      What is $b^{(2)}_0$ after one step of gradient descent at learning
      rate 1?

      Answer: $0.5 - 1 \times 0.202062 = 0.297938$. The step moves each
      parameter against its gradient.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      When I take one gradient-descent step at learning rate 1
      Then the parameter b2[0] is 0.2979377955343655 within 1e-15

    @exercise @gradable
    Scenario: How much a small step lowers the loss
      The nine gradients of the worked example are in the chain-rule chapter;
      their squares add up to $\lVert g \rVert^2 \approx 0.104174$. By about
      how much does one step at learning rate $0.01$ lower the loss?

      Answer: By about $\eta \lVert g \rVert^2 = 0.01 \times 0.104174 \approx 0.0010417$.
      To first order, each parameter moves by $-\eta\, g_i$ and changes the
      loss by $g_i \cdot (-\eta\, g_i)$; the changes add up.

      Given the worked example's network
      And the input [1, 1] with target [0]
      And the loss is mse
      When I take one gradient-descent step at learning rate 0.01
      Then the fall in the loss is 0.0010417 within 1%
