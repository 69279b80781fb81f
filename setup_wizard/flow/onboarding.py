"""The onboarding flow: the journey's steps as async methods over typed state, no Qt.

A view calls one step at a time (usually through :class:`setup_wizard.flow.tasks.StepRunner`,
so Back and Cancel can stop it), reads :attr:`Onboarding.state` and listens to
:attr:`Onboarding.events`. The order of the journey is the order of the methods:

    sign_in / use_kept_sign_in + prepare_claim   (internet)
    find_photons, connect_photon                  (joins the Photon: no internet from here)
    rescan, choose_network, password_problem
    send                                          (gives the computer its Wi-Fi back)
    wait_for_cloud                                (internet again)
    name_device

Whatever fails or is cancelled, :meth:`leave_photon` (also run by :meth:`close`) gives the
computer its own network back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from setup_wizard import redact
from setup_wizard.cloud.client import CloudClient, ExistingCustomer, ProductRef, TeamAccess
from setup_wizard.cloud.errors import (
    CloudError,
    CloudUnreachable,
    RateLimited,
    ServerTrouble,
    SessionExpired,
)
from setup_wizard.cloud.models import ClaimCodeGrant, ClientCredentials, TokenGrant
from setup_wizard.device.errors import DeviceUnreachableError
from setup_wizard.device.models import DeviceInfo, WifiNetwork
from setup_wizard.flow.errors import (
    EXPECTED_ERRORS,
    CloudNeverSawDevice,
    FlowError,
    InternetNotBack,
    NotReady,
    WrongWifiPassword,
    page_to_fix,
    user_message,
)
from setup_wizard.flow.events import EventHub, Notice, StageChanged, StageHelp
from setup_wizard.flow.keychain import SavedSignIn, TokenStore
from setup_wizard.flow.links import DeviceConnector, DeviceLink, FoundDevice, LinkKind, WifiChoice
from setup_wizard.flow.naming import name_problem, suggest_name
from setup_wizard.flow.pages import Page
from setup_wizard.flow.stages import Stage, StageStatus, Timeline
from setup_wizard.flow.state import Account, Ownership, SetupState
from setup_wizard.flow.timing import FlowTiming
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.errors import ScanUnavailable
from setup_wizard.secret import Password, WifiPassword

log = logging.getLogger(__name__)

_PASSING_CLOUD_TROUBLE = (ServerTrouble, CloudUnreachable, RateLimited)
"""Errors that say nothing about the device: while waiting for it, wait on."""


_STAYED_ON_WIFI = QT_TRANSLATE_NOOP("Flow", "This computer stayed on its own network.")


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """What the flow works with; the app builds real ones, tests build them on the simulator."""

    cloud: CloudClient
    product: ProductRef | None
    """The product of a customer-mode app; None at a bench, where staff choose it."""
    client: ClientCredentials | None
    """The product's OAuth client (type installed) customers sign in through (customer mode)."""
    connector: DeviceConnector
    """Over the Photon's own Wi-Fi (SoftAP): always there."""
    tokens: TokenStore
    usb: DeviceConnector | None = None
    """Over a USB cable, where this computer can open serial ports."""
    now: Callable[[], datetime] = _utcnow


class Onboarding:
    """One person setting up Photons for one customer account (customer mode)."""

    def __init__(
        self,
        services: Services,
        *,
        timing: FlowTiming | None = None,
        events: EventHub | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.services = services
        self.timing = timing or FlowTiming()
        self.events = events or EventHub()
        self.state = SetupState()
        self.timeline = Timeline(clock) if clock else Timeline()
        self._link_kind = LinkKind.SOFTAP
        self._link: DeviceLink | None = None
        self._link_stack: AsyncExitStack | None = None
        self._product: ProductRef | None = None
        self.team: TeamAccess | None = None
        """Staff mode: the staff member's view of the product, to see quarantine and owner."""
        self.scan_unavailable: str | None = None
        """Over a cable: why the computer's list of networks could not be read (type the name)."""

    # -- navigation ------------------------------------------------------------------------

    def next_page(self, page: Page) -> Page | None:
        """The page after ``page`` given the state (None after the last)."""
        if page is Page.CHOOSE_WIFI:
            choice = self.state.choice
            return Page.PASSWORD if choice is None or choice.needs_password else Page.SENDING
        if page is Page.DONE:
            return None
        return Page(page + 1)

    @property
    def product(self) -> ProductRef:
        """The product devices are set up for (at a bench: the one staff chose)."""
        product = self.services.product if self._product is None else self._product
        if product is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Choose the product first."))
        return product

    @property
    def link_kind(self) -> LinkKind:
        """How the next Photon is reached (the person's choice; Wi-Fi unless chosen)."""
        return self._link_kind

    @property
    def link_kinds(self) -> tuple[LinkKind, ...]:
        """The ways this computer can reach a Photon."""
        return (LinkKind.SOFTAP, LinkKind.USB) if self.services.usb else (LinkKind.SOFTAP,)

    def use_link(self, kind: LinkKind) -> None:
        """Reach the next Photon over ``kind`` (closes nothing: call before connecting)."""
        if kind not in self.link_kinds:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "This computer cannot reach a Photon by USB cable.")
            )
        self._link_kind = kind

    @property
    def connector(self) -> DeviceConnector:
        """The connector of the chosen kind."""
        usb = self.services.usb
        if self._link_kind is LinkKind.USB and usb is not None:
            return usb
        return self.services.connector

    @property
    def can_scan(self) -> bool:
        """The open link lists networks (over a cable: the computer's scan, when it has one)."""
        return self._link is not None and self._link.can_scan and self.scan_unavailable is None

    @property
    def on_device_link(self) -> bool:
        """True while a link to a Photon is open (over Wi-Fi: the computer is on its network)."""
        return self._link is not None

    # -- signing in (internet) ---------------------------------------------------------------

    @property
    def _account_key(self) -> str:
        return f"customer:{self.product}"

    async def use_kept_sign_in(self) -> Account | None:
        """The sign-in kept from an earlier run, if any and not expired (no network used)."""
        saved = await self.services.tokens.load(self._account_key)
        if saved is None or not saved.usable(self.services.now()):
            return None
        _remember_grant(saved.grant)
        self.state.account = Account(saved.email, saved.grant, kept=True)
        return self.state.account

    async def sign_in(self, email: str, password: Password, *, keep: bool) -> Account:
        """Sign the customer in, creating the account if it does not exist yet, then get a
        claim code (which also proves the product and the sign-in work)."""
        email = email.strip()
        if not email or "@" not in email:
            raise FlowError(QT_TRANSLATE_NOOP("Flow", "Enter your e-mail address."))
        if not password:
            raise FlowError(QT_TRANSLATE_NOOP("Flow", "Enter your password."))
        services = self.services
        if services.client is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Choose the product's OAuth client first."))
        redact.remember(password)
        async with self._stage(Stage.SIGN_IN):
            access = await services.cloud.open_customer(
                self.product,
                services.client,
                email,
                password,
                existing=ExistingCustomer.SIGN_IN,
            )
        _remember_grant(access.grant)
        account = Account(email.lower(), access.grant, created=access.created)
        self.state.account = account
        self.state.claim = None
        if keep:
            kept = await services.tokens.save(
                self._account_key, SavedSignIn(account.email, account.grant)
            )
            if not kept:
                self._notice(
                    QT_TRANSLATE_NOOP(
                        "Flow",
                        "You are signed in, but this computer's keychain could not keep the "
                        "sign-in: you will be asked to sign in again next time.",
                    )
                )
            self.state.account = replace(account, kept=kept)
        else:
            await services.tokens.forget(self._account_key)
        await self.prepare_claim()
        return self.state.account

    def use_customer(
        self, account: Account, *, product: ProductRef, team: TeamAccess | None = None
    ) -> None:
        """Staff mode: set devices up for this customer of ``product`` (signed in by the staff
        member's session, not by the customer). ``team`` lets the end of the journey see the
        product's view: quarantine, denial, and who the owner is."""
        if self._link is not None:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "Close the connection to the current Photon first.")
            )
        current = self.state.account
        if current is None or current.email != account.email or self.product != product:
            self.state.claim = None  # a claim code is for one customer of one product
        self.state.account = account
        self._product, self.team = product, team
        _remember_grant(account.grant)

    async def sign_out(self) -> None:
        """Forget the sign-in here and in the keyring (the token stops working in the cloud)."""
        account = self.state.account
        self.state.account = None
        self.state.claim = None
        await self.services.tokens.forget(self._account_key)
        if account is not None:
            try:
                await self.services.cloud.sign_out(account.grant.access_token)
            except CloudError as error:
                log.info("sign-out in the cloud failed: %s", type(error).__name__)

    async def prepare_claim(self) -> ClaimCodeGrant:
        """A claim code with time to spare, fetched now if needed (call it while online)."""
        account = self._require_account()
        claim = self.state.claim
        margin = timedelta(seconds=self.timing.claim_code_margin)
        if claim is not None and claim.expires_at - margin > self.services.now():
            return claim
        try:
            async with self._stage(Stage.CLAIM_CODE):
                claim = await self.services.cloud.create_claim_code(
                    account.grant.access_token, self.product
                )
        except SessionExpired:
            await self.services.tokens.forget(self._account_key)
            self.state.account = None
            raise FlowError(
                QT_TRANSLATE_NOOP("Flow", "Your sign-in has expired. Sign in again to continue."),
                back_to=Page.SIGN_IN,
            ) from None
        redact.remember(claim.claim_code)
        self.state.claim = claim
        return claim

    # -- reaching the Photon ----------------------------------------------------------------

    async def find_photons(self, kind: LinkKind | None = None) -> list[FoundDevice]:
        """Photons in listening mode reachable over ``kind`` (default: the chosen way) now;
        over Wi-Fi this may raise ``ScanUnavailable``."""
        kind = kind or self._link_kind
        connector = self.services.usb if kind is LinkKind.USB else self.services.connector
        return list(await connector.find()) if connector is not None else []

    def check_now(self) -> None:
        """ "I have joined": look for the device now instead of at the next poll."""
        self.connector.check_now()

    async def connect_photon(self, target: str | None) -> None:
        """Open a link to the Photon (joining its network), read its ID and key, scan.

        ``target`` is the Photon's network name (None when the person joins by hand). On any
        failure or cancellation the link is closed again, which gives the Wi-Fi back.
        """
        await self.leave_photon()
        account = self._require_account()
        await self.prepare_claim()  # still online: the last chance to renew it
        claim = self.state.claim
        assert claim is not None
        self.state.forget_device()
        self.state.target = target
        stack = AsyncExitStack()
        try:
            async with self._stage(Stage.JOIN_PHOTON):
                link = await stack.enter_async_context(self.connector.open(target))
            async with self._stage(Stage.READ_DEVICE):
                info = await link.device_info()
                await link.prepare()
                self.state.device = info  # known when the stage is reported done
            if not info.claimed:
                self.state.ownership = Ownership.UNCLAIMED
            elif info.device_id in claim.device_ids:
                self.state.ownership = Ownership.CUSTOMERS
            else:
                self.state.ownership = Ownership.SOMEONE_ELSE
            log.info(
                "Photon %s for %s: %s", info.device_id, account.email, self.state.ownership.value
            )
            self.state.home_network = self.connector.home_network
            self.scan_unavailable = None
            if link.can_scan:
                try:
                    await self._scan(link)
                except ScanUnavailable as error:  # the computer's scan: the name can be typed
                    self.scan_unavailable = user_message(error)
        except BaseException:
            await self._close_stack(stack)
            raise
        self._link, self._link_stack = link, stack

    async def retry_wifi(self) -> None:
        """After :class:`WrongWifiPassword`: reconnect to the Photon (back in listening mode)
        and scan again, keeping the chosen network and the reason for the retry."""
        state = self.state
        note, choice, confirmed = state.wrong_password_for, state.choice, state.take_over_confirmed
        await self.connect_photon(state.target)
        state.wrong_password_for, state.choice = note, choice
        state.take_over_confirmed = confirmed or state.ownership is not Ownership.SOMEONE_ELSE

    def confirm_take_over(self) -> None:
        """The person agreed that a Photon claimed by another account becomes theirs."""
        self.state.take_over_confirmed = True

    async def rescan(self) -> list[WifiNetwork]:
        return await self._scan(self._require_link())

    async def _scan(self, link: DeviceLink) -> list[WifiNetwork]:
        async with self._stage(Stage.SCAN):
            networks = await link.scan()
        self.state.networks = networks
        return networks

    def preselected(self, preferred: str | None = None) -> WifiNetwork | None:
        """The network to highlight: the one chosen before, else ``preferred`` (a bench
        job's network), else the computer's own."""
        state = self.state
        chosen = state.choice.ssid if state.choice else None
        for wanted in (chosen, preferred, state.home_network):
            found = next((n for n in state.networks if n.ssid == wanted), None)
            if found is not None:
                return found
        return None

    def home_network_unseen(self) -> str | None:
        """The computer's own network when the Photon cannot see it (say why: 2.4 GHz)."""
        home = self.state.home_network
        if home and self.state.networks and all(n.ssid != home for n in self.state.networks):
            return home
        return None

    def choose_network(self, choice: WifiChoice) -> None:
        if self.state.choice is None or self.state.choice.ssid != choice.ssid:
            self.state.password = None
        self.state.choice = choice

    def network_problem(self, choice: WifiChoice) -> str | None:
        """Why ``choice`` cannot go over the open link whatever its password (e.g. WEP over a
        cable), or None; what is wrong with a password is :meth:`password_problem`'s."""
        try:
            self._require_link().check(choice, None)
        except EXPECTED_ERRORS as error:
            return user_message(error) if page_to_fix(error) is Page.CHOOSE_WIFI else None
        return None

    def password_problem(self, password: WifiPassword | None) -> str | None:
        """Why ``password`` cannot be sent for the chosen network, or None (before sending)."""
        choice = self._require_choice()
        try:
            self._require_link().check(choice, password)
        except EXPECTED_ERRORS as error:
            return user_message(error)
        return None

    # -- sending (on the Photon's network, then back) ----------------------------------------

    async def send(self, password: WifiPassword | None) -> None:
        """Claim code, Wi-Fi settings, "connect"; then the link closes and the computer gets
        its own Wi-Fi back. A refusal before "connect" keeps the link open for a fix."""
        link = self._require_link()
        choice = self._require_choice()
        state = self.state
        claim = state.claim
        assert claim is not None
        if state.ownership is Ownership.SOMEONE_ELSE and not state.take_over_confirmed:
            raise NotReady(
                QT_TRANSLATE_NOOP(
                    "Flow",
                    "This Photon was set up for another account before. Confirm that it should "
                    "become yours, then continue.",
                )
            )
        link.check(choice, password)
        redact.remember(password)
        state.password = password
        if state.needs_claim_code:
            if claim.expires_at <= self.services.now():
                raise FlowError(
                    QT_TRANSLATE_NOOP(
                        "Flow",
                        "The claim code expired while this window waited. Go back to “Connect "
                        "to your Photon” to get a new one (this computer needs the internet for "
                        "it).",
                    ),
                    back_to=Page.CONNECT,
                )
            async with self._sending(Stage.SEND_CLAIM_CODE):
                await link.set_claim_code(claim.claim_code)
        else:
            self._skip(
                Stage.SEND_CLAIM_CODE, QT_TRANSLATE_NOOP("Flow", "The Photon is already yours.")
            )
        async with self._sending(Stage.SEND_WIFI):
            await link.configure(choice, password)
        async with self._sending(Stage.CONNECT):
            await link.connect()
            state.connected_at = self.services.now()
        await self.leave_photon()
        if self.connector.kind is not LinkKind.SOFTAP:
            self._skip(Stage.RESTORE_WIFI, _STAYED_ON_WIFI)

    async def leave_photon(self) -> None:
        """Close the link, if one is open: over Wi-Fi, the computer rejoins its own network.
        Runs to its end even when the calling task is cancelled meanwhile."""
        stack, self._link, self._link_stack = self._link_stack, None, None
        if stack is not None:
            await self._close_stack(stack)

    async def _close_stack(self, stack: AsyncExitStack) -> None:
        connector = self.connector
        switching = connector.kind is LinkKind.SOFTAP
        if switching:
            self._emit(StageChanged(self.timeline.start(Stage.RESTORE_WIFI)))
        try:
            await stack.aclose()
        finally:
            if switching:
                report = connector.last_restore
                if report is not None and report.user_action_needed:
                    self._finish(Stage.RESTORE_WIFI, StageStatus.FAILED, report.message)
                    self._notice(report.message, stage=Stage.RESTORE_WIFI, action_needed=True)
                else:
                    note = report.message if report is not None else ""
                    self._finish(Stage.RESTORE_WIFI, StageStatus.DONE, note)

    # -- waiting for the cloud (internet again) ------------------------------------------------

    async def wait_for_cloud(self) -> None:
        """Until the Photon is online as the customer's. Raises :class:`WrongWifiPassword`
        when it comes back in listening mode, :class:`CloudNeverSawDevice` at the limit."""
        state = self.state
        account = self._require_account()
        if state.device is None or state.connected_at is None:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "Send the Wi-Fi settings to the Photon first.")
            )
        if self._link is not None:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "The Photon has not been told to connect yet.")
            )
        watcher = asyncio.ensure_future(self._watch_photon())
        try:
            ready = asyncio.ensure_future(self._internet_then_cloud(account))
            try:
                done, _ = await asyncio.wait({watcher, ready}, return_when=asyncio.FIRST_COMPLETED)
                if ready in done:
                    ready.result()
                    return
                watcher.result()  # raises WrongWifiPassword; returns if it cannot watch
                await ready
            finally:
                await _cancel(ready)
        finally:
            await _cancel(watcher)

    async def _watch_photon(self) -> None:
        """The Photon's network should go away; if it comes back, the Photon could not join."""
        state = self.state
        connector = self.connector
        target = state.target
        if target is None:
            return
        loop = asyncio.get_running_loop()
        # Over a cable the console's "Awesome" was the Photon leaving listening mode.
        gone = connector.kind is not LinkKind.SOFTAP
        async with self._stage(Stage.PHOTON_LEAVES):
            started = loop.time()
            helped = False
            while not gone:
                present = await connector.present(target)
                if present is None:
                    self._skip(
                        Stage.PHOTON_LEAVES,
                        QT_TRANSLATE_NOOP("Flow", "This computer cannot list Wi-Fi networks here."),
                    )
                    return
                gone = not present
                if gone:
                    break
                if not helped and loop.time() - started > self.timing.leave_help_after:
                    helped = True
                    self._help(
                        Stage.PHOTON_LEAVES,
                        QT_TRANSLATE_NOOP(
                            "Flow",
                            "The Photon's network “{network}” is still there. If its light still "
                            "blinks dark blue, it did not get the message to connect: go back "
                            "and send the Wi-Fi settings again.",
                        ).format(network=target),
                    )
                await asyncio.sleep(self.timing.presence_interval)
        back = False
        while not back:  # until it comes back (or the cloud sees the Photon: then cancelled)
            await asyncio.sleep(self.timing.presence_interval)
            back = bool(await connector.present(target))
        network = state.choice.ssid if state.choice else QT_TRANSLATE_NOOP("Flow", "your Wi-Fi")
        state.wrong_password_for = network
        raise WrongWifiPassword(
            QT_TRANSLATE_NOOP(
                "Flow",
                "The Photon could not join “{network}” and is back in listening mode (blinking "
                "dark blue). The password was probably wrong: choose the network and enter the "
                "password again.",
            ).format(network=network),
            back_to=Page.CHOOSE_WIFI,
        )

    async def _internet_then_cloud(self, account: Account) -> None:
        connector = self.connector
        if connector.kind is not LinkKind.SOFTAP:
            self._skip(Stage.INTERNET, _STAYED_ON_WIFI)
        else:
            report = connector.last_restore
            by_hand = connector.joins_by_hand or bool(report and report.user_action_needed)
            limit = self.timing.internet_by_hand_limit if by_hand else self.timing.internet_limit
            async with self._stage(Stage.INTERNET):
                if not await connector.wait_for_internet(limit):
                    raise InternetNotBack(
                        QT_TRANSLATE_NOOP(
                            "Flow",
                            "This computer has not got its internet back, so the Particle "
                            "Cloud cannot be asked about the Photon. Connect to your usual "
                            "Wi-Fi, then choose Try again.",
                        )
                    )
        async with self._stage(Stage.CLOUD_ONLINE):
            await self._until_online(account)

    async def _until_online(self, account: Account) -> None:
        state = self.state
        device_id = state.device_id
        assert device_id is not None
        cloud = self.services.cloud
        token = account.grant.access_token
        assert state.connected_at is not None
        since = state.connected_at - timedelta(seconds=self.timing.clock_skew)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timing.cloud_limit
        help_at = loop.time() + self.timing.cloud_help_after
        helped = False
        while True:
            now = loop.time()
            if now >= deadline:
                raise CloudNeverSawDevice(
                    QT_TRANSLATE_NOOP(
                        "Flow",
                        "The Particle Cloud has not seen your Photon come online as yours yet. "
                        "Look at its light: blinking green means it cannot join your Wi-Fi (check "
                        "the network and password); blinking cyan means it cannot reach the "
                        "internet through your router; breathing cyan means it is online but the "
                        "product has not accepted it yet (it may be in quarantine): ask the "
                        "product's maker to approve it. Choose Try again to keep waiting, or start "
                        "over.",
                    )
                )
            step_until = deadline if helped else min(deadline, help_at)
            try:
                async with asyncio.timeout(step_until - now):
                    online = await cloud.wait_for_status(
                        token, device_id, since=since, team=self.team
                    )
                break
            except TimeoutError:
                if not helped and loop.time() >= help_at:
                    helped = True
                    self._help(
                        Stage.CLOUD_ONLINE,
                        QT_TRANSLATE_NOOP(
                            "Flow",
                            "This is taking longer than usual. A Photon that connects for the "
                            "first time may update its firmware (blinking magenta) and restart: "
                            "don't unplug it. Blinking green for a long time means it cannot join "
                            "your Wi-Fi; blinking cyan means it cannot reach the Particle Cloud.",
                        ),
                    )
            except _PASSING_CLOUD_TROUBLE as error:
                log.info("cloud trouble while waiting for the Photon: %s", type(error).__name__)
                await asyncio.sleep(self.timing.cloud_retry_pause)
        state.cloud_device = online
        if self.team is not None:
            await self._confirm_owner(device_id, account.email)

    async def _confirm_owner(self, device_id: str, email: str) -> None:
        """Staff mode: the product's own record must name the customer as the owner."""
        assert self.team is not None
        seen = await self.services.cloud.get_product_device(
            self.team.token, self.team.product, device_id
        )
        if (seen.owner or "").lower() != email.lower():
            raise FlowError(
                QT_TRANSLATE_NOOP(
                    "Flow",
                    "The Photon is online, but the product's device list names {owner} as its "
                    "owner, not {customer}. Check the customer's e-mail address and set the "
                    "Photon up again.",
                ).format(owner=seen.owner or "nobody", customer=email)
            )

    def resume_waiting(self, device_id: str, connected_at: datetime) -> None:
        """After an interruption (a crash, a closed window) once the Photon had been told to
        connect: wait for it in the cloud again, without a link to it."""
        if self._link is not None:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "Close the connection to the current Photon first.")
            )
        self.state.forget_device()
        self.state.device = DeviceInfo(device_id.lower(), claimed=True)
        self.state.connected_at = connected_at

    # -- naming -------------------------------------------------------------------------------

    def suggested_name(self) -> str:
        device_id = self.state.device_id
        if device_id is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "No Photon has been set up yet."))
        current = self.state.cloud_device.name if self.state.cloud_device else None
        return suggest_name(device_id, current)

    @staticmethod
    def name_problem(name: str) -> str | None:
        return name_problem(name.strip())

    async def name_device(self, name: str) -> None:
        name = name.strip()
        problem = name_problem(name)
        if problem:
            raise FlowError(problem)
        account = self._require_account()
        device_id = self.state.device_id
        if device_id is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "No Photon has been set up yet."))
        async with self._stage(Stage.NAME):
            renamed = await self.services.cloud.rename_device(
                account.grant.access_token, device_id, name
            )
            self.state.device_name = renamed.name  # known when the stage is reported done

    # -- the end -----------------------------------------------------------------------------

    def start_over(self) -> None:
        """Set up another Photon for the same account (the claim code is renewed on connect)."""
        if self._link is not None:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "Close the connection to the current Photon first.")
            )
        self.state.forget_device()
        self.state.claim = None
        self.timeline = Timeline(self.timeline.clock)

    async def close(self) -> None:
        """Give the Wi-Fi back if needed; call when the window closes."""
        await self.leave_photon()

    # -- helpers ------------------------------------------------------------------------------

    def _require_account(self) -> Account:
        if self.state.account is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Sign in first."))
        return self.state.account

    def _require_link(self) -> DeviceLink:
        if self._link is None:
            raise FlowError(
                QT_TRANSLATE_NOOP(
                    "Flow",
                    "The connection to the Photon was closed. Go back to “Connect to your Photon”.",
                ),
                back_to=Page.CONNECT,
            )
        return self._link

    def _require_choice(self) -> WifiChoice:
        if self.state.choice is None:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "Choose the Wi-Fi network the Photon should join.")
            )
        return self.state.choice

    @asynccontextmanager
    async def _stage(self, stage: Stage) -> AsyncIterator[None]:
        self._emit(StageChanged(self.timeline.start(stage)))
        try:
            yield
        except asyncio.CancelledError:
            self._finish(stage, StageStatus.CANCELLED)
            raise
        except EXPECTED_ERRORS as error:
            self._finish(stage, StageStatus.FAILED, user_message(error))
            raise
        except BaseException:
            self._finish(
                stage,
                StageStatus.FAILED,
                QT_TRANSLATE_NOOP("Flow", "An unexpected error happened."),
            )
            raise
        else:
            if self._running(stage):
                self._finish(stage, StageStatus.DONE)

    @asynccontextmanager
    async def _sending(self, stage: Stage) -> AsyncIterator[None]:
        """A stage that talks to the Photon. A cable pulled out meanwhile ends the link:
        nothing more can go over it, and its port is let go for when it is plugged in again."""
        try:
            async with self._stage(stage):
                yield
        except DeviceUnreachableError:
            if self.connector.kind is LinkKind.USB:
                await self.leave_photon()
            raise

    def _running(self, stage: Stage) -> bool:
        latest = self.timeline.latest(stage)
        return latest is not None and latest.status is StageStatus.RUNNING

    def _finish(self, stage: Stage, status: StageStatus, note: str = "") -> None:
        self._emit(StageChanged(self.timeline.finish(stage, status, note)))

    def _skip(self, stage: Stage, note: str) -> None:
        self._finish(stage, StageStatus.SKIPPED, note)

    def _notice(
        self, message: str, *, stage: Stage | None = None, action_needed: bool = False
    ) -> None:
        self._emit(Notice(message, stage, action_needed))

    def _help(self, stage: Stage, message: str) -> None:
        self._emit(StageHelp(stage, message))

    def _emit(self, event: StageChanged | Notice | StageHelp) -> None:
        self.events.emit(event)


def _remember_grant(grant: TokenGrant) -> None:
    """Tokens are scrubbed from every log line and report from now on."""
    redact.remember(grant.access_token, grant.refresh_token)


async def _cancel(task: asyncio.Future[None]) -> None:
    """Cancel ``task`` and wait for it to stop; its own outcome no longer matters."""
    if task.done():
        if not task.cancelled():
            task.exception()
        return
    task.cancel()
    await asyncio.wait({task})
    if not task.cancelled():
        task.exception()
