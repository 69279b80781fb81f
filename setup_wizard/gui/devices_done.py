"""“Devices done”: the bench's ledger as a table, its CSV export, a customer's handover
report, and the folder the ledger lives in."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from setup_wizard.flow.ledger import Ledger, Outcome, SetupRow
from setup_wizard.gui.file_dialogs import FileDialogs, documents_folder
from setup_wizard.gui.widgets import MessagePanel, wrapping_label

if TYPE_CHECKING:
    from datetime import datetime

log = logging.getLogger(__name__)

_ROW_ROLE = Qt.ItemDataRole.UserRole


class DevicesDoneDialog(QDialog):
    def __init__(
        self,
        ledger: Ledger,
        *,
        dialogs: FileDialogs,
        customer: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._dialogs = dialogs
        self.setWindowTitle(self.tr("Devices done"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapping_label(
                self.tr(
                    "Every device set up at this bench, newest first, as recorded while it "
                    "happened. Nothing secret is recorded."
                )
            )
        )
        self.table = QTreeWidget()
        self.table.setColumnCount(6)
        self.table.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Customer"),
                self.tr("Device ID"),
                self.tr("Name"),
                self.tr("Wi-Fi"),
                self.tr("Result"),
            ]
        )
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Devices done"))
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        report_row = QHBoxLayout()
        report_row.addWidget(QLabel(self.tr("Handover report for:")))
        self.customer = QComboBox()
        self.customer.setAccessibleName(self.tr("Customer for the handover report"))
        self.customer.setMinimumContentsLength(24)
        report_row.addWidget(self.customer, 1)
        self.report_button = QPushButton(self.tr("Save &handover report…"))
        self.report_button.clicked.connect(self.save_handover_report)
        report_row.addWidget(self.report_button)
        layout.addLayout(report_row)

        self.saved = MessagePanel("noticePanel")
        layout.addWidget(self.saved)
        self.problem = MessagePanel("errorPanel")
        layout.addWidget(self.problem)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(
            self.tr("&Export to CSV…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export_csv)
        self.folder_button = buttons.addButton(
            self.tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button.setToolTip(str(ledger.path.parent))
        self.folder_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh(customer)

    # -- the table --------------------------------------------------------------------------

    def refresh(self, customer: str | None = None) -> None:
        rows = list(reversed(self._ledger.setups()))
        self.table.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [
                    local_time(row.finished_at or row.started_at),
                    row.customer,
                    row.device_id or "—",
                    row.device_name or "—",
                    row.ssid or "—",
                    self.result(row),
                ]
            )
            item.setData(0, _ROW_ROLE, row.id)
            if row.error:
                item.setToolTip(5, row.error)
            self.table.addTopLevelItem(item)
        customers = sorted({row.customer for row in rows})
        wanted = (customer or "").lower() or self.customer.currentText()
        self.customer.clear()
        self.customer.addItems(customers)
        if wanted in customers:
            self.customer.setCurrentIndex(customers.index(wanted))
        self.report_button.setEnabled(bool(customers))
        self.export_button.setEnabled(bool(rows))

    def result(self, row: SetupRow) -> str:
        words = {
            Outcome.ONLINE: self.tr("online"),
            Outcome.IN_PROGRESS: self.tr("in progress"),
            Outcome.FAILED: self.tr("failed"),
            Outcome.CANCELLED: self.tr("cancelled"),
        }
        return words[row.outcome]

    def _selected(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            index = self.customer.findText(item.text(1))
            if index >= 0:
                self.customer.setCurrentIndex(index)

    # -- files ------------------------------------------------------------------------------

    def export_csv(self) -> Path | None:
        path = self._dialogs.save_as(
            self,
            self.tr("Export the devices done"),
            documents_folder() / "photon-setup-devices.csv",
            self.tr("CSV files (*.csv)"),
        )
        if path is None:
            return None
        return self._saved(path, lambda: self._ledger.export_csv(path))

    def save_handover_report(self) -> Path | None:
        customer = self.customer.currentText()
        if not customer:
            return None
        safe = "".join(c if c.isalnum() or c in "@._-" else "_" for c in customer)
        path = self._dialogs.save_as(
            self,
            self.tr("Save the handover report"),
            documents_folder() / f"handover-{safe}.txt",
            self.tr("Text files (*.txt)"),
        )
        if path is None:
            return None
        report = self._ledger.handover_report(customer)
        return self._saved(path, lambda: path.write_text(report, encoding="utf-8"))

    def _saved(self, path: Path, write: Callable[[], object]) -> Path | None:
        self.saved.clear()
        self.problem.clear()
        try:
            write()
        except OSError as error:
            log.warning("could not save %s: %s", path, error)
            self.problem.show_message(
                self.tr("Could not save %1 (%2). Choose another folder.")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error))
            )
            return None
        self.saved.show_message(self.tr("Saved to %s.") % path)
        return path

    def open_folder(self) -> None:
        self._dialogs.open_folder(self._ledger.path.parent)


def local_time(moment: datetime) -> str:
    """In this computer's time zone, one format for every language (sortable, unambiguous)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
