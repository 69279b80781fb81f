"""Words for a person, marked for Qt's translation tools without importing Qt.

The Qt-free layers (flow, cloud, network) write their messages in English and mark each
one where it is written, so that ``pyside6-lupdate`` finds it::

    QT_TRANSLATE_NOOP("Cloud", "Could not {action}: …").format(action=operation.action)

:func:`QT_TRANSLATE_NOOP` returns the English text itself, as a :class:`Text`: a ``str``
that also remembers its context and source, so logs, tests and the headless command keep
reading plain English while the GUI can look the same message up in its translator
(``setup_wizard.gui.i18n.translated``). Arguments are ``str.format`` placeholders; one
that is itself a :class:`Text` (the ``action`` of a cloud operation) is translated too.
An error keeps such a Text as its ``message``: one value, English where it is read as a
string, translatable where the GUI shows it.
Plurals are Qt's: ``%n`` in the source, "(s)" for the English plural (see
:func:`QT_TRANSLATE_NOOP`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from typing import Any

Arg = str | int | float
"""What a placeholder may be filled with (a :class:`Text` argument is translated too)."""

Lookup = Callable[["Text"], str | None]
"""Finds a marked text's translation (with ``%n`` filled in), or None when there is none."""

_PLURAL_S = re.compile(r"\(s\)")


class Text(str):
    """English words for a person that also know how to be translated.

    The ``str`` value is the English (what ``str()``, logging and ``==`` see). ``context``,
    ``source``, ``disambiguation`` and ``n`` are what ``QCoreApplication.translate`` needs;
    ``args`` are the values for the placeholders (None: the text is used as it is, braces
    and all, like any ``QT_TRANSLATE_NOOP`` text). A context of "" marks a composition of
    other texts (:func:`joined`): nothing to look up, only its parts are translated.
    Immutable, like the ``str`` it is.
    """

    context: str
    source: str
    disambiguation: str | None
    n: int | None
    template: str
    """The English template: ``source`` with ``%n`` filled in."""
    args: tuple[tuple[str, Arg], ...] | None

    def __new__(
        cls,
        english: str,
        *,
        context: str,
        source: str,
        template: str,
        disambiguation: str | None = None,
        n: int | None = None,
        args: tuple[tuple[str, Arg], ...] | None = None,
    ) -> Text:
        self = super().__new__(cls, english)
        for name, value in (
            ("context", context),
            ("source", source),
            ("template", template),
            ("disambiguation", disambiguation),
            ("n", n),
            ("args", args),
        ):
            object.__setattr__(self, name, value)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Text is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Text is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._state(),))

    def _state(self) -> dict[str, Any]:
        return {
            "english": str(self),
            "context": self.context,
            "source": self.source,
            "template": self.template,
            "disambiguation": self.disambiguation,
            "n": self.n,
            "args": self.args,
        }

    def format(self, *args: object, **kwargs: Any) -> Text:
        """The same marked text with its placeholders filled (named ones only, so that a
        translation can put them in another order). For a plural, ``n`` is the count."""
        if args:
            raise TypeError("Text.format takes named placeholders only")
        if self.args is not None:
            raise TypeError("this Text is formatted already")
        state = self._state()
        if self.n is not None and "n" in kwargs:
            count = kwargs.pop("n")
            if not isinstance(count, int) or isinstance(count, bool):
                raise TypeError("a plural's count n is an int")
            state.update(n=count, template=_english_plural(self.source, count))
        for name, value in kwargs.items():
            if not isinstance(value, str | int | float):
                raise TypeError(f"placeholder {name!r} is a {type(value).__name__}")
        state.update(english=state["template"].format(**kwargs), args=tuple(kwargs.items()))
        return Text(**state)

    def localized(self, lookup: Lookup) -> str:
        """This text in the language ``lookup`` finds translations in; English where it
        finds none, or where a translation lost (or invented) a placeholder."""
        translation = lookup(self) if self.context else None
        if self.args is None:
            return self.template if translation is None else translation
        values = {
            name: value.localized(lookup) if isinstance(value, Text) else value
            for name, value in self.args
        }
        if translation is None:
            return self.template.format(**values)
        if placeholders(translation) == placeholders(self.source):
            try:
                return translation.format(**values)
            except (ValueError, KeyError, IndexError, AttributeError, TypeError):
                pass
        return str(self)


def _rebuild(state: dict[str, Any]) -> Text:
    return Text(**state)


def QT_TRANSLATE_NOOP(
    context: str, text: str, disambiguation: str | None = None, n: int | None = None
) -> Text:
    """Mark ``text`` for ``pyside6-lupdate`` in ``context``; the value is ``text`` itself.

    A plural ("Try again in %n second(s).") needs a number *literal* as ``n``, since that
    is how lupdate recognises one; the count itself goes to :meth:`Text.format` as ``n``::

        QT_TRANSLATE_NOOP("Cloud", "Try again in %n second(s).", None, 0).format(n=seconds)

    The English then reads "1 second" or "5 seconds", and a translation its own forms.
    """
    template = text if n is None else _english_plural(text, n)
    return Text(
        template,
        context=context,
        source=text,
        template=template,
        disambiguation=disambiguation,
        n=n,
    )


def _english_plural(text: str, n: int) -> str:
    return _PLURAL_S.sub("" if n == 1 else "s", text.replace("%n", str(n)))


def joined(parts: Iterable[str], sep: str = " ") -> str:
    """``sep.join(parts)`` that stays translatable when some parts are :class:`Text`."""
    parts = tuple(parts)
    english = sep.join(parts)
    if not any(isinstance(part, Text) for part in parts):
        return english
    escaped = sep.replace("{", "{{").replace("}", "}}")
    template = escaped.join(f"{{p{index}}}" for index in range(len(parts)))
    return Text(
        english,
        context="",
        source=template,
        template=template,
        args=tuple((f"p{index}", part) for index, part in enumerate(parts)),
    )


def placeholders(template: str) -> frozenset[str] | None:
    """The names of ``template``'s ``{placeholders}``; None when its braces are broken."""
    try:
        return frozenset(
            field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(template)
            if field is not None
        )
    except ValueError:
        return None
