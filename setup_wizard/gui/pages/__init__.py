"""The wizard's pages, one module each, in journey order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setup_wizard.gui.pages.base import FlowPage

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


def build_pages(wizard: SetupWizard) -> list[FlowPage]:
    from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
    from setup_wizard.gui.pages.connect import ConnectPage
    from setup_wizard.gui.pages.done import DonePage
    from setup_wizard.gui.pages.listening import ListeningPage
    from setup_wizard.gui.pages.name import NamePage
    from setup_wizard.gui.pages.password import PasswordPage
    from setup_wizard.gui.pages.sending import SendingPage
    from setup_wizard.gui.pages.sign_in import SignInPage
    from setup_wizard.gui.pages.waiting import WaitingPage
    from setup_wizard.gui.pages.welcome import WelcomePage

    kinds: list[type[FlowPage]] = [
        WelcomePage,
        SignInPage,
        ListeningPage,
        ConnectPage,
        ChooseWifiPage,
        PasswordPage,
        SendingPage,
        WaitingPage,
        NamePage,
        DonePage,
    ]
    return [kind(wizard) for kind in kinds]
