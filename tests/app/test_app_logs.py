"""Where the log goes: the platform's log folder, the terminal only for what matters."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from setup_wizard.logs import LOG_FILE_NAME, configure_logging, default_log_dir


def test_the_log_file_is_in_the_platforms_log_folder() -> None:
    console = io.StringIO()
    setup = configure_logging(console=console)
    try:
        logging.getLogger("setup_wizard.test").info("an ordinary step")
        logging.getLogger("setup_wizard.test").debug("a detail")
        logging.getLogger("setup_wizard.test").warning("something to know")
    finally:
        setup.close()
    assert setup.file == default_log_dir() / LOG_FILE_NAME
    assert default_log_dir().parts[-2:] == ("photon-setup", "log")  # XDG_STATE_HOME, tests/conftest
    text = setup.file.read_text(encoding="utf-8")
    assert "INFO    setup_wizard.test: an ordinary step" in text
    assert "a detail" not in text
    assert console.getvalue() == "WARNING setup_wizard.test: something to know\n"


def test_verbose_logs_details_to_the_file_and_the_terminal(tmp_path: Path) -> None:
    console = io.StringIO()
    setup = configure_logging(directory=tmp_path, console=console, verbose=True)
    try:
        logging.getLogger("setup_wizard.test").debug("a detail")
    finally:
        setup.close()
    assert "a detail" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert console.getvalue() == "DEBUG setup_wizard.test: a detail\n"


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    console = io.StringIO()
    setup = configure_logging(directory=blocker / "log", console=console)
    try:
        logging.getLogger("setup_wizard.test").error("still reported")
    finally:
        setup.close()
    assert setup.file is None
    assert setup.file_error is not None
    assert f"cannot write the log file in {blocker / 'log'}" in setup.file_error
    assert "still reported" in console.getvalue()
