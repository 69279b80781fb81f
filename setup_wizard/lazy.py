"""Package namespaces that import a submodule only when one of its names is first used.

A package's ``__init__`` that imports all its modules makes every ``import
setup_wizard.device.address`` pay for the whole device client (and through it httpx and
cryptography): the window could not show before all of the app had loaded. With
:func:`lazy_exports` (PEP 562) the package keeps its public names and ``__all__``, but
``from setup_wizard.cloud import CloudClient`` imports ``cloud/client.py`` only then.
Type checkers see the names through ``if TYPE_CHECKING:`` imports in the package.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def lazy_exports(
    package: str, sources: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose public names live in the
    submodules ``sources`` maps them from
    (``{"setup_wizard.cloud.client": ("CloudClient", …)}``)."""
    where = {name: module for module, names in sources.items() for name in names}
    namespace = sys.modules[package].__dict__

    def attribute(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # once loaded, an ordinary attribute
        return value

    def names() -> list[str]:
        return sorted({*namespace, *where})

    return attribute, names
