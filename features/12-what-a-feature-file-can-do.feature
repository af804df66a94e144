Feature: What a feature file can and cannot do
  Readers add scenarios as acceptance criteria, and a team publishes the
  site that `make site` builds from them. So a feature file is input from
  anyone: whoever writes one can do exactly what the step catalog offers,
  and nothing more. Its text is shown, never run; its paths stay inside
  the specification; every step that cannot do what a sentence asks says
  so by name; and a file in an unexpected encoding fails on its own.

  Each scenario below writes hostile feature files into a scratch copy of
  the specification, in a temporary folder (never under the real
  `features/`), and builds or runs that copy. `make check-site` also opens a
  site built from such a file in a browser and checks that nothing runs:
  no dialog, no change to the page, no request leaving the machine.

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
