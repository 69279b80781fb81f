"""The cloud's state and the rules that change it (no HTTP here)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from setup_wizard.sim.cloud.ids import Ids, slugify
from setup_wizard.sim.cloud.model import (
    AccessToken,
    Account,
    AccountKind,
    ClaimCode,
    CustomerView,
    Device,
    DeviceView,
    MfaChallenge,
    OAuthClient,
    Product,
    RefreshToken,
)
from setup_wizard.sim.link import Handshake

# The public clients of Particle's own tools; their secret equals their ID.
BUILT_IN_CLIENTS = ("particle", "particle-api", "particle-cli")
CLAIM_CODE_LIFETIME = 3600.0  # forum (Particle staff): use within one hour
MAX_EMAIL = 254  # RFC 5321's longest address; the reference gives no limit of its own


def email_problem(email: str) -> str | None:
    """Why ``email`` cannot name a customer, or None. The reference allows "any unique
    identifier", so only what no identifier needs is refused: length and control codes."""
    if not email:
        return "email is required"
    if len(email) > MAX_EMAIL:
        return f"email must be at most {MAX_EMAIL} characters"
    if any(unicodedata.category(c) == "Cc" for c in email):
        return "email must not contain control characters"
    return None


class CloudStore:
    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self.products: dict[int, Product] = {}
        self.clients: dict[str, OAuthClient] = {
            name: OAuthClient(id=name, secret=name, name=name, type="installed")
            for name in BUILT_IN_CLIENTS
        }
        self.developers: dict[str, Account] = {}
        self.customers: dict[tuple[int, str], Account] = {}
        self.access_tokens: dict[str, AccessToken] = {}
        self.refresh_tokens: dict[str, RefreshToken] = {}
        self.mfa_challenges: dict[str, MfaChallenge] = {}
        self.claim_codes: dict[str, ClaimCode] = {}
        self.devices: dict[str, Device] = {}
        self.members: dict[int, set[str]] = {}  # device IDs added to (or approved into) a product
        self.denied: dict[int, set[str]] = {}  # device IDs a product's team denied
        self.quarantining: set[int] = set()  # products that quarantine devices they do not know

    # --- accounts, products, clients ---

    def add_developer(
        self, username: str, password: str, *, mfa_secret: str | None = None
    ) -> Account:
        key = username.strip().lower()
        if key in self.developers:
            raise ValueError(f"developer {key} already exists")
        account = Account(
            id=self.ids.object_id(),
            username=key,
            password=password,
            kind=AccountKind.DEVELOPER,
            mfa_secret=mfa_secret,
        )
        self.developers[key] = account
        return account

    def add_product(self, name: str, owner: Account) -> Product:
        product_id = self.ids.integer(1000, 29999)
        while product_id in self.products:
            product_id += 1
        product = Product(
            id=product_id, slug=f"{slugify(name)}-v{product_id}", name=name, owner_id=owner.id
        )
        self.products[product.id] = product
        owner.team.add(product.id)
        return product

    def add_client(
        self,
        product: Product,
        name: str,
        client_type: str,
        *,
        scope: str | None = None,
        redirect_uri: str | None = None,
    ) -> OAuthClient:
        client_id = self.ids.client_id(name)
        while client_id in self.clients:
            client_id = self.ids.client_id(name)
        client = OAuthClient(
            id=client_id,
            secret=self.ids.token(),
            name=name,
            type=client_type,
            product_id=product.id,
            scope=scope,
            redirect_uri=redirect_uri,
        )
        self.clients[client.id] = client
        return client

    def add_customer(self, product: Product, email: str, password: str | None) -> Account:
        account = Account(
            id=self.ids.object_id(),
            username=email.strip().lower(),
            password=password,
            kind=AccountKind.CUSTOMER,
            product_id=product.id,
        )
        self.customers[(product.id, account.username)] = account
        return account

    def product(self, id_or_slug: str) -> Product | None:
        if id_or_slug.isdigit():
            return self.products.get(int(id_or_slug))
        return next((p for p in self.products.values() if p.slug == id_or_slug), None)

    def customer(self, product_id: int, email: str) -> Account | None:
        return self.customers.get((product_id, email.strip().lower()))

    def customers_of(self, product: Product) -> list[Account]:
        return [a for (pid, _), a in self.customers.items() if pid == product.id]

    def clients_of(self, product: Product) -> list[OAuthClient]:
        return [c for c in self.clients.values() if c.product_id == product.id]

    @staticmethod
    def is_team_member(account: Account, product: Product) -> bool:
        return account.kind is AccountKind.DEVELOPER and product.id in account.team

    def check_password(self, client: OAuthClient, username: str, password: str) -> Account | None:
        """Product clients sign in that product's customers; built-in ones, developers."""
        if client.product_id is not None:
            account = self.customer(client.product_id, username)
        else:
            account = self.developers.get(username.strip().lower())
        if account is None or account.password is None or account.password != password:
            return None
        return account

    # --- tokens ---

    def token(self, value: str) -> AccessToken | None:
        return self.access_tokens.get(value)

    def revoke_all(self, account: Account) -> None:
        for table in (self.access_tokens, self.refresh_tokens):
            for value in [v for v, t in table.items() if t.account is account]:
                del table[value]

    # --- claim codes and devices ---

    def new_claim_code(self, account: Account, product_id: int | None, now: float) -> ClaimCode:
        code = ClaimCode(
            value=self.ids.claim_code(),
            account=account,
            product_id=product_id,
            expires_at=now + CLAIM_CODE_LIFETIME,
        )
        self.claim_codes[code.value] = code
        return code

    def devices_of(self, account: Account) -> list[Device]:
        """The account's devices, most recent handshake first (as the API sorts them)."""
        return _latest_first(d for d in self.devices.values() if d.owner is account)

    def devices_in(self, product: Product) -> list[Device]:
        return _latest_first(d for d in self.devices.values() if d.product_id == product.id)

    def connect(self, handshake: Handshake, now: float) -> Device:
        """A device finished its cloud handshake: it is online, its claim code not yet read.

        A product's Photon announces its product in the handshake; the simulated handshake
        has no such field, so a pending product claim code it brings stands in for it.
        A device its product does not know is admitted (auto-approve) or, if the product
        quarantines unknown devices, quarantined; one the team denied stays denied.
        """
        device_id = handshake.device_id.lower()
        device = self.devices.get(device_id)
        if device is None:
            device = Device(
                id=device_id,
                platform_id=handshake.platform_id,
                name=self.ids.device_name({d.name for d in self.devices.values()}),
                product_id=handshake.platform_id,  # not a product device until claimed into one
            )
            self.devices[device_id] = device
        pending = self.claim_codes.get(handshake.claim_code or "")
        if pending is not None and pending.product_id is not None and pending.expires_at > now:
            device.product_id = pending.product_id
            self._admit(device, pending.product_id)
        device.online = True
        device.last_heard = device.last_handshake_at = now
        device.last_ip_address = "127.0.0.1"
        return device

    def _admit(self, device: Device, product_id: int) -> None:
        members = self.members.setdefault(product_id, set())
        device.denied = device.id in self.denied.get(product_id, set())
        if device.denied or device.id in members:
            device.quarantined = False
        elif product_id in self.quarantining:
            device.quarantined = True
        else:
            members.add(device.id)
            device.quarantined = False

    def approve(self, product: Product, device_id: str) -> bool:
        """Add a device ID to the product, or release it from quarantine or denial; False
        if it was a member already. A device that is online is claimed at its next
        handshake, when it presents its claim code again."""
        device_id = device_id.lower()
        members = self.members.setdefault(product.id, set())
        added = device_id not in members
        members.add(device_id)
        self.denied.get(product.id, set()).discard(device_id)
        device = self.devices.get(device_id)
        if device is not None:
            device.product_id = product.id
            device.quarantined = device.denied = False
        return added

    def deny(self, product: Product, device: Device) -> None:
        self.members.get(product.id, set()).discard(device.id)
        self.denied.setdefault(product.id, set()).add(device.id)
        device.quarantined, device.denied = False, True

    def remove_from_product(self, product: Product, device: Device) -> None:
        """The device is a developer device again (its ID no longer in the product)."""
        self.members.get(product.id, set()).discard(device.id)
        device.product_id = device.platform_id
        device.quarantined = device.denied = False

    def claim(self, device: Device, claim_code: str, now: float) -> bool:
        """The device published its claim code; True if that made it the code's account's.

        The code is spent by its first use, valid or late, as a one-time code is. A
        quarantined or denied device has lost the product's privileges, claiming by a
        customer among them (Particle's product security guide): the claim is refused and
        the code left for the device's next attempt.
        """
        if device.quarantined or device.denied:
            return False
        code = self.claim_codes.pop(claim_code, None)
        if code is None or code.expires_at <= now:
            return False
        device.owner = code.account
        if code.product_id is not None:
            device.product_id = code.product_id
        return True

    # --- read-only views for tests ---

    def view_customer(self, email: str) -> CustomerView | None:
        key = email.strip().lower()
        account = next((a for (_, name), a in self.customers.items() if name == key), None)
        if account is None or account.product_id is None:
            return None
        return CustomerView(
            id=account.id,
            email=account.username,
            product_id=account.product_id,
            has_password=account.password is not None,
            device_ids=tuple(d.id for d in self.devices_of(account)),
        )

    def view_device(self, device_id: str) -> DeviceView | None:
        device = self.devices.get(device_id.lower())
        if device is None:
            return None
        return DeviceView(
            id=device.id,
            name=device.name,
            platform_id=device.platform_id,
            product_id=device.product_id,
            online=device.online,
            owner=device.owner.username if device.owner else None,
            last_heard=device.last_heard,
            last_handshake_at=device.last_handshake_at,
            quarantined=device.quarantined,
            denied=device.denied,
        )


def _latest_first(devices: Iterable[Device]) -> list[Device]:
    return sorted(devices, key=lambda d: d.last_handshake_at or 0.0, reverse=True)
