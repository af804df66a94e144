Feature: Your own scenario
  The example of the page "Write your own scenario": acceptance criteria a
  reader adds using only sentences of the step catalog, with data of their own.
  Copy this file, give it a number for its place among the chapters, and
  change the sentences.

  Scenario: The guide's network learns the AND gate from its own truth table
    Given the guide's 2-2-1 network with seed 0
    And the data:
      | x1 | x2 | y |
      | 0  | 0  | 0 |
      | 0  | 1  | 0 |
      | 1  | 0  | 0 |
      | 1  | 1  | 1 |
    And the loss is mse
    When I train for 2000 epochs at learning rate 2
    Then the largest distance of an output from its target is at most 0.1
    And the first epoch with a loss below 0.01 is at most 2000

  Scenario: The chain rule agrees with nudging on the AND gate
    Given the guide's 2-2-1 network with seed 0
    And the data in "data/and.csv"
    When I check the gradient with the central difference and epsilon 1e-5
    Then the overall relative error is at most 1e-7
    And the worst relative error is at most 1e-6
