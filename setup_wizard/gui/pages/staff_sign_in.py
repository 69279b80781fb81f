"""Bench: the staff member signs in with their own Particle account (kept if asked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent

from setup_wizard.flow import Page
from setup_wizard.gui.sign_in_form import SignInFormPage
from setup_wizard.gui.widgets import MessagePanel
from setup_wizard.secret import Password

if TYPE_CHECKING:
    from setup_wizard.flow.bench import Bench
    from setup_wizard.flow.staff import Staff
    from setup_wizard.gui.wizard import SetupWizard


class StaffSignInPage(SignInFormPage):
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

        self.add_sign_in_form(self.tr("your Particle account"))
        self.username = self.email
        self.body.addStretch(1)
        self.hint = MessagePanel("noticePanel")
        self.body.addWidget(self.hint)

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
        if staff is None:
            self.sign_in.show_signed_in(None)
        else:
            text = (
                self.tr("Signed in as %s. This sign-in is kept on this computer.")
                if staff.kept
                else self.tr("Signed in as %s.")
            )
            self.sign_in.show_signed_in(text % staff.username)
            return self._changed()
        if not self.username.text():
            self.focus_later(self.username)
        else:
            self.focus_later(self.password)
        self._changed()

    def _changed(self) -> None:
        if self._bench.staff.staff is not None:
            self.set_ready(True)
        else:
            self.set_ready(self.sign_in.filled)

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
