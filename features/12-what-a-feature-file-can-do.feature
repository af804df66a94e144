Feature: What a feature file can and cannot do
  Readers add scenarios as acceptance criteria, and a team publishes the
  site that `make site` builds from them. So a feature file is input from
  anyone: whoever writes one can do exactly what the step catalog offers,
  and nothing more. Its text is shown, never run; its paths stay inside
  the specification; every step that cannot do what a sentence asks says
  so by name; and a file in an unexpected encoding fails on its own.

  The first three rules write hostile feature files into a scratch copy of
  the specification, in a temporary folder (never under the real
  `features/`), and build or run that copy. `make check-site` also opens a
  site built from such a file in a browser and checks that nothing runs:
  no dialog, no change to the page, no request leaving the machine.

  The rules after them ask the project's own steps for things that do not
  exist or cannot be read, in the scenario itself (`When the step "..."
  runs`), and show the message a reader would see under the failing step, in
  the terminal and on the site: a named problem and its fix, never a wrapped
  index, a silent NaN, a bare IndexError or a traceback.

  Rule: Prose is data
      A feature's name, its descriptions and an exercise's answer are shown as
      text and Markdown, math included. Markup that could run or reach out (a
      script, an event handler, a `javascript:` link, a frame, an image from
      another host) is removed from the HTML the Markdown becomes, against an
      allow-list of tags and attributes. A description may quote numbers the
      package computed (`{% raw %}{{ worked.y_hat | num }}{% endraw %}`), but only by name, field,
      index and call with literal arguments: no arithmetic, no statements, no
      way to Python's internals, files or the network. Every page also carries
      a Content-Security-Policy that lets only the site's own scripts run.

    Scenario: Markup in a feature's name and descriptions is shown, never run
      Every payload carries the word "pwned": no page may run or load
      anything that carries it. The name is shown as written, as text.

      Given a scratch specification with the chapter "01-markup.feature":
        """
        Feature: <img src=x onerror="alert('pwned')"> A hostile name
          <script>alert('pwned')</script> A description with a script,
          <iframe src="https://pwned.example/"></iframe> a frame,
          [a link](javascript:alert('pwned')), [data](data:text/html,pwned)
          and ![an image](https://pwned.example/pixel.png).

          A paragraph with an attribute list
          {: onmouseover="alert('pwned')" }

          --8<-- "constraints.txt"

          Rule: <b onmouseover="alert('pwned')">A hostile rule</b>
            <svg onload="alert('pwned')"></svg><style>body { display: none }</style>
            <object data="https://pwned.example/x.swf"></object>
            <form action="https://pwned.example/"><input name="q"></form>

            @exercise
            Scenario: An exercise whose answer is hostile
              What is <a href="#" onclick="alert('pwned')">this</a>?

              Answer: <img src=x onerror="alert('pwned')"> nothing.

              Given the XOR data set
        """
      When the scratch site is built
      Then the scratch site builds without a warning about the feature files
      And no page of the scratch site runs or loads anything the feature files wrote
      And every page of the scratch site allows only the site's own scripts
      And the scratch site's chapter "01-markup" shows "<img src=x onerror="alert('pwned')"> A hostile name" as text
      And the scratch site's chapter "01-markup" does not contain "numpy=="
      And no file appeared in the project outside the scratch folder

    Scenario: A description's values cannot reach Python, and each refusal names the file and the line
      The build warns about prose it cannot show, so the strict build of
      `make site` stops on it; the page shows the refusal in its place.

      Given a scratch specification with the chapter "01-values.feature":
        """
        Feature: Values
          Scenario: A description that reaches for Python
            {{ cycler.__init__.__globals__.os.system("touch pwned") }}

            Given the XOR data set

          Scenario: A description that asks for a hundred million characters
            {{ "x" * 10**8 }}

            Given the XOR data set

          Scenario: A description with a statement
            Before
            {% include "pyproject.toml" %}

            Given the XOR data set
        """
      When the scratch site is built
      Then the scratch site's build warns "features/01-values.feature:3: the description of Scenario 'A description that reaches for Python' cannot be shown: the field '__globals__' starts with an underscore"
      And the scratch site's build warns "features/01-values.feature:8: the description of Scenario 'A description that asks for a hundred million characters' cannot be shown: the expression Mul is not allowed"
      And the scratch site's build warns "features/01-values.feature:14: the description of Scenario 'A description with a statement' cannot be shown: a statement ({% ... %}) is not allowed"
      And no file appeared in the project outside the scratch folder

  Rule: Files stay inside
      A feature file may add feature files and their CSV data to a scratch
      specification, and nothing Python would run: no steps module, no
      `conftest.py`, no test file, no configuration. Every path resolves
      inside the scratch folder. A scratch run takes only the pytest options
      the chapter on writing scenarios shows; an option that writes, reads or
      configures elsewhere (`--basetemp`, which pytest empties, `-p`, `-c`,
      `--rootdir`, `-o`, `--junitxml`...) is refused by name. A demonstration
      that needs a steps module of its own loads one that ships with the
      project, by name.

    Scenario Outline: A scratch file is a feature file or its data, inside the scratch folder
      Given a scratch specification with the chapter "01-fine.feature":
        """
        Feature: Fine
          Scenario: Nothing wrong here
            Given the XOR data set
        """
      Then writing the scratch file "<path>" is refused with "<message>"

      Examples:
        | path                     | message                                                           |
        | steps/extra_steps.py     | the scratch file 'steps/extra_steps.py' cannot be written         |
        | conftest.py              | the scratch file 'conftest.py' cannot be written                  |
        | features/conftest.py     | the scratch file 'features/conftest.py' cannot be written         |
        | tests/test_more.py       | the scratch file 'tests/test_more.py' cannot be written           |
        | pyproject.toml           | the scratch file 'pyproject.toml' cannot be written               |
        | ../../outside.feature    | the scratch file '../../outside.feature' is outside the scratch specification |
        | /tmp/outside.feature     | the scratch file '/tmp/outside.feature' is outside the scratch specification  |

    Scenario Outline: A scratch run takes only the options the chapter shows
      Given a scratch specification with the chapter "01-fine.feature":
        """
        Feature: Fine
          Scenario: Nothing wrong here
            Given the XOR data set
        """
      Then the scratch run "pytest <arguments>" is refused with "<message>"

      Examples:
        | arguments                      | message                                                    |
        | --basetemp=/ features          | the pytest option --basetemp is not taken by a scratch run |
        | -p os features                 | the pytest option -p is not taken by a scratch run         |
        | -c /etc/other.toml features    | the pytest option -c is not taken by a scratch run         |
        | --rootdir=/ features           | the pytest option --rootdir is not taken by a scratch run  |
        | -o addopts= features           | the pytest option -o is not taken by a scratch run         |
        | --junitxml=/tmp/x.xml features | the pytest option --junitxml is not taken by a scratch run |
        | --results-json /tmp/r.json     | --results-json '/tmp/r.json' is outside the scratch specification |
        | ../../features                 | the path '../../features' is outside the scratch specification    |

  Rule: Files are read as they are written
      Feature files and CSV files are UTF-8, with or without a byte-order mark,
      with Unix or Windows line ends. A file that is not UTF-8 fails its own
      test, naming the file and the first byte that cannot be read; every
      other feature still runs. A `Widget:` line that names no widget is a
      warning of the build, with the feature file, the line and the widgets
      there are: `make site`, a strict build, stops on it.

    Scenario: A feature file that is not UTF-8 fails alone, naming its first bad byte
      Given a scratch specification with the chapter "01-fine.feature":
        """
        Feature: Fine
          Scenario: Nothing wrong here
            Given the XOR data set
        """
      And the scratch file "features/02-latin-1.feature", saved as Latin-1:
        """
        Feature: Latin-1
          Scenario: Déjà vu
            Given the XOR data set
        """
      When the scratch specification runs
      Then exactly these scratch tests failed: features/02-latin-1.feature::test_malformed_feature
      And the scratch test "features/01-fine.feature::test_nothing_wrong_here" passes
      And the scratch output contains "02-latin-1.feature is not UTF-8: byte 30 (0xe9, line 2) cannot be read; save the file as UTF-8"

    Scenario: A byte-order mark and Windows line ends are read like any other feature file
      Given a scratch specification with the chapter "01-fine.feature":
        """
        Feature: Fine
          Scenario: Nothing wrong here
            Given the XOR data set
        """
      And the scratch file "features/02-windows.feature", saved as UTF-8 with a byte-order mark and Windows line ends:
        """
        Feature: Saved on Windows
          Scenario: Read as written
            Given the guide's 2-2-1 network with seed 0
            And the XOR data set
            Then the number of parameters is exactly 9
        """
      When the scratch specification runs
      Then exactly these scratch tests ran and passed: features/01-fine.feature::test_nothing_wrong_here, features/02-windows.feature::test_read_as_written, tests/test_step_ambiguity.py::test_no_sentence_matches_two_step_definitions

    Scenario: A widget that does not exist is reported with the file, the line and the widgets there are
      Given a scratch specification with the chapter "01-widget.feature":
        """
        Feature: A widget
          The playground is misspelt.

          Widget: no-such-widget

          Scenario: Nothing wrong here
            Given the XOR data set
        """
      When the scratch site is built
      Then the scratch site's build warns "features/01-widget.feature:4: there is no widget 'no-such-widget'; the widgets: xor-playground"

    Scenario: Two scenarios with one name fail their file, naming both lines
      pytest-bdd keeps a feature's scenarios by name: of two with one name it
      would run only one, and the other claim would never be checked, silently.

      Given a scratch specification with the chapter "01-twice.feature":
        """
        Feature: Twice
          Scenario: The same name
            Given the XOR data set

          Scenario: The same name
            Given the guide's 2-2-1 network with seed 0
        """
      When the scratch specification runs
      Then exactly these scratch tests failed: features/01-twice.feature::test_malformed_feature
      And the scratch output contains "(5:1): two scenarios are named 'The same name' (lines 2 and 5): pytest-bdd would run only one of them; give each scenario its own name"

  Rule: A number in a sentence is checked against what exists
    Rows and layers count from 1 (layer 1 is the first hidden layer; where a
    sentence allows it, layer 0 is the input); units count from 0 within their
    layer, as the indices of a parameter name do (W1[0,1]). A number outside
    the range is refused with the valid range, never wrapped around.

    Scenario Outline: A row, a layer or a unit that does not exist is refused with the valid range
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When the step "<step>" runs
      Then the step fails with "<message>"

      Examples:
        | step | message |
        | Then the output of row 0 is at most 1 | ValueError: row 0 is out of range: rows 1–4 |
        | Then the output of row 99 is at most 1 | ValueError: row 99 is out of range: rows 1–4 |
        | Then the weight gradient norm of layer 0 is at most 1 | ValueError: layer 0 is out of range: layers 1–2 |
        | Then the weight gradient norm of layer 9 is at most 1 | ValueError: layer 9 is out of range: layers 1–2 |
        | Then the ratio of the weight gradient norms of layers 2 and 3 is at most 1 | ValueError: layer 3 is out of range: layers 1–2 |
        | Then hidden units 0 and 9 of layer 1 are identical to the last bit | ValueError: unit 9 of layer 1 is out of range: units 0–1 |
        | Then hidden units 0 and 1 of layer 2 are identical to the last bit | ValueError: layer 2 is out of range: hidden layers: 1 only |
        | Then nudging unit 9 of layer 0 directly gives the same gradient, within 1e-9 | ValueError: unit 9 of layer 0 is out of range: units 0–1 |
        | Then nudging unit 0 of layer 2 directly gives the same gradient, within 1e-9 | ValueError: layer 2 is out of range: layers below the output 0–1 |
        | Then unit 0 of layer 3 reaches the loss along 2 paths, and their products sum to its gradient from the backward pass, within 1e-12 | ValueError: layer 3 is out of range: layers below the output 0–1 |
        | Then the gradient dL/dW9[0,0] is at most 1 | ValueError: parameter 'W9[0,0]': layer 9 does not exist; layers are 1..2 |
        | Then the z of unit 0 of layer 1 is at most 1 | ValueError: the z of a unit is for a batch of one sample; this batch has 4 (Given the input [...] with target [...] gives one) |

    Scenario Outline: A unit of one sample's forward pass is checked against the layer's width
      Given the worked example's network
      And the input [1, 1] with target [0]
      When I run forward propagation
      And the step "<step>" runs
      Then the step fails with "<message>"

      Examples:
        | step | message |
        | Then unit 9 of layer 1 has z = 0.5 and a = 0.6 within 1e-9 | ValueError: unit 9 of layer 1 is out of range: units 0–1 |
        | Then unit 0 of layer 0 has z = 0.5 and a = 0.6 within 1e-9 | ValueError: layer 0 is out of range: layers 1–2 |
        | Then the z of unit 2 of layer 1 is at most 1 | ValueError: unit 2 of layer 1 is out of range: units 0–1 |
        | Then the error signal of unit 0 of layer 3 is at most 1 | ValueError: layer 3 is out of range: layers 1–2 |

    Scenario: A weight matrix is named by a layer the network has
      Given the guide's 2-2-1 network with seed 0
      When the step "Given the network's W9 is the nested list [[1.0]]" runs
      Then the step fails with "ValueError: layer 9 is out of range: layers 1–2"

  Rule: A quantity that cannot be computed says why
    Scenario: The ratio of two gradient norms when one of them is 0
      With all weights zero, the error signal never reaches the first layer.

      Given a [2, 2, 1] network with zeros initialisation, seed 0
      And the XOR data set
      When the step "Then the ratio of the weight gradient norms of layers 2 and 1 is at least 1" runs
      Then the step fails with "ValueError: the ratio of the weight gradient norms of layers 2 and 1 is undefined: the norm of layer 1 is 0"

    Scenario: An order of accuracy over a single epsilon
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When I sweep epsilon from 1e-1 to 1e-12, one value per decade, with the central difference
      And the step "Then the observed order of accuracy from epsilon 1e-3 to 1e-3 is between 1.9 and 2.1" runs
      Then the step fails with "ValueError: the observed order of accuracy from epsilon 0.001 to 0.001 compares a range of one point: give two different epsilons of the sweep"

    Scenario Outline: A comparison no value could pass is refused
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When the step "<step>" runs
      Then the step fails with "<message>"

      Examples:
        | step | message |
        | Then the loss is between 5 and 1 | ValueError: the comparison 'between 5 and 1' is an empty range: 5 is above 1 |
        | Then the loss is 0.25 within -1 | ValueError: the comparison '0.25 within -1' has a negative tolerance, -1 |
        | Then the loss is at most 1e400 | ValueError: the comparison 'at most 1e400' has a number beyond float64's range (up to 1.8e308) |

  Rule: A value a step cannot read is named, with the fix
    Scenario Outline: Tables of parameters are read cell by cell
      Given the guide's 2-2-1 network with seed 0
      When the step "Given the parameters:" runs with the table:
        | parameter | <column> |
        | W1[0,0]   | <value>  |
      Then the step fails with "<message>"

      Examples:
        | column | value | message |
        | weight | 1     | BadData: the parameters table has no column 'value': its columns are \| parameter \| value \|, one row per entry |
        | value  | half  | BadData: the parameters table, row 1, column value: 'half' is not a number |
        | value  | nan   | BadData: the parameters table, row 1, column value: nan (not a number) is not allowed here |
        | value  | 1e400 | BadData: the parameters table, row 1, column value: 1e400 is beyond float64's range (up to about 1.8e308) |

    Scenario Outline: Values written in a sentence
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When the step "<step>" runs
      Then the step fails with "<message>"

      Examples:
        | step | message |
        | Given the input [a, b] with target [0] | ValueError: x = [a, b]: 'a' is not a number; write numbers separated by commas, like [2, 2, 1] |
        | Given a [2, , 1] network with seed 0 | ValueError: sizes = [2, , 1]: has an empty entry; write numbers separated by commas, like [2, 2, 1] |
        | When I take one gradient-descent step at learning rate 1e400 | ValueError: lr = 1e400: beyond float64's range (up to about 1.8e308) |
        | When backward_pro is called with X = [[0, 0]] | ValueError: 'backward_pro' is not a public function of backprop; did you mean 'backward_prop'? |
        | When backward_prop is called with X = [[0, 0] | ValueError: X = [[0, 0]: not a JSON value (Expecting ',' delimiter at character 8); write numbers, [lists], "strings" in double quotes, true, false, null, NaN or Infinity |
        | When train is called with learning_rat = 0.5 | ValueError: train takes no argument 'learning_rat'; its arguments are network, X, y, epochs, learning_rate, loss, gradient, epsilon, method, target_loss, callback |
        | When I count the passes spent on a guess | ValueError: I can count the passes of a forward-difference gradient, a central-difference gradient, a forward-mode gradient, the chain-rule gradient; not of 'a guess' |

  Rule: A step that needs an earlier one names every step that would provide it
    Scenario: A check of training in a scenario that did not train
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When the step "Then the final loss is below 0.01" runs
      Then the step fails with:
        """
        MissingStep: this step reads training, which no earlier step of the scenario set. Add one of these steps before it:
            When I train for {epochs:d} epochs at learning rate {lr:Number}
            When I train for {epochs:d} epochs at learning rate {lr:Number} with the {method:Word}-difference numerical gradient
            When I train by minibatch SGD for {epochs:d} {unit:Word} at learning rate {lr:Number} in batches of {batch:d}, shuffle seed {seed:d}
        """

    Scenario: The test accuracy of data that is not the digits split
      Given the guide's 2-2-1 network with seed 0
      And the XOR data set
      When the step "Then the test accuracy is at least 90%" runs
      Then the step fails with:
        """
        ValueError: the test accuracy reads the held-out part of the digits split, and this scenario's data is not split: Given the digits data set split 75/25 by class with seed 0
        """

    Scenario: A step that takes a table, given none
      Given the guide's 2-2-1 network with seed 0
      When the step "Given the parameters:" runs
      Then the step fails with "MissingStep: this step takes a table: write its rows under the step, header first"

  Rule: A failure message is short
    Any failure fits in 20 lines and 2,000 characters; a long array is
    summarised, never printed whole.

    Scenario: A training run that did not diverge is described in one line, not by its 2,001 losses
      Given a [2, 2, 1] network with relu hidden layers and a identity output, seed 0
      And the XOR data set
      When training runs for 2000 epochs at learning rate 0.1 while recording each loss
      And the step "Then training stops with a DivergenceError before epoch 100" runs
      Then the step fails with "AssertionError: expected a DivergenceError, but training finished: 2,001 epochs recorded, the last loss 8.043e-31"
      And the step's failure message fits in 20 lines and 2000 characters

    Scenario: A failure about a network of 4,417 parameters summarises them
      Given a [2, 64, 64, 1] network with seed 0
      When the step "Then every weight and bias is still exactly 0" runs
      Then the step fails with "AssertionError: 4,288 of 4,417 parameters are not 0: 4,417 values from -3.89942 to 3.2572"

  Rule: Data files stay inside the features folder, and are read as UTF-8
    Scenario Outline: A data path is resolved first, then checked; the message quotes the path, never the file
      Given the guide's 2-2-1 network with seed 0
      When the step "Given the data in "<path>"" runs
      Then the step fails with "<message>"

      Examples:
        | path               | message |
        | ../pyproject.toml  | BadData: the data path "../pyproject.toml" leads outside the features folder; give a path from the feature file's folder to a file inside the features folder, like "data/and.csv" |
        | /etc/passwd        | BadData: the data path "/etc/passwd" is absolute; give a path from the feature file's folder to a file inside the features folder, like "data/and.csv" |
        | data/missing.csv   | BadData: no data file "data/missing.csv"; put the CSV under the features folder, next to the feature file |

      @symlink
      Examples: A symbolic link under features/ that points out of it
        | path               | message |
        | data/link-out.csv  | BadData: the data path "data/link-out.csv" leads outside the features folder; give a path from the feature file's folder to a file inside the features folder, like "data/and.csv" |

    Scenario Outline: A CSV file is named with the byte, the row or the column that is wrong
      Given the guide's 2-2-1 network with seed 0
      When the step "Given the data in "<path>"" runs
      Then the step fails with "<message>"

      Examples:
        | path                | message |
        | data/latin-1.csv    | BadData: data file "data/latin-1.csv" is not UTF-8: byte 0xe9 at offset 21 (line 3) does not decode; save the file as UTF-8 |
        | data/twice.csv      | BadData: data/twice.csv: column 'x1' appears twice (columns 1 and 2 of the header); each column needs a name of its own |
        | data/unknown.csv    | BadData: data/unknown.csv: column 'z' has no role; name input columns x1, x2, ..., target columns y (or y1, y2, ...), or one column 'label' (or 'class') for class labels |
        | data/huge-label.csv | BadData: data/huge-label.csv, row 2, column label: 1e+20 is larger than any class number (at most 2147483647) |

    Scenario Outline: A byte-order mark and CRLF line ends are read as plain UTF-8
      Given the guide's 2-2-1 network with seed 0
      And the data in "<path>"
      Then the data's inputs are <X> and its targets <y>

      Examples:
        | path          | X                | y          |
        | data/bom.csv  | [[0, 0], [0, 1]] | [[0], [1]] |
        | data/crlf.csv | [[0, 0], [1, 1]] | [[0], [0]] |

    Scenario: Inputs are taken by their number, wherever the column stands
      data/swapped.csv has the header x2,x1,y: its first input is the column x1.

      Given the guide's 2-2-1 network with seed 0
      And the data in "data/swapped.csv"
      Then the data's inputs are [[0, 1], [1, 1]] and its targets [[1], [0]]

  Rule: The command line in a scenario writes only into its temporary folder
    Scenario: Figures go into FIGURES
      When the step "When I run the command line: backprop xor --epochs 1 --no-progress --plot /tmp/elsewhere" runs
      Then the step fails with "ValueError: backprop xor --epochs 1 --no-progress --plot /tmp/elsewhere: in a scenario, --plot writes into FIGURES (a fresh temporary folder) or a folder under it, like FIGURES/run-1"
