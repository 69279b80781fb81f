""" "My light looks different": a person picks what they see, by keyboard or mouse, and reads
what it means and what to do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from setup_wizard.flow.led_guide import LOOKS_DIFFERENT_PATTERNS, LedPattern
from setup_wizard.gui.led_picker import LedPicker, LedPickerDialog
from setup_wizard.gui.led_widget import what_to_do_text


@pytest.fixture
def picker(qtbot: QtBot) -> LedPicker:
    widget = LedPicker()
    widget.resize(720, 640)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def label(picker: LedPicker, name: str) -> QLabel:
    found = picker.findChild(QLabel, name)
    assert found is not None
    return found


def test_nothing_is_chosen_until_the_person_picks(picker: LedPicker) -> None:
    assert picker.chosen() is None
    assert label(picker, "ledPickerHint").isVisible()
    assert not label(picker, "ledWhatToDo").isVisible()
    assert picker.patterns() == LOOKS_DIFFERENT_PATTERNS


def test_arrow_keys_and_enter_pick_a_tile_and_show_its_remedy(
    qtbot: QtBot, picker: LedPicker
) -> None:
    view = picker.tile_view()
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(picker.pattern_chosen) as chosen:
        qtbot.keyClick(view, Qt.Key.Key_Right)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    second = LOOKS_DIFFERENT_PATTERNS[1]
    assert chosen.args == [second]
    assert picker.chosen() is second
    assert label(picker, "ledName").text() == second.info.name
    assert label(picker, "ledWhatToDo").text() == what_to_do_text(second.info)
    assert label(picker, "ledWhatToDo").isVisible()
    assert not label(picker, "ledPickerHint").isVisible()

    qtbot.keyClick(view, Qt.Key.Key_Down)  # the row below, whatever the width
    below = picker.chosen()
    assert below is not None
    assert below is not second
    assert label(picker, "ledMeaning").text() == below.info.meaning


def test_enter_in_the_tiles_does_not_press_the_default_button(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    picker = LedPicker(parent=dialog)
    next_button = QPushButton("Next", dialog)
    next_button.setDefault(True)
    next_button.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(picker)
    layout.addWidget(next_button)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker.tile_view().setFocus()
    picker.tile_view().setCurrentIndex(picker.tile_view().model().index(2, 0))
    qtbot.keyClick(picker.tile_view(), Qt.Key.Key_Enter)
    assert picker.chosen() is LOOKS_DIFFERENT_PATTERNS[2]
    assert dialog.isVisible()
    assert dialog.result() == 0


def test_clicking_a_tile_picks_it(qtbot: QtBot, picker: LedPicker) -> None:
    target = LedPattern.DFU
    with qtbot.waitSignal(picker.pattern_chosen) as chosen:
        qtbot.mouseClick(
            picker.tile_view().viewport(),
            Qt.MouseButton.LeftButton,
            pos=picker.tile_rect(target).center(),
        )
    assert chosen.args == [target]
    assert "RESET" in label(picker, "ledWhatToDo").text()


def test_developer_hints_show_only_where_there_are_some(picker: LedPicker) -> None:
    developer = label(picker, "ledForDevelopers")
    picker.choose(LedPattern.BAD_DEVICE_KEY)
    assert developer.isVisible()
    assert "particle keys doctor" in developer.text()
    assert "particle" not in label(picker, "ledWhatToDo").text().replace("Particle", "")
    picker.choose(LedPattern.CLOUD_CONNECTED)
    assert not developer.isVisible()


def test_tiles_and_the_list_have_accessible_names(picker: LedPicker) -> None:
    view = picker.tile_view()
    assert view.accessibleName() == "Status lights to choose from"
    for row, pattern in enumerate(LOOKS_DIFFERENT_PATTERNS):
        index = view.model().index(row, 0)
        assert index.data(Qt.ItemDataRole.AccessibleTextRole) == pattern.info.name
        assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == pattern.info.meaning
    assert picker.focusProxy() is view  # tabbing to the picker lands on the tiles


def test_each_tile_shows_its_light(qtbot: QtBot, picker: LedPicker) -> None:
    picker.freeze_at(0)  # every pattern starts lit
    image = picker.tile_view().viewport().grab().toImage()
    for pattern, expected in (
        (LedPattern.CLOUD_CONNECTED, QColor(0, 255, 255)),
        (LedPattern.DFU, QColor(255, 255, 0)),
        (LedPattern.SAFE_MODE, QColor(255, 0, 255)),
    ):
        assert image.pixelColor(picker.tile_led_centre(pattern)) == expected, pattern
    unlit = image.pixelColor(picker.tile_led_centre(LedPattern.NO_LIGHT))
    assert abs(unlit.red() - unlit.blue()) < 30


def test_the_tiles_animate_only_while_visible(qtbot: QtBot, picker: LedPicker) -> None:
    assert picker.is_animating()
    picker.hide()
    assert not picker.is_animating()
    picker.show()
    picker.freeze_at(100)
    assert not picker.is_animating()


def test_the_dialog_forwards_the_choice_and_closes(qtbot: QtBot) -> None:
    dialog = LedPickerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "My light looks different"
    with qtbot.waitSignal(dialog.pattern_chosen) as chosen:
        dialog.picker.choose(LedPattern.RED_SOS)
    assert chosen.args == [LedPattern.RED_SOS]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_picker_retranslates_on_a_language_change(qtbot: QtBot, picker: LedPicker) -> None:
    picker.choose(LedPattern.SAFE_MODE)
    picker.tile_view().model().setData(picker.tile_view().model().index(0, 0), "stale")
    picker.changeEvent(QEvent(QEvent.Type.LanguageChange))
    assert picker.tile_view().model().index(0, 0).data() == LOOKS_DIFFERENT_PATTERNS[0].info.name
    assert label(picker, "ledName").text() == LedPattern.SAFE_MODE.info.name
