"""Records as the API writes them in JSON (one place, since several routes share them)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, TypeVar

from aiohttp import web

from setup_wizard.sim.cloud.errors import LegacyError
from setup_wizard.sim.cloud.model import Device, OAuthClient, Product, iso

SYSTEM_FIRMWARE = "1.5.2"  # a late Device OS for the Photon
DEFAULT_PER_PAGE = 25
T = TypeVar("T")


def product_json(product: Product, *, quarantine: bool) -> dict[str, Any]:
    return {
        "id": product.id,
        "platform_id": product.platform_id,
        "name": product.name,
        "slug": product.slug,
        "description": product.description,
        "user": product.owner_id,
        "organization_id": None,
        "groups": [],
        "settings": {"quarantine": quarantine},
        "device_protection": {"status": "disabled"},
    }


def client_json(client: OAuthClient, *, with_secret: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": client.name,
        "type": client.type,
        "id": client.id,
        "product_id": client.product_id,
    }
    if client.scope is not None:
        body["scope"] = client.scope
    if client.redirect_uri is not None:
        body["redirect_uri"] = client.redirect_uri
    if with_secret:
        body["secret"] = client.secret
    return body


def device_json(device: Device, *, detail: bool = False) -> dict[str, Any]:
    """A device as ``GET /v1/devices`` lists it; ``detail`` adds the single-device fields."""
    body: dict[str, Any] = {
        "id": device.id,
        "name": device.name,
        "last_app": None,
        "last_ip_address": device.last_ip_address,
        "last_heard": iso(device.last_heard),
        "last_handshake_at": iso(device.last_handshake_at),
        "product_id": device.product_id,
        "online": device.online,
        "connected": device.online,  # deprecated alias, still sent
        "platform_id": device.platform_id,
        "cellular": False,
        "notes": device.notes,
        "status": "normal",
        "serial_number": None,
        "system_firmware_version": SYSTEM_FIRMWARE,
        "current_build_target": SYSTEM_FIRMWARE,
        "pinned_build_target": None,
        "default_build_target": SYSTEM_FIRMWARE,
    }
    if detail:
        body["functions"] = []
        body["variables"] = {}
        body["owner"] = device.owner.username if device.owner else None
        if device.product_id != device.platform_id:
            body.update(
                firmware_product_id=device.product_id,
                groups=[],
                firmware_version=None,
                desired_firmware_version=None,
                targeted_firmware_release_version=None,
                development=False,
                quarantined=device.quarantined,
                denied=device.denied,
            )
    return body


def page_of(request: web.Request, items: Sequence[T]) -> tuple[Sequence[T], dict[str, int]]:
    """``page``/``perPage`` paging (25 a page by default) and the ``meta`` it implies."""
    try:
        page = int(request.query.get("page", "1"))
        per_page = int(request.query.get("perPage", str(DEFAULT_PER_PAGE)))
    except ValueError:
        raise LegacyError(400, "page and perPage must be whole numbers") from None
    if page < 1 or per_page < 1:
        raise LegacyError(400, "page and perPage must be 1 or more")
    start = (page - 1) * per_page
    return items[start : start + per_page], {"total_pages": math.ceil(len(items) / per_page)}
