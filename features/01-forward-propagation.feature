Feature: Forward propagation
  The input is fed through the layers to produce a prediction. For the guide's
  2-2-1 network each hidden unit j computes z1_j = x_0 W1[0,j] + x_1 W1[1,j] + b1[j]
  and a1_j = sigmoid(z1_j); the output is y_hat = sigmoid(a1_0 W2[0,0] + a1_1 W2[1,0] + b2[0]).

  Scenario: A network is built from the guide's layer sizes
    Given the guide's 2-2-1 network with seed 0
    Then the network has 9 parameters
