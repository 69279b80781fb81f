"""A simulated Particle Cloud on 127.0.0.1, written from ``shared/reference/particle-cloud-api.md``.

It serves the onboarding journey as the real cloud does (paths, auth styles, status
codes, error bodies), so any Particle Cloud client pointed at it works. Choices made where
the reference says "unverified" are stated in the docstring of the module that makes them
(``server``, ``auth``, ``tokens``, ``routes_oauth``, ``routes_products``, ``routes_devices``,
``events``, ``ratelimit``, ``exists``), each as a constant or one branch that is easy to
change.
"""

from setup_wizard.sim.cloud.exists import CustomerExistsAnswer
from setup_wizard.sim.cloud.faults import NoAnswer
from setup_wizard.sim.cloud.model import ClientInfo, CustomerView, DeveloperInfo, DeviceView
from setup_wizard.sim.cloud.server import SimulatedCloud
from setup_wizard.sim.cloud.traffic import LoggedRequest

__all__ = [
    "ClientInfo",
    "CustomerExistsAnswer",
    "CustomerView",
    "DeveloperInfo",
    "DeviceView",
    "LoggedRequest",
    "NoAnswer",
    "SimulatedCloud",
]
