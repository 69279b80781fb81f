"""The one way the flow uses Wi-Fi: ``async with wifi.photon_session(ssid) as address``.

The session remembers the current connection (on disk, for crash recovery), joins the
Photon's network (or guides the person to join it by hand), waits until the device
answers, yields the address to talk to, and always gives the computer its Wi-Fi back: on
success, on error and on cancellation (the restore runs to its end, shielded, and then the
cancellation goes on). After the restore it checks that the device has gone quiet: if it
still answers, the report tells the person which network to leave. A refusal from the OS
(polkit, no location permission) turns the session into the manual path instead of failing.

The yielded address carries this computer's own address on the Wi-Fi interface
(``local_host``), so the device client sends from there even when Ethernet reaches a home
router on the same 192.168.0.0/24. After a crash, ``recover`` rebuilds the backend that
wrote the journal, asks whether the computer is still on the Photon's network, and then
restores, or only cleans up what was left behind.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sys
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.models import DeviceInfo
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.backend import (
    BackendKind,
    Capabilities,
    RestorePoint,
    RestoreReport,
    VisibleNetwork,
    WifiBackend,
    one_per_name,
)
from setup_wizard.network.choice import journal_backend
from setup_wizard.network.commands import SubprocessRunner
from setup_wizard.network.errors import (
    AutomaticJoinUnavailable,
    DeviceNotFound,
    JoinFailed,
    JournalUnreadable,
    NamesHidden,
    ScanUnavailable,
    WifiError,
    WifiOff,
)
from setup_wizard.network.interfaces import (
    InterfaceAddress,
    InterfaceTable,
    NetifacesTable,
    photon_subnet,
    shown_name,
    subnet_use,
)
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.manual import (
    ManualBackend,
    join_instructions,
    rejoin_instructions,
    wifi_menu_hint,
)
from setup_wizard.network.names import PhotonNames, check_ssid
from setup_wizard.network.probes import DeviceProbe, InternetProbe, default_device_probe, poll_until

log = logging.getLogger(__name__)

T = TypeVar("T")


class NoticeKind(StrEnum):
    JOINING = "joining"
    SWITCHED_TO_MANUAL = "switched-to-manual"
    JOIN_BY_HAND = "join-by-hand"
    WAITING_FOR_DEVICE = "waiting-for-device"
    DEVICE_ANSWERED = "device-answered"
    RESTORING = "restoring"
    RESTORED = "restored"
    REJOIN_BY_HAND = "rejoin-by-hand"
    INTERNET_BACK = "internet-back"


@dataclass(frozen=True)
class WifiNotice:
    """Something the person should see now (the GUI shows ``message`` as it is)."""

    kind: NoticeKind
    message: str
    """English; a :class:`~setup_wizard.i18n.Text` the GUI translates."""


@dataclass(frozen=True)
class WifiTiming:
    """How long to wait for what, in seconds (tests shorten these)."""

    join_timeout: float = 45.0  # device answers after an automatic join (DHCP, OS portal checks)
    manual_timeout: float = 600.0  # the person finds the network in the menu
    internet_timeout: float = 60.0
    # After a restore, the device must stay silent this long: macOS may rejoin the Photon
    # (now a preferred network) within seconds of Wi-Fi coming back on.
    leave_check: float = 5.0
    poll_interval: float = 1.0
    probe_timeout: float = 3.0


class PhotonWifi:
    """Wi-Fi for the flow: find Photons, join one for a session, give the Wi-Fi back."""

    def __init__(
        self,
        backend: WifiBackend,
        *,
        device_address: DeviceAddress | None = None,
        probe: DeviceProbe = default_device_probe,
        internet_probe: InternetProbe | None = None,
        journal: RestoreJournal | None = None,
        names: PhotonNames | None = None,
        timing: WifiTiming | None = None,
        interfaces: InterfaceTable | None = None,
        on_notice: Callable[[WifiNotice], None] | None = None,
        platform: str = sys.platform,
        recovery_backend: Callable[[RestorePoint], WifiBackend | None] | None = None,
    ) -> None:
        self._backend = backend
        self.device_address = device_address or DeviceAddress()
        self._probe = probe
        self._internet_probe = internet_probe
        self._journal = journal or RestoreJournal()
        self.names = names or PhotonNames()
        self.timing = timing or WifiTiming()
        self._interfaces = interfaces or NetifacesTable()
        self._on_notice = on_notice
        self._platform = platform
        self._recovery_backend = recovery_backend or (
            lambda point: journal_backend(point, SubprocessRunner(), platform=platform)
        )
        self._wake = asyncio.Event()
        self._in_session = False
        self.last_restore: RestoreReport | None = None
        self.home_network: str | None = None
        self._left_check: asyncio.Future[RestoreReport] | None = None
        """The Wi-Fi the computer was on when the last session began, as a person names it."""
        self.last_device_info: DeviceInfo | None = None

    @property
    def backend(self) -> WifiBackend:
        return self._backend

    @property
    def capabilities(self) -> Capabilities:
        return self._backend.capabilities

    @property
    def joins_by_hand(self) -> bool:
        return not self._backend.capabilities.can_join

    def join_instructions(self, ssid: str | None = None) -> str:
        return join_instructions(ssid, self.names.prefix, self._platform)

    async def find_photons(self) -> list[VisibleNetwork]:
        """Photon networks nearby, strongest first. Raises ScanUnavailable (with what to do
        instead) where names cannot be read; then offer to type the code or join by hand."""
        networks = await self._backend.scan()
        return _strongest_first(n for n in networks if self.names.matches(n.ssid))

    async def nearby_networks(self) -> list[VisibleNetwork]:
        """The networks this computer sees, for a Photon set up over its cable to join: no
        Photon's own network, each name once, strongest first, with their security where
        the OS says it. Raises ScanUnavailable, with a message for that path (type the
        network's name instead), whenever the list cannot be read, the computer's Wi-Fi
        being off included: the Photon does not need it."""
        try:
            networks = await self._backend.scan()
        except WifiError as error:
            raise _nearby_unavailable(error) from error
        return _strongest_first(n for n in networks if not self.names.matches(n.ssid))

    async def current_network(self) -> str | None:
        """The name of the Wi-Fi network this computer is on now, to suggest it for the
        Photon; None when the OS does not say cheaply (or hides it), when the computer is
        not on Wi-Fi, or when it is on a Photon's network. Never raises ``WifiError``."""
        try:
            ssid = await self._backend.current_network()
        except WifiError as error:
            log.info("could not read the current Wi-Fi network: %s (%s)", error, error.detail)
            return None
        return None if ssid is None or self.names.matches(ssid) else ssid

    def check_now(self) -> None:
        """Cut the current pause short ("I've joined" button)."""
        self._wake.set()

    def photon_session(self, ssid: str | None = None) -> AbstractAsyncContextManager[DeviceAddress]:
        """Join ``ssid`` (None: any Photon, joined by hand) and yield the device address."""
        return self._session(ssid)

    @asynccontextmanager
    async def _session(self, ssid: str | None) -> AsyncIterator[DeviceAddress]:
        if self._in_session:
            raise RuntimeError("a Photon session is already open")
        if ssid is None and not self.joins_by_hand:
            raise ValueError("choose the Photon's network (its SSID) before joining it")
        if ssid is not None:
            check_ssid(ssid)  # before any tool sees it
        self._in_session = True
        if self._left_check is not None:  # a new session: the last one's check is moot
            self._left_check.cancel()
            self._left_check = None
        backend = self._backend
        point: RestorePoint | None = None
        by_hand = self.joins_by_hand  # the person joins (and later leaves) the Photon's network
        switched = False  # whether the computer may have left its network by our doing
        try:
            if not by_hand:
                assert ssid is not None
                log.info("joining %s with %s", ssid, backend.kind)
                try:
                    point = self._never_back_to_a_photon(backend, await backend.snapshot(ssid))
                    self.home_network = point.previous_label or point.previous
                    await self._write_journal(point)
                    self._notify(
                        NoticeKind.JOINING,
                        QT_TRANSLATE_NOOP("Wifi", "Joining the Photon's network “{ssid}”…").format(
                            ssid=ssid
                        ),
                    )
                    point = await backend.prepare(point)
                    await self._write_journal(point)
                    switched = True
                    try:
                        await backend.join(point)
                    except JoinFailed:
                        # macOS fails before leaving its network: nothing to give back.
                        switched = not backend.join_failure_changes_nothing
                        raise
                except AutomaticJoinUnavailable as refusal:
                    if point is not None:
                        await finish_even_if_cancelled(self._discard(backend, point))
                    point, switched, by_hand = None, False, True
                    self._switch_to_manual(refusal)
            if by_hand:
                self._notify(NoticeKind.JOIN_BY_HAND, self.join_instructions(ssid))
            address = await self._wait_for_device(
                backend.device_address_for(ssid, self.device_address),
                by_hand=by_hand,
                interface=backend.address_interface(point) if point else None,
                label=point.interface if point else None,
            )
            yield address
        finally:
            try:
                self.last_restore = await finish_even_if_cancelled(
                    self._leave(backend, point, switched=switched, by_hand=by_hand)
                )
            finally:
                self._in_session = False

    def _never_back_to_a_photon(self, backend: WifiBackend, point: RestorePoint) -> RestorePoint:
        """If the computer is already on a Photon's network (joined by hand earlier, or left
        on our own profile by a failed clean-up), that is not the network to give back:
        forget it and let the OS pick its usual one."""
        names = (point.previous, point.previous_label)
        if any(
            name and (self.names.matches(name) or backend.is_temporary_profile(name))
            for name in names
        ):
            log.info("the computer was on a Photon network already; not restoring to it")
            return dataclasses.replace(point, previous=None, previous_label=None)
        return point

    def _switch_to_manual(self, refusal: AutomaticJoinUnavailable) -> None:
        """The OS refused (polkit, location permission…): the person joins by hand, for this
        session and the ones after it."""
        log.info("automatic join refused: %s (%s)", refusal, refusal.detail)
        self._backend = ManualBackend(refusal.message, platform=self._platform)
        self._notify(NoticeKind.SWITCHED_TO_MANUAL, refusal.message)

    async def _write_journal(self, point: RestorePoint) -> None:
        """Crash safety is worth a lot, but not refusing to set up a device over a read-only
        state folder: a failed write is logged and the session goes on."""
        try:
            await self._journal.save(point)
        except OSError as error:
            log.warning(
                "could not write the Wi-Fi restore journal %s: %s", self._journal.path, error
            )

    async def _clear_journal(self) -> None:
        try:
            await self._journal.clear()
        except OSError as error:
            log.warning("could not remove the Wi-Fi restore journal: %s", error)

    async def _discard(self, backend: WifiBackend, point: RestorePoint) -> None:
        try:
            await backend.discard(point)
        except WifiError as error:
            log.warning("could not undo the join preparation: %s (%s)", error, error.detail)
        await self._clear_journal()

    async def _wait_for_device(
        self,
        address: DeviceAddress,
        *,
        by_hand: bool,
        interface: str | None,
        label: str | None,
    ) -> DeviceAddress:
        """Probe until the device answers; the address it answered at, with this computer's
        Wi-Fi address as ``local_host`` once DHCP has given it one."""
        timeout = self.timing.manual_timeout if by_hand else self.timing.join_timeout
        if not by_hand:
            self._notify(
                NoticeKind.WAITING_FOR_DEVICE,
                QT_TRANSLATE_NOOP("Wifi", "Waiting for the Photon to answer…"),
            )
        answered = address

        async def attempt(left: float) -> DeviceInfo | None:
            nonlocal answered
            answered = self._from_wifi(address, interface)
            return await self._probe(answered, timeout=min(self.timing.probe_timeout, left))

        info = await poll_until(
            attempt, timeout=timeout, interval=self.timing.poll_interval, wake=self._wake
        )
        if info is None:
            raise DeviceNotFound(self._not_found_message(address, timeout, interface, label))
        self.last_device_info = info
        log.info("device answered at %s (from %s)", answered, answered.local_host or "any")
        self._notify(NoticeKind.DEVICE_ANSWERED, QT_TRANSLATE_NOOP("Wifi", "The Photon answers."))
        return answered

    def _from_wifi(self, address: DeviceAddress, interface: str | None) -> DeviceAddress:
        """``address`` sent from this computer's address on the Wi-Fi interface, where it has
        one on the Photon's subnet (never on loopback, where simulated Photons live)."""
        if interface is None or photon_subnet(address.host) is None:
            return address
        use = subnet_use(self._interfaces, address.host, interface)
        local = str(use.wifi[0].address) if use.wifi else None
        return dataclasses.replace(address, local_host=local)

    def _not_found_message(
        self, address: DeviceAddress, timeout: float, interface: str | None, label: str | None
    ) -> str:
        #: A time limit, as in "Nothing answered … {waited}."
        waited = QT_TRANSLATE_NOOP("Wifi", "within {seconds:g} seconds").format(seconds=timeout)
        advice = QT_TRANSLATE_NOOP(
            "Wifi",
            "Check that the Photon's light blinks dark blue (hold its SETUP button for about "
            "3 seconds), then try again.",
        )
        subnet = photon_subnet(address.host)
        if subnet is None:
            return QT_TRANSLATE_NOOP(
                "Wifi", "Nothing answered as a Photon at {address} {waited}. {advice}"
            ).format(address=str(address), waited=waited, advice=advice)
        use = subnet_use(self._interfaces, address.host, interface)
        # The Wi-Fi interface unknown (joined by hand), two connections on the subnet
        # compete all the same.
        competing = use.others if interface is not None else _on_other_interfaces(use.others)
        if competing:
            if interface is not None and len(competing) == 1:
                text = QT_TRANSLATE_NOOP(
                    "Wifi",
                    "Nothing answered as a Photon at {host} {waited}. Another connection of "
                    "this computer ({connections}) also uses the Photon's addresses ({subnet}), "
                    "so the app may be reaching your router instead of the Photon: unplug the "
                    "network cable or turn off the connection that is not the Photon's Wi-Fi, "
                    "then try again. {advice}",
                )
            elif interface is not None:
                text = QT_TRANSLATE_NOOP(
                    "Wifi",
                    "Nothing answered as a Photon at {host} {waited}. Other connections of "
                    "this computer ({connections}) also use the Photon's addresses ({subnet}), "
                    "so the app may be reaching your router instead of the Photon: unplug the "
                    "network cable or turn off the connection that is not the Photon's Wi-Fi, "
                    "then try again. {advice}",
                )
            else:
                text = QT_TRANSLATE_NOOP(
                    "Wifi",
                    "Nothing answered as a Photon at {host} {waited}. Several connections of "
                    "this computer ({connections}) use the Photon's addresses ({subnet}), so "
                    "the app may be reaching your router instead of the Photon: unplug the "
                    "network cable or turn off the connection that is not the Photon's Wi-Fi, "
                    "then try again. {advice}",
                )
            return text.format(
                host=address.host,
                waited=waited,
                connections=_listed(competing),
                subnet=str(subnet),
                advice=advice,
            )
        nearby = use.wifi or use.others
        if nearby:
            here = nearby[0]
            name = label if use.wifi and label else shown_name(here.interface)
            where = QT_TRANSLATE_NOOP("Wifi", " on “{name}”").format(name=name) if name else ""
            return QT_TRANSLATE_NOOP(
                "Wifi",
                "This computer has the address {address}{where}, the kind the Photon hands "
                "out, but nothing answered as a Photon at {host} {waited}. Your own router may "
                "use the same addresses, so the computer may still be on your usual network. "
                "{advice}",
            ).format(
                address=str(here.address),
                where=where,
                host=address.host,
                waited=waited,
                advice=advice,
            )
        return QT_TRANSLATE_NOOP(
            "Wifi",
            "The Photon did not answer {waited}, and this computer has no address from the "
            "Photon's network ({subnet}), so it is probably not joined to it. {advice}",
        ).format(waited=waited, subnet=str(subnet), advice=advice)

    async def _leave(
        self,
        backend: WifiBackend,
        point: RestorePoint | None,
        *,
        switched: bool,
        by_hand: bool,
    ) -> RestoreReport:
        if by_hand:
            message = rejoin_instructions(self._platform)
            self._notify(NoticeKind.REJOIN_BY_HAND, message)
            return RestoreReport(BackendKind.MANUAL, (message,), user_action_needed=True)
        if point is None or not switched:
            # Failed (or cancelled) before the join was even tried: undo the preparation,
            # nothing else.
            if point is not None:
                await self._discard(backend, point)
            return RestoreReport(
                backend.kind, (QT_TRANSLATE_NOOP("Wifi", "Your Wi-Fi was not changed."),)
            )
        self._notify(
            NoticeKind.RESTORING,
            QT_TRANSLATE_NOOP("Wifi", "Reconnecting to {network}…").format(
                network=point.previous_name
            ),
        )
        report = await self._restore(backend, point, check_left=False)
        kind = NoticeKind.REJOIN_BY_HAND if report.user_action_needed else NoticeKind.RESTORED
        self._notify(kind, report.message)
        if backend.answer_means_joined and not report.user_action_needed:
            self._left_check = asyncio.ensure_future(self._check_left(backend, point, report))
        return report

    async def _check_left(
        self, backend: WifiBackend, point: RestorePoint, report: RestoreReport
    ) -> RestoreReport:
        if not await self._still_on_photon(backend, point):
            return report
        report = self._still_on_photon_report(report, point)
        self._notify(NoticeKind.REJOIN_BY_HAND, report.message)
        return report

    async def confirm_left(self) -> RestoreReport | None:
        """The last restore's report once it is certain the computer left the Photon.

        The session ends as soon as the previous network is rejoined; the check that the
        device went quiet (``timing.leave_check``: a restore that did not take, or an OS
        going back to the Photon) runs on in the background, so that it overlaps the wait
        for the internet instead of adding to it. A computer still on the Photon makes the
        report ask the person to rejoin their network (and a notice says so)."""
        check, self._left_check = self._left_check, None
        if check is not None:
            self.last_restore = await check
        return self.last_restore

    def _still_on_photon_report(self, report: RestoreReport, point: RestorePoint) -> RestoreReport:
        return dataclasses.replace(
            report,
            problems=(
                *report.problems,
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "This computer is still on the Photon's network “{photon}”: choose "
                    "{network} in {menu}.",
                ).format(
                    photon=point.photon_ssid,
                    network=point.previous_name,
                    menu=wifi_menu_hint(self._platform),
                ),
            ),
            user_action_needed=True,
        )

    async def _restore(
        self, backend: WifiBackend, point: RestorePoint, *, check_left: bool = True
    ) -> RestoreReport:
        """Restore and drop the journal; on an unexpected error keep the journal so the next
        start tries again, and report instead of raising (this runs in ``finally``).
        ``check_left``: also wait until sure the device went quiet (else the caller does)."""
        try:
            report = await backend.restore(point)
        except Exception:
            log.exception("restoring Wi-Fi failed")
            return RestoreReport(
                point.backend,
                problems=(
                    QT_TRANSLATE_NOOP(
                        "Wifi",
                        "Could not give the Wi-Fi back automatically: choose {network} in {menu}.",
                    ).format(network=point.previous_name, menu=wifi_menu_hint(self._platform)),
                ),
                user_action_needed=True,
            )
        await self._clear_journal()
        log.info("restored Wi-Fi: %s", report.message)
        if (
            check_left
            and backend.answer_means_joined
            and await self._still_on_photon(backend, point)
        ):
            report = self._still_on_photon_report(report, point)
        return report

    async def _still_on_photon(
        self, backend: WifiBackend, point: RestorePoint, within: float | None = None
    ) -> bool:
        """Whether the device answers at any moment of ``within`` seconds (by default
        ``timing.leave_check``, after a restore: it did not take, or the OS went back to
        the Photon, still in listening mode when the session ended early, and on macOS a
        preferred network)."""
        address = backend.device_address_for(point.photon_ssid, self.device_address)
        interface = backend.address_interface(point)

        async def attempt(left: float) -> DeviceInfo | None:
            bound = self._from_wifi(address, interface)
            return await self._probe(bound, timeout=min(self.timing.probe_timeout, left))

        info = await poll_until(
            attempt,
            timeout=self.timing.leave_check if within is None else within,
            interval=self.timing.poll_interval,
        )
        if info is not None:
            log.warning("the device answers at %s", address)
        return info is not None

    async def recover(self) -> RestoreReport | None:
        """At start-up: if an earlier run died while on a Photon's network, give the Wi-Fi
        back now; if it died elsewhere, clean up what it left (a temporary profile) without
        touching the current connection. Done by the kind of backend that wrote the journal,
        whichever is chosen now. Returns what was done, or None if there was nothing to do."""
        try:
            point = await self._journal.load()
        except JournalUnreadable as error:
            log.warning("crash journal unreadable: %s", error.detail)
            await self._clear_journal()
            return RestoreReport(
                self._backend.kind, problems=(error.message,), user_action_needed=True
            )
        except OSError as error:
            log.warning("could not read the Wi-Fi restore journal: %s", error)
            return None
        if point is None:
            return None
        log.info("recovering Wi-Fi from a %s journal of %s", point.backend, point.created_at)
        # A simulated session's journal is recovered like any other by a simulated backend
        # (the simulated computer is left as a real one would be); any other drops it.
        simulated_here = self._backend.kind is BackendKind.SIMULATED
        if point.backend is BackendKind.MANUAL or (
            point.backend is BackendKind.SIMULATED and not simulated_here
        ):
            await self._clear_journal()
            return None  # nothing real was changed
        backend = (
            self._backend if point.backend is self._backend.kind else self._recovery_backend(point)
        )
        if backend is None:
            await self._clear_journal()
            return RestoreReport(
                point.backend,
                problems=(
                    QT_TRANSLATE_NOOP(
                        "Wifi",
                        "An earlier session may have left this computer on “{photon}”. If so, "
                        "choose {network} in {menu}.",
                    ).format(
                        photon=point.photon_ssid,
                        network=point.previous_name,
                        menu=wifi_menu_hint(self._platform),
                    ),
                ),
                user_action_needed=True,
            )
        if await self._still_joined(backend, point):
            return await self._restore(backend, point)
        report = await backend.clean_up(point)
        await self._clear_journal()
        log.info("cleaned up after an earlier session: %s", report.message or "nothing left")
        return report if report.actions or report.problems else None

    async def _still_joined(self, backend: WifiBackend, point: RestorePoint) -> bool:
        """Whether the crashed session's Photon network is still this computer's: the
        backend's word where it has one, else whether the device answers. Unknown counts
        as joined: restoring then is the safe side."""
        try:
            joined = await backend.on_photon(point)
        except WifiError as error:  # e.g. the tool is gone since
            log.warning("could not tell where the computer is: %s (%s)", error, error.detail)
            joined = None
        if joined is None and backend.answer_means_joined:
            joined = await self._still_on_photon(backend, point, within=self.timing.probe_timeout)
        return joined is not False

    async def wait_for_internet(
        self,
        timeout: float | None = None,  # noqa: ASYNC109 - expiry is an answer (False)
    ) -> bool:
        """Poll the internet probe until it succeeds (True) or ``timeout`` passes (False)."""
        if self._internet_probe is None:
            raise RuntimeError("PhotonWifi was created without an internet probe")
        probe = self._internet_probe

        async def attempt(left: float) -> bool | None:
            return True if await probe() else None

        back = await poll_until(
            attempt,
            timeout=self.timing.internet_timeout if timeout is None else timeout,
            interval=self.timing.poll_interval,
            wake=self._wake,
        )
        if back:
            self._notify(
                NoticeKind.INTERNET_BACK, QT_TRANSLATE_NOOP("Wifi", "The internet is back.")
            )
        return bool(back)

    def _notify(self, kind: NoticeKind, message: str) -> None:
        log.debug("notice %s: %s", kind, message)
        if self._on_notice is not None:
            self._on_notice(WifiNotice(kind, message))


_NEARBY_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "Wifi",
    "This computer could not list the Wi-Fi networks nearby. Type the name of the network "
    "the Photon should join.",
)
_NEARBY_WIFI_OFF = QT_TRANSLATE_NOOP(
    "Wifi",
    "Wi-Fi is turned off on this computer, so it cannot list the networks nearby. Type the "
    "name of the network the Photon should join, or turn Wi-Fi on and look again.",
)
_NEARBY_HIDDEN = QT_TRANSLATE_NOOP(
    "Wifi",
    "macOS hides the names of Wi-Fi networks from this app (it would need Location Services "
    "permission). Type the name of the network the Photon should join.",
)


def _nearby_unavailable(error: WifiError) -> ScanUnavailable:
    """Why the computer's list cannot be had, in words for a Photon on a cable (the
    backends' own messages are about joining the Photon's network)."""
    detail = error.detail or error.message
    if isinstance(error, NamesHidden):
        return NamesHidden(_NEARBY_HIDDEN, detail=detail)
    return ScanUnavailable(
        _NEARBY_WIFI_OFF if isinstance(error, WifiOff) else _NEARBY_UNAVAILABLE, detail=detail
    )


def _strongest_first(networks: Iterable[VisibleNetwork]) -> list[VisibleNetwork]:
    """Each name once, strongest signal first, then by name."""
    return sorted(one_per_name(networks), key=lambda n: (-(n.signal or 0), n.ssid))


def _on_other_interfaces(found: list[InterfaceAddress]) -> list[InterfaceAddress]:
    """``found`` if it spans two interfaces or more, else nothing."""
    return found if len({entry.interface for entry in found}) > 1 else []


def _listed(found: list[InterfaceAddress]) -> str:
    """“eth0”, 192.168.0.10; … for a message (a Windows adapter GUID is no name to show)."""
    shown = []
    for entry in found:
        name = shown_name(entry.interface)
        shown.append(f"“{name}”, {entry.address}" if name else f"{entry.address}")
    return "; ".join(shown)


async def finish_even_if_cancelled(work: Coroutine[Any, Any, T]) -> T:
    """Run ``work`` to its end even if the calling task is cancelled meanwhile, then let the
    cancellation go on. For giving the Wi-Fi back: stopping half-way could strand the
    computer on the Photon's network."""
    task = asyncio.ensure_future(work)
    cancelled = False
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            if task.cancelled():
                raise
            cancelled = True
    result = task.result()
    if cancelled:
        raise asyncio.CancelledError
    return result
