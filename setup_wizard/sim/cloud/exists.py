"""How the cloud says "this customer already exists": several shapes, one per cloud.

The reference (§4.1) has no authoritative example, and Particle's own clients show the
answer has varied: the Android setup library took a 401 from customer creation for
"an account with this email address may already exist", and a later fix also matched
the email in the error's text (particle-iot/spark-setup-android, CreateAccountActivity.java,
commits 0d9caf4 of 2015 and c391cac of 2017). So a simulated cloud answers with one of the
shapes below, chosen by its seed (or given), and a client must recognise them all:

- ``LEGACY_400``: 400 ``{"ok": false, "error": "Customer already exists"}``;
- ``UNAUTHORIZED_401``: 401, OAuth-style, the words and the email in the description;
- ``SERVER_ERROR_500``: 500, legacy body, "already exists" with the email (a duplicate
  key surfacing as a server error);
- ``BARE_401``: 401 with nothing but "Unauthorized", all the Android library relied on.
"""

from __future__ import annotations

import enum
import random

from setup_wizard.sim.cloud.errors import ApiError, LegacyError, OAuthError


class CustomerExistsAnswer(enum.Enum):
    LEGACY_400 = "legacy-400"
    UNAUTHORIZED_401 = "unauthorized-401"
    SERVER_ERROR_500 = "server-error-500"
    BARE_401 = "bare-401"

    def error(self, email: str) -> ApiError:
        """The answer to creating the customer ``email`` a second time."""
        match self:
            case CustomerExistsAnswer.LEGACY_400:
                return LegacyError(400, "Customer already exists")
            case CustomerExistsAnswer.UNAUTHORIZED_401:
                return OAuthError("unauthorized", f"Customer {email} already exists", status=401)
            case CustomerExistsAnswer.SERVER_ERROR_500:
                return LegacyError(500, f"A user with username {email} already exists")
        return LegacyError(401, "Unauthorized")

    @classmethod
    def for_seed(cls, seed: int | None) -> CustomerExistsAnswer:
        """The shape a cloud built with ``seed`` uses (any, when unseeded); drawn apart
        from the cloud's other seeded values, so adding it changed none of them."""
        if seed is None:
            return random.SystemRandom().choice(list(cls))
        # Not for cryptography: a seeded simulator must be repeatable.
        rng = random.Random(f"customer-exists/{seed}")  # noqa: S311
        return rng.choice(list(cls))
