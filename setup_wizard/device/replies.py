"""Turning reply bodies into typed values, shared by the client and the probe."""

from __future__ import annotations

import json
import re

from setup_wizard.device.errors import DeviceKeyError, DeviceReplyUnreadableError
from setup_wizard.device.keys import DevicePublicKey, parse_public_key
from setup_wizard.device.models import DeviceInfo, WifiNetwork
from setup_wizard.device.scan import json_integer, looks_like_scan, parse_scan

_DEVICE_ID = re.compile(r"[0-9A-Fa-f]{24}")


def json_object(command: str, payload: bytes) -> dict[str, object]:
    """The reply as a JSON object, or an "unreadable" error naming what was wrong."""
    if not payload:
        raise DeviceReplyUnreadableError(command, "the answer was empty")
    try:
        document = json.loads(payload)
    except (ValueError, RecursionError):
        raise DeviceReplyUnreadableError(command, "the answer is not JSON") from None
    if not isinstance(document, dict):
        raise DeviceReplyUnreadableError(command, "the answer is not a JSON object")
    return document


def result_code(command: str, payload: bytes) -> int:
    """``r`` of a ``{"r":N}`` reply (``set``, ``configure-ap``, ``connect-ap``)."""
    code = json_integer(json_object(command, payload).get("r"))
    if code is None:
        raise DeviceReplyUnreadableError(command, "the answer has no result code")
    return code


def parse_version(payload: bytes) -> int:
    version = json_integer(json_object("version", payload).get("v"))
    if version is None:
        raise DeviceReplyUnreadableError("version", "the answer has no version number")
    return version


def parse_device_info(payload: bytes) -> DeviceInfo:
    """``{"id":"<24 hex>","c":"0"|"1"}``; the ID is lower-cased for the cloud API."""
    reply = json_object("device-id", payload)
    device_id, claimed = reply.get("id"), reply.get("c")
    if not isinstance(device_id, str) or not _DEVICE_ID.fullmatch(device_id):
        raise DeviceReplyUnreadableError("device-id", "the answer has no valid device ID")
    if claimed not in ("0", "1", 0, 1):  # a quoted string on real firmware; be lenient
        raise DeviceReplyUnreadableError("device-id", "the answer has no valid claimed flag")
    return DeviceInfo(device_id=device_id.lower(), claimed=claimed in ("1", 1))


def parse_key_reply(payload: bytes) -> DevicePublicKey:
    """``{"b":"<hex>","r":0}``, or ``{"r":1}`` when the device cannot read its own key."""
    try:
        reply = json_object("public-key", payload)
    except DeviceReplyUnreadableError as error:
        raise DeviceKeyError(error.detail) from None
    code = json_integer(reply.get("r"))
    if code not in (None, 0):
        raise DeviceKeyError(f"the Photon could not read its key, error {code}")
    return parse_public_key(reply.get("b"))


def parse_scan_reply(payload: bytes) -> list[WifiNetwork]:
    if not looks_like_scan(payload):
        raise DeviceReplyUnreadableError("scan-ap", "the answer is not a list of networks")
    return parse_scan(payload)
