"""The bench: a support person sets up devices one after another, each for its customer,
from a work list or typed in, every one recorded in the ledger as it happens.

It ties the staff session (who is signed in, which product and client), the onboarding flow
(the device steps, the same as at home) and the ledger together, and remembers each Wi-Fi
network's password for the session so that a repeat asks for nothing it already knows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from setup_wizard import redact
from setup_wizard.flow.errors import NotReady
from setup_wizard.flow.events import FlowEvent, StageChanged
from setup_wizard.flow.ledger import Ledger, Outcome, ResumeAt, SetupRow
from setup_wizard.flow.links import LinkKind
from setup_wizard.flow.onboarding import Onboarding
from setup_wizard.flow.secret_store import SecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.flow.stages import Stage, StageStatus
from setup_wizard.flow.state import Account
from setup_wizard.flow.worklist import WorkItem
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.secret import Password, Secret, WifiPassword

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """One device to set up: for whom, on which network, under which name."""

    customer: str
    ssid: str | None = None
    device_name: str | None = None
    customer_password: Password | None = None
    """For a new customer who should get a password (None: a customer without one)."""
    work_line: int | None = None


class WifiPasswords:
    """Each network's password, asked once per session; kept in the keyring only if asked."""

    def __init__(self, keyring: SecretStore[WifiPassword] | None = None) -> None:
        self._known: dict[str, WifiPassword] = {}
        self._keyring = keyring

    @property
    def can_keep(self) -> bool:
        """A keyring is there to keep passwords in beyond this session (``put(keep=True)``)."""
        return self._keyring is not None

    async def get(self, ssid: str) -> WifiPassword | None:
        known = self._known.get(ssid)
        if known is None and self._keyring is not None:
            known = await self._keyring.load(ssid)
            if known is not None:
                redact.remember(known)
                self._known[ssid] = known
        return known

    async def put(self, ssid: str, password: WifiPassword, *, keep: bool = False) -> None:
        redact.remember(password)
        self._known[ssid] = password
        if keep and self._keyring is not None:
            await self._keyring.save(ssid, password)


class Bench:
    def __init__(
        self,
        staff: StaffSession,
        flow: Onboarding,
        ledger: Ledger,
        *,
        wifi_passwords: WifiPasswords | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.staff = staff
        self.flow = flow
        self.ledger = ledger
        self.wifi_passwords = wifi_passwords or WifiPasswords()
        self._clock = clock
        self.job: Job | None = None
        self.setup_id: int | None = None
        self._first_step = 0
        self._device_secrets: list[Secret | None] = []
        """What was remembered for the log's scrubber for this device only."""
        self.work: list[WorkItem] = []
        self.work_list: str | None = None
        flow.events.subscribe(self._on_event)

    # -- the work list -------------------------------------------------------------------

    def load_work(self, items: list[WorkItem], source: Path) -> None:
        self.work = items
        self.work_list = str(source)

    def remaining(self) -> list[WorkItem]:
        """Rows whose device is not online yet, in the file's order."""
        if self.work_list is None:
            return []
        done = self.ledger.done_lines(self.work_list)
        return [item for item in self.work if item.line not in done]

    def next_job(self) -> Job | None:
        rest = self.remaining()
        if not rest:
            return None
        item = rest[0]
        return Job(item.customer, item.ssid, item.device_name, work_line=item.line)

    # -- one device ---------------------------------------------------------------------

    async def start(self, job: Job) -> Account:
        """Open the customer (create, or a customer-scoped token), give the flow a fresh
        claim code for them, and open the device's row in the ledger."""
        staff, product = self.staff.staff, self.staff.product
        if staff is None or product is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Sign in and choose the product first."))
        self._forget_device_secrets()  # of a start that failed before its row
        account = await self.staff.open_customer(job.customer, job.customer_password)
        grant = account.grant
        self._device_secrets = [grant.access_token, grant.refresh_token, job.customer_password]
        self.flow.start_over()
        self.flow.use_customer(account, product=product.id, team=self.staff.team())
        await self.flow.prepare_claim()
        self.job = job
        self.setup_id = self.ledger.begin(
            operator=staff.username,
            product=product.slug or str(product.id),
            customer=account.email,
            ssid=job.ssid,
            device_name=job.device_name,
            work_list=self.work_list if job.work_line is not None else None,
            work_line=job.work_line,
        )
        self._first_step = 0
        log.info("bench: device %d for %s", self.setup_id, account.email)
        return account

    def finish(self, outcome: Outcome, error: str | None = None) -> None:
        """The device's setup ended (Online only when it is online and the customer's)."""
        self._forget_device_secrets()
        if self.setup_id is None:
            return
        self._record()
        self.ledger.finish(self.setup_id, outcome, error)
        self.setup_id = None

    def _forget_device_secrets(self) -> None:
        """The customer's token (and password) and the claim code served this device only:
        the log's scrubber stops looking for them, so that it does not grow with every
        device."""
        claim = self.flow.state.claim
        redact.forget(*self._device_secrets, claim.claim_code if claim is not None else None)
        self._device_secrets = []

    def abandon(self, row: SetupRow) -> None:
        """The person chose not to resume the device an earlier run left in progress."""
        if row.outcome is not Outcome.IN_PROGRESS:
            raise ValueError("only a setup in progress can be abandoned")
        self.ledger.finish(row.id, Outcome.CANCELLED, "abandoned after an interruption")

    async def resume(self, row: SetupRow) -> ResumeAt:
        """Carry on with the device that was in progress when the app stopped: the customer
        is opened again (a new customer-scoped token), and the flow is put where the ledger
        says the device was. Returns where to go on from."""
        if row.outcome is not Outcome.IN_PROGRESS:
            raise ValueError("only a setup in progress can be resumed")
        staff, product = self.staff.staff, self.staff.product
        if staff is None or product is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Sign in and choose the product first."))
        self._forget_device_secrets()
        account = await self.staff.open_customer(row.customer, None)
        self._device_secrets = [account.grant.access_token, account.grant.refresh_token]
        self.flow.start_over()
        self.flow.use_customer(account, product=product.id, team=self.staff.team())
        self.job = Job(row.customer, row.ssid, row.device_name, work_line=row.work_line)
        self.setup_id = row.id
        self._first_step = self.ledger.step_count(row.id)
        if row.resume_at is ResumeAt.CLOUD and row.device_id and row.connected_at:
            self.flow.resume_waiting(row.device_id, row.connected_at)
            return ResumeAt.CLOUD
        if row.resume_at is ResumeAt.NAME and row.device_id and row.connected_at:
            self.flow.resume_waiting(row.device_id, row.connected_at)
            return ResumeAt.NAME
        await self.flow.prepare_claim()
        return ResumeAt.DEVICE

    # -- recording ----------------------------------------------------------------------

    def _on_event(self, event: FlowEvent) -> None:
        if self.setup_id is None or not isinstance(event, StageChanged):
            return
        self._record()
        record = event.record
        if record.stage is self._sends_it_off():
            self._note_sent_off(record.status)
        if record.status is not StageStatus.DONE:
            return
        state = self.flow.state
        if record.stage is Stage.READ_DEVICE and state.device_id:
            self.ledger.update(self.setup_id, device_id=state.device_id)
        elif record.stage is Stage.SEND_WIFI and state.choice is not None:
            self.ledger.update(self.setup_id, ssid=state.choice.ssid)
        elif record.stage is Stage.CONNECT and state.connected_at is not None:
            self.ledger.update(
                self.setup_id, resume_at=ResumeAt.CLOUD, connected_at=state.connected_at
            )
        elif record.stage is Stage.CLOUD_ONLINE:
            self.ledger.update(self.setup_id, resume_at=ResumeAt.NAME)
        elif record.stage is Stage.NAME and state.device_name:
            self.ledger.update(self.setup_id, device_name=state.device_name)

    def _sends_it_off(self) -> Stage:
        """The step after which the Photon leaves listening mode: ``connect-ap`` over Wi-Fi;
        over a cable the console's Wi-Fi dialogue, whose end sends it off by itself."""
        return Stage.SEND_WIFI if self.flow.link_kind is LinkKind.USB else Stage.CONNECT

    def _note_sent_off(self, status: StageStatus) -> None:
        """From the moment that step starts, the Photon may be on its way to the cloud
        whatever becomes of this process, so a resume waits for it there; only a failure of
        the step (the device never got it, or refused it) means it stayed."""
        assert self.setup_id is not None
        if status is StageStatus.RUNNING:
            self.ledger.update(
                self.setup_id, resume_at=ResumeAt.CLOUD, connected_at=self.flow.services.now()
            )
        elif status is StageStatus.FAILED:
            self.ledger.update(self.setup_id, resume_at=ResumeAt.DEVICE)

    def _record(self) -> None:
        if self.setup_id is not None:
            self.ledger.record_steps(
                self.setup_id, self.flow.timeline, self._clock(), start=self._first_step
            )
