"""Run the fault matrix against the simulators and print it as a Markdown table.

Every fault at every step of the journey, over Wi-Fi and over USB (tests/reliability/);
each cell "pass", "n/a" or what failed. The same cells run as tests in ``make test``.

    .venv/bin/python tools/fault_matrix.py            # the table, the legend, the summary
    .venv/bin/python tools/fault_matrix.py --details  # and what each cell ended with
    .venv/bin/python tools/fault_matrix.py -k USB     # only the cells whose ID has "USB"

Exit status 1 when a cell fails. Everything runs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "reliability")]

from matrix_cells import applicable_cells  # noqa: E402
from matrix_run import AT_ONCE, CellResult, run_cells  # noqa: E402
from matrix_table import details, legend, summary, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", dest="pattern", help="only cells whose ID contains this")
    parser.add_argument("--details", action="store_true", help="what each cell ended with")
    parser.add_argument("--at-once", type=int, default=AT_ONCE, help="cells run side by side")
    args = parser.parse_args()
    cells = [cell for cell in applicable_cells() if not args.pattern or args.pattern in cell.id]

    def progress(result: CellResult) -> None:
        print(f"{result.cell.id}: {result.verdict}", file=sys.stderr, flush=True)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fault-matrix-") as folder:
        results = asyncio.run(run_cells(cells, Path(folder), at_once=args.at_once, done=progress))
    seconds = time.monotonic() - started
    print(table(results))
    print()
    print(legend())
    print()
    print(summary(results, seconds, date.today()))
    if args.details:
        print()
        print(details(results))
    return 0 if all(result.passed for result in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
