"""Where the command's secrets come from: never its arguments (they show in ``ps`` and in
shell histories), but the keyring, the environment, or a question on the terminal; in the
built-in simulation, the simulation itself (so it runs with no environment at all).

The environment variables are DESIGN.md's. Every value is wrapped in its Secret type the
moment it is read, and remembered for the log's scrubber.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from setup_wizard import redact
from setup_wizard.headless.exits import ExitCode, HeadlessError
from setup_wizard.headless.terminal import Terminal
from setup_wizard.runtime import SimulationHints
from setup_wizard.secret import ClientSecret, Password, WifiPassword

ENV_USERNAME = "SETUP_WIZARD_USERNAME"
ENV_PASSWORD = "SETUP_WIZARD_PASSWORD"  # noqa: S105 - a variable's name
ENV_OTP = "SETUP_WIZARD_OTP"
ENV_CLIENT_SECRET = "SETUP_WIZARD_CLIENT_SECRET"  # noqa: S105 - a variable's name
ENV_WIFI_PASSWORD = "SETUP_WIZARD_WIFI_PASSWORD"  # noqa: S105 - a variable's name


def _missing(what: str, variable: str) -> HeadlessError:
    return HeadlessError(
        f"{what} is needed: set {variable}, or run the command on a terminal to type it.",
        ExitCode.USAGE,
    )


@dataclass
class Credentials:
    environ: Mapping[str, str]
    terminal: Terminal
    simulation: SimulationHints | None = None
    """In the simulation its own credentials are used and the environment is not read (it
    may hold real secrets, which have no business in a simulation)."""
    _otp_used: bool = field(default=False, init=False)

    def _env(self, name: str) -> str | None:
        if self.simulation is not None:
            return None
        return self.environ.get(name) or None

    def staff_username(self) -> str:
        if self.simulation is not None and self.simulation.staff_username:
            return self.simulation.staff_username
        username = self._env(ENV_USERNAME) or self.terminal.ask("Particle account (e-mail): ")
        if not username:
            raise _missing("Your Particle account's e-mail address", ENV_USERNAME)
        return username

    def staff_password(self) -> Password:
        if self.simulation is not None and self.simulation.staff_password:
            value: str | None = self.simulation.staff_password
        else:
            value = self._env(ENV_PASSWORD) or self.terminal.ask_secret("Password: ")
        if not value:
            raise _missing("Your Particle account's password", ENV_PASSWORD)
        password = Password(value)
        redact.remember(password)
        return password

    def two_step_code(self, *, again: bool = False) -> str | None:
        """The two-step code: the environment's first (once: a code that was wrong stays
        wrong), then the terminal's. None when there is nobody left to ask; the caller says
        why (a wrong code, or none at all)."""
        if self.simulation is not None and self.simulation.two_step_code is not None:
            return None if again else self.simulation.two_step_code()
        if not self._otp_used:
            self._otp_used = True
            code = self._env(ENV_OTP)
            if code:
                return code
        prompt = "Two-step code (again): " if again else "Two-step code: "
        return self.terminal.ask_secret(prompt) or None

    def client_secret(self) -> ClientSecret | None:
        value = self._env(ENV_CLIENT_SECRET)
        if value is None:
            return None
        secret = ClientSecret(value)
        redact.remember(secret)
        return secret

    def wifi_password(self, ssid: str) -> WifiPassword | None:
        """From the simulation or the environment (which applies to every network); None:
        ask the keyring, then the person (:meth:`ask_wifi_password`)."""
        sim = self.simulation
        if sim is not None:
            return WifiPassword(sim.home_password) if ssid == sim.home_network else None
        value = self._env(ENV_WIFI_PASSWORD)
        return self._wrapped(value) if value else None

    def ask_wifi_password(self, ssid: str, *, again: bool = False) -> WifiPassword | None:
        """Typed on the terminal; None without one, or when the answer is empty (an open
        network)."""
        if again:
            question = f"Wi-Fi password for “{ssid}” (again): "
        else:
            question = f"Wi-Fi password for “{ssid}” (empty if the network is open): "
        value = self.terminal.ask_secret(question)
        return self._wrapped(value) if value else None

    @staticmethod
    def _wrapped(value: str) -> WifiPassword:
        password = WifiPassword(value)
        redact.remember(password)
        return password


def missing_wifi_password(ssid: str) -> HeadlessError:
    return _missing(f"The password of the Wi-Fi network “{ssid}”", ENV_WIFI_PASSWORD)
