"""Before Qt: no display, or a library Qt needs, is one line with the command that fixes it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from setup_wizard.gui.platform_check import (
    DEBIAN_PACKAGES,
    DisplayProblem,
    find_problem,
    install_command,
    missing_libraries,
    qt_plugin_dir,
)

DEBIAN = {"ID": "debian", "PRETTY_NAME": "Debian GNU/Linux 12 (bookworm)"}
UBUNTU = {"ID": "ubuntu", "ID_LIKE": "debian"}
FEDORA = {"ID": "fedora"}

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""
LDD_COMPLETE = "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)\n"


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    for name in ("libqxcb.so", "libqwayland.so", "libqoffscreen.so"):
        (tmp_path / name).write_bytes(b"\x7fELF")
    return tmp_path


def check(
    plugins: Path,
    env: Mapping[str, str],
    *,
    ldd: Mapping[str, str | None] | None = None,
    release: Mapping[str, str] = DEBIAN,
    root: bool = False,
    system: str = "linux",
) -> DisplayProblem | None:
    outputs = ldd or {}
    return find_problem(
        environ=env,
        system=system,
        plugin_dir=plugins,
        ldd=lambda path: outputs.get(path.name, LDD_COMPLETE),
        os_release=lambda: release,
        root=root,
    )


def test_no_display_is_named(plugins: Path) -> None:
    problem = check(plugins, {})
    assert problem is not None
    assert problem.line() == (
        "setup-wizard cannot open its window: there is no display (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set). Start it from a desktop session (or over SSH with ssh -X)."
    )


def test_missing_xcb_libraries_give_the_apt_command(plugins: Path) -> None:
    problem = check(plugins, {"DISPLAY": ":0"}, ldd={"libqxcb.so": LDD_MISSING})
    assert problem is not None
    assert problem.line() == (
        "setup-wizard cannot open its window: Qt needs libraries that are not installed "
        "(libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1). Install them with: "
        "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )


def test_no_display_and_missing_libraries_are_said_together(plugins: Path) -> None:
    problem = check(plugins, {}, ldd={"libqxcb.so": LDD_MISSING}, release=UBUNTU, root=True)
    assert problem is not None
    line = problem.line()
    assert "there is no display" in line
    assert line.endswith(
        "Install them with: apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )
    assert "\n" not in line


def test_other_systems_get_their_own_command_or_the_library_names(plugins: Path) -> None:
    fedora = check(plugins, {"DISPLAY": ":0"}, ldd={"libqxcb.so": LDD_MISSING}, release=FEDORA)
    assert fedora is not None
    assert fedora.fix == (
        "Install them with: sudo dnf install 'libxcb-cursor.so.0()(64bit)' "
        "'libxcb-icccm.so.4()(64bit)' 'libxcb-keysyms.so.1()(64bit)'"
    )
    other = check(plugins, {"DISPLAY": ":0"}, ldd={"libqxcb.so": LDD_MISSING}, release={})
    assert other is not None
    assert "libxcb-icccm.so.4" in other.reason
    assert other.fix == "Install the packages that provide them with the system's package manager."


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600"])
def test_a_headless_qt_platform_needs_no_display(plugins: Path, platform: str) -> None:
    assert check(plugins, {"QT_QPA_PLATFORM": platform}, ldd={"libqxcb.so": LDD_MISSING}) is None


def test_a_wayland_session_does_not_need_the_xcb_libraries(plugins: Path) -> None:
    env = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert check(plugins, env, ldd={"libqxcb.so": LDD_MISSING}) is None


def test_wayland_display_alone_does_not_make_qt_use_wayland(plugins: Path) -> None:
    problem = check(plugins, {"WAYLAND_DISPLAY": "wayland-0"})
    assert problem is not None
    assert "QT_QPA_PLATFORM=wayland" in problem.reason


def test_a_display_with_complete_libraries_passes(plugins: Path) -> None:
    assert check(plugins, {"DISPLAY": ":0"}) is None


def test_without_ldd_only_the_display_is_checked(plugins: Path) -> None:
    assert check(plugins, {"DISPLAY": ":0"}, ldd={"libqxcb.so": None}) is None


def test_other_systems_are_not_checked(plugins: Path) -> None:
    assert check(plugins, {}, system="darwin") is None
    assert check(plugins, {}, system="win32") is None


def test_every_library_the_real_plugins_link_to_has_a_debian_package() -> None:
    directory = qt_plugin_dir()
    objdump = shutil.which("objdump")
    if directory is None or objdump is None or not sys.platform.startswith("linux"):
        pytest.skip("needs PySide6's Linux plugins and objdump")
    runtime = {"libc.so.6", "libm.so.6", "libgcc_s.so.1", "libstdc++.so.6", "libdl.so.2"}
    runtime |= {"libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"}
    for plugin in ("libqxcb.so", "libqoffscreen.so"):
        seen: set[str] = set()
        todo = [directory / plugin]
        while todo:
            library = todo.pop()
            dump = subprocess.run(  # noqa: S603
                [objdump, "-p", str(library)], capture_output=True, text=True, check=True
            ).stdout
            for line in dump.splitlines():
                if line.strip().startswith("NEEDED"):
                    name = line.split()[1]
                    bundled = directory.parent.parent / "lib" / name
                    if bundled.exists() and name not in seen:
                        todo.append(bundled)
                    elif not bundled.exists() and name not in runtime:
                        assert name in DEBIAN_PACKAGES, f"{plugin} needs {name}"
                    seen.add(name)


def test_the_real_ldd_agrees_on_this_machine() -> None:
    directory = qt_plugin_dir()
    ldd = shutil.which("ldd")
    if directory is None or ldd is None:
        pytest.skip("needs ldd and PySide6's Linux plugins")
    from setup_wizard.gui.platform_check import run_ldd

    missing = missing_libraries(directory / "libqxcb.so", run_ldd)
    output = subprocess.run(  # noqa: S603
        [ldd, str(directory / "libqxcb.so")],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert sorted(missing) == sorted(
        {line.split()[0] for line in output.splitlines() if "not found" in line}
    )
    assert install_command(missing, DEBIAN) is not None or not missing


def _can_hide_libraries() -> str | None:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return "hiding a library needs root on Linux (a private mount namespace)"
    if shutil.which("unshare") is None:
        return "no unshare"
    if not Path("/etc/debian_version").exists():
        return "the expected command is apt's"
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)  # noqa: S607
    if probe.returncode != 0:
        return "mount namespaces are not permitted here"
    return None


def test_a_library_hidden_from_qt_is_named_with_its_package(tmp_path: Path) -> None:
    """As a new user on a minimal Linux meets it: libxcb-cursor0 missing. The library is
    hidden with an overlay in a mount namespace this test creates, so nothing else sees it."""
    reason = _can_hide_libraries()
    if reason:
        pytest.skip(reason)
    directory = qt_plugin_dir()
    ldd = shutil.which("ldd")
    assert directory is not None
    assert ldd is not None
    linked = subprocess.run(  # noqa: S603
        [ldd, str(directory / "libqxcb.so")],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found = [
        line.split("=>")[1].split()[0] for line in linked.splitlines() if "libxcb-cursor" in line
    ]
    if not found or found[0] == "not":
        pytest.skip("libxcb-cursor0 is not installed, so there is nothing to hide")
    libdir = Path(found[0]).resolve().parent
    hidden = sorted(libdir.glob("libxcb-cursor.so.0*"))
    upper, work = tmp_path / "upper", tmp_path / "work"
    upper.mkdir()
    work.mkdir()
    for library in hidden:
        os.mknod(upper / library.name, 0o600 | 0o020000, os.makedev(0, 0))  # an overlay whiteout
    script = (
        f"mount -t overlay overlay -o lowerdir={libdir},upperdir={upper},workdir={work} {libdir}"
        f" || exit 99; exec {sys.executable} -m setup_wizard --simulate"
    )
    env = dict(os.environ, DISPLAY=":0")
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("XDG_SESSION_TYPE", None)
    done = subprocess.run(  # noqa: S603
        ["unshare", "-m", "sh", "-c", script],  # noqa: S607
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode == 99:
        pytest.skip(f"overlay mounts are not permitted here: {done.stderr.strip()}")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "libxcb-cursor.so.0" in lines[0]
    assert "apt-get install" in lines[0]
    assert "libxcb-cursor0" in lines[0].split("apt-get install", 1)[1].split()
