"""The one place that talks to the OS keyring (after Vorta's ``keyring/abc.py``).

Secrets go only into a real OS store (Secret Service, KWallet, macOS Keychain, Windows
Credential Manager). When ``keyring`` would fall back to something weaker — its fail or null
backend, a ``keyrings.alt`` file, a low-priority backend — storing is refused with an
explanation of how to fix it: never a silent plaintext fallback. Values are never logged.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

# keyring (and the D-Bus libraries behind it) load when a secret is first looked up: a command
# given its credentials in the environment never pays for them
if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

from iauth_desktop.core.config.profiles import validate_profile_name
from iauth_desktop.core.model.errors import InsecureKeyringError, UsageError
from iauth_desktop.core.model.messages import Detail, said

log = logging.getLogger(__name__)
# One keyring conversation at a time per process: threads that open stores at once (a team's
# worker threads each reading the database password) never crowd the Secret Service.
KEYRING_CALLS = threading.Lock()

SERVICE = "iauth-desktop"
SecretKind = Literal["secret_key", "aes_key"]
DATABASE_PREFIX = "database:"  # a team database login's password: "database:user@host:port/db"
KINDS: tuple[SecretKind, ...] = get_args(SecretKind)


@dataclass(frozen=True)
class KeyringStatus:
    """Which keyring backend is active and whether secrets may be stored in it."""

    backend: str
    secure: bool
    explanation: str


def keyring_status(backend: KeyringBackend | None = None) -> KeyringStatus:
    """Describe ``backend`` (default: the one ``keyring`` chose) for the reviewer."""
    import keyring  # noqa: PLC0415 - on first use (see above)

    active = keyring.get_keyring() if backend is None else backend
    name = _display_name(active)
    problem = _insecurity(active)
    if problem is None:
        return KeyringStatus(name, secure=True, explanation=f"secrets are kept in {name}")
    return KeyringStatus(
        name,
        secure=False,
        explanation=f"the keyring backend {name} is not a secure OS keyring ({problem}). "
        + _how_to_fix(),
    )


def _display_name(backend: KeyringBackend) -> str:
    from keyring.backends import chainer  # noqa: PLC0415

    if isinstance(backend, chainer.ChainerBackend):
        members = ", ".join(_display_name(member) for member in backend.backends)
        return f"chainer ({members or 'empty'})"
    return str(backend.name)


def _insecurity(backend: KeyringBackend) -> str | None:
    """Why ``backend`` must not hold secrets, or None when it is a real OS store."""
    from keyring.backends import chainer, fail, null  # noqa: PLC0415
    from keyring.errors import KeyringError  # noqa: PLC0415

    if isinstance(backend, chainer.ChainerBackend):
        return _chainer_insecurity(backend)
    problem: str | None = None
    if isinstance(backend, fail.Keyring):
        problem = "no OS keyring was found"
    elif isinstance(backend, null.Keyring):
        problem = "the keyring is disabled"
    elif type(backend).__module__.startswith("keyrings.alt"):
        problem = "it keeps secrets in a file on disk"
    else:
        try:
            priority = float(backend.priority)
        except (RuntimeError, ImportError, KeyringError) as exc:
            return f"it is not available: {exc}"
        if priority <= 0:
            problem = f"keyring rates it as not recommended (priority {priority:g})"
    return problem


def _chainer_insecurity(backend: KeyringBackend) -> str | None:
    members = list(backend.backends)  # type: ignore[attr-defined]  # a ChainerBackend
    if not members:
        return "it chains no keyring at all"
    # The chainer writes to its first member: that one decides.
    first = _insecurity(members[0])
    return None if first is None else f"its first member {_display_name(members[0])}: {first}"


def _how_to_fix() -> str:
    forced = os.environ.get("PYTHON_KEYRING_BACKEND")
    prefix = f"PYTHON_KEYRING_BACKEND={forced} forces this backend: unset it. " if forced else ""
    if sys.platform == "win32":
        advice = (
            "On Windows the Credential Manager is used: check that keyring's Windows backend "
            "can load and that no keyringrc.cfg selects another backend."
        )
    elif sys.platform == "darwin":
        advice = (
            "On macOS the login Keychain is used: unlock it, and check that no keyringrc.cfg "
            "selects another backend."
        )
    else:
        advice = (
            "Install and unlock a Secret Service keyring in your session: GNOME Keyring "
            "(apt install gnome-keyring) or KWallet. Without a desktop session, run under "
            "dbus-run-session with `gnome-keyring-daemon --unlock --components=secrets`."
        )
    return (
        prefix
        + advice
        + " Meanwhile IAUTH_SECRET_KEY and IAUTH_AES_KEY supply the secrets for one run."
    )


class SecretStore:
    """A profile's secret key and AES key in the OS keyring, under one service name.

    Items are stored with keyring's attributes ``service`` = ``self.service`` and
    ``username`` = ``"<profile>/<kind>"`` (see ``username``).
    """

    def __init__(self, service: str = SERVICE, backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend
        self.last_error: str | None = None
        """Why the last ``get``/``delete`` could not reach the keyring; None when it could."""

    @property
    def backend(self) -> KeyringBackend:
        import keyring  # noqa: PLC0415

        return keyring.get_keyring() if self._backend is None else self._backend

    def status(self) -> KeyringStatus:
        return keyring_status(self.backend)

    @staticmethod
    def username(profile: str, kind: SecretKind) -> str:
        if kind not in KINDS:
            raise UsageError(said("secret.unknown_kind", kind=repr(kind), kinds=", ".join(KINDS)))
        return f"{validate_profile_name(profile)}/{kind}"

    def get(self, profile: str, kind: SecretKind) -> str | None:
        """The stored value, or None when absent or the keyring is unusable (see last_error)."""
        return self._get(self.username(profile, kind))

    def get_database_password(self, key: str) -> str | None:
        """A team database login's password (``key``: ``user@host:port/dbname``), or None."""
        return self._get(DATABASE_PREFIX + key)

    def set_database_password(self, key: str, value: str) -> None:
        """Store a team database login's password; InsecureKeyringError on an insecure store."""
        if not value:
            raise UsageError("the database password is empty; nothing was stored")
        self._store(
            DATABASE_PREFIX + key,
            value,
            lambda backend, reason: f"{backend} refused to store the database password: {reason}",
        )

    def _get(self, username: str) -> str | None:
        from keyring.errors import KeyringError  # noqa: PLC0415

        backend = self.backend
        status = keyring_status(backend)
        if not status.secure:
            self.last_error = status.explanation
            return None
        try:
            with KEYRING_CALLS:
                value = backend.get_password(self.service, username)
        except KeyringError as exc:
            self.last_error = f"{status.backend} could not be read: {exc}"
            log.warning("keyring %s: reading %s failed: %s", status.backend, username, exc)
            return None
        self.last_error = None
        return value

    def set(self, profile: str, kind: SecretKind, value: str) -> None:
        """Store a value; InsecureKeyringError when the backend is not a secure OS store."""
        username = self.username(profile, kind)
        if not value:
            raise UsageError(said("secret.empty", kind=said(f"secret.kind.{kind}")))
        self._store(
            username,
            value,
            lambda backend, reason: said(
                "secret.store_refused",
                backend=backend,
                kind=said(f"secret.kind.{kind}"),
                profile=repr(profile),
                reason=reason,
            ),
        )

    def _store(
        self, username: str, value: str, refused: Callable[[str, str], str | Detail]
    ) -> None:
        """Write one item to a secure OS store only; ``refused(backend, reason)`` words a
        refusal."""
        from keyring.errors import KeyringError  # noqa: PLC0415

        backend = self.backend
        status = keyring_status(backend)
        if not status.secure:
            raise InsecureKeyringError(said("secret.not_stored", reason=status.explanation))
        try:
            with KEYRING_CALLS:
                backend.set_password(self.service, username, value)
        except KeyringError as exc:
            raise InsecureKeyringError(refused(status.backend, str(exc))) from None
        log.info("stored %s in %s", username, status.backend)

    def delete(self, profile: str) -> int:
        """Remove both secrets of ``profile``; returns how many items were there."""
        from keyring.errors import KeyringError, PasswordDeleteError  # noqa: PLC0415

        backend = self.backend
        status = keyring_status(backend)
        if not status.secure:
            # Nothing of ours can be in a store we never write to.
            self.last_error = status.explanation
            return 0
        removed = 0
        for kind in KINDS:
            username = self.username(profile, kind)
            try:
                with KEYRING_CALLS:
                    backend.delete_password(self.service, username)
            except PasswordDeleteError:
                continue  # keyring's word for "no such item"
            except KeyringError as exc:
                raise InsecureKeyringError(
                    said(
                        "secret.delete_refused",
                        backend=status.backend,
                        profile=repr(profile),
                        reason=str(exc),
                    )
                ) from None
            removed += 1
        self.last_error = None
        return removed
