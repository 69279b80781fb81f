"""Choose your Wi-Fi: the Photon's own scan, strongest first, or a network typed by hand.

Over a USB cable the list is this computer's own scan (the Photon's console cannot scan),
and where the computer cannot scan, the name is typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from setup_wizard.device.models import WifiNetwork
from setup_wizard.device.security import MANUAL_ENTRY_CHOICES, Security
from setup_wizard.flow import LinkKind, Page, WifiChoice
from setup_wizard.gui.i18n import security_label, translated
from setup_wizard.gui.pages.base import FlowPage, spacer_widget
from setup_wizard.gui.widgets import MessagePanel, lock_icon, signal_bars_icon, wrapping_label

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard

_NETWORK_ROLE = Qt.ItemDataRole.UserRole


class ChooseWifiPage(FlowPage):
    page_id = Page.CHOOSE_WIFI

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose your Wi-Fi"))
        self.setSubTitle(self.tr("These are the networks your Photon can see, strongest first."))

        self.notice = MessagePanel("noticePanel")
        self.body.addWidget(self.notice)

        self.networks = QTreeWidget()
        self.networks.setColumnCount(2)
        self.networks.setHeaderLabels([self.tr("Network"), self.tr("Security")])
        self.networks.setRootIsDecorated(False)
        self.networks.setUniformRowHeights(True)
        self.networks.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.networks.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.networks.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.networks.itemSelectionChanged.connect(self._changed)
        self.networks.itemActivated.connect(lambda *_: self.setup_wizard.next())
        self.body.addWidget(self.networks, 1)

        row = QHBoxLayout()
        self.rescan_button = QPushButton(self.tr("&Look again"))
        self.rescan_button.setAutoDefault(False)
        self.rescan_button.clicked.connect(self.rescan)
        self.hidden = QCheckBox(self.tr("My network is &hidden or not in the list"))
        self.hidden.toggled.connect(self._hidden_toggled)
        row.addWidget(self.hidden)
        row.addStretch(1)
        row.addWidget(self.rescan_button)
        self.body.addLayout(row)

        self.typed = QWidget()
        form = QFormLayout(self.typed)
        self.ssid = QLineEdit()
        self.ssid.setAccessibleName(self.tr("Network name"))
        self.ssid.textChanged.connect(self._changed)
        self.security = QComboBox()
        self.security.setAccessibleName(self.tr("Security"))
        for choice in MANUAL_ENTRY_CHOICES:
            self.security.addItem(security_label(choice), choice)
        form.addRow(self.tr("Network &name:"), self.ssid)
        self.security.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("&Security:"), self.security)
        self.typed_note = wrapping_label()
        form.addRow("", self.typed_note)
        self.typed.hide()
        self.body.addWidget(self.typed)
        self.problem = wrapping_label()
        self.problem.setObjectName("fieldProblem")
        self.problem.hide()
        self.body.addWidget(self.problem)
        self._filler = spacer_widget()  # takes the list's room when there is no list
        self._filler.hide()
        self.body.addWidget(self._filler, 1)
        self._typed_only = False

    def initializePage(self) -> None:
        self._render()

    def returned_to(self) -> None:
        self._render()

    def cleanupPage(self) -> None:
        super().cleanupPage()
        connect_page = self.setup_wizard.page(int(Page.CONNECT))
        leave = getattr(connect_page, "leave", None)
        if callable(leave):
            leave()

    @property
    def _usb(self) -> bool:
        return self.flow.link_kind is LinkKind.USB

    def _render_way(self) -> None:
        """The words and parts for the way to the Photon: its scan, the computer's, or none."""
        usb = self._usb
        typed_only = usb and not self.flow.can_scan
        if typed_only != self._typed_only:
            self._typed_only = typed_only
            self.hidden.setChecked(typed_only)
        home = self.flow.state.home_network
        if typed_only and home and not self.ssid.text():
            self.ssid.setText(home)  # the network this computer is on, as in the list
        for widget in (self.networks, self.hidden, self.rescan_button):
            widget.setVisible(not typed_only)
        self._filler.setVisible(typed_only)
        if typed_only:
            self.setSubTitle(self.tr("Type the name of the Wi-Fi network the Photon should join."))
        elif usb:
            self.setSubTitle(
                self.tr(
                    "These are the networks this computer sees, strongest first; the Photon "
                    "joins 2.4 GHz networks only."
                )
            )
        else:
            self.setSubTitle(
                self.tr("These are the networks your Photon can see, strongest first.")
            )
        self.networks.setAccessibleName(
            self.tr("Wi-Fi networks this computer sees")
            if usb
            else self.tr("Wi-Fi networks the Photon can see")
        )
        self.typed_note.setText(
            self.tr(
                "If the Photon does not see this network itself, it uses the security chosen "
                "here. It joins 2.4 GHz networks only."
            )
            if usb
            else self.tr(
                "The Photon must be able to see the network: it finds only 2.4 GHz "
                "networks within range, and a hidden WPA network usually cannot be used."
            )
        )

    def _render(self) -> None:
        flow = self.flow
        state = flow.state
        usb = self._usb
        self._render_way()
        self.networks.clear()
        bench = self.bench
        wanted = bench.job.ssid if bench is not None and bench.job is not None else None
        chosen = flow.preselected(wanted)
        for network in state.networks:
            item = QTreeWidgetItem([network.ssid, security_label(network.security)])
            item.setData(0, _NETWORK_ROLE, network)
            item.setIcon(0, signal_bars_icon(network.bars, self.palette()))
            if network.needs_password:
                item.setIcon(1, lock_icon(self.palette()))
            item.setToolTip(
                0,
                self.tr("Signal: %1 of 4 bars, channel %2")
                .replace("%1", str(network.bars))
                .replace("%2", str(network.channel))
                if network.channel
                else self.tr("Signal: %1 of 4 bars").replace("%1", str(network.bars)),
            )
            if network.is_enterprise:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(0, self.tr("Enterprise networks are not supported."))
            self.networks.addTopLevelItem(item)
            if network is chosen:
                self.networks.setCurrentItem(item)
        messages = []
        if state.wrong_password_for:
            messages.append(
                self.tr(
                    "The Photon could not join “%s”: the password was probably wrong. Choose "
                    "the network and enter its password again."
                )
                % translated(state.wrong_password_for)
            )
        if wanted and state.networks and all(n.ssid != wanted for n in state.networks):
            messages.append(
                (
                    self.tr(
                        "This device should join “%s”, but this computer does not see that "
                        "network. If it is hidden, type its name; or choose another network."
                    )
                    if usb
                    else self.tr(
                        "This device should join “%s”, but the Photon cannot see that network. "
                        "Check its name, or choose another network."
                    )
                )
                % wanted
            )
        unseen = None if usb else flow.home_network_unseen()  # a computer sees its own
        if unseen and unseen != wanted:
            messages.append(
                self.tr(
                    "This computer uses “%s”, but the Photon cannot see it. A Photon only sees "
                    "2.4 GHz networks: if your router has a separate 2.4 GHz network, choose that."
                )
                % unseen
            )
        if self._typed_only:
            messages.append(
                translated(flow.scan_unavailable)
                if flow.scan_unavailable
                else self.tr(
                    "This computer cannot list the Wi-Fi networks around it, so type the "
                    "network's name and choose its security."
                )
            )
        elif not state.networks:
            messages.append(
                self.tr(
                    "This computer found no Wi-Fi networks. Click “Look again”, or type the "
                    "network's name."
                )
                if usb
                else self.tr(
                    "The Photon found no networks. Click “Look again”, or type the network's name."
                )
            )
        if messages:
            self.notice.show_message("\n\n".join(messages))
        else:
            self.notice.clear()
        self.focus_later(self.ssid if self._typed_only else self.networks)
        self._changed()

    def rescan(self) -> None:
        self.run(
            "scan",
            self.flow.rescan(),
            busy_text=self.tr("This computer is looking for Wi-Fi networks…")
            if self._usb
            else self.tr("The Photon is looking for Wi-Fi networks…"),
            on_success=lambda _: self._render(),
            retry=self.rescan,
        )

    def _hidden_toggled(self, on: bool) -> None:
        self.typed.setVisible(on)
        self.networks.setEnabled(not on)
        if on:
            self.ssid.setFocus()
        self._changed()

    def _selected(self) -> WifiNetwork | None:
        item = self.networks.currentItem()
        if item is None or not item.isSelected():
            return None
        network = item.data(0, _NETWORK_ROLE)
        return network if isinstance(network, WifiNetwork) else None

    def choice(self) -> WifiChoice | None:
        if self.hidden.isChecked():
            name = self.ssid.text()
            security = self.security.currentData()
            if not name.strip() or not isinstance(security, Security):
                return None
            return WifiChoice.typed(name, security)
        network = self._selected()
        return None if network is None else WifiChoice.scanned(network)

    def _changed(self) -> None:
        choice = self.choice()
        problem = self.flow.network_problem(choice) if choice is not None else None
        self.problem.setText(translated(problem or ""))
        self.problem.setVisible(bool(problem))
        self.set_ready(choice is not None and problem is None)

    def validatePage(self) -> bool:
        choice = self.choice()
        if choice is None or self.flow.network_problem(choice) is not None:
            return False
        self.flow.choose_network(choice)
        self.flow.state.wrong_password_for = None
        return True
