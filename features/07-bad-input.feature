Feature: Bad input gets a clear error
  Every public function of backprop checks its arguments once, when it is
  called (never inside the training loop), and refuses what it cannot use
  with an error whose message names the argument, says what was expected and
  shows what was given, so the reader can fix the call. One rule decides the
  kind of error:

  - TypeError: the argument has the wrong type (a float or a bool where a whole
    number belongs, a number where a name belongs, a list where an array belongs);
  - ValueError: the type is right but the value is not (0 units, a negative
    seed, NaN in X, a shape that does not fit, a network too large to allocate);
  - NotFiniteError: the arguments are valid, but float64 cannot hold what is
    computed from them (inputs of 1e308 times a weight of 10). Numbers never
    turn silently into inf or NaN; training raises its kind, DivergenceError,
    naming the epoch.

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
    `Given the parameters:` refuses NaN itself, so the broken weight is put in
    directly, as a bug in a caller's code could leave it.

    Given the network's W2 is the float64 array [[1.0], [NaN]]
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
    Then the call fails with <error> naming "layer_sizes", expecting "<expected>", given "<given>"

    Examples:
      | sizes          | error      | expected                              | given                               |
      | []             | ValueError | at least an input and an output size  | but got []                          |
      | [2]            | ValueError | at least an input and an output size  | but got [2]                         |
      | [2, 0, 1]      | ValueError | whole numbers of at least 1           | but got [2, 0, 1]                   |
      | [2, -3, 1]     | ValueError | whole numbers of at least 1           | but got [2, -3, 1]                  |
      | [2, 2.5, 1]    | TypeError  | whole numbers, like [2, 2, 1]         | but got [2, 2.5, 1]: 2.5 is a float |
      | [2, true, 1]   | TypeError  | whole numbers, like [2, 2, 1]         | but got [2, True, 1]: True is a bool |
      | "2, 2, 1"      | TypeError  | a list of whole numbers               | but got '2, 2, 1'                   |

  Scenario: A network too large to allocate is refused with the memory it would need
    Ten million hidden units and a hundred thousand outputs make about a
    trillion parameters: numpy would fail deep inside, or the machine would
    start swapping. The network is refused first, with its size in words.

    When init_network is called with layer_sizes = [2, 10000000, 100000]
    Then the call fails with ValueError naming "layer_sizes", expecting "more than the 1 GiB backprop allocates on request", given "1,000,030,100,000 float64 parameters, which need 7.28 TiB"

  Scenario Outline: Seeds of a stack are a list of whole numbers, 0 or more
    When init_stack is called with seeds = <seeds>
    Then the call fails with <error> naming "<argument>", expecting "<expected>", given "<given>"

    Examples:
      | seeds      | error      | argument | expected                       | given           |
      | 5          | TypeError  | seeds    | a list of whole numbers        | but got 5       |
      | null       | TypeError  | seeds    | a list of whole numbers        | but got None    |
      | []         | ValueError | seeds    | at least one seed              | got none        |
      | [0, -1]    | ValueError | seeds[1] | 0 or more                      | got -1          |
      | [0, 1.5]   | TypeError  | seeds[1] | whole number                   | got 1.5 (float) |

  Scenario Outline: A parameter is named by a string like W1[0,1]
    When nudge is called with name = <name>
    Then the call fails with <error> naming "parameter", expecting "<expected>", given "<given>"

    Examples:
      | name       | error      | expected                          | given               |
      | 5          | TypeError  | must be a string like 'W1[0,1]'   | but got 5 (int)     |
      | null       | TypeError  | must be a string like 'W1[0,1]'   | but got None        |
      | "W3[0,0]"  | ValueError | layers are 1..2                   | layer 3 does not exist |
      | "W1[2,0]"  | ValueError | has shape (2, 2)                  | index (2, 0) is outside it |
      | "w1[0,0]"  | ValueError | of the form W1[0,1] or b1[0]      | 'w1[0,0]'           |

  Scenario: A weight given as a nested list is refused, naming the weight
    Given the network's W1 is the nested list [[0.5, -0.5], [1.0, 2.0]]
    When forward_prop is called with X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    Then the call fails with TypeError naming "W1", expecting "must be a float64 array", given "but got list"

  Scenario Outline: A flag is True or False, not a word or a number
    When backward_prop is called with fused = <value>
    Then the call fails with TypeError naming "fused", expecting "must be True or False", given "<given>"

    Examples:
      | value | given              |
      | "yes" | but got 'yes' (str) |
      | 1     | but got 1 (int)     |
      | null  | but got None        |

  Scenario Outline: Inputs too large for float64 are a named error in every function that computes, never inf or NaN
    Weights of 10 times inputs of 1e308 overflow float64 in the first layer.
    numpy alone would return inf with a warning, and the loss or the gradients
    would follow as inf or NaN.

    Given a [2, 1] network with sigmoid hidden layers and a identity output, seed 0
    And the parameters:
      | parameter | value |
      | W1[0,0]   | 10    |
      | W1[1,0]   | 10    |
    When <function> is called with X = [[1e308, 1e308], [1e308, 1e308], [1e308, 1e308], [1e308, 1e308]]
    Then the call fails with NotFiniteError naming "X", expecting "<function>: float64 overflowed", given "the largest |value| in X is 1e+308 and the largest |parameter| of network is 10"

    Examples:
      | function           |
      | forward_prop       |
      | compute_loss       |
      | backward_prop      |
      | numerical_gradient |
      | gradient_check     |
      | train              |
      | train_minibatch    |
      | predict_classes    |
      | accuracy           |

  Scenario: A gradient check never reports agreement when a gradient is not finite
    The original edition of this package reported an overall error of 0 here,
    which reads as perfect agreement: with inputs of 1e200 the squared error
    overflows, the chain-rule gradients became -inf and the nudged ones NaN.

    Given a [2, 1] network with sigmoid hidden layers and a identity output, seed 0
    When gradient_check is called with X = [[1e200, 1e200], [1e200, 1e200], [1e200, 1e200], [1e200, 1e200]]
    Then the call fails with NotFiniteError naming "X", expecting "gradient_check: float64 overflowed", given "the largest |value| in X is 1e+200"

  Scenario: A step too large for float64 is refused, and the network is left as it was
    Given a [2, 1] network with sigmoid hidden layers and a identity output, seed 0
    And the input [1, 1] with target [10000000000]
    When gradient_descent is called with learning_rate = 1e300
    Then the call fails with NotFiniteError naming "learning_rate", expecting "gradient_descent: float64 overflowed", given "lower learning_rate"
    And the network's parameters are those it had before the call

  Scenario: An output folder that cannot be written is refused before training, in one line
    REGULAR_FILE is a file that exists, so no folder can be made under it.

    When I run the command line: backprop xor --no-progress --plot REGULAR_FILE/figures
    Then the command exits with code 2
    And the command's error output is one line containing "argument --plot: cannot write figures into"

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
