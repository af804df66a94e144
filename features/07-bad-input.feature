Feature: Bad input gets a clear error
  Every public function of backprop checks its arguments once, when it is
  called (never inside the training loop), and refuses what it cannot use
  with a ValueError or TypeError whose message names the argument, says what
  was expected and shows what was given, so the reader can fix the call.
  Nothing is silently repaired, with one exception: integer arrays are
  converted to float64 (exact below 2**53, and the natural way to type XOR's
  0/1 table). Boolean arrays are rejected, because True/False as a target is
  ambiguous between a class label and a probability.

  Values below are written as JSON: [[0, 1]] is a list of rows, NaN and
  Infinity are the IEEE special values, true/false are booleans.

  Background:
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set

  Scenario Outline: A batch of the wrong shape or width is refused, naming the shape it needed
    When backward_prop is called with <argument> = <value>
    Then the call fails with ValueError naming "<argument>", expecting "<expected>", given "<given>"

    Examples:
      | argument | value                                | expected            | given         |
      | X        | [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]] | one column per input (2) | shape (4, 3) |
      | X        | [0, 1]                               | shape (N, 2)        | shape (2,)    |
      | X        | [[0, 0], [0, 1, 1]]                  | rectangular array   | different lengths |
      | y        | [[0, 1], [1, 0], [1, 0], [0, 1]]     | shape (N, 1) = (4, 1) | shape (4, 2) |
      | y        | [[0], [1], [1]]                      | shape (N, 1) = (4, 1) | shape (3, 1) |

  Scenario Outline: NaN or infinity in the data is refused, and the message points at the entry
    When compute_loss is called with <argument> = <value>
    Then the call fails with ValueError naming "<argument>", expecting "must be finite", given "<given>"

    Examples:
      | argument | value                                 | given               |
      | X        | [[0, 0], [0, NaN], [1, 0], [1, 1]]    | X[1, 1] is nan      |
      | X        | [[0, 0], [0, 1], [-Infinity, 0], [1, 1]] | X[2, 0] is -inf  |
      | y        | [[0], [1], [1], [Infinity]]           | y[3, 0] is inf      |

  Scenario: NaN in a parameter is refused before anything is computed
    Given the parameters:
      | parameter | value |
      | W2[1,0]   | nan   |
    When forward_prop is called with X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    Then the call fails with ValueError naming "W2", expecting "must be finite", given "W2[1, 0] is nan"

  Scenario: Binary cross-entropy needs targets that are probabilities
    Given the loss is binary_cross_entropy
    When backward_prop is called with y = [[0], [1], [2], [0]]
    Then the call fails with ValueError naming "y", expecting "lie in [0, 1] for binary_cross_entropy", given "values from 0.0 to 2.0"

  Scenario Outline: Categorical cross-entropy needs one-hot rows or whole-number class labels
    Given a [2, 3, 3] network with sigmoid hidden layers and a softmax output, seed 0
    And the loss is categorical_cross_entropy
    When compute_loss is called with y = <value>
    Then the call fails with <error> naming "y", expecting "<expected>", given "<given>"

    Examples:
      | value                                          | error      | expected                            | given                      |
      | [[1, 0, 0], [0, 1, 1], [0, 0, 1], [1, 0, 0]]   | ValueError | one-hot rows (a single 1 per row)   | row 1 of y is [0.0, 1.0, 1.0] |
      | [[0.5, 0.5, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]] | ValueError | one-hot rows (a single 1 per row) | row 0 of y is [0.5, 0.5, 0.0] |
      | [0, 3, 1, 2]                                   | ValueError | must lie in 0..2 for 3 classes      | labels from 0 to 3         |
      | [0.0, 2.0, 1.0, 2.0]                           | TypeError  | whole numbers 0..2                  | dtype float64              |

  Scenario: Whole-number class labels mean the same as one-hot rows
    Given a [2, 3, 3] network with sigmoid hidden layers and a softmax output, seed 0
    And the loss is categorical_cross_entropy
    When compute_loss is called with y = [0, 2, 1, 2]
    Then the result equals the result for y = [[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]] bit for bit

  Scenario Outline: A learning rate or epsilon must be a positive finite number
    When <function> is called with <argument> = <value>
    Then the call fails with ValueError naming "<argument>", expecting "positive finite number", given "<given>"

    Examples:
      | function           | argument      | value     | given |
      | train              | learning_rate | 0         | 0     |
      | train              | learning_rate | -0.5      | -0.5  |
      | train              | learning_rate | NaN       | nan   |
      | gradient_descent   | learning_rate | Infinity  | inf   |
      | numerical_gradient | epsilon       | 0         | 0     |
      | numerical_gradient | epsilon       | -1e-05    | -1e-05 |
      | gradient_check     | epsilon       | Infinity  | inf   |
      | train              | epsilon       | NaN       | nan   |

  Scenario Outline: Other numbers are checked the same way
    When <function> is called with <argument> = <value>
    Then the call fails with <error> naming "<argument>", expecting "<expected>", given "<given>"

    Examples:
      | function     | argument    | value    | error      | expected                   | given  |
      | nudge        | epsilon     | 0        | ValueError | finite number other than 0 | 0      |
      | nudge        | epsilon     | NaN      | ValueError | finite number              | nan    |
      | train        | target_loss | Infinity | ValueError | finite number              | inf    |
      | sweep_xor    | tolerance   | -0.1     | ValueError | positive finite number     | -0.1   |
      | init_network | seed        | -1       | ValueError | 0 or more                  | -1     |
      | init_network | seed        | 1.5      | TypeError  | whole number               | 1.5    |

  Scenario Outline: An unknown activation or loss name is refused with the list of valid names
    When <function> is called with <argument> = "<name>"
    Then the call fails with ValueError naming "<kind>", expecting "the valid <kind> names are", given "'<name>'"
    And the message lists every name in <registry>

    Examples:
      | function     | argument | name          | kind       | registry    |
      | init_network | hidden   | sigmod        | activation | ACTIVATIONS |
      | init_network | output   | ReLU          | activation | ACTIVATIONS |
      | train        | loss     | cross_entropy | loss       | LOSSES      |
      | compute_loss | loss     | MSE           | loss       | LOSSES      |

  Scenario: Categorical cross-entropy needs a softmax output
    When compute_loss is called with loss = "categorical_cross_entropy"
    Then the call fails with ValueError naming "loss 'categorical_cross_entropy'", expecting "requires a softmax output layer", given "output activation is 'sigmoid'"

  Scenario: Binary cross-entropy needs a sigmoid output
    Given a [2, 2, 1] network with tanh hidden layers and a identity output, seed 0
    When compute_loss is called with loss = "binary_cross_entropy"
    Then the call fails with ValueError naming "loss 'binary_cross_entropy'", expecting "requires a sigmoid output layer", given "output activation is 'identity'"

  Scenario Outline: Layer sizes must be at least an input and an output, each of at least one unit
    When init_network is called with layer_sizes = <sizes>
    Then the call fails with ValueError naming "layer_sizes", expecting "<expected>", given "but got <sizes>"

    Examples:
      | sizes      | expected                              |
      | []         | at least an input and an output size  |
      | [2]        | at least an input and an output size  |
      | [2, 0, 1]  | whole numbers of at least 1           |
      | [2, -3, 1] | whole numbers of at least 1           |

  Scenario Outline: The number of epochs is a whole number, zero or more
    When train is called with epochs = <epochs>
    Then the call fails with <error> naming "epochs", expecting "<expected>", given "<epochs>"

    Examples:
      | epochs | error      | expected     |
      | -1     | ValueError | 0 or more    |
      | 2.5    | TypeError  | whole number |

  Scenario: Integer arrays are converted to float64 and give the same result
    When backward_prop is called with X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    Then the result equals the result for X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]] bit for bit

  Scenario: Boolean arrays are refused rather than guessed at
    When backward_prop is called with y = [[false], [true], [true], [false]]
    Then the call fails with TypeError naming "y", expecting "must hold numbers", given "a boolean array"

  Scenario: Training that diverges stops at the first overflow, names the epoch and suggests a lower learning rate
    A relu network with a linear output has an unbounded loss. At learning rate
    100 its mean squared error on XOR grows each epoch until float64 overflows,
    well before epoch 100 (the bound was set from a measurement with this package
    on 2026-11-28 on seeds 0, 1 and 2; the epoch measured by the last run is shown
    above). A lower rate takes longer to diverge, or does not diverge at all.
    Given a [2, 2, 1] network with relu hidden layers and a identity output, seed 0
    When training runs for 1000 epochs at learning rate 100 while recording each loss
    Then training stops with a DivergenceError before epoch 100
    And the message names that epoch, the overflow and the learning rate 100.0, and says to lower it
    And every loss recorded before that epoch is finite
