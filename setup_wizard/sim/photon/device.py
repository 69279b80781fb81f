"""A simulated Photon: listening mode, the hand-over to Wi-Fi, and the cloud (§3.7, §6).

One "life" task at a time plays the firmware's system loop; pressing a button (listening
mode), a power cycle, or stop() replaces it. Everything that survives those is in Flash.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import random
import socket
from collections.abc import Callable, Coroutine
from enum import Enum
from typing import Any

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.link import CloudLink, Handshake
from setup_wizard.sim.photon import radio, timing
from setup_wizard.sim.photon.faults import PhotonFaults
from setup_wizard.sim.photon.flash import Flash, StoredCredential
from setup_wizard.sim.photon.live_faults import LiveFaults
from setup_wizard.sim.photon.softap import SoftAp
from setup_wizard.sim.photon.state import Led, PhotonState
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.photon.usb_console import UsbConsole
from setup_wizard.sim.photon.usb_serial import UsbSerial
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

log = logging.getLogger(__name__)

PHOTON_PLATFORM_ID = 6
PHOTON_ADDRESS = "192.168.0.1"
"""Where a real Photon in listening mode answers (softap-protocol.md)."""


class _Start(Enum):
    LISTEN = "listen"
    JOIN = "join"


class SimulatedPhoton:
    """A Photon in listening mode on 127.0.0.1, faithful to the SoftAP protocol reference."""

    def __init__(
        self,
        *,
        clock: SimClock,
        wifi: WifiEnvironment,
        link: CloudLink,
        device_id: str | None = None,
        ssid_suffix: str | None = None,
        host: str = "127.0.0.1",
        tcp_port: int = 0,
        http_port: int = 0,
        faults: PhotonFaults | None = None,
        setup_timing: SetupTiming | None = None,
        seed: int | None = None,
    ) -> None:
        if not may_serve_on(host):
            raise ValueError(
                f"a simulated Photon serves on loopback only, not on {host!r} (and on "
                f"{PHOTON_ADDRESS} only in a network namespace with no interface but loopback)"
            )
        self._clock = clock
        self._wifi = wifi
        self._link = link
        self._faults = faults if faults is not None else PhotonFaults()
        self._setup_timing = setup_timing if setup_timing is not None else SetupTiming()
        self.live = LiveFaults()
        """Faults a test switches on while the device runs (read at each command)."""
        self._rng = random.Random(seed)  # noqa: S311 - repeatable simulation, not secrets
        self._flash = Flash(self._rng, device_id, ssid_suffix, seed)
        self.host = host
        self.tcp_port = tcp_port
        self.http_port = http_port
        self.joined_network: SimNetwork | None = None
        self._state = PhotonState.OFF
        self._led = Led.OFF
        self._waiters: dict[PhotonState, list[asyncio.Future[None]]] = {}
        self._softap: SoftAp | None = None
        self._usb = UsbSerial()
        self._console: UsbConsole | None = None  # this listening session's, if any
        self._console_task: asyncio.Task[None] | None = None  # runs while a cable is in
        self._lives: set[asyncio.Task[None]] = set()
        self._in_cloud = False
        self._started = False

    def __repr__(self) -> str:
        return f"<SimulatedPhoton {self.device_id} {self.ssid} {self._state.value}>"

    # --- what can be observed -------------------------------------------------------------

    @property
    def device_id(self) -> str:
        """24 hex digits, upper case, as ``device-id`` reports it."""
        return self._flash.device_id

    @property
    def ssid(self) -> str:
        return self._flash.ssid

    @property
    def state(self) -> PhotonState:
        return self._state

    @property
    def led(self) -> Led:
        return self._led

    @property
    def claim_code(self) -> str | None:
        code = self._flash.claim_code
        return None if code is None else code.decode("utf-8", errors="replace")

    @property
    def claimed(self) -> bool:
        """The DCT "claimed" flag (``c`` in device-id): a claim code was accepted once."""
        return self._flash.claimed

    @property
    def credentials(self) -> list[StoredCredential]:
        """Stored Wi-Fi credentials, newest first, at most five."""
        return list(self._flash.credentials)

    @property
    def leaving(self) -> bool:
        """Listening mode is ending (``connect-ap``, settings saved on the console, ``x``):
        the device is about to join Wi-Fi, although its state still says listening."""
        return self._softap is not None and self._softap.connect_requested.is_set()

    @property
    def usb_port(self) -> str | None:
        """The pseudo-terminal of its USB console (``/dev/pts/N``) while plugged in."""
        return self._usb.path

    async def wait_for_state(self, state: PhotonState) -> None:
        """Return once the device is (or passes through) ``state``; callers add a timeout."""
        if self._state is state:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(state, []).append(future)
        try:
            await future
        finally:
            waiting = self._waiters.get(state, [])
            if future in waiting:
                waiting.remove(future)

    # --- what a person can do -------------------------------------------------------------

    async def start(self) -> None:
        """Power on: listening mode with both servers up, or joining Wi-Fi if it has some."""
        if self._started:
            raise RuntimeError("this simulated Photon is already running")
        if self._flash.credentials:
            self._new_life(lambda: self._live(_Start.JOIN, credentials_changed=False))
        else:
            await self._open_listening()  # ports bound (or OSError) before start() returns
            self._new_life(lambda: self._live(_Start.LISTEN))
        self._started = True

    def plug_usb(self) -> str:
        """Plug in the USB cable: returns the serial port a client opens (a pseudo-terminal).

        The console answers in listening mode (§10). The device keeps its power either way
        (as from a battery), so unplug_usb() only cuts the console off. Raises
        UsbUnavailableError where there are no pseudo-terminals (Windows).
        """
        path = self._usb.plug()
        self._start_console()
        return path

    def unplug_usb(self) -> None:
        """Pull the USB cable: the client's reads and writes on the port fail. A dialogue
        under way waits for the rest of its line (the firmware has no timeout)."""
        self._usb.unplug()

    def stall(self) -> None:
        """The system hangs now: the setup servers take connections and answer nothing, the
        console runs no command, until reset() (or the next listening session)."""
        self._require_started()
        if self._softap is not None:
            self._softap.freeze.stall()

    def enter_listening_mode(self) -> None:
        """Hold SETUP ~3 s: leave Wi-Fi and the cloud, SoftAP back on the same ports."""
        self._require_started()
        if self._state is PhotonState.LISTENING:
            return
        self._new_life(self._back_to_listening)

    def reset(self) -> None:
        """Power cycle: a hung device recovers; it joins its stored Wi-Fi, if any, else listens."""
        self._require_started()
        self._set(PhotonState.OFF, Led.OFF)
        self._new_life(self._power_cycle)

    async def stop(self) -> None:
        """Power off for good: every socket, pseudo-terminal and task closed."""
        lives = list(self._lives)
        for life in lives:
            life.cancel()
        if lives:
            await asyncio.wait(lives)
        self._usb.unplug()
        await self._leave()
        self._set(PhotonState.OFF, Led.OFF)
        self._started = False

    # --- the firmware's system loop -------------------------------------------------------

    async def _back_to_listening(self) -> None:
        await self._leave()
        await self._live(_Start.LISTEN)

    async def _power_cycle(self) -> None:
        await self._leave()
        self._set(PhotonState.OFF, Led.OFF)
        self._usb.discard_input()  # the receive ring is RAM
        await self._clock.sleep(timing.BOOT_SECONDS)
        start = _Start.JOIN if self._flash.credentials else _Start.LISTEN
        await self._live(start, credentials_changed=False)

    async def _live(self, start: _Start, *, credentials_changed: bool = False) -> None:
        mode = start
        while True:
            if mode is _Start.LISTEN:
                credentials_changed = await self._listen()
            network = await self._join(credentials_changed)
            if network is not None:
                await self._connect_cloud(network)
                return
            mode = _Start.LISTEN

    async def _open_listening(self) -> None:
        softap = SoftAp(
            host=self.host,
            tcp_port=self.tcp_port,
            http_port=self.http_port,
            flash=self._flash,
            wifi=self._wifi,
            clock=self._clock,
            timing=self._setup_timing,
            faults=self._faults,
            live=self.live,
            power_cycle=self.reset,
        )
        await softap.start()
        self._softap = softap
        self.tcp_port, self.http_port = softap.tcp_port, softap.http_port
        self._set(PhotonState.LISTENING, Led.LISTENING)

    async def _listen(self) -> bool:
        """Listening mode until connect-ap, or the USB console's `x` or saved credentials;
        True if credentials were changed meanwhile."""
        if self._softap is None:
            await self._open_listening()
        softap = self._softap
        assert softap is not None
        console = UsbConsole(
            serial=self._usb,
            flash=self._flash,
            wifi=self._wifi,
            clock=self._clock,
            timing=self._setup_timing,
            faults=self._faults,
            leave=softap.connect_requested,
            live=self.live,
            freeze=softap.freeze,
            power_cycle=self.reset,
        )
        self._console = console
        try:
            if self._usb.plugged:
                self._start_console()
            await softap.connect_requested.wait()
            await console.idle()  # the system thread moves on only between console commands
        finally:
            self._console = None
            await self._stop_console()
        teardown = self._rng.uniform(*timing.AP_TEARDOWN_SECONDS)
        if self.live.leave_seconds is not None:
            teardown = self.live.leave_seconds
        await self._clock.sleep(teardown)
        await self._close_softap()
        return softap.commands.credentials_changed or console.credentials_changed

    async def _join(self, credentials_changed: bool) -> SimNetwork | None:
        """Join a stored network; None means "back to listening mode" (§3.7 steps 4-5)."""
        self._set(PhotonState.JOINING_WIFI, Led.WIFI_JOINING)
        await self._clock.sleep(timing.WIFI_RESTART_SECONDS)
        while self._flash.credentials:
            network = await self._join_passes()
            if network is not None:
                self.joined_network = network
                self._set(PhotonState.JOINING_WIFI, Led.WIFI_DHCP)
                await self._clock.sleep(timing.DHCP_SECONDS)
                self._set(PhotonState.JOINING_WIFI, Led.WIFI_CONNECTED)
                return network
            if credentials_changed:
                log.info("%s: could not join with the new credentials; listening again", self)
                return None
            await self._clock.sleep(timing.JOIN_RETRY_PAUSE_SECONDS)
        return None

    async def _join_passes(self) -> SimNetwork | None:
        """Every stored network, up to three passes, within one minute."""
        spent = 0.0
        for _ in range(timing.JOIN_PASSES):
            for credential in list(self._flash.credentials):
                attempt = radio.attempt_join(self._wifi, credential, self._flash.enterprise)
                seconds = min(attempt.seconds, timing.JOIN_CAP_SECONDS - spent)
                await self._clock.sleep(seconds)
                spent += seconds
                if attempt.network is not None and seconds == attempt.seconds:
                    return attempt.network
                if spent >= timing.JOIN_CAP_SECONDS:
                    return None
        return None

    async def _connect_cloud(self, network: SimNetwork) -> None:
        while True:
            self._set(PhotonState.CONNECTING_CLOUD, Led.CLOUD_CONNECTING)
            await self._clock.sleep(timing.CLOUD_CONNECT_SECONDS)
            self._set(PhotonState.CONNECTING_CLOUD, Led.CLOUD_HANDSHAKE)
            await self._clock.sleep(timing.CLOUD_HANDSHAKE_SECONDS)
            handshake = Handshake(
                device_id=self.device_id.lower(),
                platform_id=PHOTON_PLATFORM_ID,
                claim_code=self.claim_code,
                ssid=network.ssid,
            )
            self._in_cloud = True
            try:
                accepted = await self._link.device_online(handshake)
            except Exception:
                log.warning("%s: the cloud handshake failed; retrying", self, exc_info=True)
                await self._clock.sleep(timing.CLOUD_RETRY_SECONDS)
                continue
            break
        if accepted:  # the cloud acknowledged the claim code (§3.4)
            self._flash.claim_code = None
            self._flash.claimed = True
        self._set(PhotonState.ONLINE, Led.CLOUD_CONNECTED)

    async def _leave(self) -> None:
        """Drop whatever the device was doing: SoftAP down, off the cloud and the Wi-Fi."""
        await self._close_softap()
        if self._in_cloud:
            self._in_cloud = False
            try:
                await self._link.device_offline(self.device_id.lower())
            except Exception:
                log.warning("%s: telling the cloud it went offline failed", self, exc_info=True)
        self.joined_network = None

    def _start_console(self) -> None:
        """The console reads the cable in listening mode; no cable ever plugged, no task."""
        running = self._console_task is not None and not self._console_task.done()
        if self._console is None or running:
            return
        task = asyncio.create_task(self._console.run(), name=f"usb-console-{self.device_id}")
        task.add_done_callback(_report_console_failure)
        self._console_task = task

    async def _stop_console(self) -> None:
        task, self._console_task = self._console_task, None
        if task is not None:
            task.cancel()
            await asyncio.wait({task})

    async def _close_softap(self) -> None:
        # Forgotten only once fully stopped, so an interrupted stop is finished by the next call.
        if self._softap is not None:
            await self._softap.stop()
            self._softap = None

    # --- plumbing -------------------------------------------------------------------------

    def _require_started(self) -> None:
        if not self._started:
            raise RuntimeError("start() the simulated Photon first")

    def _new_life(self, body: Callable[[], Coroutine[Any, Any, None]]) -> None:
        previous = [life for life in self._lives if not life.done()]

        async def run() -> None:
            for life in previous:
                life.cancel()
            if previous:
                await asyncio.wait(previous)
            await body()

        life = asyncio.create_task(run(), name=f"photon-{self.device_id}")
        self._lives.add(life)
        life.add_done_callback(self._life_ended)

    def _life_ended(self, life: asyncio.Task[None]) -> None:
        self._lives.discard(life)
        if life.cancelled() or life.exception() is None:
            return
        error = life.exception()
        log.error("%s: the simulation failed", self, exc_info=error)
        for waiting in self._waiters.values():
            for future in waiting:
                if not future.done():
                    future.set_exception(RuntimeError(f"simulated Photon failed: {error!r}"))

    def _set(self, state: PhotonState, led: Led) -> None:
        self._led = led
        if state is not self._state:
            log.info("%s -> %s", self, state.value)
            self._state = state
        for future in self._waiters.pop(state, []):
            if not future.done():
                future.set_result(None)


def _report_console_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("the simulated USB console failed", exc_info=task.exception())


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def only_loopback_here(
    interfaces: Callable[[], list[tuple[int, str]]] = socket.if_nameindex,
) -> bool:
    """True in a network namespace whose only interface is loopback (``unshare --net``):
    nothing sent there can leave the machine. Asked of the kernel for this process's own
    namespace (``/sys/class/net`` would show the namespace that mounted ``/sys``)."""
    try:
        names = {name for _, name in interfaces()}
    except OSError:
        return False
    return names == {"lo"}


def may_serve_on(host: str) -> bool:
    """Loopback anywhere; the real Photon's own address only where no packet can leave
    (DESIGN.md, "Network safety": a test of the app's real default addresses)."""
    return _is_loopback(host) or (host == PHOTON_ADDRESS and only_loopback_here())
