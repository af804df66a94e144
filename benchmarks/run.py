"""``make bench``: run the six benchmarks, print them, write ``benchmarks/last-run.md`` and ``last-run.json``.

The Markdown is the report; the JSON holds what the site reads from it: when,
where and on what the benchmarks ran, and the gradient-cost measurements that
the chapter "Why backprop" draws (the site never times anything itself).

Exit code 0 when every bar that could be measured is met, 1 when a bar is
missed. A missing peer library is reported in its table and leaves its bar
"not measured", which is not a failure.

Usage: ``python -m benchmarks.run [--quick] [--output PATH]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from backprop.files import write_text
from benchmarks import bench_digits, bench_gradient_cost, bench_playground, bench_site, bench_stack, bench_xor
from benchmarks.common import ROOT, commit, machine, versions


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description="Run the six benchmarks, print them and write the Markdown report; exit 1 if a bar is missed.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run; noisier numbers)")
    parser.add_argument(
        "--output", default=str(ROOT / "benchmarks" / "last-run.md"), help="the Markdown report (default: %(default)s)"
    )
    parser.add_argument(
        "--json", default=str(ROOT / "benchmarks" / "last-run.json"), help="the site's data (default: %(default)s)"
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
    measured: dict = {}  # what the site reads, by benchmark
    for label, bench in (
        ("xor", bench_xor),
        ("seed sweep", bench_stack),
        ("gradient cost", bench_gradient_cost),
        ("digits", bench_digits),
        ("playground", bench_playground),
        ("author's loop", bench_site),
    ):
        print(f"running {label} ...", file=sys.stderr, flush=True)
        # The seed sweep's repeats take seconds each: one is enough for a smoke run.
        result = (
            bench.run()
            if repeats is None
            else bench.run(repeats=1 if bench in (bench_stack, bench_playground, bench_site) else repeats)
        )
        table = result[0] if isinstance(result, tuple) else result
        if bench is bench_gradient_cost:
            measured["gradient_cost"] = result[1]
            table.notes.append(
                "The site's chapter Why backprop draws these measurements (batch 4) beside the passes counted."
            )
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
    missed = [t.title for t in tables if t.passed is False]
    lines += [
        "## Verdict",
        "",
        ("Every measured bar is met." if not missed else "Missed: " + "; ".join(missed) + "."),
        "",
    ]
    # Whole or not at all: an interrupted run keeps the last report.
    write_text(args.output, "\n".join(lines))
    write_text(args.json, json.dumps({**header, "quick": args.quick, **measured}, indent=1) + "\n")
    print(f"wrote {args.output} and {args.json}", file=sys.stderr)
    if missed:
        print("bar missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
