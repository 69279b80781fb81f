"""Name your device: a suggested name, checked against the cloud's rule as it is typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton

from setup_wizard.flow import Page
from setup_wizard.gui.i18n import translated
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import wrapping_label

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class NamePage(FlowPage):
    page_id = Page.NAME

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Name your Photon"))
        self.setSubTitle(
            self.tr("Your Photon is online and yours. Give it a name you will recognise.")
        )
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Device name"))
        self.name.setMaxLength(63)
        self.name.textChanged.connect(self._changed)
        form.addRow(self.tr("&Name:"), self.name)
        self.body.addLayout(form)
        self.problem = wrapping_label()
        self.problem.setObjectName("fieldProblem")
        self.body.addWidget(self.problem)
        self.body.addWidget(
            wrapping_label(self.tr("Letters, digits, “_” and “-”; for example kitchen_sensor."))
        )
        row = QHBoxLayout()
        self.skip = QPushButton(self.tr("&Skip naming"))
        self.skip.setAutoDefault(False)
        self.skip.setToolTip(self.tr("The Photon keeps the name it has in the Particle Cloud."))
        self.skip.clicked.connect(self._skip)
        self.skip.setVisible(wizard.staff)
        row.addWidget(self.skip)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self._done = False
        if wizard.staff:
            self.setSubTitle(
                self.tr("The Photon is online and the customer's. Give it a name they will know.")
            )

    def initializePage(self) -> None:
        self._done = False
        bench = self.bench
        wanted = bench.job.device_name if bench is not None and bench.job is not None else None
        self.name.setText(wanted or self.flow.suggested_name())
        self.name.selectAll()
        self.focus_later(self.name)

    def _changed(self) -> None:
        problem = self.flow.name_problem(self.name.text())
        self.problem.setText(translated(problem or ""))
        self.problem.setVisible(bool(problem))
        self.set_ready(problem is None)

    def validatePage(self) -> bool:
        if self._done:
            return True
        if not self.busy:
            self.run(
                "name",
                self.flow.name_device(self.name.text()),
                busy_text=self.tr("Saving the name…"),
                on_success=lambda _: self._named(),
                retry=self.validatePage,
            )
        return False

    def _named(self) -> None:
        self._done = True
        self.advance()

    def _skip(self) -> None:
        if self.busy:
            return
        self._done = True
        self.advance()
