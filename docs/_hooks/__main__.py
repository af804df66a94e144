"""``python -m docs._hooks OUT``: the site's pages and figures into a folder, without MkDocs.

See ``docs/_hooks/build.py``: the same generation step the MkDocs hook calls.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docs._hooks.build import RESULTS, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docs._hooks", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write the pages, figures and nav.json into")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the recorded run (default: %(default)s)")
    args = parser.parse_args(argv)
    site = generate(args.results)
    site.write(args.out)
    for problem in site.problems:
        print(problem, file=sys.stderr)
    return 1 if site.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
