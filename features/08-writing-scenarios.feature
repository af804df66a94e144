Feature: Writing scenarios
  This chapter is for the people who add scenarios: how to bring your own
  data, state a check in one sentence, run what you wrote, and read what the
  suite says when something is wrong. Many scenarios below build a scratch
  copy of this specification in a
  temporary folder (the same pyproject.toml, conftest.py, speckit/ and shared
  sentences of steps/, with its own small features/ folder), runs pytest on it
  in a fresh Python process and reads the report, so the mistakes are real but
  the real suite stays green. A feature file is a test file: its scenarios'
  tests are named after the file, like features/01-typo.feature::test_....

  **How steps hand values to each other.** A step that sets a value returns it,
  and its decorator names the value with `target_fixture`; a step that reads
  a value asks for it by name as a parameter. So `Given the guide's 2-2-1
  network with seed 0` sets the fixture `network`, and `When I run backward
  propagation` reads `network`, `data` and `loss` and sets `gradients`. When
  a later step sets the same name again (a Background's network, then an
  outline's own), pytest-bdd replaces the value for the rest of the scenario.
  A default that a scenario may override is a plain fixture in
  `steps/common_steps.py` (the loss is `mse` until `Given the loss is ...`),
  and a collection a scenario adds to (every gradient check, every seed sweep)
  is a fixture that starts empty. No fixture computes its value from another
  one: pytest keeps a fixture's value for the whole scenario, so it would not
  follow a later Given. Records that travel between steps (`Data`, `Call`,
  `Run`...) and helpers that only steps use live in `steps/support.py`.

  Rule: Your own data
      `Given the data:` takes a table, one row per sample; the header gives each
      column its role: `x1`, `x2`, ... are inputs, `y` (or `y1`, `y2`, ...)
      targets, or a single `label` column holds class labels. `Given the data
      in "data/and.csv"` reads the same from a CSV file next to the feature.
      Every step that trains, checks gradients or measures the loss or the
      accuracy reads the data as it reads XOR, random inputs or the training
      part of the digits split. Bad data fails at the data step, naming the
      row and the column.

    Scenario: Your own data in a table: the network learns the AND gate
      The header gives each column its role: x1, x2, ... are inputs; y (or y1,
      y2, ... for several outputs) the targets. Every step that trains, checks
      gradients or measures the loss reads the data the same way it reads XOR.

      Given the guide's 2-2-1 network with seed 0
      And the data:
        | x1 | x2 | y |
        | 0  | 0  | 0 |
        | 0  | 1  | 0 |
        | 1  | 0  | 0 |
        | 1  | 1  | 1 |
      And the loss is mse
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7
      When I train for 2000 epochs at learning rate 2
      Then the largest distance of an output from its target is at most 0.1

    Scenario: Your own data in a CSV file next to the feature
      features/data/and.csv holds the same AND table, header first:
      x1,x2,y then one line per row.

      Given the guide's 2-2-1 network with seed 0
      And the data in "data/and.csv"
      And the loss is mse
      When I train for 2000 epochs at learning rate 2
      Then the largest distance of an output from its target is at most 0.1

    Scenario: Class labels for a softmax output
      A single column named label holds each row's class, 0, 1, 2, ...; the
      network's softmax output has one unit per class.

      Given a [2, 4, 3] network with tanh hidden layers, softmax output and Glorot weights, seed 0
      And the data:
        | x1   | x2   | label |
        | 0.5  | -1   | 0     |
        | -0.3 | 0.8  | 2     |
        | 1.2  | 0.1  | 1     |
      And the loss is categorical_cross_entropy
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

    Scenario: Random inputs with class labels, in the words a reader writes
      `class` targets (also written classes, label or labels) are whole-number
      class labels, as a `label` column gives; `one-hot` (or onehot) targets
      are rows of 0s with one 1. In any word, capitals and - against _ do not
      count: ReLU is relu. The step catalog lists every word a parameter
      takes.

      Given a [2, 4, 3] network with ReLU hidden layers and a softmax output, seed 0
      And 6 random inputs with class targets, seed 0
      And the loss is categorical_cross_entropy
      When I check the gradient with the central difference and epsilon 1e-5
      Then the overall relative error is at most 1e-7

    Scenario: Bad data fails at the data step, naming the row and the column
      Given a scratch specification with the chapter "01-gates.feature":
        """
        Feature: Gates
          Scenario: The OR gate, with a typo in the data
            Given the guide's 2-2-1 network with seed 0
            And the data in "data/typo.csv"
            When I train for 10 epochs at learning rate 2

          Scenario: The OR gate, with a short row
            Given the guide's 2-2-1 network with seed 0
            And the data in "data/short.csv"
        """
      And the scratch file "features/data/typo.csv":
        """
        x1,x2,y
        0,0,0
        0,one,1
        """
      And the scratch file "features/data/short.csv":
        """
        x1,x2,y
        0,0,0
        0,1,1
        1,0,1
        1,1
        """
      When the scratch specification runs
      Then exactly these scratch tests failed: features/01-gates.feature::test_the_or_gate_with_a_typo_in_the_data, features/01-gates.feature::test_the_or_gate_with_a_short_row
      And the scratch output contains "data/typo.csv, row 2, column x2: 'one' is not a number"
      And the scratch output contains "data/short.csv, row 4: 2 cells, but the header has 3 columns (x1, x2, y)"

  Rule: Checks in one sentence
      Almost every check reads `Then the <quantity> is <comparison>`. The
      quantities (the loss, the first epoch with a loss below a value, an
      output, a gradient, a gradient check's errors, pass counts, the accuracy,
      a parameter's change, ...) are listed in the step catalog; the
      comparisons are the same for all.

    Scenario: One sentence checks any quantity, with the same comparisons
      Every check reads `Then the <quantity> is <comparison>`. The quantities
      are listed in the step catalog; the comparisons are at most, at least,
      below, above, between, exactly, and "V within T" for an absolute
      tolerance or "V within P%" for a relative one.

      Given the guide's 2-2-1 network with seed 0
      And the data:
        | x1 | x2 | y |
        | 0  | 0  | 0 |
        | 0  | 1  | 1 |
        | 1  | 0  | 1 |
        | 1  | 1  | 1 |
      And the loss is mse
      Then the number of parameters is exactly 9
      When I train for 3000 epochs at learning rate 2
      Then the final loss is below 0.01
      And the first epoch with a loss below 0.01 is between 1 and 3000
      And the largest distance of an output from its target is at most 0.1
      And the output of row 4 is within 0.1 of 1
      And the accuracy is exactly 1
      And the largest change of any parameter is above 0.5
      And the gradient dL/dW2[0,0] is 0 within 0.01
      When I check the gradient with the central difference and epsilon 1e-5
      Then the worst relative error is at most 1e-6
      When I count the passes spent on a central-difference gradient
      Then the number of forward passes is exactly 18

  Rule: Comparing two things
      Where a comparison takes a number, it can take another quantity instead:
      `at most the loss`, `within 1e-12 of the final loss`, and for a ratio
      `at least 10 times the gradient dL/dW1[0,1]`. Ending the check with
      `in size` compares absolute values. To compare two runs, name each one
      after its steps with `When I call this run "NAME"`: the run keeps a copy
      of the network, the data, the loss and the latest training as they are
      then, and `the <quantity> of "NAME"` is the same quantity measured on
      that copy. A new `Given` starts the next run from scratch.

    Scenario: Two runs compared: the same data as a table and as a CSV file
      The AND gate as a table, then as features/data/and.csv: the same
      numbers, so training from the same start ends at the same loss and the
      same parameters.

      Given the guide's 2-2-1 network with seed 0
      And the data:
        | x1 | x2 | y |
        | 0  | 0  | 0 |
        | 0  | 1  | 0 |
        | 1  | 0  | 0 |
        | 1  | 1  | 1 |
      When I train for 2000 epochs at learning rate 2
      And I call this run "table"
      Given the guide's 2-2-1 network with seed 0
      And the data in "data/and.csv"
      When I train for 2000 epochs at learning rate 2
      And I call this run "csv"
      Then the final loss of "table" is within 1e-12 of the final loss of "csv"
      And the largest difference of any parameter from "table" is exactly 0

    Scenario: Two quantities of one run compared: a ratio, in size
      From seed 0 on XOR, the output bias's gradient is negative and a
      first-layer weight's is too, so the claim is about sizes: without
      `in size`, "at least 10 times" would compare two negative numbers.

      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      Then the gradient dL/db2[0] is at least 10 times the gradient dL/dW1[0,1] in size
      And the gradient dL/dW2[0,0] is within 0.01 of the gradient dL/dW2[1,0]
      And the loss is below the binary_cross_entropy loss

    Scenario: A run name the scenario did not give is refused, with the names it gave
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I train for 20 epochs at learning rate 2
      And I call this run "table"
      And I call this run "csv"
      And the step "Then the final loss of "tabel" is at most 1" runs
      Then the step fails with "ValueError: no run is called "tabel": this scenario named "table", "csv"; did you mean "table"?"

  Rule: Running what you wrote
      A feature file is a test file: `pytest features/<file>.feature` runs its
      scenarios, and `--scenario "<name>"` one of them by its name as written.
      `pytest --steps=WORD` prints the step catalog's entries that mention
      WORD.

    Scenario: One feature file, or one scenario by its name, runs alone
      `pytest features/<file>.feature` runs the scenarios of that file;
      `--scenario "<name>"` keeps only the scenario of that name, written as
      after `Scenario:` (spaces and quotes included; `-k` cannot take them).

      Given a scratch specification with the chapter "01-gates.feature":
        """
        Feature: Gates
          Scenario: The AND gate's data, 0.5 each
            Given the guide's 2-2-1 network with seed 0
            And the XOR data set

          Scenario: Another scenario
            Given the guide's 2-2-1 network with seed 0
        """
      And the scratch file "features/02-other.feature":
        """
        Feature: Other
          Scenario: Not run
            Given the guide's 2-2-1 network with seed 0
        """
      When the scratch specification runs as: pytest features/01-gates.feature --scenario "The AND gate's data, 0.5 each"
      Then exactly these scratch tests ran and passed: features/01-gates.feature::test_the_and_gates_data_05_each

    Scenario: The step catalog in the terminal: pytest --steps=WORD
      The same entries as the site's step catalog, filtered by a word: each
      sentence with its words, an example, and what it reads and sets.

      Given a scratch specification with the chapter "01-empty.feature":
        """
        Feature: Empty
          Scenario: Nothing yet
            Given the XOR data set
        """
      When the scratch specification runs as: pytest --steps=loss
      Then the scratch output contains "Given the loss is {loss:Word}"
      And the scratch output contains "loss: mse, binary_cross_entropy, categorical_cross_entropy"
      And the scratch output contains "e.g. Given the loss is binary_cross_entropy"
      And the scratch output contains "sets loss"

  Rule: When a scenario is wrong
      Each mistake fails in a way that says what went wrong and where: at its
      own step, in a few lines, with the closest correct sentence or word.

    Scenario: A step nobody has defined fails with the closest existing steps, in the terminal and on the site
      The results file that `make test` and `make docs` write for the site keeps
      the "did you mean" lines, and the chapter page shows them under the
      undefined step.

      Given a scratch specification with the chapter "01-typo.feature":
        """
        Feature: A typo
          Scenario: The network is misspelt
            Given the guide's 2-2-1 netwrok with seed 0
        """
      When the scratch specification runs as: pytest features tests --results-json results.json
      Then exactly these scratch tests failed: features/01-typo.feature::test_the_network_is_misspelt
      And the scratch report says "Step definition is not found" for the sentence "the guide's 2-2-1 netwrok with seed 0"
      And the scratch report suggests first the step "the guide's 2-2-1 network with seed {seed:d}" with its file and line
      And the scratch results for the site record "Did you mean" in the message of "The network is misspelt"
      And the scratch results for the site record "the guide's 2-2-1 network with seed {seed:d}" in the message of "The network is misspelt"

    Scenario: A misspelt word fails at its own step, and a claim that does not hold fails in a few lines
      A word gets the words allowed and the closest one; a check gets where it
      is, the step and what was measured. `pytest --tb=long` still prints
      pytest's full report.

      Given a scratch specification with the chapter "01-claims.feature":
        """
        Feature: Claims
          Scenario: A misspelt loss
            Given the guide's 2-2-1 network with seed 0
            And the XOR data set
            And the loss is binary_crossentropy
            Then the loss is at most 0.01

          Scenario: A claim that does not hold
            Given the guide's 2-2-1 network with seed 0
            And the XOR data set
            Then the loss is at most 0.01
        """
      When the scratch specification runs
      Then exactly these scratch tests failed: features/01-claims.feature::test_a_misspelt_loss, features/01-claims.feature::test_a_claim_that_does_not_hold
      And the scratch output contains "features/01-claims.feature:5: And the loss is binary_crossentropy"
      And the scratch output contains "loss 'binary_crossentropy' is not one of mse, binary_cross_entropy, categorical_cross_entropy; did you mean 'binary_cross_entropy'?"
      And the scratch output contains "features/01-claims.feature:11: Then the loss is at most 0.01"
      And the scratch output contains "AssertionError: the loss is 0."
      And the scratch report of "features/01-claims.feature::test_a_claim_that_does_not_hold" takes at most 3 lines

    Scenario: A malformed feature file fails only its own test, with the parser's line and column
      Given a scratch specification with the chapter "01-fine.feature":
        """
        Feature: Fine
          Scenario: Nothing wrong here
            Given the guide's 2-2-1 network with seed 0
            And the XOR data set
        """
      And the scratch file "features/02-broken.feature":
        """
        Feature: Broken
          Scenario: A line that is not a step
            Given the guide's 2-2-1 network with seed 0
            This line is not Gherkin
        """
      When the scratch specification runs
      Then exactly these scratch tests failed: features/02-broken.feature::test_malformed_feature
      And the scratch test "features/01-fine.feature::test_nothing_wrong_here" passes
      And the scratch report gives the parser's message for line 4 of "02-broken.feature"

    Scenario: A sentence that two step definitions match fails the suite, naming both
      pytest-bdd would silently run one of the two definitions (pytest-bdd #449, #608).
      The demonstration steps "ambiguous" (`tests/fixtures/scratch/ambiguous_steps.py`,
      shipped with the project: a feature file cannot add Python) define
      `Given the guide's {name} network with seed {seed:d}`, which also
      matches the guide's own network sentence.

      Given a scratch specification with the chapter "01-twice.feature":
        """
        Feature: Twice
          Scenario: Two definitions claim this sentence
            Given the guide's 2-2-1 network with seed 0
        """
      And the scratch specification also loads the demonstration steps "ambiguous"
      When the scratch specification runs
      Then exactly these scratch tests failed: tests/test_step_ambiguity.py::test_no_sentence_matches_two_step_definitions
      And the scratch report quotes the sentence "the guide's 2-2-1 network with seed 0" from "01-twice.feature:3"
      And the scratch report names "steps/ambiguous_steps.py:13" and the definition of "the guide's 2-2-1 network with seed {seed:d}" with its file and line
