@learn
Feature: Beyond XOR: handwritten digits
  The same four ideas, forward propagation, the loss, backpropagation and
  gradient descent, train a network that reads handwritten digits. Only two
  things change: the output layer, and how the training rows are fed to
  gradient descent.

  Background:
    Given the digits data set split 75/25 by class with seed 0

  Rule: The data: small pictures of digits
    The data are the {{ digits.images|plain }} pictures of handwritten digits
    that ship with scikit-learn (nothing is downloaded). Each is 8 by 8 grey
    pixels, so the network gets {{ digits.inputs|plain }} inputs, scaled to
    lie between 0 and 1. Its label is the digit it shows: one of 10 classes.

    A network could score well on the pictures it trained on just by
    memorising them. To see whether it really learned to read, a quarter of
    the pictures is held out: the network never trains on them, and its
    **accuracy** is the share of them it reads correctly. The split is
    **stratified**: each digit keeps its share in both parts. That leaves
    {{ digits.train|plain }} pictures for training and
    {{ digits.test|plain }} for the test.

    Scenario: The stratified split keeps every digit's share
      Then the training set holds 1347 images and the test set 450
      And every digit's share of the test set is within one image of a quarter of its images

  Rule: Ten outputs that are probabilities
    The output layer has 10 units, one per digit. A **softmax** turns their
    weighted sums $z_k$ into ten probabilities that sum to 1:

    $$\hat y_k = \frac{e^{z_k}}{\sum_{j} e^{z_j}}$$

    The target $y$ is "one-hot": 1 for the right digit, 0 for the other nine.
    The loss is the **categorical cross-entropy**: over the $N$ rows, the mean
    of minus the log of the probability given to the right digit,

    $$L = -\frac{1}{N} \sum_{n=1}^{N} \sum_{k} y_{nk} \log \hat y_{nk}.$$

    With this pair the output error signal is again
    $\delta^{(L)} = (\hat y - y)/N$ (the chapter
    [The chain rule](03-the-chain-rule.md) checks this shortcut against
    nudging), and backpropagation goes on exactly as before.

  Rule: Training in minibatches
    Full-batch gradient descent computes the gradient over every training
    picture before each step. With over a thousand pictures it pays to step
    more often, each time on a small sample: **minibatch** gradient descent,
    also called stochastic gradient descent (SGD).

    Each epoch shuffles the training rows into a new order, drawn from a
    random generator with a fixed seed so that a run can be repeated bit for
    bit. It cuts them into batches of {{ digits.batch_size|plain }} and takes
    one gradient-descent step per batch: {{ digits.steps_per_epoch|plain }}
    steps per epoch instead of one. The last batch may be shorter; its rows
    count like all the others. Each batch's gradient is only an estimate of
    the full one, so the steps are noisier, but there are many more of them.

    With a single batch holding every row, minibatch SGD is exactly the
    full-batch gradient descent of the chapter
    [Gradient descent](04-gradient-descent.md).

    Scenario: Every epoch visits every training image once, in a new order
      When I draw the shuffles of 3 epochs with shuffle seed 4
      Then each epoch visits every training image exactly once
      And no two epochs visit the images in the same order
      And drawing them again with shuffle seed 4 gives the same orders

    Scenario: Minibatch training is reproducible to the last bit
      Given a 64-64-10 ReLU digits network with seed 1
      And the loss is categorical_cross_entropy
      When I train two copies for 2 epochs at learning rate 0.1 in batches of 32, shuffle seed 5
      Then the two digits networks are identical to the last bit
      And the training loss after 2 epochs is below half the loss before training

    Scenario: After the split, the ordinary sentences train the digits network
      The split's training part is the scenario's data: the minibatch sentence
      trains on it, and "the accuracy" reads it; "the test accuracy" reads the
      held-out quarter. How the bound was chosen: after 5 epochs the test
      accuracy measured 0.85 to 0.92 with this package over network seeds 0
      to 5 and shuffle seeds 0 to 4 (split seed 0); 80% leaves room.

      Given a 64-64-10 ReLU digits network with seed 1
      And the loss is categorical_cross_entropy
      When I train by minibatch SGD for 5 epochs at learning rate 0.1 in batches of 32, shuffle seed 0
      Then the test accuracy is at least 80%
      And the final loss is below 0.5

    Scenario: A batch of every row is one step of full-batch gradient descent
      With one batch per epoch, minibatch SGD is the full-batch gradient descent
      of chapter "Gradient descent" on the rows in the epoch's shuffled order.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I train a copy by minibatch SGD for 1 epoch at learning rate 0.5 in batches of 4, shuffle seed 3
      And I train another copy by full-batch gradient descent for 1 epoch at learning rate 0.5 on the rows in that shuffled order
      Then the two copies are identical to the last bit
      And the minibatch loss of epoch 1 is the full-batch loss before its step, to the last bit

    Scenario: Every row counts, the short last batch too
      The four XOR rows in batches of 3: each epoch makes a step on 3 rows and
      one on the remaining row. Written out by hand (one backward pass and one
      descent step per batch of the seeded order), the steps land on the same
      bits; the loss recorded for an epoch is the mean over all rows of each
      row's loss just before its batch's step.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I train a copy by minibatch SGD for 2 epochs at learning rate 0.5 in batches of 3, shuffle seed 3
      And I train another copy by hand, one backward pass and one descent step per batch, for 2 epochs at learning rate 0.5 in batches of 3, shuffle seed 3
      Then the two copies are identical to the last bit
      And each epoch's minibatch loss is the mean of its rows' losses before their batch's step, within 1e-12

    Scenario: A batch size of zero is refused
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When train_minibatch is called with batch_size = 0
      Then the call fails with ValueError naming "batch_size", expecting "at least 1", given "got 0"

  Rule: The network learns to read the digits
    The network is 64-64-10: {{ digits.inputs|plain }} inputs, one hidden
    layer of 64 ReLU units ($\mathrm{relu}(z) = \max(0, z)$) and the 10
    softmax outputs. Its weights start Glorot-uniform (small random numbers
    scaled to the layer's size), its biases at zero. It trains at learning
    rate 0.1 for 50 epochs.

    It learns to read. Trained when this page was built, the network of seed
    0 reads {{ digits.correct|plain }} of the {{ digits.test|plain }}
    held-out pictures correctly. And the training itself is nothing special:
    scikit-learn's `MLPClassifier`, started from the same parameters and fed
    the same batches, ends at the same parameters, up to rounding.

    @slow
    Scenario: A 64-64-10 ReLU network learns to read the digits
      How the accuracy bound was chosen: scikit-learn's MLPClassifier with the
      same settings reaches 96.8% on average over 7 seeds (project field
      notes). We measured this package on seeds 0 to 29 on 2026-11-28 (seed s
      for the split, the weights and the shuffles): most seeds reach 96%, but
      a few fall short and one ends far below, a ReLU network stuck early on.
      So the scenario asserts the *mean* over seeds 0 to 6 is at least 96% and
      no one of them is below 95%.

      When I train a 64-64-10 ReLU network on each of the digits splits 0 to 6 for 50 epochs at learning rate 0.1 in batches of 32
      Then the mean test accuracy over those seeds is at least 96%
      And the lowest test accuracy over those seeds is at least 95%

    @slow
    Scenario: Our training and scikit-learn's MLPClassifier end at the same parameters
      scikit-learn's MLPClassifier (solver "sgd", momentum 0, no Nesterov
      momentum, alpha 0, constant learning rate, shuffling off) starts from our
      network's parameters and makes one partial_fit pass per epoch over the
      training rows in the order our shuffle seed gives. Rounding differs (it
      divides the gradient by N, we divide the error signal; it takes the log of
      the probabilities, we use log-sum-exp), so the bound is 1e-10, far above
      the 1e-15 we measure and far below the 0.4 the parameters move. The loss
      of an epoch is, in both, the mean of its batches' losses, each taken just
      before its step. Tagged slow because importing scikit-learn takes about a
      second (the digits themselves are read without it).

      Given a 64-64-10 ReLU digits network with seed 0
      And the loss is categorical_cross_entropy
      When ours and scikit-learn's MLPClassifier each train a copy for 3 epochs at learning rate 0.1 in batches of 32, shuffle seed 0
      Then ours and scikit-learn's parameters agree within 1e-10
      And so do the losses of every epoch, within 1e-10
      And scikit-learn's copy moved some parameter by more than 0.1

  Rule: Exercises
    Try each one with pencil and paper before you open its answer. Every
    answer is stated in a scenario, worked out by hand, and checked against
    the package in every run; the answer shows the value the last run
    computed.

    @exercise
    Scenario: The size of the digits network
      How many parameters does the 64-64-10 digits network have?

      Answer: $64 \cdot 64 + 64 = 4160$ in the hidden layer and
      $64 \cdot 10 + 10 = 650$ in the output layer: $4810$.

      Given a 64-64-10 ReLU digits network with seed 0
      Then the number of parameters is exactly 4810

    @exercise
    Scenario: The softmax output error for one sample
      A softmax output with 3 classes receives the weighted sums
      $z = (0, 0, 0)$ (zero biases, zero input). The true class is 1. What is
      the output error signal $\delta$ of each class, with categorical
      cross-entropy and $N = 1$?

      Answer: The softmax of three equal sums is $\tfrac13$ each, and
      $\delta = \hat y - y = (\tfrac13, \tfrac13 - 1, \tfrac13) = (0.3333, -0.6667, 0.3333)$.

      Given a [2, 3] network with identity hidden layers and a softmax output, seed 0
      And the parameters:
        | parameter | value |
        | b1[0]     | 0     |
        | b1[1]     | 0     |
        | b1[2]     | 0     |
      And the input [0, 0] with target [0, 1, 0]
      And the loss is categorical_cross_entropy
      When I run backward propagation
      Then the error signal of unit 0 of layer 1 is 0.3333333333333333 within 1e-15
      And the error signal of unit 1 of layer 1 is -0.6666666666666667 within 1e-15
      And the error signal of unit 2 of layer 1 is 0.3333333333333333 within 1e-15
