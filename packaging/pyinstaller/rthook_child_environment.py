"""PyInstaller runtime hook: the system tools the app runs get the system's library path.

On Linux the bootloader puts the bundle's own folder first on ``LD_LIBRARY_PATH`` (keeping
the caller's value in ``LD_LIBRARY_PATH_ORIG``). This process no longer needs it once it
runs (the dynamic loader read it at start), but ``nmcli`` and ``ldd`` would inherit it and
load the bundle's copies of system libraries instead of their own.
"""

import os
import sys

if sys.platform.startswith("linux"):
    _original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if _original is not None:
        os.environ["LD_LIBRARY_PATH"] = _original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
