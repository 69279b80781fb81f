"""QtCore with only Qt's ``qtbase`` translations (replaces PyInstaller's own hook, which takes
the translations of every Qt module): the wizard loads ``qtbase_<lang>.qm`` for Qt's own
buttons and dialogs (setup_wizard/gui/i18n.py)."""

from fnmatch import fnmatch
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, _datas = add_qt6_dependencies(__file__)
datas = [
    (source, destination)
    for source, destination in _datas
    if not source.endswith(".qm") or fnmatch(Path(source).name, "qtbase_*.qm")
]
