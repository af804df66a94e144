"""speckit: the machinery that turns ``features/`` into tests, reports and a catalog.

Nothing here knows about backpropagation; it is the pytest and Gherkin tooling
the specification runs on, kept apart from the step definitions in ``steps/``:

* ``features``: finding and parsing the feature files (gherkin-official), and
  the step sentences pytest-bdd will run;
* ``collect``: a pytest plugin that collects each ``.feature`` file as a test
  module, so ``pytest features/03-the-chain-rule.feature`` runs that chapter;
* ``catalog``: every step definition, with its pattern, parameters, docstring
  and example (read from pytest-bdd's registry);
* ``authoring``: a pytest plugin suggesting the closest sentences for an
  undefined step, the ambiguity check, and a scratch copy of the specification;
* ``results``: a pytest plugin recording each scenario's result (and what its
  steps measured) for the site, under pytest-xdist too;
* ``short``: a pytest plugin reporting a failing step in a few lines.

The root ``conftest.py`` loads the four plugins; the site (``docs/_hooks``),
the browser checks and the tests import the rest.
"""
