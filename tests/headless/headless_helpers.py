"""Running ``setup-wizard onboard`` (and ``setup-wizard simulate``) as a person's script would,
each test in its own user folders, and scanning all they wrote for the secrets used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secret_scan import SecretScan as SecretScan  # the tests here take it from this module

from setup_wizard.flow.ledger import Ledger, SetupRow
from setup_wizard.sim.simulation import Simulation

RUN_TIMEOUT = 45.0
SIMULATION_LEDGER = "ledger-simulation.sqlite3"


@dataclass
class Onboarded:
    """One finished run of the command."""

    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[dict[str, Any]]:
        """stdout as JSON lines; anything else on stdout fails the test here."""
        return [json.loads(line) for line in self.stdout.splitlines()]

    @property
    def line(self) -> dict[str, Any]:
        lines = self.lines
        assert len(lines) == 1, self.stdout
        return lines[0]


@dataclass
class Computer:
    """A computer the command runs on: its own user folders (ledger, log, journal) in
    ``root``, no keyring, and the environment a script would give it."""

    root: Path
    environ: dict[str, str] = field(default_factory=dict)

    def env(self, **secrets: str) -> dict[str, str]:
        folders = {
            name: str(self.root / name.lower())
            for name in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
        }
        keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "SYSTEMROOT")}
        return {
            **keep,
            **folders,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "PYTHONDONTWRITEBYTECODE": "1",
            **self.environ,
            **secrets,
        }

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "setup_wizard", "onboard", *args]

    def onboard(self, *args: str, **secrets: str) -> Onboarded:
        done = subprocess.run(  # noqa: S603 - our own command
            self.command(*args),
            env=self.env(**secrets),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        return Onboarded(done.returncode, done.stdout, done.stderr)

    def ledger(self, name: str = "ledger.sqlite3") -> Ledger:
        return Ledger(self.root / "xdg_data_home" / "photon-setup" / name)

    def ledger_rows(self, name: str = "ledger.sqlite3") -> list[SetupRow]:
        ledger = self.ledger(name)
        try:
            return ledger.setups()
        finally:
            ledger.close()

    def handover(self, customer: str, name: str = "ledger.sqlite3") -> str:
        """The wizard's handover report for ``customer``, from this computer's ledger."""
        ledger = self.ledger(name)
        try:
            return ledger.handover_report(customer)
        finally:
            ledger.close()

    @property
    def log_file(self) -> Path:
        return self.root / "xdg_state_home" / "photon-setup" / "log" / "photon-setup.log"


def manual_options(ready: Mapping[str, Any], device: int = 0) -> list[str]:
    """The options that point the command at a simulator's cloud and one of its Photons,
    joined "by hand" (nothing to join on loopback)."""
    photon = ready["devices"][device]
    return [
        "--api-url",
        ready["cloud"]["url"],
        "--device-host",
        "127.0.0.1",
        "--device-tcp-port",
        photon["tcp"].rsplit(":", 1)[1],
        "--device-http-port",
        photon["http"].rsplit(":", 1)[1],
        "--wifi",
        "manual",
    ]


def wifi_password(ready: Mapping[str, Any], ssid: str) -> str:
    return str(next(net["password"] for net in ready["wifi"] if net["ssid"] == ssid))


def ready_secrets(ready: Mapping[str, Any]) -> set[str]:
    """Every secret a simulator's ready line gives away."""
    cloud = ready["cloud"]
    found = {cloud["client"]["secret"], cloud["developer"]["password"]}
    found |= {net["password"] for net in ready["wifi"] if net["password"]}
    if cloud["developer"]["mfa_otp_secret"]:
        found.add(cloud["developer"]["mfa_otp_secret"])
    return found


class _Remembering(dict[str, Any]):
    """A table of the simulated cloud that remembers every key it was ever given (a used
    claim code or two-step token leaves the table, but must not be written all the same)."""

    def __init__(self, table: dict[str, Any], seen: set[str]) -> None:
        super().__init__(table)
        self.seen = seen
        seen.update(table)

    def __setitem__(self, key: str, value: Any) -> None:
        self.seen.add(key)
        super().__setitem__(key, value)


def record_secrets(sim: Simulation) -> Callable[[], set[str]]:
    """From now on, every secret of the simulated world as the cloud issues it: call the
    result for passwords, client secrets, Wi-Fi passwords, and each access, refresh and
    two-step token and claim code issued so far, used or not. (Read from the cloud's store,
    the only place that knows them all: test instrumentation.)"""
    store = sim.cloud._store
    seen: set[str] = set()
    for name in ("access_tokens", "refresh_tokens", "mfa_challenges", "claim_codes"):
        setattr(store, name, _Remembering(getattr(store, name), seen))
    # particle, particle-api…: their secret is their name (the seeded product's client has
    # a real one)
    built_in = {client.id for client in store.clients.values() if client.secret == client.id}

    def everything() -> set[str]:
        found = set(seen)
        found |= {c.secret for c in store.clients.values() if c.id not in built_in}
        found |= {a.password for a in store.developers.values() if a.password}
        found |= {a.mfa_secret for a in store.developers.values() if a.mfa_secret}
        found |= {a.password for a in store.customers.values() if a.password}
        found |= {net.password for net in sim.wifi.networks if net.password}
        return found

    return everything
