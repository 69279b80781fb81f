"""The bench's file dialogs and "Open folder": one place, so that tests give files without a
dialog and never open a file manager."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

OpenChooser = Callable[[QWidget], Path | None]
"""Asks for a work list to import (parent) and returns the chosen file or None."""
SaveChooser = Callable[[QWidget, str, Path, str], Path | None]
"""Asks where to save (parent, caption, suggested path, file-type filter): a path or None."""
FolderOpener = Callable[[Path], object]


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def ask_for_work_list(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FileDialogs", "Import a work list"),
        str(documents_folder()),
        QCoreApplication.translate("FileDialogs", "Work lists (*.csv);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def ask_where_to_save(parent: QWidget, caption: str, suggested: Path, kinds: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), kinds)
    return Path(chosen) if chosen else None


def open_in_file_manager(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


@dataclass(frozen=True)
class FileDialogs:
    open_work_list: OpenChooser = ask_for_work_list
    save_as: SaveChooser = ask_where_to_save
    open_folder: FolderOpener = open_in_file_manager
