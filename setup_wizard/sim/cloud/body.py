"""Request bodies: form-encoded or JSON, as the API accepts both (``/oauth/token`` aside).

A body that is not UTF-8 is the client's mistake: 400, never a server error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web

from setup_wizard.sim.cloud.errors import LegacyError

FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
JSON = "application/json"


@dataclass(frozen=True)
class Body:
    values: Mapping[str, object]
    content_type: str

    @property
    def is_urlencoded(self) -> bool:
        return self.content_type == FORM

    def text(self, key: str) -> str | None:
        """The field as a string (JSON numbers and booleans as a form would send them)."""
        value = self.values.get(key)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float | str):
            return str(value)
        return None

    def flag(self, key: str) -> bool:
        return (self.text(key) or "").lower() in ("true", "1")


async def read_body(request: web.Request) -> Body:
    """Parse the body; an empty or unknown-type body reads as no fields (like Express)."""
    content_type = request.content_type
    if not request.body_exists:
        return Body({}, content_type)
    if content_type == JSON:
        raw = await request.read()
        if not raw.strip():
            return Body({}, content_type)
        try:
            parsed = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise LegacyError(400, "The request body is not valid JSON") from None
        if not isinstance(parsed, dict):
            raise LegacyError(400, "The JSON body must be an object")
        return Body(parsed, content_type)
    if content_type in (FORM, MULTIPART):
        try:
            form = await request.post()
        except UnicodeDecodeError:
            raise LegacyError(400, "The request body is not valid UTF-8") from None
        except ValueError:
            raise LegacyError(400, "The request body is not a valid form") from None
        return Body({k: v for k, v in form.items() if isinstance(v, str)}, content_type)
    return Body({}, content_type)
