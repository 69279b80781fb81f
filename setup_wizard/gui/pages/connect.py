"""Connect to your Photon: find its network, join it (or guide the person), and read it."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from setup_wizard.flow import FlowEvent, FoundDevice, Notice, Ownership, Page
from setup_wizard.gui.i18n import translated
from setup_wizard.gui.pages.base import FlowPage, heading
from setup_wizard.gui.widgets import (
    MessagePanel,
    bars_for_percent,
    signal_bars_icon,
    wrapping_label,
)
from setup_wizard.network.errors import ScanUnavailable

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard

log = logging.getLogger(__name__)

SEARCH_INTERVAL_MS = 3000


class ConnectPage(FlowPage):
    page_id = Page.CONNECT

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Connect to your Photon"))
        self._done = False
        self._search: asyncio.Task[list[FoundDevice]] | None = None
        self._searching = QTimer(self)
        self._searching.setInterval(SEARCH_INTERVAL_MS)
        self._searching.timeout.connect(self._search_now)

        self.instructions = wrapping_label()
        self.body.addWidget(self.instructions)
        self.list_heading = heading(self.tr("Photons nearby"))
        self.body.addWidget(self.list_heading)
        self.photons = QListWidget()
        self.photons.setAccessibleName(self.tr("Photons nearby"))
        self.photons.itemSelectionChanged.connect(self._selection_changed)
        self.photons.itemActivated.connect(lambda _: self.setup_wizard.next())
        self.body.addWidget(self.photons, 1)
        self.search_state = wrapping_label()
        self.body.addWidget(self.search_state)

        row = QHBoxLayout()
        self.joined = QPushButton(self.tr("I have &joined it"))
        self.joined.setAutoDefault(False)
        self.joined.clicked.connect(self.flow.check_now)
        row.addWidget(self.joined)
        row.addStretch(1)
        self.body.addLayout(row)

        self.take_over = MessagePanel("noticePanel")
        self.take_over_box = QCheckBox(
            self.tr("Yes, set this Photon up for the customer")
            if wizard.staff
            else self.tr("Yes, set this Photon up for my account")
        )
        self.take_over_box.toggled.connect(self._take_over_toggled)
        self.take_over.add_widget(self.take_over_box)
        self.body.addWidget(self.take_over)

        self.flow.events.subscribe(self._on_event)

    # -- entering and leaving ------------------------------------------------------------

    def initializePage(self) -> None:
        self._done = False
        self.take_over.clear()
        by_hand = self.flow.services.connector.joins_by_hand
        self.joined.setVisible(by_hand)
        if by_hand:
            self.setSubTitle(self.tr("Join the Photon's Wi-Fi network yourself, then come back."))
            self.instructions.setText(
                translated(self.flow.services.connector.join_instructions(None))
            )
            self.list_heading.hide()
            self.photons.hide()
            self.search_state.hide()
            self._connect(None)
            return
        self.setSubTitle(
            self.tr(
                "This computer joins the Photon's own Wi-Fi network for a moment. It comes back "
                "to your usual Wi-Fi by itself."
            )
        )
        self.instructions.setText(
            self.tr(
                "Choose your Photon and click Next. Its network is called “Photon-” and a "
                "code, and it only appears while the light blinks dark blue."
            )
        )
        self.list_heading.show()
        self.photons.show()
        self.search_state.show()
        self.search_state.setText(self.tr("Looking for Photons…"))
        self._search_now()
        self._searching.start()
        self.set_ready(False)

    def cleanupPage(self) -> None:
        self._stop_search()
        super().cleanupPage()

    def leave(self) -> None:
        """Called when the person goes Back from a later page: close the link (Wi-Fi back)."""
        self._done = False
        self.set_ready(self.photons.currentItem() is not None)
        if not self.flow.on_device_link:  # closed already (a restart, closing the window)
            self._searching.start()
            return
        self.run(
            "leave",
            self.flow.leave_photon(),
            busy_text=self.tr("Reconnecting this computer to your Wi-Fi…"),
            on_success=lambda _: self._searching.start(),
        )

    # -- looking for Photons ---------------------------------------------------------------

    def _search_now(self) -> None:
        if self._search is not None and not self._search.done():
            return
        if self.busy or self._done or self.setup_wizard.closing:
            self._searching.stop()
            return
        self._search = asyncio.ensure_future(self.flow.find_photons())
        self._search.add_done_callback(self._searched)

    def _searched(self, task: asyncio.Task[list[FoundDevice]]) -> None:
        if task.cancelled() or self.setup_wizard.closing:
            return
        error = task.exception()
        if isinstance(error, ScanUnavailable):
            self._stop_search()
            self.search_state.setText(translated(error.message))
            return
        if error is not None:
            log.info("looking for Photons failed: %s", error)
            return
        self._show_photons(task.result())

    def _show_photons(self, found: list[FoundDevice]) -> None:
        selected = self._selected_target()
        self.photons.clear()
        for photon in found:
            item = QListWidgetItem(photon.label)
            item.setData(Qt.ItemDataRole.UserRole, photon.target)
            if photon.signal is not None:
                bars = bars_for_percent(photon.signal)
                item.setIcon(signal_bars_icon(bars, self.palette()))
                item.setToolTip(self.tr("Signal %n %", "", photon.signal))
            self.photons.addItem(item)
            if photon.target == selected or (selected is None and self.photons.count() == 1):
                self.photons.setCurrentItem(item)
        if found:
            self.search_state.setText(
                self.tr("Found %n Photon(s). Choose yours and click Next.", "", len(found))
            )
        else:
            self.search_state.setText(
                self.tr(
                    "No Photon found yet. Check that its light blinks dark blue; this list "
                    "updates by itself."
                )
            )
        self._selection_changed()

    def _stop_search(self) -> None:
        self._searching.stop()
        if self._search is not None and not self._search.done():
            self._search.cancel()

    def _selected_target(self) -> str | None:
        item = self.photons.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        if not self._done:
            self.set_ready(self._selected_target() is not None)

    # -- connecting ------------------------------------------------------------------------

    def validatePage(self) -> bool:
        if self._done:
            return self.flow.state.ownership is not Ownership.SOMEONE_ELSE or (
                self.flow.state.take_over_confirmed
            )
        if not self.busy:
            self._connect(self._selected_target())
        return False

    def _connect(self, target: str | None) -> None:
        self._stop_search()
        joining = (
            self.tr("Waiting for your computer to join the Photon's network…")
            if target is None
            else self.tr("Joining “%s”…") % target
        )
        self.run(
            "connect",
            self.flow.connect_photon(target),
            busy_text=joining,
            on_success=lambda _: self._connected(),
            retry=lambda: self._connect(target),
        )

    def _connected(self) -> None:
        self._done = True
        state = self.flow.state
        if state.ownership is Ownership.SOMEONE_ELSE and not state.take_over_confirmed:
            if self.setup_wizard.staff:
                message = self.tr(
                    "This Photon was set up for another account before. If you continue, it "
                    "becomes %s's and leaves that account."
                ) % (state.account.email if state.account else "")
            else:
                message = self.tr(
                    "This Photon was set up for another account before. If you continue, it "
                    "becomes yours and leaves that account."
                )
            self.take_over.show_message(message)
            self.take_over_box.setChecked(False)
            self.set_ready(False)
            return
        self.set_ready(True)
        self.advance()

    def _take_over_toggled(self, checked: bool) -> None:
        if checked:
            self.flow.confirm_take_over()
        self.set_ready(checked and self._done)

    def _on_event(self, event: FlowEvent) -> None:
        if isinstance(event, Notice) and self.busy and self.setup_wizard.currentPage() is self:
            if event.action_needed:
                self.instructions.setText(translated(event.message))
            else:
                self.busy_row.start(event.message)
