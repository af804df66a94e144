"""``python -m backprop``: the same command line as the ``backprop`` script."""

import sys

from backprop.cli import main

sys.exit(main())
