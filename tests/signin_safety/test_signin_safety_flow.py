"""No sign-in and no two-step code is ever sent twice by the app: one token request per
submission, counted in the simulated cloud's request log. Ten failed token requests from
one network lock it out of the Particle Cloud for 30 minutes, so a retry the person did not
ask for could lock them (and everyone at their address) out.

The customer's sign-in (flow.Onboarding.sign_in) and the staff member's, with the two-step
code (flow.staff.StaffSession), each refused, failing in every way a client might take for
"try again", and after a customer creation that failed in a way that may hide an existing
customer (the one place where the app signs in after another request).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pyotp
import pytest
from flow_world import FlowWorld, flow_world
from signin_faults import (
    CODE_GRANT,
    PASSWORD_GRANT,
    TokenFault,
    cloud_client,
    http_client,
    token_faults,
)

from setup_wizard.cloud import CloudError, MfaCodeWrong, SignInFailed
from setup_wizard.flow import FlowError, MemoryTokenStore
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.secret import ClientSecret, Password
from setup_wizard.sim.cloud import NoAnswer, SimulatedCloud
from setup_wizard.sim.simulation import Simulation

EMAIL = "grace@example.com"
PASSWORD = Password("cobol-forever-1959")
WRONG = Password("fortran-1957")


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[FlowWorld]:
    """The customer's world, the flow's cloud client waiting at most a second for an answer,
    and the customer already there (so a sign-in is a token request)."""
    async with flow_world(tmp_path) as world, http_client(world.sim.cloud.url) as http:
        world.flow.services.cloud = cloud_client(http)
        await world.new_flow().sign_in(EMAIL, PASSWORD, keep=False)
        assert world.sim.cloud.token_requests() == 0, "creating the customer signed it in"
        yield world


def customer_creations(cloud: SimulatedCloud) -> int:
    return sum(
        1
        for r in cloud.request_log
        if r.method == "POST"
        and r.path.startswith("/v1/products/")
        and r.path.endswith("/customers")
    )


# -- the customer ----------------------------------------------------------------------------


async def test_a_wrong_customer_password_is_sent_once_per_submission(world: FlowWorld) -> None:
    cloud = world.sim.cloud
    with pytest.raises(SignInFailed):
        await world.flow.sign_in(EMAIL, WRONG, keep=False)
    assert cloud.token_requests(PASSWORD_GRANT) == 1

    with pytest.raises(SignInFailed):
        await world.flow.sign_in(EMAIL, WRONG, keep=False)  # the person tries again
    assert cloud.token_requests(PASSWORD_GRANT) == 2

    await world.flow.sign_in(EMAIL, PASSWORD, keep=False)
    assert cloud.token_requests(PASSWORD_GRANT) == 3
    assert cloud.token_requests() == 3, "nothing but the three submissions"


@pytest.mark.parametrize("fault", token_faults())
async def test_a_customer_sign_in_the_cloud_fails_is_not_sent_again(
    world: FlowWorld, fault: TokenFault
) -> None:
    cloud = world.sim.cloud
    fault.inject(cloud)
    with pytest.raises(CloudError):
        await world.flow.sign_in(EMAIL, PASSWORD, keep=False)
    assert cloud.token_requests() == 1
    assert world.flow.state.account is None

    await world.flow.sign_in(EMAIL, PASSWORD, keep=False)  # the person's second submission
    assert cloud.token_requests() == 2


@pytest.mark.parametrize(
    "how", [NoAnswer.HANG, NoAnswer.CLOSE, 500], ids=["no answer", "broken", "500"]
)
async def test_after_a_creation_that_may_hide_the_customer_one_sign_in_is_sent(
    world: FlowWorld, how: NoAnswer | int
) -> None:
    """A creation that failed in a way that may mean "exists" is followed by one sign-in,
    and neither request is sent a second time."""
    cloud = world.sim.cloud
    path = f"/v1/products/{cloud.product.id}/customers"
    if isinstance(how, NoAnswer):
        cloud.inject_no_answer("POST", path, how=how)
    else:
        cloud.inject_failure("POST", path, status=how)
    cloud.inject_failure("POST", "/oauth/token", status=503)
    before = customer_creations(cloud)
    with pytest.raises(CloudError):
        await world.flow.sign_in(EMAIL, PASSWORD, keep=False)
    assert customer_creations(cloud) == before + 1
    assert cloud.token_requests() == 1


# -- the staff member and the two-step code --------------------------------------------------


@pytest.fixture
async def staff_world(tmp_path: Path) -> AsyncIterator[tuple[SimulatedCloud, StaffSession]]:
    """A simulated cloud whose developer has two-step verification, and a staff session on
    it whose client waits at most a second."""
    sim = await Simulation.start(devices=0, speed=200, seed=61, mfa=True)
    async with flow_world(tmp_path, sim=sim) as world, http_client(sim.cloud.url) as http:
        secrets: MemorySecretStore[ClientSecret] = MemorySecretStore()
        yield (
            sim.cloud,
            StaffSession(cloud_client(http), tokens=MemoryTokenStore(), secrets=secrets),
        )
        del world


def current_code(cloud: SimulatedCloud) -> str:
    secret = cloud.developer.mfa_otp_secret
    assert secret is not None
    return str(pyotp.TOTP(secret).at(cloud.clock.now()))


def wrong_code(cloud: SimulatedCloud) -> str:
    return "000000" if current_code(cloud) != "000000" else "111111"


async def test_a_wrong_staff_password_is_sent_once_per_submission(
    staff_world: tuple[SimulatedCloud, StaffSession],
) -> None:
    cloud, staff = staff_world
    with pytest.raises(SignInFailed):
        await staff.sign_in(cloud.developer.username, Password("not-it-1234"), keep=False)
    assert cloud.token_requests(PASSWORD_GRANT) == 1
    assert not staff.waiting_for_code


@pytest.mark.parametrize("fault", token_faults())
async def test_a_staff_sign_in_the_cloud_fails_is_not_sent_again(
    staff_world: tuple[SimulatedCloud, StaffSession], fault: TokenFault
) -> None:
    cloud, staff = staff_world
    fault.inject(cloud)
    with pytest.raises(CloudError):
        await staff.sign_in(
            cloud.developer.username, Password(cloud.developer.password), keep=False
        )
    assert cloud.token_requests() == 1


async def test_a_wrong_two_step_code_is_sent_once_per_submission(
    staff_world: tuple[SimulatedCloud, StaffSession],
) -> None:
    cloud, staff = staff_world
    assert (
        await staff.sign_in(
            cloud.developer.username, Password(cloud.developer.password), keep=False
        )
        is None
    )
    assert staff.waiting_for_code
    with pytest.raises(MfaCodeWrong):
        await staff.verify(wrong_code(cloud))
    assert cloud.token_requests(CODE_GRANT) == 1

    with pytest.raises(FlowError):
        await staff.verify("12345")  # five digits: refused here, never sent
    assert cloud.token_requests(CODE_GRANT) == 1

    assert await staff.verify(current_code(cloud)) is not None
    assert cloud.token_requests(CODE_GRANT) == 2
    assert cloud.token_requests(PASSWORD_GRANT) == 1, "the password was not sent again"


@pytest.mark.parametrize("fault", token_faults())
async def test_a_two_step_code_the_cloud_fails_is_not_sent_again(
    staff_world: tuple[SimulatedCloud, StaffSession], fault: TokenFault
) -> None:
    cloud, staff = staff_world
    assert (
        await staff.sign_in(
            cloud.developer.username, Password(cloud.developer.password), keep=False
        )
        is None
    )
    fault.inject(cloud)
    with pytest.raises(CloudError):
        await staff.verify(current_code(cloud))
    assert cloud.token_requests(CODE_GRANT) == 1
    assert cloud.token_requests(PASSWORD_GRANT) == 1

    await staff.verify(current_code(cloud))  # the person sends it again
    assert cloud.token_requests(CODE_GRANT) == 2
    assert staff.staff is not None
