"""Sign in or create an account: existing customers are signed in, new ones created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from setup_wizard.flow import Account, Page
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import MessagePanel, PasswordField, wrapping_label
from setup_wizard.secret import Password

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class SignInPage(FlowPage):
    page_id = Page.SIGN_IN

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Sign in or create your account"))
        self.setSubTitle(
            self.tr(
                "Your Photon will belong to this account. If there is no account for this "
                "e-mail yet, one is created with the password you enter."
            )
        )
        self._done = False

        self.form = QWidget()
        form = QFormLayout(self.form)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("you@example.com"))
        self.email.setAccessibleName(self.tr("E-mail address"))
        self.password = PasswordField()
        self.password.setAccessibleName(self.tr("Password"))
        self.keep = QCheckBox(self.tr("&Keep me signed in on this computer"))
        self.keep.setToolTip(
            self.tr("The sign-in is kept in this computer's keychain, never in a file.")
        )
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.keep)
        self.body.addWidget(self.form)

        self.signed_in = QWidget()
        row = QHBoxLayout(self.signed_in)
        row.setContentsMargins(0, 0, 0, 0)
        self.signed_in_text = wrapping_label()
        self.other_account = QPushButton(self.tr("Use &another account"))
        self.other_account.setAutoDefault(False)
        self.other_account.clicked.connect(self._use_another_account)
        row.addWidget(self.signed_in_text, 1)
        row.addWidget(self.other_account)
        self.body.addWidget(self.signed_in)
        self.body.addStretch(1)
        if wizard.simulation:
            hint = MessagePanel("noticePanel")
            hint.show_message(
                self.tr(
                    "Simulation: any e-mail address and password work. A new account is "
                    "created in the simulated Particle Cloud."
                )
            )
            self.body.addWidget(hint)

        self.email.textChanged.connect(self._changed)
        self.password.textChanged.connect(self._changed)
        self._render()

    def initializePage(self) -> None:
        self._done = False
        if self.flow.state.account is None:
            self.run(
                "kept-sign-in",
                self.flow.use_kept_sign_in(),
                busy_text=self.tr("Looking for a kept sign-in…"),
                on_success=lambda _: self._render(),
            )
        self._render()

    def _render(self) -> None:
        account = self.flow.state.account
        self.form.setVisible(account is None)
        self.signed_in.setVisible(account is not None)
        if account is not None:
            self.signed_in_text.setText(self.tr("Signed in as %s.") % account.email)
        elif not self.email.text():
            self.focus_later(self.email)
        self._changed()

    def _changed(self) -> None:
        if self.flow.state.account is not None:
            self.set_ready(True)
        else:
            self.set_ready(bool(self.email.text().strip() and self.password.text()))

    def _use_another_account(self) -> None:
        self.run(
            "sign-out",
            self.flow.sign_out(),
            busy_text=self.tr("Signing out…"),
            on_success=lambda _: self._render(),
        )

    def validatePage(self) -> bool:
        if self._done:
            return True
        if self.busy:
            return False
        if self.flow.state.account is not None:
            self.run(
                "claim-code",
                self.flow.prepare_claim(),
                busy_text=self.tr("Checking your account…"),
                on_success=lambda _: self._succeeded(),
                retry=self.validatePage,
            )
        else:
            self.run(
                "sign-in",
                self.flow.sign_in(
                    self.email.text(), Password(self.password.text()), keep=self.keep.isChecked()
                ),
                busy_text=self.tr("Signing in…"),
                on_success=self._signed_in,
            )
        return False

    def _signed_in(self, account: Account) -> None:
        self.password.clear()
        self._succeeded()

    def _succeeded(self) -> None:
        self._done = True
        self._render()
        self.advance()
