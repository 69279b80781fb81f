"""Connect to your Photon: over its own Wi-Fi (this computer joins it for a moment, or the
person does) or by its USB cable (the computer keeps its Wi-Fi); then read it.

Photons on cables are looked for while the page shows, so that plugging one in makes the
cable the way to go, until the person chooses a way themselves.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from setup_wizard.flow import FlowEvent, FoundDevice, LinkKind, Notice, Ownership, Page
from setup_wizard.flow.usb import UsbConnector
from setup_wizard.gui.i18n import translated
from setup_wizard.gui.pages.base import FlowPage, heading
from setup_wizard.gui.usb_picture import UsbCableWidget
from setup_wizard.gui.widgets import (
    ChoiceButton,
    MessagePanel,
    bars_for_percent,
    signal_bars_icon,
    usb_icon,
    wifi_icon,
    wrapping_label,
)
from setup_wizard.network.errors import ScanUnavailable

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard

log = logging.getLogger(__name__)

SEARCH_INTERVAL_MS = 3000
"""Over Wi-Fi: how often the computer's list of networks is read for Photons."""
USB_SEARCH_INTERVAL_MS = 1500
"""Over a cable: how often the plugged-in Photons are asked for their ID (a Photon that is
plugged in shows up about this quickly)."""

Found = asyncio.Task[list[FoundDevice]]


class PhotonSearch(QObject):
    """Looks for Photons over one way every ``interval_ms`` while ``allowed()``: one search
    at a time, each in its own task, so the window never waits for one."""

    def __init__(
        self,
        parent: QObject,
        interval_ms: int,
        find: Callable[[], Awaitable[list[FoundDevice]]],
        found: Callable[[Found], None],
        allowed: Callable[[], bool],
    ) -> None:
        super().__init__(parent)
        self._find = find
        self._found = found
        self._allowed = allowed
        self.task: Found | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.now)

    def start(self) -> None:
        self._timer.start()
        self.now()

    def now(self) -> None:
        if self.task is not None and not self.task.done():
            return
        if not self._allowed():
            self._timer.stop()
            return
        self.task = asyncio.ensure_future(self._find())
        self.task.add_done_callback(self._done)

    def stop(self, *, cancel: bool = True) -> None:
        """Stop looking; ``cancel=False`` lets a search under way end by itself (a port
        being probed is closed by its probe), its result ignored."""
        self._timer.stop()
        if cancel and self.task is not None and not self.task.done():
            self.task.cancel()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    async def finished(self) -> None:
        """Return once no search is under way (its result ignored if stopped)."""
        if self.task is not None and not self.task.done():
            await asyncio.wait({self.task})

    def _done(self, task: Found) -> None:
        if not task.cancelled() and self._timer.isActive():
            self._found(task)
        elif not task.cancelled():
            task.exception()  # stopped meanwhile: nobody wants it


class ConnectPage(FlowPage):
    page_id = Page.CONNECT

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Connect to your Photon"))
        self._done = False
        self._chosen: LinkKind | None = None
        """The way the person chose themselves; until then the cable wins once it has one."""
        self._usb_found: list[FoundDevice] | None = None
        self._wifi_found: list[FoundDevice] = []
        self._by_hand_waiting = False
        self._search = PhotonSearch(
            self,
            SEARCH_INTERVAL_MS,
            lambda: self.flow.find_photons(LinkKind.SOFTAP),
            self._wifi_searched,
            lambda: self._may_look() and self.flow.link_kind is LinkKind.SOFTAP,
        )
        self._usb_search = PhotonSearch(
            self,
            USB_SEARCH_INTERVAL_MS,
            lambda: self.flow.find_photons(LinkKind.USB),
            self._usb_searched,
            self._may_look,
        )

        row = QHBoxLayout()
        row.setSpacing(12)
        self.wifi_choice = ChoiceButton(wifi_icon(self.palette()), self.tr("Connect over &Wi-Fi"))
        self.wifi_choice.set_detail(self.tr("Joins the Photon's Wi-Fi for a moment"))
        self.usb_choice = ChoiceButton(usb_icon(self.palette()), self.tr("Connect by &USB cable"))
        self.wifi_choice.clicked.connect(lambda: self.choose(LinkKind.SOFTAP))
        self.usb_choice.clicked.connect(lambda: self.choose(LinkKind.USB))
        row.addWidget(self.wifi_choice)
        row.addWidget(self.usb_choice)
        self.choices = QWidget()
        self.choices.setLayout(row)
        row.setContentsMargins(0, 0, 0, 4)
        self.body.addWidget(self.choices)

        self.cable = QWidget()
        cable_row = QHBoxLayout(self.cable)
        cable_row.setContentsMargins(0, 0, 0, 0)
        cable_row.setSpacing(16)
        self.picture = UsbCableWidget()
        self.picture.setFixedSize(264, 140)
        cable_row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        cable_text = QVBoxLayout()
        self.cable_steps = wrapping_label(
            self.tr(
                "1. Plug the Photon into this computer with a USB data cable. A cable that "
                "only charges carries no data: if nothing shows up, try another cable.\n"
                "2. Hold its SETUP button until the light blinks dark blue."
            )
        )
        cable_text.addWidget(self.cable_steps)
        cable_text.addStretch(1)
        cable_row.addLayout(cable_text, 1)
        self.body.addWidget(self.cable)

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

        joined_row = QHBoxLayout()
        self.joined = QPushButton(self.tr("I have &joined it"))
        self.joined.setAutoDefault(False)
        self.joined.clicked.connect(self.flow.check_now)
        joined_row.addWidget(self.joined)
        joined_row.addStretch(1)
        self.body.addLayout(joined_row)

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
        self.choices.setVisible(self.usb_offered)
        self._usb_found = None
        self._render_usb_choice()
        self._show_way()
        if self.usb_offered:
            self._usb_search.start()

    def cleanupPage(self) -> None:
        self._stop_search()
        self._by_hand_waiting = False
        super().cleanupPage()

    def leave(self) -> None:
        """Called when the person goes Back from a later page: close the link (over Wi-Fi,
        this computer gets its own network back)."""
        self._done = False
        self.set_ready(self.photons.currentItem() is not None)
        if not self.flow.on_device_link:  # closed already (a restart, a cable pulled out)
            self._look_again()
            return
        self.run(
            "leave",
            self.flow.leave_photon(),
            busy_text=self.tr("Reconnecting this computer to your Wi-Fi…")
            if self.flow.link_kind is LinkKind.SOFTAP
            else self.tr("Closing the connection to the Photon…"),
            on_success=lambda _: self._look_again(),
        )

    def _look_again(self) -> None:
        wifi = self.flow.link_kind is LinkKind.SOFTAP
        if wifi and not self.flow.services.connector.joins_by_hand:
            self._search.start()
        if self.usb_offered:
            self._usb_search.start()

    # -- the way to the Photon -----------------------------------------------------------

    @property
    def usb_offered(self) -> bool:
        """This computer can reach a Photon by cable: the person chooses the way."""
        return LinkKind.USB in self.flow.link_kinds

    @property
    def usb_photons(self) -> list[FoundDevice] | None:
        """The Photons on cables the last look found (None: not looked yet on this visit)."""
        return self._usb_found

    def choose(self, kind: LinkKind) -> None:
        """The person chose ``kind``: it stays chosen, whatever is plugged in later."""
        self._chosen = kind
        self._switch(kind)

    def _switch(self, kind: LinkKind) -> None:
        if kind is self.flow.link_kind:
            self._render_usb_choice()
            return
        if self.busy:  # e.g. waiting for the person to join the Photon's Wi-Fi by hand
            self.setup_wizard.stop_step()
            self._set_busy(False)
        self._by_hand_waiting = False
        self.flow.use_link(kind)
        self.clear_error()
        self._show_way()

    def _show_way(self) -> None:
        """Render the chosen way and start looking for Photons over it."""
        usb = self.flow.link_kind is LinkKind.USB
        self.wifi_choice.setChecked(not usb)
        self.usb_choice.setChecked(usb)
        self._search.stop()
        self.photons.clear()
        self.set_ready(False)
        by_hand = not usb and self.flow.services.connector.joins_by_hand
        self.joined.setVisible(by_hand)
        self.cable.setVisible(usb)
        self.instructions.setVisible(not usb)
        self.list_heading.setVisible(not by_hand)
        self.photons.setVisible(not by_hand)
        self.search_state.setVisible(not by_hand)
        if usb:
            self.setSubTitle(
                self.tr(
                    "This computer talks to the Photon over its USB cable and stays on its own "
                    "Wi-Fi the whole time."
                )
            )
            self.list_heading.setText(self.tr("Photons on a USB cable"))
            self.photons.setAccessibleName(self.tr("Photons on a USB cable"))
            if self._usb_found is None:
                self.search_state.setText(self.tr("Looking for Photons on USB cables…"))
            else:
                self._show_photons(self._usb_found)
            return
        if by_hand:
            self.setSubTitle(self.tr("Join the Photon's Wi-Fi network yourself, then come back."))
            self.instructions.setText(
                translated(self.flow.services.connector.join_instructions(None))
            )
            self._by_hand_waiting = True
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
        self.list_heading.setText(self.tr("Photons nearby"))
        self.photons.setAccessibleName(self.tr("Photons nearby"))
        self.search_state.setText(self.tr("Looking for Photons…"))
        self._search.start()

    def _render_usb_choice(self) -> None:
        found = self._usb_found
        if found is None:
            detail = self.tr("This computer keeps its own Wi-Fi")
        elif len(found) == 1:
            detail = self.tr("A Photon is plugged in")
        elif found:
            detail = self.tr("%n Photons are plugged in", "", len(found))
        else:
            detail = self.tr("No Photon plugged in yet")
        self.usb_choice.set_detail(detail)

    # -- looking for Photons ---------------------------------------------------------------

    def _may_look(self) -> bool:
        """Never while a link is open or a connection is being made (a probe must not open a
        port that is in use), nor once the page is done or the window closing."""
        if self._done or self.setup_wizard.closing or self.flow.on_device_link:
            return False
        return not self.busy or self._by_hand_waiting

    def _wifi_searched(self, task: Found) -> None:
        error = task.exception()
        if isinstance(error, ScanUnavailable):
            self._search.stop()
            self.search_state.setText(translated(error.message))
            return
        if error is not None:
            log.info("looking for Photons failed: %s", error)
            return
        if self.flow.link_kind is LinkKind.SOFTAP:
            self._show_photons(task.result())

    def _usb_searched(self, task: Found) -> None:
        error = task.exception()
        if error is not None:
            log.info("looking for Photons on USB cables failed: %s", error)
            return
        found = task.result()
        self._usb_found = found
        self._render_usb_choice()
        if self.flow.link_kind is LinkKind.USB:
            self._show_photons(found)
        elif found and self._chosen is None:
            self._switch(LinkKind.USB)  # a Photon plugged in: the cable, until chosen otherwise

    def _show_photons(self, found: list[FoundDevice]) -> None:
        selected = self._selected_target()
        usb = self.flow.link_kind is LinkKind.USB
        self.photons.clear()
        for photon in found:
            item = QListWidgetItem(photon.label)
            item.setData(Qt.ItemDataRole.UserRole, photon.target)
            if usb:
                item.setIcon(usb_icon(self.palette(), size=20))
                item.setToolTip(self.tr("On USB port %s") % photon.target)
            elif photon.signal is not None:
                bars = bars_for_percent(photon.signal)
                item.setIcon(signal_bars_icon(bars, self.palette()))
                item.setToolTip(self.tr("Signal %n %", "", photon.signal))
            self.photons.addItem(item)
            if photon.target == selected or (selected is None and self.photons.count() == 1):
                self.photons.setCurrentItem(item)
        if usb and len(found) == 1:
            self.search_state.setText(self.tr("Found your Photon on a USB cable. Click Next."))
        elif usb and found:
            self.search_state.setText(
                self.tr(
                    "Found %n Photons on USB cables. Choose one by its device ID and click "
                    "Next; the others wait their turn.",
                    "",
                    len(found),
                )
            )
        elif found:
            self.search_state.setText(
                self.tr("Found %n Photon(s). Choose yours and click Next.", "", len(found))
            )
        elif usb and (unopenable := self._unopenable()):
            self.search_state.setText(translated(unopenable))
        elif usb:
            self.search_state.setText(
                self.tr(
                    "No Photon in listening mode on a USB cable yet. Check that its light blinks "
                    "dark blue and that the cable carries data; this list updates by itself."
                )
            )
        else:
            self.search_state.setText(
                self.tr(
                    "No Photon found yet. Check that its light blinks dark blue; this list "
                    "updates by itself."
                )
            )
        self._selection_changed()

    def _unopenable(self) -> str | None:
        """Why a Photon that is plugged in cannot be opened (e.g. Linux's "dialout" group)."""
        usb = self.flow.services.usb
        if isinstance(usb, UsbConnector):
            for error in usb.unopenable.values():
                return error.message
        return None

    def _stop_search(self) -> None:
        self._search.stop()
        self._usb_search.stop(cancel=False)

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
            self.connect_selected()
        return False

    def connect_selected(self) -> None:
        """Connect to the Photon chosen in the list; with none listed, look again now."""
        target = self._selected_target()
        if target is not None:
            self._connect(target)
        else:
            self._look_again()

    def _connect(self, target: str | None) -> None:
        self._stop_search()
        if target is None:
            busy_text = self.tr("Waiting for your computer to join the Photon's network…")
        elif self.flow.link_kind is LinkKind.USB:
            busy_text = self.tr("Talking to the Photon over its USB cable…")
        else:
            busy_text = self.tr("Joining “%s”…") % target
        usb = self.flow.link_kind is LinkKind.USB
        task = self.run(
            "connect",
            self._connect_when_free(target),
            busy_text=busy_text,
            on_success=lambda _: self._connected(),
            # a cable's port may change when it is plugged in again: the one listed then
            retry=self.connect_selected if usb else lambda: self._connect(target),
        )
        task.add_done_callback(self._connect_ended)

    def _connect_ended(self, task: asyncio.Task[None]) -> None:
        """After a failure, Photons on cables are looked for again (plugged in again, or
        plugged in now to go by cable instead)."""
        if task.cancelled() or self.setup_wizard.closing or task.exception() is None:
            return
        if self.setup_wizard.currentPage() is self and self.usb_offered:
            self._usb_search.start()

    async def _connect_when_free(self, target: str | None) -> None:
        await self._usb_search.finished()  # its probe lets go of the port first
        await self.flow.connect_photon(target)

    def _connected(self) -> None:
        self._done = True
        self._by_hand_waiting = False
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

    def lost_photon(self, error: BaseException) -> None:
        """A later page lost the Photon (a cable pulled out): say so here, where the person
        plugs it in again and connects again; Try again connects to the one chosen then."""
        self.show_error(error, retry=self.connect_selected)

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
