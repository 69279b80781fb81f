"""Password: show/hide, checked for the network's security type as it is typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QFormLayout

from setup_wizard.flow import LinkKind, Page
from setup_wizard.gui.i18n import security_label, translated
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import MessagePanel, PasswordField, wrapping_label
from setup_wizard.secret import WifiPassword

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class PasswordPage(FlowPage):
    page_id = Page.PASSWORD

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Wi-Fi password"))
        form = QFormLayout()
        self.password = PasswordField()
        self.password.setAccessibleName(self.tr("Wi-Fi password"))
        self.password.textChanged.connect(self._changed)
        form.addRow(self.tr("&Password:"), self.password)
        self.body.addLayout(form)
        self.keep = QCheckBox(self.tr("&Keep this password on this computer"))
        self.keep.setToolTip(
            self.tr(
                "Kept in this computer's keychain, never in a file, once a Photon has joined "
                "the network with it."
            )
        )
        self.keep.hide()
        form.addRow("", self.keep)
        self.problem = wrapping_label()
        self.problem.setObjectName("fieldProblem")
        self.body.addWidget(self.problem)
        self.known_note = wrapping_label()
        self.known_note.hide()
        self.body.addWidget(self.known_note)
        self.how_sent = wrapping_label()
        self.body.addWidget(self.how_sent)
        self.body.addStretch(1)
        self.hint = MessagePanel("noticePanel")
        self.body.addWidget(self.hint)

    def initializePage(self) -> None:
        self.how_sent.setText(self._how_sent())
        choice = self.flow.state.choice
        if choice is not None:
            self.setSubTitle(
                self.tr("Enter the password of “%1” (%2).")
                .replace("%1", choice.ssid)
                .replace("%2", security_label(choice.security))
            )
        hints = self.setup_wizard.simulation_hints
        if hints is not None and choice is not None and choice.ssid == hints.home_network:
            self.hint.show_message(
                self.tr("Simulation: the password of “%1” is “%2”.")
                .replace("%1", hints.home_network)
                .replace("%2", hints.home_password)
            )
        else:
            self.hint.clear()
        kept = self.flow.state.password
        self.password.setText(kept.reveal() if kept else "")
        self.focus_later(self.password)
        self._changed()
        self.known_note.hide()
        bench = self.bench
        if bench is not None:
            self.keep.setVisible(bench.wifi_passwords.can_keep)
            self.keep.setChecked(self.setup_wizard.keep_wifi_password)
            if kept is None and choice is not None:
                self.run(
                    "known-wifi-password",
                    bench.wifi_passwords.get(choice.ssid),
                    busy_text=self.tr("Looking for this network's password…"),
                    on_success=self._known,
                )

    def _how_sent(self) -> str:
        """What happens to the password: encrypted for the Photon over its Wi-Fi; over a
        cable it goes as typed, straight into the Photon (nothing to encrypt it with)."""
        usb = self.flow.link_kind is LinkKind.USB
        if self.setup_wizard.staff:
            if usb:
                return self.tr(
                    "The password goes straight to the Photon over the USB cable. This app "
                    "keeps it in memory until it closes, so that the next Photon on this "
                    "network does not ask for it again."
                )
            return self.tr(
                "The password is encrypted with the Photon's own key before it is sent. This "
                "app keeps it in memory until it closes, so that the next Photon on this "
                "network does not ask for it again."
            )
        if usb:
            return self.tr(
                "The password goes straight to the Photon over the USB cable, and this app "
                "does not keep it."
            )
        return self.tr(
            "The password is encrypted with the Photon's own key before it is sent, and "
            "this app does not keep it."
        )

    def _known(self, password: WifiPassword | None) -> None:
        """The network's password from an earlier Photon (or the keychain): pre-filled."""
        choice = self.flow.state.choice
        if password is not None and choice is not None and not self.password.text():
            self.password.setText(password.reveal())
            self.password.selectAll()
            self.known_note.setText(
                self.tr("Filled in: the password a Photon joined “%s” with before.") % choice.ssid
            )
            self.known_note.show()

    def entered(self) -> WifiPassword:
        return WifiPassword(self.password.text())

    def _changed(self) -> None:
        text = self.password.text()
        problem = self.flow.password_problem(self.entered()) if text else None
        self.problem.setText(translated(problem or ""))
        self.problem.setVisible(bool(problem))
        self.set_ready(bool(text) and problem is None)

    def validatePage(self) -> bool:
        if self.flow.password_problem(self.entered()) is not None:
            return False
        self.flow.state.password = self.entered()
        self.setup_wizard.keep_wifi_password = self.keep.isChecked()
        return True
