Feature: Implement it yourself: the grader
  The original guide opens a program and never finishes it.
  [The guide's program, finished](../program.md) completes it in plain
  numpy, and [Implement it yourself](../implement-it-yourself.md) offers the
  same file with its function bodies left for you. This chapter shows that the
  finished program is what the package computes, and how the guide's own
  scenarios grade an implementation of its functions, claim by claim.

  Rule: The guide's program, finished, is the package's arithmetic
    The program is one file with nothing but numpy to import. It computes
    what the package computes, in the same order (the package's overflow-free
    sigmoid included), so from the same start its losses are the package's
    to the last bit.

    Scenario: The program runs on its own and learns XOR
      Given the XOR data set
      When the guide's program, finished, runs on its own
      Then it prints each XOR row with an output within 0.1 of its target

    Scenario: Its training equals the package's, bit for bit
      Given the XOR data set
      When the finished program and the package each train the guide's network from seed 0 for 2000 epochs at learning rate 1
      Then their losses and their trained parameters are equal, bit for bit

  Rule: The guide's scenarios grade your implementation
    `pytest features --implementation my_backprop.py` runs the scenarios of
    the Learn chapters tagged `@gradable` against a reader's file instead of
    the package, and reports each claim in the chapter's words: held, not
    held, or not implemented yet. Here the grader checks committed files,
    each chosen by its name, in a run of its own, exactly as a reader runs
    it. A claim is graded only if a correct implementation written another
    way can meet its stated tolerance, and the package passes every claim
    through the same adapter.

    @slow
    Scenario: The package, through the grader's adapter, holds every gradable claim
      When the package's gradable claims run through the grader's adapter
      Then every claim tagged @gradable holds, and no other scenario runs

    @slow
    Scenario Outline: A correct implementation holds every gradable claim
      The finished program does the package's arithmetic in the package's
      order. The textbook implementation does not: its sigmoid is
      $1 / (1 + e^{-z})$, its loss `np.mean`, and it puts a nudged parameter
      back by subtracting epsilon. It must hold every claim all the same.

      When the grader checks "<implementation>"
      Then the report says "held" for every claim
      And the report's last line counts every claim tagged @gradable, those that hold and those not implemented yet

      Examples:
        | implementation             |
        | the finished program       |
        | a textbook implementation  |

    @slow
    Scenario: The sigmoid's slope written as a fails the claims that read its gradients
      `backward_prop` multiplies by $a$ where the slope of the sigmoid is
      $a (1 - a)$; every other function is right. So every claim that
      compares its gradients or its error signals with a number, with
      nudging, or with the fall of the loss does not hold, and neither does
      learning XOR, which follows the wrong direction. Five claims that read
      the gradients still hold, for reasons the bug does not touch. The sign
      of $\partial L / \partial W^{(2)}_{10}$ is that of $a (\hat y - y)$, and
      $a > 0$ as $a (1 - a) > 0$. The exact step subtracts the file's own
      gradient. From all-zero weights the wrong output signals, $\pm\tfrac18$,
      still cancel over the XOR rows and nothing moves. Twin hidden units
      still get equal updates, and one hidden unit cannot go below $\tfrac16$
      whatever the updates.

      When the grader checks "the slope written as a"
      Then the report says "not held" for exactly these claims, and "held" for every other:
        | claim |
        | Nudging one parameter changes the loss by about gradient times epsilon |
        | The guide's two epsilons: the code's 0.00001 is ten times as accurate as the text's 0.0001 |
        | Backward propagation finds every error signal and every gradient of the worked example |
        | The gradient of a bias, from its error signal |
        | A small step lowers the loss by about the learning rate times the squared gradient (rate = 0.01, percent = 1) |
        | A small step lowers the loss by about the learning rate times the squared gradient (rate = 0.1, percent = 2) |
        | A small step lowers the loss by about the learning rate times the squared gradient (rate = 1, percent = 15) |
        | One step on the worked example |
        | How much a small step lowers the loss |
        | The guide's network learns XOR at a good learning rate |
        | Does seed 0 learn XOR? |
      And the run shows no traceback

    @slow
    Scenario: The descent step's sign flipped fails the claims about a step, and learning
      `gradient_descent` adds the learning rate times the gradient: a step
      uphill. The forward pass, nudging and the gradients are right, so their
      claims hold. Every claim about a step's result does not hold: the
      exact step, the fall of the loss (it rises), the worked example's
      $b^{(2)}_0$ after a step, and learning XOR. From all-zero weights every
      gradient is exactly 0, so a step either way moves nothing; twin hidden
      units going uphill stay twins, and their loss stays above
      $\tfrac16$.

      When the grader checks "the descent step's sign flipped"
      Then the report says "not held" for exactly these claims, and "held" for every other:
        | claim |
        | One step moves every parameter against its gradient, exactly |
        | A small step lowers the loss by about the learning rate times the squared gradient (rate = 0.01, percent = 1) |
        | A small step lowers the loss by about the learning rate times the squared gradient (rate = 0.1, percent = 2) |
        | A small step lowers the loss by about the learning rate times the squared gradient (rate = 1, percent = 15) |
        | One step on the worked example |
        | How much a small step lowers the loss |
        | The guide's network learns XOR at a good learning rate |
        | Does seed 0 learn XOR? |
      And the run shows no traceback

    @slow
    Scenario: The bias gradient summed over the wrong axis fails every claim that needs backward_prop
      `backward_prop` sums the error signals over the units instead of the
      samples, so `b1` comes out with one entry per sample, not per unit:
      the wrong shape, for the one-sample worked example and for the four
      XOR rows alike. The grader refuses a result of the wrong shape, and
      `train`, which steps by these gradients, fails inside the file. So
      every claim that needs `backward_prop` does not hold, and only the
      claims of the forward pass, the loss and the sigmoid hold.

      When the grader checks "the bias gradient summed over the wrong axis"
      Then the report says "held" for exactly these claims, and "not held" for every other:
        | claim |
        | The sigmoid of 0 is exactly one half |
        | Forward propagation reproduces every intermediate value of the worked example |
        | The sigmoid of known values, and no overflow at the extremes (z = -30, sigmoid = 9.3576229688393e-14, tolerance = 1e-27) |
        | The sigmoid of known values, and no overflow at the extremes (z = 1000, sigmoid = 1, tolerance = 0) |
        | The sigmoid of known values, and no overflow at the extremes (z = -1000, sigmoid = 0, tolerance = 0) |
        | The sigmoid of known values, and no overflow at the extremes (z = 1e4, sigmoid = 1, tolerance = 0) |
        | The sigmoid of known values, and no overflow at the extremes (z = -1e4, sigmoid = 0, tolerance = 0) |
        | A batch of the four XOR rows gives the same outputs as the rows one at a time |
        | The weighted sum and the activation of hidden unit 1 |
        | What a network of zeros predicts |
        | Nudge the output bias |
      And for "The gradient of a bias, from its error signal" the report says "not held": backward_prop returned the wrong shape
      And the run shows no traceback

    @slow
    Scenario: A half-written file is not implemented yet where it stops, and counted
      The file has `sigmoid`, `forward_prop` and `compute_loss`; its
      `numerical_gradient`, `gradient_descent` and `train` still raise
      `NotImplementedError`, and it has no `backward_prop`. The claims that
      need only the first three hold; every other one is not implemented
      yet, and the last line counts how far along the file is.

      When the grader checks "a file half written"
      Then the report says "held" for exactly these claims, and "not implemented yet" for every other:
        | claim |
        | The sigmoid of 0 is exactly one half |
        | Forward propagation reproduces every intermediate value of the worked example |
        | The sigmoid of known values, and no overflow at the extremes (z = -30, sigmoid = 9.3576229688393e-14, tolerance = 1e-27) |
        | The sigmoid of known values, and no overflow at the extremes (z = 1000, sigmoid = 1, tolerance = 0) |
        | The sigmoid of known values, and no overflow at the extremes (z = -1000, sigmoid = 0, tolerance = 0) |
        | The sigmoid of known values, and no overflow at the extremes (z = 1e4, sigmoid = 1, tolerance = 0) |
        | The sigmoid of known values, and no overflow at the extremes (z = -1e4, sigmoid = 0, tolerance = 0) |
        | A batch of the four XOR rows gives the same outputs as the rows one at a time |
        | The weighted sum and the activation of hidden unit 1 |
        | What a network of zeros predicts |
        | Nudge the output bias |
      And for "Does seed 0 learn XOR?" the report says "not implemented yet": train raises NotImplementedError
      And for "The gradient of a bias, from its error signal" the report says "not implemented yet": there is no function backward_prop in your file
      And the report's last line counts every claim tagged @gradable, those that hold and those not implemented yet

    @slow
    Scenario: The starter holds nothing yet: every claim is not implemented yet
      When the grader checks "the starter"
      Then the report says "not implemented yet" for every claim
      And the report's last line counts every claim tagged @gradable, those that hold and those not implemented yet

    @slow
    Scenario Outline: A file that raises, answers in the wrong shape, returns NaN or hangs gets a named verdict
      A call that gives no answer the claim can check is a verdict on that
      claim, in one line, and the run goes on to the next claim. A traceback
      is shown only with `--verbose`.

      Given each call of an implementation may take at most 1 s
      When the grader checks "<implementation>"
      Then for "<claim>" the report says "not held": <verdict>
      And the run shows no traceback

      Examples:
        | implementation              | claim                                                                                                    | verdict                                                            |
        | a file that raises          | The weighted sum and the activation of hidden unit 1                                                     | forward_prop raised KeyError: 'w1' (line 11 of your file)          |
        | a file with the wrong shape | A batch of the four XOR rows gives the same outputs as the rows one at a time                            | forward_prop returned the wrong shape: expected (4, 1), got (1, 4) |
        | a file that returns NaN     | The sigmoid of known values, and no overflow at the extremes (z = 1000, sigmoid = 1, tolerance = 0)      | sigmoid returned NaN/inf                                           |
        | a file that hangs           | Does seed 0 learn XOR?                                                                                   | train took longer than 1 s                                         |
