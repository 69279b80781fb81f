"""Before the first device: the staff member signed in, the product and its OAuth client
chosen, as the wizard's staff pages do, from the options and :class:`Credentials`.

Nothing here retries a refused sign-in or code by itself: ten failed token requests lock
the network out of the Particle Cloud for 30 minutes. Only a person typing a new code
tries again.
"""

from __future__ import annotations

import socket

from setup_wizard.cloud.errors import MfaCodeWrong, SessionExpired
from setup_wizard.cloud.models import ClientCredentials, Product
from setup_wizard.flow.staff import Staff, StaffSession
from setup_wizard.headless.credentials import ENV_CLIENT_SECRET, ENV_OTP, Credentials
from setup_wizard.headless.exits import ExitCode, HeadlessError
from setup_wizard.headless.progress import Progress
from setup_wizard.profile import KEYRING_SERVICE, keyring_username


async def sign_in(session: StaffSession, credentials: Credentials, progress: Progress) -> Staff:
    """A kept sign-in first (the keyring), else the account's password and, if the account
    asks for it, its two-step code."""
    staff = await session.use_kept_sign_in()
    if staff is not None:
        try:
            await session.products()  # the kept token still works?
        except SessionExpired:
            await session.sign_out()
        else:
            progress.say(f"Signed in as {staff.username} (kept sign-in).")
            return staff
    username = credentials.staff_username()
    staff = await session.sign_in(username, credentials.staff_password(), keep=False)
    code = None if staff is not None else credentials.two_step_code()
    while staff is None:
        if code is None:
            raise HeadlessError(
                f"The account {username} uses two-step verification: set {ENV_OTP} to the "
                "current code of your authenticator app, or run the command on a terminal to "
                "type it.",
                ExitCode.USAGE,
            )
        try:
            staff = await session.verify(code)
        except MfaCodeWrong as wrong:
            again = credentials.two_step_code(again=True)
            if again is None:
                raise
            progress.say(wrong.message)
            code = again
    progress.say(f"Signed in as {staff.username}.")
    return staff


def _matches(product: Product, wanted: str) -> bool:
    folded = wanted.strip().casefold()
    return folded in (str(product.id), product.slug.casefold(), product.name.casefold())


def _listed(products: list[Product]) -> str:
    return "; ".join(f"{p.id} ({p.slug}, “{p.name}”)" for p in products) or "none"


async def choose_product(session: StaffSession, wanted: str, progress: Progress) -> Product:
    """The product by its ID, its slug or its exact name (a simulation's ID changes with
    every run; its name does not)."""
    products = await session.products()
    found = [p for p in products if _matches(p, wanted)]
    if len(found) != 1:
        why = "matches several products" if found else "is none of your products"
        raise HeadlessError(
            f"--product {wanted} {why}. Give one of these IDs or slugs: "
            f"{_listed(found or products)}.",
            ExitCode.USAGE,
        )
    product = found[0]
    session.choose_product(product)
    progress.say(f"Product: {product.name} ({product.id}, {product.slug}).")
    return product


async def choose_client(
    session: StaffSession,
    client_id: str | None,
    credentials: Credentials,
    progress: Progress,
) -> ClientCredentials:
    """``client_id`` with its secret from the environment or the keyring; without it, the
    one client whose secret this computer keeps, or a new one (type installed)."""
    options = await session.clients()
    secret = credentials.client_secret()
    if client_id is not None:
        if all(option.client.id != client_id for option in options):
            names = ", ".join(o.client.id for o in options) or "none"
            raise HeadlessError(
                f"--client-id {client_id} is not one of the product's OAuth clients ({names}).",
                ExitCode.USAGE,
            )
        if secret is not None:
            return await session.use_client_secret(client_id, secret, keep=False)
        if not any(o.client.id == client_id and o.secret_kept for o in options):
            raise HeadlessError(
                f"This computer does not keep the secret of the client {client_id}: set "
                f"{ENV_CLIENT_SECRET}, or keep it in the keyring (keyring set "
                f"{KEYRING_SERVICE} {keyring_username(client_id)}).",
                ExitCode.USAGE,
            )
        return await session.choose_client(client_id)
    if secret is not None:
        raise HeadlessError(
            f"{ENV_CLIENT_SECRET} is set: give --client-id too, to say whose secret it is.",
            ExitCode.USAGE,
        )
    kept = [option.client.id for option in options if option.secret_kept]
    if len(kept) > 1:
        raise HeadlessError(
            f"This computer keeps the secrets of several of the product's clients "
            f"({', '.join(kept)}): choose one with --client-id.",
            ExitCode.USAGE,
        )
    if kept:
        progress.say(f"OAuth client: {kept[0]} (its secret is kept on this computer).")
        return await session.choose_client(kept[0])
    created = await session.create_client(f"Photon Setup bench ({socket.gethostname()})")
    where = (
        "kept in this computer's keyring"
        if any(o.client.id == created.id and o.secret_kept for o in await session.clients())
        else "kept for this run only: the keyring refused it (see the log)"
    )
    progress.say(
        f"Created the product's OAuth client {created.id} (type installed), because this "
        f"computer kept the secret of none of its clients; its secret is {where}."
    )
    return created
