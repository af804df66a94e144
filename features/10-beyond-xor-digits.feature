@learn
Feature: Beyond XOR: handwritten digits
  The same four ideas (forward propagation, the loss, backpropagation,
  gradient descent) train a network that reads handwritten digits. The data
  are the 1,797 8x8 grey-scale digits that ship with scikit-learn (nothing is
  downloaded); each image is 64 inputs scaled to [0, 1], its label one of 10
  classes.

  Two things change. The output layer is a softmax, $\hat y_k = e^{z_k} / \sum_j e^{z_j}$,
  ten probabilities that sum to 1, and the loss is the categorical
  cross-entropy $L = -\frac{1}{N}\sum_n \log \hat y_{n, \text{label}_n}$; with this
  pair the output error signal is again $(\hat y - y)/N$ (chapter "The chain rule"
  checks the shortcut against nudging). And training uses *minibatches*:
  each epoch shuffles the training rows with a seeded generator, cuts them
  into batches of 32 and takes one gradient-descent step per batch, 43 steps
  per epoch instead of one.

  The network is 64-64-10 with ReLU hidden units, Glorot-uniform weights and
  zero biases, trained with SGD at learning rate 0.1 for 50 epochs. Accuracy
  is measured on a quarter of the images held out by a stratified split (each
  digit keeps its share in both parts).

  How the accuracy bound was chosen: scikit-learn's MLPClassifier with the same
  settings reaches 96.8% on average over 7 seeds (project field notes). We
  measured this package on seeds 0 to 29 on 2026-11-28 (seed s for the split,
  the weights and the shuffles): most seeds reach 96%, but a few fall short and
  one ends far below, a ReLU network stuck early on. So the scenario asserts the
  *mean* over seeds 0 to 6 is at least 96% and no one of them is below 95%; the
  mean and the lowest accuracy measured by the last run are shown under it.

  Background:
    Given the digits data set split 75/25 by class with seed 0

  Scenario: The stratified split keeps every digit's share
    Then the training set holds 1347 images and the test set 450
    And every digit's share of the test set is within one image of a quarter of its images

  Scenario: Every epoch visits every training image once, in a new order
    When I draw the shuffles of 3 epochs with shuffle seed 4
    Then each epoch visits every training image exactly once
    And no two epochs visit the images in the same order
    And drawing them again with shuffle seed 4 gives the same orders

  Scenario: Minibatch training is reproducible to the last bit
    Given a 64-64-10 ReLU digits network with seed 1
    When I train two copies for 2 epochs at learning rate 0.1 in batches of 32, shuffle seed 5
    Then the two digits networks are identical to the last bit
    And the training loss after 2 epochs is below half the loss before training

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

  @slow
  Scenario: A 64-64-10 ReLU network learns to read the digits
    When I train a 64-64-10 ReLU network on each of the digits splits 0 to 6 for 50 epochs at learning rate 0.1 in batches of 32
    Then the mean test accuracy over those seeds is at least 96%
    And every one of those seeds reaches a test accuracy of at least 95%

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
    When ours and scikit-learn's MLPClassifier each train a copy for 3 epochs at learning rate 0.1 in batches of 32, shuffle seed 0
    Then ours and scikit-learn's parameters agree within 1e-10
    And so do the losses of every epoch, within 1e-10
    And scikit-learn's copy moved some parameter by more than 0.1

  Scenario: A batch size of zero is refused
    Given the guide's 2-2-1 network with seed 0
    And the XOR data set
    When train_minibatch is called with batch_size = 0
    Then the call fails with ValueError naming "batch_size", expecting "at least 1", given "got 0"
