"""``setup-wizard simulate``: the contract other tools rely on (DESIGN.md)."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from setup_wizard.device import PhotonClient, Transport
from setup_wizard.network import SimulatedAccessPoint

READY_TIMEOUT = 20.0


class Simulator:
    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own command, fixed arguments
            [sys.executable, "-m", "setup_wizard", "simulate", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def ready(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, self.stop_and_read_stderr()
        ready: dict[str, Any] = json.loads(line)
        return ready

    def stop(self, sig: signal.Signals = signal.SIGINT) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=READY_TIMEOUT)

    def stop_and_read_stderr(self) -> str:
        self.stop(signal.SIGKILL)
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def simulator() -> Iterator[type[Simulator]]:
    started: list[Simulator] = []

    class Tracked(Simulator):
        def __init__(self, *args: str) -> None:
            super().__init__(*args)
            started.append(self)

    yield Tracked
    for sim in started:
        sim.close()


async def test_ready_line_describes_a_world_any_client_can_use(simulator: type[Simulator]) -> None:
    sim = simulator("--devices", "2", "--speed", "100")
    ready = sim.ready()

    assert ready["event"] == "ready"
    cloud = ready["cloud"]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", cloud["url"])
    assert isinstance(cloud["product"]["id"], int)
    assert cloud["product"]["slug"]
    assert cloud["client"]["id"]
    assert cloud["client"]["secret"]
    assert cloud["developer"]["username"]
    assert cloud["developer"]["password"]
    assert cloud["developer"]["mfa_otp_secret"] is None

    assert len(ready["devices"]) == 2
    for device, transport in zip(ready["devices"], (Transport.TCP, Transport.HTTP), strict=True):
        assert re.fullmatch(r"[0-9a-f]{24}", device["id"])
        assert re.fullmatch(r"Photon-[2-9A-HJ-NP-Z]{6}", device["ssid"])
        address = SimulatedAccessPoint.from_ready_device(device).address
        async with PhotonClient(address, prefer=transport) as photon:
            assert (await photon.device_info()).device_id == device["id"]
            assert photon.transport is transport

    wifi = ready["wifi"]
    assert {"ssid", "security", "password", "channel", "rssi"} <= set(wifi[0])
    assert len({net["ssid"] for net in wifi}) == len(wifi), "each network listed once"
    assert any(net["security"] == "open" and net["password"] is None for net in wifi)

    assert sim.stop(signal.SIGINT) == 0


def test_sigterm_stops_the_simulator_cleanly(simulator: type[Simulator]) -> None:
    sim = simulator("--devices", "1")
    sim.ready()
    assert sim.stop(signal.SIGTERM) == 0


def test_mfa_option_publishes_the_otp_secret(simulator: type[Simulator]) -> None:
    ready = simulator("--devices", "0", "--mfa").ready()
    assert re.fullmatch(r"[A-Z2-7]{16,}=*", ready["cloud"]["developer"]["mfa_otp_secret"])
    assert ready["devices"] == []


def _free_port_block(count: int) -> int:
    """A base port whose next ``count`` ports were free a moment ago."""
    for _ in range(20):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + count > 65535:
            continue
        try:
            held = []
            for port in range(base, base + count):
                s = socket.socket()
                held.append(s)
                s.bind(("127.0.0.1", port))
        except OSError:
            continue
        finally:
            for s in held:
                s.close()
        return base
    pytest.fail("no block of free loopback ports")


async def test_fixed_ports_are_honoured(simulator: type[Simulator]) -> None:
    cloud_port = _free_port_block(1)
    base = _free_port_block(4)
    ready = simulator(
        "--devices", "2", "--cloud-port", str(cloud_port), "--device-base-port", str(base)
    ).ready()
    assert ready["cloud"]["url"] == f"http://127.0.0.1:{cloud_port}"
    assert [d["http"] for d in ready["devices"]] == [
        f"http://127.0.0.1:{base}",
        f"http://127.0.0.1:{base + 2}",
    ]
    assert [d["tcp"] for d in ready["devices"]] == [
        f"127.0.0.1:{base + 1}",
        f"127.0.0.1:{base + 3}",
    ]


def test_a_port_in_use_is_reported_not_a_traceback(simulator: type[Simulator]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        sim = simulator("--devices", "0", "--cloud-port", str(port))
        assert sim.process.wait(timeout=READY_TIMEOUT) == 1
        assert sim.process.stderr is not None
        err = sim.process.stderr.read()
    assert "cannot start" in err
    assert "Traceback" not in err
