"""Messages of the Qt-free layers in the person's language: a Text is English for logs and
tests, and the GUI shows it translated, its arguments too; a broken translation never
shows a broken sentence."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from setup_wizard.cloud.errors import Operation, error_for_response
from setup_wizard.device.errors import DeviceReplyUnreadableError, UnsupportedSecurityError
from setup_wizard.device.replies import parse_device_info
from setup_wizard.device.security import Security
from setup_wizard.device.validation import check_security
from setup_wizard.gui.i18n import Translations, install_translations, translated
from setup_wizard.gui.widgets import MessagePanel
from setup_wizard.i18n import QT_TRANSLATE_NOOP, Text, joined
from setup_wizard.network.backend import BackendKind, RestoreReport, reconnected_to
from setup_wizard.network.manual import rejoin_instructions

BROKEN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Test</name>
    <message>
        <source>Hello {name}.</source>
        <translation>Hallo {nmae}.</translation>
    </message>
    <message>
        <source>Open {door}.</source>
        <translation>Öffnen Sie {door}.</translation>
    </message>
    <message>
        <source>the kitchen door</source>
        <translation>die Küchentür</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    installed = install_translations("de")
    try:
        yield installed
    finally:
        installed.remove()


def test_a_cloud_error_is_german_with_its_action_and_plural_translated(
    german: Translations,
) -> None:
    limited = error_for_response(Operation.CLAIM_CODE, 429, b"", retry_after=1)
    assert str(limited.message).endswith("Try again in 1 second.")
    shown = translated(limited.message)
    assert shown.endswith("Versuchen Sie es in 1 Sekunde erneut.")
    refused = error_for_response(Operation.CLAIM_CODE, 500, b'{"error": "db down"}')
    assert translated(refused.message) == (
        "Die Particle Cloud hatte ein Problem; es war nicht möglich, einen Claim-Code "
        "abzurufen (HTTP 500). Versuchen Sie es in einer Minute erneut. (Particle Cloud: "
        "db down)"
    )


def test_a_device_error_is_german_with_its_detail_advice_and_label_translated(
    german: Translations,
) -> None:
    with pytest.raises(DeviceReplyUnreadableError) as unreadable:
        parse_device_info(b"<html>router login</html>")
    assert "(the answer is not JSON)" in str(unreadable.value), "English where it is logged"
    assert translated(unreadable.value.message) == (
        "Der Photon hat auf „device-id“ eine Antwort geschickt, die diese App nicht lesen kann "
        "(die Antwort ist kein JSON). Setzen Sie den Photon zurück (halten Sie seine SETUP-Taste "
        "3 Sekunden lang gedrückt, bis die LED dunkelblau blinkt) und versuchen Sie es erneut. "
        "Wenn das immer wieder passiert, antwortet unter dieser Adresse womöglich etwas anderes "
        "als ein Photon im Listening-Modus."
    )
    with pytest.raises(UnsupportedSecurityError) as ad_hoc:
        check_security(Security.IBSS_OPEN)
    assert translated(ad_hoc.value.message).startswith(
        "Der Photon kann sich mit dieser Art von Netzwerk nicht verbinden (Ad-hoc)."
    )


def test_a_message_made_of_parts_is_translated_part_by_part(german: Translations) -> None:
    report = RestoreReport(
        BackendKind.MANUAL, (reconnected_to("Café"), "Plain words stay.", rejoin_instructions())
    )
    assert translated(report.message).startswith("Wieder mit „Café“ verbunden. Plain words stay.")
    assert "Verbinden Sie sich jetzt über" in translated(report.message)


def test_without_a_translation_every_text_reads_as_its_english(qtbot: QtBot) -> None:
    texts = [
        error_for_response(Operation.SIGN_IN, 429, b"", retry_after=30).message,
        error_for_response(Operation.RENAME_DEVICE, 404, b'{"error": "gone"}').message,
        RestoreReport(BackendKind.MANUAL, (reconnected_to("Home"), rejoin_instructions())).message,
    ]
    for text in texts:
        assert isinstance(text, Text)
        assert translated(text) == str(text)
    panel = MessagePanel("errorPanel")
    qtbot.addWidget(panel)
    panel.show_message(texts[0])
    assert panel.text.text() == "Too many sign-in attempts from this network; the Particle " + (
        "Cloud may block sign-ins for up to 30 minutes. Try again in 30 seconds."
    )


@pytest.fixture
def broken_catalogue(qapp: QApplication, tmp_path: Path) -> Iterator[Translations]:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    (tmp_path / "photon_setup_de.ts").write_text(BROKEN, encoding="utf-8")
    subprocess.run(  # noqa: S603
        [
            lrelease,
            str(tmp_path / "photon_setup_de.ts"),
            "-qm",
            str(tmp_path / "photon_setup_de.qm"),
        ],
        check=True,
        capture_output=True,
    )
    installed = install_translations("de", directory=tmp_path)
    try:
        yield installed
    finally:
        installed.remove()


def test_a_translation_that_lost_a_placeholder_shows_english(
    broken_catalogue: Translations,
) -> None:
    hello = QT_TRANSLATE_NOOP("Test", "Hello {name}.").format(name="Ada")
    assert translated(hello) == "Hello Ada."
    door = QT_TRANSLATE_NOOP("Test", "Open {door}.").format(
        door=QT_TRANSLATE_NOOP("Test", "the kitchen door")
    )
    assert translated(door) == "Öffnen Sie die Küchentür."
    assert translated(joined((hello, door))) == "Hello Ada. Öffnen Sie die Küchentür."
