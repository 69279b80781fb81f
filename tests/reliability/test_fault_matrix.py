"""The fault matrix as tests (docs/reliability.md): one test per cell, every fault at every
step, against the simulators. The selected cells run together once (several side by side,
most of a cell's time being waits), and each test reports its own cell's verdict."""

from __future__ import annotations

import asyncio

import pytest
from matrix_cells import ROWS, Cell, Fault, NotApplicable, applicable_cells, not_applicable
from matrix_run import CellResult, run_cells

from setup_wizard.flow import LinkKind
from setup_wizard.sim.photon import PTY_AVAILABLE

CELLS = applicable_cells()


@pytest.fixture(scope="session")
def matrix(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[Cell, CellResult]:
    selected = [
        item.callspec.params["cell"]
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and hasattr(item, "callspec")
        and isinstance(item.callspec.params.get("cell"), Cell)
    ]
    runnable = [cell for cell in selected if PTY_AVAILABLE or cell.row.link is not LinkKind.USB]
    return asyncio.run(run_cells(runnable, tmp_path_factory.mktemp("fault-matrix")))


@pytest.mark.timeout(600)  # the first test waits for the whole matrix
@pytest.mark.parametrize("cell", CELLS, ids=[cell.id for cell in CELLS])
def test_the_cell_passes(cell: Cell, matrix: dict[Cell, CellResult]) -> None:
    if cell.row.link is LinkKind.USB and not PTY_AVAILABLE:
        pytest.skip("no pseudo-terminals here for a simulated USB console")
    result = matrix[cell]
    told = result.told.summary() if result.told else "-"
    assert result.passed, f"{cell.id}: {result.verdict} (the app: {told}; {result.notes})"


def test_every_reason_for_na_is_used_and_every_step_has_cells() -> None:
    used = {not_applicable(row, fault) for row in ROWS for fault in Fault}
    assert used - {None} == set(NotApplicable), "a legend entry no cell uses"
    for row in ROWS:
        assert any(cell.row == row for cell in CELLS), f"{row.label} has no cell to run"
