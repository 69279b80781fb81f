"""Listening mode: how to make the light blink dark blue, and "My light looks different"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from setup_wizard.flow import LinkKind, Page
from setup_wizard.flow.led_guide import LISTENING_PATTERN
from setup_wizard.gui.led_widget import LedWidget
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import wrapping_label

if TYPE_CHECKING:
    from setup_wizard.gui.led_picker import LedPickerDialog
    from setup_wizard.gui.wizard import SetupWizard


class ListeningPage(FlowPage):
    page_id = Page.LISTENING

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Make the light blink dark blue"))
        self.setSubTitle(
            self.tr("In this mode, called listening mode, the Photon waits to be set up.")
        )
        self.picture = LedWidget(LISTENING_PATTERN, highlight_setup=True)
        self.picture.setMinimumHeight(200)
        self.body.addWidget(self.picture, 1)
        self.body.addWidget(
            wrapping_label(
                self.tr(
                    "Hold the SETUP button for about 3 seconds, until the light on the Photon "
                    "blinks dark blue, then let go. A new Photon does this by itself as soon as "
                    "it has power."
                )
            )
        )
        self.cable_note = wrapping_label(
            self.tr(
                "You can also plug the Photon into this computer with a USB data cable; this "
                "computer then keeps its own Wi-Fi."
            )
        )
        self.body.addWidget(self.cable_note)
        row = QHBoxLayout()
        self.different = QPushButton(self.tr("My light looks &different…"))
        self.different.setAutoDefault(False)
        self.different.clicked.connect(self.show_picker)
        row.addWidget(self.different)
        row.addStretch(1)
        self.body.addLayout(row)
        self.picker: LedPickerDialog | None = None

    def initializePage(self) -> None:
        self.cable_note.setVisible(LinkKind.USB in self.flow.link_kinds)

    def show_picker(self) -> LedPickerDialog:
        if self.picker is None:
            # Imported at the first click: its Qt classes cost building the page ~15 ms.
            from setup_wizard.gui.led_picker import LedPickerDialog

            self.picker = LedPickerDialog(parent=self)
        self.picker.show()
        self.picker.raise_()
        return self.picker
