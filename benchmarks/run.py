"""``make bench``: run the five benchmarks, print them, write ``benchmarks/last-run.md``.

Exit code 0 when every bar that could be measured is met, 1 when a bar is
missed. A missing peer library is reported in its table and leaves its bar
"not measured", which is not a failure.

Usage: ``python -m benchmarks.run [--quick] [--output PATH]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from backprop.files import write_text
from benchmarks import bench_digits, bench_gradient_cost, bench_playground, bench_stack, bench_xor
from benchmarks.common import ROOT, commit, machine, versions


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Run the five benchmarks, print them and write the Markdown report; exit 1 if a bar is missed.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run; noisier numbers)")
    parser.add_argument(
        "--output", default=str(ROOT / "benchmarks" / "last-run.md"), help="the Markdown report (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    started = time.time()
    header = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "machine": machine(),
        "versions": ", ".join(f"{name} {v}" for name, v in versions().items()),
    }
    for key, value in header.items():
        print(f"{key}: {value}")
    print()
    repeats = 5 if args.quick else None
    tables = []
    figures = {}  # table title -> Markdown of its figure, for the report file only
    for label, bench in (
        ("xor", bench_xor),
        ("seed sweep", bench_stack),
        ("gradient cost", bench_gradient_cost),
        ("digits", bench_digits),
        ("playground", bench_playground),
    ):
        print(f"running {label} ...", file=sys.stderr, flush=True)
        # The seed sweep's repeats take seconds each: one is enough for a smoke run.
        result = (
            bench.run()
            if repeats is None
            else bench.run(repeats=1 if bench in (bench_stack, bench_playground) else repeats)
        )
        table = result[0] if isinstance(result, tuple) else result
        if bench is bench_gradient_cost:
            figure = bench_gradient_cost.figure(
                result[1],
                ROOT / "benchmarks" / "gradient-cost.svg",
                f"measured by make bench, {header['date']} (batch 64)",
            )
            if figure is not None:
                table.notes.append("The cost against P, batch 64, is drawn below (`benchmarks/gradient-cost.svg`).")
                # A link relative to the report: the site's performance page copies
                # the figure next to itself (docs/_hooks/site.py).
                figures[table.title] = f"![Gradient cost against the parameter count P]({Path(figure).name})\n"
        tables.append(table)
        print(table.markdown())

    lines = ["# Benchmarks: last run", ""]
    lines += [f"- **{key.capitalize()}**: {value}" for key, value in header.items()]
    lines += [
        f"- **Duration**: {time.time() - started:.0f} s" + (" (--quick: fewer repeats)" if args.quick else ""),
        "",
    ]
    lines += [
        "Produced by `make bench` (`python -m benchmarks.run`); the numbers come from that run, "
        "contenders timed side by side, medians over repeats.",
        "",
    ]
    for t in tables:
        lines.append(t.markdown())
        if t.title in figures:
            lines.append(figures[t.title])
    missed = [t.title for t in tables if t.passed is False]
    lines += [
        "## Verdict",
        "",
        ("Every measured bar is met." if not missed else "Missed: " + "; ".join(missed) + "."),
        "",
    ]
    write_text(args.output, "\n".join(lines))  # whole or not at all: an interrupted run keeps the last report
    print(f"wrote {args.output}", file=sys.stderr)
    if missed:
        print("bar missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
