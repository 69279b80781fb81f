"""Sign in or create an account: existing customers are signed in, new ones created."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setup_wizard.flow import Account, Page
from setup_wizard.gui.sign_in_form import SignInFormPage
from setup_wizard.gui.widgets import MessagePanel
from setup_wizard.secret import Password

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class SignInPage(SignInFormPage):
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

        self.add_sign_in_form(self.tr("your account"))
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
        self.sign_in.show_signed_in(
            None if account is None else self.tr("Signed in as %s.") % account.email
        )
        if account is None and not self.email.text():
            self.focus_later(self.email)
        self._changed()

    def _changed(self) -> None:
        if self.flow.state.account is not None:
            self.set_ready(True)
        else:
            self.set_ready(self.sign_in.filled)

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
