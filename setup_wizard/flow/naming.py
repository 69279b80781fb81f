"""Device names: the cloud's rule, and a friendly suggestion that is the same every time."""

from __future__ import annotations

import hashlib
import re

from setup_wizard.i18n import QT_TRANSLATE_NOOP

MAX_NAME = 63
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,63}$")

_ADJECTIVES = (
    "amber", "bold", "brave", "bright", "calm", "clever", "cosy", "eager", "gentle", "happy",
    "jolly", "keen", "lively", "lucky", "merry", "nimble", "proud", "quick", "quiet", "rapid",
    "shiny", "sunny", "swift", "tidy", "witty",
)  # fmt: skip
_NOUNS = (
    "badger", "beacon", "comet", "falcon", "fern", "finch", "harbor", "heron", "lantern",
    "maple", "meadow", "otter", "pebble", "pine", "quokka", "raven", "river", "robin",
    "sparrow", "spruce", "thistle", "tulip", "walrus", "willow", "wren",
)  # fmt: skip


def name_problem(name: str) -> str | None:
    """Why the cloud would refuse ``name`` (letters, digits, ``_`` and ``-``, 1–63), or None."""
    if not name:
        return QT_TRANSLATE_NOOP("Flow", "Enter a name for the Photon.")
    if len(name) > MAX_NAME:
        return QT_TRANSLATE_NOOP(
            "Flow", "A device name has at most {most} characters; this one has {count}."
        ).format(most=MAX_NAME, count=len(name))
    if not _NAME.match(name):
        return QT_TRANSLATE_NOOP(
            "Flow",
            "A device name may use only letters (A–Z), digits, underscores (_) and hyphens (-), "
            "with no spaces.",
        )
    return None


def suggest_name(device_id: str, existing: str | None = None) -> str:
    """The device's current cloud name if it is valid, else "adjective_noun" chosen from the
    device ID (stable: the same Photon gets the same suggestion on every run)."""
    if existing and name_problem(existing) is None:
        return existing
    digest = hashlib.sha256(device_id.lower().encode()).digest()
    return f"{_ADJECTIVES[digest[0] % len(_ADJECTIVES)]}_{_NOUNS[digest[1] % len(_NOUNS)]}"
