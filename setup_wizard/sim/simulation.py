"""One simulated world: a cloud, N Photons in listening mode and the home Wi-Fi around them.

This is what ``setup-wizard simulate`` serves and what the app runs in-process when no
real setup is configured. The Photons report their cloud handshakes to this cloud, so a
device configured with a claim code comes online owned by that code's customer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud import SimulatedCloud
from setup_wizard.sim.photon import PTY_AVAILABLE, SimulatedPhoton, UsbUnavailableError
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

LOOPBACK = "127.0.0.1"


@dataclass
class Simulation:
    clock: SimClock
    wifi: WifiEnvironment
    cloud: SimulatedCloud
    photons: list[SimulatedPhoton]

    @classmethod
    async def start(
        cls,
        *,
        devices: int = 1,
        cloud_port: int = 0,
        device_base_port: int = 0,
        speed: float = 1.0,
        mfa: bool = False,
        seed: int | None = None,
        wifi: WifiEnvironment | None = None,
        quarantine: bool = False,
        cloud_latency: float = 0.0,
        usb: bool = False,
    ) -> Simulation:
        """Start everything on 127.0.0.1.

        With ``device_base_port`` P, device i serves HTTP on P + 2i and TCP on P + 2i + 1;
        with 0 every port is picked free by the system. ``cloud_latency``: simulated seconds
        the cloud holds each request (a network's round trip, for benchmarks). ``usb``: every
        Photon is also plugged in by USB, its console on a pseudo-terminal (UsbUnavailableError
        where there are none, as on Windows).
        """
        if devices < 0:
            raise ValueError("devices must be 0 or more")
        if usb and not PTY_AVAILABLE:
            raise UsbUnavailableError(
                "a simulated USB console needs pseudo-terminals (os.openpty and termios), "
                "which this platform does not have"
            )
        clock = SimClock(speed)
        env = wifi if wifi is not None else WifiEnvironment.home()
        cloud = SimulatedCloud(
            clock=clock,
            host=LOOPBACK,
            port=cloud_port,
            mfa=mfa,
            seed=seed,
            quarantine_new_devices=quarantine,
            latency=cloud_latency,
        )
        photons = [
            SimulatedPhoton(
                clock=clock,
                wifi=env,
                link=cloud,
                host=LOOPBACK,
                http_port=device_base_port + 2 * i if device_base_port else 0,
                tcp_port=device_base_port + 2 * i + 1 if device_base_port else 0,
                seed=None if seed is None else seed + 1 + i,
            )
            for i in range(devices)
        ]
        sim = cls(clock=clock, wifi=env, cloud=cloud, photons=[])
        try:
            await cloud.start()
            for photon in photons:
                sim.photons.append(photon)
                if usb:
                    photon.plug_usb()
                await photon.start()
        except BaseException:
            await sim.stop()
            raise
        return sim

    def ready(self) -> dict[str, Any]:
        """The ``ready`` line of the simulator contract (DESIGN.md)."""
        return {
            "event": "ready",
            "cloud": self.cloud.ready_json(),
            "devices": [_device_json(photon) for photon in self.photons],
            "wifi": [
                {
                    "ssid": net.ssid,
                    "security": net.security,
                    "password": net.password,
                    "channel": net.channel,
                    "rssi": net.rssi,
                }
                for net in self.joinable_networks()
            ],
        }

    def joinable_networks(self) -> list[SimNetwork]:
        """The networks a Photon can see and join, once each (the strongest access point)."""
        strongest: dict[str, SimNetwork] = {}
        for net in self.wifi.networks:
            if net.hidden or not net.is_2ghz:
                continue
            if net.ssid not in strongest or net.rssi > strongest[net.ssid].rssi:
                strongest[net.ssid] = net
        return sorted(strongest.values(), key=lambda net: net.rssi, reverse=True)

    async def stop(self) -> None:
        for photon in reversed(self.photons):
            await photon.stop()
        self.photons.clear()
        await self.cloud.stop()


def _device_json(photon: SimulatedPhoton) -> dict[str, str]:
    device = {
        "id": photon.device_id.lower(),
        "ssid": photon.ssid,
        "http": f"http://{photon.host}:{photon.http_port}",
        "tcp": f"{photon.host}:{photon.tcp_port}",
    }
    if photon.usb_port is not None:
        device["usb"] = photon.usb_port
    return device
