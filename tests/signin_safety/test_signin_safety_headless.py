"""The headless command's sign-in (setup_wizard/headless/signin.py): its password and two-step
code come from the environment or a terminal, and each is sent once; only a code the person
types again is sent again. Counted in the simulated cloud's request log, in process (the
sign-in step itself) and through the command as a script runs it."""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pyotp
import pytest
from headless_helpers import Computer, manual_options
from signin_faults import (
    CODE_GRANT,
    PASSWORD_GRANT,
    TokenFault,
    cloud_client,
    http_client,
    token_faults,
)

from setup_wizard.cloud import CloudError, MfaCodeWrong, SignInFailed, TokenGrant
from setup_wizard.flow import MemoryTokenStore
from setup_wizard.flow.keychain import SavedSignIn
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import STAFF_KEY, StaffSession
from setup_wizard.headless.credentials import ENV_OTP, ENV_PASSWORD, ENV_USERNAME, Credentials
from setup_wizard.headless.exits import ExitCode
from setup_wizard.headless.progress import Progress
from setup_wizard.headless.signin import sign_in
from setup_wizard.headless.terminal import Terminal
from setup_wizard.secret import ClientSecret, Token
from setup_wizard.sim.cloud import SimulatedCloud
from setup_wizard.sim.simulation import Simulation

COMMAND_TIMEOUT = 60.0


class PersonAtTerminal(Terminal):
    """A terminal whose person types these answers to the secret questions, in turn."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__(stdin=io.StringIO(), stream=io.StringIO(), interactive=bool(answers))
        self.answers = answers
        self.asked: list[str] = []

    def ask_secret(self, question: str) -> str | None:
        self.asked.append(question)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
async def cloud() -> AsyncIterator[SimulatedCloud]:
    sim = await Simulation.start(devices=0, speed=200, seed=71, mfa=True)
    try:
        yield sim.cloud
    finally:
        await sim.stop()


@pytest.fixture
async def session(cloud: SimulatedCloud) -> AsyncIterator[StaffSession]:
    async with http_client(cloud.url) as http:
        secrets: MemorySecretStore[ClientSecret] = MemorySecretStore()
        yield StaffSession(cloud_client(http), tokens=MemoryTokenStore(), secrets=secrets)


def code(cloud: SimulatedCloud, *, days_ago: int = 0) -> str:
    secret = cloud.developer.mfa_otp_secret
    assert secret is not None
    return str(pyotp.TOTP(secret).at(cloud.clock.now() - days_ago * 86_400))


def credentials(cloud: SimulatedCloud, terminal: Terminal, **environ: str) -> Credentials:
    developer = cloud.developer
    base = {ENV_USERNAME: developer.username, ENV_PASSWORD: developer.password}
    return Credentials({**base, **environ}, terminal)


async def test_a_wrong_password_from_the_environment_is_sent_once(
    cloud: SimulatedCloud, session: StaffSession
) -> None:
    terminal = PersonAtTerminal([])
    with pytest.raises(SignInFailed):
        await sign_in(
            session, credentials(cloud, terminal, **{ENV_PASSWORD: "nope-1234"}), Progress(terminal)
        )
    assert cloud.token_requests() == 1


@pytest.mark.parametrize("fault", token_faults())
async def test_a_password_the_cloud_fails_is_not_sent_again(
    cloud: SimulatedCloud, session: StaffSession, fault: TokenFault
) -> None:
    terminal = PersonAtTerminal([])
    fault.inject(cloud)
    with pytest.raises(CloudError):
        await sign_in(session, credentials(cloud, terminal), Progress(terminal))
    assert cloud.token_requests() == 1


async def test_a_wrong_code_from_the_environment_is_sent_once_without_a_terminal(
    cloud: SimulatedCloud, session: StaffSession
) -> None:
    terminal = PersonAtTerminal([])
    with pytest.raises(MfaCodeWrong):
        await sign_in(
            session,
            credentials(cloud, terminal, **{ENV_OTP: code(cloud, days_ago=9)}),
            Progress(terminal),
        )
    assert cloud.token_requests(CODE_GRANT) == 1
    assert cloud.token_requests(PASSWORD_GRANT) == 1


async def test_on_a_terminal_each_code_the_person_types_is_sent_once(
    cloud: SimulatedCloud, session: StaffSession
) -> None:
    terminal = PersonAtTerminal([code(cloud, days_ago=8), code(cloud)])
    env = credentials(cloud, terminal, **{ENV_OTP: code(cloud, days_ago=9)})
    staff = await sign_in(session, env, Progress(terminal))
    assert staff.username == cloud.developer.username
    assert terminal.asked == ["Two-step code (again): "] * 2, "the person was asked each time"
    assert cloud.token_requests(CODE_GRANT) == 3, "the environment's code, then the two typed"
    assert cloud.token_requests(PASSWORD_GRANT) == 1


class CodeWhileTheCloudFails(Credentials):
    """The environment's code, given at the moment the cloud starts failing: the password
    has been accepted, so it is the code's request that fails."""

    def __init__(self, base: Credentials, cloud: SimulatedCloud, fault: TokenFault) -> None:
        super().__init__(base.environ, base.terminal)
        self.cloud, self.fault = cloud, fault

    def two_step_code(self, *, again: bool = False) -> str | None:
        if not again:
            self.fault.inject(self.cloud)
        return super().two_step_code(again=again)


@pytest.mark.parametrize("fault", token_faults())
async def test_a_code_the_cloud_fails_is_not_sent_again(
    cloud: SimulatedCloud, session: StaffSession, fault: TokenFault
) -> None:
    terminal = PersonAtTerminal([code(cloud)])  # a person ready to type: never asked
    env = CodeWhileTheCloudFails(
        credentials(cloud, terminal, **{ENV_OTP: code(cloud)}), cloud, fault
    )
    with pytest.raises(CloudError):
        await sign_in(session, env, Progress(terminal))
    assert cloud.token_requests(CODE_GRANT) == 1
    assert cloud.token_requests(PASSWORD_GRANT) == 1
    assert terminal.asked == [], "a failure that is not a wrong code asks for nothing"


async def test_a_kept_sign_in_that_stopped_working_leads_to_one_password_sign_in(
    cloud: SimulatedCloud, session: StaffSession
) -> None:
    tokens = MemoryTokenStore()
    tokens.saved[STAFF_KEY] = SavedSignIn(cloud.developer.username, TokenGrant(Token("revoked-1")))
    session._tokens = tokens
    terminal = PersonAtTerminal([code(cloud)])
    staff = await sign_in(session, credentials(cloud, terminal), Progress(terminal))
    assert not staff.kept
    assert cloud.token_requests(PASSWORD_GRANT) == 1
    assert cloud.token_requests(CODE_GRANT) == 1


# -- the command, as a script runs it ----------------------------------------------------------


async def onboard(computer: Computer, sim: Simulation, **secrets: str) -> tuple[int, str]:
    """``setup-wizard onboard`` against ``sim`` (in this process, so its log can be read)."""
    ready = sim.ready()
    process = await asyncio.create_subprocess_exec(
        *computer.command(
            *manual_options(ready),
            *("--product", str(ready["cloud"]["product"]["id"]), "--json"),
            *("--customer", "eve@example.com", "--wifi-ssid", "HomeNetwork"),
        ),
        env=computer.env(**secrets),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(COMMAND_TIMEOUT):
        _, stderr = await process.communicate()
    assert process.returncode is not None
    return process.returncode, stderr.decode()


@pytest.fixture
async def sim() -> AsyncIterator[Simulation]:
    world = await Simulation.start(devices=1, speed=50, seed=73, mfa=True)
    try:
        yield world
    finally:
        await world.stop()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the command runs on POSIX here")
async def test_the_command_sends_a_wrong_password_once_and_exits_3(
    tmp_path: Path, sim: Simulation
) -> None:
    developer = sim.cloud.developer
    code_, stderr = await onboard(
        Computer(tmp_path),
        sim,
        SETUP_WIZARD_USERNAME=developer.username,
        SETUP_WIZARD_PASSWORD="not-the-password-1",
        SETUP_WIZARD_WIFI_PASSWORD="correct horse battery",
    )
    assert code_ == ExitCode.SIGN_IN, stderr
    assert sim.cloud.token_requests() == 1


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the command runs on POSIX here")
async def test_the_command_sends_a_wrong_code_once_and_exits_3(
    tmp_path: Path, sim: Simulation
) -> None:
    developer = sim.cloud.developer
    code_, stderr = await onboard(
        Computer(tmp_path),
        sim,
        SETUP_WIZARD_USERNAME=developer.username,
        SETUP_WIZARD_PASSWORD=developer.password,
        SETUP_WIZARD_OTP=code(sim.cloud, days_ago=9),
        SETUP_WIZARD_WIFI_PASSWORD="correct horse battery",
    )
    assert code_ == ExitCode.SIGN_IN, stderr
    assert sim.cloud.token_requests(CODE_GRANT) == 1
    assert sim.cloud.token_requests(PASSWORD_GRANT) == 1


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the command runs on POSIX here")
async def test_the_command_does_not_send_a_sign_in_again_when_the_cloud_fails_it(
    tmp_path: Path, sim: Simulation
) -> None:
    developer = sim.cloud.developer
    sim.cloud.inject_failure("POST", "/oauth/token", status=503)
    code_, stderr = await onboard(
        Computer(tmp_path),
        sim,
        SETUP_WIZARD_USERNAME=developer.username,
        SETUP_WIZARD_PASSWORD=developer.password,
        SETUP_WIZARD_WIFI_PASSWORD="correct horse battery",
    )
    assert code_ != ExitCode.ONLINE, stderr
    assert sim.cloud.token_requests() == 1
