"""Bench: the staff member signs in with their own Particle account (kept if asked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from setup_wizard.flow import Page
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import MessagePanel, PasswordField, wrapping_label
from setup_wizard.secret import Password

if TYPE_CHECKING:
    from setup_wizard.flow.bench import Bench
    from setup_wizard.flow.staff import Staff
    from setup_wizard.gui.wizard import SetupWizard


class StaffSignInPage(FlowPage):
    page_id = Page.STAFF_SIGN_IN

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Sign in with your Particle account"))
        self.setSubTitle(
            self.tr(
                "Use your own account, a member of the product's team. The Photons are "
                "claimed for the customers, not for you: your account only opens their "
                "accounts and checks the product's devices."
            )
        )
        self._advance_once = False

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("you@example.com"))
        self.username.setAccessibleName(self.tr("E-mail address of your Particle account"))
        self.password = PasswordField()
        self.password.setAccessibleName(self.tr("Password of your Particle account"))
        self.keep = QCheckBox(self.tr("&Keep me signed in on this computer"))
        self.keep.setToolTip(
            self.tr("The sign-in is kept in this computer's keychain, never in a file.")
        )
        form.addRow(self.tr("&E-mail:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.keep)
        self.body.addWidget(self.form)

        self.signed_in = QWidget()
        row = QHBoxLayout(self.signed_in)
        row.setContentsMargins(0, 0, 0, 0)
        self.signed_in_text = wrapping_label()
        self.other_account = QPushButton(self.tr("Use &another account"))
        self.other_account.setAutoDefault(False)
        self.other_account.setToolTip(
            self.tr("Signs out and removes the kept sign-in from this computer.")
        )
        self.other_account.clicked.connect(self._use_another_account)
        row.addWidget(self.signed_in_text, 1)
        row.addWidget(self.other_account)
        self.body.addWidget(self.signed_in)
        self.body.addStretch(1)
        self.hint = MessagePanel("noticePanel")
        self.body.addWidget(self.hint)

        self.username.textChanged.connect(self._changed)
        self.password.textChanged.connect(self._changed)

    @property
    def _bench(self) -> Bench:
        return self.setup_wizard.bench

    def initializePage(self) -> None:
        self._advance_once = False
        hints = self.setup_wizard.simulation_hints
        if hints is not None and hints.staff_username:
            self.hint.show_message(
                self.tr("Simulation: sign in as “%1” with the password “%2”.")
                .replace("%1", hints.staff_username)
                .replace("%2", hints.staff_password or "")
            )
        if self._bench.staff.staff is None:
            self.run(
                "kept-sign-in",
                self._bench.staff.use_kept_sign_in(),
                busy_text=self.tr("Looking for a kept sign-in…"),
                on_success=lambda _: self._render(),
            )
        self._render()

    def showEvent(self, event: QShowEvent) -> None:
        """Back from a later page shows who is signed in now (no initializePage then)."""
        super().showEvent(event)
        if not self.busy:
            self._render()

    def _render(self) -> None:
        staff = self._bench.staff.staff
        self.form.setVisible(staff is None)
        self.signed_in.setVisible(staff is not None)
        if staff is not None:
            text = (
                self.tr("Signed in as %s. This sign-in is kept on this computer.")
                if staff.kept
                else self.tr("Signed in as %s.")
            )
            self.signed_in_text.setText(text % staff.username)
        elif not self.username.text():
            self.focus_later(self.username)
        else:
            self.focus_later(self.password)
        self._changed()

    def _changed(self) -> None:
        if self._bench.staff.staff is not None:
            self.set_ready(True)
        else:
            self.set_ready(bool(self.username.text().strip() and self.password.text()))

    def _use_another_account(self) -> None:
        self.run(
            "sign-out",
            self._bench.staff.sign_out(),
            busy_text=self.tr("Signing out…"),
            on_success=lambda _: self._render(),
        )

    def validatePage(self) -> bool:
        if self._advance_once:
            self._advance_once = False
            return True
        if self.busy:
            return False
        if self._bench.staff.staff is not None:
            return True
        self.run(
            "staff-sign-in",
            self._bench.staff.sign_in(
                self.username.text(), Password(self.password.text()), keep=self.keep.isChecked()
            ),
            busy_text=self.tr("Signing in…"),
            on_success=self._signed_in,
        )
        return False

    def _signed_in(self, staff: Staff | None) -> None:
        """Signed in, or (None) the two-step code is asked for next."""
        self.password.clear()
        self._render()
        self._advance_once = True
        self.advance()
