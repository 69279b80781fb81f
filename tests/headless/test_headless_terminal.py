"""On a terminal (a pseudo-terminal here, the command in a session of its own so that it can
never reach the terminal running the tests): questions for what the environment did not
give, a wrong two-step code asked again (typed by the person, never retried by itself),
the progress line, and Ctrl+C while it waits for the Photon."""

from __future__ import annotations

import os
import pty
import select
import signal
import socket
import subprocess
import time
from typing import Any

import pyotp
from conftest import StartSimulator
from headless_helpers import Computer, Onboarded, SecretScan, wifi_password

from setup_wizard.flow.ledger import Outcome

WAIT = 20.0


class Screen:
    """What the command wrote to its terminal, read as it comes."""

    def __init__(self, master: int) -> None:
        self.master = master
        self.text = ""

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the command closed the terminal: it has ended
            return False
        if not chunk:
            return False
        self.text += chunk.decode("utf-8", errors="replace")
        return True

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while text not in self.text:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never came; the screen shows:\n{self.text}"
            assert self._read(left), f"ended before {text!r}:\n{self.text}"

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\r")

    def read_to_end(self) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and self._read(deadline - time.monotonic()):
            pass


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class OnTerminal:
    """The command with a terminal for stdin and stderr, in a session of its own (so it has
    no controlling terminal: ``getpass`` reads this one, never the one running the tests);
    stdout stays a pipe, for the JSON lines."""

    def __init__(self, computer: Computer, ready: dict[str, Any]) -> None:
        developer = ready["cloud"]["developer"]
        port = str(_closed_port())  # nothing answers there: the command waits for the Photon
        master, slave = pty.openpty()
        self.process = subprocess.Popen(  # noqa: S603 - our own command
            computer.command(
                *("--api-url", ready["cloud"]["url"], "--device-host", "127.0.0.1"),
                *("--device-tcp-port", port, "--device-http-port", port, "--wifi", "manual"),
                *("--product", str(ready["cloud"]["product"]["id"]), "--json"),
                *("--customer", "hal@example.com", "--wifi-ssid", "HomeNetwork"),
            ),
            env=computer.env(
                SETUP_WIZARD_USERNAME=developer["username"],
                SETUP_WIZARD_PASSWORD=developer["password"],
                SETUP_WIZARD_WIFI_PASSWORD=wifi_password(ready, "HomeNetwork"),
            ),
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=slave,
            start_new_session=True,
        )
        os.close(slave)
        self.screen = Screen(master)

    def ctrl_c(self) -> Onboarded:
        """Ctrl+C (SIGINT, as the terminal sends it), then everything until the end."""
        process = self.process
        try:
            process.send_signal(signal.SIGINT)
            self.screen.read_to_end()
            code = process.wait(WAIT)
            assert process.stdout is not None
            return Onboarded(code, process.stdout.read().decode(), self.screen.text)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        os.close(self.screen.master)


def test_a_wrong_code_is_asked_again_and_ctrl_c_gives_the_wifi_back_first(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    # Real time (speed 1): the test's own clock gives the code an authenticator would.
    ready = simulator("--speed", "1", "--mfa")
    totp = pyotp.TOTP(ready["cloud"]["developer"]["mfa_otp_secret"])
    command = OnTerminal(computer, ready)
    screen = command.screen
    try:
        screen.wait_for("Two-step code: ")
        screen.type(str(totp.at(time.time() - 10 * 24 * 3600)))  # ten days old: wrong
        screen.wait_for("Two-step code (again): ")
        screen.type(totp.now())
        screen.wait_for("Open the network menu")
    except BaseException:
        command.close()
        raise
    run = command.ctrl_c()
    scan.output(run, "terminal")

    assert run.code == 130, screen.text
    assert "code is not right" in screen.text
    assert screen.text.count("Two-step code") == 2, "asked twice: once, then after the wrong one"
    assert "Signed in as" in screen.text
    assert "░" in screen.text, "the progress line"
    assert run.line["outcome"] == "cancelled"
    stopping = screen.text.index("Stopping")
    assert "reconnect to your usual Wi-Fi" in screen.text[stopping:], "the Wi-Fi back first"
    (row,) = computer.ledger_rows()
    assert row.outcome is Outcome.CANCELLED
    assert run.line["ledger_id"] == row.id


def test_ctrl_c_at_a_question_stops_at_once(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    ready = simulator("--speed", "1", "--mfa")
    command = OnTerminal(computer, ready)
    try:
        command.screen.wait_for("Two-step code: ")
    except BaseException:
        command.close()
        raise
    run = command.ctrl_c()
    scan.output(run, "terminal")

    assert run.code == 130, run.stderr
    assert run.line["outcome"] == "cancelled"
    assert "Traceback" not in run.stderr
    assert computer.ledger_rows() == [], "no device was started"
