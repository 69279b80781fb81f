"""The computer a secrets journey runs on and what it is shown.

Its own home folder holds every user folder of the app (logs, ledger, journal, settings,
Documents), so that "everything the app wrote" is one folder to search. The OS keyring is
a dictionary (keyring's own API, no file). The simulated world has distinctive secrets: the
passwords a person types are chosen here, with characters that every encoding changes
(space, ``/``, ``+``, ``&``, ``%``, a quote, a non-ASCII letter); the cloud's tokens, claim
codes, client secrets and the staff account's password are the simulator's own random ones.

Screens are recorded as the app's ``--screenshots`` records them (the window grabbed to a
PNG); no OCR is available, so what a screenshot shows is read from the widgets themselves:
the text of every widget visible at that moment.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)
from test_wizard_start import MemoryKeyring
from wizard_helpers import until

from setup_wizard.flow import Page
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

HOME_NETWORK = "HomeNetwork"
CUSTOMER_PASSWORD = "Zq7-secret-customer PASS/é+&%"
"""The customer's own password, typed at sign-in (customer mode)."""
NEW_CUSTOMER_PASSWORD = "Zq7-secret-new-customer PASS/+&%"
"""The password staff give a new customer (bench)."""
WRONG_STAFF_PASSWORD = "Zq7-wrong-staff PASS/+&%"
WIFI_PASSWORD = 'Zq7-secret-wifi PASS/+&"%'
WRONG_WIFI_PASSWORD = "Zq7-wrong-wifi PASS/+&%"
"""Typed first by mistake: a near miss is as secret as the password."""


def home_with_secret_wifi() -> WifiEnvironment:
    return WifiEnvironment(
        [
            SimNetwork(HOME_NETWORK, "wpa2_mixed", WIFI_PASSWORD, channel=6, rssi=-45),
            SimNetwork("xfinitywifi", "open", None, channel=1, rssi=-80),
        ]
    )


@dataclass
class Computer:
    """User folders under ``home`` (the environment points every one of them there)."""

    home: Path
    keyring: MemoryKeyring

    def environment(self) -> dict[str, str]:
        return {
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
        }

    @property
    def log_file(self) -> Path:
        return self.home / ".local" / "state" / "photon-setup" / "log" / "photon-setup.log"

    @property
    def ledger(self) -> Path:
        return self.home / ".local" / "share" / "photon-setup" / "ledger.sqlite3"

    @property
    def documents(self) -> Path:
        return self.home / "Documents"


def unused_port() -> int:
    """A loopback port nothing listens on: where "the Photon's address" leads when the
    computer is not on the Photon's Wi-Fi (it talks to it by cable)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- what the screens show ----------------------------------------------------------------


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every cell's text and tool tip, children too (lists, tables, trees, combo boxes)."""
    parent = parent or QModelIndex()
    found: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value:
                    found.append(str(value))
            if column == 0 and model.rowCount(index):  # a tree's branch
                found += model_texts(model, index)
    for column in range(model.columnCount(parent)):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header:
            found.append(str(header))
    return found


def visible_texts(window: QWidget) -> list[str]:
    """The text of every visible widget of ``window``: titles, labels, fields (but a
    password field's dots), buttons, text areas, items of lists, tables, trees and combo
    boxes, tab names, tool tips and what a screen reader is told."""
    found = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        found += [
            widget.toolTip(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.accessibleName(),
            widget.accessibleDescription(),
        ]
        if isinstance(widget, QLabel):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
            if widget.echoMode() is QLineEdit.EchoMode.Normal:
                found.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found.append(widget.currentText())
            found += model_texts(widget.model())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QWizardPage):
            found += [widget.title(), widget.subTitle()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += model_texts(widget.model())
    return [text for text in found if text]


@dataclass
class Screens:
    """Screenshots of every visible window, each with the text its widgets show."""

    folder: Path
    texts: list[tuple[str, str]] = field(default_factory=list)
    pictures: list[Path] = field(default_factory=list)

    def take(self, moment: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for window in QApplication.topLevelWidgets():
            if not window.isVisible():
                continue
            name = f"{len(self.pictures) + 1:03d}-{moment}"
            path = self.folder / f"{name}.png"
            assert window.grab().save(str(path)), f"the screenshot {path} was not saved"
            self.pictures.append(path)
            self.texts.append((f"screenshot {name}", "\n".join(visible_texts(window))))

    def follow(self, wizard: QWizard) -> None:
        """One as each page of the wizard shows."""

        def shown(page_id: int) -> None:
            if page_id >= 0:
                self.take(Page(page_id).name.lower())

        wizard.currentIdChanged.connect(shown)


# -- answering the app's own dialogs --------------------------------------------------------


async def modal(kind: type[QDialog], what: str) -> QDialog:
    def found() -> QDialog | None:
        widget = QApplication.activeModalWidget()
        return widget if isinstance(widget, kind) else None

    await until(found, what)
    dialog = found()
    assert dialog is not None
    return dialog


async def save_through_dialog(start: Callable[[], object], path: Path) -> None:
    """``start`` opens the app's "Save as" dialog (a nested event loop, so it starts from
    Qt's loop, not this coroutine); the person names ``path``. A confirmation that follows
    (the support report's) is read and closed too."""
    QTimer.singleShot(0, start)
    dialog = await modal(QFileDialog, "the Save dialog is open")
    assert isinstance(dialog, QFileDialog)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name, QLineEdit)
    name.setText(str(path))
    dialog.accept()
    await until(path.exists, f"{path.name} is saved")


def close_dialogs() -> None:
    """A test that failed with a dialog open closes it: its nested event loop must end
    before the test's loop does."""
    while (dialog := QApplication.activeModalWidget()) is not None:
        assert isinstance(dialog, QDialog)
        dialog.reject()


async def close_message(screens: Screens, moment: str) -> None:
    box = await modal(QMessageBox, "the app confirms")
    screens.take(moment)
    box.accept()
