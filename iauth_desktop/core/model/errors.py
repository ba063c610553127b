"""Typed errors of the core. Each carries the CLI exit code of its class and a plain message.

The GUI and the CLI show ``str(error)``: messages are written for a reviewer, never contain
secrets, decrypted personal data or tracebacks.
"""

from __future__ import annotations

from typing import ClassVar

from iauth_desktop.core.model.codes import CodeInfo

QUOTE_CHARS = 200  # the most of a server's own text an error message quotes


class IauthError(Exception):
    """Base of every error the core raises on purpose."""

    exit_code: ClassVar[int] = 1


# --- 2: usage or configuration -------------------------------------------------------------


class UsageError(IauthError):
    exit_code: ClassVar[int] = 2


class MissingCredentialsError(UsageError):
    """A value needed to sign or decrypt is missing; ``missing`` names each one."""

    def __init__(self, missing: tuple[str, ...], hint: str = "") -> None:
        self.missing = missing
        text = "missing credentials: " + ", ".join(missing)
        super().__init__(f"{text}. {hint}".strip() if hint else text)


class InsecureKeyringError(UsageError):
    """No secure OS keyring is available, so secrets are not stored anywhere."""


class InsecureEndpointError(UsageError):
    """Plain http:// to a host that is not loopback, or an unusable endpoint URL."""


class TargetExistsError(UsageError):
    """The output folder exists and is not empty, and replacing it was not asked for."""


class OutputError(UsageError):
    """An output file or folder could not be written (permissions, missing folder, disk full)."""


# --- 3: the service answered an error code -------------------------------------------------


class ServiceError(IauthError):
    """The service answered ``errorcode != 0``."""

    exit_code: ClassVar[int] = 3

    def __init__(
        self,
        code: int,
        name: str,
        meaning: str,
        errormsg: str,
        *,
        info: CodeInfo | None = None,
        token_gone: bool = False,
    ) -> None:
        self.code = code
        self.name = name
        self.meaning = meaning
        self.errormsg = errormsg
        self.info = info  # the code explained by the provider's table, both languages
        self.token_gone = token_gone  # the token's data can no longer be fetched
        said = errormsg if len(errormsg) <= QUOTE_CHARS else errormsg[: QUOTE_CHARS - 1] + "…"
        super().__init__(f"service error {code} {name}: {meaning} (service said: {said!r})")


# --- 4: network, HTTP, malformed answers ---------------------------------------------------


class TransportError(IauthError):
    exit_code: ClassVar[int] = 4


class NetworkError(TransportError):
    """The service could not be reached, or the connection failed before an answer came."""


class HttpStatusError(TransportError):
    def __init__(self, status: int, excerpt: str) -> None:
        self.status = status
        self.excerpt = excerpt
        super().__init__(f"the service answered HTTP {status}: {excerpt}")


class TruncatedResponseError(TransportError):
    """The answer stopped before it was complete."""


class MalformedResponseError(TransportError):
    """The answer is not the JSON object the protocol describes."""

    def __init__(self, message: str, status: int | None = None, excerpt: str = "") -> None:
        self.status = status
        self.excerpt = excerpt
        parts = [message]
        if status is not None:
            parts.append(f"HTTP {status}")
        if excerpt:
            parts.append(f"begins {excerpt!r}")
        super().__init__("; ".join(parts))


class ResponseTooLargeError(TransportError):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the answer is larger than the configured limit of {limit} bytes")


# --- 5: decryption and integrity -----------------------------------------------------------


class DecryptionError(IauthError):
    exit_code: ClassVar[int] = 5


class KeyLengthError(DecryptionError):
    """The AES result key is not 32 bytes: a configuration mistake, so exit 2."""

    exit_code: ClassVar[int] = 2


class Base64DecodeError(DecryptionError):
    """Text that should be standard Base64 is not."""


class CorruptCiphertextError(DecryptionError):
    """The ciphertext is not a whole number of AES blocks: cut short or corrupted."""


class WrongKeyError(DecryptionError):
    """Decryption produced noise: the AES result key does not belong to this data."""


class PaddingError(DecryptionError):
    """The text decrypts but its PKCS#7 padding is broken: the data was altered at its end."""


class PayloadFormatError(DecryptionError):
    """The decrypted payload is not the JSON object the protocol describes."""


class IntegrityError(DecryptionError):
    """A saved evidence bundle does not match its manifest."""


# --- 130: interrupted ----------------------------------------------------------------------


class CancelledError(IauthError):
    """The caller asked to stop (Cancel, Esc, Ctrl+C)."""

    exit_code: ClassVar[int] = 130
