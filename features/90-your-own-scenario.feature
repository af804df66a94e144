Feature: Your own scenario
  The example of the page "Write your own scenario": an acceptance criterion a
  reader adds using only sentences of the step catalog. Copy this file, give it
  a number for its place among the chapters, and change the sentences.

  Scenario: The guide's network has a weight per connection and a bias per unit
    Given the guide's 2-2-1 network with seed 0
    Then the number of parameters is exactly 9
    And the network has 6 weights and 3 biases
