"""Nothing secret is written: the simulator runs in this test's process, so every token,
refresh token, two-step token and claim code it issued to the command is known and looked
for in the ledger, the log, the journal and the command's output."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import pyotp
from headless_helpers import (
    RUN_TIMEOUT,
    Computer,
    Onboarded,
    SecretScan,
    manual_options,
    record_secrets,
)

from setup_wizard.flow.ledger import Outcome
from setup_wizard.sim.simulation import Simulation

HOME = "HomeNetwork"


async def onboard(computer: Computer, *args: str, **secrets: str) -> Onboarded:
    """The command in its own process while this test's event loop serves the simulator."""
    process = await asyncio.create_subprocess_exec(
        *computer.command(*args),
        env=computer.env(**secrets),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), RUN_TIMEOUT)
    assert process.returncode is not None
    return Onboarded(process.returncode, out.decode(), err.decode())


async def test_no_token_claim_code_or_password_is_written_anywhere(
    computer: Computer, scan: SecretScan
) -> None:
    sim = await Simulation.start(devices=1, speed=50, mfa=True)
    issued = record_secrets(sim)
    try:
        ready = sim.ready()
        developer = sim.cloud.developer
        assert developer.mfa_otp_secret is not None
        home = next(n for n in sim.wifi.networks if n.ssid == HOME)
        assert home.password

        run = await onboard(
            computer,
            *manual_options(ready),
            "--product",
            "Photon Setup Demo",  # by its name: the ID changes with every simulation
            "--customer",
            "gus@example.com",
            "--wifi-ssid",
            HOME,
            "--verbose",
            SETUP_WIZARD_USERNAME=developer.username,
            SETUP_WIZARD_PASSWORD=developer.password,
            SETUP_WIZARD_OTP=str(pyotp.TOTP(developer.mfa_otp_secret).at(sim.clock.now())),
            SETUP_WIZARD_WIFI_PASSWORD=home.password,
        )
        customer = sim.cloud.customer("gus@example.com")
        secrets = issued()
    finally:
        await sim.stop()
    scan.secret(*secrets)
    scan.output(run)

    assert run.code == 0, run.stderr
    assert customer is not None
    assert customer.device_ids == (ready["devices"][0]["id"],), "the customer owns it"
    assert "online" in run.stdout.splitlines()[0], "one line for the person, not JSON"
    assert "Created the product's OAuth client" in run.stderr, "and said so"
    assert len(secrets) > 10, "tokens, refresh tokens, the two-step token, the claim code"
    (row,) = computer.ledger_rows()
    assert (row.outcome, row.ssid) == (Outcome.ONLINE, HOME)
    scan.assert_clean(written=[computer.log_file])


def test_the_scan_finds_a_secret_hidden_in_an_authorization_header(tmp_path: Path) -> None:
    """The scan itself: a client secret inside a Basic header's base64 is found."""
    leak_scan = SecretScan(tmp_path)
    leak_scan.secret("cs-5e1f9a77d2")
    header = base64.b64encode(b"my-client:cs-5e1f9a77d2").decode()
    (tmp_path / "app.log").write_text(f"DEBUG Authorization: Basic {header}\n")
    assert leak_scan.leaks()
