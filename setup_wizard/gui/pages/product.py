"""Bench: the product the Photons are for, and the OAuth client its customers are opened with.

The Particle Cloud shows a client's secret once, when the client is created. So only a
client whose secret this computer keeps can be picked as it is; another needs its secret
typed (kept in the keychain if asked), or a new client is created, whose secret goes
straight to the keychain and is never shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit

from setup_wizard.flow import Page
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import PasswordField, wrapping_label
from setup_wizard.secret import ClientSecret

if TYPE_CHECKING:
    from setup_wizard.cloud.models import ClientCredentials, Product
    from setup_wizard.flow.staff import ClientOption, StaffSession
    from setup_wizard.gui.wizard import SetupWizard

NEW_CLIENT_NAME = "Photon Setup bench"


@dataclass(frozen=True)
class _ClientItem:
    """One entry of the client list: an existing client (``option``) or "create a new one"."""

    option: ClientOption | None


class ProductPage(FlowPage):
    page_id = Page.PRODUCT

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Product and client"))
        self.setSubTitle(
            self.tr(
                "Choose the product the Photons are for, and the product's OAuth client that "
                "opens its customers' accounts."
            )
        )
        self._advance_once = False
        self._products: list[Product] = []

        form = QFormLayout()
        self.product = QComboBox()
        self.product.setAccessibleName(self.tr("Product"))
        self.product.currentIndexChanged.connect(self._product_chosen)
        self.client = QComboBox()
        self.client.setAccessibleName(self.tr("OAuth client"))
        self.client.currentIndexChanged.connect(self._client_chosen)
        self.secret = PasswordField()
        self.secret.setAccessibleName(self.tr("Client secret"))
        self.secret.textChanged.connect(self._changed)
        self.keep_secret = QCheckBox(self.tr("&Keep it in this computer's keychain"))
        self.keep_secret.setChecked(True)
        self.new_name = QLineEdit(NEW_CLIENT_NAME)
        self.new_name.setAccessibleName(self.tr("Name of the new client"))
        self.new_name.textChanged.connect(self._changed)
        form.addRow(self.tr("&Product:"), self.product)
        form.addRow(self.tr("OAuth &client:"), self.client)
        form.addRow(self.tr("Client &secret:"), self.secret)
        form.addRow("", self.keep_secret)
        form.addRow(self.tr("&Name:"), self.new_name)
        self._form = form
        self.body.addLayout(form)
        self.client_note = wrapping_label()
        self.body.addWidget(self.client_note)
        self.body.addWidget(
            wrapping_label(
                self.tr(
                    "The Particle Cloud shows a client's secret only once, when the client is "
                    "created; this computer uses a client whose secret it keeps, never writes "
                    "one to a file, and shows none."
                )
            )
        )
        self.body.addStretch(1)
        self._show_rows(typing=False, creating=False)

    def _show_rows(self, *, typing: bool, creating: bool) -> None:
        """The secret's rows for a client this computer lacks the secret of; the name's
        row for a new client; and a word on either."""
        for widget in (self.secret, self.keep_secret):
            self._form.setRowVisible(widget, typing)
        self._form.setRowVisible(self.new_name, creating)
        if typing:
            self.client_note.setText(
                self.tr(
                    "This computer does not have this client's secret. Enter it as it was "
                    "shown when the client was created, or create a new client."
                )
            )
        elif creating:
            self.client_note.setText(
                self.tr(
                    "A client of type “installed”. Its secret goes straight to this "
                    "computer's keychain and is never shown."
                )
            )
        self.client_note.setVisible(typing or creating)

    @property
    def _staff(self) -> StaffSession:
        return self.setup_wizard.bench.staff

    # -- products -----------------------------------------------------------------------

    def initializePage(self) -> None:
        self._advance_once = False
        self.set_ready(False)
        self.load_products()

    def load_products(self) -> None:
        self.run(
            "products",
            self._staff.products(),
            busy_text=self.tr("Looking up your products…"),
            on_success=self._show_products,
            retry=self.load_products,
        )

    def _show_products(self, products: list[Product]) -> None:
        self._products = products
        chosen = self._staff.product
        self.product.blockSignals(True)
        self.product.clear()
        for product in products:
            self.product.addItem(f"{product.name} ({product.slug or product.id})")
        index = next(
            (i for i, p in enumerate(products) if chosen is not None and p.id == chosen.id), 0
        )
        self.product.setCurrentIndex(index if products else -1)
        self.product.blockSignals(False)
        if not products:
            self.show_message_error(
                self.tr(
                    "Your account is not on the team of any product. Ask the product's owner "
                    "to add you to its team, then try again."
                ),
                retry=self.load_products,
            )
            return
        self._product_chosen(self.product.currentIndex())

    def _product_chosen(self, index: int) -> None:
        if not 0 <= index < len(self._products):
            return
        self._staff.choose_product(self._products[index])
        self.load_clients()

    # -- clients ------------------------------------------------------------------------

    def load_clients(self) -> None:
        self.client.clear()
        self._changed()
        self.run(
            "clients",
            self._staff.clients(),
            busy_text=self.tr("Looking up the product's OAuth clients…"),
            on_success=self._show_clients,
            retry=self.load_clients,
        )

    def _show_clients(self, options: list[ClientOption]) -> None:
        current = self._staff.client.id if self._staff.client is not None else None
        self.client.blockSignals(True)
        self.client.clear()
        for option in options:
            client = option.client
            label = f"{client.name} ({client.id})"
            if not option.secret_kept:
                label = self.tr("%s — secret not on this computer") % label
            self.client.addItem(label, _ClientItem(option))
        self.client.addItem(self.tr("Create a new client…"), _ClientItem(None))
        kept = [i for i, o in enumerate(options) if o.secret_kept]
        same = [i for i, o in enumerate(options) if o.client.id == current]
        self.client.setCurrentIndex((same or kept or [len(options)])[0])
        self.client.blockSignals(False)
        self._client_chosen()

    def _chosen(self) -> _ClientItem | None:
        item = self.client.currentData()
        return item if isinstance(item, _ClientItem) else None

    def _client_chosen(self, *_: object) -> None:
        item = self._chosen()
        creating = item is not None and item.option is None
        typing = item is not None and item.option is not None and not item.option.secret_kept
        self._show_rows(typing=typing, creating=creating)
        if typing:
            self.secret.clear()
            self.focus_later(self.secret)
        self._changed()

    def _changed(self) -> None:
        item = self._chosen()
        if item is None:
            ready = False
        elif item.option is None:
            ready = bool(self.new_name.text().strip())
        else:
            ready = item.option.secret_kept or bool(self.secret.text().strip())
        self.set_ready(ready)

    # -- leaving ------------------------------------------------------------------------

    def validatePage(self) -> bool:
        if self._advance_once:
            self._advance_once = False
            return True
        item = self._chosen()
        if self.busy or item is None:
            return False
        staff = self._staff
        if item.option is None:
            self.run(
                "create-client",
                staff.create_client(self.new_name.text().strip()),
                busy_text=self.tr("Creating the client…"),
                on_success=self._client_created,
            )
        elif item.option.secret_kept:
            self.run(
                "choose-client",
                staff.choose_client(item.option.client.id),
                busy_text=self.tr("Reading the client's secret from this computer's keychain…"),
                on_success=self._client_ready,
            )
        else:
            self.run(
                "client-secret",
                staff.use_client_secret(
                    item.option.client.id,
                    ClientSecret(self.secret.text().strip()),
                    keep=self.keep_secret.isChecked(),
                ),
                busy_text=self.tr("Keeping the client's secret…"),
                on_success=self._client_ready,
            )
        return False

    def _client_created(self, client: ClientCredentials) -> None:
        """Listed and chosen as a kept client: Back and Next again does not create another."""
        from setup_wizard.cloud.models import OAuthClient
        from setup_wizard.flow.staff import ClientOption

        created = OAuthClient(client.id, self.new_name.text().strip(), "installed")
        self.client.blockSignals(True)
        self.client.insertItem(
            0, f"{created.name} ({created.id})", _ClientItem(ClientOption(created, True))
        )
        self.client.setCurrentIndex(0)
        self.client.blockSignals(False)
        self._client_chosen()
        self._client_ready(client)

    def _client_ready(self, client: ClientCredentials) -> None:
        self.secret.clear()
        self._advance_once = True
        self.advance()
