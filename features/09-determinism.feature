Feature: Determinism
  The same seed gives bit-identical results: the same parameters after
  training and the same loss at every epoch, whether the training runs twice
  in one Python process or once more in a fresh one. Nothing in the package
  draws from a global random state; every random number comes from
  numpy.random.default_rng(seed), and the arithmetic runs in a fixed order.
  "Bit-identical" is checked on the raw float64 bytes, not with a tolerance.

  Scenario Outline: The same seed trains to the same bits, in this process and in a fresh one
    Given the XOR data set
    When a <sizes> <hidden> network from seed <seed> trains on it for <epochs> epochs at learning rate <rate> with <loss>
    And the same training runs again in this process
    And the same training runs again in a fresh Python process
    Then all three runs end with bit-identical parameters
    And all three runs recorded bit-identical loss histories of <epochs> + 1 losses

    Examples:
      | sizes        | hidden  | seed | epochs | rate | loss                 |
      | [2, 2, 1]    | sigmoid | 7    | 300    | 2    | mse                  |
      | [2, 4, 3, 1] | tanh    | 11   | 200    | 0.5  | binary_cross_entropy |

  Scenario: A different seed gives different bits, so the check above can fail
    Given the XOR data set
    When a [2, 2, 1] sigmoid network from seed 7 trains on it for 300 epochs at learning rate 2 with mse
    And the training runs again from seed 8
    Then the two runs end with different parameters and different loss histories
