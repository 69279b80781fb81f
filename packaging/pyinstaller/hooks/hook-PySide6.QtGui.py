"""QtGui with only the plugins the wizard uses (replaces PyInstaller's own hook, whose list
takes every plugin of these kinds: GTK, EGL devices, PDF and TIFF images, …, and the
libraries they link). Choosing here, before PyInstaller follows the plugins' libraries,
keeps those libraries out too."""

from fnmatch import fnmatch
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

WANTED = {
    "platforms": [
        "*qxcb*",
        "*qoffscreen*",
        "*qwayland*",  # Linux: X11, no screen (CI), Wayland
        "*qcocoa*",  # macOS
        "qwindows*",  # Windows
    ],
    "platforms/darwin": ["*"],  # macOS: the Cocoa plugin's helper
    "platformthemes": ["*qxdgdesktopportal*"],  # Linux: file dialogs through the desktop portal
    "platforminputcontexts": ["*"],  # dead keys (compose) and IBus, to type passwords
    "wayland-shell-integration": ["*xdg-shell*"],
    "wayland-decoration-client": ["*"],
    "wayland-graphics-integration-client": ["*"],
    "iconengines": ["*qsvgicon*"],  # the app's SVG icons
    "imageformats": ["*qsvg*", "*qjpeg*", "*qgif*", "*qico*"],  # pictures; a profile's logo
}


def _wanted(source: str) -> bool:
    parts = Path(source).parts
    if "plugins" not in parts:
        return True  # a library, not a plugin
    folder = "/".join(parts[parts.index("plugins") + 1 : -1])
    return any(fnmatch(parts[-1], pattern) for pattern in WANTED.get(folder, []))


hiddenimports, _binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, destination) for source, destination in _binaries if _wanted(source)]
