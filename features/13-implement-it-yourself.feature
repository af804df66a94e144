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
