"""The product profile: which Particle product this copy of the app sets devices up for.

A TOML file, written once by the product's maker and shipped with the app or put in the
user's config folder (``~/.config/photon-setup/profile.toml`` on Linux)::

    product = "my-product-v1"          # the product's slug, or its ID: product = 1234
    client_id = "my-product-setup-1234"
    client_secret = "…"                # or SETUP_WIZARD_CLIENT_SECRET, or the keyring
    brand = "Acme Lights"
    logo = "acme.png"                  # relative to this file
    support_url = "https://acme.example/help"

The OAuth client is of type "installed": its secret ships inside apps and is not a strong
secret, but it is still never printed or logged. It may be left out of the file and come
from the environment or the OS keyring instead (in that order of preference: the
environment, the file, the keyring). The app reads the keyring only once its window is on
screen (:func:`with_keyring_secret`, from the runtime): a locked keyring may first ask its
owner, and loading ``keyring`` alone takes tens of milliseconds.
"""

from __future__ import annotations

import enum
import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import platformdirs

from setup_wizard.secret import ClientSecret

if TYPE_CHECKING:
    import tomllib

log = logging.getLogger(__name__)

APP_NAME = "photon-setup"
PROFILE_FILE_NAME = "profile.toml"
SECRET_ENV = "SETUP_WIZARD_CLIENT_SECRET"  # noqa: S105 - a variable's name
KEYRING_SERVICE = "photon-setup"
LOGO_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg")

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*", re.IGNORECASE)
_CLIENT_ID = re.compile(r"[^\s/?#]+")
_MAX_BRAND = 60

KEYS = ("product", "client_id", "client_secret", "brand", "logo", "support_url")

KeyringGet = Callable[[str, str], str | None]
"""``keyring.get_password``'s shape: (service, username) -> secret or None."""


class SecretSource(enum.StrEnum):
    """Where the client secret came from (safe to show; the value never is)."""

    ENVIRONMENT = "environment"
    FILE = "file"
    KEYRING = "keyring"


def keyring_username(client_id: str) -> str:
    """The keyring entry of a client's secret: ``keyring set photon-setup <this>``."""
    return f"client-secret:{client_id}"


@dataclass(frozen=True)
class ProductProfile:
    """A validated product profile; ``repr`` shows no secret."""

    path: Path
    product: int | str
    """The product's numeric ID, or its slug."""
    client_id: str
    client_secret: ClientSecret | None
    """None while it waits in the keyring, not yet read (:func:`with_keyring_secret`)."""
    secret_source: SecretSource
    brand: str | None = None
    """The name shown in the window's title and pages; None: "Photon Setup"."""
    logo: Path | None = None
    """An existing image file (absolute path)."""
    support_url: str | None = None

    @property
    def product_ref(self) -> str:
        """The product as it goes in an API path (``/v1/products/<this>/…``)."""
        return str(self.product)


@dataclass(frozen=True)
class ProfileProblem:
    key: str | None
    message: str
    line: int | None = None


class ProfileError(Exception):
    """The profile cannot be used; ``str()`` names the file, and each problem's line and key."""

    def __init__(self, path: Path, problems: list[ProfileProblem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [self._where(problem) + problem.message for problem in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{self.path}: {len(lines)} problems in the product profile:\n" + "\n".join(
            f"  {line}" for line in lines
        )

    def _where(self, problem: ProfileProblem) -> str:
        line = f":{problem.line}" if problem.line else ""
        return f"{self.path}{line}: "


def default_profile_path() -> Path:
    """``profile.toml`` in the user's config folder (``~/.config/photon-setup`` on Linux)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / PROFILE_FILE_NAME


def find_profile(explicit: Path | None) -> Path | None:
    """The profile to load: ``explicit`` (``--product-profile``), else the default file if
    it exists, else None (no profile: the app runs its simulation)."""
    if explicit is not None:
        return explicit
    default = default_profile_path()
    return default if default.exists() else None


def keyring_get_password(service: str, username: str) -> str | None:
    """The OS keyring's entry, or None when there is none or the keyring refuses."""
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(service, username)
    except keyring.errors.KeyringError as error:
        log.info("no client secret from the keyring (%s)", type(error).__name__)
        return None


def load_profile(
    path: Path,
    *,
    environ: Mapping[str, str] = os.environ,
    keyring_get: KeyringGet | None = keyring_get_password,
) -> ProductProfile:
    """Read and validate the profile at ``path``; raises :class:`ProfileError`.

    With ``keyring_get`` None, a client secret that neither the environment nor the file
    gives is left in the keyring for :func:`with_keyring_secret` (``client_secret`` None).
    """
    import tomllib  # only with a profile: the simulation needs none

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProfileError(
            path,
            [ProfileProblem(None, f"cannot read the product profile: {error.strerror or error}")],
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError(
            path, [ProfileProblem(None, "the product profile must be UTF-8 text")]
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(path, [_syntax_problem(error)]) from None
    except (ValueError, RecursionError):  # a number of 4300+ digits; lists nested too deep
        problem = ProfileProblem(None, "not valid TOML: a value is too long or nested too deep")
        raise ProfileError(path, [problem]) from None
    return _validate(data, path, text, environ, keyring_get)


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def with_keyring_secret(
    profile: ProductProfile, keyring_get: KeyringGet = keyring_get_password
) -> ProductProfile:
    """``profile`` with its client secret read from the keyring if it waits there; raises
    :class:`ProfileError` (saying how to put it there) when the keyring has none. May block:
    call it in a worker thread."""
    if profile.client_secret is not None:
        return profile
    found = keyring_get(KEYRING_SERVICE, keyring_username(profile.client_id))
    if not found:
        raise ProfileError(profile.path, [_secret_missing(profile.client_id)])
    return replace(profile, client_secret=ClientSecret(found))


def _secret_missing(client_id: str) -> ProfileProblem:
    return ProfileProblem(
        "client_secret",
        'client_secret is missing: write client_secret = "…" in this file, or set '
        f"the environment variable {SECRET_ENV}, or keep it in the keyring with: "
        f"keyring set {KEYRING_SERVICE} {keyring_username(client_id)}",
    )


def _syntax_problem(error: tomllib.TOMLDecodeError) -> ProfileProblem:
    """tomllib's own words, with its line moved into the ``file:line:`` prefix."""
    message = str(error)
    line: int | None = None
    found = _AT.search(message)
    if found:
        line, column = int(found.group(1)), found.group(2)
        message = f"{message[: found.start()]} at column {column}"
    else:
        message = _AT_END.sub(" at the end of the file", message)
    hint = ""
    if message.startswith("Invalid value"):
        hint = '; text needs quotes, as in brand = "Acme Lights"'
    return ProfileProblem(None, f"not valid TOML: {message}{hint}", line)


_ASSIGNMENT = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([^\s=]+))\s*=""")


def _key_lines(text: str) -> dict[str, int]:
    """The line where each key is first assigned (tomllib does not say), read in one pass:
    one search of the whole text per key would take time in the square of its length."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        found = _ASSIGNMENT.match(line)
        if found:
            lines.setdefault(next(group for group in found.groups() if group is not None), number)
    return lines


def _kind(value: Any) -> str:
    """What a wrongly typed value is, without showing it (it may be a secret)."""
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _validate(
    data: dict[str, Any],
    path: Path,
    text: str,
    environ: Mapping[str, str],
    keyring_get: KeyringGet | None,
) -> ProductProfile:
    problems: list[ProfileProblem] = []
    key_lines = _key_lines(text)

    def problem(key: str, message: str) -> None:
        problems.append(ProfileProblem(key, message, key_lines.get(key)))

    for key in data:
        if key not in KEYS:
            import difflib  # only for a profile with a mistake

            close = difflib.get_close_matches(key, KEYS, n=1)
            guess = f' (did you mean "{close[0]}"?)' if close else ""
            problem(key, f'unknown key "{key}"{guess}; the keys are: {", ".join(KEYS)}')

    product = _product(data.get("product"), problem)
    client_id = _client_id(data.get("client_id"), problem)
    secret, source = _client_secret(data.get("client_secret"), client_id, environ, problem)
    brand = _brand(data.get("brand"), problem)
    logo = _logo(data.get("logo"), path, problem)
    support_url = _support_url(data.get("support_url"), problem)

    if secret is None and client_id is not None and "client_secret" not in data:
        source = SecretSource.KEYRING
        if keyring_get is not None:
            found = keyring_get(KEYRING_SERVICE, keyring_username(client_id))
            if found:
                secret = ClientSecret(found)
            else:
                problems.append(_secret_missing(client_id))

    if problems or product is None or client_id is None or source is None:
        raise ProfileError(path, problems)
    return ProductProfile(
        path=path,
        product=product,
        client_id=client_id,
        client_secret=secret,
        secret_source=source,
        brand=brand,
        logo=logo,
        support_url=support_url,
    )


Report = Callable[[str, str], None]


def _product(value: Any, problem: Report) -> int | str | None:
    example = 'write product = 1234 (the product\'s ID) or product = "my-product-v1" (its slug)'
    if value is None:
        problem("product", f"product is missing: {example}")
        return None
    if isinstance(value, str) and _is_number(value.strip()):
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool):
        if value > 0:
            return value
        problem("product", f"product must be a positive number or a slug: {example}")
        return None
    if isinstance(value, str) and _SLUG.fullmatch(value.strip()):
        return value.strip()
    shown = f'"{value}"' if isinstance(value, str) else _kind(value)
    problem("product", f'product must be a number or a slug like "my-product-v1", not {shown}')
    return None


def _is_number(text: str) -> bool:
    """ASCII digits, as many as an ID has: "²" is a digit to ``isdigit()`` but not to
    ``int()``, and ``int()`` refuses 4300 digits or more."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def _client_id(value: Any, problem: Report) -> str | None:
    if value is None:
        problem(
            "client_id",
            'client_id is missing: write client_id = "…", the ID of the product\'s OAuth '
            'client of type "installed" (Particle console: the product\'s Authentication page)',
        )
        return None
    if not isinstance(value, str) or not _CLIENT_ID.fullmatch(value.strip()):
        shown = "text with spaces or slashes" if isinstance(value, str) else _kind(value)
        problem(
            "client_id",
            f"client_id must be the OAuth client's ID in quotes, as in client_id = "
            f'"my-product-setup-1234", not {shown}',
        )
        return None
    return value.strip()


def _client_secret(
    value: Any, client_id: str | None, environ: Mapping[str, str], problem: Report
) -> tuple[ClientSecret | None, SecretSource | None]:
    from_env = environ.get(SECRET_ENV, "").strip()
    if from_env:
        return ClientSecret(from_env), SecretSource.ENVIRONMENT
    if value is None:
        return None, None
    if not isinstance(value, str) or not value.strip():
        shown = "empty" if isinstance(value, str) else _kind(value)
        problem(
            "client_secret",
            f'client_secret must be the OAuth client\'s secret in quotes (client_secret = "…"), '
            f"not {shown}; or leave it out and set {SECRET_ENV}",
        )
        return None, None
    return ClientSecret(value.strip()), SecretSource.FILE


def _brand(value: Any, problem: Report) -> str | None:
    if value is None:
        return None
    brand = value.strip() if isinstance(value, str) else ""
    if brand and len(brand) <= _MAX_BRAND:
        return brand
    if not isinstance(value, str):
        shown = _kind(value)
    else:
        shown = f"{len(brand)} characters" if brand else "empty text"
    problem(
        "brand",
        f"brand must be a short name in quotes (at most {_MAX_BRAND} characters), as in "
        f'brand = "Acme Lights", not {shown}',
    )
    return None


def _logo(value: Any, profile_path: Path, problem: Report) -> Path | None:
    if value is None:
        return None
    name = value.strip() if isinstance(value, str) else ""
    if not name:
        shown = "empty text" if isinstance(value, str) else _kind(value)
        problem("logo", f'logo must be a file name in quotes, as in logo = "logo.png", not {shown}')
        return None
    try:
        logo = (profile_path.parent / name).resolve()
        found = logo.is_file()
    except (OSError, ValueError):  # a NUL character, a name longer than the system allows
        problem("logo", 'logo must be the name of an image file, as in logo = "logo.png"')
        return None
    if logo.suffix.lower() not in LOGO_SUFFIXES:
        problem("logo", f"logo must be a {', '.join(LOGO_SUFFIXES)} image, not {logo.name}")
        return None
    if not found:
        problem(
            "logo",
            f"logo file not found: {logo} (a relative name is read from the profile's folder)",
        )
        return None
    return logo


def _support_url(value: Any, problem: Report) -> str | None:
    if value is None:
        return None
    example = 'as in support_url = "https://example.com/help" (or "mailto:help@example.com")'
    if not isinstance(value, str):
        problem("support_url", f"support_url must be a web address in quotes, {example}")
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # "http://[not-an-address/"
        ok = False
    else:
        ok = (parts.scheme in ("https", "http") and bool(parts.netloc)) or (
            parts.scheme == "mailto" and "@" in parts.path
        )
    if not ok:
        problem(
            "support_url",
            f'support_url must start with https:// (or mailto:), {example}, not "{value}"',
        )
        return None
    return value.strip()
