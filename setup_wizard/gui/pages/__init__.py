"""The wizard's pages, one module each, in journey order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from setup_wizard.gui.pages.base import FlowPage

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


def later_pages(*, staff: bool = False) -> Iterator[type[FlowPage]]:
    """The pages after Welcome, in journey order (at a bench, its own pages instead of the
    customer's sign-in). Each page's module is imported when the page is asked for: the
    window shows Welcome before they load, and builds them one per turn of the event loop
    (a module and its widgets together are a few milliseconds)."""
    if staff:
        yield from _bench_pages()
    else:
        from setup_wizard.gui.pages.sign_in import SignInPage

        yield SignInPage
    from setup_wizard.gui.pages.listening import ListeningPage

    yield ListeningPage
    from setup_wizard.gui.pages.connect import ConnectPage

    yield ConnectPage
    from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage

    yield ChooseWifiPage
    from setup_wizard.gui.pages.password import PasswordPage

    yield PasswordPage
    from setup_wizard.gui.pages.sending import SendingPage

    yield SendingPage
    from setup_wizard.gui.pages.waiting import WaitingPage

    yield WaitingPage
    from setup_wizard.gui.pages.name import NamePage

    yield NamePage
    from setup_wizard.gui.pages.done import DonePage

    yield DonePage


def _bench_pages() -> Iterator[type[FlowPage]]:
    from setup_wizard.gui.pages.staff_sign_in import StaffSignInPage

    yield StaffSignInPage
    from setup_wizard.gui.pages.two_step import TwoStepPage

    yield TwoStepPage
    from setup_wizard.gui.pages.product import ProductPage

    yield ProductPage
    from setup_wizard.gui.pages.resume import ResumePage

    yield ResumePage
    from setup_wizard.gui.pages.customer import CustomerPage

    yield CustomerPage
    from setup_wizard.gui.pages.usb_bench import UsbBenchPage

    yield UsbBenchPage


def build_pages(wizard: SetupWizard) -> list[FlowPage]:
    """The pages after Welcome, built for ``wizard``."""
    return [kind(wizard) for kind in later_pages(staff=wizard.staff)]
