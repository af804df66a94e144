"""Step definitions: the sentences of the feature files, bound to the backprop package.

Every ``*_steps.py`` module here is loaded as a pytest plugin by the root
``conftest.py``, so its steps are available to every feature file.
"""
