"""The German catalogue is current and complete: every text the app marks is in it, translated,
with the same placeholders. A new English text without its German fails here, in CI.

The sources are the Makefile's (``make translations``): every module of the package but
``setup_wizard/sim/``, which is never shown to people.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from setup_wizard.device.security import Security
from setup_wizard.gui.i18n import CATALOGUE, TRANSLATIONS_DIR
from setup_wizard.i18n import placeholders

PACKAGE = Path(__file__).resolve().parents[2] / "setup_wizard"
TS = TRANSLATIONS_DIR / f"{CATALOGUE}_de.ts"
QM = TRANSLATIONS_DIR / f"{CATALOGUE}_de.qm"
FIX = "run `make translations`, translate what is new in Qt Linguist, then commit .ts and .qm"


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "sim" not in p.relative_to(PACKAGE).parts)


def qt_tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    forms: tuple[str, ...]
    state: str | None
    """The translation's ``type``: None when finished, else unfinished, vanished, obsolete."""


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()  # noqa: S314 (lupdate's output and our own file)
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    numerus,
                    forms,
                    translation.get("type"),
                )
            )
    return found


def keys(messages: list[Message]) -> set[tuple[str, str, bool]]:
    return {(m.context, m.source, m.numerus) for m in messages}


def test_the_catalogue_holds_exactly_the_texts_the_sources_mark(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(  # noqa: S603
        [qt_tool("pyside6-lupdate"), "-silent", *map(str, sources()), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    marked, committed = keys(read_ts(fresh)), keys(read_ts(TS))
    assert not marked - committed, f"new texts not in {TS.name}: {FIX}"
    assert not committed - marked, f"texts no longer in the sources: {FIX}"


def test_every_german_message_is_finished_and_keeps_its_placeholders() -> None:
    language = ET.parse(TS).getroot().get("language")  # noqa: S314 (our own file)
    assert language == "de", "lrelease picks the plural rules by the language"
    for m in read_ts(TS):
        where = f"{m.context}: {m.source!r}"
        assert m.state is None, f"{where} is {m.state}: {FIX}"
        assert len(m.forms) == (2 if m.numerus else 1), f"{where}: German has two plural forms"
        for form in m.forms:
            assert form.strip(), f"{where} has an empty translation"
            assert placeholders(form) == placeholders(m.source), f"{where}: {{placeholders}}"
            assert qt_markers(form) == qt_markers(m.source), f"{where}: %-markers"
            assert accelerators(form) == accelerators(m.source), f"{where}: one & shortcut"
            assert edges(form) == edges(m.source), f"{where}: leading or trailing spaces"


def qt_markers(text: str) -> Counter[str]:
    return Counter(re.findall(r"%(?:\d|n|s)", text))


def accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


def edges(text: str) -> tuple[bool, bool]:
    return text[:1].isspace(), text[-1:].isspace()


def test_the_compiled_catalogue_is_the_ts_compiled(tmp_path: Path) -> None:
    compiled = tmp_path / "de.qm"
    subprocess.run(  # noqa: S603
        [qt_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), f"{QM.name} is older than {TS.name}: {FIX}"


def test_lupdate_sees_every_text_the_code_marks() -> None:
    """lupdate skips a mark it cannot read (an f-string, a computed argument) without a word,
    and reads a plural only with a number literal as ``n``; this reads the code itself."""
    catalogue = {(m.context, m.source) for m in read_ts(TS)}
    problems = []
    for path in sources():
        for context, call in marks(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(PACKAGE.parent)}:{call.lineno}"
            texts = call.args[:2] if context is None else call.args[:1]
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                problems.append(f"{where}: not a literal: {ast.unparse(call)[:70]}")
                continue
            values = [str(a.value) for a in texts if isinstance(a, ast.Constant)]
            key = (context, values[0]) if context is not None else (values[0], values[1])
            if key not in catalogue:
                problems.append(f"{where}: lupdate did not extract {key}")
            n = call.args[3] if len(call.args) > 3 else None
            plural_marked = isinstance(n, ast.Constant) and isinstance(n.value, int)
            if context is None and ("%n" in key[1]) != plural_marked:
                problems.append(f"{where}: a plural needs %n and a number literal as n")
    assert not problems, "\n".join(problems)


def marks(tree: ast.Module) -> list[tuple[str | None, ast.Call]]:
    """``QT_TRANSLATE_NOOP(context, text, …)`` and ``QCoreApplication.translate(context,
    text, …)`` calls (context None: it is the first argument), and ``self.tr(text)`` in a
    class (its name is the context)."""
    found: list[tuple[str | None, ast.Call]] = []
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
            func = call.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "tr"
                and isinstance(func.value, ast.Name)
                and func.value.id == "self"
            ):
                found.append((cls.name, call))
    found += [(None, c) for c in ast.walk(tree) if isinstance(c, ast.Call) and _marks_text(c)]
    return found


def _marks_text(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "QT_TRANSLATE_NOOP"
    # QCoreApplication.translate("Context", "text"); a computed one looks a marked text up.
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "translate"
        and isinstance(func.value, ast.Name)
        and func.value.id == "QCoreApplication"
        and all(isinstance(a, ast.Constant) for a in call.args[:2])
    )


def test_every_security_label_is_in_the_catalogue() -> None:
    """Every label ``Security.label`` can give (setup_wizard/device/security.py marks them), the
    odd bit combinations too, is in the catalogue."""
    labels = {m.source for m in read_ts(TS) if m.context == "Security"}
    networks = [*Security, Security(0x00600004), Security(0x02600006), Security(0x10000004)]
    assert {s.label for s in networks} <= labels
