"""The real command runner: no shell, English UTF-8 output, killed at its deadline.

It runs the test interpreter itself as the "OS tool", never nmcli/netsh/networksetup.
"""

from __future__ import annotations

import asyncio
import os
import sys

import pytest

from setup_wizard.network.commands import CREATE_NO_WINDOW, SubprocessRunner, english_environment
from setup_wizard.network.errors import CommandNotFound, CommandTimedOut


async def test_arguments_reach_the_tool_verbatim_without_a_shell() -> None:
    odd = "Café: 2.4GHz \\ $HOME; rm -rf / `x` 'y' \"z\""
    result = await SubprocessRunner().run(
        [sys.executable, "-c", "import sys; print(sys.argv[1])", odd], timeout=20
    )
    assert result.returncode == 0
    assert result.stdout == odd + "\n"


async def test_exit_code_and_both_streams_are_kept() -> None:
    code = "import sys; print('out'); print('Fehler: ü', file=sys.stderr); sys.exit(10)"
    result = await SubprocessRunner().run([sys.executable, "-c", code], timeout=20)
    assert (result.returncode, result.stdout, result.stderr) == (10, "out\n", "Fehler: ü\n")
    assert result.output == "out\n\nFehler: ü\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locale variables")
async def test_tools_run_in_english_with_utf8() -> None:
    code = "import os; print(os.environ['LC_ALL'], os.environ['LANG'], 'LANGUAGE' in os.environ)"
    result = await SubprocessRunner().run([sys.executable, "-c", code], timeout=20)
    assert result.stdout.split() == ["C.UTF-8", "C.UTF-8", "False"]
    env = english_environment({"LANGUAGE": "de:fr", "LC_ALL": "de_DE.UTF-8", "PATH": "/bin"})
    assert env == {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PATH": "/bin"}


async def test_a_tool_that_hangs_is_killed_at_its_deadline() -> None:
    code = "import time; print('started', flush=True); time.sleep(60)"
    with pytest.raises(CommandTimedOut, match=r"did not finish within 0\.3 seconds"):
        await SubprocessRunner().run([sys.executable, "-c", code], timeout=0.3)


async def test_a_missing_tool_is_a_typed_error_in_plain_words() -> None:
    with pytest.raises(CommandNotFound, match="“no-such-tool-photon” is not installed"):
        await SubprocessRunner().run(["no-such-tool-photon", "--help"], timeout=5)


async def test_cancelling_a_command_kills_the_tool() -> None:
    pids: asyncio.Queue[int] = asyncio.Queue()

    async def report(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await pids.put(int(await reader.readline()))
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(report, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    code = (
        "import os, socket, time\n"
        f"with socket.create_connection(('127.0.0.1', {port})) as s:\n"
        "    s.sendall(f'{os.getpid()}\\n'.encode())\n"
        "time.sleep(60)\n"
    )
    async with server:
        task = asyncio.create_task(SubprocessRunner().run([sys.executable, "-c", code], timeout=50))
        pid = await pids.get()  # the tool is running
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed and reaped


@pytest.mark.parametrize(("platform", "flags"), [("win32", CREATE_NO_WINDOW), ("linux", None)])
async def test_on_windows_tools_start_without_a_console_window(
    monkeypatch: pytest.MonkeyPatch, platform: str, flags: int | None
) -> None:
    # A windowed app flashes a console for every netsh call unless CREATE_NO_WINDOW is set;
    # outside Windows, Popen refuses the flag. Seen at the call, since netsh is not here.
    seen: dict[str, object] = {}

    async def no_such_tool(*argv: str, **options: object) -> asyncio.subprocess.Process:
        seen.update(options)
        raise FileNotFoundError(argv[0])

    monkeypatch.setattr(asyncio, "create_subprocess_exec", no_such_tool)
    with pytest.raises(CommandNotFound):
        await SubprocessRunner(platform=platform).run(["netsh", "wlan"], timeout=5)
    assert seen.get("creationflags") == flags
    assert CREATE_NO_WINDOW == 0x08000000  # the Win32 value (Process Creation Flags)
