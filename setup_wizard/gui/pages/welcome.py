"""Welcome: what the person needs and how long it takes."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel

from setup_wizard.flow import Page
from setup_wizard.gui.led_widget import LedWidget
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import MessagePanel, wrapping_label

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class WelcomePage(FlowPage):
    page_id = Page.WELCOME

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        if wizard.staff:
            self.setTitle(self.tr("Set up Photons for customers"))
            self.setSubTitle(
                self.tr(
                    "One Photon after another, each on its Wi-Fi and claimed for its customer, "
                    "every one recorded on this computer."
                )
            )
        else:
            self.setTitle(self.tr("Set up your %s") % wizard.brand)
            self.setSubTitle(
                self.tr(
                    "This puts your Photon on your Wi-Fi and makes it yours in the Particle Cloud."
                )
            )
        if wizard.logo is not None and not QPixmap(str(wizard.logo)).isNull():
            logo = QLabel()
            logo.setPixmap(
                QPixmap(str(wizard.logo)).scaled(
                    320,
                    140,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            logo.setAccessibleName(self.tr("%s logo") % wizard.brand)
            self.body.addWidget(logo)
        else:
            picture = LedWidget()
            picture.setMinimumHeight(150)
            picture.setAccessibleName(self.tr("A Photon"))
            self.body.addWidget(picture)
        if wizard.staff:
            needs = [
                self.tr(
                    "your own Particle account, on the product's team (and its two-step code);"
                ),
                self.tr("the Photons, each plugged in to power with a USB cable;"),
                self.tr("each customer's e-mail address, typed in or from a work list (CSV);"),
                self.tr(
                    "the name and password of the Wi-Fi each Photon should use (2.4 GHz: the "
                    "Photon cannot use 5 GHz)."
                ),
            ]
        else:
            needs = [
                self.tr("your Photon, plugged in to power with a USB cable;"),
                self.tr(
                    "the name and password of the Wi-Fi it should use (a 2.4 GHz network: the "
                    "Photon cannot use 5 GHz);"
                ),
                self.tr("an e-mail address and password for your account."),
            ]
        need = wrapping_label(
            "<p><b>"
            + self.tr("You need:")
            + "</b></p><ul>"
            + "".join(f"<li>{escape(item)}</li>" for item in needs)
            + "</ul>",
            rich=True,
        )
        self.body.addWidget(need)
        self.how = wrapping_label(self._how_long())
        self.body.addWidget(self.how)
        self.body.addStretch(1)

    def flow_attached(self) -> None:
        """What depends on the flow, which may come after this page is on screen."""
        from setup_wizard.flow.links import LinkKind  # loaded with the flow

        how = self._how_long()
        if self.flow.link_kind is LinkKind.SOFTAP:
            how = (
                self.tr(
                    "About two minutes a Photon. For a minute in the middle of each, this "
                    "computer leaves its Wi-Fi to talk to the Photon directly, then comes back "
                    "by itself."
                )
                if self.setup_wizard.staff
                else self.tr(
                    "It takes about five minutes. For a minute or two in the middle, this "
                    "computer leaves your Wi-Fi to talk to the Photon directly, then comes back "
                    "by itself."
                )
            )
        self.how.setText(how)
        if self.setup_wizard.start_notice:
            notice = MessagePanel("noticePanel")
            notice.show_message(self.setup_wizard.start_notice)
            self.body.insertWidget(0, notice)

    def _how_long(self) -> str:
        if self.setup_wizard.staff:
            return self.tr("About two minutes a Photon, once you are signed in.")
        return self.tr("It takes about five minutes.")
