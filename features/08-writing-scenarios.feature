Feature: Writing scenarios
  This chapter is for the people who add scenarios. Three mistakes are easy
  to make, and each one fails in a way that says what went wrong and where.
  Each scenario below builds a scratch copy of this specification in a
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

  Scenario: A step nobody has defined fails with the closest existing steps
    Given a scratch specification with the chapter "01-typo.feature":
      """
      Feature: A typo
        Scenario: The network is misspelt
          Given the guide's 2-2-1 netwrok with seed 0
      """
    When the scratch specification runs
    Then only the scratch test "features/01-typo.feature::test_the_network_is_misspelt" fails
    And the scratch report says "Step definition is not found" for the sentence "the guide's 2-2-1 netwrok with seed 0"
    And the scratch report suggests first the step "the guide's 2-2-1 network with seed {seed:d}" with its file and line

  Scenario: A malformed feature file fails only its own test, with the parser's line and column
    Given a scratch specification with the chapter "01-fine.feature":
      """
      Feature: Fine
        Scenario: Nothing wrong here
          Given the guide's 2-2-1 network with seed 0
          And the XOR data set
      """
    And the scratch chapter "02-broken.feature":
      """
      Feature: Broken
        Scenario: A line that is not a step
          Given the guide's 2-2-1 network with seed 0
          This line is not Gherkin
      """
    When the scratch specification runs
    Then only the scratch test "features/02-broken.feature::test_malformed_feature" fails
    And the scratch test "features/01-fine.feature::test_nothing_wrong_here" passes
    And the scratch report gives the parser's message for line 4 of "02-broken.feature"

  Scenario: A sentence that two step definitions match fails the suite, naming both
    pytest-bdd would silently run one of the two definitions (pytest-bdd #449, #608).
    Given a scratch specification with the chapter "01-twice.feature":
      """
      Feature: Twice
        Scenario: Two definitions claim this sentence
          Given the guide's 2-2-1 network with seed 0
      """
    And the scratch steps module "extra_steps.py":
      """
      from pytest_bdd import given

      from steps.parsing import sentence


      @given(sentence("the guide's {name} network with seed {seed:d}"))
      def _(name, seed):
          "A second definition that also matches the guide's network sentence."
      """
    When the scratch specification runs
    Then only the scratch test "tests/test_step_ambiguity.py::test_no_sentence_matches_two_step_definitions" fails
    And the scratch report quotes the sentence "the guide's 2-2-1 network with seed 0" from "01-twice.feature:3"
    And the scratch report names "steps/extra_steps.py:6" and the definition of "the guide's 2-2-1 network with seed {seed:d}" with its file and line
