"""The app's language: its own translations plus Qt's (for standard buttons and dialogs).

The locale is the system's (``QLocale.system()``, which follows ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` on Unix and the user's settings on macOS and Windows), or the
one given with ``--lang``. A language the app has no translation for is not an error: the
text stays English, and Qt's own buttons are still translated when Qt ships the language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from setup_wizard.device.security import Security
from setup_wizard.i18n import Text

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
"""``setup_wizard/resources/translations/photon_setup_<lang>.qm``."""
CATALOGUE = "photon_setup"


@dataclass
class Translations:
    """What :func:`install_translations` installed; :meth:`remove` takes it back out."""

    locale: QLocale
    loaded: list[str] = field(default_factory=list)
    """The ``.qm`` files in use (Qt's and the app's)."""
    _translators: list[QTranslator] = field(default_factory=list)

    def remove(self) -> None:
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        self.loaded.clear()


def chosen_locale(lang: str | None) -> QLocale:
    """``lang`` (``de``, ``de_DE``, ``pt-BR``) if given and known to Qt, else the system's."""
    if lang:
        locale = QLocale(lang.replace("-", "_"))
        if locale.language() != QLocale.Language.C:
            return locale
        log.warning("unknown language %r; using the system's", lang)
    return QLocale.system()


def install_translations(
    lang: str | None = None, *, directory: Path = TRANSLATIONS_DIR
) -> Translations:
    """Install Qt's and the app's translators for ``lang`` (or the system's locale) and make
    that locale the default for numbers and dates. Missing files are skipped."""
    locale = chosen_locale(lang)
    QLocale.setDefault(locale)
    installed = Translations(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue, folder in (("qtbase", qt_dir), (CATALOGUE, str(directory))):
        translator = QTranslator()
        # Tries the locale's UI languages in order: photon_setup_de_DE.qm, photon_setup_de.qm
        if translator.load(locale, catalogue, "_", folder) and QCoreApplication.installTranslator(
            translator
        ):
            installed._translators.append(translator)
            installed.loaded.append(translator.filePath())
    log.info(
        "language %s; translations: %s",
        locale.name(),
        ", ".join(Path(p).name for p in installed.loaded) or "none (English)",
    )
    return installed


def translated(text: str) -> str:
    """``text`` in the user's language: a :class:`~setup_wizard.i18n.Text` from the Qt-free
    layers (an error's ``message``, a notice, a stage label) is looked up in the installed
    translators, its arguments too; any other string is shown as it is."""
    return text.localized(_qt_lookup) if isinstance(text, Text) else text


def _qt_lookup(text: Text) -> str | None:
    n = -1 if text.n is None else text.n
    found = QCoreApplication.translate(text.context, text.source, text.disambiguation, n)
    # Untranslated, Qt hands back the source (with %n filled in): English is better made.
    untranslated = text.source if n < 0 else text.source.replace("%n", str(n))
    return None if found == untranslated else found


def security_label(security: Security) -> str:
    """A network's security as the user's router settings would name it, translated."""
    return translated(security.label)
