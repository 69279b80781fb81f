"""Turning reply bodies into typed values, shared by the client and the probe.

What was wrong with a reply goes into :class:`DeviceReplyUnreadableError`'s message, so it
is marked for translation ("Device") like the message itself.
"""

from __future__ import annotations

import json
import re

from setup_wizard.device.errors import DeviceKeyError, DeviceReplyUnreadableError
from setup_wizard.device.keys import DevicePublicKey, parse_public_key
from setup_wizard.device.models import DeviceInfo, WifiNetwork
from setup_wizard.device.scan import json_integer, looks_like_scan, parse_scan
from setup_wizard.i18n import QT_TRANSLATE_NOOP

MAX_REPLY_BYTES = 64 * 1024
"""The most a reply may hold. A Photon's longest answer is a scan: under 90 bytes an access
point, and a scan lists a few dozen (the firmware stalls beyond ~30, §3.5), so a few KB;
the public key is 600 bytes. 64 KB is over 700 access points: room for any real place,
while a peer that streams without end costs a bounded read and a bounded parse."""

_DEVICE_ID = re.compile(r"[0-9A-Fa-f]{24}")
_TOO_LONG = QT_TRANSLATE_NOOP("Device", "the answer is far longer than a Photon's")


class _DuplicateKeyError(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    document = dict(pairs)
    if len(document) != len(pairs):
        raise _DuplicateKeyError
    return document


def json_object(command: str, payload: bytes) -> dict[str, object]:
    """The reply as a JSON object, or an "unreadable" error naming what was wrong.

    A key given twice is refused: the firmware writes each once, and which of two values a
    reader keeps is a guess.
    """
    if not payload:
        raise DeviceReplyUnreadableError(
            command, QT_TRANSLATE_NOOP("Device", "the answer was empty")
        )
    if len(payload) > MAX_REPLY_BYTES:
        raise DeviceReplyUnreadableError(command, _TOO_LONG)
    try:
        document = json.loads(payload, object_pairs_hook=_unique_keys)
    except _DuplicateKeyError:
        raise DeviceReplyUnreadableError(
            command, QT_TRANSLATE_NOOP("Device", "the answer repeats a key")
        ) from None
    except (ValueError, RecursionError):
        raise DeviceReplyUnreadableError(
            command, QT_TRANSLATE_NOOP("Device", "the answer is not JSON")
        ) from None
    if not isinstance(document, dict):
        raise DeviceReplyUnreadableError(
            command, QT_TRANSLATE_NOOP("Device", "the answer is not a JSON object")
        )
    return document


def result_code(command: str, payload: bytes) -> int:
    """``r`` of a ``{"r":N}`` reply (``set``, ``configure-ap``, ``connect-ap``)."""
    code = json_integer(json_object(command, payload).get("r"))
    if code is None:
        raise DeviceReplyUnreadableError(
            command, QT_TRANSLATE_NOOP("Device", "the answer has no result code")
        )
    return code


def parse_version(payload: bytes) -> int:
    version = json_integer(json_object("version", payload).get("v"))
    if version is None:
        raise DeviceReplyUnreadableError(
            "version", QT_TRANSLATE_NOOP("Device", "the answer has no version number")
        )
    return version


def parse_device_info(payload: bytes) -> DeviceInfo:
    """``{"id":"<24 hex>","c":"0"|"1"}``; the ID is lower-cased for the cloud API.

    ``c`` is a quoted string on every firmware (§3.2); anything else is not a Photon's answer.
    """
    reply = json_object("device-id", payload)
    device_id, claimed = reply.get("id"), reply.get("c")
    if not isinstance(device_id, str) or not _DEVICE_ID.fullmatch(device_id):
        raise DeviceReplyUnreadableError(
            "device-id", QT_TRANSLATE_NOOP("Device", "the answer has no valid device ID")
        )
    if claimed not in ("0", "1"):
        raise DeviceReplyUnreadableError(
            "device-id", QT_TRANSLATE_NOOP("Device", "the answer has no valid claimed flag")
        )
    return DeviceInfo(device_id=device_id.lower(), claimed=claimed == "1")


def parse_key_reply(payload: bytes) -> DevicePublicKey:
    """``{"b":"<hex>","r":0}``, or ``{"r":1}`` when the device cannot read its own key."""
    try:
        reply = json_object("public-key", payload)
    except DeviceReplyUnreadableError as error:
        raise DeviceKeyError(error.detail) from None
    code = json_integer(reply.get("r"))
    if code not in (None, 0):
        raise DeviceKeyError(
            QT_TRANSLATE_NOOP("Device", "the Photon could not read its key, error {code}").format(
                code=code
            )
        )
    return parse_public_key(reply.get("b"))


def parse_scan_reply(payload: bytes) -> list[WifiNetwork]:
    if len(payload) > MAX_REPLY_BYTES:
        raise DeviceReplyUnreadableError("scan-ap", _TOO_LONG)
    if not looks_like_scan(payload):
        raise DeviceReplyUnreadableError(
            "scan-ap", QT_TRANSLATE_NOOP("Device", "the answer is not a list of networks")
        )
    return parse_scan(payload)
