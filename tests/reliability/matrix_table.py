"""The fault matrix as Markdown: steps × faults, each cell "pass", "n/a" or what failed; the
legend of "n/a"; and, on request, what each cell ended with."""

from __future__ import annotations

from datetime import date

from matrix_cells import ROWS, Cell, Fault, NotApplicable, not_applicable
from matrix_run import CellResult


def table(results: dict[Cell, CellResult]) -> str:
    lines = [
        "| step | " + " | ".join(fault.value for fault in Fault) + " |",
        "|---|" + "---|" * len(Fault),
    ]
    for row in ROWS:
        cells = []
        for fault in Fault:
            reason = not_applicable(row, fault)
            result = results.get(Cell(row, fault))
            if reason is not None:
                cells.append("n/a")
            elif result is None:
                cells.append("not run")
            else:
                cells.append("pass" if result.passed else f"**FAIL**: {result.verdict}")
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary(results: dict[Cell, CellResult], seconds: float, when: date) -> str:
    failing = sum(1 for result in results.values() if not result.passed)
    not_run = sum(1 for row in ROWS for fault in Fault if not_applicable(row, fault) is not None)
    return (
        f"{when.isoformat()}: {len(results)} cells run, {len(results) - failing} pass, "
        f"{failing} fail; {not_run} n/a; {seconds:.0f} s."
    )


def legend() -> str:
    lines = ["n/a means the fault cannot happen at that step:", ""]
    for reason in NotApplicable:
        faults = sorted(
            {fault.value for row in ROWS for fault in Fault if not_applicable(row, fault) is reason}
        )
        lines.append(f"- {', '.join(faults)}: {reason.value}")
    return "\n".join(lines)


def details(results: dict[Cell, CellResult]) -> str:
    """What each cell ended with: the app's outcome (and the error it showed), and notes."""
    lines = []
    for cell, result in results.items():
        told = result.told.summary() if result.told is not None else "-"
        notes = f"; {'; '.join(result.notes)}" if result.notes else ""
        lines.append(f"- {cell.id}: {told}{notes} ({result.verdict})")
    return "\n".join(lines)
