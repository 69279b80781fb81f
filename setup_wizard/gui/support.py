"""“Save support report…”: where the report goes, and telling the person where it went."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QStandardPaths, qVersion
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from setup_wizard.flow.report import ConversationLog, SupportReport

if TYPE_CHECKING:
    from setup_wizard.flow import Onboarding

log = logging.getLogger(__name__)

PathChooser = Callable[[QWidget, Path], Path | None]
"""Asks where to save (parent, suggested path) and returns the chosen path or None."""


def ask_for_path(parent: QWidget, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SupportReport", "Save support report"),
        str(suggested),
        QCoreApplication.translate(
            "SupportReport", "Zip archive with logs (*.zip);;Text file (*.txt)"
        ),
    )
    return Path(chosen) if chosen else None


class SupportReportSaver:
    def __init__(
        self,
        flow: Onboarding | None,
        conversation: ConversationLog,
        *,
        details: dict[str, str],
        log_files: list[Path],
        choose_path: PathChooser = ask_for_path,
        confirm: bool = True,
    ) -> None:
        self.flow = flow
        """None until the flow is built: a report then tells why it was not."""
        self._conversation = conversation
        self._details = details
        self._log_files = log_files
        self._choose_path = choose_path
        self._confirm = confirm
        self.saved: list[Path] = []

    def report(self, last_error: str | None) -> SupportReport:
        details = SupportReport.environment(
            {"Qt": f"{qVersion()} (PySide6 {pyside_version})", **self._details}
        )
        return SupportReport(
            timeline=list(self.flow.timeline) if self.flow is not None else [],
            conversation=list(self._conversation.lines),
            last_error=last_error,
            details=details,
        )

    def __call__(self, parent: QWidget, last_error: str | None) -> None:
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self._choose_path(parent, folder / f"photon-setup-report-{stamp}.zip")
        if path is None:
            return
        try:
            self.report(last_error).save(path, log_files=self._log_files)
        except OSError as error:
            log.warning("could not save the support report: %s", error)
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("SupportReport", "Support report not saved"),
                QCoreApplication.translate(
                    "SupportReport",
                    "The report could not be saved to %1 (%2). Choose another folder.",
                )
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error)),
            )
            return
        self.saved.append(path)
        log.info("support report saved to %s", path)
        if self._confirm:
            QMessageBox.information(
                parent,
                QCoreApplication.translate("SupportReport", "Support report saved"),
                QCoreApplication.translate(
                    "SupportReport",
                    "The report was saved to %s. It contains no passwords, tokens or claim "
                    "codes; send it to support.",
                )
                % path,
            )
