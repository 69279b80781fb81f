"""The sign-in form both sign-in pages use: e-mail, password with show/hide, "keep me
signed in", and, once signed in, who it is with "Use another account"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import PasswordField, wrapping_label


class SignInForm(QWidget):
    changed = Signal()
    """The e-mail or the password was edited."""
    other_account_wanted = Signal()
    """"Use another account": sign out (and forget a kept sign-in)."""

    def __init__(self, *, account_words: str, parent: QWidget | None = None) -> None:
        """``account_words`` names the account in accessible names ("your Particle account")."""
        super().__init__(parent)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("you@example.com"))
        self.email.setAccessibleName(self.tr("E-mail address of %s") % account_words)
        self.password = PasswordField()
        self.password.setAccessibleName(self.tr("Password of %s") % account_words)
        self.keep = QCheckBox(self.tr("&Keep me signed in on this computer"))
        self.keep.setToolTip(
            self.tr("The sign-in is kept in this computer's keychain, never in a file.")
        )
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.keep)

        self.signed_in = QWidget()
        row = QHBoxLayout(self.signed_in)
        row.setContentsMargins(0, 0, 0, 0)
        self.signed_in_text = wrapping_label()
        self.other_account = QPushButton(self.tr("Use &another account"))
        self.other_account.setAutoDefault(False)
        self.other_account.setToolTip(
            self.tr("Signs out and removes a kept sign-in from this computer.")
        )
        self.other_account.clicked.connect(self.other_account_wanted)
        row.addWidget(self.signed_in_text, 1)
        row.addWidget(self.other_account)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addWidget(self.signed_in)
        self.email.textChanged.connect(self.changed)
        self.password.textChanged.connect(self.changed)

    @property
    def filled(self) -> bool:
        return bool(self.email.text().strip() and self.password.text())

    def show_signed_in(self, text: str | None) -> None:
        """``text`` ("Signed in as …"), or None for the form."""
        self.form.setVisible(text is None)
        self.signed_in.setVisible(text is not None)
        if text is not None:
            self.signed_in_text.setText(text)


class SignInFormPage(FlowPage):
    """A page built around the sign-in form; the form's fields are the page's own attributes
    (``email``, ``password``, ``keep``, ``form``, ``signed_in``, …)."""

    def add_sign_in_form(self, account_words: str) -> SignInForm:
        form = SignInForm(account_words=account_words)
        self.sign_in = form
        self.email, self.password, self.keep = form.email, form.password, form.keep
        self.form, self.signed_in = form.form, form.signed_in
        self.signed_in_text, self.other_account = form.signed_in_text, form.other_account
        form.other_account_wanted.connect(self._use_another_account)
        form.changed.connect(self._changed)
        self.body.addWidget(form)
        return form

    def _use_another_account(self) -> None:
        raise NotImplementedError

    def _changed(self) -> None:
        raise NotImplementedError
