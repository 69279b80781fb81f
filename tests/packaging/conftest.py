"""The bundle ``make test`` built: it builds ``dist/photon-setup/`` first and names it in
``PHOTON_SETUP_BUNDLE``. Without that variable these tests are skipped (``make dist`` builds
the bundle by hand); with it, a missing bundle fails."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bundle_runner import BUNDLE_VARIABLE, Bundle, python_installations, why_python_is_visible


@pytest.fixture(scope="session")
def built_bundle() -> Path:
    """The folder ``make test`` built; the tests are skipped without one."""
    named = os.environ.get(BUNDLE_VARIABLE)
    if not named:
        pytest.skip(f"no bundle: `make test` builds it and names it in {BUNDLE_VARIABLE}")
    folder = Path(named)
    if not (folder / "photon-setup").is_file():
        pytest.fail(f"{BUNDLE_VARIABLE}={named}, but it holds no photon-setup: run `make dist`")
    return folder


@dataclass(frozen=True)
class _Download:
    folder: Path
    hidden: list[Path]
    why_not_hidden: str | None


@pytest.fixture(scope="session")
def _download(built_bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> _Download:
    """One copy of the bundle outside the repository, as if downloaded and unpacked."""
    folder = tmp_path_factory.mktemp("downloaded") / "photon-setup"
    shutil.copytree(built_bundle, folder, symlinks=True)
    why_not = why_python_is_visible()
    hidden = [] if why_not else python_installations()
    assert not any(h == folder or h in folder.parents for h in hidden), "the copy stays visible"
    return _Download(folder, hidden, why_not)


@pytest.fixture
def bundle(_download: _Download, tmp_path: Path) -> Iterator[Bundle]:
    """The bundle's copy, run with a home folder of this test's own."""
    home = tmp_path / "home"
    home.mkdir()
    result = Bundle(_download.folder, home, _download.hidden, _download.why_not_hidden)
    yield result
    result.close()
